import { createRoute, z } from '@hono/zod-openapi';
import { findReadableJurisdiction } from '../../app/admin/jurisdiction-access';
import { jurisdictionDashboard } from '../../app/dashboard/jurisdiction-dashboard';
import { unitHistory } from '../../app/dashboard/unit-history';
import { openingYear } from '../../app/dashboard/workbench';
import { notFound } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { decimalSchema, errorResponses } from '../schemas';
import { requireActor } from '../session';
import { yearSchema } from './frameworks';

const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
const FLAGS = ['score-above-execution', 'executed-above-budget', 'score-differs', 'has-errors'] as const;
const money = decimalSchema.nullable();

const figures = {
  budget: money.openapi({ description: '全年预算数（万元）' }),
  executed: money.openapi({ description: '全年执行数（万元）' }),
  executionRate: money.openapi({ description: '预算执行率（%）' }),
  statedScore: money.openapi({ description: '自评得分' }),
  computedScore: money.openapi({ description: '系统复算得分' }),
  grade: z.string().nullable(),
};

const yearFiguresSchema = z.object({
  year: z.number().int(),
  evaluations: z.number().int(),
  withFigures: z.number().int().openapi({ description: '有预算数与执行数的评价个数（合计与执行率只含这些）' }),
  budget: money,
  executed: money,
  executionRate: money.openapi({ description: '执行数合计 ÷ 预算数合计 × 100，四舍五入保留两位' }),
  averageScore: money.openapi({ description: '复算得分平均，四舍五入保留两位' }),
});

const dashboardSchema = z
  .object({
    jurisdiction: z.object({ id: z.string(), name: z.string() }),
    year: z.number().int(),
    units: z.array(
      z.object({
        unitId: z.string(),
        unitName: z.string(),
        unitCode: z.string(),
        jurisdictionId: z.string(),
        jurisdictionName: z.string(),
        evaluationId: z.string().nullable().openapi({ description: 'null：本年度尚无部门整体评价' }),
        status: z.enum(STATUSES).nullable(),
        ...figures,
        errorCount: z.number().int(),
        warningCount: z.number().int(),
        flags: z.array(z.enum(FLAGS)),
      }),
    ),
    totals: yearFiguresSchema.extend({
      units: z.number().int(),
      byStatus: z.object(Object.fromEntries(STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof STATUSES)[number], z.ZodNumber>),
      withoutEvaluation: z.number().int(),
      errorCount: z.number().int(),
      warningCount: z.number().int(),
      flagged: z.number().int(),
    }),
    findingsByRule: z.array(z.object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info']), count: z.number().int(), evaluations: z.number().int() })),
    trend: z.array(yearFiguresSchema),
  })
  .openapi('Dashboard');

const unitHistorySchema = z
  .object({
    unit: z.object({ id: z.string(), name: z.string(), code: z.string(), staffQuota: z.number().int().nullable(), jurisdictionId: z.string(), jurisdictionName: z.string() }),
    evaluations: z.array(
      z.object({
        id: z.string(),
        year: z.number().int(),
        kind: z.enum(['department', 'project']),
        projectName: z.string(),
        status: z.enum(STATUSES),
        version: z.number().int(),
        frameworkId: z.string(),
        ...figures,
        findings: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
        flags: z.array(z.enum(FLAGS)),
        updatedAt: z.string(),
      }),
    ),
  })
  .openapi('UnitHistory');

const dashboardRoute = createRoute({
  method: 'get',
  path: '/api/dashboard',
  tags: ['监督'],
  summary: '监督看板：地区内各单位部门整体评价的执行率、得分、审查发现与提示，合计与历年趋势',
  request: { query: z.object({ jurisdictionId: z.string().min(1).max(64), year: yearSchema.optional().openapi({ description: '预算年度，默认为上一年' }) }) },
  responses: { 200: { description: '看板', content: { 'application/json': { schema: dashboardSchema } } }, ...errorResponses },
});

const unitRoute = createRoute({
  method: 'get',
  path: '/api/dashboard/units/{unitId}',
  tags: ['监督'],
  summary: '单位历年评价（看板下钻）',
  request: { params: z.object({ unitId: z.string().min(1).max(64).openapi({ param: { name: 'unitId', in: 'path' } }) }) },
  responses: { 200: { description: '单位及其历年评价', content: { 'application/json': { schema: unitHistorySchema } } }, ...errorResponses },
});

export function registerDashboardRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(dashboardRoute, async (c) => {
    const actor = requireActor(c);
    const query = c.req.valid('query');
    const place = await findReadableJurisdiction(deps.db, actor, query.jurisdictionId);
    if (!place) throw notFound('地区');
    return c.json(await jurisdictionDashboard(deps.db, actor, place, query.year ?? (await openingYear(deps.db, actor, deps.now()))), 200);
  });

  app.openapi(unitRoute, async (c) => {
    const actor = requireActor(c);
    const history = await unitHistory(deps.db, actor, c.req.valid('param').unitId);
    if (!history) throw notFound('单位');
    return c.json(history, 200);
  });
}
