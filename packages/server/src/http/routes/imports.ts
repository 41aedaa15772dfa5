import { createRoute, z } from '@hono/zod-openapi';
import { can } from '../../app/access/permissions';
import { acceptImport } from '../../app/documents/accept-import';
import type { AcceptResult } from '../../app/documents/accept-import';
import { findDocument, findDuplicate, findImport, listImports, saveImport, sha256Hex } from '../../app/documents/document-store';
import type { SavedImport } from '../../app/documents/document-store';
import { ImportQueue } from '../../app/documents/import-queue';
import { readImportText } from '../../app/documents/import-text';
import { failedImport, importUpload, toStoredImport } from '../../app/documents/import-upload';
import type { StoredImport } from '../../app/documents/import-upload';
import { findUnit } from '../../app/evaluations/evaluation-queries';
import { EVALUATION_STATUSES } from '../../app/evaluations/workflow';
import type { EvaluationRow } from '../../app/store/database';
import { ApiError, forbidden, notFound } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { readUpload, uploadFilename } from '../read-upload';
import { errorResponses, errorSchema, idParamSchema, pageOf, pageQuerySchema } from '../schemas';
import { requireActor } from '../session';
// The evaluations API's shapes: an import's figures and findings read the same as an evaluation's.
import { checkFindingSchema, figuresSchema } from './evaluations';
import { figuresOfRow } from '../../app/evaluations/check-evaluation';

/**
 * Uploading a published report to a unit and year, reading and auditing it, and accepting what was read as
 * the unit's drafts (docs/api-imports.md).
 */

/** One import at a time: reading is CPU-bound, and the rest of the API must keep answering meanwhile. */
const IMPORT_CONCURRENCY = 1;
/** Uploads that may wait for that one (their bodies in memory meanwhile); more are refused with 503. */
const IMPORT_MAX_WAITING = 8;
/** On top of the readers' own time limit: the extraction and the audit after reading. */
const AUDIT_MARGIN_MS = 15_000;

const errorContent = { 'application/json': { schema: errorSchema } };

const unitParamSchema = z.object({ unitId: z.string().min(1).max(64).openapi({ param: { name: 'unitId', in: 'path' } }) });
const yearSchema = z.coerce.number().int().min(2000).max(2100);

const summarySchema = z
  .object({
    kind: z.enum(['department', 'project']),
    title: z.string().openapi({ description: '部门整体评价为单位名称，项目评价为项目名称' }),
    frameworkId: z.string(),
    figures: figuresSchema.openapi({ description: '采用为草稿后该评价将得到的数字与审查计数' }),
  })
  .openapi('ImportedEvaluation');

const importSchema = z
  .object({
    importId: z.string(),
    documentId: z.string(),
    duplicate: z.boolean().openapi({ description: 'true：同一单位同一年度已上传过相同内容的文件，返回的是那次的结果，未重复保存' }),
    ok: z.boolean().openapi({ description: 'false：文件未能导入（损坏、加密、格式不支持等），原因见 findings；这是文件的问题，不是接口错误' }),
    error: z.string().optional(),
    file: z.string(),
    unit: z.object({ id: z.string(), name: z.string() }),
    year: z.number().int(),
    reported: z.object({ unit: z.string().optional(), year: z.number().int().optional(), kind: z.string().optional() }).openapi({ description: '报告自己写明的单位、年度与类型' }),
    parts: z.array(z.object({ kind: z.string(), title: z.string().optional() })),
    evaluations: z.array(summarySchema),
    findings: z.array(checkFindingSchema).openapi({ description: '导入与审查的发现（错误在前）' }),
    createdAt: z.string(),
  })
  .openapi('Import');

const importDetailSchema = importSchema
  .extend({ result: z.record(z.string(), z.unknown()).openapi({ description: '导入结果全文（jixiao import 的输出格式，含各评价的全部内容）' }) })
  .openapi('ImportDetail');

const importListItemSchema = z
  .object({
    importId: z.string(),
    documentId: z.string(),
    file: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    year: z.number().int(),
    ok: z.boolean(),
    evaluations: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
    uploadedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('ImportListItem');

const acceptedEvaluationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['department', 'project']),
    projectName: z.string(),
    parentId: z.string().nullable(),
    status: z.enum(EVALUATION_STATUSES),
    version: z.number().int(),
    created: z.boolean().openapi({ description: 'true：新建；false：在已有评价上新增了一个版本' }),
    figures: figuresSchema,
  })
  .openapi('AcceptedEvaluation');

