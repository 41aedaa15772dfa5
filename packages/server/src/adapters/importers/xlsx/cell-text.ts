/**
 * The text a spreadsheet cell shows. exceljs 4.4's `cell.text` is only `value.toString()`: it ignores the
 * number format (0.9849 formatted 0.00% comes out "0.9849", a date as "Sat Dec 31 2022 …"), so the
 * common Excel number formats are applied here. Numbers are first taken to 15 significant digits, as
 * Excel does, then rounded half away from zero in decimal (never through binary floats), so 4280.31
 * stays "4280.31", 0.1 + 0.2 shows "0.3" and 0.98485 formatted 0.00% shows "98.49%".
 *
 * Supported: General, 0 / # / ? placeholders with decimals, thousands separators and trailing-comma
 * scaling, %, scientific (0.00E+00), literals ("万元", \x, [$¥-804]), the positive;negative;zero sections,
 * and dates, which always come out as yyyy-mm-dd (the genre only needs the day; a time of day is added
 * as HH:MM[:SS] when present). Fractions (# ?/?) and [DBNum] Chinese numerals fall back to General.
 */

/** A number as decimal digits: value = 0.digits × 10^point, e.g. 4280.31 → digits "428031", point 4. */
interface DecimalDigits {
  digits: string;
  point: number;
}

/** The 15-significant-digit decimal Excel displays for a non-negative finite number. */
function decimalDigits(x: number): DecimalDigits {
  if (x === 0) return { digits: '', point: 0 };
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(x.toPrecision(15));
  if (!m) return { digits: '', point: 0 };
  const intPart = m[1] ?? '';
  const frac = m[2] ?? '';
  const exp = m[3] ? Number(m[3]) : 0;
  let digits = intPart + frac;
  let point = intPart.length + exp;
  const lead = /^0*/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(lead);
  point -= lead;
  digits = digits.replace(/0+$/, '');
  if (!digits) return { digits: '', point: 0 };
  return { digits, point };
}

/** Rounds half away from zero to `decimals` places; returns the integer and fraction digit strings. */
function roundDigits(d: DecimalDigits, decimals: number): { int: string; frac: string } {
  let { digits, point } = d;
  const keep = point + decimals;
  if (keep < 0 || !digits) return { int: '0', frac: '0'.repeat(decimals) };
  if (keep < digits.length) {
    const up = (digits.charCodeAt(keep) - 48) >= 5;
    digits = digits.slice(0, keep);
    if (up) {
      const arr = digits.split('');
      let i = arr.length - 1;
      while (i >= 0 && arr[i] === '9') {
        arr[i] = '0';
        i--;
      }
      if (i >= 0) arr[i] = String(Number(arr[i]) + 1);
      else {
        arr.unshift('1');
        point++;
      }
      digits = arr.join('');
    }
  }
  const padded = digits.padEnd(point + decimals, '0');
  const int = point > 0 ? padded.slice(0, point) : '0';
  const frac = point >= 0 ? padded.slice(point, point + decimals) : ('0'.repeat(-point) + padded).slice(0, decimals);
  return { int: int.replace(/^0+(?=\d)/, ''), frac };
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Excel's General format: up to 15 significant digits, plain unless very large or very small. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (abs >= 1e15 || abs < 1e-9) return sign + scientific(abs, 14, true);
  const d = decimalDigits(abs);
  const decimals = Math.max(0, d.digits.length - d.point);
  const { int, frac } = roundDigits(d, decimals);
  return sign + int + (frac ? `.${frac}` : '');
}

