import { Decimal, HUNDRED, ONE, ZERO } from '../money/decimal';
import { roundHalfAwayFromZero } from '../money/rounding';
import { formatPercent } from '../money/percent';
import { DIRECTION_SYMBOL, isPositive } from '../model/direction';
import type { Direction } from '../model/direction';
import type { Indicator, QualLevel } from '../model/evaluation';
import type { Finding } from '../model/finding';
import type { ScoringPolicies } from '../frameworks/framework';
import { readIndicatorText } from './read-indicator-text';
import { extend } from './extend';
import type { IndicatorTextReading } from './read-indicator-text';
import type { IndicatorScore } from './score-result';

/**
 * Scores one indicator row (scoring-rules.md §2.5 定量, §2.6 定性, §2.9 偏差原因). Pure: the result and
 * the findings about the row, never an exception for bad data.
 */

/** A typed reading of a row: its direction and, when quantitative, comparable target and actual. */
export interface IndicatorReading {
  readonly direction: Direction;
  readonly target?: Decimal;
  readonly actual?: Decimal;
  readonly unit?: string;
  /** Why a row that looked numeric is scored as 定性. */
  readonly fallback?: string;
}

/** How a text is read: `readIndicatorText`, or the same through a memo (rows of a table repeat their texts). */
export type IndicatorTextReader = (text: string) => IndicatorTextReading;

export function readIndicator(indicator: Indicator, read: IndicatorTextReader = readIndicatorText): IndicatorReading {
  const t = read(indicator.target.text);
  const a = read(indicator.actual.text);
  const target = indicator.target.value ?? t.value;
  const actual = indicator.actual.value ?? a.value;
  const targetUnit = indicator.target.unit ?? t.unit;
  const actualUnit = indicator.actual.unit ?? a.unit;
  const declared = indicator.direction;
  if (declared === 'QUAL') return { direction: 'QUAL' };
  if (target === undefined) return { direction: 'QUAL' };
  const direction: Direction = declared ?? t.direction ?? 'EQ';
  if (actual === undefined) {
    return { direction: 'QUAL', target, fallback: `完成值“${indicator.actual.text}”不是数值，按定性指标处理` };
  }
  if (targetUnit && actualUnit && targetUnit !== actualUnit) {
    return {
      direction: 'QUAL',
      target,
      actual,
      fallback: `指标值单位“${targetUnit}”与完成值单位“${actualUnit}”不一致，无法按定量计分，按定性指标处理`,
    };
  }
  const unit = targetUnit ?? actualUnit;
  return { direction, target, actual, ...(unit ? { unit } : {}) };
}

// Module-level rather than closures in the functions below: the sources run through tsx, whose keepNames
// wraps every named closure in a `__name` call each time it is created, and these run for every row of
// every scoring (it was a sixth of the scoring engine's time).
const full = (why: string) => ({ ratio: ONE, explanation: why });
const none = (why: string) => ({ ratio: ZERO, explanation: why });
const locate = (indicator: Indicator, where: string) => extend(indicator.source, { path: where });

/** Completion ratio in [0, 1] for a quantitative row, and the words that explain it. */
export function completionRatio(
  direction: Exclude<Direction, 'QUAL'>,
  actual: Decimal,
  target: Decimal,
  policies: ScoringPolicies,
): { ratio: Decimal; explanation: string } {
  const A = actual;
  const T = target;
  const sym = DIRECTION_SYMBOL[direction];
  switch (direction) {
    case 'GE':
    case 'GT':
      if (T.isZero()) {
        if (policies.zeroTargetPositive === 'vendor') return A.lte(ZERO) ? full('指标值为 0 且完成值 ≤ 0') : none('指标值为 0 而完成值 > 0（厂商规则）');
        return A.gte(ZERO) ? full(`完成值 ${A} ${sym} 0`) : none(`完成值 ${A} < 0`);
      }
      if (A.gte(T)) return full(`完成值 ${A} ${A.eq(T) ? '＝' : '≥'} 指标值 ${T}`);
      return { ratio: Decimal.max(A.div(T), ZERO), explanation: `完成值 ${A} < 指标值 ${T}，按完成比例 ${A} ÷ ${T}` };
    case 'EQ':
      if (T.isZero()) return A.lte(ZERO) ? full('指标值为 0 且完成值为 0') : none(`指标值为 0 而完成值为 ${A}`);
      if (policies.equalMode === 'twoSided') {
        if (A.eq(T)) return full(`完成值 ${A} ＝ 指标值 ${T}`);
        const r = Decimal.max(ONE.minus(A.minus(T).abs().div(T.abs())), ZERO);
        return { ratio: r, explanation: `完成值 ${A} 偏离指标值 ${T}，按 1 − |A − T| ÷ T 计` };
      }
      if (A.gte(T)) return full(`完成值 ${A} ${A.eq(T) ? '＝' : '≥'} 指标值 ${T}`);
      return { ratio: Decimal.max(A.div(T), ZERO), explanation: `完成值 ${A} < 指标值 ${T}，按完成比例 ${A} ÷ ${T}` };
    case 'LE':
    case 'LT':
      if (T.isZero()) return A.lte(ZERO) ? full(`完成值 ${A} ≤ 0`) : none(`指标值为 0 而完成值为 ${A}`);
      if (A.lte(T)) return full(`完成值 ${A} ≤ 指标值 ${T}`);
      if (policies.reverseFormula === 'ratio') {
        return { ratio: T.div(A), explanation: `完成值 ${A} > 指标值 ${T}，按 T ÷ A 计` };
      }
      if (A.gte(T.plus(T))) return none(`完成值 ${A} ≥ 指标值的 2 倍`);
      return { ratio: ONE.minus(A.minus(T).div(T)), explanation: `完成值 ${A} > 指标值 ${T}，按 1 − (A − T) ÷ T 计` };
  }
}

