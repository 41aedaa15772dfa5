/**
 * @module @jixiao/core — the pure domain of Jixiao: exact money, the evaluation model, indicator
 * frameworks as data, and the scoring engine. No I/O, no node, no DOM: everything here is a function
 * of its arguments.
 */
export { Decimal, dec, ZERO, ONE, HUNDRED } from './money/decimal';
export type { DecimalSource } from './money/decimal';
export { roundHalfAwayFromZero, roundHalfEven, truncate, roundUp } from './money/rounding';
export { normalizeNumericText, normalizeNumericChars } from './money/normalize-digits';
export { parseAmount, formatAmount, yuanToWanyuan, wanyuanToYuan } from './money/amount';
export type { Wanyuan, AmountUnit, ParsedAmount, ParseAmountResult, FormatAmountOptions } from './money/amount';
export { parsePercent, ratePercent, formatPercent, percentToRatio, ratioToPercent } from './money/percent';
export type { Percent, ParsedPercent } from './money/percent';

export type { SourceRef } from './model/source-ref';
export type { Finding, Severity } from './model/finding';
export { DIRECTIONS, DIRECTION_SYMBOL, isPositive, isReverse } from './model/direction';
export type { Direction } from './model/direction';
export type {
  Evaluation,
  EvaluationKind,
  FundLine,
  FundRow,
  Goal,
  Indicator,
  IndicatorValue,
  QualLevel,
  StatedLevelScore,
  StatedScores,
  UnitInfo,
  ReportSection,
} from './model/evaluation';
export type { BasicData, CostLine, CostGroup, BuildingLine } from './model/basic-data';

export type {
  Framework,
  Level1Node,
  Level2Node,
  LeafNode,
  LeafRule,
  NodeRule,
  ExecutionItem,
  ExecutionRule,
  ExecutionCap,
  GradeBand,
  Grade,
  OutlineSection,
  RequiredAttachment,
  ScoringPolicies,
} from './frameworks/framework';
export { SOURCES, cite } from './frameworks/sources';
export type { Citation, EvidenceLevel, SourceId } from './frameworks/sources';
export { DEFAULT_POLICIES, A1_EXECUTION_CAPS, POLICY_SOURCES, STANDARD_GRADES, GRADE_SOURCES } from './frameworks/policies';
export { HUNAN_OUTLINE, HUNAN_ATTACHMENTS, LIUYANG_OUTLINE, LIUYANG_ATTACHMENTS } from './frameworks/outlines';
export { HUNAN_STANDARD } from './frameworks/hunan-standard';
export { LIUYANG_DEPARTMENT } from './frameworks/liuyang-department';
export { MOF_2013_DEPARTMENT } from './frameworks/mof-2013-department';
export { FRAMEWORKS, DEFAULT_FRAMEWORK_ID, findFramework } from './frameworks/registry';
export { inferFrameworkId } from './frameworks/infer-framework';
export { COMMON_INDICATORS, computeCommonIndicator, computeCommonIndicators } from './frameworks/common-indicators';
export type { CommonIndicatorId, CommonIndicatorDefinition, CommonIndicatorValue } from './frameworks/common-indicators';

export { readIndicatorText } from './scoring/read-indicator-text';
export type { IndicatorTextReading } from './scoring/read-indicator-text';
export { readIndicator, completionRatio, scoreIndicator } from './scoring/score-indicator';
export type { IndicatorReading, ScoredRow } from './scoring/score-indicator';
export { scoreExecution, scoredFundRow, rateAgrees } from './scoring/score-execution';
export { gradeOf, readGrade } from './scoring/grade';
export { levelKey, sameLevel, matchesNode } from './scoring/level-names';
export { scoreEvaluation } from './scoring/score-evaluation';
export type { ScoreResult, LevelScore, GroupScore, IndicatorScore, ExecutionScore, ScoreMethod } from './scoring/score-result';
export { JixiaoError, invariant } from './errors';
export type { ErrorCode } from './errors';

export type {
  DocumentModel,
  DocumentBlock,
  DocumentFormat,
  HeadingBlock,
  ParagraphBlock,
  TableBlock,
  TableCell,
  NumberingStyle,
} from './document/document-model';

export { extractReport } from './extract/extract-report';
export type { ExtractedReport, ReportKind, ReportPart, Statement } from './extract/extract-report';
export { readReportDate } from './extract/read-report-date';
export { classifyTable } from './extract/extract-self-evaluation-table';
export { FUND_LINE_LABEL, fundLineOf } from './extract/fund-lines';

export { auditReport, AUDIT_RULES } from './audit/audit-report';
export type { AuditResult } from './audit/audit-report';
export { RuleRecorder } from './audit/audit-rule';
export type { AuditInput, AuditRule, Check, RuleResult } from './audit/audit-rule';
export { agreement } from './audit/tolerance';
export type { Agreement } from './audit/tolerance';
export { YUEYANG_RUBRIC, scoreYueyangRubric } from './audit/rules/yueyang-rubric';
export type { RubricInput, RubricLine, RubricLineId, RubricLineScore, RubricScore } from './audit/rules/yueyang-rubric';
export { emptyFileFinding, tooLargeFinding, formatSize } from './document/file-findings';
