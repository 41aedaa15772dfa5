/**
 * The 考核评分表's total while the reviewer types. Grades have at most one decimal place, so each is an exact
 * whole number of tenths and their sum is exact in integers; a JS float sum would show 0.1 + 0.2 as
 * 0.30000000000000004. The server sums again with decimals and its total is the one stored.
 */

/** "7.5" → 75, "8" → 80; undefined for anything but a non-negative decimal with at most one place. */
export function tenths(value: string): number | undefined {
  const m = /^(\d{1,6})(?:\.(\d))?$/.exec(value.trim());
  if (!m) return undefined;
  return Number(m[1]) * 10 + Number(m[2] ?? '0');
}

/** 875 → "87.5", 870 → "87". */
export function fromTenths(value: number): string {
  const whole = Math.trunc(value / 10);
  const rest = value % 10;
  return rest === 0 ? String(whole) : `${whole}.${rest}`;
}

export interface GradeTotal {
  /** The sum of the lines graded so far. */
  readonly total: string;
  /** Lines without a grade. */
  readonly missing: number;
  /** Lines whose grade is not a decimal with at most one place. */
  readonly invalid: number;
}

export function gradeTotal(scores: readonly (string | null | undefined)[]): GradeTotal {
  let sum = 0;
  let missing = 0;
  let invalid = 0;
  for (const score of scores) {
    if (score === null || score === undefined || score.trim() === '') {
      missing += 1;
      continue;
    }
    const t = tenths(score);
    if (t === undefined) invalid += 1;
    else sum += t;
  }
  return { total: fromTenths(sum), missing, invalid };
}
