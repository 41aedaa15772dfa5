import type { Decimal, Evaluation, FundRow } from '@jixiao/core';

/**
 * Compares an imported evaluation with a hand-checked gold one, field by field: unit, year, kind, stated
 * total and grade, every gold fund row's amounts, every gold indicator's texts and numbers. Text is
 * compared with white space squeezed (line breaks inside a cell differ between formats, not the text).
 */
export interface FieldResult {
  readonly field: string;
  readonly gold: string;
  readonly got: string;
  readonly ok: boolean;
}

const squeeze = (s: string | undefined) => (s ?? '').replace(/[\s\u3000]+/g, '');
const dec = (d: Decimal | undefined) => (d === undefined ? '' : d.toString());

function field(out: FieldResult[], name: string, gold: string, got: string, compare: (a: string, b: string) => boolean = (a, b) => a === b) {
  out.push({ field: name, gold, got, ok: compare(gold, got) });
}

const FUND_COLUMNS = ['initialBudget', 'annualBudget', 'executed', 'weight', 'statedRate', 'statedScore'] as const;

export function compareEvaluation(gold: Evaluation, got: Evaluation | undefined, prefix: string): FieldResult[] {
  const out: FieldResult[] = [];
  field(out, `${prefix}.kind`, gold.kind, got?.kind ?? '');
  field(out, `${prefix}.title`, squeeze(gold.title), squeeze(got?.title));
  field(out, `${prefix}.year`, String(gold.year), String(got?.year ?? ''));
  field(out, `${prefix}.stated.total`, dec(gold.stated.total), dec(got?.stated.total));
  field(out, `${prefix}.stated.grade`, gold.stated.grade ?? '', got?.stated.grade ?? '');
  for (const row of gold.funds) {
    const match: FundRow | undefined = got?.funds.find((r) => r.line === row.line);
    for (const col of FUND_COLUMNS) {
      if (row[col] === undefined) continue;
      field(out, `${prefix}.funds.${row.line}.${col}`, dec(row[col]), dec(match?.[col]));
    }
  }
  gold.indicators.forEach((ind, i) => {
    const g = got?.indicators[i];
    const p = `${prefix}.indicators[${i}]`;
    field(out, `${p}.level1`, squeeze(ind.level1), squeeze(g?.level1));
    field(out, `${p}.level2`, squeeze(ind.level2), squeeze(g?.level2));
    field(out, `${p}.name`, squeeze(ind.name), squeeze(g?.name));
    field(out, `${p}.targetText`, squeeze(ind.target.text), squeeze(g?.target.text));
    field(out, `${p}.actualText`, squeeze(ind.actual.text), squeeze(g?.actual.text));
    field(out, `${p}.weight`, dec(ind.weight), dec(g?.weight));
    field(out, `${p}.score`, dec(ind.score), dec(g?.score));
  });
  if (got && got.indicators.length !== gold.indicators.length) {
    field(out, `${prefix}.indicators.length`, String(gold.indicators.length), String(got.indicators.length));
  }
  return out;
}

export function accuracy(results: readonly FieldResult[]): { fields: number; correct: number; percent: string } {
  const correct = results.filter((r) => r.ok).length;
  return { fields: results.length, correct, percent: results.length ? ((100 * correct) / results.length).toFixed(2) : '100.00' };
}
