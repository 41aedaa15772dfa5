import * as z from 'zod';
import { AUDIT_RULES, DEFAULT_FRAMEWORK_ID, FRAMEWORKS, auditReport, dec, findFramework } from '@jixiao/core';
import type { AuditRule, Check, Evaluation, Finding, Framework, ReportPart, Statement } from '@jixiao/core';
import { decodeEvaluationFile } from '../schema/evaluation-codec';
import type { ImportResult } from './import-document';
import { importedModel } from './import-document';

/** The audit of one file: every finding (errors first) and every comparison made, clean or not. */
export interface FileAudit {
  readonly file: string;
  /** The unit and year the file is about, where they are known (for the report's headings). */
  readonly unit?: string;
  readonly year?: number;
  readonly findings: readonly Finding[];
  readonly checks: readonly Check[];
}

/** A file that could not be audited at all (unreadable, not JSON): one error finding saying why. */
export function unauditable(file: string, rule: string, message: string): FileAudit {
  return { file, findings: [{ rule, severity: 'error', message, location: { file } }], checks: [] };
}

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, '应为十进制数字字符串');

const sourceRefSchema = z.object({
  file: z.string().optional(),
  page: z.number().optional(),
  block: z.number().optional(),
  row: z.number().optional(),
  column: z.number().optional(),
  start: z.number().optional(),
  end: z.number().optional(),
  path: z.string().optional(),
});

/** A stated figure as `jixiao import` writes it: the decimal as a string. */
const statementSchema = z.object({
  label: z.string(),
  value: decimalString,
  unit: z.enum(['wanyuan', 'percent']),
  printedUnit: z.enum(['万元', '元', '%']),
  places: z.number().int().min(0),
  sentence: z.number().int().min(0),
  text: z.string(),
  location: sourceRefSchema,
});

const PART_KINDS = ['report', 'project', 'department', 'basicData', 'rubric', 'departmentTargets', 'other'] as const;
const partSchema = z.object({ kind: z.enum(PART_KINDS), title: z.string().optional() });

const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  location: sourceRefSchema.optional(),
  quote: z.string().optional(),
});

/** The parts of an import result the auditor reads; the rest passes through untouched. */
const importResultSchema = z.object({
  file: z.string(),
  ok: z.boolean(),
  error: z.string().optional(),
  report: z.looseObject({ evaluations: z.array(z.unknown()), statements: z.array(z.unknown()).optional(), parts: z.array(z.unknown()).optional() }).optional(),
  findings: z.array(findingSchema),
});

function isImportResult(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && 'file' in json && 'ok' in json && 'findings' in json;
}

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const LOCATION_KEYS = Object.keys(sourceRefSchema.shape) as (keyof z.infer<typeof sourceRefSchema>)[];
const TEXT_KEYS: ReadonlySet<string> = new Set(['file', 'path']);

function isPlain(o: unknown): o is Record<string, unknown> {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
  const proto: unknown = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}
const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/**
 * A well-formed statement as `jixiao import` writes it, read without zod: every audit of an imported file
 * decodes all its statements, and zod's generic walk cost as much as several rules together. Gives exactly
 * what the zod path gives (keys in the schema's order, unknown keys dropped, undefined location fields
 * left out); anything it does not recognise as well-formed goes to zod, which says what is wrong.
 */
function wellFormedStatement(item: unknown): Statement | undefined {
  if (!isPlain(item) || !isPlain(item.location)) return undefined;
  const { label, value, unit, printedUnit, places, sentence, text } = item;
  if (typeof label !== 'string' || typeof value !== 'string' || !DECIMAL.test(value) || typeof text !== 'string') return undefined;
  if ((unit !== 'wanyuan' && unit !== 'percent') || (printedUnit !== '万元' && printedUnit !== '元' && printedUnit !== '%')) return undefined;
  if (!isCount(places) || !isCount(sentence)) return undefined;
  const location: Record<string, string | number> = {};
  for (const key of LOCATION_KEYS) {
    const v = item.location[key];
    if (v === undefined) continue;
    if (TEXT_KEYS.has(key) ? typeof v !== 'string' : typeof v !== 'number' || !Number.isFinite(v)) return undefined;
    location[key] = v as string | number;
  }
  return { label, value: dec(value), unit, printedUnit, places, sentence, text, location };
}

