import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal';
import { DEFAULT_POLICIES } from '../frameworks/policies';
import type { ScoringPolicies } from '../frameworks/framework';
import { completionRatio, readIndicator, scoreIndicator } from './score-indicator';
import { indicator } from './test-builders';

const score = (i: Parameters<typeof indicator>[0], policies: ScoringPolicies = DEFAULT_POLICIES) =>
  scoreIndicator(indicator(i), 0, policies, 'indicators[0]');

describe('quantitative indicators (scoring-rules.md §2.5)', () => {
  it('gives full points when a ≥ target is met, with the reason', () => {
    const r = score({ target: '≥400期', actual: '408期', weight: '3' });
    expect(r.score.method).toBe('quantitative');
    expect(r.score.computed?.toString()).toBe('3');
    expect(r.score.reason).toBe('完成值 408 ≥ 指标值 400（期），得满分 3 分');
    expect(r.findings).toEqual([]);
  });

  it('scores an unmet ≥ target by the completion ratio: 10 × 80/100 = 8', () => {
    const r = score({ target: '≥100个', actual: '80个', weight: '10', score: '10' });
    expect(r.score.computed?.toString()).toBe('8');
    expect(r.score.reason).toBe('完成值 80 < 指标值 100，按完成比例 80 ÷ 100，得分 = 10 × 80.00% = 8 分');
    const rules = r.findings.map((f) => f.rule);
    // Stated 10 for an unmet target, and no 偏差原因 for the deduction.
    expect(rules).toEqual(['score.deduction-without-reason', 'score.stated-differs']);
  });

  it('rounds 四舍五入 to two places: 3 × 2/3 = 2 and 7 × 1/3 = 2.333… → 2.33', () => {
    expect(score({ target: '≥3次', actual: '2次', weight: '3' }).score.computed?.toString()).toBe('2');
    expect(score({ target: '≥3次', actual: '1次', weight: '7' }).score.computed?.toString()).toBe('2.33');
    // 5 × 0.999 = 4.995 → 5.00 (half away from zero), not 4.99.
    expect(score({ target: '≥1000件', actual: '999件', weight: '5' }).score.computed?.toString()).toBe('5');
  });

  it('scores ≤ targets by linear decay to zero at twice the target (vendor rule)', () => {
    // A = 120, T = 100: 10 × (1 − 20/100) = 8.
    expect(score({ target: '≤100%', actual: '120%', weight: '10' }).score.computed?.toString()).toBe('8');
    expect(score({ target: '≤100%', actual: '200%', weight: '10' }).score.computed?.toString()).toBe('0');
    expect(score({ target: '≤100%', actual: '98.88%', weight: '5' }).score.computed?.toString()).toBe('5');
  });

  it('scores ≤ targets by T/A under the template rule: 10 × 100/120 = 8.33', () => {
    const r = score({ target: '≤100%', actual: '120%', weight: '10' }, { ...DEFAULT_POLICIES, reverseFormula: 'ratio' });
    expect(r.score.computed?.toString()).toBe('8.33');
  });

  it('treats ＝ like ≥ by default, and penalises both ways in two-sided mode', () => {
    expect(score({ target: '100%', actual: '123%', weight: '3' }).score.computed?.toString()).toBe('3');
    // 3 × (1 − 23/100) = 2.31
    const two = score({ target: '100%', actual: '123%', weight: '3' }, { ...DEFAULT_POLICIES, equalMode: 'twoSided' });
    expect(two.score.computed?.toString()).toBe('2.31');
  });

  it('gives full points to "≥0%" when A ≥ 0 (recommended), and none under the vendor rule', () => {
    expect(score({ target: '≥0%', actual: '5%', weight: '4' }).score.computed?.toString()).toBe('4');
    const vendor = score({ target: '≥0%', actual: '5%', weight: '4' }, { ...DEFAULT_POLICIES, zeroTargetPositive: 'vendor' });
    expect(vendor.score.computed?.toString()).toBe('0');
    // "安全事故 =0 起": any accident loses the points.
    expect(score({ target: '=0起', actual: '1起', weight: '5' }).score.computed?.toString()).toBe('0');
  });

  it('flags over-achievement at 120% and asks for a reason; only informs when one is given', () => {
    const flagged = score({ target: '≥70篇', actual: '104篇', weight: '3' });
    const f = flagged.findings.find((x) => x.rule === 'score.over-achieved');
    expect(f?.severity).toBe('warning');
    // 104 / 70 = 1.485714… → 148.57%
    expect(f?.message).toContain('148.57%');
    const explained = score({ target: '≥70篇', actual: '104篇', weight: '3', deviationReason: '年初指标值按往年平均设定，本年课题增加' });
    expect(explained.findings.find((x) => x.rule === 'score.over-achieved')?.severity).toBe('info');
  });

  it('deducts 2 points at ≥130% when the 一体化 deviation policy is on', () => {
    const policies = { ...DEFAULT_POLICIES, overAchievementDeduction: { ratio: dec('1.3'), points: dec('2') } };
    expect(score({ target: '≥4次', actual: '7次', weight: '10' }, policies).score.computed?.toString()).toBe('8');
    expect(score({ target: '≥4次', actual: '5次', weight: '10' }, policies).score.computed?.toString()).toBe('10');
  });

  it('refuses to compare different units and scores the row as 定性', () => {
    const r = score({ target: '全年完成4个重点课题调研', actual: '全年共开展省市重点课题调研4项', weight: '8', score: '8' });
    expect(r.score.method).toBe('qualitative');
    expect(r.findings.map((f) => f.rule)).toContain('score.not-quantifiable');
  });

  it('reads 万 as a multiplier on both sides', () => {
    const reading = readIndicator(indicator({ target: '全年信息更新量不少于2.5万条', actual: '全年信息更新量超2.7万条' }));
    expect(reading).toMatchObject({ direction: 'GE', unit: '条' });
    expect(reading.target?.toString()).toBe('25000');
    expect(reading.actual?.toString()).toBe('27000');
  });

  it('flags a stated score above the weight', () => {
    const r = score({ target: '≥1次', actual: '1次', weight: '3', score: '4' });
    expect(r.findings.map((f) => f.rule)).toContain('score.exceeds-weight');
  });
});

