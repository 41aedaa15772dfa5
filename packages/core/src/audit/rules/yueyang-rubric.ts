import type { Decimal } from '../../money/decimal';
import { ZERO, dec } from '../../money/decimal';
import { roundHalfAwayFromZero } from '../../money/rounding';
import type { Evaluation } from '../../model/evaluation';
import type { Framework } from '../../frameworks/framework';
import type { ReportPart } from '../../extract/extract-report';
import { matchesNode } from '../../scoring/level-names';
import { memoize2 } from '../memo';
import { extend } from '../../scoring/extend';
import { refinementOf, unmeasurableIndicators } from './quality-indicators';
import { analyseProblems } from './quality-problems';
import { countAttachments, lacksContent, matchOutline } from './quality-sections';
import type { SectionStatus } from './quality-sections';
import { PROBLEM_AREAS, clip, problemAreas } from './quality-text';

/**
 * 岳阳 部门整体支出绩效自评工作考核评分表 (the finance bureau's grading of a unit's self-evaluation work,
 * printed at the end of seed 004; scoring-rules.md §7), as data: one line per scoring item, its points and
 * its standard as printed. Lines whose standard needs evidence outside the report (the 自评通知, the
 * 工作小组's file, the units' 自查, the date the report was sent) are not scored from the report.
 */
export type RubricLineId =
  | 'notice'
  | 'team'
  | 'self-check'
  | 'submission'
  | 'body'
  | 'attachments'
  | 'weights'
  | 'refinement'
  | 'measurable'
  | 'problems'
  | 'measures';

export interface RubricLine {
  readonly id: RubricLineId;
  /** 一级指标 and its points, as printed: "布置工作" 10. */
  readonly level1: string;
  readonly level1Points: number;
  /** 二级指标, with the item of its standard where one 二级 has several ("完整性·正文"). */
  readonly level2: string;
  readonly points: Decimal;
  /** 评分标准, quoted from seed 004. */
  readonly standard: string;
  /** 所需佐证材料, as printed. */
  readonly evidence?: string;
  /** Whether the report itself (text, tables, 附表) shows what the standard asks. */
  readonly fromReport: boolean;
}

