import { FRAMEWORKS, findFramework, roundHalfAwayFromZero, scoreEvaluation, scoredFundRow } from '@jixiao/core';
import type { Decimal } from '@jixiao/core';
import type { Evaluation, Finding, ScoreResult } from '@jixiao/core';
import type { FileIssue } from '../../schema/evaluation-codec';
import { decodeEvaluationFile } from '../../schema/evaluation-codec';
import { auditEvaluations } from '../audit-file';

/** An evaluation's figures as the evaluations table keeps them (exact decimal strings), for dashboards. */
export interface EvaluationFigures {
  readonly budget: string | null;
  readonly executed: string | null;
  readonly executionRate: string | null;
  readonly statedScore: string | null;
  readonly computedScore: string | null;
  readonly grade: string | null;
}

/** The figure columns of an evaluations row (or a query selecting them under these names). */
export interface FigureColumns {
  readonly budget: string | null;
  readonly executed: string | null;
  readonly execution_rate: string | null;
  readonly stated_score: string | null;
  readonly computed_score: string | null;
  readonly grade: string | null;
}

/** An evaluations row's figures in the API's names: one mapping for every list, detail and dashboard. */
export function figuresOfRow(row: FigureColumns): EvaluationFigures {
  return { budget: row.budget, executed: row.executed, executionRate: row.execution_rate, statedScore: row.stated_score, computedScore: row.computed_score, grade: row.grade };
}

export type EvaluationCheck =
  | { readonly ok: false; readonly issues: readonly FileIssue[] }
  | { readonly ok: true; readonly evaluation: Evaluation; readonly score: ScoreResult; readonly figures: EvaluationFigures; readonly findings: readonly Finding[] };

/** To the column's scale, 四舍五入 (money has at most 6 places in 万元, so only rates and scores ever round). */
function fixed(value: Decimal | undefined, places: number): string | null {
  return value === undefined ? null : roundHalfAwayFromZero(value, places).toFixed(places);
}

/**
 * Scores and audits one evaluation's content (the evaluation file format) under its framework: what is shown
 * while editing, recorded with each saved version and again at submission. Content that does not fit the
 * format comes back as issues with field paths; nothing is thrown.
 */
export function checkEvaluation(content: unknown, frameworkId: string): EvaluationCheck {
  const decoded = decodeEvaluationFile(content);
  if (!decoded.ok) return decoded;
  if (decoded.evaluations.length !== 1) return { ok: false, issues: [{ path: '（根）', message: `一次只能保存一个评价，收到 ${decoded.evaluations.length} 个` }] };
  const framework = findFramework(frameworkId);
  if (!framework) return { ok: false, issues: [{ path: 'frameworkId', message: `未知的评分框架“${frameworkId}”；可用：${FRAMEWORKS.map((f) => f.id).join('、')}` }] };
  // Decoded once, then scored and audited under the evaluation's own framework (a live check runs on every edit).
  const evaluation: Evaluation = { ...(decoded.evaluations[0] as Evaluation), frameworkId };
  const result = scoreEvaluation(evaluation, framework);
  const audit = auditEvaluations([evaluation], evaluation.title);
  // The row the execution score is computed from; a framework without one (浏阳's has no 预算执行率 item) still
  // has a headline figure for the dashboards: the 年度资金总额 row, else 财政拨款, as the report states them.
  const row = scoredFundRow(evaluation)?.row ?? evaluation.funds.find((r) => r.line === 'currentAppropriation' && r.annualBudget !== undefined);
  // Dashboards show what the amounts say (执行数 ÷ 预算数), not a stated rate that may contradict them (seed 000
  // states 92.56% for 96.45%); the contradiction itself is a finding. A row without both amounts keeps its stated rate.
  const budget = row?.annualBudget ?? row?.initialBudget;
  const rate = budget && row?.executed && !budget.isZero() ? row.executed.div(budget).times(100) : row?.statedRate;
  return {
    ok: true,
    evaluation,
    score: result,
    figures: {
      budget: fixed(budget, 6),
      executed: fixed(row?.executed, 6),
      executionRate: fixed(rate, 4),
      statedScore: fixed(result.statedTotal, 2),
      computedScore: fixed(result.total, 2),
      grade: result.grade,
    },
    findings: audit.findings,
  };
}
