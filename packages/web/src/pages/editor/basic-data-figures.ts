import { dec, ratePercent } from '@jixiao/core';
import { isDecimal } from './field-inputs';
import type { Json } from './json-path';

/**
 * The figures the 基础数据表 derives from what was typed: the sum of a total's lines and the 控制率 of a line,
 * exact (core's Decimal), from the cells' text as it stands. The server's check compares the same sums with the
 * stated totals (audit.basic-data) and answers with findings, not with the sums, and only after a pause in
 * typing: the table shows them at once, and the findings say whether they agree.
 */
/** 编制数 and 实际在职人数: whole people; nine digits stay well inside what a JS number holds exactly. */
const COUNT = /^\d{1,9}$/;

/** A cell's text: what the user typed (a decimal string), a count stored as a number, or nothing. */
export function cellText(value: Json | undefined): string {
  return value === undefined || value === null ? '' : String(value);
}

export function isCountText(text: string): boolean {
  return COUNT.test(text.trim());
}

/** What a count cell stores: a number when it is one (the format wants an integer), else the text, for the server to refuse with its path. */
export function countValue(text: string): Json | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return isCountText(t) ? Number(t) : t;
}

export type Derived =
  /** Nothing to compute from (every part blank, or a zero denominator). */
  | { readonly kind: 'none' }
  /** A part is not a number yet: no figure rather than a wrong one. */
  | { readonly kind: 'bad' }
  /** The exact figure as a decimal string ("80.3", "39.752475…"). */
  | { readonly kind: 'ok'; readonly value: string };

/** The sum of the parts that are filled in, as the auditor adds them (blank cells are absent, not zero). */
export function sumOf(parts: readonly (Json | undefined)[]): Derived {
  const present = parts.map(cellText).filter((t) => t.trim() !== '');
  if (present.length === 0) return { kind: 'none' };
  if (!present.every(isDecimal)) return { kind: 'bad' };
  return { kind: 'ok', value: present.reduce((total, t) => total.plus(dec(t.trim())), dec('0')).toString() };
}

/** part ÷ whole × 100%, exact; none when either is blank or the whole is zero. */
export function rateOf(part: Json | undefined, whole: Json | undefined): Derived {
  const p = cellText(part).trim();
  const w = cellText(whole).trim();
  if (p === '' || w === '') return { kind: 'none' };
  if (!isDecimal(p) || !isDecimal(w)) return { kind: 'bad' };
  const rate = ratePercent(dec(p), dec(w));
  return rate === null ? { kind: 'none' } : { kind: 'ok', value: rate.toString() };
}

/** Whether a stated total (its cell's text) disagrees with a computed sum: "70.3" and "70.30" agree. */
export function disagrees(stated: Json | undefined, computed: Derived): boolean {
  const t = cellText(stated).trim();
  return computed.kind === 'ok' && isDecimal(t) && !dec(t).equals(dec(computed.value));
}
