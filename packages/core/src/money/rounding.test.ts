import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dec, type Decimal } from './decimal';
import { fixedHalfAwayFromZero, roundHalfAwayFromZero, roundHalfEven, roundUp, truncate } from './rounding';

/** n × 10^-k as a plain decimal string built from the bigint. */
function scaled(n: bigint, k: number): string {
  const sign = n < 0n ? '-' : '';
  const digits = (n < 0n ? -n : n).toString().padStart(k + 1, '0');
  if (k === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -k)}.${digits.slice(-k)}`;
}

const s = (d: Decimal): string => d.toString();

describe('hand-picked cases that tell the four roundings apart', () => {
  it('2.665 at 2 places: half-away 2.67, half-even 2.66, truncate 2.66, up 2.67', () => {
    const x = dec('2.665');
    expect(s(roundHalfAwayFromZero(x, 2))).toBe('2.67');
    expect(s(roundHalfEven(x, 2))).toBe('2.66'); // 6 is even: stays
    expect(s(truncate(x, 2))).toBe('2.66');
    expect(s(roundUp(x, 2))).toBe('2.67');
  });

  it('2.675 at 2 places: half-away 2.68, half-even 2.68, truncate 2.67, up 2.68', () => {
    const x = dec('2.675');
    expect(s(roundHalfAwayFromZero(x, 2))).toBe('2.68');
    expect(s(roundHalfEven(x, 2))).toBe('2.68'); // 7 is odd: goes to 8
    expect(s(truncate(x, 2))).toBe('2.67');
    expect(s(roundUp(x, 2))).toBe('2.68');
  });

  it('-2.675 at 2 places: half-away -2.68, truncate -2.67 (toward zero), up -2.68 (away from zero)', () => {
    const x = dec('-2.675');
    expect(s(roundHalfAwayFromZero(x, 2))).toBe('-2.68');
    expect(s(roundHalfEven(x, 2))).toBe('-2.68');
    expect(s(truncate(x, 2))).toBe('-2.67');
    expect(s(roundUp(x, 2))).toBe('-2.68');
  });

  it('-2.665 at 2 places: half-away -2.67, half-even -2.66', () => {
    const x = dec('-2.665');
    expect(s(roundHalfAwayFromZero(x, 2))).toBe('-2.67');
    expect(s(roundHalfEven(x, 2))).toBe('-2.66');
  });

  it('9.2561 at 2 places → 9.26 (0.0061 > 0.005), truncate 9.25', () => {
    const x = dec('9.2561');
    expect(s(roundHalfAwayFromZero(x, 2))).toBe('9.26');
    expect(s(roundHalfEven(x, 2))).toBe('9.26');
    expect(s(truncate(x, 2))).toBe('9.25');
    expect(s(roundUp(x, 2))).toBe('9.26');
  });

  it('9.448 at 0 places → 9 (rounded once, not 9.448 → 9.45 → 9.5 → 10); up → 10', () => {
    const x = dec('9.448');
    expect(s(roundHalfAwayFromZero(x, 0))).toBe('9');
    expect(s(roundHalfEven(x, 0))).toBe('9');
    expect(s(truncate(x, 0))).toBe('9');
    expect(s(roundUp(x, 0))).toBe('10');
  });

  it('9.449 at 2 places: truncate 9.44, half-away 9.45', () => {
    expect(s(truncate(dec('9.449'), 2))).toBe('9.44');
    expect(s(roundHalfAwayFromZero(dec('9.449'), 2))).toBe('9.45');
  });

  it('9.5 at 0 places → 10 half-away and 10 half-even (9 is odd)', () => {
    expect(s(roundHalfAwayFromZero(dec('9.5'), 0))).toBe('10');
    expect(s(roundHalfEven(dec('9.5'), 0))).toBe('10');
    expect(s(truncate(dec('9.5'), 0))).toBe('9');
  });

  it('8.5 at 0 places → 9 half-away, 8 half-even (8 is even)', () => {
    expect(s(roundHalfAwayFromZero(dec('8.5'), 0))).toBe('9');
    expect(s(roundHalfEven(dec('8.5'), 0))).toBe('8');
  });

  it('-8.5 at 0 places → -9 half-away, -8 half-even', () => {
    expect(s(roundHalfAwayFromZero(dec('-8.5'), 0))).toBe('-9');
    expect(s(roundHalfEven(dec('-8.5'), 0))).toBe('-8');
  });

  it('roundUp 0.101 → 0.11 (进一: any remainder goes up)', () => {
    expect(s(roundUp(dec('0.101'), 2))).toBe('0.11');
    expect(s(roundUp(dec('0.100'), 2))).toBe('0.1');
  });

  it('1.005 → 1.01 half-away, 1 half-even (1.00)', () => {
    expect(s(roundHalfAwayFromZero(dec('1.005'), 2))).toBe('1.01');
    expect(roundHalfEven(dec('1.005'), 2).eq(dec('1.00'))).toBe(true);
  });

  it('leaves a value with fewer places untouched: 2.5 at 2 places stays 2.5', () => {
    for (const f of [roundHalfAwayFromZero, roundHalfEven, truncate, roundUp]) {
      expect(s(f(dec('2.5'), 2))).toBe('2.5');
    }
  });
});

describe('rounding properties', () => {
  // x = n × 10^-k, with up to 10 decimals and up to 20 significant digits; places p in 0..6.
  const X = fc
    .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 10 }))
    .map(([n, k]) => dec(scaled(n, k)));
  const P = fc.integer({ min: 0, max: 6 });
  const half = (p: number): Decimal => dec('0.5').div(dec(10n ** BigInt(p)));
  const unit = (p: number): Decimal => dec('1').div(dec(10n ** BigInt(p)));

  it('|round(x) − x| ≤ 0.5·10^-p for half-away and half-even', () => {
    fc.assert(
      fc.property(X, P, (x, p) => {
        expect(roundHalfAwayFromZero(x, p).minus(x).abs().lte(half(p))).toBe(true);
        expect(roundHalfEven(x, p).minus(x).abs().lte(half(p))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('every rounding lands on a multiple of 10^-p', () => {
    fc.assert(
      fc.property(X, P, (x, p) => {
        for (const f of [roundHalfAwayFromZero, roundHalfEven, truncate, roundUp]) {
          expect(f(x, p).decimalPlaces()).toBeLessThanOrEqual(p);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('roundHalfAwayFromZero(−x) = −roundHalfAwayFromZero(x)', () => {
    fc.assert(
      fc.property(X, P, (x, p) => {
        expect(roundHalfAwayFromZero(x.neg(), p).eq(roundHalfAwayFromZero(x, p).neg())).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('truncate is toward zero: |t| ≤ |x|, same sign, and |x − t| < 10^-p', () => {
    fc.assert(
      fc.property(X, P, (x, p) => {
        const t = truncate(x, p);
        expect(t.abs().lte(x.abs())).toBe(true);
        expect(t.isZero() || t.isNeg() === x.isNeg()).toBe(true);
        expect(x.minus(t).abs().lt(unit(p))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('roundUp is away from zero: |u| ≥ |x| and |u − x| < 10^-p', () => {
    fc.assert(
      fc.property(X, P, (x, p) => {
        const u = roundUp(x, p);
        expect(u.abs().gte(x.abs())).toBe(true);
        expect(u.minus(x).abs().lt(unit(p))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('truncate ≤ half-away ≤ roundUp in magnitude', () => {
    fc.assert(
      fc.property(X, P, (x, p) => {
        const r = roundHalfAwayFromZero(x, p).abs();
        expect(truncate(x, p).abs().lte(r)).toBe(true);
        expect(r.lte(roundUp(x, p).abs())).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('every rounding is idempotent: f(f(x, p), p) = f(x, p)', () => {
    fc.assert(
      fc.property(X, P, (x, p) => {
        for (const f of [roundHalfAwayFromZero, roundHalfEven, truncate, roundUp]) {
          const once = f(x, p);
          expect(f(once, p).eq(once)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('half-away and half-even differ only on exact halves with an even last kept digit', () => {
    fc.assert(
      fc.property(X, P, (x, p) => {
        const a = roundHalfAwayFromZero(x, p);
        const e = roundHalfEven(x, p);
        if (a.eq(e)) return;
        // a tie: x is exactly halfway between e and a
        expect(x.minus(e).abs().eq(half(p))).toBe(true);
        expect(a.minus(x).abs().eq(half(p))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('fixedHalfAwayFromZero prints what rounding then toFixed prints, in one step', () => {
    // By hand: 2.675 → "2.68", −2.675 → "-2.68", 92.5 at 2 places → "92.50", −0.001 → "0.00" (not "-0.00").
    expect(fixedHalfAwayFromZero(dec('2.675'), 2)).toBe('2.68');
    expect(fixedHalfAwayFromZero(dec('-2.675'), 2)).toBe('-2.68');
    expect(fixedHalfAwayFromZero(dec('92.5'), 2)).toBe('92.50');
    expect(fixedHalfAwayFromZero(dec('-0.001'), 2)).toBe('0.00');
    expect(fixedHalfAwayFromZero(dec('-0.005'), 0)).toBe('0');
    fc.assert(
      fc.property(X, P, (x, p) => {
        expect(fixedHalfAwayFromZero(x, p)).toBe(roundHalfAwayFromZero(x, p).toFixed(p));
      }),
      { numRuns: 500 },
    );
  });
});
