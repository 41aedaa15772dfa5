/**
 * Worksheet names as Excel accepts them: at most 31 characters, none of : \ / ? * [ ] (their full-width
 * forms are used instead), not "History", unique regardless of case. Apostrophes become ’ (one at either end
 * is refused, and one inside would have to be doubled in every reference to the sheet, print titles included).
 * A name already taken gets "（2）", "（3）", … within the 31 characters.
 */
export const MAX_SHEET_NAME = 31;

const FULL_WIDTH: Readonly<Record<string, string>> = { ':': '：', '\\': '＼', '/': '／', '?': '？', '*': '＊', '[': '【', ']': '】', "'": '’' };

/** The first characters of `s` that fit in `max` UTF-16 units, never splitting a surrogate pair. */
function fit(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

export function cleanSheetName(wanted: string): string {
  return Array.from(wanted, (c) => FULL_WIDTH[c] ?? (c.charCodeAt(0) < 32 ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export class SheetNames {
  private readonly taken = new Set<string>(['history']);

  /** A valid, unused name as close to `wanted` as possible (`fallback` when nothing of it is left). */
  take(wanted: string, fallback = 'Sheet'): string {
    const base = fit(cleanSheetName(wanted), MAX_SHEET_NAME).trim() || fallback;
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : `（${n}）`;
      const name = fit(base, MAX_SHEET_NAME - suffix.length).trim() + suffix;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }
}
