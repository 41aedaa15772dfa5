import type { Wanyuan } from '../money/amount';
import type { Decimal } from '../money/decimal';
import type { Percent } from '../money/percent';
import type { SourceRef } from './source-ref';

/**
 * One line of the 经费控制情况 block: 上年决算数, 本年预算数, 本年决算数 (万元). A printed "——" or blank
 * is absent, not zero.
 */
export interface CostLine {
  /** The label as printed, e.g. "1、公务用车购置和维护经费". */
  readonly label: string;
  readonly priorActual?: Wanyuan;
  readonly budget?: Wanyuan;
  readonly actual?: Wanyuan;
  readonly source?: SourceRef;
}

/** A total with the lines it is made of (三公经费, 项目支出, 公用经费). */
export interface CostGroup {
  readonly total: CostLine;
  readonly items: readonly CostLine[];
}

/** 楼堂馆所控制情况: one building completed this year. */
export interface BuildingLine {
  readonly name?: string;
  /** 批复规模 (㎡) */
  readonly approvedArea?: Decimal;
  /** 实际规模 (㎡) */
  readonly actualArea?: Decimal;
  /** 预算投资 (万元) */
  readonly budgetInvestment?: Wanyuan;
  /** 实际投资 (万元) */
  readonly actualInvestment?: Wanyuan;
}

/**
 * 部门整体支出绩效评价基础数据表, the Hunan template (scoring-rules.md §4). Rates printed in the table
 * are kept as stated so that the auditor can recompute them.
 */
export interface BasicData {
  /** 财政供养人员情况 */
  readonly staff?: {
    /** 编制数 */
    readonly quota?: number;
    /** 实际在职人数 */
    readonly actual?: number;
    /** 控制率 as printed */
    readonly statedControlRate?: Percent;
  };
  /** 三公经费: items 公务用车购置和维护经费 (其中 公车购置, 公车运行维护), 出国经费, 公务接待, in print order. */
  readonly threePublic?: {
    readonly total: CostLine;
    /** 1、公务用车购置和维护经费 */
    readonly vehicle?: CostLine;
    /** 其中：公车购置 */
    readonly vehiclePurchase?: CostLine;
    /** 其中：公车运行维护 */
    readonly vehicleOperation?: CostLine;
    /** 2、出国经费 */
    readonly overseas?: CostLine;
    /** 3、公务接待 */
    readonly reception?: CostLine;
  };
  /** 项目支出, one item per project. */
  readonly projects?: CostGroup;
  /** 公用经费, items by kind (办公经费; 水费、电费、差旅费; 会议费、培训费; 印刷费、邮电费、劳务费等). */
  readonly publicExpense?: CostGroup;
  /** 政府采购金额 */
  readonly procurement?: CostLine;
  /** 部门基本支出预算调整 */
  readonly basicBudgetAdjustment?: CostLine;
  /** 楼堂馆所控制情况 (本年完工项目) */
  readonly buildings?: readonly BuildingLine[];
  /** 厉行节约保障措施 */
  readonly savingMeasures?: string;
  readonly source?: SourceRef;
}
