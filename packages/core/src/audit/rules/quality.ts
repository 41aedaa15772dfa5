import type { AuditRule } from '../audit-rule';
import { INDICATOR_RULES } from './quality-indicators';
import { PROBLEM_RULES } from './quality-problems';
import { RUBRIC_RULES } from './quality-rubric';
import { SECTION_RULES } from './quality-sections';

/** Quality rules (sections, 附表, refinement, measurability, satisfaction, problems and measures, 岳阳 考核评分). */
export const QUALITY_RULES: readonly AuditRule[] = [...SECTION_RULES, ...INDICATOR_RULES, ...PROBLEM_RULES, ...RUBRIC_RULES];