const acceptedSchema = z.object({ importId: z.string(), unitId: z.string(), year: z.number().int(), evaluations: z.array(acceptedEvaluationSchema) }).openapi('AcceptedImport');

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/units/{unitId}/imports',
  tags: ['导入'],
  summary: '上传一份自评报告并导入、审查（请求体为文件原始字节）',
  description:
    '请求体是文件本身（任何 Content-Type，原样保存）；文件名放在请求头 X-Filename 中，按 UTF-8 百分号编码（encodeURIComponent）。文件不能导入时仍返回 201，ok 为 false，原因见 findings。',
  request: {
    params: unitParamSchema,
    query: z.object({ year: yearSchema.openapi({ description: '报告所属的预算年度（自评的年度）' }) }),
    headers: z.object({
      'x-filename': z
        .string({ error: '请在请求头 X-Filename 中给出文件名（UTF-8，百分号编码）' })
        .min(1, '请在请求头 X-Filename 中给出文件名（UTF-8，百分号编码）')
        .max(1024)
        .openapi({ example: encodeURIComponent('2022年度部门整体支出绩效自评报告.docx') }),
    }),
    body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } }, required: true },
  },
  responses: {
    201: { description: '已保存并导入', content: { 'application/json': { schema: importSchema } } },
    200: { description: '相同文件已上传过：返回那次的结果', content: { 'application/json': { schema: importSchema } } },
    ...errorResponses,
    413: { description: '文件超过大小上限', content: errorContent },
    503: { description: '正在导入的文件过多，请稍后再试', content: errorContent },
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/units/{unitId}/imports',
  tags: ['导入'],
  summary: '单位的导入记录（最新的在前）',
  request: { params: unitParamSchema, query: pageQuerySchema.extend({ year: yearSchema.optional() }) },
  responses: { 200: { description: '导入记录', content: { 'application/json': { schema: pageOf(importListItemSchema) } } }, ...errorResponses },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/imports/{id}',
  tags: ['导入'],
  summary: '一次导入的结果、审查发现与导入内容全文',
  request: { params: idParamSchema },
  responses: { 200: { description: '导入结果', content: { 'application/json': { schema: importDetailSchema } } }, ...errorResponses },
});

const textLineSchema = z
  .object({
    block: z.number().int().openapi({ description: '块序号（从 0 起，按阅读顺序），即审查发现 location.block' }),
    kind: z.enum(['heading', 'paragraph', 'row']),
    row: z.number().int().optional().openapi({ description: '表格行号（从 0 起），即 location.row' }),
    page: z.number().int().optional(),
    text: z.string(),
    cells: z.array(z.string()).optional().openapi({ description: '表格行的各单元格' }),
  })
  .openapi('ImportTextLine');

const textRoute = createRoute({
  method: 'get',
  path: '/api/imports/{id}/text',
  tags: ['导入'],
  summary: '上传文件的原文（按读取器读出的块，逐行给出块序号与表格行号，供对照审查发现）',
  request: { params: idParamSchema },
  responses: {
    200: { description: '原文', content: { 'application/json': { schema: z.object({ importId: z.string(), file: z.string(), format: z.string(), lines: z.array(textLineSchema) }).openapi('ImportText') } } },
    ...errorResponses,
    422: { description: '文件无法读取', content: errorContent },
    503: { description: '正在导入的文件过多，请稍后再试', content: errorContent },
  },
});

const acceptRoute = createRoute({
  method: 'post',
  path: '/api/imports/{id}/accept',
  tags: ['导入'],
  summary: '把导入的评价采用为本单位该年度的草稿（部门整体与各项目一并写入，或全部不写）',
  request: {
    params: idParamSchema,
    body: { content: { 'application/json': { schema: z.object({ year: yearSchema.optional().openapi({ description: '采用到哪个年度；默认为上传时的年度' }) }) } }, required: false },
  },
  responses: {
    200: { description: '已采用', content: { 'application/json': { schema: acceptedSchema } } },
    ...errorResponses,
    422: { description: '这次导入没有可采用的评价', content: errorContent },
  },
});

