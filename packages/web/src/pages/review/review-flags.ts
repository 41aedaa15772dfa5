import { dec } from '@jixiao/core';
import type { EvaluationFigures } from '../../api/types';

/** A self-score this high (out of 100)… */
export const HIGH_SCORE = '90';
/** …beside an execution rate this low (percent points) is the first thing a reviewer should question. */
export const LOW_EXECUTION = '80';

/** Whether the unit scored itself ≥ 90 while spending < 80 % of its budget (exact decimals, no floats). */
export function scoreAboveExecution(figures: Pick<EvaluationFigures, 'statedScore' | 'executionRate'>): boolean {
  const { statedScore, executionRate } = figures;
  if (!statedScore || !executionRate) return false;
  return dec(statedScore).gte(dec(HIGH_SCORE)) && dec(executionRate).lt(dec(LOW_EXECUTION));
}

/** The 岳阳 自评工作考核评分表, scored by the auditor from the report itself. */
export const RUBRIC_RULE = 'audit.quality.yueyang-rubric';
