import type { getDocumentProxy } from 'unpdf';

/**
 * One page as geometry: the text runs pdf.js reports (getTextContent) and the straight rules it draws
 * (getOperatorList), both in the page's viewport coordinates (points, origin top-left, y down, page
 * rotation applied), so that everything after this file reads top-to-bottom, left-to-right.
 */

export type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
type Matrix = readonly [number, number, number, number, number, number];

/** A piece of text on one baseline, as pdf.js gives it (a run of one font). */
export interface TextRun {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly top: number;
  readonly bottom: number;
  /** y of the baseline (for upright text); the vertical centre for rotated text. */
  readonly baseline: number;
  /** Font size in points. */
  readonly size: number;
  readonly bold: boolean;
}

/** A horizontal (`h`, at y) or vertical (`v`, at x) rule from `from` to `to`. */
export interface Rule {
  readonly kind: 'h' | 'v';
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

export interface PageContent {
  /** 1-based. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly runs: readonly TextRun[];
  readonly rules: readonly Rule[];
  /** Whether the drawn rules could be read (the operator list failed: text only). */
  readonly rulesRead: boolean;
  /**
   * Text-showing operations in the page's content. Text drawn but not extracted (0 runs) means fonts pdf.js
   * cannot decode, e.g. a non-embedded Chinese font with a predefined CMap (UniGB-UCS2-H), not a scan.
   */
  readonly textOps: number;
}

/** pdf.js operator ids (pdf.js `OPS`); stable across pdf.js versions. */
export interface OpIds {
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly constructPath: number;
  readonly paintFormXObjectBegin: number;
  readonly paintFormXObjectEnd: number;
  readonly showText: ReadonlySet<number>;
  readonly strokes: ReadonlySet<number>;
  readonly fills: ReadonlySet<number>;
}

export function opIds(OPS: Record<string, number>): OpIds {
  const id = (name: string) => OPS[name] ?? -1;
  return {
    save: id('save'),
    restore: id('restore'),
    transform: id('transform'),
    constructPath: id('constructPath'),
    paintFormXObjectBegin: id('paintFormXObjectBegin'),
    paintFormXObjectEnd: id('paintFormXObjectEnd'),
    showText: new Set(['showText', 'showSpacedText', 'nextLineShowText', 'nextLineSetSpacingShowText'].map(id)),
    strokes: new Set(['stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map(id)),
    fills: new Set(['fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map(id)),
  };
}

const BOLD_FONT = /bold|black|heavy|semibold|demibold|[-,_]b$|\bw[6-9]\b/i;

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function asMatrix(value: unknown): Matrix | undefined {
  if (!value || typeof (value as ArrayLike<number>).length !== 'number' || (value as ArrayLike<number>).length < 6) return undefined;
  const v = value as ArrayLike<number>;
  const m: Matrix = [Number(v[0]), Number(v[1]), Number(v[2]), Number(v[3]), Number(v[4]), Number(v[5])];
  return m.every(Number.isFinite) ? m : undefined;
}

/** The text runs of a page. Whitespace-only runs are dropped: gaps are measured from positions. */
export async function readRuns(page: PdfPage, view: Matrix): Promise<TextRun[]> {
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  const boldByFont = new Map<string, boolean>();
  const isBold = (fontName: string): boolean => {
    let bold = boldByFont.get(fontName);
    if (bold === undefined) {
      bold = false;
      try {
        // Fonts are in commonObjs once the operator list has loaded them; their PDF name tells the weight.
        if (page.commonObjs.has(fontName)) {
          const font = page.commonObjs.get(fontName) as { name?: unknown; bold?: unknown; black?: unknown } | null;
          bold = Boolean(font && (font.bold === true || font.black === true || (typeof font.name === 'string' && BOLD_FONT.test(font.name))));
        }
      } catch {
        bold = false;
      }
      boldByFont.set(fontName, bold);
    }
    return bold;
  };
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const text = item.str.replace(/\s+/g, ' ');
    if (!text.trim()) continue;
    const t = asMatrix(item.transform);
    if (!t) continue;
    const m = multiply(view, t);
    const along = Math.hypot(m[0], m[1]) || 1;
    const up = Math.hypot(m[2], m[3]);
    const size = up || item.height || 1;
    // Unit vectors along the baseline and towards the top of the glyphs, in device space.
    const dx = m[0] / along;
    const dy = m[1] / along;
    const ux = up ? m[2] / up : 0;
    const uy = up ? m[3] / up : -1;
    const w = Number.isFinite(item.width) ? item.width : 0;
    // The glyph box: from 0.2 em below the baseline to 0.85 em above it.
    const corners: [number, number][] = [];
    for (const a of [0, w]) {
      for (const b of [-0.2 * size, 0.85 * size]) corners.push([m[4] + dx * a + ux * b, m[5] + dy * a + uy * b]);
    }
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const upright = Math.abs(dy) < 0.1 && dx > 0;
    const top = Math.min(...ys);
    const bottom = Math.max(...ys);
    runs.push({
      text,
      x0: Math.min(...xs),
      x1: Math.max(...xs),
      top,
      bottom,
      baseline: upright ? m[5] : (top + bottom) / 2,
      size,
      bold: isBold(item.fontName),
    });
  }
  return runs;
}

/**
 * The straight rules a page draws: stroked axis-aligned segments (of lines and rectangles) and thin filled
 * rectangles (how Word and WPS draw cell borders). Curves, clipping paths and large fills (shading) are not
 * rules.
 */
export async function readRules(page: PdfPage, view: Matrix, ops: OpIds): Promise<{ rules: Rule[]; textOps: number }> {
  const list = await page.getOperatorList();
  const rules: Rule[] = [];
  let textOps = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args: unknown = argsArray[i];
    if (fn !== undefined && ops.showText.has(fn)) textOps++;
    else if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) {
      const m = asMatrix(args);
      if (m) ctm = multiply(ctm, m);
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = asMatrix(Array.isArray(args) ? args[0] : undefined);
      if (m) ctm = multiply(ctm, m);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && Array.isArray(args)) {
      const paint = args[0] as number;
      const stroke = ops.strokes.has(paint);
      const fill = ops.fills.has(paint);
      if (!stroke && !fill) continue;
      const data = Array.isArray(args[1]) ? (args[1][0] as ArrayLike<number> | null) : null;
      if (!data) continue;
      const toPage = multiply(view, ctm);
      for (const path of subpaths(data)) {
        const points = path.map(([x, y]) => apply(toPage, x, y));
        if (stroke) strokeRules(points, rules);
        else fillRule(points, rules);
      }
    }
  }
  return { rules, textOps };
}

/** Splits pdf.js path data (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath) into polylines; a curve breaks the polyline. */
function subpaths(data: ArrayLike<number>): [number, number][][] {
  const paths: [number, number][][] = [];
  let current: [number, number][] = [];
  const flush = () => {
    if (current.length > 1) paths.push(current);
    current = [];
  };
  let i = 0;
  while (i < data.length) {
    const op = data[i];
    if (op === 0) {
      flush();
      current.push([Number(data[i + 1]), Number(data[i + 2])]);
      i += 3;
    } else if (op === 1) {
      current.push([Number(data[i + 1]), Number(data[i + 2])]);
      i += 3;
    } else if (op === 2) {
      const end: [number, number] = [Number(data[i + 5]), Number(data[i + 6])];
      flush();
      current.push(end);
      i += 7;
    } else if (op === 3) {
      const end: [number, number] = [Number(data[i + 3]), Number(data[i + 4])];
      flush();
      current.push(end);
      i += 5;
    } else if (op === 4) {
      const first = current[0];
      if (first) current.push(first);
      flush();
      i += 1;
    } else {
      break;
    }
  }
  flush();
  return paths;
}

const ALIGN = 0.75;
const MIN_RULE = 2;
const THIN = 3;

function strokeRules(points: [number, number][], rules: Rule[]): void {
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1];
    const b = points[k];
    if (!a || !b) continue;
    pushRule(a, b, rules);
  }
}

