import { Decimal, HUNDRED } from '../money/decimal';
import { formatPercent, ratePercent } from '../money/percent';
import type { Percent } from '../money/percent';
import { roundHalfAwayFromZero, truncate } from '../money/rounding';
import type { Evaluation, FundRow } from '../model/evaluation';
import type { Finding } from '../model/finding';
import type { ExecutionItem, ScoringPolicies } from '../frameworks/framework';
import type { ExecutionScore } from './score-result';
import { extend } from './extend';

/**
 * The 预算执行率 item (scoring-rules.md §2.4): score = W × min(rate, 100%), rounded to the policy's places.
 * The rate comes from the amounts; when the evaluation also states a rate that the amounts contradict,
 * the policy decides which one is scored, and the contradiction is an error either way.
 */

/** The row whose execution is scored: the one carrying a 分值, else 年度资金总额. */
export function scoredFundRow(evaluation: Evaluation): { row: FundRow; index: number } | undefined {
  let index = evaluation.funds.findIndex((r) => r.weight !== undefined);
  if (index < 0) index = evaluation.funds.findIndex((r) => r.line === 'total');
  const row = evaluation.funds[index];
  return row ? { row, index } : undefined;
}

// The same rate is needed by scoring and by two audit rules, for every row of every audit: once per row
// object (rows are immutable; the weak map keeps nothing alive).
const ROW_RATES = new WeakMap<FundRow, Percent | undefined>();

/** 全年执行数 ÷ 全年预算数 of a row, in percent points, exact; undefined without both, or for a zero budget. */
export function fundRowRate(row: FundRow): Percent | undefined {
  if (ROW_RATES.has(row)) return ROW_RATES.get(row);
  const rate = row.annualBudget && row.executed ? (ratePercent(row.executed, row.annualBudget) ?? undefined) : undefined;
  ROW_RATES.set(row, rate);
  return rate;
}

/**
 * Whether a stated rate agrees with the exact one to the precision it was printed with. Truncation
 * counts as agreement here: telling rounding from truncation is the auditor's business, not scoring's.
 */
export function rateAgrees(stated: Percent, exact: Percent): boolean {
  const places = Math.max(stated.decimalPlaces(), 0);
  return roundHalfAwayFromZero(exact, places).eq(stated) || truncate(exact, places).eq(stated);
}

function linearScore(weight: Decimal, rate: Percent, places: number): Decimal {
  return roundHalfAwayFromZero(weight.mul(Decimal.min(rate, HUNDRED)).div(HUNDRED), places);
}

export function scoreExecution(
  evaluation: Evaluation,
  item: ExecutionItem,
  policies: ScoringPolicies,
): { score: ExecutionScore; findings: Finding[] } {
  const findings: Finding[] = [];
  const places = policies.executionScorePlaces;
  const found = scoredFundRow(evaluation);
  const row = found?.row;
  const path = found ? `funds.rows[${found.index}]` : 'funds';
  const location = extend(row?.source, { path });
  const weight = row?.weight ?? evaluation.stated.execution?.weight ?? item.weight;
  if (!weight.eq(item.weight)) {
    findings.push({
      rule: 'score.execution-weight',
      severity: 'warning',
      message: `预算执行率分值为 ${weight} 分，框架规定为 ${item.weight} 分`,
      location: { ...location, path: `${path}.weight` },
    });
  }
  const stated = row?.statedScore ?? evaluation.stated.execution?.score;
  const budget = row?.annualBudget;
  const executed = row?.executed;
  const computedRate = row ? fundRowRate(row) : undefined;
  const statedRate = row?.statedRate;
  const base = {
    weight,
    ...(computedRate ? { computedRate } : {}),
    ...(statedRate ? { statedRate } : {}),
    ...(budget ? { budget } : {}),
    ...(executed ? { executed } : {}),
    ...(stated ? { stated } : {}),
  };

  if (budget && budget.isZero()) {
    findings.push({ rule: 'score.execution-zero-budget', severity: 'error', message: '全年预算数为 0，无法计算预算执行率得分', location });
  }
  if (!computedRate && !statedRate) {
    findings.push({
      rule: 'score.execution-missing',
      severity: 'error',
      message: '缺少全年预算数、全年执行数或执行率，无法计算预算执行率得分',
      location,
    });
    return { score: extend(base, { basis: 'none' as const, reason: '缺少预算执行数据，未计分' }), findings };
  }

  const amounts = budget && executed ? `${executed} ÷ ${budget}` : '';
  let rate: Percent;
  let basis: 'amounts' | 'stated';
  if (computedRate && statedRate && !rateAgrees(statedRate, computedRate)) {
    basis = policies.executionRateConflict;
    rate = basis === 'stated' ? statedRate : computedRate;
    const other = basis === 'stated' ? computedRate : statedRate;
    findings.push({
      rule: 'score.execution-rate-conflict',
      severity: 'error',
      message:
        `执行率与金额不符：${amounts} = ${formatPercent(computedRate)}，报告称 ${formatPercent(statedRate, statedRate.decimalPlaces())}；` +
        `按${basis === 'stated' ? '报告所称执行率' : '金额'}计 ${linearScore(weight, rate, places)} 分，` +
        `按${basis === 'stated' ? '金额' : '报告所称执行率'}计应为 ${linearScore(weight, other, places)} 分`,
      location,
    });
  } else {
    basis = computedRate ? 'amounts' : 'stated';
    rate = computedRate ?? (statedRate as Percent);
  }
  const computed = linearScore(weight, rate, places);
  const shownRate = basis === 'stated' ? formatPercent(rate, Math.max(rate.decimalPlaces(), 0)) : formatPercent(rate);
  const placesWord = places === 0 ? '取整' : `保留 ${places} 位小数`;
  const reason = rate.gte(HUNDRED)
    ? `执行率 ${shownRate}${basis === 'amounts' ? `（${amounts}）` : '（报告所称）'} ≥ 100%，得满分 ${weight} 分`
    : `执行率 ${shownRate}${basis === 'amounts' ? `（${amounts}）` : '（报告所称）'}，得分 = ${weight} × ${shownRate} = ${computed} 分（${placesWord}）`;

  if (rate.gt(HUNDRED)) {
    findings.push({
      rule: 'score.execution-over-100',
      severity: 'info',
      message: `执行率 ${shownRate} 超过 100%，预算编制的准确性值得关注`,
      location,
    });
  }
  if (stated && !stated.eq(computed)) {
    const alternatives = [0, 2]
      .filter((p) => p !== places)
      .map((p) => ({ p, s: linearScore(weight, rate, p) }))
      .filter(({ s }) => s.eq(stated));
    findings.push({
      rule: 'score.execution-stated-differs',
      severity: stated.minus(computed).abs().gt('0.01') ? 'warning' : 'info',
      message:
        `预算执行率自评 ${stated} 分，按线性规则 ${weight} × ${shownRate}${basis === 'amounts' ? `（${amounts}）` : ''} 应为 ${computed} 分（${placesWord}）` +
        (alternatives.length ? `；若按${alternatives[0]?.p === 0 ? '取整' : '保留两位小数'}则为 ${stated} 分` : ''),
      location: { ...location, path: `${path}.statedScore` },
    });
  }
  if (computed.lt(weight) && !row?.note?.trim()) {
    findings.push({
      rule: 'score.deduction-without-reason',
      severity: 'warning',
      message: `预算执行率扣 ${weight.minus(computed)} 分，资金表未说明执行差异的原因`,
      location: { ...location, path: `${path}.note` },
    });
  }
  return { score: extend(base, { rate, basis, computed, reason }), findings };
}