/** Statements read back from their JSON form; a malformed one is a finding, the rest are kept. */
function decodeStatements(json: readonly unknown[], file: string): { statements: Statement[]; findings: Finding[] } {
  const statements: Statement[] = [];
  const findings: Finding[] = [];
  json.forEach((item, i) => {
    const fast = wellFormedStatement(item);
    if (fast) {
      statements.push(fast);
      return;
    }
    const parsed = statementSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = `statements[${i}]${issue?.path.length ? `.${issue.path.join('.')}` : ''}`;
      findings.push({ rule: 'audit.bad-statement', severity: 'warning', message: `${path}：所称数字格式不对（${issue?.message ?? '无法读取'}），未参与核对`, location: { file, path } });
      return;
    }
    const s = parsed.data;
    statements.push({ ...s, value: dec(s.value), location: strip(s.location) });
  });
  return { statements, findings };
}

const PART_KIND_SET: ReadonlySet<unknown> = new Set(PART_KINDS);

function decodeParts(json: readonly unknown[]): ReportPart[] {
  return json.flatMap((p) => {
    // As for statements: a well-formed part without zod, the same object (kind, then title when there is one).
    if (isPlain(p) && PART_KIND_SET.has(p.kind) && (p.title === undefined || typeof p.title === 'string')) {
      return [p.title === undefined ? { kind: p.kind as ReportPart['kind'] } : { kind: p.kind as ReportPart['kind'], title: p.title }];
    }
    const parsed = partSchema.safeParse(p);
    return parsed.success ? [strip(parsed.data)] : [];
  });
}

/** Each evaluation's framework (its own frameworkId, else the default); an unknown id is a finding. */
function frameworks(evaluations: readonly Evaluation[], file: string): { frameworkOf: (e: Evaluation) => Framework; findings: Finding[] } {
  const fallback = findFramework(DEFAULT_FRAMEWORK_ID) as Framework;
  const chosen = new Map<Evaluation, Framework>();
  const findings: Finding[] = [];
  evaluations.forEach((e, i) => {
    const id = e.frameworkId ?? DEFAULT_FRAMEWORK_ID;
    const framework = findFramework(id);
    if (!framework) {
      const path = evaluations.length > 1 ? `evaluations[${i}].frameworkId` : 'frameworkId';
      findings.push({
        rule: 'audit.unknown-framework',
        severity: 'error',
        message: `${e.title}：未知的评分框架“${id}”，已按默认框架 ${fallback.id} 审查；可用：${FRAMEWORKS.map((f) => f.id).join('、')}`,
        location: { file, path },
      });
    }
    chosen.set(e, framework ?? fallback);
  });
  return { frameworkOf: (e) => chosen.get(e) ?? fallback, findings };
}

const order = { error: 0, warning: 1, info: 2 } as const;
const bySeverity = (a: Finding, b: Finding) => order[a.severity] - order[b.severity];

interface Material {
  readonly file: string;
  readonly evaluationsJson: unknown;
  readonly statements: readonly unknown[];
  readonly parts?: readonly unknown[];
  readonly unit?: string;
  readonly year?: number;
  /** Findings the file already carries (the importer's), listed with the auditor's. */
  readonly findings: readonly Finding[];
  /** The model the JSON was encoded from, when it is at hand (an import in this process): used instead of decoding. */
  readonly model?: { readonly evaluations: readonly Evaluation[]; readonly statements: readonly Statement[] };
}

