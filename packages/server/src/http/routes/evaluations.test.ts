import { readFileSync } from 'node:fs';
import { beforeEach, expect, it } from 'vitest';
import { describeStores, emptyStore } from '../../../test/stores';
import { seedWorld } from '../../../test/api-world';
import { createTestApi } from '../../../test/api-client';
import type { Client, TestApi } from '../../../test/api-client';
import { fixturePath } from '../../../test/seed-fixtures';
import type { Seed } from '../../../test/seed-fixtures';
import type { z } from '@hono/zod-openapi';
import type { figuresSchema } from './evaluations';

type Content = Record<string, unknown> & { indicators: Record<string, unknown>[]; funds: { rows: Record<string, unknown>[] } };

function seedContent(seed: Seed): Content {
  return JSON.parse(readFileSync(fixturePath(seed), 'utf8')) as Content;
}

/** One evaluation of seed 004's bundle (0 = the 部门整体, then its 项目). */
function bundleItem(index: number): Content {
  const bundle = JSON.parse(readFileSync(fixturePath('004'), 'utf8')) as { evaluations: Content[] };
  return bundle.evaluations[index] as Content;
}

/** The figures as the API answers them (its own schema's type). */
type Figures = z.infer<typeof figuresSchema>;

interface Evaluation {
  id: string;
  unit: { id: string; name: string };
  year: number;
  kind: string;
  projectName: string;
  parentId: string | null;
  frameworkId: string;
  status: string;
  statusLabel: string;
  version: number;
  figures: Figures;
  content: Content;
  findings: { id: string; version: number; rule: string; severity: string; message: string; location: { path?: string } | null }[];
  children: { id: string; projectName: string; figures: Figures }[];
  actions: string[];
}

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const body = async <T>(res: Response) => (await res.json()) as T;

/** seed-003 (浏阳市人大常委会机关 2022, 部门整体, liuyang-department) as transcribed: the published total is 99. */
const SEED_003_FIGURES: Figures = {
  // No fund row carries the 预算执行率 weight (the Liuyang framework has no such item): the headline is the
  // 财政拨款 row, 2575.66 ÷ 2092.38 = 123.09714…% → 123.0971 (the report prints 123%).
  budget: '2092.380000',
  executed: '2575.660000',
  executionRate: '123.0971',
  statedScore: '99.00',
  // 投入管理 29 + 产出指标 25 + 效益指标 45 (the 1 point off is 预算编审管理's 准确性, 123% of budget).
  computedScore: '99.00',
  grade: '优',
  errorCount: 0,
  // 2 × execution over 100% (财政拨款 123.10%, 基本支出 141.88%), a deduction without reason, no grade stated,
  // 2 × the Yueyang rubric (三级指标, 反映问题情况).
  warningCount: 6,
};

