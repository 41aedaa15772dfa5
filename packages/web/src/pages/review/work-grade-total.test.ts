import { describe, expect, it } from 'vitest';
import { fromTenths, gradeTotal, tenths } from './work-grade-total';

describe('work grade total', () => {
  it('reads grades as tenths and refuses more than one decimal place', () => {
    expect(tenths('7.5')).toBe(75);
    expect(tenths('8')).toBe(80);
    expect(tenths(' 0.1 ')).toBe(1);
    expect(tenths('10.0')).toBe(100);
    expect(tenths('7.25')).toBeUndefined();
    expect(tenths('-1')).toBeUndefined();
    expect(tenths('abc')).toBeUndefined();
    expect(tenths('.5')).toBeUndefined();
  });

  it('writes tenths back without padding zeros', () => {
    expect(fromTenths(875)).toBe('87.5');
    expect(fromTenths(870)).toBe('87');
    expect(fromTenths(0)).toBe('0');
    expect(fromTenths(3)).toBe('0.3');
  });

  it('sums exactly where floats would not: 0.1 + 0.2 = 0.3', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(gradeTotal(['0.1', '0.2'])).toEqual({ total: '0.3', missing: 0, invalid: 0 });
  });

  it('sums the 考核评分表 by hand: 8 + 2 + 9.5 + 7 + 6 + 7 + 4.5 + 5 + 8.5 + 16 + 12.5 = 86', () => {
    expect(gradeTotal(['8', '2', '9.5', '7', '6', '7', '4.5', '5', '8.5', '16', '12.5'])).toEqual({ total: '86', missing: 0, invalid: 0 });
  });

  it('counts blank and malformed grades apart from the sum', () => {
    // 8 + 1.5 = 9.5; one blank, one null, one with two places.
    expect(gradeTotal(['8', '', null, '1.5', '7.25'])).toEqual({ total: '9.5', missing: 2, invalid: 1 });
  });
});
