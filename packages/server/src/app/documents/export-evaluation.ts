import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import { childEvaluations, findEvaluation } from '../evaluations/evaluation-queries';
import type { ScopedEvaluation } from '../evaluations/evaluation-queries';
import type { DocxRenderer, OfficeConverter, XlsxRenderer } from '../ports';
import { renderEvaluationFile } from '../render-evaluation-file';
import type { Database } from '../store/database';

/**
 * An evaluation as the official files: a 部门整体 evaluation with its 项目 evaluations (the report and all its
 * 附表), a 项目 evaluation on its own. Rendered from the current versions, the same data the screens show.
 */
export type ExportFormat = 'docx' | 'xlsx' | 'pdf';

export const EXPORT_MEDIA_TYPE: Readonly<Record<ExportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface ExportPorts {
  readonly renderDocx: DocxRenderer;
  readonly renderXlsx: XlsxRenderer;
  /** Absent where LibreOffice is not installed: PDF is then unavailable, the rest works. */
  readonly convert?: OfficeConverter | undefined;
}

export type ExportResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly filename: string; readonly mediaType: string }
  | { readonly ok: false; readonly kind: 'not-found' }
  | { readonly ok: false; readonly kind: 'unavailable'; readonly message: string }
  | { readonly ok: false; readonly kind: 'invalid'; readonly message: string; readonly issues: readonly { path: string; message: string }[] };

/** LibreOffice on a long report takes seconds; past this the conversion is stopped. */
export const PDF_TIMEOUT_MS = 180_000;

/** Characters Windows refuses in file names, and control characters, become “_”. */
function safeName(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are among those replaced
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
}

/** “岳阳市人大常委会办公室-2022-绩效自评报告.docx”; a project: “…-2022-会议经费-项目支出绩效自评表.docx”. */
export function exportFilename(e: Pick<ScopedEvaluation, 'unit_name' | 'year' | 'kind' | 'project_name'>, format: ExportFormat): string {
  const what = e.kind === 'project' ? `${e.project_name}-项目支出绩效自评表` : format === 'xlsx' ? '绩效自评附表' : '绩效自评报告';
  return safeName(`${e.unit_name}-${e.year}-${what}.${format}`);
}

async function currentContents(db: Kysely<Database>, rows: readonly ScopedEvaluation[]): Promise<unknown[]> {
  const versions = await db
    .selectFrom('evaluation_versions')
    .select(['evaluation_id', 'version', 'content'])
    .where((eb) => eb.or(rows.map((r) => eb.and([eb('evaluation_id', '=', r.id), eb('version', '=', r.current_version)]))))
    .execute();
  return rows.flatMap((r) => versions.filter((v) => v.evaluation_id === r.id).map((v) => v.content));
}

export async function exportEvaluation(db: Kysely<Database>, actor: Actor, evaluationId: string, format: ExportFormat, ports: ExportPorts): Promise<ExportResult> {
  const evaluation = await findEvaluation(db, actor, evaluationId);
  if (!evaluation) return { ok: false, kind: 'not-found' };
  const convert = ports.convert;
  if (format === 'pdf' && !convert) return { ok: false, kind: 'unavailable', message: '服务器没有安装 LibreOffice，暂不能导出 PDF；请先导出 .docx，再用 WPS 或 Word 另存为 PDF' };
  const rows = evaluation.kind === 'department' ? [evaluation, ...(await childEvaluations(db, actor, evaluation.id))] : [evaluation];
  const contents = await currentContents(db, rows);
  const rendered = await renderEvaluationFile(
    { format: 'jixiao.evaluations/1', evaluations: contents },
    { docx: format === 'docx', xlsx: format === 'xlsx', pdf: format === 'pdf', frameworkId: evaluation.framework_id, timeoutMs: PDF_TIMEOUT_MS },
    // Never called for docx/xlsx; for pdf, `convert` is known to be there.
    { renderDocx: ports.renderDocx, renderXlsx: ports.renderXlsx, convert: convert ?? (async () => ({ ok: false, reason: 'missing', detail: '' })) },
  );
  if (!rendered.ok) {
    const pdfIssue = rendered.issues.find((i) => i.path === '--pdf');
    if (pdfIssue) return { ok: false, kind: 'unavailable', message: pdfIssue.message };
    return { ok: false, kind: 'invalid', message: `评价内容无法生成文件：${rendered.issues.map((i) => `${i.path}：${i.message}`).join('；')}`, issues: rendered.issues };
  }
  const bytes = rendered[format];
  if (!bytes) return { ok: false, kind: 'unavailable', message: `未能生成 .${format} 文件` };
  return { ok: true, bytes, filename: exportFilename(evaluation, format), mediaType: EXPORT_MEDIA_TYPE[format] };
}
