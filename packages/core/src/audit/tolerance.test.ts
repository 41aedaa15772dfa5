import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HUNDRED, dec } from '../money/decimal';
import { agreement, surelyWrong } from './tolerance';

describe('agreement to printed precision', () => {
  it.each([
    // 14277.44 / 15424.89 = 92.5610…% printed 92.56
    ['92.56', '92.56101', 2, 'exact'],
    // 14877.44 / 15424.89 = 96.4508…% printed 92.56: wrong
    ['92.56', '96.45092', 2, 'wrong'],
    // 702.8 / 823 = 85.3949…% printed 85.4 (one place): exact
    ['85.4', '85.39490', 1, 'exact'],
    // 85.3949 printed 85.40 differs by 0.0051, within one unit of the last place: rounding
    ['85.40', '85.39490', 2, 'rounding'],
    // …and printed 85.42 differs by 0.0251: wrong
    ['85.42', '85.39490', 2, 'wrong'],
    // 2575.66 / 2092.38 = 123.097…% printed 123: exact
    ['123', '123.0971', 0, 'exact'],
    // 20.3 / 4026.3 = 0.50418…% printed 0.51: one unit off in the last place (shares forced to 100%): rounding
    ['0.51', '0.50418', 2, 'rounding'],
    // 9.448 printed 9.44: truncation
    ['9.44', '9.448', 2, 'rounding'],
  ])('%s for %s at %d places → %s', (printed, exact, places, expected) => {
    expect(agreement(dec(printed), dec(exact), places)).toBe(expected);
  });
});

describe('surelyWrong, the float pre-check of a share', () => {
  /** A decimal with up to 12 integer digits and `places` decimals, as reports print them. */
  const decimal = (places: number) =>
    fc.tuple(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.constant(places)).map(([n, p]) => {
      const digits = (n < 0n ? -n : n).toString().padStart(p + 1, '0');
      return dec(`${n < 0n ? '-' : ''}${p ? `${digits.slice(0, -p)}.${digits.slice(-p)}` : digits}`);
    });

  it('never calls wrong what agreement calls exact or rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }).chain((places) => fc.tuple(decimal(2), decimal(2), decimal(places), fc.constant(places))), ([part, whole, printed, places]) => {
        fc.pre(!whole.isZero());
        const exact = part.div(whole).mul(HUNDRED);
        // Printed figures near the exact share as well as far from it: the boundary is where it matters.
        for (const p of [printed, exact.toDecimalPlaces(places), exact.toDecimalPlaces(places).plus(dec('10').pow(-places))]) {
          if (surelyWrong(p.toNumber(), (part.toNumber() / whole.toNumber()) * 100, places)) expect(agreement(p, exact, places)).toBe('wrong');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('rules out a share far from the estimate, and leaves one within a unit to the exact comparison', () => {
    // 1539.13 ÷ 20564.9 = 7.48%, printed 16.54: wrong. 1539.13 ÷ 9302.72 = 16.545%, printed 16.54: not decided here.
    expect(surelyWrong(16.54, (1539.13 / 20564.9) * 100, 2)).toBe(true);
    expect(surelyWrong(16.54, (1539.13 / 9302.72) * 100, 2)).toBe(false);
    expect(surelyWrong(16.54, Number.NaN, 2)).toBe(false);
    expect(surelyWrong(16.54, Number.POSITIVE_INFINITY, 2)).toBe(false);
  });
});
