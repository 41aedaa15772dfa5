import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Actor } from '../../app/access/actor';
import { can, canInJurisdiction } from '../../app/access/permissions';
import { unitsVisibleTo } from '../../app/access/scope-query';
import { findReadableJurisdiction, withinPath } from '../../app/admin/jurisdiction-access';
import { recordChange } from '../../app/audit-log';
import type { Database } from '../../app/store/database';
import { ApiError, forbidden, notFound } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { errorResponses, idParamSchema, pageOf, pageQuerySchema } from '../schemas';
import { requireActor } from '../session';

export const unitSchema = z
  .object({
    id: z.string(),
    jurisdictionId: z.string(),
    jurisdictionName: z.string(),
    name: z.string(),
    code: z.string().openapi({ description: '单位代码', example: '430600-001' }),
    staffQuota: z.number().int().nullable().openapi({ description: '编制数' }),
    manageable: z.boolean(),
  })
  .openapi('Unit');

const unitFields = {
  name: z.string().trim().min(1).max(200),
  code: z.string().trim().min(1).max(64),
  staffQuota: z.number().int().min(0).max(1_000_000).nullable(),
};

const listRoute = createRoute({
  method: 'get',
  path: '/api/units',
  tags: ['管理'],
  summary: '单位列表（可见范围内；指定地区时含其全部下级地区的单位）',
  request: { query: pageQuerySchema.extend({ jurisdictionId: z.string().min(1).max(64).optional() }) },
  responses: { 200: { description: '单位', content: { 'application/json': { schema: pageOf(unitSchema) } } }, ...errorResponses },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/units/{id}',
  tags: ['管理'],
  summary: '单位详情',
  request: { params: idParamSchema },
  responses: { 200: { description: '单位', content: { 'application/json': { schema: unitSchema } } }, ...errorResponses },
});

const createUnitRoute = createRoute({
  method: 'post',
  path: '/api/units',
  tags: ['管理'],
  summary: '新建单位（须有所在地区的管理权限）',
  request: { body: { content: { 'application/json': { schema: z.object({ jurisdictionId: z.string().min(1).max(64), ...unitFields, staffQuota: unitFields.staffQuota.optional() }) } }, required: true } },
  responses: { 201: { description: '已新建', content: { 'application/json': { schema: unitSchema } } }, ...errorResponses },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/api/units/{id}',
  tags: ['管理'],
  summary: '修改单位名称、代码、编制数',
  request: { params: idParamSchema, body: { content: { 'application/json': { schema: z.object(unitFields).partial() } }, required: true } },
  responses: { 200: { description: '已修改', content: { 'application/json': { schema: unitSchema } } }, ...errorResponses },
});

function visibleUnits(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom('units')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .select(['units.id', 'units.jurisdiction_id', 'jurisdictions.name as jurisdiction_name', 'jurisdictions.path', 'units.name', 'units.code', 'units.staff_quota'])
    .where(unitsVisibleTo(actor, 'read'));
}

type UnitRow = { id: string; jurisdiction_id: string; jurisdiction_name: string; path: string; name: string; code: string; staff_quota: number | null };

function view(row: UnitRow, actor: Actor): z.infer<typeof unitSchema> {
  return {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    jurisdictionName: row.jurisdiction_name,
    name: row.name,
    code: row.code,
    staffQuota: row.staff_quota,
    manageable: can(actor, 'manage', { id: row.id, jurisdictionPath: row.path }),
  };
}

async function codeTaken(db: Kysely<Database>, code: string, exceptId?: string): Promise<void> {
  let query = db.selectFrom('units').select('name').where('code', '=', code);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const taken = await query.executeTakeFirst();
  if (taken) throw new ApiError('CONFLICT', `单位代码 ${code} 已被“${taken.name}”使用`);
}

export function registerUnitRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { page, pageSize, jurisdictionId } = c.req.valid('query');
    let query = visibleUnits(deps.db, actor);
    if (jurisdictionId) {
      const place = await deps.db.selectFrom('jurisdictions').select('path').where('id', '=', jurisdictionId).executeTakeFirst();
      if (!place) throw notFound('地区');
      query = query.where(withinPath('jurisdictions.path', place.path));
    }
    const { total } = await query.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await query
      .orderBy('jurisdictions.path')
      .orderBy('units.code')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return c.json({ items: rows.map((r) => view(r, actor)), page, pageSize, total: Number(total) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const actor = requireActor(c);
    const row = await visibleUnits(deps.db, actor).where('units.id', '=', c.req.valid('param').id).executeTakeFirst();
    if (!row) throw notFound('单位');
    return c.json(view(row, actor), 200);
  });

  app.openapi(createUnitRoute, async (c) => {
    const actor = requireActor(c);
    const body = c.req.valid('json');
    const place = await findReadableJurisdiction(deps.db, actor, body.jurisdictionId);
    if (!place) throw notFound('地区');
    if (!canInJurisdiction(actor, 'manage', place.path)) throw forbidden(`在${place.name}新建单位`);
    const id = randomUUID();
    await deps.db.transaction().execute(async (trx) => {
      await codeTaken(trx, body.code);
      const values = { id, jurisdiction_id: place.id, name: body.name, code: body.code, staff_quota: body.staffQuota ?? null };
      await trx.insertInto('units').values(values).execute();
      await recordChange(trx, { userId: actor.userId, action: 'unit-create', entity: 'unit', entityId: id, after: { jurisdictionId: place.id, name: body.name, code: body.code, staffQuota: values.staff_quota } });
    });
    const row = await visibleUnits(deps.db, actor).where('units.id', '=', id).executeTakeFirstOrThrow();
    return c.json(view(row, actor), 201);
  });

  app.openapi(patchRoute, async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const before = await visibleUnits(deps.db, actor).where('units.id', '=', id).executeTakeFirst();
    if (!before) throw notFound('单位');
    if (!can(actor, 'manage', { id, jurisdictionPath: before.path })) throw forbidden(`修改${before.name}`);
    await deps.db.transaction().execute(async (trx) => {
      if (body.code !== undefined) await codeTaken(trx, body.code, id);
      const changes = {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.code !== undefined ? { code: body.code } : {}),
        ...(body.staffQuota !== undefined ? { staff_quota: body.staffQuota } : {}),
      };
      if (Object.keys(changes).length === 0) return;
      await trx.updateTable('units').set(changes).where('id', '=', id).execute();
      await recordChange(trx, {
        userId: actor.userId,
        action: 'unit-update',
        entity: 'unit',
        entityId: id,
        before: { name: before.name, code: before.code, staffQuota: before.staff_quota },
        after: { name: body.name ?? before.name, code: body.code ?? before.code, staffQuota: body.staffQuota === undefined ? before.staff_quota : body.staffQuota },
      });
    });
    const row = await visibleUnits(deps.db, actor).where('units.id', '=', id).executeTakeFirstOrThrow();
    return c.json(view(row, actor), 200);
  });
}
