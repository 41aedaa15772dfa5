import { describe, it, expect } from 'vitest';
import { dec } from '../money/decimal';
import { STANDARD_GRADES } from '../frameworks/policies';
import { gradeOf, readGrade } from './grade';

describe('gradeOf with STANDARD_GRADES (lower bounds inclusive, judged on the 2-decimal printed total)', () => {
  it.each([
    ['100', '优'],
    ['90', '优'],
    ['90.00', '优'],
    ['89.99', '良'],
    ['89.995', '优'], // prints as 90.00 (四舍五入) → 优
    ['89.994', '良'], // prints as 89.99 → 良
    ['80', '良'],
    ['79.99', '中'],
    ['79.995', '良'], // prints as 80.00
    ['60', '中'],
    ['59.99', '差'],
    ['59.995', '中'], // prints as 60.00
    ['0', '差'],
  ] as const)('%s → %s', (total, grade) => {
    expect(gradeOf(dec(total), STANDARD_GRADES)).toBe(grade);
  });

  it('does not depend on the order of the bands', () => {
    const reversed = [...STANDARD_GRADES].reverse();
    expect(gradeOf(dec('90'), reversed)).toBe('优');
    expect(gradeOf(dec('89.99'), reversed)).toBe('良');
    expect(gradeOf(dec('59.99'), reversed)).toBe('差');
  });

  it('falls back to the lowest band below every minimum: -1 → 差', () => {
    expect(gradeOf(dec('-1'), STANDARD_GRADES)).toBe('差');
  });
});

describe('readGrade with STANDARD_GRADES', () => {
  it.each([
    ['优秀', '优'],
    ['“优”', '优'],
    ['优', '优'],
    ['良好等级', '良'],
    ['良好', '良'],
    ['合格', '中'],
    ['中等', '中'],
    ['一般', '中'],
    ['不合格', '差'],
    ['较差', '差'],
    [' 优秀 ', '优'],
    ['"良"', '良'],
    ['优秀等次', '优'],
  ] as const)('%j → %s', (text, grade) => {
    expect(readGrade(text, STANDARD_GRADES)).toBe(grade);
  });

  it.each(['甲', '', 'A', '优良', '90分'])('%j → undefined', (text) => {
    expect(readGrade(text, STANDARD_GRADES)).toBeUndefined();
  });
});
