import { createRoute, z } from '@hono/zod-openapi';
import { canInJurisdiction } from '../../app/access/permissions';
import type { EffectiveDeadline } from '../../app/admin/deadlines';
import { DEADLINE_KINDS, DEADLINE_LABEL, daysLeft, effectiveDeadlines, isCalendarDate, setDeadlines } from '../../app/admin/deadlines';
import { findReadableJurisdiction } from '../../app/admin/jurisdiction-access';
import { ApiError, forbidden, notFound } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { errorResponses, idParamSchema } from '../schemas';
import { requireActor } from '../session';
import { yearSchema } from './frameworks';

export const deadlineSchema = z
  .object({
    kind: z.enum(['submit', 'review', 'publish']),
    label: z.string(),
    dueDate: z.string().nullable().openapi({ description: 'yyyy-mm-dd；null 为未设置', example: '2024-06-20' }),
    setAt: z.object({ jurisdictionId: z.string(), jurisdictionName: z.string() }).nullable().openapi({ description: '设置所在地区（本级或上级）；null 为默认或未设置' }),
    basis: z.string().nullable().openapi({ description: '默认期限的依据' }),
    inherited: z.boolean(),
    daysLeft: z.number().int().nullable().openapi({ description: '距截止日的天数（北京时间），当天为 0，已过为负' }),
    overdue: z.boolean(),
  })
  .openapi('Deadline');

const responseSchema = z.object({ jurisdictionId: z.string(), jurisdictionName: z.string(), year: z.number().int(), deadlines: z.array(deadlineSchema) });

const dateSchema = z.string().refine(isCalendarDate, { message: '日期应为有效的 yyyy-mm-dd' }).nullable().optional();

const getRoute = createRoute({
  method: 'get',
  path: '/api/deadlines',
  tags: ['管理'],
  summary: '地区某年度的有效期限（本级未设置时沿用最近的上级设置；公开期限默认为次年 6 月 20 日）',
  request: { query: z.object({ jurisdictionId: z.string().min(1).max(64), year: yearSchema }) },
  responses: { 200: { description: '提交、审核、公开三个期限', content: { 'application/json': { schema: responseSchema } } }, ...errorResponses },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/jurisdictions/{id}/deadlines/{year}',
  tags: ['管理'],
  summary: '设置地区某年度的期限（系统管理员或财政审核；日期为 null 则取消本级设置）',
  request: {
    params: idParamSchema.extend({ year: yearSchema.openapi({ param: { name: 'year', in: 'path' } }) }),
    body: { content: { 'application/json': { schema: z.object({ submit: dateSchema, review: dateSchema, publish: dateSchema }) } }, required: true },
  },
  responses: { 200: { description: '已设置；返回有效期限', content: { 'application/json': { schema: responseSchema } } }, ...errorResponses },
});

export function registerDeadlineRoutes(app: ApiApp, deps: AppDeps): void {
  const view = (jurisdiction: { id: string; name: string }, year: number, deadlines: readonly EffectiveDeadline[]): z.infer<typeof responseSchema> => ({
    jurisdictionId: jurisdiction.id,
    jurisdictionName: jurisdiction.name,
    year,
    deadlines: deadlines.map((d) => {
      const left = d.dueDate ? daysLeft(d.dueDate, deps.now()) : null;
      return { ...d, inherited: d.setAt?.jurisdictionId !== jurisdiction.id, daysLeft: left, overdue: left !== null && left < 0 };
    }),
  });

  app.openapi(getRoute, async (c) => {
    const actor = requireActor(c);
    const { jurisdictionId, year } = c.req.valid('query');
    const place = await findReadableJurisdiction(deps.db, actor, jurisdictionId);
    if (!place) throw notFound('地区');
    const deadlines = (await effectiveDeadlines(deps.db, [place.id], year)).get(place.id) ?? [];
    return c.json(view(place, year, deadlines), 200);
  });

  app.openapi(putRoute, async (c) => {
    const actor = requireActor(c);
    const { id, year } = c.req.valid('param');
    const body = c.req.valid('json');
    const place = await findReadableJurisdiction(deps.db, actor, id);
    if (!place) throw notFound('地区');
    if (!canInJurisdiction(actor, 'manage', place.path) && !canInJurisdiction(actor, 'review', place.path)) throw forbidden(`设置${place.name}的期限`);
    // Self-evaluation starts once the year's accounts are closed: every deadline of year N falls in N+1.
    for (const kind of DEADLINE_KINDS) {
      const date = body[kind];
      if (date && !date.startsWith(`${year + 1}-`)) throw new ApiError('BAD_REQUEST', `${year} 年度的“${DEADLINE_LABEL[kind]}”期限应在 ${year + 1} 年内，收到 ${date}`);
    }
    const deadlines = await deps.db.transaction().execute(async (trx) => {
      const result = await setDeadlines(trx, id, year, body, actor.userId);
      if (!result.ok) throw new ApiError('BAD_REQUEST', result.message);
      return result.deadlines;
    });
    return c.json(view(place, year, deadlines), 200);
  });
}
