import { Decimal, HUNDRED, ZERO } from '../money/decimal';
import { formatPercent } from '../money/percent';
import { roundHalfAwayFromZero } from '../money/rounding';
import type { Evaluation, Indicator } from '../model/evaluation';
import type { Finding } from '../model/finding';
import type { Framework, Level1Node, Level2Node, LeafNode, ScoringPolicies } from '../frameworks/framework';
import { computeCommonIndicator } from '../frameworks/common-indicators';
import { gradeOf, readGrade } from './grade';
import { levelKey, matchesNode, sameLevel } from './level-names';
import { scoreExecution } from './score-execution';
import { scoreIndicator } from './score-indicator';
import { extend } from './extend';
import type { IndicatorTextReader } from './score-indicator';
import { readIndicatorText } from './read-indicator-text';
import type { IndicatorTextReading } from './read-indicator-text';
import type { ExecutionScore, GroupScore, IndicatorScore, LevelScore, ScoreResult } from './score-result';

const sum = (values: readonly Decimal[]): Decimal => values.reduce((a, b) => a.plus(b), ZERO);

interface Row {
  readonly indicator: Indicator;
  readonly index: number;
}

/**
 * Scores an evaluation by a framework: each indicator with its reason, the 预算执行率 item, subtotals per
 * 一级 and 二级, the total (capped where the policy says), the grade, and findings wherever the stated
 * figures differ from the computed ones or the data break the framework's rules. Pure.
 */
