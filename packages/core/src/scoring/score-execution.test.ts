import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal';
import { HUNAN_STANDARD } from '../frameworks/hunan-standard';
import { DEFAULT_POLICIES } from '../frameworks/policies';
import type { ExecutionItem } from '../frameworks/framework';
import { rateAgrees, scoreExecution } from './score-execution';
import { evaluation, fundRow } from './test-builders';

const item = HUNAN_STANDARD.execution as ExecutionItem;
const run = (rows: Parameters<typeof fundRow>[0][], policies = DEFAULT_POLICIES) =>
  scoreExecution(evaluation({ funds: rows.map(fundRow) }), item, policies);

describe('预算执行率 score (linear, capped at 100%)', () => {
  it('scores 10 × 14277.44/15424.89 = 9.2561 → 9.26', () => {
    const r = run([{ annualBudget: '15424.89', executed: '14277.44', weight: '10' }]);
    expect(r.score.computed?.toString()).toBe('9.26');
    expect(r.score.basis).toBe('amounts');
    expect(r.score.reason).toBe('执行率 92.56%（14277.44 ÷ 15424.89），得分 = 10 × 92.56% = 9.26 分（保留 2 位小数）');
  });

  it('rounds to a whole point under the integer policy: 9.448 → 9', () => {
    const r = run([{ annualBudget: '32909.2', executed: '31092.65', weight: '10' }], { ...DEFAULT_POLICIES, executionScorePlaces: 0 });
    expect(r.score.computed?.toString()).toBe('9');
    expect(r.score.reason).toContain('取整');
  });

  it('gives full points above 100% and notes the budget accuracy question', () => {
    // 2575.66 / 2092.38 = 123.10%
    const r = run([{ line: 'currentAppropriation', annualBudget: '2092.38', executed: '2575.66', weight: '10' }]);
    expect(r.score.computed?.toString()).toBe('10');
    expect(r.findings.find((f) => f.rule === 'score.execution-over-100')?.message).toBe('执行率 123.10% 超过 100%，预算编制的准确性值得关注');
  });

  it('accepts a stated rate printed to fewer places (85.4% for 85.39…%)', () => {
    expect(rateAgrees(dec('85.4'), dec('702.8').div('823').mul(100))).toBe(true);
    expect(rateAgrees(dec('100'), dec('394').div('400.03').mul(100))).toBe(false);
    // 99.52% printed as a whole percent is 100: rounding, not a contradiction.
    expect(rateAgrees(dec('100'), dec('256.97').div('258.2').mul(100))).toBe(true);
  });

  it('scores the stated rate when amounts are missing', () => {
    const r = run([{ statedRate: '94.48', weight: '10' }]);
    expect(r.score.basis).toBe('stated');
    expect(r.score.computed?.toString()).toBe('9.45');
  });

  it('reports a zero budget and missing data as findings, not exceptions', () => {
    expect(run([{ annualBudget: '0', executed: '0', weight: '10' }]).findings.map((f) => f.rule)).toContain('score.execution-zero-budget');
    const none = run([]);
    expect(none.score.basis).toBe('none');
    expect(none.findings.map((f) => f.rule)).toEqual(['score.execution-missing']);
  });

  it('takes the note on the row as the explanation of a deduction', () => {
    const bare = run([{ annualBudget: '124', executed: '122.18', weight: '10' }]);
    expect(bare.findings.map((f) => f.rule)).toContain('score.deduction-without-reason');
    const noted = run([{ annualBudget: '124', executed: '122.18', weight: '10', note: '业务科室报账不及时' }]);
    expect(noted.findings.map((f) => f.rule)).not.toContain('score.deduction-without-reason');
  });

  it('stays within [0, W] and never falls as execution rises', () => {
    const cents = fc.integer({ min: 0, max: 2_000_000_000 });
    fc.assert(
      fc.property(cents, cents, fc.integer({ min: 1, max: 2_000_000_000 }), (a, b, budget) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const score = (x: number) =>
          run([{ annualBudget: dec(String(budget)).div(100).toString(), executed: dec(String(x)).div(100).toString(), weight: '10' }]).score.computed ?? dec('-1');
        const sLo = score(lo);
        const sHi = score(hi);
        return sLo.gte(0) && sHi.lte(10) && sLo.lte(sHi);
      }),
      { numRuns: 200 },
    );
  });
});