export const YUEYANG_RUBRIC: readonly RubricLine[] = [
  {
    id: 'notice',
    level1: '布置工作',
    level1Points: 10,
    level2: '自评通知',
    points: dec('8'),
    standard:
      '1.印发绩效自评通知的得2分，否则不得分。2.按照本规程规定，绩效自评通知包括自评范围、自评主要依据、自评主要内容、自评程序和步骤、有关要求等内容，并附有本通知要求的附件的，得6分；否则缺1项扣1分，最多扣6分。',
    evidence: '绩效自评通知盖章的电子版',
    fromReport: false,
  },
  {
    id: 'team',
    level1: '布置工作',
    level1Points: 10,
    level2: '工作小组',
    points: dec('2'),
    standard: '成立绩效自评工作小组的得2分，否则不得分。',
    evidence: '本部门、本单位预算绩效管理领导小组/绩效评价工作小组有关文件盖章的电子版',
    fromReport: false,
  },
  {
    id: 'self-check',
    level1: '实施评价',
    level1Points: 20,
    level2: '单位自查',
    points: dec('10'),
    standard:
      '市级预算部门本级和所属单位都要开展绩效自查，转移支付项目单位都要开展绩效自查，县、区级主管部门都要汇总本区域转移支付情况；以上各项每发现一个单位没有做相应工作的，扣1分，最多扣10分。',
    evidence: '转移支付项目单位名称和资金情况清单；有转移支付资金的各县区主管部门汇总情况的盖章PDF版',
    fromReport: false,
  },
  {
    id: 'submission',
    level1: '实施评价',
    level1Points: 20,
    level2: '提交报告',
    points: dec('10'),
    standard: '按时向市财政局报送报告的得10分；每推迟一个工作日报送报告的扣1分，最多扣10分。',
    fromReport: false,
  },
  {
    id: 'body',
    level1: '自评报告',
    level1Points: 70,
    level2: '完整性·正文',
    points: dec('8'),
    standard: '1.绩效自评报告正文部分内容齐全的，得8分；否则每少一个部分扣2分，最多扣8分。',
    fromReport: true,
  },
  {
    id: 'attachments',
    level1: '自评报告',
    level1Points: 70,
    level2: '完整性·附件',
    points: dec('7'),
    standard: '2.绩效自评报告附件部分内容齐全的，得7分；否则每少一个部分扣2分，最多扣7分。',
    fromReport: true,
  },
  {
    id: 'weights',
    level1: '自评报告',
    level1Points: 70,
    level2: '绩效自评表·权重',
    points: dec('5'),
    standard:
      '1、部门整体支出和项目支出绩效指标反映产出、效益、服务对象满意度方面的指标和预算执行率的权重符合《岳阳市市级预算部门绩效自评操作规程》要求的，得5分，否则按比例扣除相应的分数。',
    fromReport: true,
  },
  {
    id: 'refinement',
    level1: '自评报告',
    level1Points: 70,
    level2: '绩效自评表·细化',
    points: dec('5'),
    standard: '2.部门整体支出和项目支出绩效指标全部细化到三级指标的，得5分；部分细化的，酌情扣分；没有细化的，不得分。',
    fromReport: true,
  },
  {
    id: 'measurable',
    level1: '自评报告',
    level1Points: 70,
    level2: '绩效自评表·三级指标',
    points: dec('10'),
    standard:
      '3.部门整体支出和项目支出三级绩效指标内涵明确、具体、可衡量的得5分；突出核心指标，精简实用的得3分；指标与部门整体支出和项目支出密切相关，全面反映产出和效益的得2分；否则，每项酌情扣分，最多扣10分。',
    fromReport: true,
  },
  {
    id: 'problems',
    level1: '自评报告',
    level1Points: 70,
    level2: '反映问题情况',
    points: dec('20'),
    standard:
      '从预算和预算绩效管理，部门履职效能，资金分配、使用和管理，资产和财务管理，政府采购等方面归纳问题、分析原因全面的，得20分；反映问题、分析原因较全面的，得16—18分；反映问题、分析原因不全面的，得13—15分；问题未归纳且过于简单的，得10—12分；只提出资金不足问题的不得分；其他情况酌情扣分。',
    fromReport: true,
  },
  {
    id: 'measures',
    level1: '自评报告',
    level1Points: 70,
    level2: '建议情况',
    points: dec('15'),
    standard:
      '建议与问题对应且全面的得15分，建议比较全面的得12—14分，建议不全面的得9—11分，建议过于简单的得6—8分，只提出加大资金投入建议的不得分；其他情况酌情扣分。',
    fromReport: true,
  },
];

export interface RubricLineScore {
  readonly line: RubricLine;
  /** Points earned; absent where the report cannot show what the standard asks. */
  readonly score?: Decimal;
  /** Why: what was found, what was missing, how the points follow. */
  readonly reason: string;
}

export interface RubricScore {
  readonly lines: readonly RubricLineScore[];
  /** Points of the lines scored from the report (70 when the file's parts are known). */
  readonly assessable: Decimal;
  /** Points earned on those lines. */
  readonly total: Decimal;
}

export interface RubricInput {
  /** The 部门整体 evaluation with the narrative. */
  readonly report: Evaluation;
  /** Every 自评表 of the file (部门整体 and 项目): the 绩效自评表 lines look at all of them. */
  readonly evaluations: readonly Evaluation[];
  readonly frameworkOf: (evaluation: Evaluation) => Framework;
  /** What the file holds; absent when unknown (then 附件 is not scored). */
  readonly parts?: readonly ReportPart[];
}

type Scored = { readonly score?: Decimal; readonly reason: string };

