import { beforeEach, expect, it } from 'vitest';
import { describeStores, emptyStore } from '../../../test/stores';
import { seedWorld } from '../../../test/api-world';
import { createTestApi } from '../../../test/api-client';
import type { TestApi } from '../../../test/api-client';

interface UnitItem {
  id: string;
  jurisdictionId: string;
  jurisdictionName: string;
  name: string;
  code: string;
  staffQuota: number | null;
  manageable: boolean;
}

describeStores('units API', (store) => {
  let api: TestApi;
  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    await seedWorld(store().db, api.deps.hasher);
  });

  async function units(username: string, query = ''): Promise<{ items: UnitItem[]; total: number }> {
    const res = await (await api.as(username)).get(`/api/units${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { items: UnitItem[]; total: number };
  }

  it('lists the units in read scope, a jurisdiction filter taking its whole subtree', async () => {
    expect((await units('fin_yy')).items.map((u) => u.id)).toEqual(['u_yy']);
    expect((await units('filler_ly')).items.map((u) => u.id)).toEqual(['u_ly']);
    const all = await units('fin_hn');
    expect(all.total).toBe(2);
    // Path order: 长沙市's subtree (/hn/cs/ly/) before 岳阳市 (/hn/yy/).
    expect(all.items.map((u) => [u.id, u.jurisdictionName, u.staffQuota, u.manageable])).toEqual([
      ['u_ly', '浏阳市', 36, false],
      ['u_yy', '岳阳市', 111, false],
    ]);
    expect((await units('fin_hn', '?jurisdictionId=cs')).items.map((u) => u.id)).toEqual(['u_ly']);
    // Filtering on a jurisdiction outside the grant narrows, never widens.
    expect((await units('fin_yy', '?jurisdictionId=cs')).items).toEqual([]);
    expect((await units('admin', '?pageSize=1&page=2')).items.map((u) => u.id)).toEqual(['u_yy']);
  });

  it('answers 404 for a unit out of scope', async () => {
    expect((await (await api.as('fin_yy')).get('/api/units/u_ly')).status).toBe(404);
    const res = await (await api.as('head_ly')).get('/api/units/u_ly');
    expect(res.status).toBe(200);
    expect(((await res.json()) as UnitItem).code).toBe('430181-001');
  });

  it('lets an administrator create and edit a unit in their jurisdiction, logging both', async () => {
    const admin = await api.as('admin');
    const res = await admin.post('/api/units', { jurisdictionId: 'ly', name: '浏阳市财政局', code: '430181-002', staffQuota: 58 });
    expect(res.status).toBe(201);
    const unit = (await res.json()) as UnitItem;
    expect(unit).toMatchObject({ jurisdictionId: 'ly', jurisdictionName: '浏阳市', name: '浏阳市财政局', staffQuota: 58, manageable: true });
    // 浏阳's reviewer now sees it; 浏阳's other unit does not.
    expect((await units('fin_ly')).items.map((u) => u.name)).toEqual(['浏阳市人大常委会办公室', '浏阳市财政局']);
    expect((await units('filler_ly')).items.map((u) => u.id)).toEqual(['u_ly']);

    const patched = await admin.request('PATCH', `/api/units/${unit.id}`, { staffQuota: null, name: '浏阳市财政局（本级）' });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ name: '浏阳市财政局（本级）', code: '430181-002', staffQuota: null });
    const log = await store().db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', unit.id).orderBy('id').execute();
    expect(log).toEqual([
      { action: 'unit-create', before: null, after: { jurisdictionId: 'ly', name: '浏阳市财政局', code: '430181-002', staffQuota: 58 } },
      { action: 'unit-update', before: { name: '浏阳市财政局', code: '430181-002', staffQuota: 58 }, after: { name: '浏阳市财政局（本级）', code: '430181-002', staffQuota: null } },
    ]);
  });

  it('refuses a taken code, a reviewer, and a jurisdiction out of reach', async () => {
    const admin = await api.as('admin');
    const taken = await admin.post('/api/units', { jurisdictionId: 'yy', name: '重复', code: '430181-001' });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { message: string } }).error.message).toBe('单位代码 430181-001 已被“浏阳市人大常委会办公室”使用');
    expect((await admin.request('PATCH', '/api/units/u_yy', { code: '430181-001' })).status).toBe(409);
    const fin = await api.as('fin_ly');
    expect((await fin.post('/api/units', { jurisdictionId: 'ly', name: '某单位', code: 'x-1' })).status).toBe(403);
    expect((await fin.post('/api/units', { jurisdictionId: 'yy', name: '某单位', code: 'x-1' })).status).toBe(404);
    expect((await fin.request('PATCH', '/api/units/u_ly', { staffQuota: 1 })).status).toBe(403);
    expect((await fin.request('PATCH', '/api/units/u_yy', { staffQuota: 1 })).status).toBe(404);
    const bad = await admin.post('/api/units', { jurisdictionId: 'yy', name: '', code: 'x-2', staffQuota: -1 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^name：.+；staffQuota：/);
  });
});
