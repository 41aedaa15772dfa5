import type { SourceRef } from './source-ref';

/** How much a finding matters: an error must be fixed before submission; info explains (e.g. rounding). */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem in a user's data, as a value. Users' data never raises exceptions: parsers, the scoring
 * engine and the auditor return findings, each with a stable rule id and the place it concerns.
 */
export interface Finding {
  /** Stable id of the rule that produced it, e.g. "score.execution-rate-conflict". */
  readonly rule: string;
  readonly severity: Severity;
  /** One Chinese sentence that shows the figures, e.g. "394 ÷ 400.03 = 98.49%，表列 100%". */
  readonly message: string;
  readonly location?: SourceRef;
  /** The printed text the finding quotes, where there is one. */
  readonly quote?: string;
}
