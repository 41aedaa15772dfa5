import { createRoute, z } from '@hono/zod-openapi';
import { can } from '../../app/access/permissions';
import { sha256Hex } from '../../app/documents/document-store';
import { attachmentKind } from '../../app/evaluations/attachment-kind';
import { ATTACHMENT_LIMITS, addAttachment, attachmentsLocked, duplicateMessage, findAttachment, listAttachments, removeAttachment } from '../../app/evaluations/attachments';
import type { Attachment } from '../../app/evaluations/attachments';
import { STATUS_LABEL } from '../../app/evaluations/workflow';
import { ApiError, forbidden, notFound } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { readUpload, uploadFilename } from '../read-upload';
import { errorResponses, errorSchema, idParamSchema } from '../schemas';
import { requireActor } from '../session';
import { readableEvaluation } from './evaluations';
import { fileHeaders } from './exports';

/*
 * 佐证材料: files attached to an evaluation as evidence (docs/api-attachments-grades.md). Read by whoever may read the
 * evaluation; added and removed by its 填报人 (the `edit` action) while it is 草稿 or 退回修改. The upload is the
 * file's raw bytes, as for imports.
 */

const TAGS = ['佐证材料'];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const errorContent = { 'application/json': { schema: errorSchema } };

export const DESCRIPTION_MAX = 500;

const attachmentSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    mediaType: z.string().openapi({ description: '按文件内容与扩展名识别的类型（不是上传时声明的 Content-Type）' }),
    size: z.number().int().openapi({ description: '字节数' }),
    sha256: z.string().openapi({ description: '文件内容的 SHA-256（十六进制）' }),
    description: z.string().nullable(),
    uploadedBy: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
    uploadedAt: z.string(),
  })
  .openapi('Attachment');

const attachmentParamSchema = idParamSchema.extend({ attachmentId: z.string().min(1).max(64).openapi({ param: { name: 'attachmentId', in: 'path' } }) });

const listRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/attachments',
  tags: TAGS,
  summary: '评价的佐证材料（最新的在前）',
  request: { params: idParamSchema },
  responses: { 200: { description: '佐证材料', content: json(z.object({ items: z.array(attachmentSchema) }).openapi('AttachmentList')) }, ...errorResponses },
});

const filenameError = '请在请求头 X-Filename 中给出文件名（UTF-8，百分号编码）';

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/evaluations/{id}/attachments',
  tags: TAGS,
  summary: '上传一个佐证材料（请求体为文件原始字节；草稿或退回修改时，填报人）',
  description: `请求体是文件本身；文件名放在请求头 X-Filename 中、说明放在 X-Description 中，均按 UTF-8 百分号编码（encodeURIComponent）。支持 PDF、JPEG/PNG 图片、Word（.docx/.doc）、Excel（.xlsx/.xls）、OFD 和 ZIP，按文件开头的字节与扩展名一并识别。每个评价最多 ${ATTACHMENT_LIMITS.maxFiles} 个文件、合计 ${ATTACHMENT_LIMITS.maxTotalBytes / 1024 / 1024} MB。`,
  request: {
    params: idParamSchema,
    headers: z.object({
      'x-filename': z.string({ error: filenameError }).min(1, filenameError).max(1024).openapi({ example: encodeURIComponent('绩效自评通知（盖章）.pdf') }),
      'x-description': z.string().max(8192).optional().openapi({ description: `说明（可选，最多 ${DESCRIPTION_MAX} 字），UTF-8 百分号编码`, example: encodeURIComponent('布置工作·自评通知') }),
    }),
    body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } }, required: true },
  },
  responses: {
    201: { description: '已上传', content: json(attachmentSchema) },
    ...errorResponses,
    409: { description: '评价的状态不允许上传、已上传过相同的文件，或超过每个评价的文件数与总大小', content: errorContent },
    413: { description: '文件超过大小上限', content: errorContent },
    415: { description: '不支持的文件格式（或扩展名与内容不符）', content: errorContent },
  },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/attachments/{attachmentId}',
  tags: TAGS,
  summary: '下载佐证材料（与上传时逐字节相同）',
  request: { params: attachmentParamSchema },
  responses: { 200: { description: '文件；Content-Type 为识别出的类型', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/evaluations/{id}/attachments/{attachmentId}',
  tags: TAGS,
  summary: '删除佐证材料（草稿或退回修改时，填报人）',
  request: { params: attachmentParamSchema },
  responses: { 204: { description: '已删除' }, ...errorResponses },
});

function attachmentJson(a: Attachment): z.infer<typeof attachmentSchema> {
  return { ...a, uploadedBy: { ...a.uploadedBy }, uploadedAt: a.uploadedAt.toISOString() };
}