function view(saved: SavedImport, unit: { id: string; name: string }) {
  const r: StoredImport = saved.result;
  return {
    importId: saved.importId,
    documentId: saved.documentId,
    duplicate: saved.duplicate,
    ok: r.ok,
    ...(r.error ? { error: r.error } : {}),
    file: saved.filename,
    unit,
    year: saved.year,
    reported: {
      ...(r.report?.unit ? { unit: r.report.unit } : {}),
      ...(r.report?.year ? { year: r.report.year } : {}),
      ...(r.report?.kind ? { kind: r.report.kind } : {}),
    },
    parts: [...(r.report?.parts ?? [])],
    evaluations: [...r.summaries],
    findings: r.audit.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, location: f.location ? { ...f.location } : null, quote: f.quote ?? null })),
    createdAt: saved.createdAt.toISOString(),
  };
}

function accepted(row: EvaluationRow, created: boolean) {
  return {
    id: row.id,
    kind: row.kind,
    projectName: row.project_name,
    parentId: row.parent_id,
    status: row.status,
    version: row.current_version,
    created,
    figures: {
      ...figuresOfRow(row),
      errorCount: row.error_count,
      warningCount: row.warning_count,
    },
  };
}

function refusal(result: Exclude<AcceptResult, { ok: true }>): ApiError {
  switch (result.kind) {
    case 'unacceptable':
      return new ApiError('UNPROCESSABLE', result.message);
    case 'locked':
      return new ApiError('INVALID_TRANSITION', result.message, { evaluations: result.locked });
    case 'invalid':
      return new ApiError('UNPROCESSABLE', result.message, { issues: result.issues });
    case 'conflict':
      return new ApiError('CONFLICT', result.message);
  }
}

/** PostgreSQL's unique_violation: another request created the same evaluation between our read and write. */
const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

