import { Decimal } from './decimal';

/**
 * Named roundings. Every rounding in Jixiao goes through one of these so that the rule applied to a
 * figure can be read off the code (see docs/decisions/0002-rounding.md).
 */

/** 四舍五入: half away from zero (2.675 → 2.68, −2.675 → −2.68). The rounding of Chinese finance. */
export function roundHalfAwayFromZero(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/**
 * 四舍五入 to `places`, written with exactly that many places: 2.675 → "2.68", 92.5 → "92.50", −0.001 → "0.00".
 * The same rounding as roundHalfAwayFromZero(value, places).toFixed(places), done once instead of twice
 * (every percentage and amount shown goes through here). A negative that rounds to zero prints as "0.00".
 */
export function fixedHalfAwayFromZero(value: Decimal, places: number): string {
  const fixed = value.toFixed(places, Decimal.ROUND_HALF_UP);
  // A negative that rounds to zero prints as "0.00", as a rounded −0 does, never "-0.00".
  return fixed.startsWith('-') && NEGATIVE_ZERO.test(fixed) ? fixed.slice(1) : fixed;
}

const NEGATIVE_ZERO = /^-0(\.0*)?$/;

/** Banker's rounding, half to even (2.665 → 2.66). Not used by the rules; here to tell the two apart in tests. */
export function roundHalfEven(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
}

/** 截尾 / 舍去: toward zero (9.449 → 9.44). Some reports truncate; the auditor needs it to explain them. */
export function truncate(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_DOWN);
}

/** 进一: away from zero for any remainder (0.101 → 0.11). Used by "每超过一个百分点" rules that round up. */
export function roundUp(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_UP);
}