const round = (d: Decimal): Decimal => roundHalfAwayFromZero(d, 2);
const min = (a: Decimal, b: Decimal): Decimal => (a.lt(b) ? a : b);

/** Points after a deduction of `per` for each of `count` defects, at most `cap`. */
function deduct(points: Decimal, count: number, per: number, cap: Decimal): Decimal {
  return points.minus(min(cap, dec(String(count * per))));
}

const STATUS_WORDS: Readonly<Record<SectionStatus, string>> = { ok: '', none: '', missing: '缺', empty: '只有标题', onlyNone: '只写“无”' };

function scoreBody(r: RubricInput, line: RubricLine): Scored {
  const outline = r.frameworkOf(r.report).outline;
  const lacking = matchOutline(r.report.sections, outline).filter((m) => lacksContent(m.status));
  if (lacking.length === 0) return { score: line.points, reason: `正文 ${outline.length} 个部分齐全` };
  const list = lacking.map((m) => (m.status === 'missing' ? `缺“${m.outline.heading}”` : `“${m.outline.heading}”${STATUS_WORDS[m.status]}`)).join('；');
  const score = deduct(line.points, lacking.length, 2, line.points);
  return { score, reason: `正文 ${outline.length} 个部分中少 ${lacking.length} 个（${list}），每少一个扣 2 分，扣 ${line.points.minus(score)} 分` };
}

function scoreAttachments(r: RubricInput, line: RubricLine): Scored {
  const counts = countAttachments(r.frameworkOf(r.report), r.parts);
  if (!counts) return { reason: '未提供文件构成，无法核对附件' };
  const missing = counts.filter((c) => c.attachment.required && c.count === 0);
  const found = counts.filter((c) => c.count > 0).map((c) => `${c.attachment.title} ${c.count} 张`);
  if (missing.length === 0) return { score: line.points, reason: `附件齐全（${found.join('、')}）` };
  const score = deduct(line.points, missing.length, 2, line.points);
  return { score, reason: `缺附件“${missing.map((c) => c.attachment.title).join('”“')}”，每少一个扣 2 分，扣 ${line.points.minus(score)} 分` };
}

/**
 * The weight a table gives each scored item (预算执行率 and each 一级), against the framework's. Read once
 * per table: the report's own table is read again for the scheme the reason quotes.
 */
const weightItems = memoize2(readWeightItems);

function readWeightItems(e: Evaluation, f: Framework): readonly { readonly item: string; readonly stated?: Decimal; readonly due: Decimal }[] {
  const items: { item: string; stated?: Decimal; due: Decimal }[] = [];
  if (f.execution) {
    const stated = e.funds.find((row) => row.weight)?.weight ?? e.stated.execution?.weight;
    items.push({ item: '预算执行率', ...(stated ? { stated } : {}), due: f.execution.weight });
  }
  for (const node of f.tree) {
    const weights = e.indicators.filter((i) => matchesNode(i.level1, node)).flatMap((i) => (i.weight ? [i.weight] : []));
    const stated = weights.length > 0 ? weights.reduce((a, b) => a.plus(b), ZERO) : e.stated.levels?.find((l) => l.level2 === undefined && matchesNode(l.level1, node))?.weight;
    items.push({ item: node.name, ...(stated ? { stated } : {}), due: node.weight });
  }
  return items;
}

const titleOf = (e: Evaluation): string => (e.kind === 'project' ? `【${e.title}】` : `【部门整体】`);

