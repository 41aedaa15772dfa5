import DecimalJs from 'decimal.js';

/**
 * The one decimal type of Jixiao. A private clone so that nothing else in the process can change its
 * configuration, with plain (never exponential) string output so that amounts survive JSON unchanged.
 * 40 significant digits: 万元 amounts carry at most 12 integer and 6 fractional digits, and ratios of
 * them must keep enough digits to be rounded once, at the end.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});

export type Decimal = InstanceType<typeof Decimal>;

/** Anything that can be turned into a Decimal without passing through a binary float. */
export type DecimalSource = Decimal | string | bigint;

/** The only way to make a number from a string or bigint in the domain. Floats are refused by type. */
export function dec(value: DecimalSource): Decimal {
  if (typeof value === 'bigint') return new Decimal(value.toString());
  return new Decimal(value);
}

export const ZERO: Decimal = new Decimal(0);
export const ONE: Decimal = new Decimal(1);
export const HUNDRED: Decimal = new Decimal(100);
