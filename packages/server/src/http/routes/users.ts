import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Actor } from '../../app/access/actor';
import { isEmptyScope, scopeOf } from '../../app/access/permissions';
import { passwordProblems } from '../../app/accounts/password-rules';
import { endAllSessions } from '../../app/accounts/sessions';
import type { GrantProblem, UserView } from '../../app/admin/user-admin';
import { addGrant, findManagedUser, grantProblem, insertUser, listUsers, revokeGrant } from '../../app/admin/user-admin';
import { recordChange } from '../../app/audit-log';
import { ApiError, forbidden, notFound } from '../api-error';
import type { ApiApp, AppDeps, AppEnv } from '../app-deps';
import { errorResponses, idParamSchema, pageOf, pageQuerySchema } from '../schemas';
import { requireActor } from '../session';

const ROLES = ['filler', 'unit_head', 'finance_reviewer', 'npc_supervisor', 'admin'] as const;

const grantSchema = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  label: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  jurisdictionId: z.string().nullable(),
  jurisdictionName: z.string().nullable().openapi({ description: '授权所在地区（单位角色为单位所在地区）' }),
});

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    disabled: z.boolean(),
    locked: z.boolean().openapi({ description: '因登录失败次数过多而锁定中' }),
    lockedUntil: z.string().nullable(),
    failedLogins: z.number().int(),
    createdAt: z.string(),
    grants: z.array(grantSchema).openapi({ description: '在您管理范围内的授权' }),
    otherGrants: z.number().int().openapi({ description: '不在您管理范围内的授权个数' }),
    manageable: z.boolean().openapi({ description: '可否停用、解锁、改名：该用户的全部授权都在您的管理范围内' }),
  })
  .openapi('User');

const grantRequest = z
  .object({
    role: z.enum(ROLES),
    unitId: z.string().min(1).max(64).optional().openapi({ description: '填报人、单位负责人：所在单位' }),
    jurisdictionId: z.string().min(1).max(64).optional().openapi({ description: '财政审核、人大监督、系统管理员：所辖地区（含下级）' }),
  })
  .openapi('GrantRequest');

const userIdParam = idParamSchema;
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const userResponse = (description: string) => ({ description, content: { 'application/json': { schema: userSchema } } });

const listRoute = createRoute({
  method: 'get',
  path: '/api/users',
  tags: ['管理'],
  summary: '用户列表（在您管理范围内有授权的用户，以及尚无授权的用户）',
  request: { query: pageQuerySchema },
  responses: { 200: { description: '用户', content: { 'application/json': { schema: pageOf(userSchema) } } }, ...errorResponses },
});

const getRoute = createRoute({ method: 'get', path: '/api/users/{id}', tags: ['管理'], summary: '用户详情', request: { params: userIdParam }, responses: { 200: userResponse('用户'), ...errorResponses } });

const createUserRoute = createRoute({
  method: 'post',
  path: '/api/users',
  tags: ['管理'],
  summary: '新建用户（密码须符合复杂度要求；可同时授权）',
  request: {
    body: json(
      z.object({
        username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,64}$/, { message: '用户名为 3–64 位字母、数字或 _ . -' }),
        displayName: z.string().trim().min(1).max(100),
        password: z.string().min(1).max(256),
        grants: z.array(grantRequest).max(20).default([]),
      }),
    ),
  },
  responses: { 201: userResponse('已新建'), ...errorResponses },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags: ['管理'],
  summary: '修改姓名或停用/启用账号（停用即结束其全部会话）',
  request: { params: userIdParam, body: json(z.object({ displayName: z.string().trim().min(1).max(100).optional(), disabled: z.boolean().optional() })) },
  responses: { 200: userResponse('已修改'), ...errorResponses },
});

const addGrantRoute = createRoute({
  method: 'post',
  path: '/api/users/{id}/grants',
  tags: ['管理'],
  summary: '授权（须在您的管理范围内）',
  request: { params: userIdParam, body: json(grantRequest) },
  responses: { 201: userResponse('已授权'), ...errorResponses },
});

const revokeRoute = createRoute({
  method: 'delete',
  path: '/api/users/{id}/grants/{grantId}',
  tags: ['管理'],
  summary: '撤销授权',
  request: { params: userIdParam.extend({ grantId: z.string().min(1).max(64).openapi({ param: { name: 'grantId', in: 'path' } }) }) },
  responses: { 204: { description: '已撤销' }, ...errorResponses },
});

const unlockRoute = createRoute({
  method: 'post',
  path: '/api/users/{id}/unlock',
  tags: ['管理'],
  summary: '解除登录锁定',
  request: { params: userIdParam },
  responses: { 200: userResponse('已解锁'), ...errorResponses },
});

function requireAdmin(c: Context<AppEnv>): Actor {
  const actor = requireActor(c);
  if (isEmptyScope(scopeOf(actor, 'manage'))) throw forbidden('管理用户');
  return actor;
}

