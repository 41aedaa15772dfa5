import { createRoute, z } from '@hono/zod-openapi';
import { isEmptyScope, scopeOf } from '../../app/access/permissions';
import { listAuditEntries } from '../../app/admin/audit-log-query';
import { forbidden } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { errorResponses, pageOf, pageQuerySchema } from '../schemas';
import { requireActor } from '../session';

const entrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.string().nullable(),
    username: z.string().nullable(),
    action: z.string().openapi({ example: 'grant-add' }),
    entity: z.string().openapi({ example: 'user' }),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry');

const filter = z.string().min(1).max(64).optional();

const route = createRoute({
  method: 'get',
  path: '/api/audit-log',
  tags: ['管理'],
  summary: '操作日志（系统管理员；省级管理员可见全部，其他管理员只见本地区的单位、评价、地区与用户）',
  request: { query: pageQuerySchema.extend({ entity: filter, entityId: filter, userId: filter, action: filter }) },
  responses: { 200: { description: '日志，新的在前', content: { 'application/json': { schema: pageOf(entrySchema) } } }, ...errorResponses },
});

export function registerAuditLogRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const actor = requireActor(c);
    if (isEmptyScope(scopeOf(actor, 'manage'))) throw forbidden('查看操作日志');
    const { page, pageSize, ...query } = c.req.valid('query');
    const { items, total } = await listAuditEntries(deps.db, actor, query, page, pageSize);
    return c.json({ items, page, pageSize, total }, 200);
  });
}
