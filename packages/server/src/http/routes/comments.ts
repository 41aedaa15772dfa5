import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { can } from '../../app/access/permissions';
import { recordChange } from '../../app/audit-log';
import { listComments } from '../../app/evaluations/evaluation-queries';
import { ApiError, forbidden } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { errorResponses, idParamSchema, pageOf, pageQuerySchema } from '../schemas';
import { requireActor } from '../session';
import { commentBodySchema, fieldPathSchema } from './evaluation-workflow';
import { readableEvaluation } from './evaluations';

/*
 * Comments on an evaluation: a reviewer's 审核意见 (on a field path where given; also written by 退回修改), and a
 * 人大 supervisor's 批注 on one finding of the evaluation. Anyone who may read the evaluation reads its comments.
 */

const TAGS = ['评价意见'];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const KIND_LABEL = { review: '审核意见', annotation: '监督批注' } as const;

export const commentSchema = z
  .object({
    id: z.string(),
    version: z.number().int().openapi({ description: '意见所针对的版本' }),
    kind: z.enum(['review', 'annotation']),
    kindLabel: z.string(),
    fieldPath: z.string().nullable(),
    findingId: z.string().nullable(),
    body: z.string(),
    author: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
    createdAt: z.string(),
  })
  .openapi('Comment');

const listRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/comments',
  tags: TAGS,
  summary: '评价的审核意见与监督批注（按时间）',
  request: { params: idParamSchema, query: pageQuerySchema },
  responses: { 200: { description: '意见', content: json(pageOf(commentSchema)) }, ...errorResponses },
});

const newCommentSchema = z
  .object({
    kind: z.enum(['review', 'annotation']).openapi({ description: 'review 审核意见（财政审核）；annotation 对审查发现的批注（人大监督）' }),
    body: commentBodySchema,
    fieldPath: fieldPathSchema.optional(),
    findingId: z.string().min(1).max(64).optional().openapi({ description: '批注的审查发现（annotation 必填，须属于此评价）' }),
  })
  .openapi('NewComment');

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/evaluations/{id}/comments',
  tags: TAGS,
  summary: '发表审核意见，或批注审查发现',
  request: { params: idParamSchema, body: { content: json(newCommentSchema), required: true } },
  responses: {
    201: { description: '已发表', content: json(commentSchema) },
    ...errorResponses,
    422: { description: '批注的审查发现不属于此评价', content: errorResponses[409].content },
  },
});

export function registerCommentRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { page, pageSize } = c.req.valid('query');
    const row = await readableEvaluation(deps.db, actor, c.req.valid('param').id);
    const { rows, total } = await listComments(deps.db, row.id, { page, pageSize });
    const items = rows.map((r) => ({
      id: r.id,
      version: r.version,
      kind: r.kind,
      kindLabel: KIND_LABEL[r.kind],
      fieldPath: r.field_path,
      findingId: r.finding_id,
      body: r.body,
      author: { id: r.author_id, username: r.username, displayName: r.display_name },
      createdAt: r.created_at.toISOString(),
    }));
    return c.json({ items, page, pageSize, total }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const created = await deps.db.transaction().execute(async (trx) => {
      const row = await readableEvaluation(trx, actor, id);
      const unit = { id: row.unit_id, jurisdictionPath: row.jurisdiction_path };
      if (body.kind === 'review' && !can(actor, 'review', unit)) throw forbidden('发表审核意见');
      if (body.kind === 'annotation' && !can(actor, 'annotate', unit)) throw forbidden('批注审查发现');
      if (body.kind === 'annotation' && !body.findingId) throw new ApiError('UNPROCESSABLE', '批注须指明所批注的审查发现（findingId）');
      let version = row.current_version;
      if (body.findingId) {
        const finding = await trx.selectFrom('findings').select(['id', 'version']).where('id', '=', body.findingId).where('evaluation_id', '=', id).executeTakeFirst();
        if (!finding) throw new ApiError('UNPROCESSABLE', '所批注的审查发现不属于此评价');
        // A finding belongs to one version; the note on it does too, even after later versions are saved.
        version = finding.version;
      }
      const comment = {
        id: randomUUID(),
        evaluation_id: id,
        version,
        kind: body.kind,
        field_path: body.fieldPath ?? null,
        finding_id: body.findingId ?? null,
        body: body.body,
        author_id: actor.userId,
        created_at: deps.now(),
      };
      await trx.insertInto('comments').values(comment).execute();
      await recordChange(trx, { userId: actor.userId, action: 'comment', entity: 'comment', entityId: comment.id, after: { evaluationId: id, version, kind: comment.kind, fieldPath: comment.field_path, findingId: comment.finding_id, body: comment.body } });
      return comment;
    });
    return c.json(
      {
        id: created.id,
        version: created.version,
        kind: created.kind,
        kindLabel: KIND_LABEL[created.kind],
        fieldPath: created.field_path,
        findingId: created.finding_id,
        body: created.body,
        author: { id: actor.userId, username: actor.username, displayName: actor.displayName },
        createdAt: created.created_at.toISOString(),
      },
      201,
    );
  });
}
