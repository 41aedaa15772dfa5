import { beforeEach, expect, it } from 'vitest';
import { describeStores, emptyStore } from '../../../test/stores';
import { seedWorld } from '../../../test/api-world';
import { createTestApi } from '../../../test/api-client';
import type { Client, TestApi } from '../../../test/api-client';
import { recordChange } from '../../app/audit-log';

interface Entry {
  id: number;
  at: string;
  userId: string | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

const STRONG = 'Yueyang-Admin-2024';

describeStores('audit log API', (store) => {
  let api: TestApi;
  let admin: Client;
  let cityAdmin: Client;
  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    await seedWorld(store().db, api.deps.hasher);
    admin = await api.as('admin');
    await admin.post('/api/users', { username: 'admin_yy', displayName: '岳阳市系统管理员', password: STRONG, grants: [{ role: 'admin', jurisdictionId: 'yy' }] });
    cityAdmin = await api.as('admin_yy', STRONG);
    await admin.request('PATCH', '/api/units/u_yy', { staffQuota: 112 });
    await admin.request('PATCH', '/api/units/u_ly', { staffQuota: 37 });
    await admin.put('/api/jurisdictions/yy/deadlines/2023', { submit: '2024-04-30' });
    await admin.put('/api/jurisdictions/ly/deadlines/2023', { submit: '2024-04-20' });
    const db = store().db;
    await db
      .insertInto('evaluations')
      .values([
        { id: 'e_yy', unit_id: 'u_yy', year: 2023, kind: 'department', project_name: '', status: 'draft', current_version: 1, framework_id: 'hunan-standard' },
        { id: 'e_ly', unit_id: 'u_ly', year: 2023, kind: 'department', project_name: '', status: 'draft', current_version: 1, framework_id: 'hunan-standard' },
      ])
      .execute();
    await recordChange(db, { userId: 'user_filler_yy', action: 'create', entity: 'evaluation', entityId: 'e_yy', after: { status: 'draft' } });
    await recordChange(db, { userId: 'user_filler_ly', action: 'create', entity: 'evaluation', entityId: 'e_ly', after: { status: 'draft' } });
  });

  async function entries(client: Client, query = ''): Promise<{ items: Entry[]; total: number }> {
    const res = await client.get(`/api/audit-log${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { items: Entry[]; total: number };
  }

  it('shows the province’s administrator every entry, newest first', async () => {
    const all = await entries(admin, '?pageSize=200');
    const total = await store().db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(all.total).toBe(Number(total.n));
    expect(all.items[0]).toMatchObject({ userId: 'user_filler_ly', username: 'filler_ly', action: 'create', entity: 'evaluation', entityId: 'e_ly', before: null, after: { status: 'draft' } });
    expect(all.items.map((e) => e.id)).toEqual([...all.items.map((e) => e.id)].sort((a, b) => b - a));
    expect(all.items.some((e) => e.action === 'login' && e.entityId === 'user_admin')).toBe(true);
  });

  it('shows a city’s administrator the entries about their city only', async () => {
    const city = await entries(cityAdmin, '?pageSize=200');
    const about = city.items.map((e) => `${e.entity}:${e.entityId}:${e.action}`);
    expect(about).toEqual(expect.arrayContaining(['evaluation:e_yy:create', 'unit:u_yy:unit-update', 'jurisdiction:yy:deadlines-set']));
    const ids = new Set(city.items.map((e) => e.entityId));
    for (const foreign of ['e_ly', 'u_ly', 'ly', 'user_admin']) expect(ids.has(foreign)).toBe(false);
    // Their own account's entries: created by the province, granted, logged in.
    const own = city.items.filter((e) => e.entity === 'user').map((e) => e.action);
    expect(own).toEqual(['login', 'grant-add', 'user-create']);

    expect((await entries(cityAdmin, '?entity=unit')).items.map((e) => [e.entityId, e.before, e.after])).toEqual([
      ['u_yy', { name: '岳阳市人大常委会办公室', code: '430600-001', staffQuota: 111 }, { name: '岳阳市人大常委会办公室', code: '430600-001', staffQuota: 112 }],
    ]);
    expect((await entries(admin, '?entity=jurisdiction&entityId=ly')).items.map((e) => e.after)).toEqual([{ year: 2023, submit: '2024-04-20' }]);
    expect((await entries(admin, '?userId=user_filler_yy')).items.map((e) => e.entityId)).toEqual(['e_yy']);
  });

  it('is for administrators only', async () => {
    const res = await (await api.as('fin_hn')).get('/api/audit-log');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('您没有权限查看操作日志');
    expect((await api.anonymous().get('/api/audit-log')).status).toBe(401);
  });
});
