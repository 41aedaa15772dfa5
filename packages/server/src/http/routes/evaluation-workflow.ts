import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Actor } from '../../app/access/actor';
import { recordChange } from '../../app/audit-log';
import { checkEvaluation } from '../../app/evaluations/check-evaluation';
import { findVersion } from '../../app/evaluations/evaluation-queries';
import { appendVersion, setStatus } from '../../app/evaluations/evaluation-store';
import { changedPaths } from '../../app/evaluations/json-diff';
import { ApiError } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { errorResponses, idParamSchema } from '../schemas';
import { requireActor } from '../session';
import { checkFindingsJson, evaluationSummarySchema, lockForAction, summaryJson, writeFailure } from './evaluations';

/*
 * The workflow steps: 提交 (unit head), 退回修改 with comments, 审核通过 and 公开 (finance reviewer). Each runs in one
 * transaction that locks the evaluation row first (lockForAction), so two steps on one evaluation never
 * interleave, and each is logged with the status before and after (appendVersion / setStatus record it).
 */

const TAGS = ['评价流程'];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const errorContent = errorResponses[409].content;

/** A field path in the evaluation file's notation: `indicators[3].actual`, `funds.rows[0].statedRate`. */
export const fieldPathSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z]\w*(?:\[\d+\]|\.[A-Za-z]\w*)*$/, '应为评价文件中的字段路径，如 indicators[3].actual')
  .openapi({ example: 'funds.rows[0].statedRate' });

export const commentBodySchema = z.string().trim().min(1, '意见不能为空').max(4000);

const submitRoute = createRoute({
  method: 'post',
  path: '/api/evaluations/{id}/submit',
  tags: TAGS,
  summary: '提交（单位负责人）：重新计分审查，有错误须确认 acknowledgeErrors 才能提交',
  request: {
    params: idParamSchema,
    body: {
      content: json(
        z
          .object({
            version: z.number().int().min(1).openapi({ description: '提交的版本，须为当前版本' }),
            acknowledgeErrors: z.boolean().optional().openapi({ description: '已知悉审查错误，仍要提交' }),
          })
          .openapi('SubmitEvaluation'),
      ),
      required: true,
    },
  },
  responses: {
    200: { description: '已提交', content: json(evaluationSummarySchema) },
    ...errorResponses,
    409: { description: '版本不是当前版本，或状态不允许提交', content: errorContent },
    422: { description: '有审查错误且未确认（details.findings，错误在前）', content: errorContent },
  },
});

const returnRoute = createRoute({
  method: 'post',
  path: '/api/evaluations/{id}/return',
  tags: TAGS,
  summary: '退回修改（财政审核），须附至少一条意见',
  request: {
    params: idParamSchema,
    body: {
      content: json(
        z
          .object({ comments: z.array(z.object({ fieldPath: fieldPathSchema.optional(), body: commentBodySchema })).min(1, '退回须附至少一条意见').max(100) })
          .openapi('ReturnEvaluation'),
      ),
      required: true,
    },
  },
  responses: { 200: { description: '已退回修改', content: json(evaluationSummarySchema) }, ...errorResponses },
});

function statusRoute(action: 'approve' | 'publish', summary: string, done: string) {
  return createRoute({
    method: 'post',
    path: `/api/evaluations/{id}/${action}`,
    tags: TAGS,
    summary,
    request: { params: idParamSchema },
    responses: { 200: { description: done, content: json(evaluationSummarySchema) }, ...errorResponses },
  });
}

const approveRoute = statusRoute('approve', '审核通过（财政审核）', '已审核');
const publishRoute = statusRoute('publish', '公开（财政审核；须已审核）', '已公开');

export function registerEvaluationWorkflowRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(submitRoute, async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { version, acknowledgeErrors } = c.req.valid('json');
    const submitted = await deps.db.transaction().execute(async (trx) => {
      const row = await lockForAction(trx, actor, id, 'submit');
      const current = await findVersion(trx, id, row.current_version);
      if (!current) throw new Error(`evaluation ${id} has no version ${row.current_version}`);
      if (version !== row.current_version) {
        // The head reviewed another version than the one that would be submitted: show what changed since.
        const seen = version < row.current_version ? await findVersion(trx, id, version) : undefined;
        throw new ApiError('CONFLICT', `您查看的是第 ${version} 版，此评价现为第 ${row.current_version} 版；请查看最新内容后再提交`, {
          currentVersion: row.current_version,
          changedPaths: seen ? changedPaths(seen.content, current.content) : [],
          current: current.content,
        });
      }
      // Checked again now: the figures and findings recorded are those of what is submitted, under today's rules.
      const check = checkEvaluation(current.content, row.framework_id);
      if (!check.ok) throw new ApiError('UNPROCESSABLE', '评价内容不符合评价文件格式，请修改后再提交', { issues: check.issues });
      const errors = check.findings.filter((f) => f.severity === 'error');
      if (errors.length && acknowledgeErrors !== true) {
        const listed = errors.slice(0, 3).map((f) => f.message).join('；');
        throw new ApiError('UNPROCESSABLE', `审查发现 ${errors.length} 项错误，请修改后再提交，或确认已知悉后提交（acknowledgeErrors）：${listed}${errors.length > 3 ? '；……' : ''}`, {
          errorCount: errors.length,
          findings: checkFindingsJson(check.findings),
        });
      }
      const result = await appendVersion(trx, { evaluationId: id, baseVersion: version, content: current.content, reason: 'submit', userId: actor.userId, status: 'submitted' });
      if (!result.ok) throw writeFailure(result);
      if (errors.length) {
        // Submitting over errors is a decision someone answers for: which errors, at which version, by whom.
        await recordChange(trx, {
          userId: actor.userId,
          action: 'submit-acknowledging-errors',
          entity: 'evaluation',
          entityId: id,
          after: { version: result.evaluation.current_version, errors: errors.map((f) => ({ rule: f.rule, message: f.message, path: f.location?.path ?? null })) },
        });
      }
      return summaryJson({ ...row, ...result.evaluation });
    });
    return c.json(submitted, 200);
  });

  app.openapi(returnRoute, async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { comments } = c.req.valid('json');
    const returned = await deps.db.transaction().execute(async (trx) => {
      const row = await lockForAction(trx, actor, id, 'return');
      const after = await setStatus(trx, id, 'returned', actor.userId, 'return');
      const now = deps.now().getTime();
      for (const [i, comment] of comments.entries()) {
        const commentId = randomUUID();
        // A millisecond apart: comments list by time, and these then keep the order the reviewer wrote them in.
        const values = { id: commentId, evaluation_id: id, version: row.current_version, kind: 'review' as const, field_path: comment.fieldPath ?? null, finding_id: null, body: comment.body, author_id: actor.userId, created_at: new Date(now + i) };
        await trx.insertInto('comments').values(values).execute();
        await recordChange(trx, { userId: actor.userId, action: 'comment', entity: 'comment', entityId: commentId, after: { evaluationId: id, version: row.current_version, kind: 'review', fieldPath: values.field_path, body: values.body } });
      }
      return summaryJson({ ...row, ...after });
    });
    return c.json(returned, 200);
  });

  // 审核通过 and 公开 change the status only: the version (and its findings) stay what was submitted.
  const changeStatus = (actor: Actor, id: string, action: 'approve' | 'publish') =>
    deps.db.transaction().execute(async (trx) => {
      const row = await lockForAction(trx, actor, id, action);
      const after = await setStatus(trx, id, action === 'approve' ? 'approved' : 'published', actor.userId, action);
      return summaryJson({ ...row, ...after });
    });
  app.openapi(approveRoute, async (c) => c.json(await changeStatus(requireActor(c), c.req.valid('param').id, 'approve'), 200));
  app.openapi(publishRoute, async (c) => c.json(await changeStatus(requireActor(c), c.req.valid('param').id, 'publish'), 200));
}
