import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { DEFAULT_FRAMEWORK_ID, FRAMEWORKS, findFramework } from '@jixiao/core';
import type { Decimal, Finding, ScoreResult } from '@jixiao/core';
import type { Actor } from '../../app/access/actor';
import { can } from '../../app/access/permissions';
import { checkEvaluation } from '../../app/evaluations/check-evaluation';
import type { EvaluationFigures } from '../../app/evaluations/check-evaluation';
import type { ScopedEvaluation } from '../../app/evaluations/evaluation-queries';
import {
  assignedFramework,
  childEvaluations,
  countFindings,
  findEvaluation,
  findUnit,
  findVersion,
  findingsOf,
  listEvaluations,
  listVersions,
} from '../../app/evaluations/evaluation-queries';
import { appendVersion, createEvaluation } from '../../app/evaluations/evaluation-store';
import type { WriteResult } from '../../app/evaluations/evaluation-store';
import type { WorkflowAction } from '../../app/evaluations/workflow';
import { EVALUATION_STATUSES, STATUS_LABEL, TRANSITIONS, WORKFLOW_ACTIONS, actionsFrom, transitionRefusal } from '../../app/evaluations/workflow';
import type { Database, EvaluationKind, EvaluationRow } from '../../app/store/database';
import { ApiError, forbidden, notFound } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { decimalSchema, errorResponses, idParamSchema, pageOf, pageQuerySchema } from '../schemas';
import { requireActor } from '../session';
import { figuresOfRow } from '../../app/evaluations/check-evaluation';

/*
 * Evaluations: the scoped list, creating a draft, reading one (with its findings and its 项目 children), saving a
 * new version under optimistic concurrency, its versions, live checking, and its findings. The workflow steps
 * (submit, return, approve, publish) are in evaluation-workflow.ts; comments in comments.ts. Both use the
 * shapes and the guards exported here.
 */

export const KIND_LABEL: Readonly<Record<EvaluationKind, string>> = { department: '部门整体', project: '项目' };

// ── shapes ──────────────────────────────────────────────────────────────────

const contentSchema = z.record(z.string(), z.unknown()).openapi({ description: '评价内容，评价文件格式（docs/evaluation-format.md，金额为十进制字符串）' });

export const figuresSchema = z
  .object({
    budget: decimalSchema.nullable().openapi({ description: '预算数（万元）' }),
    executed: decimalSchema.nullable().openapi({ description: '执行数（万元）' }),
    executionRate: decimalSchema.nullable().openapi({ description: '执行率（%）' }),
    statedScore: decimalSchema.nullable().openapi({ description: '自评得分' }),
    computedScore: decimalSchema.nullable().openapi({ description: '系统计算得分' }),
    grade: z.string().nullable(),
    errorCount: z.number().int(),
    warningCount: z.number().int(),
  })
  .openapi('EvaluationFigures');

const locationSchema = z.record(z.string(), z.unknown()).nullable().openapi({ description: '位置（path 为评价文件中的字段路径）' });

/** A finding as the check computes it (not yet recorded). */
export const checkFindingSchema = z
  .object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), location: locationSchema, quote: z.string().nullable() })
  .openapi('CheckFinding');

/** A finding recorded with a version. */
export const findingSchema = z
  .object({ id: z.string(), version: z.number().int(), rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), location: locationSchema, quote: z.string().nullable() })
  .openapi('Finding');

