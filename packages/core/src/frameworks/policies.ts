import { dec } from '../money/decimal';
import type { ExecutionCap, GradeBand, ScoringPolicies } from './framework';
import { cite } from './sources';
import type { Citation } from './sources';

/** The defaults every shipped framework starts from; each framework may override some. */
export const DEFAULT_POLICIES: ScoringPolicies = {
  executionScorePlaces: 2,
  executionRateConflict: 'stated',
  executionCaps: [],
  overAchievementRatio: dec('1.2'),
  overAchievementDeduction: null,
  reverseFormula: 'linearDecay',
  equalMode: 'asAtLeast',
  zeroTargetPositive: 'nonNegativeFull',
  indicatorScorePlaces: 2,
};

/** The 一体化 manual's caps: 70–80% → ≤89, 60–70% → ≤79, below 60% → ≤69, below 50% → ≤59. */
export const A1_EXECUTION_CAPS: readonly ExecutionCap[] = [
  { below: dec('80'), maxTotal: dec('89') },
  { below: dec('70'), maxTotal: dec('79') },
  { below: dec('60'), maxTotal: dec('69') },
  { below: dec('50'), maxTotal: dec('59') },
];

/** Why each policy default is what it is: shown by `jixiao frameworks --verbose` and in docs/scoring.md. */
export const POLICY_SOURCES: Readonly<Record<keyof ScoringPolicies, readonly Citation[]>> = {
  executionScorePlaces: [
    cite('SEED-000', 'S', '92.56% → 9.26（保留两位）'),
    cite('SEED-001', 'S', '94.48% → 9（取整）；无公开文件说明'),
  ],
  executionRateConflict: [
    cite('JIXIAO', 'I', '报告所称执行率与金额矛盾时无法判断哪一个是笔误：按所称执行率计分以复现报告，同时报错并给出按金额计算的得分'),
  ],
  executionCaps: [cite('S-A1M', 'C', '执行率70–80%总分不超过89分，60–70%不超过79分，低于60%不超过69分，低于50%不超过59分')],
  overAchievementRatio: [
    cite('S-PMKPI', 'C', 'scorepercentage 默认 1.2'),
    cite('S-MOF10', 'B', '对完成值高于指标值较多的，要分析原因'),
  ],
  overAchievementDeduction: [cite('S-A1M', 'C', '完成值超过指标值 30% 及以上视为偏离，扣 2 分')],
  reverseFormula: [cite('S-PMKPI', 'C', 'round((1 − (A − T)/T) × W, 2)，A ≥ 2T 得 0'), cite('S-DOCZJ', 'C', '另一写法 W × T/A')],
  equalMode: [cite('S-PMKPI', 'C', '＝ 按 ≥ 计分'), cite('JIXIAO', 'I', '双向偏离模式供准确性类指标选用')],
  zeroTargetPositive: [
    cite('S-PMKPI', 'C', '正向指标值为 0 时 A ≤ 0 得满分'),
    cite('JIXIAO', 'I', '“≥0%”类指标 A ≥ 0 即达成，厂商规则与常理相悖'),
  ],
  indicatorScorePlaces: [cite('S-PMKPI', 'C', 'round(…, 2)'), cite('S-VAL', 'C')],
};

/** 优 90–100, 良 80–89, 中 60–79, 差 below 60; lower bounds inclusive (财预〔2020〕10号 "（含）"). */
export const STANDARD_GRADES: readonly GradeBand[] = [
  { grade: '优', min: dec('90'), synonyms: ['优', '优秀'] },
  { grade: '良', min: dec('80'), synonyms: ['良', '良好'] },
  { grade: '中', min: dec('60'), synonyms: ['中', '中等', '合格', '一般'] },
  { grade: '差', min: dec('0'), synonyms: ['差', '较差', '不合格'] },
];

export const GRADE_SOURCES: readonly Citation[] = [
  cite('S-DZ', ['A', 'C'], '优(90-100分)、良(80-89分)、中(60-79分)、差(0-59分)'),
  cite('S-MOF10', 'B', '90（含）-100分为优、80（含）-90分为良、60（含）-80分为中、60分以下为差'),
];
