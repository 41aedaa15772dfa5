import type { Decimal } from '../money/decimal';
import type { EvaluationKind } from '../model/evaluation';
import type { Citation } from './sources';
import type { CommonIndicatorId } from './common-indicators';

/**
 * A scoring framework is data: a versioned indicator tree with weights, the rule that scores each node,
 * the report outline, the required 附表, and the policies where jurisdictions differ. Each rule carries
 * its sources (see sources.ts and docs/scoring.md).
 */
export interface Framework {
  /** Stable id used in files and on the command line, e.g. "hunan-standard". */
  readonly id: string;
  /** Bumped whenever a weight, rule or policy changes, so that stored scores name what produced them. */
  readonly version: string;
  /** Chinese name shown to users. */
  readonly name: string;
  /** Where it applies, e.g. "湖南省级、岳阳市". */
  readonly jurisdiction: string;
  readonly kinds: readonly EvaluationKind[];
  readonly description: string;
  readonly sources: readonly Citation[];
  /** The 预算执行率 item; absent where execution is scored as ordinary indicators (浏阳). */
  readonly execution?: ExecutionItem;
  /** 一级 nodes in print order. */
  readonly tree: readonly Level1Node[];
  readonly policies: ScoringPolicies;
  readonly grades: readonly GradeBand[];
  /** Section headings of the report, with keywords to find them whatever their numbering. */
  readonly outline: readonly OutlineSection[];
  readonly attachments: readonly RequiredAttachment[];
}

export interface ExecutionItem {
  readonly weight: Decimal;
  readonly rule: ExecutionRule;
  readonly sources: readonly Citation[];
}

/** linear: score = W × min(rate, 100%), the only rule with a national text behind it (scoring-rules.md §2.4). */
export type ExecutionRule = { readonly kind: 'linear' };

export interface Level1Node {
  readonly name: string;
  /** Other names the level is printed under (normalised before comparing). */
  readonly aliases?: readonly string[];
  readonly weight: Decimal;
  /** How rows under this node are scored (default: by their indicators' rules). */
  readonly rule?: NodeRule;
  readonly children: readonly Level2Node[];
  readonly sources?: readonly Citation[];
}

export interface Level2Node {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Fixed weight, where the framework sets one (浏阳); absent where the unit chooses (Hunan). */
  readonly weight?: Decimal;
  readonly rule?: NodeRule;
  /** 三级 defined by the framework itself (53号), each computed from the 基础数据表. */
  readonly leaves?: readonly LeafNode[];
  readonly sources?: readonly Citation[];
}

/** A 三级 indicator the framework defines, with its formula and scoring standard. */
export interface LeafNode {
  readonly name: string;
  readonly weight: Decimal;
  /** A formula over the 基础数据表 and fund rows; absent for judgement items (checklists). */
  readonly formula?: CommonIndicatorId;
  readonly rule: LeafRule;
  readonly sources: readonly Citation[];
}

/**
 * How a node's rows are scored.
 * - indicators: each row by its direction (定量) or completion level (定性), scoring-rules.md §2.5–2.6;
 * - judgement: the stated score stands (bounded by the weight), because the standard needs evidence the
 *   table does not hold (checklists, 佐证材料), as in 浏阳's 投入管理.
 */
export type NodeRule = { readonly kind: 'indicators' } | { readonly kind: 'judgement'; readonly why: string };

/** Scoring standards for framework-defined leaves (scoring-rules.md §3.2). Values are percent points. */
export type LeafRule =
  | { readonly kind: 'linearCapped' }
  | { readonly kind: 'thresholdPerPoint'; readonly direction: 'max' | 'min'; readonly threshold: Decimal; readonly perPoint: Decimal }
  | { readonly kind: 'judgement'; readonly why: string };

/** A grade and the lowest total (inclusive) that earns it. */
export interface GradeBand {
  readonly grade: Grade;
  readonly min: Decimal;
  /** Words reports print for it ("优秀" for 优). */
  readonly synonyms: readonly string[];
}

export type Grade = '优' | '良' | '中' | '差';

export interface OutlineSection {
  /** Stable id, e.g. "basic-info". */
  readonly id: string;
  /** The canonical heading, e.g. "一、基本情况". */
  readonly heading: string;
  /** Any of these in a heading marks the section (keyword-based, not numbering-based: §6.1). */
  readonly keywords: readonly string[];
  readonly required: boolean;
}

export interface RequiredAttachment {
  readonly id: 'basic-data' | 'department-table' | 'project-tables';
  readonly title: string;
  readonly required: boolean;
}

/** An execution-rate cap on the total: a rate below `below` (percent points) limits the total to `maxTotal`. */
export interface ExecutionCap {
  readonly below: Decimal;
  readonly maxTotal: Decimal;
}

/**
 * The choices where practice differs. Defaults live on each framework; callers may override them
 * (`jixiao score --policy name=value`). docs/scoring.md gives the source of each.
 */
export interface ScoringPolicies {
  /** Decimal places of the 预算执行率 score: 2 (seed 000: 9.26) or 0 (seed 001: 9). */
  readonly executionScorePlaces: number;
  /** Which figure scores execution when a stated rate contradicts the amounts. */
  readonly executionRateConflict: 'stated' | 'amounts';
  /** Caps on the total by execution rate (一体化 manual); empty when off. Tightest applicable cap wins. */
  readonly executionCaps: readonly ExecutionCap[];
  /** Completion ratio (A/T) at or above which an indicator is flagged 超额完成 (vendor 1.2; Guangxi 1.3). */
  readonly overAchievementRatio: Decimal;
  /** A deduction for targets exceeded by far (一体化 manual: ≥30% → −2 points); null when off. */
  readonly overAchievementDeduction: { readonly ratio: Decimal; readonly points: Decimal } | null;
  /** 反向 (≤ ＜) indicators missing their target: linear decay to 0 at 2T (vendor) or T/A (template). */
  readonly reverseFormula: 'linearDecay' | 'ratio';
  /** ＝ indicators: scored like ≥ (vendor) or penalised both ways (W·max(0, 1−|A−T|/T)). */
  readonly equalMode: 'asAtLeast' | 'twoSided';
  /** ≥ indicators with target 0: any A ≥ 0 earns full points (recommended) or only A ≤ 0 (vendor code). */
  readonly zeroTargetPositive: 'nonNegativeFull' | 'vendor';
  /** Decimal places of indicator scores; leaves are rounded before they are summed (§2.7). */
  readonly indicatorScorePlaces: number;
}
