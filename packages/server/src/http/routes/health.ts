import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { ApiApp, AppDeps } from '../app-deps';

const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['系统'],
  summary: '健康检查（含数据库连通）',
  responses: { 200: { description: '正常', content: { 'application/json': { schema: z.object({ status: z.literal('ok'), database: z.literal('ok') }) } } } },
});

export function registerHealthRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(healthRoute, async (c) => {
    await sql`select 1`.execute(deps.db);
    return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
  });
}