/** The X-Description header: percent-encoded UTF-8, control characters other than line breaks removed; null when blank. */
function description(header: string | undefined): string | null {
  if (header === undefined) return null;
  let text: string;
  try {
    text = decodeURIComponent(header);
  } catch {
    throw new ApiError('BAD_REQUEST', '请求头 X-Description 中的说明无效：应为 UTF-8 百分号编码（encodeURIComponent）的文字');
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  text = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '').trim();
  if (text.length > DESCRIPTION_MAX) throw new ApiError('BAD_REQUEST', `说明不能超过 ${DESCRIPTION_MAX} 字（现有 ${text.length} 字）`);
  return text || null;
}

/** PostgreSQL's unique_violation: the same bytes uploaded twice at once; the unique key let one in. */
const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

export function registerAttachmentRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const row = await readableEvaluation(deps.db, actor, c.req.valid('param').id);
    return c.json({ items: (await listAttachments(deps.db, row.id)).map(attachmentJson) }, 200);
  });

  app.openapi(uploadRoute, async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const headers = c.req.valid('header');
    // Who may upload, and whether the evaluation takes files now, is settled before a byte of the body is read.
    const row = await readableEvaluation(deps.db, actor, id);
    if (!can(actor, 'edit', { id: row.unit_id, jurisdictionPath: row.jurisdiction_path })) throw forbidden('为此评价上传佐证材料');
    const locked = attachmentsLocked(row.status, '上传');
    if (locked) throw new ApiError('INVALID_TRANSITION', locked, { status: row.status, statusLabel: STATUS_LABEL[row.status] });
    const fileName = uploadFilename(headers['x-filename']);
    if (!fileName) throw new ApiError('BAD_REQUEST', '请求头 X-Filename 中的文件名无效：应为 UTF-8 百分号编码（encodeURIComponent）的文件名');
    const note = description(headers['x-description']);
    const bytes = await readUpload(c.req.raw, deps.config.attachmentMaxBytes);
    if (bytes.byteLength === 0) throw new ApiError('BAD_REQUEST', '没有收到文件内容：请把文件的原始字节作为请求体上传');
    const kind = attachmentKind(fileName, bytes);
    if (!kind.ok) throw new ApiError('UNSUPPORTED_MEDIA_TYPE', kind.message);

    let attachmentId: string;
    try {
      attachmentId = await deps.db.transaction().execute(async (trx) => {
        // Locked, and the status read again: the evaluation may have been submitted while the body was arriving.
        const current = await readableEvaluation(trx, actor, id, { forUpdate: true });
        const stillLocked = attachmentsLocked(current.status, '上传');
        if (stillLocked) throw new ApiError('INVALID_TRANSITION', stillLocked, { status: current.status, statusLabel: STATUS_LABEL[current.status] });
        const added = await addAttachment(trx, { evaluationId: id, fileName, mediaType: kind.kind.mediaType, description: note, bytes, userId: actor.userId, now: deps.now() });
        if (!added.ok) throw new ApiError('CONFLICT', added.message);
        return added.id;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const sha256 = sha256Hex(bytes);
      const existing = (await listAttachments(deps.db, id)).find((a) => a.sha256 === sha256);
      throw new ApiError('CONFLICT', duplicateMessage(existing?.fileName ?? fileName));
    }
    const saved = (await listAttachments(deps.db, id)).find((a) => a.id === attachmentId);
    if (!saved) throw notFound('佐证材料');
    return c.json(attachmentJson(saved), 201);
  });

  app.openapi(downloadRoute, async (c) => {
    const actor = requireActor(c);
    const { id, attachmentId } = c.req.valid('param');
    const row = await readableEvaluation(deps.db, actor, id);
    const found = await findAttachment(deps.db, row.id, attachmentId);
    if (!found) throw notFound('佐证材料');
    return c.body(new Uint8Array(found.bytes), 200, fileHeaders(found.mediaType, found.fileName));
  });

  app.openapi(deleteRoute, async (c) => {
    const actor = requireActor(c);
    const { id, attachmentId } = c.req.valid('param');
    await deps.db.transaction().execute(async (trx) => {
      const row = await readableEvaluation(trx, actor, id, { forUpdate: true });
      if (!can(actor, 'edit', { id: row.unit_id, jurisdictionPath: row.jurisdiction_path })) throw forbidden('删除此评价的佐证材料');
      const locked = attachmentsLocked(row.status, '删除');
      if (locked) throw new ApiError('INVALID_TRANSITION', locked, { status: row.status, statusLabel: STATUS_LABEL[row.status] });
      if (!(await removeAttachment(trx, { evaluationId: row.id, attachmentId, userId: actor.userId }))) throw notFound('佐证材料');
    });
    return c.body(null, 204);
  });
}
