import type { Decimal} from './decimal';
import { dec } from './decimal';
import { normalizeNumericText } from './normalize-digits';
import { fixedHalfAwayFromZero } from './rounding';

/**
 * Money in Jixiao is an exact Decimal in 万元 (ten thousand yuan), the unit of every budget table.
 * 1 分 = 0.000001 万元, so six decimals hold any amount exactly. 元 amounts are converted on the way in.
 */
export type Wanyuan = Decimal;

export type AmountUnit = 'wanyuan' | 'yuan';

/** A figure as a report printed it: its value in 万元, the unit it was printed in, and its printed precision. */
export interface ParsedAmount {
  /** The value in 万元; null for a printed blank: "", "-", "——", "/", "无". */
  readonly wanyuan: Wanyuan | null;
  /** The unit written beside the number, or the caller's default when none was written. */
  readonly unit: AmountUnit;
  /** Whether the unit was written in the text (false when the default was assumed). */
  readonly unitWritten: boolean;
  /** Decimal places as printed in the printed unit: the auditor judges a figure to this precision. */
  readonly places: number;
  /** The text the figure came from, untouched. */
  readonly text: string;
}

export type ParseAmountResult =
  | { readonly ok: true; readonly amount: ParsedAmount }
  | { readonly ok: false; readonly text: string; readonly reason: string };

const BLANKS = new Set(['', '-', '--', '—', '——', '———', '/', '无', '－', '―', '——　']);

// A number with optional sign and thousands separators. Separators must group exactly three digits,
// so "1,74,000" is refused rather than read as 174000.
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** Reads one printed amount: "2,092.38", "4280.31万元", "1,740,000元", "１２３", "——", "". */
export function parseAmount(text: string, defaultUnit: AmountUnit = 'wanyuan'): ParseAmountResult {
  let s = normalizeNumericText(text).replace(/\s+/g, '');
  if (BLANKS.has(s)) {
    return { ok: true, amount: { wanyuan: null, unit: defaultUnit, unitWritten: false, places: 0, text } };
  }
  let unit: AmountUnit = defaultUnit;
  let unitWritten = false;
  if (s.endsWith('万元')) {
    unit = 'wanyuan';
    unitWritten = true;
    s = s.slice(0, -2);
  } else if (s.endsWith('元')) {
    unit = 'yuan';
    unitWritten = true;
    s = s.slice(0, -1);
  }
  const m = NUMBER.exec(s);
  if (!m) return { ok: false, text, reason: `无法识别的金额“${text}”` };
  const [, sign = '', intPart = '', frac = ''] = m;
  const printed = dec(`${sign}${intPart.replaceAll(',', '')}${frac ? `.${frac}` : ''}`);
  // "-0" is zero: a signed zero would print as "-0" in JSON.
  const value = printed.isZero() ? printed.abs() : printed;
  const wanyuan = unit === 'yuan' ? yuanToWanyuan(value) : value;
  return { ok: true, amount: { wanyuan, unit, unitWritten, places: frac.length, text } };
}

/** 元 → 万元, exact. */
export function yuanToWanyuan(yuan: Decimal): Wanyuan {
  return yuan.div(10000);
}

/** 万元 → 元, exact. */
export function wanyuanToYuan(wanyuan: Wanyuan): Decimal {
  return wanyuan.mul(10000);
}

export interface FormatAmountOptions {
  /** Decimal places after 四舍五入 (default 2, the tables' precision). */
  readonly places?: number;
  /** Group thousands with commas as some reports do ("2,092.38"). Default false, as the official tables print. */
  readonly grouping?: boolean;
}

/** Formats a 万元 amount as the tables print it: "4280.31", or "4,280.31" with grouping. */
export function formatAmount(value: Wanyuan, options: FormatAmountOptions = {}): string {
  const places = options.places ?? 2;
  const fixed = fixedHalfAwayFromZero(value, places);
  if (!options.grouping) return fixed;
  const [int = '', frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}