const CENT = new Decimal('0.01');

const UNMET = /未(完成|达到|达成|实现|按期|按时|开展|落实|启动|完工|达标)|没有完成|尚未|滞后|推迟|延期|部分完成|部分达成|不达标/;

/** The bands of 财预〔2020〕10号 for 定性 levels, as shares of the weight: [low, high], high inclusive only for 达成. */
const QUAL_BANDS: Readonly<Record<QualLevel, { low: string; high: string; label: string }>> = {
  achieved: { low: '0.8', high: '1', label: '达成年度指标' },
  partial: { low: '0.6', high: '0.8', label: '部分达成年度指标并具有一定效果' },
  notAchieved: { low: '0', high: '0.6', label: '未达成年度指标且效果较差' },
};

function inBand(score: Decimal, weight: Decimal, level: QualLevel, places: number): boolean {
  const band = QUAL_BANDS[level];
  const low = roundHalfAwayFromZero(weight.mul(band.low), places);
  const high = roundHalfAwayFromZero(weight.mul(band.high), places);
  return score.gte(low) && (level === 'achieved' ? score.lte(high) : score.lt(high));
}

export interface ScoredRow {
  readonly score: IndicatorScore;
  readonly findings: readonly Finding[];
}

/**
 * Scores a row. `weight` is the row's 分值; when absent the row is part of a 二级 group and only its
 * completion ratio is returned. `path` locates the row for findings ("indicators[3]"); `read` reads its
 * 指标值 and 完成值 texts.
 */
/** An IndicatorScore under construction: keys are added in the order the result prints them. */
type Building = { -readonly [K in keyof IndicatorScore]: IndicatorScore[K] };

