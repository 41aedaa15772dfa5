import type { DashboardFlag, DashboardUnit, Severity } from '../../api/types';
import { money, percent, score } from '../../format';

/**
 * Questions a 人大 reviewer can put to a unit at a hearing, suggested from the dashboard's flags on its figures and
 * from the rules its audit findings came from. They are prompts to ask, worded neutrally (请说明, 请核实): a flag
 * or a finding is a reason to ask, not a verdict. Figures in them are the API's exact decimals, formatted as on
 * the dashboard.
 */
type Figures = Pick<DashboardUnit, 'budget' | 'executed' | 'executionRate' | 'statedScore' | 'computedScore' | 'errorCount'>;

export const FLAG_QUESTIONS: Readonly<Record<DashboardFlag, (u: Figures) => string>> = {
  'score-above-execution': (u) => `自评得分 ${score(u.statedScore)} 分而预算执行率仅 ${percent(u.executionRate)}，请说明评分依据`,
  'executed-above-budget': (u) => `执行数 ${money(u.executed)} 万元超过预算数 ${money(u.budget)} 万元，请说明超预算支出的原因及预算调整程序`,
  'score-differs': (u) => `自评得分 ${score(u.statedScore)} 分与按评分规则复算的 ${score(u.computedScore)} 分相差较大，请逐项说明评分依据`,
  'has-errors': (u) => `审查发现 ${u.errorCount} 项错误，请逐项核实并说明更正情况`,
};

/** By the rule id of a finding (core's audit catalog and the scoring engine's rules; docs/audit.md). */
export const RULE_QUESTIONS: Readonly<Record<string, string>> = {
  'audit.execution-rate': '报告所称执行率与金额计算不一致，请核实',
  'score.execution-rate-conflict': '报告所称执行率与金额计算不一致，请核实',
  'audit.execution-over-100': '执行数超过预算数，请说明超支原因及资金来源',
  'audit.fund-parts': '资金来源各部分之和与合计数不一致，请核对资金明细',
  'audit.basic-data': '基础数据表的合计数或控制率与明细不符，请核实',
  'audit.year-on-year': '同比增减额或增减率与上年、本年数不符，请核实',
  'audit.shares': '报告所列占比与其部分和整体不符，请核实',
  'audit.prose-vs-table': '报告正文与附表中的同一数字不一致，请说明以何者为准',
  'audit.prose-rates': '报告正文所称控制率与数据不符，请核实',
  'audit.quality.refinement': '绩效指标未细化到三级指标，请说明绩效目标如何分解落实',
  'score.level-not-refined': '绩效指标未细化到三级指标，请说明绩效目标如何分解落实',
  'audit.quality.measurability': '部分绩效指标值无法衡量，请说明如何判定其完成情况',
  'score.not-quantifiable': '部分绩效指标值无法衡量，请说明如何判定其完成情况',
  'audit.quality.satisfaction-100': '满意度均为 100%，请说明满意度调查的方式、样本和结果',
  'audit.quality.problems-measures': '报告所列问题与改进措施不对应，请说明每个问题的整改措施',
  'audit.quality.yueyang-rubric': '对照自评工作考核评分标准，报告存在扣分项，请说明改进安排',
  'audit.quality.sections': '报告正文部分内容缺失或为空，请补充说明',
  'audit.quality.attachments': '报告缺少规定的附表，请补齐并说明原因',
  'audit.scoring': '自评得分与评分规则不符，请说明评分依据',
  'audit.score-above-execution': '自评得分率远高于预算执行率，请说明评分依据',
  'audit.score-missing': '报告没有自评得分，请补充自评得分及评分过程',
  'score.execution-stated-differs': '预算执行率指标的得分与评分规则不符，请核实',
  'score.execution-cap': '执行率偏低应封顶扣分，请说明自评总分是否已按规定扣减',
  'score.execution-missing': '报告缺少预算执行数据，请补充预算数与执行数',
  'score.stated-differs': '部分指标的自评得分与评分规则不符，请说明评分依据',
  'score.level-differs': '一级或二级指标得分与其下指标得分之和不符，请核实',
  'score.total-differs': '自评总分与各项得分之和不符，请核实',
  'score.grade-differs': '评价等级与自评总分不符，请核实',
  'score.grade-missing': '报告没有评价等级，请补充',
  'score.deduction-without-reason': '部分指标扣分但未说明原因，请说明扣分原因及改进措施',
  'score.deduction-inconsistent': '扣分说明前后不一致，请核实',
  'score.over-achieved': '部分指标完成值大幅超过年度指标值，请说明指标值设定是否合理',
  'score.exceeds-weight': '部分指标得分超过其分值，请核实',
  'score.weight-missing': '部分指标缺少分值，请补充',
  'score.weights-do-not-sum': '各指标分值合计不为 100 分，请核实指标体系',
  'score.leaf-unscored': '部分指标未评分，请补充评分及依据',
};

export const NO_EVALUATION_QUESTION = '本年度尚无部门整体支出绩效自评，请说明原因及完成时间';
/** For a unit nothing was found on: the question every hearing asks. */
export const GENERAL_QUESTION = '请说明本年度绩效目标的完成情况、存在的问题及下一步改进措施';

/** Finding rules a flag's question already asks about, with the unit's own figures. */
const ASKED_BY_FLAG: Readonly<Partial<Record<DashboardFlag, readonly string[]>>> = {
  'score-above-execution': ['audit.score-above-execution'],
  'executed-above-budget': ['audit.execution-over-100'],
};

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * The questions for one unit: its flags first (they carry its own figures), then one per finding rule, errors
 * before warnings before notes, each question once. A unit without an evaluation, or with nothing to ask about,
 * still gets one question.
 */
export function suggestQuestions(unit: Figures & Pick<DashboardUnit, 'evaluationId' | 'flags'>, findings: readonly { readonly rule: string; readonly severity: Severity }[], max = 6): string[] {
  if (unit.evaluationId === null) return [NO_EVALUATION_QUESTION];
  const questions: string[] = [];
  const add = (q: string | undefined) => {
    if (q && !questions.includes(q)) questions.push(q);
  };
  const rules = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).map((f) => f.rule);
  for (const flag of unit.flags) {
    // The findings' own questions say more than the bare count of errors.
    if (flag === 'has-errors' && findings.some((f) => f.severity === 'error' && RULE_QUESTIONS[f.rule])) continue;
    add(FLAG_QUESTIONS[flag](unit));
  }
  const asked = new Set(unit.flags.flatMap((f) => ASKED_BY_FLAG[f] ?? []));
  for (const rule of rules) if (!asked.has(rule)) add(RULE_QUESTIONS[rule]);
  if (questions.length === 0) add(GENERAL_QUESTION);
  return questions.slice(0, max);
}
