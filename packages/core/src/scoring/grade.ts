import type { Decimal } from '../money/decimal';
import { roundHalfAwayFromZero } from '../money/rounding';
import type { Grade, GradeBand } from '../frameworks/framework';

/** The grade of a total, judged on the total as printed (2 decimals, 四舍五入); lower bounds inclusive. */
export function gradeOf(total: Decimal, bands: readonly GradeBand[]): Grade {
  const printed = roundHalfAwayFromZero(total, 2);
  const sorted = [...bands].sort((a, b) => b.min.comparedTo(a.min));
  for (const band of sorted) if (printed.gte(band.min)) return band.grade;
  return sorted[sorted.length - 1]?.grade ?? '差';
}

/** Reads a printed grade word ("优秀", "“优”", "良好等级") into a grade, or undefined when it is none. */
export function readGrade(text: string, bands: readonly GradeBand[]): Grade | undefined {
  const word = text.replace(/[“”"'‘’\s]/g, '').replace(/(等级|等次|档次)$/, '');
  for (const band of bands) if (band.synonyms.includes(word)) return band.grade;
  return undefined;
}
