import * as z from 'zod';
import type { Decimal, Evaluation, FundRow, Indicator } from '@jixiao/core';
import { evaluationFileSchema, evaluationSchema } from './evaluation-file';
import type { ParsedEvaluationFile } from './evaluation-file';

/** A schema violation, located by the field path ("indicators[3].weight"). */
export interface FileIssue {
  readonly path: string;
  readonly message: string;
}

export type DecodeResult =
  | { readonly ok: true; readonly evaluations: Evaluation[] }
  | { readonly ok: false; readonly issues: FileIssue[] };

/** "indicators.3.weight" → "indicators[3].weight", the way people read paths. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '（根）';
}

function toModel(file: ParsedEvaluationFile): Evaluation {
  const f = file.funds;
  let funds: FundRow[] = [...(f.rows ?? [])].map((r) => ({ ...r }));
  // A file with only the summary (as a script might write it) still has a scored row.
  if (funds.length === 0 && (f.budget || f.executed || f.executionRate)) {
    funds = [
      {
        line: 'total',
        label: '年度资金总额',
        ...(f.budget ? { annualBudget: f.budget } : {}),
        ...(f.executed ? { executed: f.executed } : {}),
        ...(f.executionRate ? { statedRate: f.executionRate } : {}),
      },
    ];
  }
  const indicators: Indicator[] = file.indicators.map((i) => ({
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    ...(i.direction ? { direction: i.direction } : {}),
    target: { text: i.targetText, ...(i.target ? { value: i.target } : {}), ...(i.targetUnit ? { unit: i.targetUnit } : {}) },
    actual: { text: i.actualText, ...(i.actual ? { value: i.actual } : {}), ...(i.actualUnit ? { unit: i.actualUnit } : {}) },
    ...(i.qualLevel ? { qualLevel: i.qualLevel } : {}),
    ...(i.weight ? { weight: i.weight } : {}),
    ...(i.score ? { score: i.score } : {}),
    ...(i.deviationReason !== undefined ? { deviationReason: i.deviationReason } : {}),
    ...(i.source ? { source: i.source } : {}),
  }));
  return {
    kind: file.kind,
    year: file.year,
    title: file.title,
    unit: file.unit,
    ...(file.frameworkId ? { frameworkId: file.frameworkId } : {}),
    funds,
    goals: file.goals,
    indicators,
    stated: file.stated,
    ...(file.basicData ? { basicData: file.basicData } : {}),
    sections: file.sections,
    ...(file.source ? { source: file.source } : {}),
  };
}

/** Parses the JSON value of an evaluation file (one evaluation or a bundle) into core evaluations. */
export function decodeEvaluationFile(json: unknown): DecodeResult {
  // An import result (`jixiao import` output) carries its evaluations under report.
  const unwrapped = unwrapImportResult(json);
  const parsed = evaluationFileSchema.safeParse(unwrapped);
  if (parsed.success) {
    const files = 'evaluations' in parsed.data ? parsed.data.evaluations : [parsed.data];
    return { ok: true, evaluations: files.map(toModel) };
  }
  // The union's error is vague; report against the shape the file is trying to be.
  const isBundle = typeof unwrapped === 'object' && unwrapped !== null && 'evaluations' in unwrapped;
  const schema = isBundle ? z.object({ evaluations: z.array(evaluationSchema).min(1) }).passthrough() : evaluationSchema;
  const detailed = schema.safeParse(unwrapped);
  const issues = (detailed.success ? parsed.error : detailed.error).issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  return { ok: false, issues };
}

function unwrapImportResult(json: unknown): unknown {
  const items = Array.isArray(json) ? json : [json];
  const reports = items
    .map((item) => (typeof item === 'object' && item !== null && 'report' in item ? (item as { report: unknown }).report : undefined))
    .filter((r): r is { evaluations: unknown[] } => typeof r === 'object' && r !== null && Array.isArray((r as { evaluations?: unknown }).evaluations));
  if (reports.length === 0) return json;
  return { evaluations: reports.flatMap((r) => r.evaluations) };
}

const s = (d: Decimal | undefined) => (d === undefined ? undefined : d.toString());

/** The file form of an evaluation (decimal strings), the inverse of decoding. */
export function encodeEvaluation(e: Evaluation): z.input<typeof evaluationSchema> {
  const scored = e.funds.find((r) => r.weight !== undefined) ?? e.funds.find((r) => r.line === 'total');
  return JSON.parse(
    JSON.stringify({
      format: 'jixiao.evaluation/1',
      kind: e.kind,
      year: e.year,
      title: e.title,
      unit: e.unit,
      frameworkId: e.frameworkId,
      funds: {
        budget: s(scored?.annualBudget),
        executed: s(scored?.executed),
        executionRate: s(scored?.statedRate),
        rows: e.funds,
      },
      goals: e.goals,
      indicators: e.indicators.map((i) => ({
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        direction: i.direction,
        targetText: i.target.text,
        target: s(i.target.value),
        targetUnit: i.target.unit,
        actualText: i.actual.text,
        actual: s(i.actual.value),
        actualUnit: i.actual.unit,
        qualLevel: i.qualLevel,
        weight: s(i.weight),
        score: s(i.score),
        deviationReason: i.deviationReason,
        source: i.source,
      })),
      stated: e.stated,
      basicData: e.basicData,
      sections: e.sections,
      source: e.source,
    }),
  ) as z.input<typeof evaluationSchema>;
}
