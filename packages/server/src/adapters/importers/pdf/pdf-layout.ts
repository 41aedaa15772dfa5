import type { DocumentBlock, Finding, NumberingStyle, TableCell } from '@jixiao/core';
import { readNumbering } from '../txt/read-txt';
import { findGrids, type PageGrid } from './pdf-grid';
import type { PageContent } from './pdf-page';
import { groupLines, joinText, linesText, makeLine, type Line } from './pdf-text';

/**
 * Pages (text runs and rules) → blocks in reading order: page furniture removed, ruled tables rebuilt as
 * grids (continued across pages), tables without rules rebuilt by column clustering, the remaining lines
 * joined into paragraphs (across page breaks too) and headings.
 */

/** Ends a sentence or a clause (CJK or ASCII). */
const TERMINAL = /[。；;：:！!？?.]$/;
/** A line that is nothing but a page number: "— 1 —", "- 1 -", "第 1 页", "第1页 共5页", "1/5", "Page 1". */
const DASHED_NUMBER = /^[-—–－―─~～·•]+\s*\d{1,4}\s*[-—–－―─~～·•]+$/;
const PAGE_NUMBER = [DASHED_NUMBER, /^第\s*\d{1,4}\s*页(\s*[,，、/]?\s*共\s*\d{1,4}\s*页)?$/, /^\d{1,4}\s*\/\s*\d{1,4}$/, /^page\s*\d{1,4}(\s*of\s*\d{1,4})?$/i, /^共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页$/];
const LONE_NUMBER = /^\d{1,4}$/;
/** A cell holding a figure: "238.49", "100%", "-6.03", "1,496.7". */
const NUMBER = /^[-+−]?[\d,，.]+\s*[%％]?$/;
/** Top and bottom share of the page where headers, footers and page numbers sit. */
const MARGIN = 0.12;
/** A gap this many times the font size between two runs on a line separates cells of a table without rules. */
const CELL_GAP = 1;

const STYLE_LEVEL: Readonly<Record<NumberingStyle, number>> = { chinese: 1, chineseParen: 2, arabic: 3, arabicParen: 4, circled: 5, none: 1 };

/** A piece of a line of a table without rules, with the column it falls in. */
type Piece = Line & { readonly column: number };

type PageItem =
  | { readonly kind: 'line'; readonly top: number; readonly line: Line }
  | { readonly kind: 'grid'; readonly top: number; readonly grid: PageGrid }
  | { readonly kind: 'loose'; readonly top: number; readonly rows: readonly (readonly Piece[])[]; readonly columns: number };

interface LaidOutPage {
  readonly number: number;
  readonly items: readonly PageItem[];
}

interface Margins {
  readonly left: number;
  readonly right: number;
}

interface Stats {
  readonly bodySize: number;
  readonly margins: Margins;
  readonly pageMargins: ReadonlyMap<number, Margins>;
  /** Usual baseline-to-baseline distance of consecutive lines, by rounded font size. */
  readonly pitch: ReadonlyMap<number, number>;
  /** Whether paragraphs start with a first-line indent (then an unindented line at a page top continues). */
  readonly indents: boolean;
}

interface MutableCell {
  text: string;
  column: number;
  rowSpan: number;
  colSpan: number;
  page: number;
  /** Whether the cell's text reaches its bottom on the last page it was seen on. */
  full: boolean;
}

interface PendingTable {
  readonly kind: 'table';
  readonly page: number;
  readonly grid: boolean;
  /** Column boundaries of a ruled table (from its first page); column count of a table without rules. */
  readonly xs: readonly number[];
  readonly columns: number;
  readonly rows: MutableCell[][];
  truncated: boolean;
  /** Bottom of the table on the last page read. */
  bottom: number;
}

interface PendingParagraph {
  readonly kind: 'paragraph';
  readonly page: number;
  readonly lines: { line: Line; page: number }[];
}

type Pending = PendingTable | PendingParagraph;

