import { createRoute, z } from '@hono/zod-openapi';
import { renderDashboardXlsx } from '../../adapters/generators/xlsx/render-dashboard-xlsx';
import { exportDashboard } from '../../app/dashboard/export-dashboard';
import { EXPORT_MEDIA_TYPE } from '../../app/documents/export-evaluation';
import { notFound } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { errorResponses } from '../schemas';
import { requireActor } from '../session';
import { contentDisposition } from './exports';
import { yearSchema } from './frameworks';

/**
 * The supervision dashboard as .xlsx. The generator is wired here rather than in AppDeps: it needs no
 * configuration and no test replaces it (the tests read the real workbook back).
 */
const exportRoute = createRoute({
  method: 'get',
  path: '/api/dashboard/export.xlsx',
  tags: ['监督'],
  summary: '导出监督看板（.xlsx：各单位、审查发现、历年趋势三个工作表），权限与监督看板相同',
  request: { query: z.object({ jurisdictionId: z.string().min(1).max(64), year: yearSchema.optional().openapi({ description: '预算年度，默认为上一年' }) }) },
  responses: {
    200: { description: '.xlsx 文件，文件名为“地区-年度-监督看板.xlsx”', content: { [EXPORT_MEDIA_TYPE.xlsx]: { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorResponses,
  },
});

export function registerDashboardExportRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(exportRoute, async (c) => {
    const actor = requireActor(c);
    const result = await exportDashboard(deps.db, actor, c.req.valid('query'), deps.now(), renderDashboardXlsx);
    if (!result.ok) throw notFound('地区');
    return c.body(new Uint8Array(result.bytes), 200, {
      'content-type': result.mediaType,
      'content-disposition': contentDisposition(result.filename),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
  });
}
