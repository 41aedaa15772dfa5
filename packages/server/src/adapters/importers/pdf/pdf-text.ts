import type { TextRun } from './pdf-page';

/**
 * Text runs on one baseline, left to right: the box of all of them, `size` the largest font size on the
 * line, `bold` whether most of its characters are set in a bold font.
 */
export interface Line extends TextRun {
  readonly runs: readonly TextRun[];
}

/** Han characters, CJK punctuation, kana, full-width forms: joined without spaces. */
const CJK = /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3190-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u2014\u2018\u2019\u201C\u201D\u2026\u00B7]/;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

const SPACE_BY_CJK = new RegExp(`(?<=${CJK.source}) +| +(?=${CJK.source})`, 'g');

/** pdf.js puts a space where justified text leaves a gap between glyphs; next to CJK it is never a real space. */
function tidy(text: string): string {
  return text.replace(SPACE_BY_CJK, '').replace(/ {2,}/g, ' ').trim();
}

const WORD = /[A-Za-z0-9\u00C0-\u024F]/;
const DIGIT = /[0-9]/;

/**
 * Joins two lines of a wrapped text: nothing between CJK characters (or CJK next to Latin, as Chinese
 * typesetting does), nothing inside a number ("12345" + "67.89", "238." + "49" in a narrow cell) or before
 * punctuation ("100" + "%"), a space before a Latin word that follows a word or a Latin stop.
 */
export function joinText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const last = a[a.length - 1] ?? '';
  const first = b[0] ?? '';
  if (DIGIT.test(first) && /\d[.,]?$/.test(a)) return a + b;
  const space = WORD.test(first) && (WORD.test(last) || /[.,;:!?)\]]/.test(last));
  return space ? `${a} ${b}` : a + b;
}

/** Joins the runs of one line: a space only between Latin words with a gap between them. */
function lineText(runs: readonly TextRun[]): string {
  let text = '';
  let prev: TextRun | undefined;
  for (const run of runs) {
    if (!prev) {
      text = run.text;
    } else {
      const gap = run.x0 - prev.x1;
      const last = text[text.length - 1];
      const first = run.text[0];
      // A gap on one line is a space between Latin words or numbers, not before punctuation ("100 %").
      const em = Math.min(prev.size, run.size);
      const words = last !== undefined && first !== undefined && WORD.test(last) && WORD.test(first);
      const latin = !isCjk(last) && !isCjk(first) && last !== ' ' && first !== ' ' && !/^[%),.;:!?\]}]/.test(run.text);
      const space = (words && gap > 0.15 * em) || (latin && gap > 0.22 * em);
      text += space ? ` ${run.text}` : run.text;
    }
    prev = run;
  }
  return tidy(text);
}

export function makeLine(runs: readonly TextRun[]): Line {
  const sorted = [...runs].sort((a, b) => a.x0 - b.x0);
  let boldChars = 0;
  let chars = 0;
  for (const r of sorted) {
    const n = r.text.replace(/\s/g, '').length;
    chars += n;
    if (r.bold) boldChars += n;
  }
  const baselines = sorted.map((r) => r.baseline);
  return {
    runs: sorted,
    text: lineText(sorted),
    x0: Math.min(...sorted.map((r) => r.x0)),
    x1: Math.max(...sorted.map((r) => r.x1)),
    top: Math.min(...sorted.map((r) => r.top)),
    bottom: Math.max(...sorted.map((r) => r.bottom)),
    baseline: baselines.reduce((s, b) => s + b, 0) / baselines.length,
    size: Math.max(...sorted.map((r) => r.size)),
    bold: chars > 0 && boldChars * 2 > chars,
  };
}

/**
 * Groups runs into lines: a run joins the line whose baseline is within half the smaller font size (so a
 * number set in another font a little off the CJK baseline stays on its line). Duplicate runs drawn twice
 * at the same place (fake bold) are dropped.
 */
export function groupLines(runs: readonly TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: { baseline: number; size: number; runs: TextRun[] }[] = [];
  for (const run of sorted) {
    const group = groups[groups.length - 1];
    if (group && Math.abs(run.baseline - group.baseline) <= 0.5 * Math.min(run.size, group.size)) {
      const dup = group.runs.some((r) => r.text === run.text && Math.abs(r.x0 - run.x0) < 1 && Math.abs(r.baseline - run.baseline) < 1);
      if (!dup) group.runs.push(run);
    } else {
      groups.push({ baseline: run.baseline, size: run.size, runs: [run] });
    }
  }
  return groups.map((g) => makeLine(g.runs));
}

/** The text of a block of lines (a cell, a wrapped paragraph): lines joined as `joinText` says. */
export function linesText(lines: readonly Line[]): string {
  return lines.reduce((text, line) => joinText(text, line.text), '').trim();
}
