import { emptyFileFinding, extractReport, scoredFundRow, tooLargeFinding } from '@jixiao/core';
import type { DocumentFormat, Evaluation, Finding, Statement } from '@jixiao/core';
import { encodeEvaluation } from '../schema/evaluation-codec';
import type { DocumentReaders, ImportLimits } from './ports';

/**
 * Imports one published report: picks the reader by the file's content and name, reads it into the
 * document model, extracts the evaluations and the stated figures. One result per file; a file that
 * cannot be read is `ok: false` with findings saying why, and costs nothing else in its batch.
 */
export interface ImportResult {
  readonly file: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly report?: {
    readonly kind: string;
    readonly parts: readonly { readonly kind: string; readonly title?: string }[];
    readonly reportDate?: string;
    readonly unit?: string;
    readonly year?: number;
    readonly totalScore?: string;
    readonly grade?: string;
    readonly funds: { readonly budget?: string; readonly executed?: string; readonly executionRate?: string };
    readonly evaluations: unknown[];
    readonly statements: unknown[];
  };
  readonly findings: readonly Finding[];
}

const LEGACY = new Set(['doc', 'wps', 'xls', 'et']);

/** The format a file is, from its first bytes where they tell, else from its extension. */
export function detectFormat(bytes: Uint8Array, file: string): DocumentFormat | 'legacy' | 'unknown' {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  const head = Array.from(bytes.slice(0, 4));
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return 'pdf'; // %PDF
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'legacy'; // OLE: .doc/.xls/encrypted
  if (head[0] === 0x50 && head[1] === 0x4b) return ext === 'xlsx' ? 'xlsx' : 'docx'; // PK zip
  if (LEGACY.has(ext)) return 'legacy';
  if (ext === 'txt' || ext === 'md' || ext === 'text') return 'txt';
  if (ext === 'docx' || ext === 'xlsx' || ext === 'pdf') return ext;
  return 'unknown';
}

const FORMAT_NAME: Readonly<Record<DocumentFormat, string>> = { txt: '文本', docx: 'Word', pdf: 'PDF', xlsx: 'Excel' };

/** A file refused before reading: its one finding is also its error. */
export function refused(file: string, finding: Finding): ImportResult {
  return { file, ok: false, error: finding.message, findings: [finding] };
}

function failed(file: string, rule: string, message: string): ImportResult {
  return refused(file, { rule, severity: 'error', message, location: { file } });
}

/**
 * The model an import result was encoded from, for an audit in the same process (an upload is imported and
 * audited in one request): it spares decoding the result's JSON again. A result that crossed a thread or a
 * file has none, and is decoded. Results are read-only, so the model cannot go stale.
 */
const MODELS = new WeakMap<ImportResult, { readonly evaluations: readonly Evaluation[]; readonly statements: readonly Statement[] }>();

export function importedModel(result: ImportResult): { readonly evaluations: readonly Evaluation[]; readonly statements: readonly Statement[] } | undefined {
  return MODELS.get(result);
}

export async function importDocument(bytes: Uint8Array, file: string, readers: DocumentReaders, limits: ImportLimits): Promise<ImportResult> {
  if (bytes.byteLength > limits.maxFileBytes) return refused(file, tooLargeFinding(file, bytes.byteLength, limits.maxFileBytes));
  if (bytes.byteLength === 0) return refused(file, emptyFileFinding(file));
  const format = detectFormat(bytes, file);
  if (format === 'legacy' && !readers.legacy) {
    return failed(file, 'import.encrypted-or-legacy', `${file}：这是旧版 Office 二进制文件（.doc/.xls/.wps）或加密文件，需要先用 LibreOffice 转换为 .docx/.xlsx`);
  }
  if (format === 'unknown') return failed(file, 'import.unsupported-format', `${file}：不支持的文件格式（支持 .txt .md .docx .xlsx .pdf，以及经 LibreOffice 转换的 .doc .xls .wps）`);
  const reader = readers[format];
  if (!reader) return failed(file, 'import.reader-missing', `${file}：暂不支持读取${format === 'legacy' ? '旧版 Office ' : FORMAT_NAME[format]}文件`);
  const doc = await reader(bytes, file, limits);
  const unreadable = doc.blocks.length === 0;
  if (unreadable) {
    const message = doc.findings.find((f) => f.severity === 'error')?.message ?? `${file}：没有读到任何内容`;
    return { file, ok: false, error: message, findings: doc.findings.length ? doc.findings : [{ rule: 'import.no-content', severity: 'error', message, location: { file } }] };
  }
  const report = extractReport(doc);
  const main = report.evaluations[0];
  const scored = main ? scoredFundRow(main)?.row : undefined;
  const fatal = report.evaluations.length === 0;
  const result: ImportResult = {
    file,
    ok: !fatal,
    ...(fatal ? { error: report.findings.find((f) => f.severity === 'error')?.message ?? '没有找到绩效自评内容' } : {}),
    report: {
      kind: report.kind,
      parts: report.parts,
      ...(report.reportDate ? { reportDate: report.reportDate } : {}),
      ...(report.unit ? { unit: report.unit } : {}),
      ...(report.year ? { year: report.year } : {}),
      ...(report.totalScore ? { totalScore: report.totalScore.toString() } : {}),
      ...(report.grade ? { grade: report.grade } : {}),
      funds: {
        ...(scored?.annualBudget ? { budget: scored.annualBudget.toString() } : {}),
        ...(scored?.executed ? { executed: scored.executed.toString() } : {}),
        ...(scored?.statedRate ? { executionRate: scored.statedRate.toString() } : {}),
      },
      evaluations: report.evaluations.map(encodeEvaluation),
      statements: JSON.parse(JSON.stringify(report.statements)) as unknown[],
    },
    findings: report.findings,
  };
  if (!fatal) MODELS.set(result, { evaluations: report.evaluations, statements: report.statements });
  return result;
}