describeStores('evaluations API', (store) => {
  let api: TestApi;
  let filler: Client;

  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    await seedWorld(store().db, api.deps.hasher);
    filler = await api.as('filler_yy');
  });

  async function create(client: Client, input: Record<string, unknown>): Promise<Evaluation> {
    const res = await client.post('/api/evaluations', input);
    if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
    return body<Evaluation>(res);
  }

  const createSeed003 = () => create(filler, { unitId: 'u_yy', year: 2022, kind: 'department', content: seedContent('003') });

  it('creates a draft from seed 003 and scores it 99.00, as published', async () => {
    const created = await createSeed003();
    expect(created).toMatchObject({
      unit: { id: 'u_yy', name: '岳阳市人大常委会办公室' },
      year: 2022,
      kind: 'department',
      projectName: '',
      parentId: null,
      // No jurisdiction assigns a framework in the test world: the content's own is used.
      frameworkId: 'liuyang-department',
      status: 'draft',
      statusLabel: '草稿',
      version: 1,
      figures: SEED_003_FIGURES,
      children: [],
      actions: ['save'],
    });
    expect(created.content).toEqual(seedContent('003'));
    // 6 warnings and 4 notes, warnings first.
    expect(created.findings.map((f) => f.severity)).toEqual([...Array<string>(6).fill('warning'), ...Array<string>(4).fill('info')]);
    expect(created.findings.filter((f) => f.rule === 'audit.execution-over-100').map((f) => f.message)).toEqual([
      '基本支出：执行 1961.17 ÷ 预算 1382.26 = 141.88%，超过 100%，预算编制的准确性值得关注',
      '财政拨款：执行 2575.66 ÷ 预算 2092.38 = 123.10%，超过 100%，预算编制的准确性值得关注',
    ]);

    const row = await store().db.selectFrom('evaluations').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect([row.stated_score, row.computed_score, row.grade, row.error_count, row.warning_count]).toEqual(['99.00', '99.00', '优', 0, 6]);
    const log = await store().db.selectFrom('audit_log').selectAll().where('entity_id', '=', created.id).execute();
    expect(log.map((l) => [l.action, l.user_id, (l.after as { status: string }).status])).toEqual([['create', 'user_filler_yy', 'draft']]);
  });

  it('records exact figures of a scored fund row (seed 001: 31092.65 ÷ 32909.2 = 94.480115…%)', async () => {
    const created = await create(filler, { unitId: 'u_yy', year: 2024, kind: 'department', content: seedContent('001') });
    expect(created.frameworkId).toBe('hunan-standard');
    expect(created.figures).toEqual({
      budget: '32909.200000',
      executed: '31092.650000',
      executionRate: '94.4801',
      statedScore: '99.00',
      computedScore: '99.45',
      grade: '优',
      errorCount: 0,
      warningCount: 10,
    });
  });

  it('picks the framework: the one asked for, else the nearest jurisdiction assignment, else the content’s, else hunan-standard', async () => {
    const db = store().db;
    await db
      .insertInto('jurisdiction_frameworks')
      .values([
        { jurisdiction_id: 'hn', year: 2022, kind: 'department', framework_id: 'mof-2013-department', policies: '{}' },
        { jurisdiction_id: 'ly', year: 2022, kind: 'department', framework_id: 'liuyang-department', policies: '{}' },
      ])
      .execute();
    const withoutFramework = { ...seedContent('003'), frameworkId: undefined };
    // 岳阳 has none of its own: 湖南省's applies. 浏阳 has its own, nearer than 湖南省's.
    expect((await create(filler, { unitId: 'u_yy', year: 2022, kind: 'department', content: withoutFramework })).frameworkId).toBe('mof-2013-department');
    const fillerLy = await api.as('filler_ly');
    expect((await create(fillerLy, { unitId: 'u_ly', year: 2022, kind: 'department', content: withoutFramework })).frameworkId).toBe('liuyang-department');
    // No assignment for 2023, none in the content: the default.
    expect((await create(filler, { unitId: 'u_yy', year: 2023, kind: 'department', content: { ...withoutFramework, year: 2023 } })).frameworkId).toBe('hunan-standard');
    expect((await create(fillerLy, { unitId: 'u_ly', year: 2023, kind: 'department', frameworkId: 'liuyang-department', content: { ...withoutFramework, year: 2023 } })).frameworkId).toBe('liuyang-department');
    const unknown = await filler.post('/api/evaluations', { unitId: 'u_yy', year: 2024, kind: 'department', frameworkId: 'nope', content: { ...withoutFramework, year: 2024 } });
    expect(unknown.status).toBe(422);
    expect((await body<ErrorBody>(unknown)).error.details).toEqual({ issues: [{ path: 'frameworkId', message: '未知的评分框架“nope”；可用：hunan-standard、liuyang-department、mof-2013-department' }] });
  });

  it('refuses a second evaluation of the same unit, year and kind, and content that does not fit the format', async () => {
    await createSeed003();
    const again = await filler.post('/api/evaluations', { unitId: 'u_yy', year: 2022, kind: 'department', content: seedContent('003') });
    expect(again.status).toBe(409);
    expect((await body<ErrorBody>(again)).error).toMatchObject({ code: 'CONFLICT', message: '“岳阳市人大常委会办公室” 2022 年度的部门整体评价已存在' });

    const bad = seedContent('003');
    (bad.indicators[13] as Record<string, unknown>).actual = 'abc';
    const invalid = await filler.post('/api/evaluations', { unitId: 'u_yy', year: 2023, kind: 'department', content: { ...bad, year: 2023 } });
    expect(invalid.status).toBe(422);
    expect((await body<ErrorBody>(invalid)).error).toEqual({
      code: 'UNPROCESSABLE',
      message: '评价内容不符合评价文件格式（1 处）：indicators[13].actual：应为十进制数字字符串，如 "4280.31"',
      details: { issues: [{ path: 'indicators[13].actual', message: '应为十进制数字字符串，如 "4280.31"' }] },
    });

    const wrongYear = await filler.post('/api/evaluations', { unitId: 'u_yy', year: 2023, kind: 'department', content: seedContent('003') });
    expect(wrongYear.status).toBe(422);
    expect((await body<ErrorBody>(wrongYear)).error.details).toEqual({ issues: [{ path: 'year', message: '内容为 2022 年度，此评价为 2023 年度' }] });
    // Nothing of the refused ones was stored.
    expect(await store().db.selectFrom('evaluations').select('year').execute()).toEqual([{ year: 2022 }]);
  });

  it('keeps evaluations to their scope: 404 outside it, 403 for a role without the action', async () => {
    const created = await createSeed003();
    for (const username of ['filler_ly', 'fin_ly', 'head_ly']) {
      const res = await (await api.as(username)).get(`/api/evaluations/${created.id}`);
      expect(res.status, username).toBe(404);
      expect(await body<ErrorBody>(res)).toEqual({ error: { code: 'NOT_FOUND', message: '未找到评价，或您无权查看' } });
    }
    for (const username of ['fin_yy', 'fin_hn', 'npc_yy', 'head_yy', 'admin']) {
      expect((await (await api.as(username)).get(`/api/evaluations/${created.id}`)).status, username).toBe(200);
    }
    // What each may do now, shown to the client: the head cannot save, the reviewer has nothing to review yet.
    expect((await body<Evaluation>(await (await api.as('head_yy')).get(`/api/evaluations/${created.id}`))).actions).toEqual(['submit']);
    expect((await body<Evaluation>(await (await api.as('fin_yy')).get(`/api/evaluations/${created.id}`))).actions).toEqual([]);

    const head = await api.as('head_yy');
    const put = await head.put(`/api/evaluations/${created.id}`, { baseVersion: 1, content: seedContent('003') });
    expect(put.status).toBe(403);
    expect(await body<ErrorBody>(put)).toEqual({ error: { code: 'FORBIDDEN', message: '您没有权限修改此评价' } });
    expect((await (await api.as('fin_ly')).put(`/api/evaluations/${created.id}`, { baseVersion: 1, content: seedContent('003') })).status).toBe(404);
    // Every sub-resource is hidden alike.
    const fillerLy = await api.as('filler_ly');
    for (const path of ['versions', 'versions/1', 'findings', 'comments']) expect((await fillerLy.get(`/api/evaluations/${created.id}/${path}`)).status, path).toBe(404);
    expect((await fillerLy.post(`/api/evaluations/${created.id}/check`)).status).toBe(404);

    // Creating: a unit out of sight is 404, one in sight without the edit action 403.
    expect((await fillerLy.post('/api/evaluations', { unitId: 'u_yy', year: 2023, kind: 'department', content: { ...seedContent('003'), year: 2023 } })).status).toBe(404);
    const byHead = await head.post('/api/evaluations', { unitId: 'u_yy', year: 2023, kind: 'department', content: { ...seedContent('003'), year: 2023 } });
    expect(byHead.status).toBe(403);
    expect((await body<ErrorBody>(byHead)).error.message).toBe('您没有权限为“岳阳市人大常委会办公室”填报评价');
    expect((await api.anonymous().get(`/api/evaluations/${created.id}`)).status).toBe(401);
  });

  it('lists the evaluations in scope, filtered and paginated, with their figures', async () => {
    const e003 = await createSeed003();
    const e001 = await create(filler, { unitId: 'u_yy', year: 2024, kind: 'department', content: seedContent('001') });
    const fillerLy = await api.as('filler_ly');
    const e002 = await create(fillerLy, { unitId: 'u_ly', year: 2024, kind: 'department', content: seedContent('002') });
    type Page = { items: { id: string; unit: { name: string }; year: number; status: string; statusLabel: string; version: number; figures: Figures }[]; page: number; pageSize: number; total: number };
    const list = async (client: Client, query = '') => body<Page>(await client.get(`/api/evaluations${query}`));

    const own = await list(filler);
    expect(own.total).toBe(2);
    // Newest year first.
    expect(own.items.map((i) => i.id)).toEqual([e001.id, e003.id]);
    expect(own.items[0]).toMatchObject({ unit: { name: '岳阳市人大常委会办公室' }, year: 2024, status: 'draft', statusLabel: '草稿', version: 1 });
    expect(own.items[0]?.figures).toEqual({ budget: '32909.200000', executed: '31092.650000', executionRate: '94.4801', statedScore: '99.00', computedScore: '99.45', grade: '优', errorCount: 0, warningCount: 10 });
    expect(own.items[1]?.figures).toEqual(SEED_003_FIGURES);

    expect((await list(fillerLy)).items.map((i) => i.id)).toEqual([e002.id]);
    expect((await list(await api.as('fin_yy'))).total).toBe(2);
    expect((await list(await api.as('fin_ly'))).total).toBe(1);
    const province = await api.as('fin_hn');
    expect((await list(province)).total).toBe(3);
    expect((await list(province, '?year=2024')).items.map((i) => i.id).sort()).toEqual([e001.id, e002.id].sort());
    expect((await list(province, '?unitId=u_ly')).items.map((i) => i.id)).toEqual([e002.id]);
    expect((await list(province, '?status=draft')).total).toBe(3);
    expect((await list(province, '?status=submitted')).total).toBe(0);
    expect((await list(province, '?kind=project')).total).toBe(0);
    const paged = await list(province, '?page=2&pageSize=2');
    expect([paged.page, paged.pageSize, paged.total, paged.items.length]).toEqual([2, 2, 3, 1]);
    // A filter naming a unit out of scope finds nothing, rather than that unit's evaluations.
    expect((await list(filler, '?unitId=u_ly')).total).toBe(0);
    const badFilter = await province.get('/api/evaluations?status=done');
    expect(badFilter.status).toBe(400);
    expect((await body<ErrorBody>(badFilter)).error.message).toMatch(/^status：/);
  });

  it('turns two saves from the same version into a 409 for the second that names the first one’s change; nothing is lost', async () => {
    const created = await createSeed003();
    const alice = filler;
    const bob = await api.as('filler_yy');
    // Both load version 1.
    const loadedByAlice = await body<Evaluation>(await alice.get(`/api/evaluations/${created.id}`));
    const loadedByBob = await body<Evaluation>(await bob.get(`/api/evaluations/${created.id}`));
    expect([loadedByAlice.version, loadedByBob.version]).toEqual([1, 1]);

    const aliceContent = structuredClone(loadedByAlice.content);
    (aliceContent.indicators[13] as Record<string, unknown>).actual = '90';
    const bobContent = structuredClone(loadedByBob.content);
    (bobContent.indicators[16] as Record<string, unknown>).actual = '95';

    const first = await alice.put(`/api/evaluations/${created.id}`, { baseVersion: 1, content: aliceContent });
    expect(first.status).toBe(200);
    const saved = await body<Evaluation>(first);
    expect(saved.version).toBe(2);
    // 年度工作任务实际完成率 90% of 100% is scored 90% of its share of 数量指标 (6 points): 99 − 0.2.
    expect(saved.figures.computedScore).toBe('98.80');
    expect(saved.findings.every((f) => f.version === 2)).toBe(true);

    const second = await bob.put(`/api/evaluations/${created.id}`, { baseVersion: 1, content: bobContent });
    expect(second.status).toBe(409);
    const conflict = await body<ErrorBody>(second);
    expect(conflict.error.code).toBe('CONFLICT');
    expect(conflict.error.message).toBe('此评价已被他人保存为第 2 版（改动：indicators[13].actual），您的修改未保存；请查看对方的改动，在最新版本上重新保存');
    expect(conflict.error.details?.currentVersion).toBe(2);
    expect(conflict.error.details?.changedPaths).toEqual(['indicators[13].actual']);
    expect(conflict.error.details?.current).toEqual(aliceContent);

    // Alice's save is intact.
    const afterConflict = await body<Evaluation>(await alice.get(`/api/evaluations/${created.id}`));
    expect(afterConflict.version).toBe(2);
    expect(afterConflict.content).toEqual(aliceContent);

    // Bob applies his change to the current content and saves from version 2: both changes are kept.
    const merged = structuredClone(conflict.error.details?.current as Content);
    (merged.indicators[16] as Record<string, unknown>).actual = '95';
    const third = await bob.put(`/api/evaluations/${created.id}`, { baseVersion: 2, content: merged });
    expect(third.status).toBe(200);
    const final = await body<Evaluation>(third);
    expect(final.version).toBe(3);
    expect((final.content.indicators[13] as Record<string, unknown>).actual).toBe('90');
    expect((final.content.indicators[16] as Record<string, unknown>).actual).toBe('95');

    const versions = await store().db.selectFrom('evaluation_versions').select(['version', 'reason']).where('evaluation_id', '=', created.id).orderBy('version').execute();
    expect(versions).toEqual([
      { version: 1, reason: 'create' },
      { version: 2, reason: 'save' },
      { version: 3, reason: 'save' },
    ]);
  });

  it('lets exactly one of two simultaneous saves from one version through', async () => {
    const created = await createSeed003();
    const other = await api.as('filler_yy');
    const a = seedContent('003');
    (a.indicators[13] as Record<string, unknown>).actual = '90';
    const b = seedContent('003');
    (b.indicators[16] as Record<string, unknown>).actual = '95';
    const responses = await Promise.all([filler.put(`/api/evaluations/${created.id}`, { baseVersion: 1, content: a }), other.put(`/api/evaluations/${created.id}`, { baseVersion: 1, content: b })]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = responses.findIndex((r) => r.status === 200);
    const loser = (await body<ErrorBody>(responses[1 - winner] as Response)).error.details;
    expect(loser?.changedPaths).toEqual([winner === 0 ? 'indicators[13].actual' : 'indicators[16].actual']);
    const row = await store().db.selectFrom('evaluations').select('current_version').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.current_version).toBe(2);
    expect(await store().db.selectFrom('evaluation_versions').select('version').where('evaluation_id', '=', created.id).orderBy('version').execute()).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('refuses a save of content that does not fit the format, keeping the version', async () => {
    const created = await createSeed003();
    const bad = seedContent('003');
    (bad.funds.rows[0] as Record<string, unknown>).annualBudget = '2,092.38';
    const res = await filler.put(`/api/evaluations/${created.id}`, { baseVersion: 1, content: bad });
    expect(res.status).toBe(422);
    expect((await body<ErrorBody>(res)).error.details?.issues).toEqual([{ path: 'funds.rows[0].annualBudget', message: expect.any(String) as string }]);
    const noBase = await filler.put(`/api/evaluations/${created.id}`, { content: bad });
    expect(noBase.status).toBe(400);
    expect((await body<Evaluation>(await filler.get(`/api/evaluations/${created.id}`))).version).toBe(1);
  });

  it('lists versions and serves each one with the findings recorded with it', async () => {
    const created = await createSeed003();
    const changed = seedContent('003');
    (changed.funds.rows[0] as Record<string, unknown>).statedRate = '100';
    expect((await filler.put(`/api/evaluations/${created.id}`, { baseVersion: 1, content: changed })).status).toBe(200);

    const fin = await api.as('fin_yy');
    const versions = await body<{ items: { version: number; reason: string; createdBy: { username: string } | null; createdAt: string }[]; total: number }>(await fin.get(`/api/evaluations/${created.id}/versions`));
    expect(versions.total).toBe(2);
    expect(versions.items.map((v) => [v.version, v.reason, v.createdBy?.username])).toEqual([
      [2, 'save', 'filler_yy'],
      [1, 'create', 'filler_yy'],
    ]);

    const v1 = await body<{ version: number; content: Content; findings: { severity: string }[] }>(await fin.get(`/api/evaluations/${created.id}/versions/1`));
    expect(v1.content).toEqual(seedContent('003'));
    expect(v1.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const v2 = await body<{ version: number; content: Content; findings: { severity: string; rule: string; message: string; location: unknown }[] }>(await fin.get(`/api/evaluations/${created.id}/versions/2`));
    expect(v2.content).toEqual(changed);
    // 2575.66 ÷ 2092.38 = 123.0986…% against a stated 100%.
    expect(v2.findings[0]).toMatchObject({ severity: 'error', rule: 'audit.execution-rate', message: '财政拨款执行率：2575.66 ÷ 2092.38 = 123.10%，报告称 100%', location: { path: 'funds.rows[0]' } });
    expect((await fin.get(`/api/evaluations/${created.id}/versions/3`)).status).toBe(404);

    type FindingsPage = { version: number; items: { severity: string; version: number }[]; total: number; page: number; pageSize: number };
    const current = await body<FindingsPage>(await fin.get(`/api/evaluations/${created.id}/findings`));
    expect([current.version, current.total, current.items[0]?.severity]).toEqual([2, 11, 'error']);
    expect(current.items.every((f) => f.version === 2)).toBe(true);
    const first = await body<FindingsPage>(await fin.get(`/api/evaluations/${created.id}/findings?version=1`));
    expect([first.version, first.total, first.items[0]?.severity]).toEqual([1, 10, 'warning']);
    const paged = await body<FindingsPage>(await fin.get(`/api/evaluations/${created.id}/findings?version=1&pageSize=4&page=3`));
    expect([paged.total, paged.items.length]).toEqual([10, 2]);
    expect((await fin.get(`/api/evaluations/${created.id}/findings?version=5`)).status).toBe(404);
  });

  it('checks the saved or the unsaved content without changing anything', async () => {
    const created = await createSeed003();
    const fin = await api.as('fin_yy');
    type Check = { figures: Figures; score: { total: string; uncappedTotal: string; grade: string; statedTotal?: string; frameworkId: string; execution?: unknown; levels: { level1: string; weight: string; computed: string; reason: string; groups: { level2: string; computed: string; indicators: { index: number; name: string; computed?: string }[] }[] }[] }; findings: { severity: string; rule: string; message: string }[] };
    const saved = await fin.post(`/api/evaluations/${created.id}/check`);
    expect(saved.status).toBe(200);
    const check = await body<Check>(saved);
    expect(check.figures).toEqual(SEED_003_FIGURES);
    expect(check.score).toMatchObject({ frameworkId: 'liuyang-department', total: '99', uncappedTotal: '99', grade: '优', statedTotal: '99' });
    expect(check.score.execution).toBeUndefined();
    expect(check.score.levels.map((l) => [l.level1, l.weight, l.computed, l.reason])).toEqual([
      ['投入管理', '30', '29', '8 个二级指标得分合计 29 分（分值 30 分）'],
      ['产出指标', '25', '25', '4 个二级指标得分合计 25 分（分值 25 分）'],
      ['效益指标', '45', '45', '5 个二级指标得分合计 45 分（分值 45 分）'],
    ]);
    expect(check.findings).toHaveLength(10);

    // While editing: the unsaved content, with the error it would bring.
    const editing = seedContent('003');
    (editing.funds.rows[0] as Record<string, unknown>).statedRate = '100';
    const live = await body<Check>(await filler.post(`/api/evaluations/${created.id}/check`, { content: editing }));
    expect(live.figures.errorCount).toBe(1);
    expect(live.findings[0]).toEqual({ rule: 'audit.execution-rate', severity: 'error', message: '财政拨款执行率：2575.66 ÷ 2092.38 = 123.10%，报告称 100%', location: { path: 'funds.rows[0]' }, quote: null });

    const invalid = await filler.post(`/api/evaluations/${created.id}/check`, { content: { ...editing, kind: 'project' } });
    expect(invalid.status).toBe(422);
    expect((await body<ErrorBody>(invalid)).error.details).toEqual({ issues: [{ path: 'kind', message: '内容为项目评价，此评价为部门整体评价' }] });

    // Nothing recorded.
    const row = await store().db.selectFrom('evaluations').select(['current_version', 'error_count']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ current_version: 1, error_count: 0 });
    expect(await store().db.selectFrom('audit_log').select('action').where('entity_id', '=', created.id).execute()).toEqual([{ action: 'create' }]);
  });

  it('files project evaluations under their unit’s 部门整体 evaluation of the same year (seed 004)', async () => {
    const department = await create(filler, { unitId: 'u_yy', year: 2022, kind: 'department', content: bundleItem(0) });
    const project = await create(filler, { unitId: 'u_yy', year: 2022, kind: 'project', parentId: department.id, content: bundleItem(1) });
    expect(project).toMatchObject({ kind: 'project', projectName: '业务工作经费', parentId: department.id, frameworkId: 'hunan-standard' });
    const second = await create(filler, { unitId: 'u_yy', year: 2022, kind: 'project', projectName: '运行维护经费（2022）', parentId: department.id, content: bundleItem(2) });
    expect(second.projectName).toBe('运行维护经费（2022）');

    const read = await body<Evaluation>(await filler.get(`/api/evaluations/${department.id}`));
    expect(read.children.map((c) => [c.id, c.projectName])).toEqual([
      [project.id, '业务工作经费'],
      [second.id, '运行维护经费（2022）'],
    ]);
    expect(read.children[0]?.figures).toEqual(project.figures);

    // The parent must be this unit's 部门整体 of the same year.
    const other = await create(filler, { unitId: 'u_yy', year: 2023, kind: 'department', content: { ...seedContent('003'), year: 2023 } });
    const wrongYear = await filler.post('/api/evaluations', { unitId: 'u_yy', year: 2022, kind: 'project', parentId: other.id, content: bundleItem(3) });
    expect(wrongYear.status).toBe(422);
    expect((await body<ErrorBody>(wrongYear)).error.message).toBe('上级评价须是“岳阳市人大常委会办公室” 2022 年度的部门整体评价');
    expect((await filler.post('/api/evaluations', { unitId: 'u_yy', year: 2022, kind: 'project', parentId: project.id, content: bundleItem(3) })).status).toBe(422);
    expect((await filler.post('/api/evaluations', { unitId: 'u_yy', year: 2022, kind: 'department', parentId: other.id, content: bundleItem(0) })).status).toBe(422);
    const duplicateProject = await filler.post('/api/evaluations', { unitId: 'u_yy', year: 2022, kind: 'project', content: bundleItem(1) });
    expect(duplicateProject.status).toBe(409);
    expect((await body<ErrorBody>(duplicateProject)).error.message).toBe('“岳阳市人大常委会办公室” 2022 年度的项目“业务工作经费”的评价已存在');
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = await body<{ paths: Record<string, unknown> }>(await api.anonymous().get('/api/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/evaluations',
        '/api/evaluations/{id}',
        '/api/evaluations/{id}/versions',
        '/api/evaluations/{id}/versions/{version}',
        '/api/evaluations/{id}/check',
        '/api/evaluations/{id}/findings',
        '/api/evaluations/{id}/submit',
        '/api/evaluations/{id}/return',
        '/api/evaluations/{id}/approve',
        '/api/evaluations/{id}/publish',
        '/api/evaluations/{id}/comments',
      ]),
    );
  });
});
