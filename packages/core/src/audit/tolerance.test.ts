import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal';
import { agreement } from './tolerance';

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
