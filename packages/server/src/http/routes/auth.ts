import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ROLE_LABEL } from '../../app/access/actor';
import type { Actor } from '../../app/access/actor';
import { loadActor } from '../../app/accounts/load-actor';
import { login } from '../../app/accounts/login';
import { passwordProblems } from '../../app/accounts/password-rules';
import { createSession, endAllSessions, endSession } from '../../app/accounts/sessions';
import { recordChange } from '../../app/audit-log';
import { ApiError } from '../api-error';
import type { ApiApp, AppDeps, AppEnv } from '../app-deps';
import { RateLimiter } from '../rate-limit';
import { errorResponses } from '../schemas';
import { SESSION_COOKIE, clientAddress, isHttps, requireActor } from '../session';

const ROLES = ['filler', 'unit_head', 'finance_reviewer', 'npc_supervisor', 'admin'] as const;

export const meSchema = z
  .object({
    user: z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      roles: z.array(z.object({ role: z.enum(ROLES), label: z.string(), unitId: z.string().nullable(), jurisdictionId: z.string().nullable() })),
    }),
    csrfToken: z.string().openapi({ description: '写请求须在请求头 X-CSRF-Token 中带上此令牌' }),
  })
  .openapi('Me');

function me(actor: Actor, csrfToken: string): z.infer<typeof meSchema> {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      roles: actor.grants.map((g) => ({ role: g.role, label: ROLE_LABEL[g.role], unitId: g.unitId, jurisdictionId: g.jurisdictionId })),
    },
    csrfToken,
  };
}

const credentials = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }).openapi('Credentials');

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['账号'],
  summary: '登录（设置 HttpOnly 会话 Cookie，返回 CSRF 令牌）',
  request: { body: { content: { 'application/json': { schema: credentials } }, required: true } },
  responses: { 200: { description: '已登录', content: { 'application/json': { schema: meSchema } } }, ...errorResponses, 423: errorResponses[409] },
});

const logoutRoute = createRoute({ method: 'post', path: '/api/auth/logout', tags: ['账号'], summary: '退出登录', responses: { 204: { description: '已退出' }, ...errorResponses } });

const meRoute = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['账号'],
  summary: '当前用户、角色与 CSRF 令牌',
  responses: { 200: { description: '当前用户', content: { 'application/json': { schema: meSchema } } }, ...errorResponses },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['账号'],
  summary: '修改密码（其他会话随之失效）',
  request: { body: { content: { 'application/json': { schema: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }) } }, required: true } },
  responses: { 204: { description: '已修改' }, ...errorResponses },
});

export function registerAuthRoutes(app: ApiApp, deps: AppDeps): void {
  const attempts = new RateLimiter(deps.config.loginPerMinute, 60_000);

  app.openapi(loginRoute, async (c) => {
    const { username, password } = c.req.valid('json');
    attempts.hit(`login:${clientAddress(c, deps.config.trustProxy)}`);
    const result = await login(deps.db, deps.hasher, username, password, deps.now(), deps.config.lockout);
    if (!result.ok && result.reason === 'locked') {
      const minutes = Math.max(1, Math.ceil((result.until.getTime() - deps.now().getTime()) / 60_000));
      throw new ApiError('LOCKED', `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系系统管理员`);
    }
    if (!result.ok) throw new ApiError('UNAUTHENTICATED', '用户名或密码错误');
    const session = await createSession(deps.db, result.userId, deps.now(), deps.config.session);
    setSessionCookie(c, deps, session.token);
    const actor = await loadActorOrThrow(deps, result.userId);
    return c.json(me(actor, session.csrfToken), 200);
  });

  app.openapi(logoutRoute, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    requireActor(c);
    if (token) await endSession(deps.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.openapi(meRoute, async (c) => {
    const actor = requireActor(c);
    return c.json(me(actor, c.get('session')?.csrfToken ?? ''), 200);
  });

  app.openapi(passwordRoute, async (c) => {
    const actor = requireActor(c);
    const { currentPassword, newPassword } = c.req.valid('json');
    const user = await deps.db.selectFrom('users').select(['password_hash']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
    if (!(await deps.hasher.verify(user.password_hash, currentPassword))) throw new ApiError('FORBIDDEN', '当前密码不正确');
    const problems = passwordProblems(newPassword, actor.username);
    if (problems.length) throw new ApiError('BAD_REQUEST', problems.join('；'), { problems });
    const hash = await deps.hasher.hash(newPassword);
    await deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', actor.userId).execute();
      await endAllSessions(trx, actor.userId);
      await recordChange(trx, { userId: actor.userId, action: 'password-change', entity: 'user', entityId: actor.userId });
    });
    // This browser stays signed in with a fresh session; every other session has ended.
    const session = await createSession(deps.db, actor.userId, deps.now(), deps.config.session);
    setSessionCookie(c, deps, session.token);
    return c.body(null, 204);
  });
}

async function loadActorOrThrow(deps: AppDeps, userId: string): Promise<Actor> {
  const actor = await loadActor(deps.db, userId);
  if (!actor) throw new ApiError('UNAUTHENTICATED', '账号已停用');
  return actor;
}

function setSessionCookie(c: Context<AppEnv>, deps: AppDeps, token: string): void {
  const secure = deps.config.secureCookies === 'auto' ? isHttps(c, deps.config.trustProxy) : deps.config.secureCookies;
  // SameSite=Lax: the cookie is not sent on cross-site POSTs; with the CSRF header check this is two locks.
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: deps.config.session.maxHours * 3600 });
}