function audit(m: Material, rules: readonly AuditRule[]): FileAudit {
  const decoded = m.model ? { ok: true as const, evaluations: [...m.model.evaluations] } : decodeEvaluationFile(m.evaluationsJson);
  if (!decoded.ok) {
    const findings: Finding[] = decoded.issues.map((issue) => ({
      rule: 'audit.bad-evaluation-file',
      severity: 'error',
      message: `${issue.path}：${issue.message}（不符合评价文件格式，见 docs/evaluation-format.md）`,
      location: { file: m.file, path: issue.path },
    }));
    return { file: m.file, ...(m.unit ? { unit: m.unit } : {}), ...(m.year ? { year: m.year } : {}), findings: [...m.findings, ...findings].sort(bySeverity), checks: [] };
  }
  const evaluations = decoded.evaluations;
  const { statements, findings: statementFindings } = m.model ? { statements: [...m.model.statements], findings: [] } : decodeStatements(m.statements, m.file);
  const { frameworkOf, findings: frameworkFindings } = frameworks(evaluations, m.file);
  const result = auditReport({ evaluations, statements, frameworkOf, ...(m.parts ? { parts: decodeParts(m.parts) } : {}) }, rules);
  const first = evaluations[0];
  const unit = m.unit ?? first?.unit.name;
  const year = m.year ?? first?.year;
  return {
    file: m.file,
    ...(unit ? { unit } : {}),
    ...(year ? { year } : {}),
    findings: [...m.findings, ...frameworkFindings, ...statementFindings, ...result.findings].sort(bySeverity),
    checks: result.checks,
  };
}

/**
 * Audits an imported report: its evaluations, the figures stated in its prose and what it holds. A file
 * that could not be imported gives its import findings; the importer's findings on a good file are kept.
 */
export function auditImported(result: ImportResult, rules: readonly AuditRule[] = AUDIT_RULES): FileAudit {
  const report = result.report;
  if (!result.ok || !report) {
    const findings = result.findings.length ? result.findings : [{ rule: 'import.failed', severity: 'error' as const, message: result.error ?? `${result.file}：未能导入`, location: { file: result.file } }];
    return { file: result.file, ...(report?.unit ? { unit: report.unit } : {}), ...(report?.year ? { year: report.year } : {}), findings: [...findings].sort(bySeverity), checks: [] };
  }
  const model = importedModel(result);
  return audit({
    file: result.file,
    evaluationsJson: { evaluations: report.evaluations },
    statements: report.statements,
    parts: report.parts,
    ...(report.unit ? { unit: report.unit } : {}),
    ...(report.year ? { year: report.year } : {}),
    findings: result.findings,
    ...(model ? { model } : {}),
  }, rules);
}

/** Audits evaluations already decoded (an editor's content checked on each change): no JSON to read again. */
export function auditEvaluations(evaluations: readonly Evaluation[], file: string, rules: readonly AuditRule[] = AUDIT_RULES): FileAudit {
  return audit({ file, evaluationsJson: undefined, statements: [], findings: [], model: { evaluations, statements: [] } }, rules);
}

/**
 * Audits the JSON of an evaluation file (one evaluation or a bundle) or of `jixiao import` output. An
 * evaluation file has no stated figures (statements are []); import output brings its own. The output of a
 * whole import batch (an array of import results) gives one audit per imported document, named
 * "file › document".
 */
export function auditEvaluationJson(json: unknown, file: string, rules: readonly AuditRule[] = AUDIT_RULES): FileAudit[] {
  const results = Array.isArray(json) && json.length > 0 && json.every(isImportResult) ? json : isImportResult(json) ? [json] : undefined;
  if (!results) return [audit({ file, evaluationsJson: json, statements: [], findings: [] }, rules)];
  return results.map((item, i) => {
    const name = results.length > 1 || Array.isArray(json) ? `${file} › ${(item as { file?: unknown }).file ?? i}` : file;
    const parsed = importResultSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = `${Array.isArray(json) ? `[${i}]` : ''}${issue?.path.length ? `.${issue.path.join('.')}` : ''}`.replace(/^\./, '') || '（根）';
      return unauditable(name, 'audit.bad-evaluation-file', `${file}：${path}：${issue?.message ?? '格式不对'}（不是 jixiao import 的输出）`);
    }
    return { ...auditImported(parsed.data as unknown as ImportResult, rules), file: name };
  });
}
