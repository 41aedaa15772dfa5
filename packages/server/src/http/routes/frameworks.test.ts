import { beforeEach, expect, it } from 'vitest';
import { describeStores, emptyStore } from '../../../test/stores';
import { seedWorld } from '../../../test/api-world';
import { createTestApi } from '../../../test/api-client';
import type { Client, TestApi } from '../../../test/api-client';
import { frameworkFor } from '../../app/admin/framework-for';

interface Effective {
  kind: string;
  frameworkId: string;
  frameworkName: string;
  policies: Record<string, string>;
  setAt: { jurisdictionId: string; jurisdictionName: string } | null;
  inherited: boolean;
}

describeStores('frameworks by jurisdiction and year', (store) => {
  let api: TestApi;
  let admin: Client;
  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    await seedWorld(store().db, api.deps.hasher);
    admin = await api.as('admin');
  });

  async function effective(client: Client, jurisdictionId: string, year: number): Promise<Effective[]> {
    const res = await client.get(`/api/jurisdictions/${jurisdictionId}/frameworks?year=${year}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { frameworks: Effective[] }).frameworks;
  }

  it('defaults to hunan-standard for both kinds when nothing is set', async () => {
    expect(await effective(await api.as('fin_ly'), 'ly', 2023)).toEqual([
      { kind: 'department', frameworkId: 'hunan-standard', frameworkName: '湖南省级/岳阳市 部门整体与项目支出绩效自评（10/50/30/10）', policies: {}, setAt: null, inherited: true },
      { kind: 'project', frameworkId: 'hunan-standard', frameworkName: '湖南省级/岳阳市 部门整体与项目支出绩效自评（10/50/30/10）', policies: {}, setAt: null, inherited: true },
    ]);
    expect(await frameworkFor(store().db, 'u_ly', 2023, 'department')).toEqual({ kind: 'department', frameworkId: 'hunan-standard', policies: {}, setAt: null });
  });

  it('inherits a setting made on 湖南省 for 2023 down to 浏阳市, for that year and kind only; the nearest setting wins', async () => {
    const res = await admin.put('/api/jurisdictions/hn/frameworks/2023/department', { frameworkId: 'liuyang-department', policies: { executionScorePlaces: '0' } });
    expect(res.status).toBe(200);
    const onProvince = ((await res.json()) as { frameworks: Effective[] }).frameworks[0];
    expect(onProvince).toMatchObject({ frameworkId: 'liuyang-department', inherited: false, setAt: { jurisdictionId: 'hn', jurisdictionName: '湖南省' } });

    const set = { frameworkId: 'liuyang-department', policies: { executionScorePlaces: '0' }, setAt: { jurisdictionId: 'hn', jurisdictionName: '湖南省' } };
    expect(await frameworkFor(store().db, 'u_ly', 2023, 'department')).toEqual({ kind: 'department', ...set });
    expect(await frameworkFor(store().db, 'u_yy', 2023, 'department')).toEqual({ kind: 'department', ...set });
    expect((await frameworkFor(store().db, 'u_ly', 2023, 'project')).frameworkId).toBe('hunan-standard');
    expect((await frameworkFor(store().db, 'u_ly', 2024, 'department')).frameworkId).toBe('hunan-standard');
    expect((await effective(await api.as('filler_ly'), 'ly', 2023))[0]).toMatchObject({ frameworkId: 'liuyang-department', inherited: true, setAt: { jurisdictionName: '湖南省' } });

    // 浏阳市 sets its own: it wins for 浏阳's unit, 岳阳 keeps the province's.
    expect((await admin.put('/api/jurisdictions/ly/frameworks/2023/department', { frameworkId: 'mof-2013-department' })).status).toBe(200);
    expect(await frameworkFor(store().db, 'u_ly', 2023, 'department')).toMatchObject({ frameworkId: 'mof-2013-department', policies: {}, setAt: { jurisdictionId: 'ly' } });
    expect((await frameworkFor(store().db, 'u_yy', 2023, 'department')).frameworkId).toBe('liuyang-department');

    // Replacing a setting logs the row before and after.
    await admin.put('/api/jurisdictions/hn/frameworks/2023/department', { frameworkId: 'hunan-standard' });
    const log = await store().db.selectFrom('audit_log').select(['entity_id', 'before', 'after']).where('action', '=', 'framework-set').orderBy('id').execute();
    expect(log[2]).toEqual({
      entity_id: 'hn',
      before: { year: 2023, kind: 'department', frameworkId: 'liuyang-department', policies: { executionScorePlaces: '0' } },
      after: { year: 2023, kind: 'department', frameworkId: 'hunan-standard', policies: {} },
    });
  });

  it('refuses an unknown framework, one not made for the kind, a bad policy, and non-administrators', async () => {
    const unknown = await admin.put('/api/jurisdictions/hn/frameworks/2023/department', { frameworkId: 'beijing' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe('没有评价框架“beijing”；可用：hunan-standard、liuyang-department、mof-2013-department');
    const kind = await admin.put('/api/jurisdictions/hn/frameworks/2023/project', { frameworkId: 'liuyang-department' });
    expect(((await kind.json()) as { error: { message: string } }).error.message).toBe('评价框架“浏阳市（长沙）部门整体支出绩效自评（投入管理30/产出25/效益45）”不适用于项目支出评价');
    const policy = await admin.put('/api/jurisdictions/hn/frameworks/2023/department', { frameworkId: 'hunan-standard', policies: { executionScorePlaces: '3' } });
    expect(policy.status).toBe(400);
    expect(((await policy.json()) as { error: { message: string } }).error.message).toMatch(/^评分政策“executionScorePlaces=3”无效：/);
    expect((await (await api.as('fin_hn')).put('/api/jurisdictions/hn/frameworks/2023/department', { frameworkId: 'hunan-standard' })).status).toBe(403);
    expect((await (await api.as('fin_yy')).get('/api/jurisdictions/ly/frameworks?year=2023')).status).toBe(404);
    expect(await store().db.selectFrom('jurisdiction_frameworks').selectAll().execute()).toEqual([]);
  });
});
