import { beforeEach, expect, it } from 'vitest';
import { describeStores, emptyStore } from '../../../test/stores';
import { seedWorld } from '../../../test/api-world';
import { createTestApi } from '../../../test/api-client';
import type { TestApi } from '../../../test/api-client';

interface Item {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  manageable: boolean;
}

describeStores('jurisdictions API', (store) => {
  let api: TestApi;
  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    await seedWorld(store().db, api.deps.hasher);
  });

  async function tree(username: string): Promise<Item[]> {
    const res = await (await api.as(username)).get('/api/jurisdictions');
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Item[] }).items;
  }

  it('shows each user the part of the tree their grants cover, ordered by path', async () => {
    expect((await tree('fin_yy')).map((j) => j.name)).toEqual(['岳阳市']);
    expect((await tree('npc_yy')).map((j) => j.name)).toEqual(['岳阳市']);
    // Path order: /hn/, /hn/cs/, /hn/cs/ly/, /hn/yy/.
    expect((await tree('fin_hn')).map((j) => j.id)).toEqual(['hn', 'cs', 'ly', 'yy']);
    expect((await tree('fin_ly')).map((j) => j.id)).toEqual(['ly']);
    // A unit's users see their unit's jurisdiction only: not its parent, not the neighbours.
    expect((await tree('filler_yy')).map((j) => j.id)).toEqual(['yy']);
    expect((await tree('head_ly')).map((j) => j.id)).toEqual(['ly']);
    const all = await tree('admin');
    expect(all.map((j) => [j.id, j.parentId, j.manageable])).toEqual([
      ['hn', null, true],
      ['cs', 'hn', true],
      ['ly', 'cs', true],
      ['yy', 'hn', true],
    ]);
    expect((await tree('fin_hn')).every((j) => !j.manageable)).toBe(true);
    expect((await api.anonymous().get('/api/jurisdictions')).status).toBe(401);
  });

  it('lets an administrator create a jurisdiction under one they manage, with its path and a log entry', async () => {
    const admin = await api.as('admin');
    const res = await admin.post('/api/jurisdictions', { parentId: 'yy', name: '岳阳县', level: 'county', code: '430621' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Item & { level: string; levelLabel: string };
    expect(created.path).toBe(`/hn/yy/${created.id}/`);
    expect(created.parentId).toBe('yy');
    expect(created.levelLabel).toBe('县级');
    // Now inside 岳阳市's subtree, so 岳阳市's reviewer sees it too.
    expect((await tree('fin_yy')).map((j) => j.name)).toEqual(['岳阳市', '岳阳县']);
    const log = await store().db.selectFrom('audit_log').select(['user_id', 'action', 'after']).where('entity_id', '=', created.id).execute();
    expect(log).toEqual([{ user_id: 'user_admin', action: 'jurisdiction-create', after: { parentId: 'yy', name: '岳阳县', level: 'county', code: '430621' } }]);
  });

  it('refuses a child above its parent, a taken code, a parent out of reach, and non-administrators', async () => {
    const admin = await api.as('admin');
    const city = await admin.post('/api/jurisdictions', { parentId: 'yy', name: '某市', level: 'city', code: '430699' });
    expect(city.status).toBe(400);
    expect(((await city.json()) as { error: { message: string } }).error.message).toBe('岳阳市是市级，下级不能是市级');
    const taken = await admin.post('/api/jurisdictions', { parentId: 'cs', name: '浏阳', level: 'county', code: '430181' });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { message: string } }).error.message).toBe('行政区划代码 430181 已被“浏阳市”使用');
    expect((await admin.post('/api/jurisdictions', { parentId: 'nowhere', name: '某县', level: 'county', code: '430698' })).status).toBe(404);
    // 岳阳's reviewer reads 岳阳市 but does not manage it; 长沙市 is out of their sight altogether.
    const fin = await api.as('fin_yy');
    expect((await fin.post('/api/jurisdictions', { parentId: 'yy', name: '某县', level: 'county', code: '430698' })).status).toBe(403);
    expect((await fin.post('/api/jurisdictions', { parentId: 'cs', name: '某县', level: 'county', code: '430698' })).status).toBe(404);
    const count = await store().db.selectFrom('jurisdictions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4);
  });

  it('renames a jurisdiction for an administrator only', async () => {
    const admin = await api.as('admin');
    const res = await admin.request('PATCH', '/api/jurisdictions/yy', { name: '岳阳市（本级）' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Item).name).toBe('岳阳市（本级）');
    expect((await (await api.as('fin_hn')).request('PATCH', '/api/jurisdictions/yy', { name: 'x' })).status).toBe(403);
    expect((await (await api.as('filler_ly')).request('PATCH', '/api/jurisdictions/yy', { name: 'x' })).status).toBe(404);
    const log = await store().db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity', '=', 'jurisdiction').execute();
    expect(log).toEqual([{ action: 'jurisdiction-rename', before: { name: '岳阳市' }, after: { name: '岳阳市（本级）' } }]);
  });
});
