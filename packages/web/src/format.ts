import { dec, formatAmount, formatPercent, roundHalfAwayFromZero } from '@jixiao/core';

/**
 * Display forms of the API's exact decimal strings. Nothing here goes through a JS number: amounts keep every
 * place they have (万元 to 6 places is exactly 分), rates and scores are rounded 四舍五入 as printed reports do.
 */
const EMPTY = '—';

/** An amount in 万元 with thousands separators, at least 2 places and no trailing zeros beyond them. */
export function money(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const fraction = value.split('.')[1]?.replace(/0+$/, '') ?? '';
  return formatAmount(dec(value), { places: Math.max(2, fraction.length), grouping: true });
}

/** A rate in percent points ("98.4900") as "98.49%". */
export function percent(value: string | null | undefined, places = 2): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  return formatPercent(dec(value), places);
}

/** A score or weight: "9.85", "10", "12.5" (as printed: no padding zeros). */
export function score(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  return roundHalfAwayFromZero(dec(value), 2).toString();
}

/** Whether two decimal strings differ as numbers ("10" vs "10.00" do not). */
export function differs(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || a === '' || b === null || b === undefined || b === '') return false;
  return !dec(a).equals(dec(b));
}

/** A number for charts only (ECharts plots doubles; no figure shown as text comes from here). */
export function plotValue(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  return dec(value).toNumber();
}

/** "2026-06-20" or an ISO timestamp as "2026年6月20日". */
export function chineseDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
