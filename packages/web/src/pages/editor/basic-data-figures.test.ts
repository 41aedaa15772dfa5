import { describe, expect, it } from 'vitest';
import { countValue, disagrees, rateOf, sumOf } from './basic-data-figures';

describe('the 基础数据表 figures derived while typing', () => {
  it('adds the filled-in lines exactly, blank ones left out', () => {
    // Seed 004's 三公经费 本年决算数: 66.81 + 0 + 3.49 = 70.3 (in doubles 66.81 + 3.49 is 70.30000000000001).
    expect(sumOf(['66.81', '0', '3.49'])).toEqual({ kind: 'ok', value: '70.3' });
    expect(sumOf(['66.81', undefined, '13.49'])).toEqual({ kind: 'ok', value: '80.3' });
    expect(sumOf([undefined, null, ' '])).toEqual({ kind: 'none' });
    expect(sumOf(['66.81', '12,3a'])).toEqual({ kind: 'bad' });
  });

  it('computes a 控制率 as part ÷ whole × 100, exact, and none for a zero whole', () => {
    // 85 of 111 posts: 76.576576…%; seed 004 prints 76.58%.
    const staff = rateOf(85, 111);
    expect(staff.kind === 'ok' && staff.value.startsWith('76.5765765765')).toBe(true);
    // 公用经费 450.81 of 271.19: 166.23…%.
    expect(rateOf('450.81', '271.19')).toMatchObject({ kind: 'ok' });
    expect(rateOf('10', '0')).toEqual({ kind: 'none' });
    expect(rateOf('10', '')).toEqual({ kind: 'none' });
    expect(rateOf('1O', '20')).toEqual({ kind: 'bad' });
  });

  it('compares a stated total with the sum as numbers', () => {
    expect(disagrees('70.30', sumOf(['66.81', '0', '3.49']))).toBe(false);
    expect(disagrees('70.3', sumOf(['66.81', '0', '13.49']))).toBe(true);
    expect(disagrees('', sumOf(['1']))).toBe(false);
    expect(disagrees('7a', sumOf(['1']))).toBe(false);
  });

  it('stores a count as an integer, anything else as typed', () => {
    expect(countValue('85')).toBe(85);
    expect(countValue(' ')).toBeUndefined();
    expect(countValue('85.5')).toBe('85.5');
    expect(countValue('八十五')).toBe('八十五');
  });
});
