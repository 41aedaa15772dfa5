import { dec } from '@jixiao/core';

/**
 * Flags a supervisor's dashboard raises on one evaluation's figures. Each is a reason to open the report, not a
 * verdict; the thresholds and their reasons are in docs/api-dashboard.md.
 */
export type Flag = 'score-above-execution' | 'executed-above-budget' | 'score-differs' | 'has-errors';

export const FLAG_LABEL: Readonly<Record<Flag, string>> = {
  'score-above-execution': '自评得分为优，但预算执行率低于 80%',
  'executed-above-budget': '执行数超过预算数',
  'score-differs': '自评得分与系统复算得分相差 5 分及以上',
  'has-errors': '审查发现错误',
};

/**
 * 90 is where 优 begins (财预〔2020〕10号 grade bands), and below 80% execution the 一体化 manual caps the total at
 * 89 (A1_EXECUTION_CAPS): a self-score of 优 with execution under 80% is exactly what that cap forbids.
 */
export const EXCELLENT_SCORE = dec('90');
export const LOW_EXECUTION_RATE = dec('80');
/** Half of a 10-point grade band: smaller gaps come from rounding and judgement items, larger ones change grades. */
export const SCORE_GAP = dec('5');

export interface FlagInput {
  readonly budget: string | null;
  readonly executed: string | null;
  readonly executionRate: string | null;
  readonly statedScore: string | null;
  readonly computedScore: string | null;
  readonly errorCount: number;
}

export function flagsOf(f: FlagInput): Flag[] {
  const flags: Flag[] = [];
  if (f.statedScore !== null && f.executionRate !== null && dec(f.statedScore).gte(EXCELLENT_SCORE) && dec(f.executionRate).lt(LOW_EXECUTION_RATE)) flags.push('score-above-execution');
  if (f.budget !== null && f.executed !== null && dec(f.executed).gt(dec(f.budget))) flags.push('executed-above-budget');
  if (f.statedScore !== null && f.computedScore !== null && dec(f.statedScore).minus(dec(f.computedScore)).abs().gte(SCORE_GAP)) flags.push('score-differs');
  if (f.errorCount > 0) flags.push('has-errors');
  return flags;
}
