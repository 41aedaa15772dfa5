import { createRoute, z } from '@hono/zod-openapi';
import { openingYear, workbench } from '../../app/dashboard/workbench';
import type { ApiApp, AppDeps } from '../app-deps';
import { errorResponses } from '../schemas';
import { requireActor } from '../session';
import { deadlineSchema } from './deadlines';
import { yearSchema } from './frameworks';

const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
const byStatus = z.object(Object.fromEntries(STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof STATUSES)[number], z.ZodNumber>);

const taskSchema = z
  .object({
    kind: z.enum(['create-department', 'fill', 'revise', 'submit', 'await-revision', 'review', 'publish', 'inspect']),
    label: z.string().openapi({ example: '待审核' }),
    evaluationId: z.string().nullable().openapi({ description: 'null：尚未创建的部门整体评价' }),
    evaluationKind: z.enum(['department', 'project']),
    projectName: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    jurisdictionName: z.string(),
    status: z.enum(STATUSES).nullable(),
    errorCount: z.number().int(),
    warningCount: z.number().int(),
    deadlineKind: z.enum(['submit', 'review', 'publish']).nullable(),
    dueDate: z.string().nullable(),
    daysLeft: z.number().int().nullable(),
    overdue: z.boolean(),
  })
  .openapi('Task');

const workbenchSchema = z
  .object({
    year: z.number().int(),
    deadlines: z.array(deadlineSchema.omit({ inherited: true }).extend({ jurisdictionId: z.string(), jurisdictionName: z.string() })),
    tasks: z.array(taskSchema),
    tasksTotal: z.number().int().openapi({ description: '待办总数（tasks 最多返回 200 条）' }),
    counts: z.object({
      byStatus,
      withErrors: z.number().int(),
      users: z.object({ locked: z.number().int(), disabled: z.number().int(), withoutGrants: z.number().int() }).optional().openapi({ description: '仅系统管理员' }),
    }),
  })
  .openapi('Workbench');

const route = createRoute({
  method: 'get',
  path: '/api/workbench',
  tags: ['工作台'],
  summary: '工作台：按角色列出待办、期限与剩余天数',
  request: { query: z.object({ year: yearSchema.optional().openapi({ description: '预算年度，默认为上一年' }) }) },
  responses: { 200: { description: '待办', content: { 'application/json': { schema: workbenchSchema } } }, ...errorResponses },
});

export function registerWorkbenchRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const actor = requireActor(c);
    const now = deps.now();
    const year = c.req.valid('query').year ?? (await openingYear(deps.db, actor, now));
    return c.json(await workbench(deps.db, actor, year, now), 200);
  });
}
