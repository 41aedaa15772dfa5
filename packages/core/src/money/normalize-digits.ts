/**
 * Reports mix full-width and half-width forms (１２３, ．, ，, －, ％) and pad cells with ideographic or
 * no-break spaces. Normalising them once here keeps every parser below simple.
 */
const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

export function normalizeNumericText(text: string): string {
  return normalizeNumericChars(text).trim();
}

/**
 * The same, character for character and without trimming, so that positions found in the normalised
 * text are positions in the original (every mapping here is one UTF-16 unit to one).
 */
export function normalizeNumericChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else if (ch === '．') out += '.';
    else if (ch === '，') out += ',';
    else if (ch === '－' || ch === '−' || ch === '–') out += '-';
    else if (ch === '％') out += '%';
    else if (ch === '＋') out += '+';
    else if (ch === '\u3000' || ch === '\u00a0' || ch === '\t') out += ' ';
    else out += ch;
  }
  return out;
}
