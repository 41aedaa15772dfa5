import type { Decimal } from '../money/decimal';
import type { Percent } from '../money/percent';
import type { Wanyuan } from '../money/amount';
import type { Direction } from './direction';
import type { SourceRef } from './source-ref';
import type { BasicData } from './basic-data';

/** 部门整体支出 (a unit's whole expenditure) or 项目支出 (one project). */
export type EvaluationKind = 'department' | 'project';

/**
 * The line of a fund table a row stands for. The first four are the 资金来源 rows of every 自评表;
 * the next three split the 部门整体 budget by 收入性质, the last four by 支出性质.
 */
export type FundLine =
  | 'total' // 年度资金总额
  | 'currentAppropriation' // 当年财政拨款 (财政拨款)
  | 'carryOver' // 上年结转资金
  | 'other' // 其他资金
  | 'generalBudget' // 一般公共预算
  | 'governmentFund' // 政府性基金拨款
  | 'specialAccount' // 纳入专户管理的非税收入拨款
  | 'basic' // 基本支出
  | 'personnel' // 人员经费
  | 'publicExpense' // 公用经费
  | 'project'; // 项目支出

/** One row of 项目资金 / 年度预算申请. Amounts in 万元. A blank cell is absent, not zero. */
export interface FundRow {
  readonly line: FundLine;
  /** The row's label as printed, e.g. "年度资金总额（含其他资金）". */
  readonly label: string;
  /** 年初预算数 */
  readonly initialBudget?: Wanyuan;
  /** 全年预算数 (变动后预算数, 含上年结转) */
  readonly annualBudget?: Wanyuan;
  /** 全年执行数 (决算数) */
  readonly executed?: Wanyuan;
  /** 分值: set on the row whose execution rate is scored (the 年度资金总额 row in the Hunan tables). */
  readonly weight?: Decimal;
  /** 执行率 as the evaluation states it, in percent points. */
  readonly statedRate?: Percent;
  /** 得分 as the evaluation states it. */
  readonly statedScore?: Decimal;
  /** Free text in the row (e.g. 岳阳 explains differences here). Counts as 偏差原因 for the execution score. */
  readonly note?: string;
  readonly source?: SourceRef;
}

/** 年度总体目标: one pair of 预期目标 and 实际完成情况. */
export interface Goal {
  readonly planned: string;
  readonly achieved: string;
  readonly source?: SourceRef;
}

/** 定性 completion levels of 财预〔2020〕10号 (scoring-rules.md §2.6). */
export type QualLevel = 'achieved' | 'partial' | 'notAchieved';

/** A value of an indicator: the printed text and, where it is a number, its typed reading. */
export interface IndicatorValue {
  /** The text as printed or entered, e.g. "全年信息更新量不少于2.5万条". */
  readonly text: string;
  /** The number read from the text, in `unit` (2.5万条 → 25000, unit 条). */
  readonly value?: Decimal;
  readonly unit?: string;
}

/** One row of 绩效指标: 一级 / 二级 / 三级 with target, actual, 分值 and 得分. */
export interface Indicator {
  /** 一级指标, e.g. "产出指标". */
  readonly level1: string;
  /** 二级指标, e.g. "数量指标". */
  readonly level2: string;
  /** 三级指标 name. Empty when the table was not refined to three levels. */
  readonly name: string;
  /** 计算符号; when absent it is read from the target text. */
  readonly direction?: Direction;
  /** 年度指标值 */
  readonly target: IndicatorValue;
  /** 实际完成值 */
  readonly actual: IndicatorValue;
  /** For 定性 indicators: the completion level, where the evaluation states one. */
  readonly qualLevel?: QualLevel;
  /** 分值. Absent when several 三级 share one 二级 weight (scored as a group). */
  readonly weight?: Decimal;
  /** 得分 as stated or entered. */
  readonly score?: Decimal;
  /** 偏差原因分析及改进措施 */
  readonly deviationReason?: string;
  readonly source?: SourceRef;
}

/**
 * A score the evaluation states for a whole level, e.g. "（二）产出指标分析（分值 50 分，得 50 分，未扣分）"
 * or a 二级 weight printed beside its name, "预算编审管理（3）".
 */
export interface StatedLevelScore {
  readonly level1: string;
  /** Absent for a 一级 statement. */
  readonly level2?: string;
  readonly weight?: Decimal;
  readonly score?: Decimal;
  /** 扣分 as stated ("扣 0.74 分"; "未扣分" is 0). */
  readonly deduction?: Decimal;
  readonly source?: SourceRef;
}

/** The scores an evaluation states about itself, which the engine recomputes and compares. */
export interface StatedScores {
  /** 总分 / 得分 */
  readonly total?: Decimal;
  /** The grade word as printed: 优, 优秀, 良, 良好, 中, 差 … */
  readonly grade?: string;
  /** The 预算执行率 item when stated in prose ("（一）预算执行率（分值10分，得9分，扣1分）"). */
  readonly execution?: { readonly weight?: Decimal; readonly score?: Decimal; readonly deduction?: Decimal };
  readonly levels?: readonly StatedLevelScore[];
}

/** 单位 metadata and the 填表 footer. */
export interface UnitInfo {
  /** 单位名称 (for a project: the 实施单位 unless stated otherwise). */
  readonly name: string;
  /** 单位代码 */
  readonly code?: string;
  /** 主管部门 (project tables). */
  readonly supervisor?: string;
  /** 实施单位 (project tables). */
  readonly implementer?: string;
  /** 编制人数 */
  readonly staffQuota?: number;
  /** 填表人 / 联系人 */
  readonly contact?: string;
  /** 联系电话 */
  readonly phone?: string;
  /** 填报日期, ISO yyyy-mm-dd. */
  readonly filledDate?: string;
  /** 单位负责人 */
  readonly head?: string;
}

/** One section of the narrative report: its heading as printed and its text. */
export interface ReportSection {
  readonly heading: string;
  readonly text: string;
  readonly source?: SourceRef;
}

/**
 * One self-evaluation: 部门整体支出 or 项目支出 of one unit for one year. Values are as the unit states
 * them; the scoring engine computes its own and reports where they differ.
 */
export interface Evaluation {
  readonly kind: EvaluationKind;
  /** 预算年度 (the year evaluated, not the year of writing). */
  readonly year: number;
  /** The unit's name for 部门整体; the project's name (项目支出名称) for 项目支出. */
  readonly title: string;
  readonly unit: UnitInfo;
  /** The framework the evaluation is to be scored by, e.g. "hunan-standard"; a caller may override it. */
  readonly frameworkId?: string;
  readonly funds: readonly FundRow[];
  readonly goals: readonly Goal[];
  readonly indicators: readonly Indicator[];
  readonly stated: StatedScores;
  /** 部门整体支出绩效评价基础数据表 (部门整体 only). */
  readonly basicData?: BasicData;
  /** The narrative report, section by section. */
  readonly sections: readonly ReportSection[];
  readonly source?: SourceRef;
}
