import { describe, it, expect } from 'vitest';
import { dec } from './decimal';
import { formatPercent, parsePercent, percentToRatio, ratePercent, ratioToPercent } from './percent';

/** ratePercent that must not be null. */
function rate(part: string, whole: string) {
  const r = ratePercent(dec(part), dec(whole));
  if (r === null) throw new Error(`ratePercent(${part}, ${whole}) is null`);
  return r;
}

describe('ratePercent + formatPercent on the seed figures', () => {
  it('14877.44 ÷ 15424.89 → "96.45%"', () => {
    // 14877.44 / 15424.89 = 0.964508661… → 96.4508661…% → 96.45%
    const r = rate('14877.44', '15424.89');
    expect(formatPercent(r)).toBe('96.45%');
    expect(formatPercent(r, 2)).toBe('96.45%');
    expect(r.toFixed(6)).toBe('96.450866');
  });

  it('14277.44 ÷ 15424.89 → "92.56%"', () => {
    // 14277.44 / 15424.89 = 0.925610490… → 92.56%
    expect(formatPercent(rate('14277.44', '15424.89'))).toBe('92.56%');
  });

  it('2575.66 ÷ 2092.38 → "123.10%" (the trailing 0 is printed)', () => {
    // 2575.66 / 2092.38 = 1.230971429… → 123.0971…% → 123.10%
    expect(formatPercent(rate('2575.66', '2092.38'))).toBe('123.10%');
    // and "123%" at 0 places, as the seed table printed it
    expect(formatPercent(rate('2575.66', '2092.38'), 0)).toBe('123%');
  });

  it('31092.65 ÷ 32909.2 → "94.48%"', () => {
    // 31092.65 / 32909.2 = 0.944801149… → 94.48%
    expect(formatPercent(rate('31092.65', '32909.2'))).toBe('94.48%');
  });

  it('702.8 ÷ 823 → "85.39%", and "85.4%" at 1 place', () => {
    // 702.8 / 823 = 0.853948967… → 85.3948967…% → 85.39% (2 places), 85.4% (1 place)
    const r = rate('702.8', '823');
    expect(formatPercent(r)).toBe('85.39%');
    expect(formatPercent(r, 1)).toBe('85.4%');
  });

  it('85 ÷ 111 → "76.58%"', () => {
    // 85 / 111 = 0.765765765… → 76.5765…% → 76.58%
    expect(formatPercent(rate('85', '111'))).toBe('76.58%');
  });

  it('is exact before rounding: 1 ÷ 8 = 12.5 exactly', () => {
    expect(rate('1', '8').toString()).toBe('12.5');
  });

  it('a zero whole gives null (a rate of nothing is undefined)', () => {
    expect(ratePercent(dec('14877.44'), dec('0'))).toBeNull();
    expect(ratePercent(dec('0'), dec('0'))).toBeNull();
    expect(ratePercent(dec('1'), dec('0.00'))).toBeNull();
  });

  it('a zero part gives 0, not null', () => {
    expect(ratePercent(dec('0'), dec('823'))?.toString()).toBe('0');
  });
});

describe('formatPercent rounding', () => {
  it('四舍五入 half away from zero: 12.345 → "12.35%", -12.345 → "-12.35%"', () => {
    expect(formatPercent(dec('12.345'))).toBe('12.35%');
    expect(formatPercent(dec('-12.345'))).toBe('-12.35%');
  });

  it('pads: 100 → "100.00%", and 0 places → "100%"', () => {
    expect(formatPercent(dec('100'))).toBe('100.00%');
    expect(formatPercent(dec('100'), 0)).toBe('100%');
  });

  it('99.995 rounds to "100.00%"', () => {
    expect(formatPercent(dec('99.995'))).toBe('100.00%');
  });
});

describe('parsePercent', () => {
  it('reads full-width "１２３％" → 123, places 0', () => {
    const p = parsePercent('１２３％');
    expect(p?.value.toString()).toBe('123');
    expect(p?.places).toBe(0);
    expect(p?.text).toBe('１２３％');
  });

  it('reads "85.4%" → 85.4, places 1', () => {
    const p = parsePercent('85.4%');
    expect(p?.value.toString()).toBe('85.4');
    expect(p?.places).toBe(1);
  });

  it('reads "92.56 %" → 92.56, places 2', () => {
    const p = parsePercent('92.56 %');
    expect(p?.value.eq(dec('92.56'))).toBe(true);
    expect(p?.places).toBe(2);
  });

  it('reads "98.88%" and "100.00%" (places 2, value 100)', () => {
    expect(parsePercent('98.88%')?.value.toString()).toBe('98.88');
    const h = parsePercent('100.00%');
    expect(h?.value.toString()).toBe('100');
    expect(h?.places).toBe(2);
  });

  it('reads a negative percent "-3.5%"', () => {
    expect(parsePercent('-3.5%')?.value.toString()).toBe('-3.5');
  });

  it.each(['92.56', 'abc', '%', '', '≤100%', '约90%', '90%以上'])('returns null for %j', (text) => {
    expect(parsePercent(text)).toBeNull();
  });
});

describe('percentToRatio / ratioToPercent', () => {
  it('92.56 → 0.9256 → 92.56', () => {
    expect(percentToRatio(dec('92.56')).toString()).toBe('0.9256');
    expect(ratioToPercent(dec('0.9256')).toString()).toBe('92.56');
  });
});
