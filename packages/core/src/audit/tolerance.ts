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

// One unit in the last printed place, for the places figures are printed with (every comparison needs one).
const UNITS: readonly Decimal[] = Array.from({ length: 21 }, (_, places) => new Decimal(10).pow(-places));

export function agreement(printed: Decimal, exact: Decimal, places: number): Agreement {
  if (roundHalfAwayFromZero(exact, places).eq(printed)) return 'exact';
  const unit = UNITS[places] ?? new Decimal(10).pow(-places);
  if (truncate(exact, places).eq(printed) || printed.minus(exact).abs().lte(unit)) return 'rounding';
  return 'wrong';
}

/**
 * Whether `agreement(printed, exact, places)` is surely `wrong`, told from binary floats: `printed` and
 * `estimate` are the figures as floats, `estimate` computed from floats (a quotient of two, say), so off from
 * the exact value by a few parts in 10¹⁶. Agreement of any kind needs |printed − exact| ≤ one unit in the last
 * place (rounding is within half a unit, truncation within one), so a float gap larger than one unit plus a
 * margin of 10⁻⁹ (relative, far above the float error) is a real gap. Anything closer, or not finite, is left
 * to `agreement`: a pre-check for rules that try many candidates, sparing most of them an exact division.
 */
export function surelyWrong(printed: number, estimate: number, places: number): boolean {
  if (!Number.isFinite(printed) || !Number.isFinite(estimate) || !Number.isInteger(places) || places < 0) return false;
  const margin = 1e-9 * (1 + Math.abs(printed) + Math.abs(estimate));
  return Math.abs(printed - estimate) > 10 ** -places + margin;
}

/** Decimal places a Decimal was written with ("4280.30" keeps none: pass the printed places where known). */
export function placesOf(value: Decimal): number {
  return Math.max(0, value.decimalPlaces());
}