export function scoreIndicator(
  indicator: Indicator,
  index: number,
  policies: ScoringPolicies,
  path: string,
  read: IndicatorTextReader = readIndicatorText,
): ScoredRow {
  const findings: Finding[] = [];
  const W = indicator.weight;
  const places = policies.indicatorScorePlaces;
  const stated = indicator.score;
  const reading = readIndicator(indicator, read);
  const label = indicator.name || indicator.level2 || indicator.level1;
  // Built key by key, in the order the result prints them, rather than by spreading partial objects: every
  // audit scores every row, and V8 copies spread objects through a slow path (see extend.ts).
  const result = { index, level1: indicator.level1, level2: indicator.level2, name: indicator.name } as Building;
  if (W) result.weight = W;
  if (stated) result.stated = stated;

  if (reading.fallback) {
    findings.push({ rule: 'score.not-quantifiable', severity: 'info', message: `“${label}”：${reading.fallback}`, location: locate(indicator, path) });
  }
  if (W && stated && stated.gt(W)) {
    findings.push({
      rule: 'score.exceeds-weight',
      severity: 'error',
      message: `“${label}”自评得分 ${stated} 分超过分值 ${W} 分`,
      location: locate(indicator, `${path}.score`),
    });
  }

  if (reading.direction !== 'QUAL' && reading.target !== undefined && reading.actual !== undefined) {
    const { ratio, explanation } = completionRatio(reading.direction, reading.actual, reading.target, policies);
    const unit = reading.unit ?? '';
    result.method = 'quantitative';
    result.direction = reading.direction;
    result.target = reading.target;
    result.actual = reading.actual;
    if (reading.unit) result.unit = reading.unit;
    result.ratio = ratio;
    // actual ÷ target, needed by both the over-achievement deduction and the over-achievement finding.
    const share = isPositive(reading.direction) && !reading.target.isZero() ? reading.actual.div(reading.target) : undefined;
    let computed: Decimal | undefined;
    let reason: string;
    if (W) {
      computed = roundHalfAwayFromZero(W.mul(ratio), places);
      reason = ratio.eq(ONE)
        ? `${explanation}${unit && !explanation.includes(unit) ? `（${unit}）` : ''}，得满分 ${W} 分`
        : `${explanation}，得分 = ${W} × ${formatPercent(ratio.mul(HUNDRED))} = ${computed} 分`;
      const deduction = policies.overAchievementDeduction;
      if (deduction && share && share.gte(deduction.ratio)) {
        const before = computed;
        computed = Decimal.max(computed.minus(deduction.points), ZERO);
        reason += `；完成值超过指标值 ${roundHalfAwayFromZero(deduction.ratio.minus(1).mul(100), 0)}% 及以上，视为偏离，扣 ${before.minus(computed)} 分，得 ${computed} 分`;
      }
    } else {
      reason = `${explanation}，完成比例 ${formatPercent(ratio.mul(HUNDRED))}（按二级指标合并计分）`;
    }
    if (computed) result.computed = computed;
    result.reason = reason;
    if (share?.gte(policies.overAchievementRatio)) {
      const explained = Boolean(indicator.deviationReason?.trim());
      findings.push({
        rule: 'score.over-achieved',
        severity: explained ? 'info' : 'warning',
        message: `“${label}”完成值 ${reading.actual}${unit} 为指标值 ${reading.target}${unit} 的 ${roundHalfAwayFromZero(share.mul(100), 2)}%（≥${roundHalfAwayFromZero(policies.overAchievementRatio.mul(100), 0)}%），指标值可能设定偏低${explained ? '' : '，应在偏差原因中说明'}`,
        location: locate(indicator, path),
      });
    }
  } else {
    const level = indicator.qualLevel;
    const unmet = UNMET.test(indicator.actual.text);
    result.method = 'qualitative';
    result.direction = 'QUAL';
    if (!W) {
      const ratio = unmet || (level && level !== 'achieved') ? undefined : ONE;
      if (ratio) result.ratio = ratio;
      result.reason = ratio ? `定性指标，完成值“${indicator.actual.text}”表明已达成（按二级指标合并计分）` : `定性指标未完全达成，需人工评定（按二级指标合并计分）`;
    } else if (level) {
      const band = QUAL_BANDS[level];
      if (stated && inBand(stated, W, level, places)) {
        result.computed = stated;
        result.reason = `定性指标，完成档次“${band.label}”（分值的 ${band.low}–${band.high}），自评 ${stated} 分在区间内`;
      } else if (!stated && level === 'achieved') {
        result.computed = W;
        result.reason = `定性指标，完成档次“${band.label}”，得满分 ${W} 分`;
      } else {
        const computed = roundHalfAwayFromZero(W.mul(band.low), places);
        result.computed = computed;
        result.reason = `定性指标，完成档次“${band.label}”，${stated ? `自评 ${stated} 分不在区间内` : '未填得分'}，按区间下限计 ${computed} 分，需人工评定`;
        findings.push({
          rule: 'score.qualitative-band',
          severity: 'error',
          message: `“${label}”完成档次为“${band.label}”，得分应在分值 ${W} 的 ${band.low}–${band.high} 之间，${stated ? `自评 ${stated} 分不符` : '未填得分'}`,
          location: locate(indicator, `${path}.score`),
        });
      }
    } else if (unmet) {
      result.computed = stated && stated.lte(W) ? stated : ZERO;
      result.reason = `定性指标，完成值“${indicator.actual.text}”表明未完全达成，${stated ? `采用自评 ${stated} 分` : '未填得分，计 0 分'}，需人工评定档次`;
      findings.push({
        rule: stated && stated.eq(W) ? 'score.full-points-unmet' : 'score.qualitative-unrated',
        severity: 'warning',
        message:
          stated && stated.eq(W)
            ? `“${label}”完成值“${indicator.actual.text}”表明未完全达成，却得满分 ${W} 分`
            : `“${label}”完成值表明未完全达成，应注明完成档次并按区间评分`,
        location: locate(indicator, path),
      });
    } else if (stated && stated.lte(W)) {
      result.computed = stated;
      result.reason = stated.eq(W)
        ? `定性指标，完成值“${indicator.actual.text}”表明已达成，得满分 ${W} 分`
        : `定性指标，采用自评 ${stated} 分（达成档为分值的 80%–100%）`;
    } else {
      result.computed = W;
      result.reason = `定性指标，完成值“${indicator.actual.text}”表明已达成，得满分 ${W} 分`;
    }
  }

  if (W && result.computed && result.computed.lt(W) && !indicator.deviationReason?.trim()) {
    findings.push({
      rule: 'score.deduction-without-reason',
      severity: 'warning',
      message: `“${label}”扣 ${W.minus(result.computed)} 分，但未填写偏差原因分析及改进措施`,
      location: locate(indicator, `${path}.deviationReason`),
    });
  }
  if (W && stated && result.computed && !stated.eq(result.computed) && result.method === 'quantitative') {
    findings.push({
      rule: 'score.stated-differs',
      severity: stated.minus(result.computed).abs().gt(CENT) ? 'warning' : 'info',
      message: `“${label}”自评 ${stated} 分，按规则计算为 ${result.computed} 分（${result.reason}）`,
      location: locate(indicator, `${path}.score`),
    });
  }
  return { score: result, findings };
}