function scoreWeights(r: RubricInput, line: RubricLine): Scored {
  const items = r.evaluations.flatMap((e) => weightItems(e, r.frameworkOf(e)).map((w) => extend(w, { e })));
  if (items.length === 0) return { score: ZERO, reason: '没有绩效自评表，无法核对权重' };
  const wrong = items.filter((w) => !w.stated?.eq(w.due));
  const scheme = weightItems(r.report, r.frameworkOf(r.report))
    .map((w) => `${w.item} ${w.due}`)
    .join('、');
  if (wrong.length === 0) return { score: line.points, reason: `${r.evaluations.length} 张表的权重均符合（${scheme}）` };
  const ok = items.length - wrong.length;
  const score = round(line.points.mul(ok).div(items.length));
  const list = wrong
    .slice(0, 6)
    .map((w) => `${titleOf(w.e)}${w.item}${w.stated ? ` ${w.stated}` : '未列权重'}，应为 ${w.due}`)
    .join('；');
  return { score, reason: `${items.length} 项权重中 ${wrong.length} 项不符（${list}${wrong.length > 6 ? '…' : ''}），按比例 ${ok}/${items.length} 得分` };
}

function scoreRefinement(r: RubricInput, line: RubricLine): Scored {
  let total = 0;
  let refined = 0;
  const empty: string[] = [];
  for (const e of r.evaluations) {
    const f = r.frameworkOf(e);
    if (e.indicators.length === 0) {
      // A table with no indicators at all is one unit not refined.
      total += 1;
      empty.push(titleOf(e));
      continue;
    }
    total += e.indicators.length;
    refined += e.indicators.filter((i) => ['refined', 'impliedLevel2'].includes(refinementOf(i, f))).length;
  }
  if (total === 0 || refined === 0) return { score: ZERO, reason: '绩效指标没有细化到三级指标，不得分' };
  if (refined === total) return { score: line.points, reason: `${total} 项指标全部细化到三级` };
  const score = round(line.points.mul(refined).div(total));
  const note = empty.length ? `（${empty.join('')}没有列出指标，各按一项未细化计）` : '';
  return { score, reason: `${total} 项指标中 ${refined} 项细化到三级${note}，部分细化按比例得分` };
}

function scoreMeasurable(r: RubricInput, line: RubricLine): Scored {
  const total = r.evaluations.reduce((n, e) => n + e.indicators.length, 0);
  if (total === 0) return { score: ZERO, reason: '没有列出三级指标，无从衡量' };
  const bad = r.evaluations.flatMap((e) => unmeasurableIndicators(e).map((u) => `“${clip(u.indicator.target.text, 16) || u.indicator.name}”`));
  if (bad.length === 0) return { score: line.points, reason: `${total} 项指标的指标值均明确可衡量（以指标值有数值或无模糊表述计）` };
  const ok = total - bad.length;
  const score = round(line.points.mul(ok).div(total));
  return {
    score,
    reason: `${total} 项指标中 ${bad.length} 项的指标值无法衡量（${bad.slice(0, 6).join('')}${bad.length > 6 ? '…' : ''}），按可衡量比例 ${ok}/${total} 得分`,
  };
}

function scoreProblems(r: RubricInput, line: RubricLine): Scored {
  const a = analyseProblems(r.report, r.frameworkOf(r.report));
  if (!a.problemsSection || a.problems.items.length === 0) return { score: ZERO, reason: '报告没有反映存在的问题' };
  if (a.onlyFundShortage) return { score: ZERO, reason: `只提出资金不足问题（“${clip(a.problems.items[0]?.text ?? '')}”），不得分` };
  const areas = problemAreas(a.problemsSection.section.text);
  const found = areas.map((x) => `${x.name}（“${x.word}”）`).join('、') || '无';
  const absent = PROBLEM_AREAS.filter((x) => !areas.some((y) => y.name === x.name)).map((x) => x.name);
  const covers = `问题涉及 ${areas.length} 个方面：${found}${absent.length ? `；未涉及${absent.join('、')}` : ''}`;
  if (!a.problems.structured) return { score: dec('10'), reason: `问题未分条归纳（${covers}），按“问题未归纳且过于简单”取 10 分` };
  if (areas.length >= 4) return { score: line.points, reason: `${covers}，归纳全面` };
  if (areas.length === 3) return { score: dec('16'), reason: `${covers}，按“较全面”16—18 分取 16 分` };
  if (areas.length === 2) return { score: dec('13'), reason: `${covers}，按“不全面”13—15 分取 13 分` };
  return { score: dec('10'), reason: `${covers}，按“过于简单”10—12 分取 10 分` };
}

