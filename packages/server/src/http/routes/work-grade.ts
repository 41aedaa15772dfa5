import { createRoute, z } from '@hono/zod-openapi';
import { can } from '../../app/access/permissions';
import { GRADE_NOTE_MAX } from '../../app/evaluations/work-grade-score';
import { GRADABLE, readWorkGrade, saveWorkGrade } from '../../app/evaluations/work-grade';
import type { SaveGradeResult, WorkGradeView } from '../../app/evaluations/work-grade';
import { STATUS_LABEL } from '../../app/evaluations/workflow';
import type { EvaluationStatus } from '../../app/store/database';
import { ApiError, forbidden } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { decimalSchema, errorResponses, errorSchema, idParamSchema } from '../schemas';
import { requireActor } from '../session';
import { readableEvaluation } from './evaluations';

/*
 * 自评工作考核评分: the finance bureau's grade of a unit's self-evaluation work by the 考核评分表
 * (docs/api-attachments-grades.md). Readers of the evaluation see it with the rubric's automatic scores and the
 * suggestions; a 财政审核 (the `review` action) gives or changes it once the evaluation has been submitted.
 */

const TAGS = ['考核评分'];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const errorContent = { 'application/json': { schema: errorSchema } };
const userSchema = z.object({ id: z.string(), username: z.string(), displayName: z.string() });

const lineSchema = z
  .object({
    id: z.string().openapi({ example: 'submission' }),
    level1: z.string().openapi({ example: '实施评价' }),
    level1Points: z.number().int(),
    level2: z.string().openapi({ example: '提交报告' }),
    points: decimalSchema.openapi({ description: '该项分值' }),
    standard: z.string().openapi({ description: '评分标准（照录考核评分表）' }),
    evidence: z.string().nullable().openapi({ description: '所需佐证材料（照录）' }),
    fromReport: z.boolean().openapi({ description: 'true：报告本身能说明该项，系统据报告自动评分' }),
    automatic: z.object({ score: decimalSchema.nullable(), reason: z.string() }).openapi({ description: '系统据当前版本的自动评分；score 为 null 时 reason 说明为何不能自动评分' }),
    suggested: z.object({ score: decimalSchema, reason: z.string() }).nullable().openapi({ description: '系统建议分（提交报告：按首次提交日期与提交截止日期，工作日按周一至周五计）' }),
    grade: z.object({ score: decimalSchema, note: z.string().nullable() }).nullable().openapi({ description: '财政审核给的分' }),
  })
  .openapi('WorkGradeLine');

const workGradeSchema = z
  .object({
    rubric: z.object({ name: z.string(), source: z.string() }).nullable().openapi({ description: 'null：此评价没有适用的考核评分表（项目支出评价）' }),
    lines: z.array(lineSchema),
    autoTotal: decimalSchema.openapi({ description: '自动评分之和（只计能自动评分的项）' }),
    total: decimalSchema.nullable().openapi({ description: '财政审核所给总分；未评分为 null' }),
    gradedBy: userSchema.nullable(),
    gradedAt: z.string().nullable(),
    gradedVersion: z.number().int().nullable().openapi({ description: '评分时评价的版本' }),
  })
  .openapi('WorkGrade');

const getRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/work-grade',
  tags: TAGS,
  summary: '自评工作考核评分：考核评分表各项、自动评分、建议分与财政审核所给的分',
  request: { params: idParamSchema },
  responses: { 200: { description: '考核评分', content: json(workGradeSchema) }, ...errorResponses },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/evaluations/{id}/work-grade',
  tags: TAGS,
  summary: `考核评分（财政审核；${GRADABLE.map((s) => STATUS_LABEL[s]).join('、')}时）：考核评分表每项各给一次分，覆盖之前的评分`,
  request: {
    params: idParamSchema,
    body: {
      content: json(
        z
          .object({
            lines: z
              .array(
                z.object({
                  id: z.string().min(1).max(64),
                  score: z.string().max(32).openapi({ description: '得分：十进制字符串，最多一位小数，0 到该项分值', example: '7.5' }),
                  note: z.string().max(GRADE_NOTE_MAX).optional().openapi({ description: `说明（最多 ${GRADE_NOTE_MAX} 字）` }),
                }),
              )
              .max(100),
          })
          .openapi('WorkGradeInput'),
      ),
      required: true,
    },
  },
  responses: {
    200: { description: '已评分', content: json(workGradeSchema) },
    ...errorResponses,
    409: { description: '评价的状态不允许评分（须已提交、已审核或已公开）', content: errorContent },
    422: { description: '缺项、多项或得分无效（details.problems 逐项说明）；或此评价没有适用的考核评分表', content: errorContent },
  },
});

function workGradeJson(v: WorkGradeView): z.infer<typeof workGradeSchema> {
  return {
    rubric: v.rubric,
    lines: v.lines.map((l) => ({ ...l, automatic: { ...l.automatic }, suggested: l.suggested ? { ...l.suggested } : null, grade: l.grade ? { ...l.grade } : null })),
    autoTotal: v.autoTotal,
    total: v.total,
    gradedBy: v.gradedBy ? { ...v.gradedBy } : null,
    gradedAt: v.gradedAt?.toISOString() ?? null,
    gradedVersion: v.gradedVersion,
  };
}

function refusal(result: Exclude<SaveGradeResult, { ok: true }>, status: EvaluationStatus): ApiError {
  switch (result.kind) {
    case 'status':
      return new ApiError('INVALID_TRANSITION', result.message, { status, statusLabel: STATUS_LABEL[status] });
    case 'no-rubric':
      return new ApiError('UNPROCESSABLE', result.message);
    case 'invalid':
      return new ApiError('UNPROCESSABLE', result.message, { problems: result.problems });
  }
}

export function registerWorkGradeRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(getRoute, async (c) => {
    const actor = requireActor(c);
    const row = await readableEvaluation(deps.db, actor, c.req.valid('param').id);
    return c.json(workGradeJson(await readWorkGrade(deps.db, row)), 200);
  });

  app.openapi(putRoute, async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { lines } = c.req.valid('json');
    const graded = await deps.db.transaction().execute(async (trx) => {
      // Locked: two reviewers grading at once save one after the other, and the log shows what each replaced.
      const row = await readableEvaluation(trx, actor, id, { forUpdate: true });
      if (!can(actor, 'review', { id: row.unit_id, jurisdictionPath: row.jurisdiction_path })) throw forbidden('为此评价考核评分');
      const saved = await saveWorkGrade(trx, { evaluation: row, lines, userId: actor.userId, now: deps.now() });
      if (!saved.ok) throw refusal(saved, row.status);
      return readWorkGrade(trx, row);
    });
    return c.json(workGradeJson(graded), 200);
  });
}
