import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Actor } from '../../app/access/actor';
import { canInJurisdiction } from '../../app/access/permissions';
import { LEVEL_LABEL, LEVEL_RANK, findReadableJurisdiction, jurisdictionsReadableBy } from '../../app/admin/jurisdiction-access';
import { recordChange } from '../../app/audit-log';
import type { Jurisdiction } from '../../app/store/database';
import { ApiError, forbidden, notFound } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { errorResponses, idParamSchema } from '../schemas';
import { requireActor } from '../session';

const LEVELS = ['province', 'city', 'county'] as const;

export const jurisdictionSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    name: z.string(),
    level: z.enum(LEVELS),
    levelLabel: z.string().openapi({ example: '市级' }),
    code: z.string().openapi({ description: '行政区划代码', example: '430600' }),
    path: z.string().openapi({ description: '从根到本级的 id 路径', example: '/hn/yy/' }),
    manageable: z.boolean().openapi({ description: '当前用户可否管理（新建下级、单位、用户授权、期限、评价框架）' }),
  })
  .openapi('Jurisdiction');

function view(row: Jurisdiction, actor: Actor): z.infer<typeof jurisdictionSchema> {
  return { id: row.id, parentId: row.parent_id, name: row.name, level: row.level, levelLabel: LEVEL_LABEL[row.level], code: row.code, path: row.path, manageable: canInJurisdiction(actor, 'manage', row.path) };
}

const name = z.string().trim().min(1).max(100);

const listRoute = createRoute({
  method: 'get',
  path: '/api/jurisdictions',
  tags: ['管理'],
  summary: '地区树（当前用户可见的地区，按路径排序；单位用户只见本单位所在地区）',
  responses: { 200: { description: '地区列表（用 parentId 组成树）', content: { 'application/json': { schema: z.object({ items: z.array(jurisdictionSchema) }) } } }, ...errorResponses },
});

const createJurisdictionRoute = createRoute({
  method: 'post',
  path: '/api/jurisdictions',
  tags: ['管理'],
  summary: '新建下级地区（须有上级地区的管理权限）',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ parentId: z.string().min(1).max(64), name, level: z.enum(LEVELS), code: z.string().trim().regex(/^\d{6,12}$/, { message: '行政区划代码应为 6–12 位数字' }) }) } },
      required: true,
    },
  },
  responses: { 201: { description: '已新建', content: { 'application/json': { schema: jurisdictionSchema } } }, ...errorResponses },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/api/jurisdictions/{id}',
  tags: ['管理'],
  summary: '修改地区名称',
  request: { params: idParamSchema, body: { content: { 'application/json': { schema: z.object({ name }) } }, required: true } },
  responses: { 200: { description: '已修改', content: { 'application/json': { schema: jurisdictionSchema } } }, ...errorResponses },
});

export function registerJurisdictionRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    // The whole visible tree at once: a province has a few hundred jurisdictions, and a tree cannot be paged.
    const rows = await deps.db.selectFrom('jurisdictions').selectAll().where(jurisdictionsReadableBy(actor)).orderBy('path').execute();
    return c.json({ items: rows.map((r) => view(r, actor)) }, 200);
  });

  app.openapi(createJurisdictionRoute, async (c) => {
    const actor = requireActor(c);
    const body = c.req.valid('json');
    const parent = await findReadableJurisdiction(deps.db, actor, body.parentId);
    if (!parent) throw notFound('上级地区');
    if (!canInJurisdiction(actor, 'manage', parent.path)) throw forbidden(`在${parent.name}下新建地区`);
    if (LEVEL_RANK[body.level] <= LEVEL_RANK[parent.level]) throw new ApiError('BAD_REQUEST', `${parent.name}是${LEVEL_LABEL[parent.level]}，下级不能是${LEVEL_LABEL[body.level]}`);
    const row = await deps.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('jurisdictions').select('name').where('code', '=', body.code).executeTakeFirst();
      if (taken) throw new ApiError('CONFLICT', `行政区划代码 ${body.code} 已被“${taken.name}”使用`);
      const id = randomUUID();
      const created = await trx
        .insertInto('jurisdictions')
        .values({ id, parent_id: parent.id, name: body.name, level: body.level, code: body.code, path: `${parent.path}${id}/` })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordChange(trx, { userId: actor.userId, action: 'jurisdiction-create', entity: 'jurisdiction', entityId: id, after: { parentId: parent.id, name: body.name, level: body.level, code: body.code } });
      return created;
    });
    return c.json(view(row, actor), 201);
  });

  app.openapi(patchRoute, async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { name: newName } = c.req.valid('json');
    const row = await findReadableJurisdiction(deps.db, actor, id);
    if (!row) throw notFound('地区');
    if (!canInJurisdiction(actor, 'manage', row.path)) throw forbidden(`修改${row.name}`);
    const updated = await deps.db.transaction().execute(async (trx) => {
      const after = await trx.updateTable('jurisdictions').set({ name: newName }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await recordChange(trx, { userId: actor.userId, action: 'jurisdiction-rename', entity: 'jurisdiction', entityId: id, before: { name: row.name }, after: { name: newName } });
      return after;
    });
    return c.json(view(updated, actor), 200);
  });
}
