import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { createTestApi } from '../../../test/api-client';
import { describeStores, emptyStore } from '../../../test/stores';
import { passwordProblems } from '../accounts/password-rules';
import type { Database } from '../store/database';
import { readWorkGrade } from '../evaluations/work-grade';
import { DEMO_UNITS } from './demo-world';
import { createFirstAdmin } from './first-admin';
import { initialPassword } from './initial-password';
import { loadDemo } from './load-demo';
import type { DemoLoad, DemoPorts } from './load-demo';

const readReport = async (file: string) => new Uint8Array(await readFile(new URL(`../../../demo/${file}`, import.meta.url)));

const PASSWORD = 'Demo-Passw0rd-2025';

async function count(db: Kysely<Database>, table: 'jurisdictions' | 'units' | 'users' | 'role_grants' | 'evaluations' | 'evaluation_versions' | 'documents' | 'import_results' | 'comments' | 'deadlines' | 'jurisdiction_frameworks'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

it('initial passwords meet the password rules and differ', () => {
  const drawn = Array.from({ length: 200 }, () => initialPassword('admin'));
  expect(drawn.filter((p) => passwordProblems(p, 'admin').length > 0)).toEqual([]);
  expect(new Set(drawn).size).toBe(200);
  expect(drawn[0]).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
});

describeStores('demo data', (store) => {
  let ports: DemoPorts;
  let first: DemoLoad;

  beforeAll(async () => {
    await emptyStore(store());
    const { deps } = createTestApi(store());
    ports = { readers: deps.readers, limits: deps.importLimits, hasher: deps.hasher, readReport };
    first = await loadDemo(store().db, ports);
  }, 60_000);

  it('loads the tree, the five units, a user per role and scope, and the seed years', async () => {
    const db = store().db;
    expect(first.loaded && first.counts).toEqual({ jurisdictions: 6, units: 5, users: 14, evaluations: 13 });
    expect(await count(db, 'jurisdictions')).toBe(6);
    expect(await count(db, 'units')).toBe(5);
    expect(await count(db, 'users')).toBe(14);
    expect(await count(db, 'role_grants')).toBe(14);
    // 1 部门整体 evaluation for seeds 000–003, 1 + 8 项目 for seed 004.
    expect(await count(db, 'evaluations')).toBe(13);
    expect(await count(db, 'documents')).toBe(5);
    expect(await count(db, 'import_results')).toBe(5);
    // 2022 and 2024, three deadlines each; frameworks: 湖南 × 2 years × 2 kinds, and 浏阳's own for 2022.
    expect(await count(db, 'deadlines')).toBe(6);
    expect(await count(db, 'jurisdiction_frameworks')).toBe(5);
    const tree = await db.selectFrom('jurisdictions as j').leftJoin('jurisdictions as p', 'p.id', 'j.parent_id').select(['j.name', 'j.level', 'p.name as parent', 'j.path']).orderBy('j.code').execute();
    expect(tree.map((t) => [t.name, t.level, t.parent])).toEqual([
      ['湖南省', 'province', null],
      ['长沙市', 'city', '湖南省'],
      ['浏阳市', 'county', '长沙市'],
      ['岳阳市', 'city', '湖南省'],
      ['益阳市', 'city', '湖南省'],
      ['安化县', 'county', '益阳市'],
    ]);
    const anhua = tree.find((t) => t.name === '安化县');
    expect(anhua?.path.split('/').filter(Boolean)).toHaveLength(3);
    const deadlines = await db.selectFrom('deadlines').select(['year', sql<string>`to_char(due_date, 'YYYY-MM-DD')`.as('due')]).where('kind', '=', 'publish').orderBy('year').execute();
    expect(deadlines.map((d) => `${d.year} ${d.due}`)).toEqual(['2022 2023-06-20', '2024 2025-06-20']);
  });

  it('imports each seed report with its figures, and leaves each unit in its demo status', async () => {
    const rows = await store()
      .db.selectFrom('evaluations')
      .innerJoin('units', 'units.id', 'evaluations.unit_id')
      .select(['units.name as unit', 'evaluations.year', 'evaluations.kind', 'evaluations.project_name', 'evaluations.status', 'evaluations.current_version', 'evaluations.framework_id', 'evaluations.budget', 'evaluations.executed', 'evaluations.stated_score', 'evaluations.computed_score', 'evaluations.grade', 'evaluations.parent_id'])
      .where('evaluations.kind', '=', 'department')
      .orderBy('units.code')
      .execute();
    const summary = rows.map((r) => [r.unit, r.year, r.status, r.current_version, r.framework_id, r.budget, r.executed, r.stated_score, r.computed_score, r.grade]);
    expect(summary).toEqual([
      // Seed 000: 15424.89 budget, 14877.44 executed, 99.26 stated and recomputed.
      ['湖南省人大常委会办公厅', 2024, 'draft', 1, 'hunan-standard', '15424.890000', '14877.440000', '99.26', '99.26', '优'],
      // Seed 001: 99 stated; 99.45 by the linear execution rule (10 × 94.48% = 9.45 where the report took 9).
      ['湖南省人民政府办公厅', 2024, 'returned', 2, 'hunan-standard', '32909.200000', '31092.650000', '99.00', '99.45', '优'],
      // Seed 003: its 财政拨款 row, 2092.38 budget and 2575.66 executed (123%, as the fixture transcribes it).
      ['浏阳市人大常委会办公室', 2022, 'approved', 2, 'liuyang-department', '2092.380000', '2575.660000', '99.00', '99.00', '优'],
      ['岳阳市人大常委会', 2022, 'published', 2, 'hunan-standard', '4280.310000', '4280.310000', '100.00', '100.00', '优'],
      ['安化县人大常委会办公室', 2024, 'submitted', 2, 'hunan-standard', '1304.570000', '1304.570000', null, '10.00', '差'],
    ]);
    const yueyang = rows.find((r) => r.unit === '岳阳市人大常委会');
    const projects = await store().db.selectFrom('evaluations').select(['project_name', 'parent_id', 'status', 'budget']).where('kind', '=', 'project').orderBy('project_name').execute();
    expect(projects).toHaveLength(8);
    expect(projects.every((p) => p.parent_id !== null && p.status === 'published')).toBe(true);
    expect(new Set(projects.map((p) => p.parent_id))).toEqual(new Set([await departmentId(yueyang?.unit)]));
    expect(projects.find((p) => p.project_name === '人大代表')?.budget).toBe('258.200000');
    // Each report stored as the import page stores an upload: the bytes, and the import with its summaries.
    const imports = await store()
      .db.selectFrom('import_results')
      .innerJoin('documents', 'documents.id', 'import_results.document_id')
      .select(['documents.filename', 'documents.size', 'import_results.ok', 'import_results.result'])
      .orderBy('documents.filename')
      .execute();
    expect(imports.map((i) => [i.filename, i.size, i.ok])).toEqual(DEMO_UNITS.map((u) => [u.file, expect.any(Number), true]));
    expect(imports[4]?.size).toBe(66_137);
    const summaries = (imports[4]?.result as unknown as { summaries: { kind: string; figures: { budget: string } }[] }).summaries;
    expect(summaries.map((x) => x.kind)).toEqual(['department', ...Array<string>(8).fill('project')]);
    expect(summaries[0]?.figures.budget).toBe('4280.310000');
    const comments = await store().db.selectFrom('comments').select(['kind', 'version', 'body']).execute();
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ kind: 'review', version: 2 });
    expect(comments[0]?.body).toContain('9.45');
  });

  it('dates each submission, so the 考核评分表 suggests 提交报告 points from the deadline', async () => {
    const rows = await store()
      .db.selectFrom('evaluations')
      .innerJoin('units', 'units.id', 'evaluations.unit_id')
      .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
      .selectAll('evaluations')
      .select(['units.name as unit_name', 'units.jurisdiction_id', 'jurisdictions.path as jurisdiction_path'])
      .where('evaluations.kind', '=', 'department')
      .execute();
    const suggestion = async (unit: string) => {
      const row = rows.find((r) => r.unit_name === unit);
      if (!row) throw new Error(unit);
      return (await readWorkGrade(store().db, row)).lines.find((l) => l.id === 'submission')?.suggested;
    };
    // 安化 2024: due 2025-05-31 (a Saturday), submitted Wednesday 2025-06-04: Mon 2, Tue 3, Wed 4 June are late,
    // so 10 − 3 = 7. 岳阳 2022: submitted Friday 2023-05-26, before its 2023-05-31 deadline: 10.
    const anhua = await suggestion('安化县人大常委会办公室');
    expect(anhua?.score).toBe('7');
    expect(anhua?.reason).toContain('提交于 2025-06-04，截止日 2025-05-31');
    expect(anhua?.reason).toContain('晚 3 个工作日');
    expect((await suggestion('岳阳市人大常委会'))?.score).toBe('10');
    // A draft was never submitted: nothing to suggest.
    expect(await suggestion('湖南省人大常委会办公厅')).toBeNull();
  });

  async function departmentId(unit: string | undefined): Promise<string> {
    const row = await store().db.selectFrom('evaluations').innerJoin('units', 'units.id', 'evaluations.unit_id').select('evaluations.id').where('units.name', '=', unit ?? '').where('kind', '=', 'department').executeTakeFirstOrThrow();
    return row.id;
  }

  it('gives every user a random password that meets the rules and logs in', async () => {
    if (!first.loaded) throw new Error('not loaded');
    expect(first.accounts.map((a) => `${a.username} ${a.roleLabel} ${a.scope}`).slice(0, 6)).toEqual([
      'admin 系统管理员 湖南省',
      'fin_hn 财政审核 湖南省',
      'fin_yy 财政审核 岳阳市',
      'npc_hn 人大监督 湖南省',
      'filler_hnrd 填报人 湖南省人大常委会办公厅',
      'head_hnrd 单位负责人 湖南省人大常委会办公厅',
    ]);
    const passwords = first.accounts.map((a) => a.password ?? '');
    expect(new Set(passwords).size).toBe(14);
    expect(first.accounts.filter((a) => passwordProblems(a.password ?? '', a.username).length > 0)).toEqual([]);
    const api = createTestApi(store());
    for (const account of first.accounts.filter((a) => ['admin', 'fin_yy', 'filler_yyrd'].includes(a.username))) {
      const client = await api.as(account.username, account.password);
      const me = (await (await client.get('/api/auth/me')).json()) as { user: { username: string; roles: { label: string }[] } };
      expect(me.user.username).toBe(account.username);
      expect(me.user.roles.map((r) => r.label)).toEqual([account.roleLabel]);
    }
    await expect(api.as('admin', 'Wrong-Passw0rd-1')).rejects.toThrow(/401/);
  });

  it('is a no-op on a store that already has jurisdictions', async () => {
    const before = await count(store().db, 'evaluations');
    expect(await loadDemo(store().db, ports)).toEqual({ loaded: false });
    expect(await createFirstAdmin(store().db, ports.hasher, PASSWORD, initialPassword)).toEqual({ created: false });
    expect(await count(store().db, 'evaluations')).toBe(before);
    expect(await count(store().db, 'users')).toBe(14);
  });

  it('gives every user JIXIAO_ADMIN_PASSWORD when given, and returns no password', async () => {
    await emptyStore(store());
    const load = await loadDemo(store().db, ports, { password: PASSWORD });
    if (!load.loaded) throw new Error('not loaded');
    expect(load.accounts.every((a) => a.password === undefined)).toBe(true);
    const api = createTestApi(store());
    for (const username of ['npc_hn', `head_${DEMO_UNITS[4]?.key}`]) expect((await api.as(username, PASSWORD)).csrfToken).not.toBe('');
  }, 60_000);

  it('refuses a JIXIAO_ADMIN_PASSWORD that breaks the rules, before writing anything', async () => {
    await emptyStore(store());
    await expect(loadDemo(store().db, ports, { password: 'short' })).rejects.toThrow(/JIXIAO_ADMIN_PASSWORD 不能用作用户 admin 的密码：密码至少 10 个字符/);
    expect(await count(store().db, 'jurisdictions')).toBe(0);
  });

  it('without the demo, creates 湖南省 and the admin only', async () => {
    await emptyStore(store());
    const result = await createFirstAdmin(store().db, ports.hasher, undefined, initialPassword);
    if (!result.created) throw new Error('not created');
    expect(result).toMatchObject({ username: 'admin', jurisdiction: '湖南省' });
    expect(await count(store().db, 'jurisdictions')).toBe(1);
    expect(await count(store().db, 'units')).toBe(0);
    const me = await (await (await createTestApi(store()).as('admin', result.password)).get('/api/auth/me')).json();
    expect((me as { user: { roles: { role: string }[] } }).user.roles).toEqual([expect.objectContaining({ role: 'admin' })]);
  });
});
