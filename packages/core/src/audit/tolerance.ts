import { Decimal } from '../money/decimal';
import { roundHalfAwayFromZero, truncate } from '../money/rounding';

/**
 * Judges a printed figure against the exact value it should be, to the precision it was printed with
 * (scoring-rules.md §2.8, beancount's tolerance from printed precision):
 * - `exact`: the value printed is the exact value rounded 四舍五入 to the printed places;
 * - `rounding`: it differs only by truncation, or by one unit in the last printed place (rounding of
 *   inputs, shares forced to sum to 100%): reported as info;
 * - `wrong`: anything more.
 */
export type Agreement = 'exact' | 'rounding' | 'wrong';

export function agreement(printed: Decimal, exact: Decimal, places: number): Agreement {
  if (roundHalfAwayFromZero(exact, places).eq(printed)) return 'exact';
  const unit = new Decimal(10).pow(-places);
  if (truncate(exact, places).eq(printed) || printed.minus(exact).abs().lte(unit)) return 'rounding';
  return 'wrong';
}

/** Decimal places a Decimal was written with ("4280.30" keeps none: pass the printed places where known). */
export function placesOf(value: Decimal): number {
  return Math.max(0, value.decimalPlaces());
}
