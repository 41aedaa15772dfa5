import { createRoute, z } from '@hono/zod-openapi';
import { findDocument } from '../../app/documents/document-store';
import { EXPORT_MEDIA_TYPE, exportEvaluation } from '../../app/documents/export-evaluation';
import type { ExportFormat } from '../../app/documents/export-evaluation';
import { ApiError, notFound } from '../api-error';
import type { ApiApp, AppDeps } from '../app-deps';
import { errorResponses, errorSchema, idParamSchema } from '../schemas';
import { requireActor } from '../session';

/** Files out of the service: an evaluation as .docx/.xlsx/.pdf, and an uploaded document's original bytes. */

/**
 * `attachment` with the name twice: `filename*` (RFC 5987/6266: UTF-8, percent-encoded) for every current
 * browser, and an ASCII `filename` for clients that know only that one.
 */
export function contentDisposition(filename: string): string {
  const dot = filename.lastIndexOf('.');
  const ext = dot > 0 ? filename.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const fallback = /^[\x20-\x7e]+$/.test(filename) ? filename.replace(/["\\]/g, '_') : `download${ext}`;
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Media types an uploaded document is served back as; anything else (text/html, image/svg+xml, …) goes out as
 * application/octet-stream, so that a document can never run as a page of this site.
 */
const SERVED_AS_IS = new Set([
  'application/pdf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-works',
  'application/zip',
  'application/octet-stream',
  'text/plain',
  'text/markdown',
  EXPORT_MEDIA_TYPE.docx,
  EXPORT_MEDIA_TYPE.xlsx,
]);

function servedType(mediaType: string): string {
  const essence = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return SERVED_AS_IS.has(essence) ? mediaType : 'application/octet-stream';
}

const binary = (mediaType: string, description: string) => ({ description, content: { [mediaType]: { schema: z.string().openapi({ format: 'binary' }) } } });

const downloadRoute = createRoute({
  method: 'get',
  path: '/api/documents/{id}',
  tags: ['导入'],
  summary: '下载上传的原始文件（与上传时逐字节相同）',
  request: { params: idParamSchema },
  responses: { 200: binary('application/octet-stream', '原始文件；Content-Type 为上传时的类型（可能执行的类型一律按 application/octet-stream 下载）'), ...errorResponses },
});

const FORMAT_LABEL: Readonly<Record<ExportFormat, string>> = { docx: 'Word 报告（自评报告与附表）', xlsx: 'Excel 附表（每表一页）', pdf: 'PDF 报告（经 LibreOffice 由 Word 报告转换）' };

function exportRoute(format: ExportFormat) {
  return createRoute({
    method: 'get',
    path: `/api/evaluations/{id}/export.${format}`,
    tags: ['导出'],
    summary: `导出${FORMAT_LABEL[format]}；部门整体评价连同其项目评价一并导出`,
    request: { params: idParamSchema },
    responses: {
      200: binary(EXPORT_MEDIA_TYPE[format], `.${format} 文件`),
      ...errorResponses,
      422: { description: '评价内容无法生成文件', content: { 'application/json': { schema: errorSchema } } },
      ...(format === 'pdf' ? { 503: { description: '服务器没有安装 LibreOffice，或转换失败', content: { 'application/json': { schema: errorSchema } } } } : {}),
    },
  });
}

/** A download's headers: its type, its name, never sniffed, never cached by a shared cache. */
export function fileHeaders(mediaType: string, filename: string): Record<string, string> {
  return { 'content-type': mediaType, 'content-disposition': contentDisposition(filename), 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store' };
}

export function registerExportRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(downloadRoute, async (c) => {
    const actor = requireActor(c);
    const doc = await findDocument(deps.db, actor, c.req.valid('param').id);
    if (!doc) throw notFound('文件');
    return c.body(new Uint8Array(doc.bytes), 200, fileHeaders(servedType(doc.mediaType), doc.filename));
  });

  for (const format of ['docx', 'xlsx', 'pdf'] as const) {
    app.openapi(exportRoute(format), async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      const result = await exportEvaluation(deps.db, actor, id, format, { renderDocx: deps.renderDocx, renderXlsx: deps.renderXlsx, convert: deps.convert });
      if (!result.ok) {
        if (result.kind === 'not-found') throw notFound('评价');
        if (result.kind === 'unavailable') throw new ApiError('UNAVAILABLE', result.message);
        throw new ApiError('UNPROCESSABLE', result.message, { issues: result.issues });
      }
      return c.body(new Uint8Array(result.bytes), 200, fileHeaders(result.mediaType, result.filename));
    });
  }
}
