import { DEFAULT_FRAMEWORK_ID } from '@jixiao/core';
import type { Finding } from '@jixiao/core';
import { auditImported } from '../audit-file';
import { checkEvaluation } from '../evaluations/check-evaluation';
import type { EvaluationFigures } from '../evaluations/check-evaluation';
import { importDocument } from '../import-document';
import type { ImportResult } from '../import-document';
import type { DocumentReaders, ImportLimits } from '../ports';

/** One evaluation found in an upload, with the figures and counts its draft would get (the evaluations table's). */
export interface ImportedEvaluationSummary {
  readonly kind: 'department' | 'project';
  readonly title: string;
  readonly frameworkId: string;
  readonly figures: EvaluationFigures & {
    readonly errorCount: number;
    readonly warningCount: number;
  };
}

/**
 * What `import_results.result` holds: the importer's result exactly as `jixiao import` writes it (so the stored
 * JSON still reads with `jixiao score` and `jixiao audit`), plus what the service found at upload time — the
 * auditor's findings and each evaluation's figures. They are kept, not recomputed, so that an import reads
 * the same later even after the rules change.
 */
export interface StoredImport extends ImportResult {
  readonly audit: { readonly findings: readonly Finding[] };
  readonly summaries: readonly ImportedEvaluationSummary[];
}

/** The unit and year an upload is filed under, to compare with what the report says of itself. */
export interface UploadTarget {
  readonly unitName: string;
  readonly year: number;
}

const order = { error: 0, warning: 1, info: 2 } as const;

/** The report's own unit and year against the ones it was uploaded to: a wrong target is easy to miss. */
function targetFindings(result: ImportResult, target: UploadTarget): Finding[] {
  const file = result.file;
  const findings: Finding[] = [];
  const year = result.report?.year;
  if (year !== undefined && year !== target.year) {
    findings.push({
      rule: 'import.year-mismatch',
      severity: 'warning',
      message: `报告所述年度为 ${year} 年，上传到的是 ${target.year} 年度；采用为草稿时将按 ${target.year} 年度保存，请确认年度无误`,
      location: { file },
    });
  }
  const unit = result.report?.unit;
  // Names differ legitimately (全称/简称, 部门/单位), so this is a note, not a warning.
  if (unit && unit !== target.unitName) {
    findings.push({ rule: 'import.unit-name-differs', severity: 'info', message: `报告中的单位为“${unit}”，上传到的单位为“${target.unitName}”，请确认没有传错单位`, location: { file } });
  }
  return findings;
}

function summarise(evaluation: unknown): ImportedEvaluationSummary {
  const e = evaluation as { kind?: unknown; title?: unknown; frameworkId?: unknown };
  const frameworkId = typeof e.frameworkId === 'string' ? e.frameworkId : DEFAULT_FRAMEWORK_ID;
  const check = checkEvaluation(evaluation, frameworkId);
  const figures = check.ok ? check.figures : undefined;
  const findings = check.ok ? check.findings : [];
  return {
    kind: e.kind === 'project' ? 'project' : 'department',
    title: typeof e.title === 'string' ? e.title : '',
    frameworkId,
    figures: {
      budget: figures?.budget ?? null,
      executed: figures?.executed ?? null,
      executionRate: figures?.executionRate ?? null,
      statedScore: figures?.statedScore ?? null,
      computedScore: figures?.computedScore ?? null,
      grade: figures?.grade ?? null,
      errorCount: findings.filter((f) => f.severity === 'error').length,
      warningCount: findings.filter((f) => f.severity === 'warning').length,
    },
  };
}

/** The importer's result and the auditor's findings on it, as stored. */
export function toStoredImport(result: ImportResult, target: UploadTarget): StoredImport {
  const audit = auditImported(result);
  const findings = [...audit.findings, ...targetFindings(result, target)].sort((a, b) => order[a.severity] - order[b.severity]);
  return { ...result, audit: { findings }, summaries: result.ok ? (result.report?.evaluations ?? []).map(summarise) : [] };
}

/**
 * Imports and audits one uploaded file. Never throws: a file the readers cannot handle, and even a reader's bug,
 * is an `ok: false` result with a finding, costing that file only (the bug is also passed to `onBug` to log).
 */
export async function importUpload(bytes: Uint8Array, file: string, target: UploadTarget, readers: DocumentReaders, limits: ImportLimits, onBug: (error: unknown) => void): Promise<StoredImport> {
  try {
    return toStoredImport(await importDocument(bytes, file, readers, limits), target);
  } catch (error) {
    onBug(error);
    return toStoredImport(failedImport(file, 'import.internal-error', `${file}：读取时发生内部错误，未能导入；请联系系统管理员`), target);
  }
}

/** An import that produced nothing (timed out, or failed inside the service): one error finding. */
export function failedImport(file: string, rule: string, message: string): ImportResult {
  return { file, ok: false, error: message, findings: [{ rule, severity: 'error', message, location: { file } }] };
}