const summaryShape = {
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  jurisdictionId: z.string(),
  year: z.number().int(),
  kind: z.enum(['department', 'project']),
  kindLabel: z.string(),
  projectName: z.string(),
  parentId: z.string().nullable(),
  frameworkId: z.string(),
  status: z.enum(EVALUATION_STATUSES),
  statusLabel: z.string().openapi({ example: '草稿' }),
  version: z.number().int().openapi({ description: '当前版本号；保存时作为 baseVersion 提交' }),
  figures: figuresSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const evaluationSummarySchema = z.object(summaryShape).openapi('EvaluationSummary');

export const evaluationSchema = z
  .object({
    ...summaryShape,
    content: contentSchema,
    findings: z.array(findingSchema).openapi({ description: '当前版本的审查发现' }),
    children: z.array(evaluationSummarySchema).openapi({ description: '部门整体评价下的项目评价' }),
    actions: z.array(z.enum(WORKFLOW_ACTIONS)).openapi({ description: '当前用户此刻可执行的操作' }),
  })
  .openapi('Evaluation');

type FindingRow = Awaited<ReturnType<typeof findingsOf>>[number];

export function findingJson(f: FindingRow): z.infer<typeof findingSchema> {
  return { id: f.id, version: f.version, rule: f.rule, severity: f.severity, message: f.message, location: f.location ?? null, quote: f.quote };
}

function checkFindingJson(f: Finding): z.infer<typeof checkFindingSchema> {
  return { rule: f.rule, severity: f.severity, message: f.message, location: f.location ? { ...f.location } : null, quote: f.quote ?? null };
}

export function summaryJson(row: ScopedEvaluation): z.infer<typeof evaluationSummarySchema> {
  return {
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    jurisdictionId: row.jurisdiction_id,
    year: row.year,
    kind: row.kind,
    kindLabel: KIND_LABEL[row.kind],
    projectName: row.project_name,
    parentId: row.parent_id,
    frameworkId: row.framework_id,
    status: row.status,
    statusLabel: STATUS_LABEL[row.status],
    version: row.current_version,
    figures: {
      ...figuresOfRow(row),
      errorCount: row.error_count,
      warningCount: row.warning_count,
    },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What the actor may do to this evaluation now: the status allows it and their role on its unit does too. */
function allowedActions(actor: Actor, row: ScopedEvaluation): WorkflowAction[] {
  const unit = { id: row.unit_id, jurisdictionPath: row.jurisdiction_path };
  return actionsFrom(row.status).filter((a) => can(actor, TRANSITIONS[a].permission, unit));
}

/** The whole evaluation at its current version, read in `db` (the caller's transaction after a write). */
export async function evaluationJson(db: Kysely<Database>, actor: Actor, row: ScopedEvaluation): Promise<z.infer<typeof evaluationSchema>> {
  const version = await findVersion(db, row.id, row.current_version);
  const findings = await findingsOf(db, row.id, row.current_version);
  const children = row.kind === 'department' ? await childEvaluations(db, actor, row.id) : [];
  return {
    ...summaryJson(row),
    content: version?.content ?? {},
    findings: findings.map(findingJson),
    children: children.map(summaryJson),
    actions: allowedActions(actor, row),
  };
}

// Scores as the engine gives them, every Decimal as its exact string.
const d = (v: Decimal) => v.toString();

const indicatorScoreSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  method: z.string(),
  direction: z.string().optional(),
  target: decimalSchema.optional(),
  actual: decimalSchema.optional(),
  unit: z.string().optional(),
  weight: decimalSchema.optional(),
  computed: decimalSchema.optional(),
  stated: decimalSchema.optional(),
  reason: z.string(),
});

const groupScoreSchema = z.object({
  level2: z.string(),
  weight: decimalSchema.optional(),
  computed: decimalSchema,
  stated: decimalSchema.optional(),
  reason: z.string(),
  indicators: z.array(indicatorScoreSchema),
});

export const scoreSchema = z
  .object({
    frameworkId: z.string(),
    frameworkVersion: z.string(),
    total: decimalSchema,
    uncappedTotal: decimalSchema,
    grade: z.string(),
    statedTotal: decimalSchema.optional(),
    statedGrade: z.string().optional(),
    cap: z.object({ below: decimalSchema, maxTotal: decimalSchema }).optional().openapi({ description: '执行率低于 below 时总分封顶 maxTotal' }),
    execution: z
      .object({
        weight: decimalSchema,
        basis: z.enum(['amounts', 'stated', 'none']),
        rate: decimalSchema.optional(),
        computedRate: decimalSchema.optional(),
        statedRate: decimalSchema.optional(),
        budget: decimalSchema.optional(),
        executed: decimalSchema.optional(),
        computed: decimalSchema.optional(),
        stated: decimalSchema.optional(),
        reason: z.string(),
      })
      .optional(),
    levels: z.array(z.object({ level1: z.string(), weight: decimalSchema, method: z.string(), computed: decimalSchema, stated: decimalSchema.optional(), reason: z.string(), groups: z.array(groupScoreSchema) })),
  })
  .openapi('Score');

/** Optional decimals: present as strings, absent when the engine has none. */
function opt<K extends string>(key: K, v: Decimal | undefined): Partial<Record<K, string>> {
  return v === undefined ? {} : ({ [key]: d(v) } as Record<K, string>);
}

export function scoreJson(s: ScoreResult): z.infer<typeof scoreSchema> {
  const e = s.execution;
  return {
    frameworkId: s.frameworkId,
    frameworkVersion: s.frameworkVersion,
    total: d(s.total),
    uncappedTotal: d(s.uncappedTotal),
    grade: s.grade,
    ...opt('statedTotal', s.statedTotal),
    ...(s.statedGrade === undefined ? {} : { statedGrade: s.statedGrade }),
    ...(s.cap ? { cap: { below: d(s.cap.below), maxTotal: d(s.cap.maxTotal) } } : {}),
    ...(e
      ? {
          execution: {
            weight: d(e.weight),
            basis: e.basis,
            ...opt('rate', e.rate),
            ...opt('computedRate', e.computedRate),
            ...opt('statedRate', e.statedRate),
            ...opt('budget', e.budget),
            ...opt('executed', e.executed),
            ...opt('computed', e.computed),
            ...opt('stated', e.stated),
            reason: e.reason,
          },
        }
      : {}),
    levels: s.levels.map((l) => ({
      level1: l.level1,
      weight: d(l.weight),
      method: l.method,
      computed: d(l.computed),
      ...opt('stated', l.stated),
      reason: l.reason,
      groups: l.groups.map((g) => ({
        level2: g.level2,
        ...opt('weight', g.weight),
        computed: d(g.computed),
        ...opt('stated', g.stated),
        reason: g.reason,
        indicators: g.indicators.map((i) => ({
          index: i.index,
          name: i.name,
          method: i.method,
          ...(i.direction === undefined ? {} : { direction: i.direction }),
          ...opt('target', i.target),
          ...opt('actual', i.actual),
          ...(i.unit === undefined ? {} : { unit: i.unit }),
          ...opt('weight', i.weight),
          ...opt('computed', i.computed),
          ...opt('stated', i.stated),
          reason: i.reason,
        })),
      })),
    })),
  };
}

// ── guards ──────────────────────────────────────────────────────────────────

/** The evaluation if the actor may read it, else 404 (whether it exists is not revealed). */
export async function readableEvaluation(db: Kysely<Database>, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<ScopedEvaluation> {
  const row = await findEvaluation(db, actor, id, options);
  if (!row) throw notFound('评价');
  return row;
}

const ACTION_WORDS: Readonly<Record<WorkflowAction, string>> = { save: '修改此评价', submit: '提交此评价', return: '退回此评价', approve: '审核此评价', publish: '公开此评价' };

/**
 * The start of every workflow step, inside its transaction: the row locked FOR UPDATE (so concurrent steps on
 * one evaluation run one after the other and each sees the last one's status), then 404 if the actor may not
 * read it, 403 if their role may not take the step on its unit, 409 INVALID_TRANSITION if its status does not
 * allow the step (with the reason in Chinese).
 */
export async function lockForAction(trx: Kysely<Database>, actor: Actor, id: string, action: WorkflowAction): Promise<ScopedEvaluation> {
  const row = await readableEvaluation(trx, actor, id, { forUpdate: true });
  if (!can(actor, TRANSITIONS[action].permission, { id: row.unit_id, jurisdictionPath: row.jurisdiction_path })) throw forbidden(ACTION_WORDS[action]);
  const refusal = transitionRefusal(row.status, action);
  if (refusal) throw new ApiError('INVALID_TRANSITION', refusal, { status: row.status, statusLabel: STATUS_LABEL[row.status], action });
  return row;
}

/** A refused write as the API's error: content that does not fit the format (422), or a stale base version (409). */
export function writeFailure(result: Exclude<WriteResult, { ok: true }>): ApiError {
  if (result.kind === 'invalid') return invalidContent(result.issues);
  const listed = result.changedPaths.slice(0, 5).join('、') + (result.changedPaths.length > 5 ? ` 等 ${result.changedPaths.length} 处` : '');
  return new ApiError(
    'CONFLICT',
    `此评价已被他人保存为第 ${result.currentVersion} 版${listed ? `（改动：${listed}）` : ''}，您的修改未保存；请查看对方的改动，在最新版本上重新保存`,
    { currentVersion: result.currentVersion, changedPaths: result.changedPaths, current: result.current },
  );
}

function invalidContent(issues: readonly { path: string; message: string }[]): ApiError {
  const shown = issues.slice(0, 5).map((i) => `${i.path}：${i.message}`).join('；');
  return new ApiError('UNPROCESSABLE', `评价内容不符合评价文件格式（${issues.length} 处）：${shown}`, { issues });
}

/** Content of another kind or year than its evaluation would be scored and listed under the wrong one. */
function contentMismatch(content: Record<string, unknown>, kind: EvaluationKind, year: number): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (typeof content.kind === 'string' && content.kind !== kind) issues.push({ path: 'kind', message: `内容为${KIND_LABEL[content.kind as EvaluationKind] ?? content.kind}评价，此评价为${KIND_LABEL[kind]}评价` });
  if (typeof content.year === 'number' && content.year !== year) issues.push({ path: 'year', message: `内容为 ${content.year} 年度，此评价为 ${year} 年度` });
  return issues;
}

export function withFigures(figures: EvaluationFigures, findings: readonly Finding[]): z.infer<typeof figuresSchema> {
  return { ...figures, errorCount: findings.filter((f) => f.severity === 'error').length, warningCount: findings.filter((f) => f.severity === 'warning').length };
}

/** Findings with errors first (the engine's order within a severity), for showing before submission. */
export function checkFindingsJson(findings: readonly Finding[]): z.infer<typeof checkFindingSchema>[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]).map(checkFindingJson);
}