function mode(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------
// Page furniture

function normalised(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#');
}

/** Drops page numbers and running headers/footers (the same text in the margin of most pages). */
function removeFurniture(pages: readonly { content: PageContent; lines: Line[] }[]): void {
  const inMargin = (line: Line, height: number) => line.bottom < height * MARGIN || line.top > height * (1 - MARGIN);
  const repeated = new Map<string, number>();
  for (const { content, lines } of pages) {
    const seen = new Set<string>();
    for (const line of lines) if (inMargin(line, content.height)) seen.add(normalised(line.text));
    for (const key of seen) repeated.set(key, (repeated.get(key) ?? 0) + 1);
  }
  const running = new Set([...repeated].filter(([key, n]) => key.length > 0 && n >= 3 && n >= pages.length / 2).map(([key]) => key));
  for (const page of pages) {
    const { content } = page;
    const first = page.lines[0];
    const last = page.lines[page.lines.length - 1];
    page.lines = page.lines.filter((line) => {
      const text = line.text.replace(/\s+/g, ' ').trim();
      const margin = inMargin(line, content.height);
      const edge = line === first || line === last;
      if (DASHED_NUMBER.test(text)) return false;
      if ((margin || edge) && PAGE_NUMBER.some((re) => re.test(text))) return false;
      if (margin && edge && LONE_NUMBER.test(text)) return false;
      if (margin && running.has(normalised(text))) return false;
      return true;
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Tables without rules

/** The pieces of a line separated by wide gaps (cells of a table drawn without rules). */
function chunks(line: Line): Line[] {
  const out: Line[] = [];
  let current: Line['runs'][number][] = [];
  let prevX1 = -Infinity;
  for (const run of line.runs) {
    if (current.length && run.x0 - prevX1 >= CELL_GAP * Math.min(run.size, line.size)) {
      out.push(makeLine(current));
      current = [];
    }
    current.push(run);
    prevX1 = Math.max(prevX1, run.x1);
  }
  if (current.length) out.push(makeLine(current));
  return out;
}

/** Consecutive lines of two or more pieces become a table; the rest stays text. */
function looseTables(lines: readonly Line[]): PageItem[] {
  const items: PageItem[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i;
    const rows: Line[][] = [];
    while (j < lines.length) {
      const line = lines[j];
      if (!line) break;
      const pieces = chunks(line);
      if (pieces.length < 2) break;
      rows.push(pieces);
      j++;
    }
    if (rows.length >= 2) {
      // Columns: the x-extents of all pieces, overlapping extents merged.
      const spans = rows
        .flat()
        .map((p) => [p.x0, p.x1] as const)
        .sort((a, b) => a[0] - b[0]);
      const columns: [number, number][] = [];
      for (const [x0, x1] of spans) {
        const last = columns[columns.length - 1];
        if (last && x0 <= last[1] + 2) last[1] = Math.max(last[1], x1);
        else columns.push([x0, x1]);
      }
      const columnOf = (p: Line) => Math.max(0, columns.findIndex(([x0, x1]) => (p.x0 + p.x1) / 2 >= x0 - 2 && (p.x0 + p.x1) / 2 <= x1 + 2));
      const placed = rows.map((row) => row.map((p): Piece => ({ ...p, column: columnOf(p) })));
      items.push({ kind: 'loose', top: rows[0]?.[0]?.top ?? 0, rows: placed, columns: columns.length });
      i = j;
    } else {
      const line = lines[i];
      if (line) items.push({ kind: 'line', top: line.top, line });
      i++;
    }
  }
  return items;
}

// ---------------------------------------------------------------------------------------------------------
// Statistics of the body text

function marginsOf(lines: readonly Line[]): Margins | undefined {
  if (!lines.length) return undefined;
  const min = Math.max(2, Math.ceil(lines.length * 0.1));
  const count = (values: number[]) => {
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].filter(([, n]) => n >= min).map(([v]) => v);
  };
  const lefts = count(lines.map((l) => Math.round(l.x0)));
  const rights = count(lines.map((l) => Math.round(l.x1)));
  const left = lefts.length ? Math.min(...lefts) : Math.min(...lines.map((l) => l.x0));
  const right = rights.length ? Math.max(...rights) : Math.max(...lines.map((l) => l.x1));
  return { left, right };
}

function statistics(pages: readonly LaidOutPage[]): Stats {
  const lines = pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'line' ? [i.line] : [])));
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(Math.round(l.size), (chars.get(Math.round(l.size)) ?? 0) + l.text.length);
  const bodySize = [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
  const isBody = (l: Line) => Math.abs(l.size - bodySize) <= bodySize * 0.1;
  const body = lines.filter(isBody);
  const margins = marginsOf(body) ?? { left: 0, right: 0 };
  const pageMargins = new Map<number, Margins>();
  for (const page of pages) {
    const own = page.items.flatMap((i) => (i.kind === 'line' && isBody(i.line) ? [i.line] : []));
    const m = own.length >= 6 ? marginsOf(own) : undefined;
    if (m) pageMargins.set(page.number, m);
  }
  const pitches = new Map<number, number[]>();
  for (const page of pages) {
    let prev: Line | undefined;
    for (const item of page.items) {
      if (item.kind !== 'line') {
        prev = undefined;
        continue;
      }
      const line = item.line;
      if (prev && Math.round(prev.size) === Math.round(line.size)) {
        const d = line.baseline - prev.baseline;
        if (d > 0 && d < 3 * line.size) {
          const list = pitches.get(Math.round(line.size)) ?? [];
          list.push(Math.round(d * 2) / 2);
          pitches.set(Math.round(line.size), list);
        }
      }
      prev = line;
    }
  }
  const pitch = new Map<number, number>();
  for (const [size, list] of pitches) {
    const m = mode(list);
    if (m !== undefined) pitch.set(size, m);
  }
  const indented = body.filter((l) => l.x0 >= margins.left + 1.2 * l.size && l.x0 <= margins.left + 2.8 * l.size).length;
  return { bodySize, margins, pageMargins, pitch, indents: indented >= 2 && indented >= body.length * 0.08 };
}

// ---------------------------------------------------------------------------------------------------------
// Paragraphs

function isNumbered(line: Line): boolean {
  return readNumbering(line.text) !== undefined;
}

function sameStyle(a: Line, b: Line): boolean {
  return Math.abs(a.size - b.size) <= 0.15 * Math.max(a.size, b.size) && a.bold === b.bold;
}

function continues(a: Line, b: Line, samePage: boolean, page: number, stats: Stats): boolean {
  if (!sameStyle(a, b)) return false;
  const m = stats.pageMargins.get(page) ?? stats.margins;
  const indented = b.x0 > m.left + 0.6 * b.size;
  const short = a.x1 < m.right - 1.5 * a.size;
  if (samePage) {
    const d = b.baseline - a.baseline;
    const usual = stats.pitch.get(Math.round(a.size)) ?? 1.6 * a.size;
    if (d <= 0 || d > usual * 1.45 + 1) return false;
    // A centred title wrapped over two lines: both centred, neither flush with the left margin.
    const centre = (m.left + m.right) / 2;
    const centred = (l: Line, inset: number) => l.x0 > m.left + inset * l.size && Math.abs((l.x0 + l.x1) / 2 - centre) < 1.5 * l.size;
    if (centred(a, 0.25) && centred(b, 1)) return true;
    if (indented || short) return false;
    return !(isNumbered(b) && TERMINAL.test(a.text));
  }
  if (indented || short || isNumbered(b)) return false;
  return stats.indents || !TERMINAL.test(a.text);
}

/** Whether a numbered text reads as a heading rather than a list item (the rule read-txt uses). */
function headingLike(style: NumberingStyle, text: string): boolean {
  if (style === 'chinese' || style === 'chineseParen') return text.length <= 40;
  return text.length <= 25 && !/[。；;]$/.test(text);
}

function paragraphBlock(p: PendingParagraph, file: string, block: number, stats: Stats): DocumentBlock | undefined {
  const lines = p.lines.map((l) => l.line);
  const text = linesText(lines).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (!text) return undefined;
  const source = { file, page: p.page, block };
  const n = readNumbering(text);
  const numbered = n !== undefined && headingLike(n.style, text) && lines.length <= 2;
  const first = lines[0];
  const emphasised =
    first !== undefined && (lines.every((l) => l.bold) || first.size >= stats.bodySize * 1.15) && text.length <= 40 && lines.length <= 3 && !/[。；;，,]$/.test(text);
  if (numbered || emphasised) {
    return {
      kind: 'heading',
      text: n ? n.rest || text : text,
      ...(n ? { numbering: n.numbering } : {}),
      style: n?.style ?? 'none',
      level: STYLE_LEVEL[n?.style ?? 'none'],
      source,
    };
  }
  return { kind: 'paragraph', text, source };
}

// ---------------------------------------------------------------------------------------------------------
// Tables

function gridRows(grid: PageGrid, page: number, columnAt: (gridIndex: number) => number): MutableCell[][] {
  const rows: MutableCell[][] = Array.from({ length: grid.ys.length - 1 }, () => []);
  for (const c of grid.cells) {
    const column = columnAt(c.column);
    rows[c.row]?.push({ text: c.text, column, rowSpan: c.rowSpan, colSpan: columnAt(c.column + c.colSpan) - column, page, full: c.full });
  }
  return rows;
}

function looseRows(item: Extract<PageItem, { kind: 'loose' }>, page: number): MutableCell[][] {
  return item.rows.map((row) => {
    const cells: MutableCell[] = [];
    for (const piece of row) {
      const same = cells.find((c) => c.column === piece.column);
      if (same) same.text = joinText(same.text, piece.text);
      else cells.push({ text: piece.text, column: piece.column, rowSpan: 1, colSpan: 1, page, full: false });
    }
    return cells;
  });
}

function sameRow(a: readonly MutableCell[] | undefined, b: readonly MutableCell[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((c, i) => {
    const d = b[i];
    return d !== undefined && d.text === c.text && d.column === c.column && d.colSpan === c.colSpan && d.rowSpan === c.rowSpan;
  });
}

/**
 * Column indexes of a continuing page's grid lines in the table's grid, or undefined when they do not fit.
 * A page may draw fewer columns (LibreOffice leaves out the borders of a merged cell continued from the
 * previous page), never other ones.
 */
function columnMap(table: PendingTable, grid: PageGrid): number[] | undefined {
  const map = grid.xs.map((x) => table.xs.findIndex((t) => Math.abs(t - x) <= 3));
  if (map.length < 2 || map.some((i) => i < 0)) return undefined;
  return map;
}

/** Cells of the table that reach its last row. */
function reachingBottom(table: PendingTable): MutableCell[] {
  const height = table.rows.length;
  const out: MutableCell[] = [];
  table.rows.forEach((row, r) => row.forEach((c) => r + c.rowSpan === height && out.push(c)));
  return out;
}

/**
 * Appends the rows of the next page to a table that continues there:
 * - header rows repeated at the top of the page are dropped;
 * - a row split by the page break is joined back into the last row. Split means: the previous page is
 *   full to the bottom; every non-empty cell of the first row sits under a non-empty cell whose text
 *   reaches the bottom, and neither is a number (numbers are not broken over pages); some text cell of
 *   the last row has nothing below it; and either two or more cells continue, or the last row has text
 *   ending above its bottom (finished cells). A new row whose text sits only under such cells looks the
 *   same and is joined too (see README);
 * - otherwise empty cells at the start of the first row under a non-empty cell reaching the bottom continue
 *   that cell (a vertical merge broken by the page), as do cells in columns the page does not draw.
 */
function continueTable(table: PendingTable, rows: MutableCell[][], maxRows: number, fillsPage: boolean, undrawn: (column: number, colSpan: number) => boolean): void {
  const incoming = [...rows];
  for (let k = Math.min(3, table.rows.length, incoming.length); k >= 1; k--) {
    let same = true;
    for (let i = 0; i < k && same; i++) same = sameRow(table.rows[i], incoming[i]);
    if (same && incoming.slice(0, k).some((r) => r.some((c) => c.text))) {
      incoming.splice(0, k);
      break;
    }
  }
  const first = incoming[0];
  const last = table.rows[table.rows.length - 1];
  if (first && last && table.grid) {
    const reaching = reachingBottom(table);
    const above = (c: MutableCell) => reaching.find((r) => r.column === c.column && r.colSpan === c.colSpan);
    const continuing = first.filter((c) => c.text).length;
    const split =
      fillsPage &&
      continuing > 0 &&
      first.every((c) => {
        const a = above(c);
        return a !== undefined && (!c.text || (a.text !== '' && a.full && !NUMBER.test(a.text) && !NUMBER.test(c.text)));
      }) &&
      (continuing >= 2 || last.some((c) => c.text && !c.full)) &&
      last.some((c) => c.text && !first.find((f) => f.column === c.column && f.colSpan === c.colSpan)?.text);
    if (split) {
      for (const c of first) {
        const a = above(c);
        if (!a) continue;
        if (c.text) a.text = joinText(a.text, c.text);
        a.rowSpan += c.rowSpan - 1;
        a.full = c.full;
      }
      incoming.shift();
    } else {
      for (const cell of [...first].sort((a, b) => a.column - b.column)) {
        if (cell.text) break;
        const a = above(cell);
        if (!a || !a.text) break;
        a.rowSpan += cell.rowSpan;
        first.splice(first.indexOf(cell), 1);
      }
    }
    const added = Math.min(incoming.length, Math.max(0, maxRows - table.rows.length));
    if (added) for (const c of reaching) if (undrawn(c.column, c.colSpan)) c.rowSpan += added;
  }
  appendRows(table, incoming, maxRows);
}

function appendRows(table: PendingTable, rows: readonly MutableCell[][], maxRows: number): void {
  for (const row of rows) {
    if (table.rows.length >= maxRows) {
      table.truncated = true;
      break;
    }
    table.rows.push(row);
  }
}

function newTable(page: number, grid: boolean, xs: readonly number[], columns: number, rows: MutableCell[][], maxRows: number, bottom: number): PendingTable {
  const table: PendingTable = { kind: 'table', page, grid, xs, columns, rows: [], truncated: false, bottom };
  appendRows(table, rows, maxRows);
  return table;
}

// ---------------------------------------------------------------------------------------------------------

export interface LayoutResult {
  readonly blocks: DocumentBlock[];
  readonly findings: Finding[];
}

/** Lays out the pages read so far into blocks. */
export function layOut(contents: readonly PageContent[], file: string, maxTableRows: number): LayoutResult {
  const prepared = contents.map((content) => {
    const { grids, rest } = content.rulesRead ? findGrids(content.rules, content.runs) : { grids: [], rest: [...content.runs] };
    return { content, grids, lines: groupLines(rest) };
  });
  removeFurniture(prepared);
  const pages: LaidOutPage[] = prepared.map(({ content, grids, lines }) => ({
    number: content.number,
    items: [...looseTables(lines), ...grids.map((grid): PageItem => ({ kind: 'grid', top: grid.top, grid }))].sort((a, b) => a.top - b.top),
  }));
  const stats = statistics(pages);

  // The lowest body content on any page: a table reaching it fills its page.
  const itemBottom = (item: PageItem) =>
    item.kind === 'line' ? item.line.bottom : item.kind === 'grid' ? item.grid.bottom : Math.max(...(item.rows[item.rows.length - 1] ?? []).map((p) => p.bottom));
  const bodyBottom = Math.max(0, ...pages.flatMap((p) => p.items.map(itemBottom)));

  const pending: Pending[] = [];
  for (const page of pages) {
    page.items.forEach((item, index) => {
      const last = pending[pending.length - 1];
      const atTop = index === 0;
      if (item.kind === 'grid') {
        if (atTop && last?.kind === 'table' && last.grid) {
          const map = columnMap(last, item.grid);
          if (map) {
            const firstColumn = map[0] ?? 0;
            const lastColumn = map[map.length - 1] ?? last.columns;
            const undrawn = (column: number, colSpan: number) => column + colSpan <= firstColumn || column >= lastColumn;
            const fillsPage = last.bottom >= bodyBottom - 6;
            continueTable(last, gridRows(item.grid, page.number, (i) => map[i] ?? i), maxTableRows, fillsPage, undrawn);
            last.bottom = item.grid.bottom;
            return;
          }
        }
        const rows = gridRows(item.grid, page.number, (i) => i);
        pending.push(newTable(page.number, true, item.grid.xs, item.grid.xs.length - 1, rows, maxTableRows, item.grid.bottom));
        return;
      }
      if (item.kind === 'loose') {
        const rows = looseRows(item, page.number);
        if (atTop && last?.kind === 'table' && !last.grid && last.columns === item.columns) {
          continueTable(last, rows, maxTableRows, false, () => false);
          last.bottom = itemBottom(item);
          return;
        }
        pending.push(newTable(page.number, false, [], item.columns, rows, maxTableRows, itemBottom(item)));
        return;
      }
      if (last?.kind === 'paragraph') {
        const prev = last.lines[last.lines.length - 1];
        if (prev) {
          const samePage = prev.page === page.number;
          if ((samePage || atTop) && continues(prev.line, item.line, samePage, page.number, stats)) {
            last.lines.push({ line: item.line, page: page.number });
            return;
          }
        }
      }
      pending.push({ kind: 'paragraph', page: page.number, lines: [{ line: item.line, page: page.number }] });
    });
  }

  const blocks: DocumentBlock[] = [];
  const findings: Finding[] = [];
  for (const p of pending) {
    const block = blocks.length;
    if (p.kind === 'paragraph') {
      const b = paragraphBlock(p, file, block, stats);
      if (b) blocks.push(b);
      continue;
    }
    if (!p.rows.some((r) => r.some((c) => c.text))) continue;
    const rows: TableCell[][] = p.rows.map((row, r) =>
      [...row]
        .sort((a, b) => a.column - b.column)
        .map((c) => ({ text: c.text, column: c.column, rowSpan: c.rowSpan, colSpan: c.colSpan, source: { file, page: c.page, block, row: r, column: c.column } })),
    );
    blocks.push({ kind: 'table', rows, grid: p.grid, source: { file, page: p.page, block } });
    if (p.truncated) {
      findings.push({
        rule: 'import.table-truncated',
        severity: 'warning',
        message: `「${file}」第 ${p.page} 页起的表格超过 ${maxTableRows} 行，只读取了前 ${maxTableRows} 行。`,
        location: { file, page: p.page, block },
      });
    }
  }
  return { blocks, findings };
}