describe('qualitative indicators (scoring-rules.md §2.6)', () => {
  it('gives full points when the actual text shows the target reached', () => {
    const r = score({ target: '按规定时限办结', actual: '按规定时限完成', weight: '5', score: '5' });
    expect(r.score.method).toBe('qualitative');
    expect(r.score.computed?.toString()).toBe('5');
    expect(r.score.reason).toBe('定性指标，完成值“按规定时限完成”表明已达成，得满分 5 分');
  });

  it('warns about full points when the actual text says the target was not reached', () => {
    const r = score({ target: '年底前建成', actual: '尚未完工，延期至次年', weight: '10', score: '10' });
    expect(r.findings.find((f) => f.rule === 'score.full-points-unmet')?.message).toBe(
      '“测试指标”完成值“尚未完工，延期至次年”表明未完全达成，却得满分 10 分',
    );
  });

  it('checks a stated level against its band: 部分达成 is [60%, 80%) of the weight', () => {
    const ok = score({ target: '建成', actual: '部分建成', weight: '10', score: '7', qualLevel: 'partial', deviationReason: '工期延误' });
    expect(ok.score.computed?.toString()).toBe('7');
    expect(ok.findings).toEqual([]);
    const out = score({ target: '建成', actual: '部分建成', weight: '10', score: '8', qualLevel: 'partial', deviationReason: '工期延误' });
    // 8 is the top band's floor: 0.8 × 10 belongs to 达成, so 部分达成 must be below it.
    expect(out.findings.map((f) => f.rule)).toEqual(['score.qualitative-band']);
    expect(out.score.computed?.toString()).toBe('6');
  });
});

describe('completionRatio properties', () => {
  const amount = fc.integer({ min: 0, max: 10_000_000 }).map((n) => dec(String(n)).div(100));
  const positive = fc.integer({ min: 1, max: 10_000_000 }).map((n) => dec(String(n)).div(100));
  const directions = fc.constantFrom('GE', 'GT', 'EQ', 'LE', 'LT') as fc.Arbitrary<'GE' | 'GT' | 'EQ' | 'LE' | 'LT'>;

  it('is always within [0, 1]', () => {
    fc.assert(
      fc.property(directions, amount, positive, (d, a, t) => {
        const { ratio } = completionRatio(d, a, t, DEFAULT_POLICIES);
        return ratio.gte(0) && ratio.lte(1);
      }),
    );
  });

  it('never falls as the actual rises for ≥, and never rises for ≤', () => {
    fc.assert(
      fc.property(amount, amount, positive, (a, b, t) => {
        const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
        const ge = completionRatio('GE', lo, t, DEFAULT_POLICIES).ratio.lte(completionRatio('GE', hi, t, DEFAULT_POLICIES).ratio);
        const le = completionRatio('LE', lo, t, DEFAULT_POLICIES).ratio.gte(completionRatio('LE', hi, t, DEFAULT_POLICIES).ratio);
        return ge && le;
      }),
    );
  });

  it('gives exactly 1 when the target is met', () => {
    fc.assert(
      fc.property(positive, amount, (t, delta) => {
        const above = t.plus(delta);
        const below = t.minus(delta).lt(0) ? dec('0') : t.minus(delta);
        return (
          completionRatio('GE', above, t, DEFAULT_POLICIES).ratio.eq(1) &&
          completionRatio('LE', below, t, DEFAULT_POLICIES).ratio.eq(1)
        );
      }),
    );
  });
});
