import type { NumberingStyle } from '@jixiao/core';

/**
 * The printed numbering that opens a heading in Chinese official documents: 一、 （一） 1. （1） ①.
 * Shared by text detection ("一、项目概况" typed by hand) and by Word's automatic numbering (whose
 * rendered "一、" is matched the same way).
 */

const CHINESE_DIGITS = '[一二三四五六七八九十百零〇]+';
const ARABIC_DIGITS = '[0-9０-９]{1,3}';

const PATTERNS: readonly (readonly [Exclude<NumberingStyle, 'none'>, RegExp])[] = [
  ['chineseParen', new RegExp(`^([（(]\\s*${CHINESE_DIGITS}\\s*[）)])`)],
  ['arabicParen', new RegExp(`^([（(]\\s*${ARABIC_DIGITS}\\s*[）)])`)],
  ['chinese', new RegExp(`^(${CHINESE_DIGITS}[、.．])`)],
  // "1." or "1、" but not "1.5万元" or "2023.6.9".
  ['arabic', new RegExp(`^(${ARABIC_DIGITS}[.．、])(?![0-9０-９])`)],
  ['circled', /^([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])/],
];

/** The default outline depth of each numbering style in the 一、（一）1.（1）① hierarchy. */
export const LEVEL_OF_STYLE: Readonly<Record<NumberingStyle, number>> = {
  chinese: 1,
  chineseParen: 2,
  arabic: 3,
  arabicParen: 4,
  circled: 5,
  none: 1,
};

/** Longest paragraph (numbering included, in characters) taken as a heading on its numbering alone. */
export const MAX_NUMBERED_HEADING_CHARS = 40;

export interface NumberingPrefix {
  readonly style: Exclude<NumberingStyle, 'none'>;
  /** As printed, e.g. "（一）". */
  readonly numbering: string;
  /** The text after the numbering, trimmed. */
  readonly rest: string;
}

/** The numbering a text opens with, if any. */
export function numberingPrefix(text: string): NumberingPrefix | undefined {
  for (const [style, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    if (match?.[1] !== undefined) {
      return { style, numbering: match[1], rest: text.slice(match[1].length).trim() };
    }
  }
  return undefined;
}

/** The numbering style of a printed numbering such as Word's rendered "一、", or 'none'. */
export function styleOfNumbering(numbering: string): NumberingStyle {
  const prefix = numberingPrefix(numbering.trim());
  return prefix !== undefined && prefix.rest === '' ? prefix.style : 'none';
}

/** Length in characters (code points), as a reader of the page counts. */
export function charCount(text: string): number {
  return Array.from(text).length;
}