// ── routes ──────────────────────────────────────────────────────────────────

const TAGS = ['评价'];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const versionParamSchema = idParamSchema.extend({ version: z.coerce.number().int().min(1).openapi({ param: { name: 'version', in: 'path' } }) });

const listRoute = createRoute({
  method: 'get',
  path: '/api/evaluations',
  tags: TAGS,
  summary: '评价列表（仅权限范围内的单位）',
  request: {
    query: pageQuerySchema.extend({
      year: z.coerce.number().int().min(2000).max(2100).optional(),
      unitId: z.string().min(1).max(64).optional(),
      status: z.enum(EVALUATION_STATUSES).optional(),
      kind: z.enum(['department', 'project']).optional(),
    }),
  },
  responses: { 200: { description: '评价列表', content: json(pageOf(evaluationSummarySchema)) }, ...errorResponses },
});

const createBodySchema = z
  .object({
    unitId: z.string().min(1).max(64),
    year: z.number().int().min(2000).max(2100),
    kind: z.enum(['department', 'project']),
    projectName: z.string().trim().max(200).optional().openapi({ description: '项目名称（项目评价；缺省取内容的 title）' }),
    parentId: z.string().min(1).max(64).optional().openapi({ description: '项目评价所属的部门整体评价（同一单位、同一年度）' }),
    frameworkId: z.string().min(1).max(64).optional().openapi({ description: '评分框架；缺省取单位所在辖区（或最近上级）为该年度指定的框架' }),
    content: contentSchema,
  })
  .openapi('NewEvaluation');

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/evaluations',
  tags: TAGS,
  summary: '新建评价草稿',
  request: { body: { content: json(createBodySchema), required: true } },
  responses: {
    201: { description: '已创建（第 1 版，草稿）', content: json(evaluationSchema) },
    ...errorResponses,
    422: { description: '内容不符合评价文件格式（details.issues 列出字段路径）', content: errorResponses[409].content },
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}',
  tags: TAGS,
  summary: '评价详情：当前版本内容、得分、状态、审查发现与项目评价',
  request: { params: idParamSchema },
  responses: { 200: { description: '评价', content: json(evaluationSchema) }, ...errorResponses },
});

