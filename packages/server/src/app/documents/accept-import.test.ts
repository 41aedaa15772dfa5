import { readFileSync } from 'node:fs';
import { beforeEach, expect, it } from 'vitest';
import { seedWorld } from '../../../test/api-world';
import { fixturePath } from '../../../test/seed-fixtures';
import { describeStores, emptyStore } from '../../../test/stores';
import type { Database } from '../store/database';
import type { Kysely } from 'kysely';
import { acceptImport } from './accept-import';
import type { AcceptResult } from './accept-import';

type Content = Record<string, unknown>;

/** Seed 004 as transcribed: the 部门整体 evaluation of 岳阳市人大常委会 2022, then its eight projects. */
const SEED_004 = (JSON.parse(readFileSync(fixturePath('004'), 'utf8')) as { evaluations: Content[] }).evaluations;
const [DEPARTMENT, ...PROJECTS] = SEED_004 as [Content, ...Content[]];

const noHasher = { hash: async () => 'not-a-hash', verify: async () => false };

class Refused extends Error {
  constructor(readonly result: AcceptResult) {
    super('refused');
  }
}

/** As the route does it: one transaction, rolled back by throwing on a refusal. */
async function accept(db: Kysely<Database>, evaluations: readonly unknown[], year = 2022): Promise<AcceptResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await acceptImport(trx, { importId: 'imp1', unitId: 'u_yy', jurisdictionPath: '/hn/yy/', year, evaluations, userId: 'user_filler_yy' });
      if (!result.ok) throw new Refused(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

describeStores('accepting an import', (store) => {
  beforeEach(async () => {
    await emptyStore(store());
    await seedWorld(store().db, noHasher);
  });

  const evaluations = () => store().db.selectFrom('evaluations').select(['id', 'kind', 'project_name', 'parent_id', 'current_version', 'framework_id']).orderBy('kind').orderBy('project_name').execute();
  const versionCount = async () => Number((await store().db.selectFrom('evaluation_versions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it('writes the whole report or nothing: an unusable last project rolls back the department and the seven before it', async () => {
    const broken = { ...PROJECTS[7], indicators: '见附件' };
    const result = await accept(store().db, [DEPARTMENT, ...PROJECTS.slice(0, 7), broken]);
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    expect(result.ok ? '' : result.message).toMatch(/^项目“人大环保世纪行”的内容不符合评价文件格式，未采用：indicators：/);
    expect(await evaluations()).toEqual([]);
    expect(await versionCount()).toBe(0);
    expect(await store().db.selectFrom('audit_log').select('action').where('action', 'in', ['import', 'import-accept']).execute()).toEqual([]);
  });

  it('files projects under the department, and projects imported later under the existing one', async () => {
    const first = await accept(store().db, [DEPARTMENT, PROJECTS[0]]);
    expect(first.ok).toBe(true);
    const later = await accept(store().db, [PROJECTS[1], PROJECTS[0]]);
    expect(later.ok && later.accepted.map((a) => [a.evaluation.project_name, a.evaluation.current_version, a.created])).toEqual([
      ['运行维护经费', 1, true],
      ['业务工作经费', 2, false],
    ]);
    const rows = await evaluations();
    const department = rows.find((r) => r.kind === 'department');
    expect(rows.filter((r) => r.kind === 'project').map((r) => [r.project_name, r.parent_id])).toEqual([
      ['业务工作经费', department?.id],
      ['运行维护经费', department?.id],
    ]);
  });

  it('links a project saved before its department once the department is accepted', async () => {
    await accept(store().db, [PROJECTS[2]]);
    expect((await evaluations())[0]?.parent_id).toBeNull();
    const result = await accept(store().db, [DEPARTMENT, PROJECTS[2]]);
    const department = result.ok ? result.accepted[0]?.evaluation : undefined;
    expect(department?.kind).toBe('department');
    expect((await evaluations()).find((r) => r.project_name === '人大监督')).toMatchObject({ parent_id: department?.id, current_version: 2 });
  });

  it('refuses new projects under a department past 草稿, naming it', async () => {
    await accept(store().db, [DEPARTMENT]);
    await store().db.updateTable('evaluations').set({ status: 'approved' }).execute();
    const result = await accept(store().db, [PROJECTS[3]]);
    expect(result).toMatchObject({ ok: false, kind: 'locked', message: '所属的部门整体评价（已审核）不是“草稿”或“退回修改”，不能用导入内容覆盖；只有草稿和退回修改的评价可以采用导入' });
    expect(await evaluations()).toHaveLength(1);
  });

  it('accepts into 退回修改 and keeps that status while the unit fixes it', async () => {
    await accept(store().db, [DEPARTMENT]);
    await store().db.updateTable('evaluations').set({ status: 'returned' }).execute();
    const result = await accept(store().db, [DEPARTMENT]);
    expect(result.ok && result.accepted.map((a) => [a.evaluation.status, a.evaluation.current_version])).toEqual([['returned', 2]]);
  });

  it('refuses a report that cannot be matched: two departments, or two projects of one name', async () => {
    expect(await accept(store().db, [DEPARTMENT, DEPARTMENT])).toEqual({ ok: false, kind: 'unacceptable', message: '这次导入含 2 个部门整体评价，一个单位每年只有一个；请拆分文件后分别上传' });
    expect(await accept(store().db, [PROJECTS[0], PROJECTS[1], PROJECTS[0]])).toEqual({
      ok: false,
      kind: 'unacceptable',
      message: '这次导入中有同名项目：“业务工作经费”；项目按名称对应已有评价，请在文件中区分后重新上传',
    });
    expect(await accept(store().db, [])).toMatchObject({ ok: false, kind: 'unacceptable' });
    expect(await evaluations()).toEqual([]);
  });

  it('scores by the framework the jurisdiction assigns, and the content names it', async () => {
    await store().db.insertInto('jurisdiction_frameworks').values({ jurisdiction_id: 'yy', year: 2022, kind: 'project', framework_id: 'mof-2013-department', policies: '{}' }).execute();
    await accept(store().db, [DEPARTMENT, PROJECTS[4]]);
    const rows = await store().db.selectFrom('evaluations').innerJoin('evaluation_versions', 'evaluation_versions.evaluation_id', 'evaluations.id').select(['evaluations.kind', 'evaluations.framework_id', 'evaluation_versions.content']).orderBy('evaluations.kind').execute();
    expect(rows.map((r) => [r.kind, r.framework_id, (r.content as { frameworkId: string }).frameworkId])).toEqual([
      ['department', 'hunan-standard', 'hunan-standard'],
      ['project', 'mof-2013-department', 'mof-2013-department'],
    ]);
  });
});
