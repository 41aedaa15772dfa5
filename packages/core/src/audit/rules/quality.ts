import type { AuditRule } from '../audit-rule';

/** Quality rules (sections, 附表, refinement, measurability, satisfaction, problems and measures). */
export const QUALITY_RULES: readonly AuditRule[] = [];
