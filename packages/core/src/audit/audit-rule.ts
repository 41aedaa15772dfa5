import type { Decimal } from '../money/decimal';
import type { Evaluation } from '../model/evaluation';
import type { Finding, Severity } from '../model/finding';
import type { SourceRef } from '../model/source-ref';
import type { Framework } from '../frameworks/framework';
import type { Citation } from '../frameworks/sources';
import type { Statement } from '../extract/read-statements';
import type { ReportPart } from '../extract/extract-report';

/**
 * The auditor's catalog: each rule has a stable id, a Chinese title, a default severity, the source that
 * justifies it, and a check that returns findings plus the list of what it checked (so that a clean
 * figure is visible as checked, not just absent from the findings).
 */
export interface AuditInput {
  /** The 部门整体 evaluation first, then the 项目 ones (as the importer returns them). */
  readonly evaluations: readonly Evaluation[];
  /** Amounts and percentages stated in the report's prose, with their labels and places. */
  readonly statements: readonly Statement[];
  /** The framework each evaluation is scored by. */
  readonly frameworkOf: (evaluation: Evaluation) => Framework;
  /** What the file holds (report, tables), when it was imported; absent for an evaluation file. */
  readonly parts?: readonly ReportPart[];
}

/** One arithmetic or consistency check and how it came out. */
export interface Check {
  readonly rule: string;
  /** What was checked, with the figures: "14877.44 ÷ 15424.89 = 96.45%，报告称 92.56%". */
  readonly description: string;
  readonly outcome: 'ok' | Severity;
}

export interface RuleResult {
  readonly findings: Finding[];
  readonly checks: Check[];
}

export interface AuditRule {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly sources: readonly Citation[];
  readonly check: (input: AuditInput) => RuleResult;
}

/** Collects findings and checks for one rule, so that rules read as a list of comparisons. */
export class RuleRecorder {
  readonly findings: Finding[] = [];
  readonly checks: Check[] = [];

  constructor(private readonly rule: string) {}

  /** Records a comparison; a non-ok outcome is also a finding with the same words. */
  record(outcome: Check['outcome'], description: string, location?: SourceRef, quote?: string): void {
    this.checks.push({ rule: this.rule, description, outcome });
    if (outcome !== 'ok') {
      // Built key by key (rule, severity, message, then location and quote when given) rather than with
      // conditional spreads: every finding of every rule is made here.
      const finding: { -readonly [K in keyof Finding]: Finding[K] } = { rule: this.rule, severity: outcome, message: description };
      if (location) finding.location = location;
      if (quote) finding.quote = quote;
      this.findings.push(finding);
    }
  }

  result(): RuleResult {
    return { findings: this.findings, checks: this.checks };
  }
}

export type { Decimal };
