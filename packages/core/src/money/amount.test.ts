import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dec } from './decimal';
import { formatAmount, parseAmount, wanyuanToYuan, yuanToWanyuan, type ParsedAmount } from './amount';

/** Unwraps a successful parse, failing the test with the reason otherwise. */
function parsed(text: string, defaultUnit?: 'wanyuan' | 'yuan'): ParsedAmount {
  const r = parseAmount(text, defaultUnit);
  if (!r.ok) throw new Error(`parseAmount(${JSON.stringify(text)}) refused: ${r.reason}`);
  return r.amount;
}

/** The 万元 value as a plain string, or null for a blank. */
function wan(text: string, defaultUnit?: 'wanyuan' | 'yuan'): string | null {
  return parsed(text, defaultUnit).wanyuan?.toString() ?? null;
}

/** n × 10^-k written out as a plain decimal string from the bigint, independently of Decimal. */
function scaled(n: bigint, k: number): string {
  const sign = n < 0n ? '-' : '';
  const digits = (n < 0n ? -n : n).toString().padStart(k + 1, '0');
  if (k === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -k)}.${digits.slice(-k)}`;
}

/** n × 10^-k rounded half away from zero to p places (p ≤ k), by integer arithmetic only: the oracle. */
function roundHalfAwayOracle(n: bigint, k: number, p: number): string {
  const d = 10n ** BigInt(k - p);
  const abs = n < 0n ? -n : n;
  let q = abs / d;
  if (2n * (abs % d) >= d) q += 1n;
  return scaled(n < 0n ? -q : q, p);
}

describe('parseAmount: what reports print', () => {
  it('reads a grouped 万元 figure "2,092.38" with its 2 printed places', () => {
    const a = parsed('2,092.38');
    expect(a.wanyuan?.toString()).toBe('2092.38');
    expect(a.unit).toBe('wanyuan');
    expect(a.unitWritten).toBe(false);
    expect(a.places).toBe(2);
    expect(a.text).toBe('2,092.38');
  });

  it('reads "4280.31万元" with the unit written', () => {
    const a = parsed('4280.31万元');
    expect(a.wanyuan?.toString()).toBe('4280.31');
    expect(a.unit).toBe('wanyuan');
    expect(a.unitWritten).toBe(true);
    expect(a.places).toBe(2);
  });

  it('reads "4280.31 万元" with a space before the unit', () => {
    expect(wan('4280.31 万元')).toBe('4280.31');
  });

  it('converts "1,740,000元" to 174 万元 (1740000 ÷ 10000 = 174)', () => {
    const a = parsed('1,740,000元');
    expect(a.wanyuan?.toString()).toBe('174');
    expect(a.unit).toBe('yuan');
    expect(a.unitWritten).toBe(true);
    expect(a.places).toBe(0);
  });

  it('applies the default unit when none is written: "1,740,000" in 元 → 174 万元', () => {
    const a = parsed('1,740,000', 'yuan');
    expect(a.wanyuan?.toString()).toBe('174');
    expect(a.unit).toBe('yuan');
    expect(a.unitWritten).toBe(false);
  });

  it('keeps 元 places as printed: "12,345.67元" → 1.234567 万元, places 2', () => {
    // 12345.67 ÷ 10000 = 1.234567
    const a = parsed('12,345.67元');
    expect(a.wanyuan?.toString()).toBe('1.234567');
    expect(a.places).toBe(2);
  });

  it('reads full-width digits "１２３"', () => {
    const a = parsed('１２３');
    expect(a.wanyuan?.toString()).toBe('123');
    expect(a.places).toBe(0);
    expect(a.text).toBe('１２３');
  });

  it('reads full-width separators "１，２３４．５６"', () => {
    const a = parsed('１，２３４．５６');
    expect(a.wanyuan?.toString()).toBe('1234.56');
    expect(a.places).toBe(2);
  });

  it.each(['-', '', '——', '/', '无', '－', '　'])('reads the printed blank %j as null', (text) => {
    const a = parsed(text);
    expect(a.wanyuan).toBeNull();
    expect(a.unitWritten).toBe(false);
    expect(a.text).toBe(text);
  });

  it('refuses "1,74,000" (separators must group three digits) with a Chinese reason', () => {
    const r = parseAmount('1,74,000');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.text).toBe('1,74,000');
    expect(r.reason).toBe('无法识别的金额“1,74,000”');
    expect(r.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses "abc" with a Chinese reason', () => {
    const r = parseAmount('abc');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('无法识别的金额“abc”');
  });

  it.each(['12.34.56', '1,2345', '万元', '12元万', '1e5'])('refuses %j', (text) => {
    expect(parseAmount(text).ok).toBe(false);
  });

  it('reads negative amounts: "-2,092.38", full-width "－12.5万元", "−0.01"', () => {
    expect(wan('-2,092.38')).toBe('-2092.38');
    expect(wan('－12.5万元')).toBe('-12.5');
    expect(wan('−0.01')).toBe('-0.01');
  });

  it('reads a negative 元 amount: "-1,740,000元" → -174 万元', () => {
    expect(wan('-1,740,000元')).toBe('-174');
  });

  it('reads 1 分 in 万元 exactly: "0.000001", places 6', () => {
    const a = parsed('0.000001');
    expect(a.wanyuan?.eq(dec('0.000001'))).toBe(true);
    expect(a.wanyuan?.toString()).toBe('0.000001');
    expect(a.places).toBe(6);
  });

  it('reads 0.01 元 as 1 分 = 0.000001 万元 (0.01 ÷ 10000)', () => {
    expect(wan('0.01元')).toBe('0.000001');
  });

  it('keeps trailing zeros out of the value but in places: "174.00" → 174, places 2', () => {
    const a = parsed('174.00');
    expect(a.wanyuan?.toString()).toBe('174');
    expect(a.places).toBe(2);
  });
});

describe('yuanToWanyuan / wanyuanToYuan', () => {
  it('1740000 元 = 174 万元 and back', () => {
    expect(yuanToWanyuan(dec('1740000')).toString()).toBe('174');
    expect(wanyuanToYuan(dec('174')).toString()).toBe('1740000');
  });

  it('0.01 元 = 0.000001 万元 and back', () => {
    expect(yuanToWanyuan(dec('0.01')).toString()).toBe('0.000001');
    expect(wanyuanToYuan(dec('0.000001')).toString()).toBe('0.01');
  });

  it('4280.31 万元 = 42803100 元', () => {
    expect(wanyuanToYuan(dec('4280.31')).toString()).toBe('42803100');
  });
});

describe('formatAmount', () => {
  it('prints "4280.31" as the tables do (no grouping by default)', () => {
    expect(formatAmount(dec('4280.31'))).toBe('4280.31');
  });

  it('pads to 2 places by default: 174 → "174.00"', () => {
    expect(formatAmount(dec('174'))).toBe('174.00');
  });

  it('groups thousands on request: 2092.38 → "2,092.38"', () => {
    expect(formatAmount(dec('2092.38'), { grouping: true })).toBe('2,092.38');
  });

  it('groups large and negative figures: -1234567.005 → "-1,234,567.01"', () => {
    // |−1234567.005| → 1234567.01 (half away from zero), sign kept
    expect(formatAmount(dec('-1234567.005'), { grouping: true })).toBe('-1,234,567.01');
  });

  it('groups with 0 places and no decimal point: 1740000 → "1,740,000"', () => {
    expect(formatAmount(dec('1740000'), { grouping: true, places: 0 })).toBe('1,740,000');
  });

  it('does not group below 1000: 999.5 → "999.50"', () => {
    expect(formatAmount(dec('999.5'), { grouping: true })).toBe('999.50');
  });

  it('carries into a new group: 999.995 → "1,000.00"', () => {
    // 999.995 → 1000.00 (the 5 rounds up and carries through every 9)
    expect(formatAmount(dec('999.995'), { grouping: true })).toBe('1,000.00');
  });

  it('四舍五入 2.675 → "2.68" (a binary float would print 2.67)', () => {
    expect(formatAmount(dec('2.675'))).toBe('2.68');
  });

  it('四舍五入 -2.675 → "-2.68" (half away from zero)', () => {
    expect(formatAmount(dec('-2.675'))).toBe('-2.68');
  });

  it('四舍五入 1.005 → "1.01"', () => {
    expect(formatAmount(dec('1.005'))).toBe('1.01');
  });

  it('2.665 → "2.67" (not the banker\'s 2.66)', () => {
    expect(formatAmount(dec('2.665'))).toBe('2.67');
  });

  it('prints 6 places for 1 分: 0.000001 → "0.000001"', () => {
    expect(formatAmount(dec('0.000001'), { places: 6 })).toBe('0.000001');
  });

  it('does not print a negative zero: -0.001 → "0.00"', () => {
    expect(formatAmount(dec('-0.001'))).toBe('0.00');
    expect(formatAmount(dec('-0.001'), { grouping: true })).toBe('0.00');
  });
});

describe('amount properties', () => {
  // |分| < 10^18: 12 integer digits of 万元 plus 6 fractional digits, the model's stated range.
  const FEN = fc.bigInt({ min: -(10n ** 18n) + 1n, max: 10n ** 18n - 1n });

  it('format(万元, 6 places) then parse gives back every whole number of 分 exactly', () => {
    fc.assert(
      fc.property(FEN, (fen) => {
        const w = dec(fen).div(dec('1000000')); // 1 分 = 0.000001 万元
        const text = formatAmount(w, { places: 6 });
        expect(text).toBe(scaled(fen, 6));
        const back = parsed(text);
        expect(back.wanyuan?.eq(w)).toBe(true);
        expect(back.wanyuan?.toString()).toBe(w.toString());
        expect(back.places).toBe(6);
      }),
      { numRuns: 500 },
    );
  });

  it('the grouped 6-place form parses back to the same value too', () => {
    fc.assert(
      fc.property(FEN, (fen) => {
        const w = dec(fen).div(dec('1000000'));
        const back = parsed(formatAmount(w, { places: 6, grouping: true }));
        expect(back.wanyuan?.eq(w)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('yuan → wanyuan → yuan is the identity for any whole number of 分', () => {
    fc.assert(
      fc.property(FEN, (fen) => {
        const yuan = dec(scaled(fen, 2)); // 分 / 100 = 元
        expect(wanyuanToYuan(yuanToWanyuan(yuan)).eq(yuan)).toBe(true);
        expect(yuanToWanyuan(yuan).toString()).toBe(dec(scaled(fen, 6)).toString());
      }),
      { numRuns: 500 },
    );
  });

  it('wanyuan → yuan → wanyuan is the identity for any whole number of 分', () => {
    fc.assert(
      fc.property(FEN, (fen) => {
        const w = dec(scaled(fen, 6));
        expect(yuanToWanyuan(wanyuanToYuan(w)).eq(w)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('parse(format(x, grouping, 2 places)) = x rounded half away from zero to 2 places', () => {
    // x = n × 10^-k with up to 8 decimals; the oracle rounds with integer arithmetic only.
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 2, max: 8 }),
        (n, k) => {
          const x = dec(scaled(n, k));
          const expected = dec(roundHalfAwayOracle(n, k, 2));
          const back = parsed(formatAmount(x, { grouping: true, places: 2 }));
          expect(back.wanyuan?.eq(expected)).toBe(true);
          expect(back.places).toBe(2);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the oracle itself agrees with the hand cases 2.675 → 2.68, -2.675 → -2.68, 1.005 → 1.01', () => {
    expect(roundHalfAwayOracle(2675n, 3, 2)).toBe('2.68');
    expect(roundHalfAwayOracle(-2675n, 3, 2)).toBe('-2.68');
    expect(roundHalfAwayOracle(1005n, 3, 2)).toBe('1.01');
    expect(roundHalfAwayOracle(1004n, 3, 2)).toBe('1.00');
  });
});
