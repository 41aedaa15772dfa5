/**
 * 计算符号 of an indicator: ≥ ＞ ＝ ＜ ≤ or 定性. The codes follow the 一体化 enumeration
 * (1 ≥, 2 ＞, 3 ＝, 4 ＜, 5 ≤, 6 定性; scoring-rules.md §9.1).
 */
export type Direction = 'GE' | 'GT' | 'EQ' | 'LT' | 'LE' | 'QUAL';

export const DIRECTIONS: readonly Direction[] = ['GE', 'GT', 'EQ', 'LT', 'LE', 'QUAL'];

export const DIRECTION_SYMBOL: Readonly<Record<Direction, string>> = {
  GE: '≥',
  GT: '＞',
  EQ: '＝',
  LT: '＜',
  LE: '≤',
  QUAL: '定性',
};

/** 正向 (more is better) directions. */
export function isPositive(direction: Direction): boolean {
  return direction === 'GE' || direction === 'GT' || direction === 'EQ';
}

/** 反向 (less is better) directions. */
export function isReverse(direction: Direction): boolean {
  return direction === 'LE' || direction === 'LT';
}
