import { beforeEach, expect, it } from 'vitest';
import { describeStores, emptyStore } from '../../../test/stores';
import { seedWorld, WORLD_PASSWORD } from '../../../test/api-world';
import { createTestApi } from '../../../test/api-client';
import type { TestApi } from '../../../test/api-client';

describeStores('auth API', (store) => {
  let api: TestApi;
  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store(), { loginPerMinute: 30 });
    await seedWorld(store().db, api.deps.hasher);
  });

  it('logs in with an HttpOnly SameSite session cookie and returns the roles and a CSRF token', async () => {
    const res = await api.anonymous().post('/api/auth/login', { username: 'filler_yy', password: WORLD_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^jixiao_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // Plain HTTP here: Secure would stop the browser from sending it back.
    expect(cookie).not.toMatch(/Secure/);
    const body = (await res.json()) as { user: { username: string; roles: { role: string; label: string; unitId: string }[] }; csrfToken: string };
    expect(body.user.username).toBe('filler_yy');
    expect(body.user.roles).toEqual([{ role: 'filler', label: '填报人', unitId: 'u_yy', jurisdictionId: null }]);
    expect(body.csrfToken).toHaveLength(43);
    // The table keeps the token's hash, never the token.
    const token = cookie.slice('jixiao_session='.length, cookie.indexOf(';'));
    const rows = await store().db.selectFrom('sessions').select('id').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toBe(token);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sets Secure on the cookie behind HTTPS', async () => {
    const res = await api.app.request('https://jixiao.example/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: WORLD_PASSWORD }) });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('stores passwords as argon2id hashes', async () => {
    const user = await store().db.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('answers a wrong password and an unknown user alike, and locks the account after 5 failures', async () => {
    const anon = api.anonymous();
    const unknown = await anon.post('/api/auth/login', { username: 'nobody', password: 'x' });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });
    for (let i = 0; i < 4; i++) expect((await anon.post('/api/auth/login', { username: 'head_yy', password: 'wrong' })).status).toBe(401);
    const fifth = await anon.post('/api/auth/login', { username: 'head_yy', password: 'wrong' });
    expect(fifth.status).toBe(423);
    expect(((await fifth.json()) as { error: { message: string } }).error.message).toBe('登录失败次数过多，账号已锁定，请 15 分钟后再试或联系系统管理员');
    // Locked: even the right password is refused until the lock runs out.
    expect((await anon.post('/api/auth/login', { username: 'head_yy', password: WORLD_PASSWORD })).status).toBe(423);
    api.advance(15 * 60_000 + 1000);
    expect((await anon.post('/api/auth/login', { username: 'head_yy', password: WORLD_PASSWORD })).status).toBe(200);
    const log = await store().db.selectFrom('audit_log').select('action').where('entity_id', '=', 'user_head_yy').orderBy('id').execute();
    expect(log.map((l) => l.action)).toEqual(['login-failed', 'login-failed', 'login-failed', 'login-failed', 'login-locked', 'login']);
  });

  it('rate-limits login attempts per client address', async () => {
    const anon = api.anonymous();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await anon.post('/api/auth/login', { username: `u${i}`, password: 'x' })).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('ends a session after 30 idle minutes', async () => {
    const client = await api.as('fin_yy');
    expect((await client.get('/api/auth/me')).status).toBe(200);
    api.advance(29 * 60_000);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    api.advance(31 * 60_000);
    const res = await client.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录（会话不存在或已过期）' } });
  });

  it('refuses a cookie-authenticated write without the CSRF token, or from another origin', async () => {
    const client = await api.as('filler_yy');
    const noToken = await client.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { error: { code: string } }).error.code).toBe('CSRF');
    const crossSite = await client.request('POST', '/api/auth/logout', undefined, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(((await crossSite.json()) as { error: { message: string } }).error.message).toBe('拒绝来自其他站点（evil.example）的写请求');
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('changes a password only to one that meets the rules, and ends the other sessions', async () => {
    const laptop = await api.as('filler_yy');
    const office = await api.as('filler_yy');
    const weak = await office.post('/api/auth/password', { currentPassword: WORLD_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: { message: string } }).error.message).toBe('密码至少 10 个字符；密码须包含大写字母、小写字母、数字、符号中的至少三种');
    expect((await office.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'Yueyang-2025-new' })).status).toBe(403);
    expect((await office.post('/api/auth/password', { currentPassword: WORLD_PASSWORD, newPassword: 'Yueyang-2025-new' })).status).toBe(204);
    expect((await laptop.get('/api/auth/me')).status).toBe(401);
    await expect(api.as('filler_yy')).rejects.toThrow(/401/);
    expect((await (await api.as('filler_yy', 'Yueyang-2025-new')).get('/api/auth/me')).status).toBe(200);
  });

  it('validates bodies with a Chinese message naming the field', async () => {
    const res = await api.anonymous().post('/api/auth/login', { username: '' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(/^username：.+；password：/);
  });

  it('answers a body that is not JSON, or not sent as JSON, with 400/415 in Chinese, not a 500', async () => {
    const send = (body: string, type: string) => api.app.request('http://localhost/api/auth/login', { method: 'POST', headers: { 'content-type': type }, body });
    const broken = await send('{"username": "a", ', 'application/json');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: { code: 'BAD_REQUEST', message: '请求体不是有效的 JSON' } });
    const text = await send('username=a', 'text/plain');
    expect(text.status).toBe(415);
    expect(await text.json()).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求体的类型不对：应为 Content-Type: application/json' } });
    expect(api.logs).toEqual([]);
  });

  it('serves the OpenAPI document', async () => {
    const res = await api.anonymous().get('/api/openapi.json');
    expect(res.status).toBe(200);
    // Security headers on every response.
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/auth/password']));
  });
});
