import { beforeEach, expect, it } from 'vitest';
import { describeStores, emptyStore } from '../../../test/stores';
import { seedWorld, WORLD_PASSWORD } from '../../../test/api-world';
import { createTestApi } from '../../../test/api-client';
import type { Client, TestApi } from '../../../test/api-client';

interface UserItem {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  locked: boolean;
  grants: { id: string; role: string; label: string; unitId: string | null; unitName: string | null; jurisdictionId: string | null; jurisdictionName: string | null }[];
  otherGrants: number;
  manageable: boolean;
}

const STRONG = 'Yueyang-Admin-2024';

describeStores('users API', (store) => {
  let api: TestApi;
  let admin: Client;
  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    await seedWorld(store().db, api.deps.hasher);
    admin = await api.as('admin');
  });

  /** 岳阳市's own administrator, created through the API by the province's. */
  async function cityAdmin(): Promise<{ client: Client; user: UserItem }> {
    const res = await admin.post('/api/users', { username: 'admin_yy', displayName: '岳阳市系统管理员', password: STRONG, grants: [{ role: 'admin', jurisdictionId: 'yy' }] });
    expect(res.status).toBe(201);
    return { client: await api.as('admin_yy', STRONG), user: (await res.json()) as UserItem };
  }

  it('creates a user with a grant, never returning the password hash, and logs both', async () => {
    const { user } = await cityAdmin();
    expect(user).toMatchObject({ username: 'admin_yy', displayName: '岳阳市系统管理员', disabled: false, locked: false, otherGrants: 0, manageable: true });
    expect(user.grants).toEqual([{ id: expect.any(String), role: 'admin', label: '系统管理员', unitId: null, unitName: null, jurisdictionId: 'yy', jurisdictionName: '岳阳市' }]);
    expect(JSON.stringify(user)).not.toMatch(/password|argon2/);
    const stored = await store().db.selectFrom('users').select('password_hash').where('username', '=', 'admin_yy').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    const log = await store().db.selectFrom('audit_log').select(['user_id', 'action']).where('entity_id', '=', user.id).orderBy('id').execute();
    expect(log.map((l) => [l.user_id, l.action])).toEqual([
      ['user_admin', 'user-create'],
      ['user_admin', 'grant-add'],
      [user.id, 'login'],
    ]);
  });

  it('refuses a weak password in Chinese, a taken username, and a misshapen grant', async () => {
    const weak = await admin.post('/api/users', { username: 'newbie', displayName: '新用户', password: 'newbie123' });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toEqual({
      error: {
        code: 'BAD_REQUEST',
        message: '密码至少 10 个字符；密码须包含大写字母、小写字母、数字、符号中的至少三种；密码不能包含用户名',
        details: { problems: ['密码至少 10 个字符', '密码须包含大写字母、小写字母、数字、符号中的至少三种', '密码不能包含用户名'] },
      },
    });
    const taken = await admin.post('/api/users', { username: 'fin_yy', displayName: '重名', password: STRONG });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { message: string } }).error.message).toBe('用户名 fin_yy 已被使用');
    const shape = await admin.post('/api/users', { username: 'newbie', displayName: '新用户', password: STRONG, grants: [{ role: 'filler', jurisdictionId: 'yy' }] });
    expect(shape.status).toBe(400);
    expect(((await shape.json()) as { error: { message: string } }).error.message).toBe('填报人须授予在一个单位上（unitId），不能指定地区');
    // Nothing of the refused requests was stored.
    expect(await store().db.selectFrom('users').select('id').where('username', '=', 'newbie').execute()).toEqual([]);
  });

  it('lists the users a city administrator manages: granted inside the city, or not granted at all', async () => {
    const { client } = await cityAdmin();
    await admin.post('/api/users', { username: 'newbie', displayName: '新用户', password: STRONG });
    const res = await client.get('/api/users');
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: UserItem[]; total: number };
    expect(page.items.map((u) => u.username)).toEqual(['admin_yy', 'filler_yy', 'fin_yy', 'head_yy', 'newbie', 'npc_yy']);
    expect(page.total).toBe(6);
    expect(page.items.find((u) => u.username === 'filler_yy')?.grants).toEqual([
      { id: 'grant_filler_yy', role: 'filler', label: '填报人', unitId: 'u_yy', unitName: '岳阳市人大常委会办公室', jurisdictionId: null, jurisdictionName: '岳阳市' },
    ]);
    expect((await client.get('/api/users/user_fin_hn')).status).toBe(404);
    expect((await (await api.as('fin_hn')).get('/api/users')).status).toBe(403);
  });

  it('grants and revokes inside the scope; refuses a grant outside it (404 unseen, 403 seen but not managed)', async () => {
    const { client, user: adminYy } = await cityAdmin();
    const created = await client.post('/api/users', { username: 'filler_yy2', displayName: '岳阳填报人二', password: STRONG });
    const newbie = (await created.json()) as UserItem;
    const granted = await client.post(`/api/users/${newbie.id}/grants`, { role: 'filler', unitId: 'u_yy' });
    expect(granted.status).toBe(201);
    const grant = ((await granted.json()) as UserItem).grants[0];
    expect(grant).toMatchObject({ role: 'filler', unitId: 'u_yy' });
    expect((await client.post(`/api/users/${newbie.id}/grants`, { role: 'filler', unitId: 'u_yy' })).status).toBe(409);
    // The new filler works on 岳阳's unit right away.
    const filler = await api.as('filler_yy2', STRONG);
    expect(((await (await filler.get('/api/units')).json()) as { items: { id: string }[] }).items.map((u) => u.id)).toEqual(['u_yy']);

    // 浏阳's unit and 湖南省 are outside 岳阳's administrator's sight.
    expect((await client.post(`/api/users/${newbie.id}/grants`, { role: 'filler', unitId: 'u_ly' })).status).toBe(404);
    expect((await client.post(`/api/users/${newbie.id}/grants`, { role: 'finance_reviewer', jurisdictionId: 'hn' })).status).toBe(404);
    // With a reviewer's grant on the province too, they see 浏阳 but still do not manage it.
    expect((await admin.post(`/api/users/${adminYy.id}/grants`, { role: 'finance_reviewer', jurisdictionId: 'hn' })).status).toBe(201);
    const wider = await api.as('admin_yy', STRONG);
    const outside = await wider.post(`/api/users/${newbie.id}/grants`, { role: 'filler', unitId: 'u_ly' });
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { error: { message: string } }).error.message).toBe('您没有权限在该单位上授权');
    // Nor their own grants.
    expect((await wider.post(`/api/users/${adminYy.id}/grants`, { role: 'npc_supervisor', jurisdictionId: 'yy' })).status).toBe(403);

    expect((await client.del(`/api/users/${newbie.id}/grants/${grant?.id}`)).status).toBe(204);
    expect(((await (await filler.get('/api/units')).json()) as { items: unknown[] }).items).toEqual([]);
    expect((await client.del(`/api/users/${newbie.id}/grants/${grant?.id}`)).status).toBe(404);
    // 岳阳's administrator cannot revoke a grant of the province's reviewer.
    expect((await client.del('/api/users/user_fin_hn/grants/grant_fin_hn')).status).toBe(404);
    const log = await store().db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', newbie.id).where('action', 'like', 'grant-%').orderBy('id').execute();
    expect(log).toEqual([
      { action: 'grant-add', before: null, after: { grantId: grant?.id, role: 'filler', unitId: 'u_yy', jurisdictionId: null } },
      { action: 'grant-revoke', before: { grantId: grant?.id, role: 'filler', unitId: 'u_yy', jurisdictionId: null }, after: null },
    ]);
  });

  it('unlocks a locked account', async () => {
    for (let i = 0; i < 5; i++) await api.anonymous().post('/api/auth/login', { username: 'head_yy', password: 'wrong' });
    expect((await api.anonymous().post('/api/auth/login', { username: 'head_yy', password: WORLD_PASSWORD })).status).toBe(423);
    expect(((await (await admin.get('/api/users/user_head_yy')).json()) as UserItem).locked).toBe(true);
    const res = await admin.post('/api/users/user_head_yy/unlock');
    expect(res.status).toBe(200);
    expect(((await res.json()) as UserItem).locked).toBe(false);
    expect((await api.anonymous().post('/api/auth/login', { username: 'head_yy', password: WORLD_PASSWORD })).status).toBe(200);
  });

  it('disables a user, ending their sessions; only when every grant of theirs is in scope', async () => {
    const filler = await api.as('filler_yy');
    expect((await filler.get('/api/auth/me')).status).toBe(200);
    const res = await admin.request('PATCH', '/api/users/user_filler_yy', { disabled: true });
    expect(res.status).toBe(200);
    expect(((await res.json()) as UserItem).disabled).toBe(true);
    expect((await filler.get('/api/auth/me')).status).toBe(401);
    await expect(api.as('filler_yy')).rejects.toThrow(/401/);
    expect((await admin.request('PATCH', '/api/users/user_admin', { disabled: true })).status).toBe(400);

    // A user with grants in 岳阳 and 浏阳 is listed for 岳阳's administrator but not theirs to disable.
    const { client } = await cityAdmin();
    await admin.post('/api/users', { username: 'both', displayName: '两地审核', password: STRONG, grants: [{ role: 'finance_reviewer', jurisdictionId: 'yy' }, { role: 'finance_reviewer', jurisdictionId: 'ly' }] });
    const both = ((await (await client.get('/api/users')).json()) as { items: UserItem[] }).items.find((u) => u.username === 'both');
    expect(both).toMatchObject({ manageable: false, otherGrants: 1 });
    expect(both?.grants.map((g) => g.jurisdictionName)).toEqual(['岳阳市']);
    const refused = await client.request('PATCH', `/api/users/${both?.id}`, { disabled: true });
    expect(refused.status).toBe(403);
    expect((await client.post(`/api/users/${both?.id}/unlock`)).status).toBe(403);
  });
});
