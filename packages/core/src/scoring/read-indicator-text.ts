import type { Decimal} from '../money/decimal';
import { dec } from '../money/decimal';
import { normalizeNumericText } from '../money/normalize-digits';
import type { Direction } from '../model/direction';

/**
 * Reads the number, unit and comparison out of an indicator's 年度指标值 or 实际完成值 as reports write
 * them: "≥400期", "全年信息更新量不少于2.5万条", "≤100%", "98.88%", "200余人次". A text is read as a
 * quantity only when it holds exactly one number that is not a date, a range or a formula; anything else
 * ("十余次专项督查", "24-26次维修", "采用信息60篇，批示12条") is 定性 (scoring-rules.md §2.5 value parsing).
 */
export interface IndicatorTextReading {
  /** The comparison written in the text, if any. */
  readonly direction?: Direction;
  readonly value?: Decimal;
  /** The measure word or %, e.g. "期", "条", "%", "人次". 万/亿 multipliers are applied to the value. */
  readonly unit?: string;
  /** Why the text is not a quantity, when it is not. */
  readonly notNumeric?: 'no-number' | 'several-numbers' | 'range' | 'formula';
  /** The number was approximate ("200余人次", "约 n 次"). */
  readonly approximate?: boolean;
}

// Longest first, so that "人次" wins over "人" and "万元" over "万".
const UNITS = [
  '平方米', '工作日', '个百分点', '百分点', '人次', '户次', '万元', '亿元', '个月', '小时', '公里', '课时',
  '%', '‰', '㎡', '元', '次', '篇', '期', '个', '条', '件', '项', '人', '家', '部', '场', '批', '份', '本',
  '台', '辆', '所', '户', '册', '套', '座', '名', '起', '天', '日', '月', '年', '分', '米', '亩', '吨', '期',
  '栋', '处', '类', '支', '首', '部', '册', '页', '字', '篇次', '场次', '期次', '单', '张',
].sort((a, b) => b.length - a.length);
// The same choice as trying each unit in that order with startsWith, in one match: an alternation tries its
// branches left to right, so the longest unit that starts the text wins.
const UNIT_AT_START = new RegExp(`^(?:${UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);

// Negated words first: 不超过 ends in 超过, 不少于 in 少于, so the longer, negated form must win.
const OPERATOR_BEFORE: ReadonlyArray<readonly [RegExp, Direction]> = [
  [/(不超过|不高于|不大于|不多于|小于等于|≤|<=|≦|控制在)\s*$/, 'LE'],
  [/(不少于|不低于|不小于|大于等于|≥|>=|≧|至少|达到|达)\s*$/, 'GE'],
  [/(＞|>|大于|高于|多于|超过|超)\s*$/, 'GT'],
  [/(＜|<|小于|低于|少于)\s*$/, 'LT'],
  [/(＝|=|等于|为)\s*$/, 'EQ'],
];

const OPERATOR_AFTER: ReadonlyArray<readonly [RegExp, Direction]> = [
  [/^\s*(以上|及以上|以上（含）)/, 'GE'],
  [/^\s*(以下|以内|及以下)/, 'LE'],
];

// Dates and years are not quantities: "2024年12月底之前完成", "2023年".
// A year is 19xx or 20xx standing alone, so that amounts like 4280.31 or 15424.89 are never taken for dates.
const DATE =
  /(?<![\d.])(?:19|20)\d{2}\s*年(\s*\d{1,2}\s*月)?(\s*\d{1,2}\s*日)?|(?<![\d.])(?:19|20)\d{2}[.\-/](?:0?[1-9]|1[0-2])(?:[.\-/]\d{1,2})?(?![\d.])/g;
const NUMBER = /\d+(?:\.\d+)?/g;
// Every row's two texts are read on every scoring, and most need less than the full treatment: a text
// without any digit, half- or full-width, holds no number (normalising makes digits only of full-width
// digits, and a date needs digits), and one without full-width forms or dates is not changed by
// normalising or masking (the tests use the same patterns, without /g).
const HAS_DIGIT = /[\d\uff10-\uff19]/;
const NEEDS_NORMALIZING = /[\uff10-\uff19．，－−–％＋\u3000\u00a0\t]/;
const HAS_DATE = new RegExp(DATE.source);

export function readIndicatorText(raw: string): IndicatorTextReading {
  if (!HAS_DIGIT.test(raw)) return { notNumeric: 'no-number' };
  const text = NEEDS_NORMALIZING.test(raw) ? normalizeNumericText(raw) : raw.trim();
  const masked = HAS_DATE.test(text) ? text.replace(DATE, (m) => '＃'.repeat(m.length)) : text;
  // Only whether there are none, one or several numbers matters: stop at the second.
  NUMBER.lastIndex = 0;
  const m = NUMBER.exec(masked);
  if (m === null) return { notNumeric: 'no-number' };
  if (NUMBER.exec(masked) !== null) {
    return { notNumeric: /\d\s*[-~～至到]\s*\d/.test(masked) ? 'range' : 'several-numbers' };
  }
  const before = masked.slice(0, m.index);
  let after = masked.slice(m.index + m[0].length);
  if (/[A-Za-z+×*/^]\s*$/.test(before) || /^\s*[A-Za-z+×*/^]/.test(after)) return { notNumeric: 'formula' };

  let value = dec(m[0]);
  let approximate = /约\s*$/.test(before);
  if (/^\s*余/.test(after) || /^\s*多/.test(after)) {
    approximate = true;
    after = after.replace(/^\s*[余多]/, '');
  }
  let unit: string | undefined;
  const multiplier = /^\s*(万|亿)(?!元)/.exec(after);
  if (multiplier) {
    value = value.mul(multiplier[1] === '万' ? 10000 : 100000000);
    after = after.slice(multiplier[0].length);
  }
  const trimmed = after.replace(/^\s+/, '');
  const u = UNIT_AT_START.exec(trimmed)?.[0];
  if (u !== undefined) {
    unit = u;
    after = trimmed.slice(u.length);
  }
  let direction: Direction | undefined;
  for (const [re, d] of OPERATOR_BEFORE) {
    if (re.test(before)) {
      direction = d;
      break;
    }
  }
  if (!direction) {
    for (const [re, d] of OPERATOR_AFTER) {
      if (re.test(after)) {
        direction = d;
        break;
      }
    }
  }
  if (!direction && approximate) direction = 'GE';
  return {
    value,
    ...(unit ? { unit } : {}),
    ...(direction ? { direction } : {}),
    ...(approximate ? { approximate } : {}),
  };
}
