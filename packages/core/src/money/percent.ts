import type { Decimal} from './decimal';
import { HUNDRED, dec } from './decimal';
import { normalizeNumericText } from './normalize-digits';
import { fixedHalfAwayFromZero } from './rounding';

/**
 * A percentage in percent points, as printed: 92.56 means 92.56%. Rates are computed as exact ratios
 * and turned into points only here, so that rounding happens once, when a figure is shown or compared.
 */
export type Percent = Decimal;

export interface ParsedPercent {
  readonly value: Percent;
  /** Decimal places as printed (123% → 0, 85.4% → 1, 92.56% → 2). */
  readonly places: number;
  readonly text: string;
}

const PERCENT = /^([+-]?\d+(?:\.(\d+))?)%$/;

/** Reads "92.56%", "１２３％", "85.4 %". Returns null for anything else. */
export function parsePercent(text: string): ParsedPercent | null {
  const s = normalizeNumericText(text).replace(/\s+/g, '');
  const m = PERCENT.exec(s);
  if (!m || m[1] === undefined) return null;
  return { value: dec(m[1]), places: m[2]?.length ?? 0, text };
}

/** part ÷ whole as percent points, exact (no rounding). Null when whole is zero: a rate of nothing is undefined. */
export function ratePercent(part: Decimal, whole: Decimal): Percent | null {
  if (whole.isZero()) return null;
  return part.div(whole).mul(HUNDRED);
}

/** Formats percent points 四舍五入 to `places` (default 2): 92.5610… → "92.56%". */
export function formatPercent(value: Percent, places = 2): string {
  return `${fixedHalfAwayFromZero(value, places)}%`;
}

/** Percent points → ratio (92.56 → 0.9256). */
export function percentToRatio(value: Percent): Decimal {
  return value.div(HUNDRED);
}

/** Ratio → percent points (0.9256 → 92.56). */
export function ratioToPercent(value: Decimal): Percent {
  return value.mul(HUNDRED);
}