export function scoreEvaluation(
  evaluation: Evaluation,
  framework: Framework,
  overrides: Partial<ScoringPolicies> = {},
): ScoreResult {
  const policies: ScoringPolicies = { ...framework.policies, ...overrides };
  const findings: Finding[] = [];
  const places = policies.indicatorScorePlaces;
  // Rows repeat their texts ("100%", "≥95%", a target that is also the actual): each distinct text is read
  // once per scoring. Readings are immutable, so rows may share one; nothing outlives this call.
  const readings = new Map<string, IndicatorTextReading>();
  const read = (text: string): IndicatorTextReading => {
    let reading = readings.get(text);
    if (!reading) readings.set(text, (reading = readIndicatorText(text)));
    return reading;
  };

  let execution: ExecutionScore | undefined;
  if (framework.execution) {
    const scored = scoreExecution(evaluation, framework.execution, policies);
    execution = scored.score;
    findings.push(...scored.findings);
  }

  // Assign every row to a 一级 node; rows that match none are reported, not silently dropped.
  const byLevel = new Map<Level1Node, Row[]>();
  evaluation.indicators.forEach((indicator, index) => {
    const node = framework.tree.find((n) => matchesNode(indicator.level1, n));
    if (!node) {
      findings.push({
        rule: 'score.unknown-level',
        severity: 'error',
        message: `指标“${indicator.name}”的一级指标“${indicator.level1}”不在框架“${framework.name}”中，未计分`,
        location: extend(indicator.source, { path: `indicators[${index}].level1` }),
      });
      return;
    }
    const rows = byLevel.get(node);
    if (rows) rows.push({ indicator, index });
    else byLevel.set(node, [{ indicator, index }]);
  });

  const levels: LevelScore[] = framework.tree.map((node) => {
    const statedLevel = evaluation.stated.levels?.find((s) => s.level2 === undefined && matchesNode(s.level1, node));
    const hasLeaves = node.children.some((c) => c.leaves?.length);
    const level = hasLeaves
      ? scoreLeafLevel(node, evaluation, policies, findings)
      : scoreIndicatorLevel(node, byLevel.get(node) ?? [], evaluation, policies, findings, read);
    const stated = statedLevel?.score;
    if (statedLevel?.weight && !statedLevel.weight.eq(node.weight)) {
      findings.push({
        rule: 'score.level-weight',
        severity: 'warning',
        message: `${node.name}分值自述为 ${statedLevel.weight} 分，框架规定为 ${node.weight} 分`,
        location: extend(statedLevel.source, { path: 'stated.levels' }),
      });
    }
    if (stated && !stated.eq(level.computed)) {
      findings.push({
        rule: 'score.level-differs',
        severity: 'warning',
        message: `${node.name}自述得 ${stated} 分，按指标计算为 ${level.computed} 分`,
        location: extend(statedLevel?.source, { path: 'stated.levels' }),
      });
    }
    if (statedLevel?.weight && statedLevel.score && statedLevel.deduction && !statedLevel.weight.minus(statedLevel.score).eq(statedLevel.deduction)) {
      findings.push({
        rule: 'score.deduction-inconsistent',
        severity: 'error',
        message: `${node.name}“分值 ${statedLevel.weight} 分，得 ${statedLevel.score} 分，扣 ${statedLevel.deduction} 分”自相矛盾：${statedLevel.weight} − ${statedLevel.score} = ${statedLevel.weight.minus(statedLevel.score)}`,
        location: extend(statedLevel.source, { path: 'stated.levels' }),
      });
    }
    return stated ? extend(level, { stated }) : level;
  });

  if (execution) {
    const se = evaluation.stated.execution;
    if (se?.weight && se.score && se.deduction && !se.weight.minus(se.score).eq(se.deduction)) {
      findings.push({
        rule: 'score.deduction-inconsistent',
        severity: 'error',
        message: `预算执行率“分值 ${se.weight} 分，得 ${se.score} 分，扣 ${se.deduction} 分”自相矛盾：${se.weight} − ${se.score} = ${se.weight.minus(se.score)}`,
        location: { path: 'stated.execution' },
      });
    }
  }

  const weightTotal = sum([framework.execution?.weight ?? ZERO, ...framework.tree.map((n) => n.weight)]);
  if (!weightTotal.eq(HUNDRED)) {
    findings.push({
      rule: 'score.framework-weights',
      severity: 'error',
      message: `框架“${framework.name}”各项分值合计 ${weightTotal} 分，应为 100 分`,
    });
  }

  const uncappedTotal = sum([execution?.computed ?? ZERO, ...levels.map((l) => l.computed)]);
  let total = uncappedTotal;
  let cap: ScoreResult['cap'];
  const rate = execution?.rate;
  if (rate && policies.executionCaps.length) {
    const applicable = policies.executionCaps.filter((c) => rate.lt(c.below));
    const tightest = applicable.sort((a, b) => a.maxTotal.comparedTo(b.maxTotal))[0];
    if (tightest && total.gt(tightest.maxTotal)) {
      cap = tightest;
      total = tightest.maxTotal;
      findings.push({
        rule: 'score.execution-cap',
        severity: 'info',
        message: `执行率 ${formatPercent(rate)} 低于 ${tightest.below}%，总分封顶 ${tightest.maxTotal} 分（计算得分 ${uncappedTotal} 分）`,
      });
    }
  }
  total = roundHalfAwayFromZero(total, places);
  const grade = gradeOf(total, framework.grades);

  const statedTotal = evaluation.stated.total;
  if (statedTotal && !statedTotal.eq(total)) {
    findings.push({
      rule: 'score.total-differs',
      severity: statedTotal.minus(total).abs().gt('0.01') ? 'warning' : 'info',
      message: `自评总分 ${statedTotal} 分，按规则计算为 ${total} 分`,
      location: { path: 'stated.total' },
    });
  }
  const statedGrade = evaluation.stated.grade;
  // Only the 部门整体 report states a grade; the 项目支出绩效自评表 has no cell for one.
  if (!statedGrade && evaluation.kind === 'department') {
    findings.push({
      rule: 'score.grade-missing',
      severity: 'warning',
      message: `报告未写明评价等级；按得分 ${total} 分应为“${grade}”`,
      location: { path: 'stated.grade' },
    });
  } else if (statedGrade) {
    const read = readGrade(statedGrade, framework.grades);
    if (!read) {
      findings.push({ rule: 'score.grade-unknown', severity: 'warning', message: `无法识别评价等级“${statedGrade}”`, location: { path: 'stated.grade' } });
    } else if (read !== grade) {
      findings.push({
        rule: 'score.grade-differs',
        severity: 'error',
        message: `报告称等级为“${statedGrade}”，按得分 ${total} 分应为“${grade}”`,
        location: { path: 'stated.grade' },
      });
    }
  }

  return {
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    policies,
    ...(execution ? { execution } : {}),
    levels,
    uncappedTotal,
    ...(cap ? { cap } : {}),
    total,
    grade,
    ...(statedTotal ? { statedTotal } : {}),
    ...(statedGrade ? { statedGrade } : {}),
    findings,
  };
}

