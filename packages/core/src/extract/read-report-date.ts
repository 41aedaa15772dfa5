import { normalizeNumericText } from '../money/normalize-digits';

/**
 * The date a report was written, from a short line on its cover: "2025年4月18日", "2025 年 5 月",
 * "二〇二三年九月". ISO "yyyy-mm" or "yyyy-mm-dd".
 */
const DIGITS: Readonly<Record<string, string>> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** 一 … 九, 十, 十一 … 三十一 → number. */
function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? Number(DIGITS[m[1]]) : 1) * 10 + (m[2] ? Number(DIGITS[m[2]]) : 0);
  if (s.length === 1 && DIGITS[s] !== undefined) return Number(DIGITS[s]);
  return undefined;
}

export function readReportDate(text: string): string | undefined {
  const t = normalizeNumericText(text).replace(/\s+/g, '');
  if (t.length > 20) return undefined;
  const m = /^((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3}|\d{1,2})月(?:([一二三四五六七八九十]{1,3}|\d{1,2})日)?$/.exec(t);
  if (!m?.[1] || !m[2]) return undefined;
  const year = /^\d+$/.test(m[1]) ? m[1] : [...m[1]].map((c) => DIGITS[c] ?? '').join('');
  const month = chineseNumber(m[2]);
  const day = m[3] ? chineseNumber(m[3]) : undefined;
  if (!month || month > 12 || (day !== undefined && day > 31)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}${day ? `-${String(day).padStart(2, '0')}` : ''}`;
}
