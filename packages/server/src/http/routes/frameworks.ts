import { createRoute, z } from '@hono/zod-openapi';
import { findFramework } from '@jixiao/core';
import { canInJurisdiction } from '../../app/access/permissions';
import type { EffectiveFramework } from '../../app/admin/framework-for';
import { effectiveFrameworks } from '../../app/admin/framework-for';
import { findReadableJurisdiction } from '../../app/admin/jurisdiction-access';
import { frameworkSettingProblem, setFramework } from '../../app/admin/set-framework';
import { ApiError, forbidden, notFound } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { errorResponses, idParamSchema } from '../schemas';
import { requireActor } from '../session';

export const yearSchema = z.coerce.number().int().min(2000).max(2100).openapi({ description: '预算年度', example: 2023 });

const setAtSchema = z.object({ jurisdictionId: z.string(), jurisdictionName: z.string() }).nullable().openapi({ description: '设置所在地区（本级或上级）；null 为系统默认' });

const effectiveSchema = z
  .object({
    kind: z.enum(['department', 'project']),
    frameworkId: z.string().openapi({ example: 'hunan-standard' }),
    frameworkName: z.string(),
    policies: z.record(z.string(), z.string()),
    setAt: setAtSchema,
    inherited: z.boolean().openapi({ description: '继承自上级地区或系统默认' }),
  })
  .openapi('EffectiveFramework');

const responseSchema = z.object({ jurisdictionId: z.string(), year: z.number().int(), frameworks: z.array(effectiveSchema) });

const getRoute = createRoute({
  method: 'get',
  path: '/api/jurisdictions/{id}/frameworks',
  tags: ['管理'],
  summary: '地区某年度适用的评价框架（本级未设置时沿用最近的上级设置，默认 hunan-standard）',
  request: { params: idParamSchema, query: z.object({ year: yearSchema }) },
  responses: { 200: { description: '部门整体与项目支出各一个', content: { 'application/json': { schema: responseSchema } } }, ...errorResponses },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/jurisdictions/{id}/frameworks/{year}/{kind}',
  tags: ['管理'],
  summary: '设置地区某年度、某类评价的评价框架与评分政策（下级地区未另设时沿用）',
  request: {
    params: idParamSchema.extend({
      year: yearSchema.openapi({ param: { name: 'year', in: 'path' } }),
      kind: z.enum(['department', 'project']).openapi({ param: { name: 'kind', in: 'path' } }),
    }),
    body: {
      content: {
        'application/json': {
          schema: z.object({
            frameworkId: z.string().min(1).max(64),
            policies: z.record(z.string(), z.string().max(32)).default({}).openapi({ description: '评分政策，如 {"executionScorePlaces":"0"}（同 jixiao score --policy）' }),
          }),
        },
      },
      required: true,
    },
  },
  responses: { 200: { description: '已设置；返回该地区该年度的适用框架', content: { 'application/json': { schema: responseSchema } } }, ...errorResponses },
});

function view(jurisdictionId: string, year: number, frameworks: readonly EffectiveFramework[]): z.infer<typeof responseSchema> {
  return {
    jurisdictionId,
    year,
    frameworks: frameworks.map((f) => ({ ...f, policies: { ...f.policies }, frameworkName: findFramework(f.frameworkId)?.name ?? f.frameworkId, inherited: f.setAt?.jurisdictionId !== jurisdictionId })),
  };
}

export function registerFrameworkRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(getRoute, async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { year } = c.req.valid('query');
    if (!(await findReadableJurisdiction(deps.db, actor, id))) throw notFound('地区');
    return c.json(view(id, year, await effectiveFrameworks(deps.db, id, year)), 200);
  });

  app.openapi(putRoute, async (c) => {
    const actor = requireActor(c);
    const { id, year, kind } = c.req.valid('param');
    const { frameworkId, policies } = c.req.valid('json');
    const place = await findReadableJurisdiction(deps.db, actor, id);
    if (!place) throw notFound('地区');
    if (!canInJurisdiction(actor, 'manage', place.path)) throw forbidden(`设置${place.name}的评价框架`);
    const problem = frameworkSettingProblem({ kind, frameworkId, policies });
    if (problem) throw new ApiError('BAD_REQUEST', problem);
    const frameworks = await deps.db.transaction().execute(async (trx) => {
      await setFramework(trx, { jurisdictionId: id, year, kind, frameworkId, policies }, actor.userId);
      return effectiveFrameworks(trx, id, year);
    });
    return c.json(view(id, year, frameworks), 200);
  });
}
