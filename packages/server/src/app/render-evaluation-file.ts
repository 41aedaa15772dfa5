import { DEFAULT_FRAMEWORK_ID, findFramework, FRAMEWORKS } from '@jixiao/core';
import { decodeEvaluationFile } from '../schema/evaluation-codec';
import type { FileIssue } from '../schema/evaluation-codec';
import type { DocxRenderer, OfficeConverter, XlsxRenderer } from './ports';

/**
 * Renders an evaluation file (one evaluation, a bundle, or `jixiao import` output) as the official .docx,
 * the .xlsx of its tables and, through LibreOffice, a PDF of the .docx: all from the same data, so that the
 * report and its 附表 cannot disagree.
 */
export interface RenderPorts {
  readonly renderDocx: DocxRenderer;
  readonly renderXlsx: XlsxRenderer;
  readonly convert: OfficeConverter;
}

export interface RenderRequest {
  readonly docx: boolean;
  readonly xlsx: boolean;
  readonly pdf: boolean;
  readonly frameworkId?: string;
  readonly timeoutMs: number;
}

export type RenderResult =
  | { readonly ok: true; readonly docx?: Uint8Array; readonly xlsx?: Uint8Array; readonly pdf?: Uint8Array }
  | { readonly ok: false; readonly issues: FileIssue[] };

export async function renderEvaluationFile(json: unknown, request: RenderRequest, ports: RenderPorts): Promise<RenderResult> {
  const decoded = decodeEvaluationFile(json);
  if (!decoded.ok) return decoded;
  const first = decoded.evaluations[0];
  const id = request.frameworkId ?? first?.frameworkId ?? DEFAULT_FRAMEWORK_ID;
  const framework = findFramework(id);
  if (!framework) {
    return { ok: false, issues: [{ path: request.frameworkId ? '--framework' : 'frameworkId', message: `未知的评分框架“${id}”；可用：${FRAMEWORKS.map((f) => f.id).join('、')}` }] };
  }
  // 部门整体 first, as the report and its 附表 are ordered.
  const evaluations = [...decoded.evaluations].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'department' ? -1 : 1));
  const docx = request.docx || request.pdf ? await ports.renderDocx(evaluations, framework) : undefined;
  const xlsx = request.xlsx ? await ports.renderXlsx(evaluations) : undefined;
  let pdf: Uint8Array | undefined;
  if (request.pdf && docx) {
    const converted = await ports.convert(docx, 'docx', 'pdf', request.timeoutMs);
    if (!converted.ok) {
      const message = converted.reason === 'missing' ? '生成 PDF 需要安装 LibreOffice（soffice）；可先生成 .docx 再自行转换' : `LibreOffice 未能生成 PDF（${converted.detail}）`;
      return { ok: false, issues: [{ path: '--pdf', message }] };
    }
    pdf = converted.bytes;
  }
  return { ok: true, ...(request.docx && docx ? { docx } : {}), ...(xlsx ? { xlsx } : {}), ...(pdf ? { pdf } : {}) };
}
