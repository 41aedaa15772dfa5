import type { Finding } from '../model/finding';
import type { AuditInput, AuditRule, Check } from './audit-rule';
import { ARITHMETIC_RULES } from './rules/arithmetic';
import { SCORING_RULES } from './rules/scoring';
import { QUALITY_RULES } from './rules/quality';

/** The whole catalog, in the order findings are listed. */
export const AUDIT_RULES: readonly AuditRule[] = [...ARITHMETIC_RULES, ...SCORING_RULES, ...QUALITY_RULES];

export interface AuditResult {
  readonly findings: readonly Finding[];
  /** Every comparison made, including the ones that checked out. */
  readonly checks: readonly Check[];
}

/** Runs every rule of the catalog over one report. Pure; bad data gives findings, never exceptions. */
export function auditReport(input: AuditInput, rules: readonly AuditRule[] = AUDIT_RULES): AuditResult {
  const findings: Finding[] = [];
  const checks: Check[] = [];
  for (const rule of rules) {
    const r = rule.check(input);
    findings.push(...r.findings);
    checks.push(...r.checks);
  }
  const order = { error: 0, warning: 1, info: 2 } as const;
  return { findings: findings.sort((a, b) => order[a.severity] - order[b.severity]), checks };
}