export function registerImportRoutes(app: ApiApp, deps: AppDeps): void {
  const queue = new ImportQueue(IMPORT_CONCURRENCY, IMPORT_MAX_WAITING, (error) => deps.log(`导入超时后失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));

  app.openapi(uploadRoute, async (c) => {
    const actor = requireActor(c);
    const { unitId } = c.req.valid('param');
    const { year } = c.req.valid('query');
    // Who may upload is settled before a byte of the body is read.
    const unit = await findUnit(deps.db, actor, unitId);
    if (!unit) throw notFound('单位');
    if (!can(actor, 'import', { id: unit.id, jurisdictionPath: unit.jurisdiction_path })) throw forbidden('向本单位上传报告');
    const filename = uploadFilename(c.req.valid('header')['x-filename']);
    if (!filename) throw new ApiError('BAD_REQUEST', '请求头 X-Filename 中的文件名无效：应为 UTF-8 百分号编码（encodeURIComponent）的文件名');
    const busy = () => new ApiError('UNAVAILABLE', '正在导入的文件较多，请稍后再上传');
    // Refused before the body is read, when it could only be refused after.
    if (queue.load.waiting >= queue.maxWaiting) throw busy();
    const bytes = await readUpload(c.req.raw, deps.config.maxUploadBytes);
    if (bytes.byteLength === 0) throw new ApiError('BAD_REQUEST', '没有收到文件内容：请把文件的原始字节作为请求体上传');
    const target = { id: unit.id, name: unit.name };

    const duplicate = await findDuplicate(deps.db, unit.id, year, sha256Hex(bytes));
    if (duplicate) return c.json(view(duplicate, target), 200);

    const limitMs = deps.importLimits.timeoutMs + AUDIT_MARGIN_MS;
    const outcome = await queue.run(() => importUpload(bytes, filename, { unitName: unit.name, year }, deps.readers, deps.importLimits, (e) => deps.log(`导入内部错误 ${filename}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)), limitMs);
    if (outcome.kind === 'busy') throw busy();
    const stored =
      outcome.kind === 'done'
        ? outcome.value
        : toStoredImport(failedImport(filename, 'import.timeout', `${filename}：导入超过 ${Math.round(limitMs / 1000)} 秒仍未完成，已停止`), { unitName: unit.name, year });
    const mediaType = (c.req.header('content-type') ?? '').slice(0, 200) || 'application/octet-stream';
    const saved = await deps.db.transaction().execute((trx) => saveImport(trx, { unitId: unit.id, year, filename, mediaType, bytes, userId: actor.userId }, stored, deps.now()));
    return c.json(view(saved, target), saved.duplicate ? 200 : 201);
  });

  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { unitId } = c.req.valid('param');
    const { year, page, pageSize } = c.req.valid('query');
    const unit = await findUnit(deps.db, actor, unitId);
    if (!unit) throw notFound('单位');
    const { items, total } = await listImports(deps.db, actor, unit.id, year, { page, pageSize });
    return c.json(
      {
        items: items.map(({ filename, createdAt, ...rest }) => ({ ...rest, file: filename, createdAt: createdAt.toISOString() })),
        page,
        pageSize,
        total,
      },
      200,
    );
  });

  app.openapi(getRoute, async (c) => {
    const actor = requireActor(c);
    const found = await findImport(deps.db, actor, c.req.valid('param').id);
    if (!found) throw notFound('导入记录');
    // The importer's own output (what `jixiao import` writes); the audit and the summaries are above already.
    const r = found.result;
    const result = { file: r.file, ok: r.ok, ...(r.error ? { error: r.error } : {}), ...(r.report ? { report: r.report } : {}), findings: r.findings };
    return c.json({ ...view({ ...found, duplicate: false }, { id: found.unitId, name: found.unitName }), result: result as unknown as Record<string, never> }, 200);
  });

  app.openapi(textRoute, async (c) => {
    const actor = requireActor(c);
    const found = await findImport(deps.db, actor, c.req.valid('param').id);
    if (!found) throw notFound('导入记录');
    const doc = await findDocument(deps.db, actor, found.documentId);
    if (!doc) throw notFound('导入记录');
    // Reading is the same CPU-bound work as an import, so it waits its turn in the same queue.
    const limitMs = deps.importLimits.timeoutMs + AUDIT_MARGIN_MS;
    const outcome = await queue.run(() => readImportText(doc.bytes, found.filename, deps.readers, deps.importLimits), limitMs);
    if (outcome.kind === 'busy') throw new ApiError('UNAVAILABLE', '正在导入的文件较多，请稍后再查看原文');
    if (outcome.kind !== 'done') throw new ApiError('UNPROCESSABLE', `${found.filename}：读取原文超时`);
    const text = outcome.value;
    if (!text.ok) throw new ApiError('UNPROCESSABLE', text.message);
    return c.json({ importId: found.importId, file: found.filename, format: text.format, lines: text.lines.map(({ cells, ...line }) => ({ ...line, ...(cells ? { cells: [...cells] } : {}) })) }, 200);
  });

  app.openapi(acceptRoute, async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const found = await findImport(deps.db, actor, id);
    if (!found) throw notFound('导入记录');
    if (!can(actor, 'edit', { id: found.unitId, jurisdictionPath: found.jurisdictionPath })) throw forbidden('把导入内容采用为本单位的草稿');
    if (!found.result.ok) throw new ApiError('UNPROCESSABLE', `这份文件未能导入（${found.result.error ?? '原因见审查发现'}），没有可采用的评价`);
    const year = c.req.valid('json').year ?? found.year;
    let result: Extract<AcceptResult, { ok: true }>;
    try {
      result = await deps.db.transaction().execute(async (trx) => {
        const r = await acceptImport(trx, {
          importId: found.importId,
          unitId: found.unitId,
          jurisdictionPath: found.jurisdictionPath,
          year,
          evaluations: found.result.report?.evaluations ?? [],
          userId: actor.userId,
        });
        // Thrown inside the transaction: whatever was written before the refusal is rolled back with it.
        if (!r.ok) throw refusal(r);
        return r;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiError('CONFLICT', '本单位该年度的评价刚被他人创建，请刷新后重新采用');
      throw error;
    }
    return c.json({ importId: found.importId, unitId: found.unitId, year, evaluations: result.accepted.map((a) => accepted(a.evaluation, a.created)) }, 200);
  });
}