function grantError(p: GrantProblem): ApiError {
  switch (p.problem) {
    case 'invalid':
      return new ApiError('BAD_REQUEST', p.message);
    case 'not-found':
      return notFound(p.message);
    case 'forbidden':
      return forbidden(p.message);
    case 'conflict':
      return new ApiError('CONFLICT', p.message);
  }
}

export function registerUserRoutes(app: ApiApp, deps: AppDeps): void {
  async function managed(actor: Actor, id: string): Promise<UserView> {
    const user = await findManagedUser(deps.db, actor, id, deps.now());
    if (!user) throw notFound('用户');
    return user;
  }

  /** Changing an account needs every grant of the user in scope; a grant of one's own is never changed by oneself. */
  async function changeable(actor: Actor, id: string): Promise<UserView> {
    const user = await managed(actor, id);
    if (!user.manageable) throw forbidden('修改该用户：其部分授权不在您的管理范围内');
    return user;
  }

  app.openapi(listRoute, async (c) => {
    const actor = requireAdmin(c);
    const { page, pageSize } = c.req.valid('query');
    const { items, total } = await listUsers(deps.db, actor, deps.now(), page, pageSize);
    return c.json({ items, page, pageSize, total }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const actor = requireAdmin(c);
    return c.json(await managed(actor, c.req.valid('param').id), 200);
  });

  app.openapi(createUserRoute, async (c) => {
    const actor = requireAdmin(c);
    const body = c.req.valid('json');
    const problems = passwordProblems(body.password, body.username);
    if (problems.length) throw new ApiError('BAD_REQUEST', problems.join('；'), { problems });
    for (const grant of body.grants) {
      const problem = await grantProblem(deps.db, actor, grant);
      if (problem) throw grantError(problem);
    }
    const hash = await deps.hasher.hash(body.password);
    const id = await deps.db.transaction().execute(async (trx) => {
      const userId = await insertUser(trx, { username: body.username, displayName: body.displayName, passwordHash: hash }, actor.userId);
      if (!userId) throw new ApiError('CONFLICT', `用户名 ${body.username} 已被使用`);
      for (const grant of body.grants) {
        const added = await addGrant(trx, userId, grant, actor.userId);
        if ('problem' in added) throw grantError(added);
      }
      return userId;
    });
    return c.json(await managed(actor, id), 201);
  });

  app.openapi(patchRoute, async (c) => {
    const actor = requireAdmin(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const before = await changeable(actor, id);
    if (body.disabled === true && id === actor.userId) throw new ApiError('BAD_REQUEST', '不能停用自己的账号');
    await deps.db.transaction().execute(async (trx) => {
      const changes = { ...(body.displayName !== undefined ? { display_name: body.displayName } : {}), ...(body.disabled !== undefined ? { disabled: body.disabled } : {}) };
      if (Object.keys(changes).length === 0) return;
      await trx.updateTable('users').set(changes).where('id', '=', id).execute();
      // A disabled user's open sessions end now, not at their idle timeout.
      if (body.disabled) await endAllSessions(trx, id);
      await recordChange(trx, {
        userId: actor.userId,
        action: body.disabled === true && !before.disabled ? 'user-disable' : body.disabled === false && before.disabled ? 'user-enable' : 'user-update',
        entity: 'user',
        entityId: id,
        before: { displayName: before.displayName, disabled: before.disabled },
        after: { displayName: body.displayName ?? before.displayName, disabled: body.disabled ?? before.disabled },
      });
    });
    return c.json(await managed(actor, id), 200);
  });

  app.openapi(addGrantRoute, async (c) => {
    const actor = requireAdmin(c);
    const { id } = c.req.valid('param');
    const grant = c.req.valid('json');
    await managed(actor, id);
    if (id === actor.userId) throw forbidden('修改自己的授权，请由其他管理员操作');
    const problem = await grantProblem(deps.db, actor, grant);
    if (problem) throw grantError(problem);
    await deps.db.transaction().execute(async (trx) => {
      const added = await addGrant(trx, id, grant, actor.userId);
      if ('problem' in added) throw grantError(added);
    });
    return c.json(await managed(actor, id), 201);
  });

  app.openapi(revokeRoute, async (c) => {
    const actor = requireAdmin(c);
    const { id, grantId } = c.req.valid('param');
    await managed(actor, id);
    if (id === actor.userId) throw forbidden('修改自己的授权，请由其他管理员操作');
    const revoked = await deps.db.transaction().execute((trx) => revokeGrant(trx, actor, id, grantId));
    if (!revoked) throw notFound('授权');
    return c.body(null, 204);
  });

  app.openapi(unlockRoute, async (c) => {
    const actor = requireAdmin(c);
    const { id } = c.req.valid('param');
    const before = await changeable(actor, id);
    await deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
      await recordChange(trx, { userId: actor.userId, action: 'user-unlock', entity: 'user', entityId: id, before: { lockedUntil: before.lockedUntil, failedLogins: before.failedLogins } });
    });
    return c.json(await managed(actor, id), 200);
  });
}