/** A Hunan- or 浏阳-style level: the unit's own 三级 rows under the framework's 二级 names. */
function scoreIndicatorLevel(
  node: Level1Node,
  rows: readonly Row[],
  evaluation: Evaluation,
  policies: ScoringPolicies,
  findings: Finding[],
  read: IndicatorTextReader,
): LevelScore {
  const places = policies.indicatorScorePlaces;
  if (rows.length === 0) {
    const stated = evaluation.stated.levels?.find((s) => s.level2 === undefined && matchesNode(s.level1, node))?.score;
    findings.push({
      rule: stated ? 'score.level-not-refined' : 'score.level-missing',
      severity: stated ? 'warning' : 'error',
      message: stated
        ? `${node.name}未细化到三级指标，沿用自述得分 ${stated} 分，无法复核`
        : `缺少${node.name}，该项计 0 分`,
      location: { path: 'indicators' },
    });
    return {
      level1: node.name,
      weight: node.weight,
      method: 'stated',
      computed: stated ?? ZERO,
      reason: stated ? `未列三级指标，沿用自述得分 ${stated} 分` : `未列${node.name}，计 0 分`,
      groups: [],
    };
  }

  // Group rows by 二级 in print order.
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = levelKey(row.indicator.level2);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const judgement = node.rule?.kind === 'judgement' ? node.rule : undefined;
  const groupScores: GroupScore[] = [];
  for (const groupRows of groups.values()) {
    const first = groupRows[0]?.indicator;
    if (!first) continue;
    const l2node: Level2Node | undefined = node.children.find((c) => matchesNode(first.level2, c));
    const statedL2 = evaluation.stated.levels?.find((s) => s.level2 !== undefined && matchesNode(s.level1, node) && sameLevel(s.level2, first.level2));
    const weighted = groupRows.filter((r) => r.indicator.weight !== undefined);
    const rowWeights = sum(weighted.map((r) => r.indicator.weight as Decimal));
    const groupWeight = l2node?.weight ?? statedL2?.weight ?? (weighted.length ? rowWeights : undefined);
    if (first.level2 && !l2node && node.children.length) {
      findings.push({
        rule: 'score.unknown-level2',
        severity: 'info',
        message: `二级指标“${first.level2}”不是框架中${node.name}的二级指标（${node.children.map((c) => c.name).join('、')}）`,
        location: extend(first.source, { path: `indicators[${groupRows[0]?.index ?? 0}].level2` }),
      });
    }
    if (l2node?.weight && statedL2?.weight && !l2node.weight.eq(statedL2.weight)) {
      findings.push({
        rule: 'score.level-weight',
        severity: 'warning',
        message: `${first.level2}分值自述为 ${statedL2.weight} 分，框架规定为 ${l2node.weight} 分`,
        location: { path: 'stated.levels' },
      });
    }
    const scored = groupRows.map((r) => {
      const path = `indicators[${r.index}]`;
      if (!judgement) return scoreIndicator(r.indicator, r.index, policies, path, read);
      // Judgement rows are not run through the indicator rules: their standard is not in the table.
      const W = r.indicator.weight;
      const s = r.indicator.score;
      const computed = W ? (s ? Decimal.min(s, W) : ZERO) : undefined;
      return {
        score: {
          index: r.index,
          level1: r.indicator.level1,
          level2: r.indicator.level2,
          name: r.indicator.name,
          method: 'judgement' as const,
          ...(W ? { weight: W } : {}),
          ...(s ? { stated: s } : {}),
          ...(computed ? { computed } : {}),
          reason: W ? `${judgement.why}；采用自评 ${s ?? 0} 分` : `${judgement.why}（按二级指标合并计分）`,
        } satisfies IndicatorScore,
        findings: [] as Finding[],
      };
    });
    for (const s of scored) findings.push(...s.findings);
    const indicatorScores = scored.map((s) => s.score);
    const statedSum = groupRows.some((r) => r.indicator.score) ? sum(groupRows.map((r) => r.indicator.score ?? ZERO)) : undefined;

    let computed: Decimal;
    let reason: string;
    if (weighted.length === groupRows.length) {
      computed = sum(indicatorScores.map((s) => s.computed ?? ZERO));
      reason = `三级指标得分合计 ${computed} 分`;
      if (l2node?.weight && !rowWeights.eq(l2node.weight)) {
        findings.push({
          rule: 'score.weights-do-not-sum',
          severity: 'error',
          message: `${first.level2}的三级指标分值合计 ${rowWeights} 分，应为 ${l2node.weight} 分`,
          location: { path: `indicators[${groupRows[0]?.index ?? 0}]` },
        });
      }
    } else if (weighted.length === 0 && groupWeight) {
      if (judgement) {
        computed = Decimal.min(statedSum ?? ZERO, groupWeight);
        reason = `${judgement.why}；二级指标合并计分，采用自评 ${statedSum ?? 0} 分`;
        if (statedSum && statedSum.gt(groupWeight)) {
          findings.push({
            rule: 'score.exceeds-weight',
            severity: 'error',
            message: `${first.level2}自评得分 ${statedSum} 分超过分值 ${groupWeight} 分`,
            location: { path: `indicators[${groupRows[0]?.index ?? 0}].score` },
          });
        }
      } else if (indicatorScores.every((s) => s.ratio)) {
        const mean = sum(indicatorScores.map((s) => s.ratio as Decimal)).div(indicatorScores.length);
        computed = roundHalfAwayFromZero(groupWeight.mul(mean), places);
        reason = mean.eq(1)
          ? `二级指标合并计分：${indicatorScores.length} 项三级指标均已完成，得满分 ${groupWeight} 分`
          : `二级指标合并计分：平均完成比例 ${formatPercent(mean.mul(100))}，得分 = ${groupWeight} × ${formatPercent(mean.mul(100))} = ${computed} 分`;
      } else {
        computed = Decimal.min(statedSum ?? ZERO, groupWeight);
        reason = `二级指标合并计分：含未完全达成的定性指标，采用自评 ${statedSum ?? 0} 分，需人工评定`;
      }
      if (computed.lt(groupWeight) && !groupRows.some((r) => r.indicator.deviationReason?.trim())) {
        findings.push({
          rule: 'score.deduction-without-reason',
          severity: 'warning',
          message: `${first.level2}扣 ${groupWeight.minus(computed)} 分，但未填写偏差原因分析及改进措施`,
          location: { path: `indicators[${groupRows[0]?.index ?? 0}].deviationReason` },
        });
      }
      if (statedSum && !statedSum.eq(computed) && !judgement) {
        findings.push({
          rule: 'score.stated-differs',
          severity: statedSum.minus(computed).abs().gt('0.01') ? 'warning' : 'info',
          message: `${first.level2}自评 ${statedSum} 分，按规则计算为 ${computed} 分`,
          location: { path: `indicators[${groupRows[0]?.index ?? 0}].score` },
        });
      }
    } else {
      computed = sum(indicatorScores.map((s) => s.computed ?? ZERO));
      reason = `部分三级指标缺分值，只计有分值的 ${weighted.length} 项`;
      findings.push({
        rule: 'score.weight-missing',
        severity: 'error',
        message: `${first.level2 || node.name}有 ${groupRows.length - weighted.length} 项三级指标未填分值${groupWeight ? '' : '，且无二级分值'}`,
        location: { path: `indicators[${groupRows.find((r) => !r.indicator.weight)?.index ?? 0}].weight` },
      });
    }
    groupScores.push({
      level2: first.level2,
      ...(groupWeight ? { weight: groupWeight } : {}),
      computed,
      ...(statedSum ? { stated: statedSum } : {}),
      reason,
      indicators: indicatorScores,
    });
  }

  const allWeights = sum(groupScores.map((g) => g.weight ?? ZERO));
  if (!allWeights.eq(node.weight)) {
    findings.push({
      rule: 'score.weights-do-not-sum',
      severity: 'error',
      message: `${node.name}下各指标分值合计 ${allWeights} 分，框架规定为 ${node.weight} 分`,
      location: { path: 'indicators' },
    });
  }
  const computed = sum(groupScores.map((g) => g.computed));
  return {
    level1: node.name,
    weight: node.weight,
    method: judgement ? 'judgement' : 'indicators',
    computed,
    reason: `${groupScores.length} 个二级指标得分合计 ${computed} 分（分值 ${node.weight} 分）`,
    groups: groupScores,
  };
}