/** 1.23E+04 style; `trim` drops trailing zeros of the mantissa (General does, 0.00E+00 does not). */
function scientific(abs: number, decimals: number, trim: boolean): string {
  if (abs === 0) return `${(0).toFixed(decimals)}E+00`;
  const d = decimalDigits(abs);
  const exp = d.point - 1;
  let { int, frac } = roundDigits({ digits: d.digits, point: 1 }, decimals);
  let e = exp;
  if (int.length > 1) {
    // 9.99… rounded up to 10.0…
    frac = (int.slice(1) + frac).slice(0, decimals);
    int = int.slice(0, 1);
    e++;
  }
  if (trim) frac = frac.replace(/0+$/, '');
  const es = `${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return `${int}${frac ? `.${frac}` : ''}E${es}`;
}

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'placeholder'; char: string }
  | { kind: 'general' }
  | { kind: 'date' }
  | { kind: 'exponent'; sign: string }
  | { kind: 'fraction' };

/** Splits a format into its sections at ';' outside quotes and brackets. */
function sections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i] ?? '';
    if (c === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      cur += format.slice(i, stop + 1);
      i = stop;
    } else if (c === '[') {
      const end = format.indexOf(']', i + 1);
      const stop = end < 0 ? format.length : end;
      cur += format.slice(i, stop + 1);
      i = stop;
    } else if (c === '\\') {
      cur += format.slice(i, i + 2);
      i++;
    } else if (c === ';') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const lit = (text: string) => {
    if (text) tokens.push({ kind: 'literal', text });
  };
  for (let i = 0; i < section.length; i++) {
    const c = section[i] ?? '';
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      lit(section.slice(i + 1, stop));
      i = stop;
    } else if (c === '\\') {
      lit(section[i + 1] ?? '');
      i++;
    } else if (c === '_' || c === '*') {
      // Padding to the width of the next character, or a fill: nothing to read.
      i++;
    } else if (c === '[') {
      const end = section.indexOf(']', i + 1);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop);
      // [$¥-804] is a currency symbol; [Red], [$-804], [DBNum1], [>100] are not shown.
      if (inner.startsWith('$')) lit(inner.slice(1).split('-')[0] ?? '');
      else if (/^(h+|m+|s+)$/i.test(inner)) tokens.push({ kind: 'date' });
      i = stop;
    } else if (/^general/i.test(section.slice(i))) {
      tokens.push({ kind: 'general' });
      i += 'general'.length - 1;
    } else if (c === '@') {
      tokens.push({ kind: 'general' });
    } else if (c === '0' || c === '#' || c === '?' || c === '.' || c === ',') {
      tokens.push({ kind: 'placeholder', char: c });
    } else if (c === '%') {
      tokens.push({ kind: 'placeholder', char: '%' });
    } else if ((c === 'E' || c === 'e') && (section[i + 1] === '+' || section[i + 1] === '-')) {
      tokens.push({ kind: 'exponent', sign: section[i + 1] ?? '+' });
      i++;
    } else if (c === '/' && tokens.some((t) => t.kind === 'placeholder')) {
      tokens.push({ kind: 'fraction' });
    } else if (/[yYmMdDhHsSbBeg]/.test(c) || /^(AM\/PM|A\/P|上午\/下午)/i.test(section.slice(i))) {
      tokens.push({ kind: 'date' });
    } else {
      lit(c);
    }
  }
  return tokens;
}

/** The digits part of a format: "#,##0.00" → grouping, 1 integer zero, 2 decimals (2 required). */
function formatDigits(abs: number, placeholders: string[], percents: number): string {
  const dot = placeholders.indexOf('.');
  const intPh = dot < 0 ? placeholders : placeholders.slice(0, dot);
  const fracPh = dot < 0 ? [] : placeholders.slice(dot + 1).filter((c) => c !== ',');
  // Commas after the last integer digit placeholder divide by 1000 each; a comma between digits groups.
  let scaleCommas = 0;
  let k = intPh.length - 1;
  while (k >= 0 && intPh[k] === ',') {
    scaleCommas++;
    k--;
  }
  const grouping = intPh.slice(0, k + 1).includes(',');
  const minInt = intPh.filter((c) => c === '0').length;
  const maxDec = fracPh.length;
  const lastZero = fracPh.lastIndexOf('0');
  const minDec = lastZero + 1;
  const d = decimalDigits(abs);
  const shifted: DecimalDigits = { digits: d.digits, point: d.point + 2 * percents - 3 * scaleCommas };
  const rounded = roundDigits(shifted, maxDec);
  let int = rounded.int;
  const frac = rounded.frac;
  if (int === '0' && minInt === 0) int = '';
  if (int.length < minInt) int = int.padStart(minInt, '0');
  let f = frac;
  while (f.length > minDec && f.endsWith('0')) f = f.slice(0, -1);
  if (grouping) int = group(int);
  return int + (dot >= 0 && (f || placeholders.slice(dot + 1).length) ? `.${f}` : '');
}

/** yyyy-mm-dd, with HH:MM[:SS] when the value has a time of day; a time alone gives HH:MM[:SS]. */
export function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getUTCFullYear()}-${p(date.getUTCMonth() + 1)}-${p(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  const time = h || m || s ? `${p(h)}:${p(m)}${s ? `:${p(s)}` : ''}` : '';
  // Excel's day 0 (1899-12-30 in exceljs's conversion, 1904-01-01 in the 1904 system) is a time alone.
  const timeOnly = (day === '1899-12-30' || day === '1904-01-01') && time;
  if (timeOnly) return time;
  return time ? `${day} ${time}` : day;
}

/** Excel serial day → Date, as exceljs converts it (UTC). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** A number as Excel shows it in `numFmt` (undefined = General). */
export function formatNumber(value: number, numFmt: string | undefined, date1904 = false): string {
  if (!Number.isFinite(value)) return String(value);
  const format = numFmt?.trim() ? numFmt : 'General';
  const secs = sections(format);
  let section = secs[0] ?? '';
  let sign = value < 0 ? '-' : '';
  if (value < 0 && secs.length >= 2) {
    section = secs[1] ?? '';
    sign = '';
  } else if (value === 0 && secs.length >= 3) {
    section = secs[2] ?? '';
  }
  const tokens = tokenize(section);
  const abs = Math.abs(value);
  if (tokens.some((t) => t.kind === 'date')) return formatDate(serialToDate(value, date1904));
  if (tokens.some((t) => t.kind === 'fraction')) return formatGeneral(value);
  const placeholders = tokens.filter((t) => t.kind === 'placeholder' && t.char !== '%').map((t) => (t.kind === 'placeholder' ? t.char : ''));
  const percents = tokens.filter((t) => t.kind === 'placeholder' && t.char === '%').length;
  const exponent = tokens.find((t) => t.kind === 'exponent');
  const hasDigits = placeholders.some((c) => c === '0' || c === '#' || c === '?');
  const hasGeneral = tokens.some((t) => t.kind === 'general');

  let number: string;
  if (hasGeneral || (!hasDigits && !tokens.some((t) => t.kind === 'literal'))) {
    number = formatGeneral(abs * 100 ** percents);
  } else if (exponent) {
    // The mantissa's placeholders are those before the E; the ones after it are the exponent's digits.
    const mantissa = tokens.slice(0, tokens.indexOf(exponent)).flatMap((t) => (t.kind === 'placeholder' ? [t.char] : []));
    const dot = mantissa.indexOf('.');
    const decimals = dot < 0 ? 0 : mantissa.slice(dot + 1).filter((c) => c === '0' || c === '#' || c === '?').length;
    number = scientific(abs, decimals, false);
  } else if (hasDigits) {
    number = formatDigits(abs, placeholders, percents);
  } else {
    number = '';
  }
  // A value that rounds to zero shows no minus sign.
  if (sign && !/[1-9]/.test(number)) sign = '';

  let out = '';
  let placed = false;
  for (const t of tokens) {
    if (t.kind === 'literal') out += t.text;
    else if (t.kind === 'placeholder' && t.char === '%') {
      if (!placed) {
        out += number;
        placed = true;
      }
      out += '%';
    } else if (t.kind === 'placeholder' || t.kind === 'general' || t.kind === 'exponent') {
      if (!placed) {
        out += number;
        placed = true;
      }
    }
  }
  if (!placed) out += number;
  return sign + out;
}

/** What a cell's value shows, for the value shapes exceljs produces; unknown shapes give "". */
export interface CellReading {
  readonly text: string;
  /** A formula whose file holds no computed result (written by a program that does not calculate). */
  readonly formulaWithoutResult: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function plain(value: unknown, numFmt: string | undefined, date1904: boolean, depth = 0): CellReading {
  const none: CellReading = { text: '', formulaWithoutResult: false };
  if (value === null || value === undefined || depth > 3) return none;
  if (typeof value === 'number') return { text: formatNumber(value, numFmt, date1904), formulaWithoutResult: false };
  if (typeof value === 'string') return { text: value, formulaWithoutResult: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', formulaWithoutResult: false };
  if (value instanceof Date) return { text: formatDate(value), formulaWithoutResult: false };
  if (!isRecord(value)) return none;
  if (Array.isArray(value.richText)) {
    const text = value.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
    return { text, formulaWithoutResult: false };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return { text: '', formulaWithoutResult: true };
    return plain(result, numFmt, date1904, depth + 1);
  }
  if (typeof value.error === 'string') return { text: value.error, formulaWithoutResult: false };
  if ('hyperlink' in value || 'text' in value) return plain(value.text, numFmt, date1904, depth + 1);
  return none;
}

/**
 * A cell value's displayed text, trimmed of surrounding whitespace (full-width spaces included, as the
 * other readers do) with line breaks normalised to \n.
 */
export function readCellValue(value: unknown, numFmt: string | undefined, date1904: boolean): CellReading {
  const r = plain(value, numFmt, date1904);
  return { text: r.text.replace(/\r\n?/g, '\n').trim(), formulaWithoutResult: r.formulaWithoutResult };
}
