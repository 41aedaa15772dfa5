import { createRoute, z } from '@hono/zod-openapi';
import { indicatorsCsv } from '../../app/dashboard/indicators-csv';
import { listPublicReports, publicReport } from '../../app/dashboard/public-reports';
import { notFound } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { decimalSchema, errorResponses, idParamSchema, pageOf, pageQuerySchema } from '../schemas';
import { yearSchema } from './frameworks';

const money = decimalSchema.nullable();

const reportSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    kind: z.enum(['department', 'project']),
    projectName: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    jurisdictionId: z.string(),
    jurisdictionName: z.string(),
    budget: money,
    executed: money,
    executionRate: money,
    statedScore: money,
    computedScore: money,
    grade: z.string().nullable(),
  })
  .openapi('PublicReport');

const listRoute = createRoute({
  method: 'get',
  path: '/api/public/reports',
  tags: ['公开'],
  summary: '已公开的自评报告（无需登录；指定地区时含其全部下级）',
  request: { query: pageQuerySchema.extend({ jurisdictionId: z.string().min(1).max(64).optional(), unitId: z.string().min(1).max(64).optional(), year: yearSchema.optional() }) },
  responses: { 200: { description: '报告', content: { 'application/json': { schema: pageOf(reportSchema) } } }, ...errorResponses },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/public/reports/{id}',
  tags: ['公开'],
  summary: '一份已公开报告的内容（评价文件格式，不含导入来源信息）',
  request: { params: idParamSchema },
  responses: {
    200: { description: '报告', content: { 'application/json': { schema: z.object({ report: reportSchema, content: z.record(z.string(), z.unknown()) }).openapi('PublicReportContent') } } },
    ...errorResponses,
  },
});

const csvRoute = createRoute({
  method: 'get',
  path: '/api/public/reports/{id}/data.csv',
  tags: ['公开'],
  summary: '一份已公开报告的绩效指标表（CSV，UTF-8 带 BOM，可直接用 Excel 打开）',
  request: { params: idParamSchema },
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
});

export function registerPublicRoutes(app: ApiApp, deps: AppDeps): void {
  // No requireActor: these answer everyone, signed in or not, and read published rows only.
  app.openapi(listRoute, async (c) => {
    const { page, pageSize, ...filter } = c.req.valid('query');
    const { items, total } = await listPublicReports(deps.db, filter, page, pageSize);
    return c.json({ items, page, pageSize, total }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const found = await publicReport(deps.db, c.req.valid('param').id);
    if (!found) throw notFound('已公开的报告');
    return c.json(found, 200);
  });

  app.openapi(csvRoute, async (c) => {
    const found = await publicReport(deps.db, c.req.valid('param').id);
    if (!found) throw notFound('已公开的报告');
    const { report } = found;
    const title = `${report.unitName}${report.projectName ? `-${report.projectName}` : ''}-${report.year}年度绩效指标.csv`;
    return c.body(indicatorsCsv(found.content), 200, {
      'content-type': 'text/csv; charset=utf-8',
      // An ASCII name for old clients, the Chinese one (RFC 6266 filename*) for the rest.
      'content-disposition': `attachment; filename="indicators-${report.year}.csv"; filename*=UTF-8''${encodeURIComponent(title)}`,
    });
  });
}