/** A 53号-style level: 三级 defined by the framework, computed from the 基础数据表 where a formula exists. */
function scoreLeafLevel(node: Level1Node, evaluation: Evaluation, policies: ScoringPolicies, findings: Finding[]): LevelScore {
  const places = policies.indicatorScorePlaces;
  const groups: GroupScore[] = node.children.map((child) => {
    const leaves = (child.leaves ?? []).map((leaf) => scoreLeaf(leaf, node, child, evaluation, places, findings));
    const computed = sum(leaves.map((l) => l.computed ?? ZERO));
    return { level2: child.name, ...(child.weight ? { weight: child.weight } : {}), computed, reason: `三级指标得分合计 ${computed} 分`, indicators: leaves };
  });
  const computed = sum(groups.map((g) => g.computed));
  return { level1: node.name, weight: node.weight, method: 'formula', computed, reason: `${groups.length} 个二级指标得分合计 ${computed} 分（分值 ${node.weight} 分）`, groups };
}

function scoreLeaf(
  leaf: LeafNode,
  node: Level1Node,
  child: Level2Node,
  evaluation: Evaluation,
  places: number,
  findings: Finding[],
): IndicatorScore {
  const base = { index: -1, level1: node.name, level2: child.name, name: leaf.name, weight: leaf.weight };
  const W = leaf.weight;
  const value = leaf.formula ? computeCommonIndicator(leaf.formula, evaluation) : undefined;
  const rule = leaf.rule;
  if (rule.kind !== 'judgement' && value?.ok) {
    const v = value.value;
    let computed: Decimal;
    let reason: string;
    if (rule.kind === 'linearCapped') {
      computed = roundHalfAwayFromZero(W.mul(Decimal.min(v, 100)).div(100), places);
      reason = `${value.explanation}，按完成比例计分，满分为止，得 ${computed} 分`;
    } else {
      const over = rule.direction === 'max' ? v.minus(rule.threshold) : rule.threshold.minus(v);
      computed = over.lte(0) ? W : roundHalfAwayFromZero(Decimal.max(W.minus(over.mul(rule.perPoint)), 0), places);
      reason = over.lte(0)
        ? `${value.explanation}，${rule.direction === 'max' ? '≤' : '≥'} ${rule.threshold}%，得满分 ${W} 分`
        : `${value.explanation}，超出 ${rule.threshold}% ${roundHalfAwayFromZero(over, 2)} 个百分点，每个百分点扣 ${rule.perPoint} 分，得 ${computed} 分`;
    }
    return extend(base, { method: 'formula' as const, actual: v, unit: '%', computed, reason });
  }
  const row = evaluation.indicators.find((i) => sameLevel(i.name, leaf.name));
  if (row?.score !== undefined) {
    const computed = Decimal.min(row.score, W);
    return extend(base, { method: 'judgement' as const, stated: row.score, computed, reason: `${rule.kind === 'judgement' ? rule.why : '无法计算'}；采用自评 ${row.score} 分` });
  }
  const why = value && !value.ok ? value.reason : '未提供该指标的评分';
  findings.push({ rule: 'score.leaf-unscored', severity: 'warning', message: `“${leaf.name}”：${why}，计 0 分`, location: { path: 'indicators' } });
  return extend(base, { method: 'judgement' as const, computed: ZERO, reason: `${why}，计 0 分` });
}