function pushRule(a: [number, number], b: [number, number], rules: Rule[]): void {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= ALIGN && dx >= MIN_RULE) rules.push({ kind: 'h', at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) });
  else if (dx <= ALIGN && dy >= MIN_RULE) rules.push({ kind: 'v', at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) });
}

/** A filled axis-aligned rectangle thinner than 3 pt is a rule along its long side. */
function fillRule(points: [number, number][], rules: Rule[]): void {
  if (points.length < 4 || points.length > 5) return;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const onCorners = points.every(([x, y]) => (Math.abs(x - x0) <= ALIGN || Math.abs(x - x1) <= ALIGN) && (Math.abs(y - y0) <= ALIGN || Math.abs(y - y1) <= ALIGN));
  if (!onCorners) return;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= THIN && w >= MIN_RULE && w > h) rules.push({ kind: 'h', at: (y0 + y1) / 2, from: x0, to: x1 });
  else if (w <= THIN && h >= MIN_RULE && h > w) rules.push({ kind: 'v', at: (x0 + x1) / 2, from: y0, to: y1 });
}

/**
 * Reads one page. The operator list is read first (it loads the fonts, whose names tell bold); when it
 * fails the page is still read as text, and the caller falls back to column clustering for its tables.
 */
export async function readPage(page: PdfPage, ops: OpIds): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const view = asMatrix(viewport.transform) ?? [1, 0, 0, -1, 0, viewport.height];
  let drawn: { rules: Rule[]; textOps: number } = { rules: [], textOps: 0 };
  let rulesRead = true;
  try {
    drawn = await readRules(page, view, ops);
  } catch {
    rulesRead = false;
  }
  const runs = await readRuns(page, view);
  return { number: page.pageNumber, width: viewport.width, height: viewport.height, runs, rules: drawn.rules, rulesRead, textOps: drawn.textOps };
}