/** Measures shorter than this (characters, markers and spaces aside) are "过于简单". */
const SIMPLE_MEASURES = 40;

function scoreMeasures(r: RubricInput, line: RubricLine): Scored {
  const a = analyseProblems(r.report, r.frameworkOf(r.report));
  if (!a.measuresSection || a.measures.items.length === 0) return { score: ZERO, reason: '报告没有提出改进措施或建议' };
  if (a.onlyMoreFunds) return { score: ZERO, reason: `只提出加大资金投入的建议（“${clip(a.measures.items[0]?.text ?? '')}”），不得分` };
  const length = a.measures.items.reduce((n, m) => n + m.text.replace(/\s+/g, '').length, 0);
  if (length < SIMPLE_MEASURES) return { score: dec('6'), reason: `改进措施只有 ${length} 字，过于简单，按 6—8 分取 6 分` };
  const n = a.matches.length;
  const answered = a.matches.filter((m) => m.measure).length;
  const open = a.matches.filter((m) => !m.measure).map((m) => `“${clip(m.problem.headline, 20)}”`);
  const counts = `${n} 个问题中 ${answered} 个有对应措施${open.length ? `（无对应：${open.join('')}）` : ''}，措施 ${a.measures.items.length} 条`;
  if (n === 0) return { score: dec('9'), reason: `没有可对应的问题，措施 ${a.measures.items.length} 条，按“不全面”取 9 分` };
  if (answered === n && a.measures.items.length >= n) return { score: line.points, reason: `${counts}，建议与问题对应且全面` };
  if (answered * 2 >= n) return { score: dec('12'), reason: `${counts}，按“比较全面”12—14 分取 12 分` };
  if (answered > 0) return { score: dec('9'), reason: `${counts}，按“不全面”9—11 分取 9 分` };
  return { score: dec('6'), reason: `${counts}，建议与问题不对应，按“过于简单”6—8 分取 6 分` };
}

const EVIDENCE_NEEDED: Readonly<Partial<Record<RubricLineId, string>>> = {
  notice: '需绩效自评通知，报告本身不能说明',
  team: '需工作小组的成立文件，报告本身不能说明',
  'self-check': '需所属单位和转移支付项目单位的自查材料，报告本身不能说明',
  submission: '需报送日期与截止日期，报告本身不能说明',
};

const SCORERS: Readonly<Partial<Record<RubricLineId, (r: RubricInput, line: RubricLine) => Scored>>> = {
  body: scoreBody,
  attachments: scoreAttachments,
  weights: scoreWeights,
  refinement: scoreRefinement,
  measurable: scoreMeasurable,
  problems: scoreProblems,
  measures: scoreMeasures,
};

/**
 * Scores a report by the 岳阳 考核评分表, the lines the report can show. The bands of the standard that
 * leave a range to the reviewer (16—18, 13—15 …) take their lowest point; the reason says so. The
 * 三级指标 item's three judgements (可衡量 5, 核心指标 3, 全面反映 2) are approximated by the share of
 * indicators whose target is measurable.
 */
export function scoreYueyangRubric(input: RubricInput): RubricScore {
  const lines = YUEYANG_RUBRIC.map((line): RubricLineScore => {
    const scorer = SCORERS[line.id];
    if (!line.fromReport || !scorer) return { line, reason: EVIDENCE_NEEDED[line.id] ?? '需佐证材料' };
    const s = scorer(input, line);
    return { line, ...(s.score ? { score: s.score } : {}), reason: s.reason };
  });
  const scored = lines.filter((l) => l.score !== undefined);
  return {
    lines,
    assessable: scored.reduce((a, l) => a.plus(l.line.points), ZERO),
    total: scored.reduce((a, l) => a.plus(l.score ?? ZERO), ZERO),
  };
}
