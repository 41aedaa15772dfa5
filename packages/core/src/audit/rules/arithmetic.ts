import type { AuditRule } from '../audit-rule';

/** Arithmetic rules: parts against totals, rates against amounts, year-on-year changes, shares. */
export const ARITHMETIC_RULES: readonly AuditRule[] = [];