const saveRoute = createRoute({
  method: 'put',
  path: '/api/evaluations/{id}',
  tags: TAGS,
  summary: '保存新版本（草稿或退回修改；基于 baseVersion，冲突返回 409 与对方的改动）',
  request: {
    params: idParamSchema,
    body: { content: json(z.object({ baseVersion: z.number().int().min(1), content: contentSchema }).openapi('SaveEvaluation')), required: true },
  },
  responses: {
    200: { description: '已保存为新版本', content: json(evaluationSchema) },
    ...errorResponses,
    409: { description: '版本冲突（details: currentVersion, changedPaths, current）或状态不允许修改', content: errorResponses[409].content },
    422: { description: '内容不符合评价文件格式', content: errorResponses[409].content },
  },
});

const versionSummarySchema = z
  .object({ version: z.number().int(), reason: z.string(), createdBy: z.object({ id: z.string(), username: z.string(), displayName: z.string() }).nullable(), createdAt: z.string() })
  .openapi('EvaluationVersionSummary');

const versionsRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/versions',
  tags: TAGS,
  summary: '版本列表（新的在前）',
  request: { params: idParamSchema, query: pageQuerySchema },
  responses: { 200: { description: '版本', content: json(pageOf(versionSummarySchema)) }, ...errorResponses },
});

const versionRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/versions/{version}',
  tags: TAGS,
  summary: '某一版本的内容与该版本记录的审查发现',
  request: { params: versionParamSchema },
  responses: {
    200: { description: '版本', content: json(z.object({ ...versionSummarySchema.shape, content: contentSchema, findings: z.array(findingSchema) }).openapi('EvaluationVersion')) },
    ...errorResponses,
  },
});

const checkResultSchema = z
  .object({ figures: figuresSchema, score: scoreSchema, findings: z.array(checkFindingSchema) })
  .openapi('EvaluationCheck');

const checkRoute = createRoute({
  method: 'post',
  path: '/api/evaluations/{id}/check',
  tags: TAGS,
  summary: '计分并审查（当前版本，或请求中尚未保存的内容）；不改变任何数据',
  request: { params: idParamSchema, body: { content: json(z.object({ content: contentSchema.optional() }).openapi('CheckEvaluation')), required: false } },
  responses: {
    200: { description: '得分与审查发现', content: json(checkResultSchema) },
    ...errorResponses,
    422: { description: '内容不符合评价文件格式', content: errorResponses[409].content },
  },
});

const findingsRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/findings',
  tags: TAGS,
  summary: '某一版本（缺省为当前版本）记录的审查发现',
  request: { params: idParamSchema, query: pageQuerySchema.extend({ version: z.coerce.number().int().min(1).optional() }) },
  responses: { 200: { description: '审查发现（错误在前）', content: json(pageOf(findingSchema).extend({ version: z.number().int() })) }, ...errorResponses },
});

type VersionUser = { user_id: string | null; username: string | null; display_name: string | null };
const createdBy = (v: VersionUser) => (v.user_id ? { id: v.user_id, username: v.username ?? '', displayName: v.display_name ?? '' } : null);

