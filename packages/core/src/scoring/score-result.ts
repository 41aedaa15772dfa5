import type { Decimal } from '../money/decimal';
import type { Percent } from '../money/percent';
import type { Direction } from '../model/direction';
import type { Finding } from '../model/finding';
import type { ExecutionCap, Grade, ScoringPolicies } from '../frameworks/framework';

/** How a score was arrived at. */
export type ScoreMethod =
  | 'quantitative' // 定量: by direction and the completion ratio
  | 'qualitative' // 定性: by completion level
  | 'judgement' // the framework leaves it to the evaluator: the stated score, bounded by the weight
  | 'formula' // a framework-defined indicator computed from the 基础数据表
  | 'stated'; // nothing to recompute from (no 三级 rows): the stated score is carried, with a finding

/** The computed score of one indicator row, with the reason for it. */
export interface IndicatorScore {
  /** Index of the row in `evaluation.indicators`; -1 for framework-defined leaves. */
  readonly index: number;
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly method: ScoreMethod;
  readonly direction?: Direction;
  readonly target?: Decimal;
  readonly actual?: Decimal;
  readonly unit?: string;
  readonly weight?: Decimal;
  /** The engine's score; absent for rows scored as part of a 二级 group. */
  readonly computed?: Decimal;
  /** Completion ratio in [0, 1] used for group scoring. */
  readonly ratio?: Decimal;
  readonly stated?: Decimal;
  /** One line of Chinese: "完成值 408 ≥ 指标值 400，得满分 3 分". */
  readonly reason: string;
}

/** A 二级 group: its weight, its computed score (the sum of its rows, or scored as one), its rows. */
export interface GroupScore {
  readonly level2: string;
  readonly weight?: Decimal;
  readonly computed: Decimal;
  readonly stated?: Decimal;
  readonly reason: string;
  readonly indicators: readonly IndicatorScore[];
}

export interface LevelScore {
  /** The framework's name of the 一级 node. */
  readonly level1: string;
  readonly weight: Decimal;
  readonly method: ScoreMethod | 'indicators';
  readonly computed: Decimal;
  readonly stated?: Decimal;
  readonly reason: string;
  readonly groups: readonly GroupScore[];
}

export interface ExecutionScore {
  readonly weight: Decimal;
  /** The rate scored, percent points; absent when neither amounts nor a stated rate exist. */
  readonly rate?: Percent;
  /** The rate computed from the amounts, exact. */
  readonly computedRate?: Percent;
  readonly statedRate?: Percent;
  readonly basis: 'amounts' | 'stated' | 'none';
  readonly budget?: Decimal;
  readonly executed?: Decimal;
  readonly computed?: Decimal;
  readonly stated?: Decimal;
  readonly reason: string;
}

export interface ScoreResult {
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  /** The policies in force (framework defaults with the caller's overrides). */
  readonly policies: ScoringPolicies;
  readonly execution?: ExecutionScore;
  readonly levels: readonly LevelScore[];
  /** Total before any cap. */
  readonly uncappedTotal: Decimal;
  readonly cap?: ExecutionCap;
  readonly total: Decimal;
  readonly grade: Grade;
  readonly statedTotal?: Decimal;
  readonly statedGrade?: string;
  readonly findings: readonly Finding[];
}