export function registerEvaluationRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { page, pageSize, ...filter } = c.req.valid('query');
    const { rows, total } = await listEvaluations(deps.db, actor, filter, { page, pageSize });
    return c.json({ items: rows.map(summaryJson), page, pageSize, total }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const actor = requireActor(c);
    const body = c.req.valid('json');
    const unit = await findUnit(deps.db, actor, body.unitId);
    if (!unit) throw notFound('单位');
    if (!can(actor, 'edit', { id: unit.id, jurisdictionPath: unit.jurisdiction_path })) throw forbidden(`为“${unit.name}”填报评价`);

    const title = typeof body.content.title === 'string' ? body.content.title.trim() : '';
    const projectName = body.kind === 'project' ? body.projectName || title : '';
    if (body.kind === 'department' && (body.projectName || body.parentId)) throw new ApiError('UNPROCESSABLE', '部门整体评价没有项目名称和上级评价');
    if (body.kind === 'project' && !projectName) throw new ApiError('UNPROCESSABLE', '项目评价须有项目名称（projectName，或内容的 title）');
    const mismatch = contentMismatch(body.content, body.kind, body.year);
    if (mismatch.length) throw invalidContent(mismatch);

    const frameworkId =
      body.frameworkId ??
      (await assignedFramework(deps.db, unit.jurisdiction_path, body.year, body.kind)) ??
      (typeof body.content.frameworkId === 'string' ? body.content.frameworkId : DEFAULT_FRAMEWORK_ID);
    if (!findFramework(frameworkId)) throw invalidContent([{ path: 'frameworkId', message: `未知的评分框架“${frameworkId}”；可用：${FRAMEWORKS.map((f) => f.id).join('、')}` }]);

    const created = await deps.db.transaction().execute(async (trx) => {
      if (body.parentId) {
        const parent = await findEvaluation(trx, actor, body.parentId);
        if (!parent || parent.unit_id !== unit.id || parent.year !== body.year || parent.kind !== 'department') {
          throw new ApiError('UNPROCESSABLE', `上级评价须是“${unit.name}” ${body.year} 年度的部门整体评价`);
        }
      }
      const existing = await trx
        .selectFrom('evaluations')
        .select('id')
        .where('unit_id', '=', unit.id)
        .where('year', '=', body.year)
        .where('kind', '=', body.kind)
        .where('project_name', '=', projectName)
        .executeTakeFirst();
      if (existing) throw duplicate(unit.name, body.year, body.kind, projectName, existing.id);
      const result = await createEvaluation(trx, {
        unitId: unit.id,
        year: body.year,
        kind: body.kind,
        projectName,
        parentId: body.parentId ?? null,
        frameworkId,
        content: body.content,
        reason: 'create',
        userId: actor.userId,
      }).catch((error: unknown) => {
        // Two creations racing past the check above: the unique constraint decides, and the loser hears why.
        if ((error as { code?: string }).code === '23505') throw duplicate(unit.name, body.year, body.kind, projectName);
        throw error;
      });
      if (!result.ok) throw writeFailure(result);
      return evaluationJson(trx, actor, scopedRow(result.evaluation, unit));
    });
    return c.json(created, 201);
  });

  app.openapi(getRoute, async (c) => {
    const actor = requireActor(c);
    const row = await readableEvaluation(deps.db, actor, c.req.valid('param').id);
    return c.json(await evaluationJson(deps.db, actor, row), 200);
  });

  app.openapi(saveRoute, async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { baseVersion, content } = c.req.valid('json');
    const saved = await deps.db.transaction().execute(async (trx) => {
      const row = await lockForAction(trx, actor, id, 'save');
      const mismatch = contentMismatch(content, row.kind, row.year);
      if (mismatch.length) throw invalidContent(mismatch);
      const result = await appendVersion(trx, { evaluationId: id, baseVersion, content, reason: 'save', userId: actor.userId });
      if (!result.ok) throw writeFailure(result);
      return evaluationJson(trx, actor, { ...row, ...result.evaluation });
    });
    return c.json(saved, 200);
  });

  app.openapi(versionsRoute, async (c) => {
    const actor = requireActor(c);
    const { page, pageSize } = c.req.valid('query');
    const row = await readableEvaluation(deps.db, actor, c.req.valid('param').id);
    const { rows, total } = await listVersions(deps.db, row.id, { page, pageSize });
    return c.json({ items: rows.map((v) => ({ version: v.version, reason: v.reason, createdBy: createdBy(v), createdAt: v.created_at.toISOString() })), page, pageSize, total }, 200);
  });

  app.openapi(versionRoute, async (c) => {
    const actor = requireActor(c);
    const { id, version } = c.req.valid('param');
    const row = await readableEvaluation(deps.db, actor, id);
    const v = await findVersion(deps.db, row.id, version);
    if (!v) throw notFound(`评价的第 ${version} 版`);
    const findings = await findingsOf(deps.db, row.id, version);
    return c.json({ version: v.version, reason: v.reason, createdBy: createdBy(v), createdAt: v.created_at.toISOString(), content: v.content, findings: findings.map(findingJson) }, 200);
  });

  app.openapi(checkRoute, async (c) => {
    const actor = requireActor(c);
    const row = await readableEvaluation(deps.db, actor, c.req.valid('param').id);
    // Without a body, the saved version; with one, what the editor holds now (not saved, nothing recorded).
    const content = c.req.valid('json').content ?? (await findVersion(deps.db, row.id, row.current_version))?.content ?? {};
    const mismatch = contentMismatch(content, row.kind, row.year);
    if (mismatch.length) throw invalidContent(mismatch);
    const check = checkEvaluation(content, row.framework_id);
    if (!check.ok) throw invalidContent(check.issues);
    return c.json({ figures: withFigures(check.figures, check.findings), score: scoreJson(check.score), findings: checkFindingsJson(check.findings) }, 200);
  });

  app.openapi(findingsRoute, async (c) => {
    const actor = requireActor(c);
    const { page, pageSize, version: asked } = c.req.valid('query');
    const row = await readableEvaluation(deps.db, actor, c.req.valid('param').id);
    const version = asked ?? row.current_version;
    if (version > row.current_version) throw notFound(`评价的第 ${version} 版`);
    const [items, total] = await Promise.all([findingsOf(deps.db, row.id, version, { page, pageSize }), countFindings(deps.db, row.id, version)]);
    return c.json({ version, items: items.map(findingJson), page, pageSize, total }, 200);
  });
}

function duplicate(unitName: string, year: number, kind: EvaluationKind, projectName: string, existingId?: string): ApiError {
  const what = kind === 'project' ? `项目“${projectName}”的评价` : '部门整体评价';
  return new ApiError('CONFLICT', `“${unitName}” ${year} 年度的${what}已存在`, existingId ? { existingId } : undefined);
}

function scopedRow(row: EvaluationRow, unit: { name: string; jurisdiction_id: string; jurisdiction_path: string }): ScopedEvaluation {
  return { ...row, unit_name: unit.name, jurisdiction_id: unit.jurisdiction_id, jurisdiction_path: unit.jurisdiction_path };
}
