import type ExcelJS from 'exceljs';
import type { Decimal } from '@jixiao/core';
import type { CellContent, CellRole, PlacedCell, SheetLayout } from './sheet-layout';

/**
 * Writes a SheetLayout into a worksheet: values with number formats, fonts and wrapped alignment by role,
 * merges, thin borders on every cell of the table, estimated row heights (neither Excel nor LibreOffice
 * grows a row for text in merged cells) and the print setup (A4, fitted to the page width, the title
 * rows repeated on every page, page numbers in the footer).
 *
 * Numbers: amounts (万元) show 2 decimals ('0.00'), rates are written as ratios shown as percentages
 * ('0.00%'), 分值/得分 show their own decimals ('0', '0.0', '0.00': Excel's '0.##' would print 8 as "8.").
 * A value with more decimals than the format shows gets a format with as many, so that the sheet shows
 * the evaluation's exact figure; a value of more than 15 significant digits, which a spreadsheet number
 * cannot hold, is written as its exact decimal text.
 */

const FONT = '宋体';
const BODY_SIZE = 10;
/** Points per line of 10-point text, and the padding of a row. */
const LINE_HEIGHT = 13.5;
const ROW_PADDING = 5;
const MIN_ROW_HEIGHT = 20;
const TITLE_HEIGHT = 36;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const places = (d: Decimal) => Math.max(0, d.decimalPlaces());
const fixed = (d: Decimal, minimum: number) => {
  const n = Math.max(minimum, places(d));
  return n === 0 ? '0' : `0.${'0'.repeat(n)}`;
};

/** The number format of a cell's content (undefined for text). */
export function numberFormat(content: CellContent): string | undefined {
  switch (content.kind) {
    case 'amount':
      return fixed(content.value, 2);
    case 'rate':
      return `${fixed(content.value, 2)}%`;
    case 'score':
    case 'count':
      return fixed(content.value, 0);
    case 'text':
      return undefined;
  }
}

/** What goes into the cell: text, or the number (a rate as its ratio); the exact text past 15 digits. */
export function cellValue(content: CellContent): string | number {
  if (content.kind === 'text') return content.text;
  const value = content.kind === 'rate' ? content.value.div(100) : content.value;
  if (value.sd(true) <= 15) return Number(value.toString());
  return content.kind === 'rate' ? `${content.value.toString()}%` : content.value.toString();
}

function font(role: CellRole): Partial<ExcelJS.Font> {
  return role === 'title' ? { name: FONT, size: 16, bold: true } : { name: FONT, size: BODY_SIZE };
}

function alignment(cell: PlacedCell): Partial<ExcelJS.Alignment> {
  const { role } = cell;
  if (role === 'title') return { horizontal: 'center', vertical: 'middle', wrapText: true };
  if (role === 'text' || role === 'footer') return { horizontal: 'left', vertical: 'middle', wrapText: true };
  if (cell.indent !== undefined) return { horizontal: 'left', vertical: 'middle', wrapText: true, indent: cell.indent };
  return { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/** Width of a text in column units: a CJK or full-width character is about two "0"s of 宋体 10 pt. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x1100 ? 2 : 1.1;
  return w;
}

/** Lines a cell's text takes at the given width (its paragraphs wrapped one by one). */
function linesOf(cell: PlacedCell, width: number): number {
  if (cell.content.kind !== 'text') return 1;
  const room = Math.max(1, width - 1 - 2 * (cell.indent ?? 0));
  return cell.content.text.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(textWidth(p) / room)), 0);
}

/** Row heights in points: single-row cells first, then rows grown evenly where a merged cell needs more. */
function rowHeights(layout: SheetLayout, rowCount: number): number[] {
  const heights = new Array<number>(rowCount + 1).fill(MIN_ROW_HEIGHT);
  const spanWidth = (c: PlacedCell) => layout.widths.slice(c.col - 1, c.col - 1 + c.cols).reduce((a, b) => a + b, 0);
  const needed = (c: PlacedCell) => (c.role === 'title' ? TITLE_HEIGHT : linesOf(c, spanWidth(c)) * LINE_HEIGHT + ROW_PADDING);
  for (const c of layout.cells) if (c.rows === 1) heights[c.row] = Math.max(heights[c.row] ?? 0, needed(c));
  for (const c of layout.cells) {
    if (c.rows === 1) continue;
    let have = 0;
    for (let r = c.row; r < c.row + c.rows; r++) have += heights[r] ?? 0;
    const missing = needed(c) - have;
    if (missing > 0) for (let r = c.row; r < c.row + c.rows; r++) heights[r] = (heights[r] ?? 0) + missing / c.rows;
  }
  return heights.map((h) => Math.round(h * 4) / 4);
}

export function writeSheet(workbook: ExcelJS.Workbook, name: string, layout: SheetLayout): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9 as ExcelJS.PaperSize, // A4
      orientation: layout.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `1:${layout.repeatRows}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  ws.columns = layout.widths.map((width) => ({ width }));
  const inTable = (row: number) => row >= layout.table.first && row <= layout.table.last;

  const covered = new Set<string>();
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row, c.col);
    const value = cellValue(c.content);
    cell.value = value;
    const format = numberFormat(c.content);
    // A figure kept as its exact text is text ('@'), so that no spreadsheet turns it back into a float.
    if (format) cell.numFmt = typeof value === 'number' ? format : '@';
    cell.font = font(c.role);
    cell.alignment = alignment(c);
    if (inTable(c.row)) cell.border = BORDER;
    if (c.comment) cell.note = c.comment;
    for (let r = c.row; r < c.row + c.rows; r++) for (let k = c.col; k < c.col + c.cols; k++) covered.add(`${r}:${k}`);
    // Merging copies the master's style (borders included) to the cells it covers.
    if (c.rows > 1 || c.cols > 1) ws.mergeCells(c.row, c.col, c.row + c.rows - 1, c.col + c.cols - 1);
  }
  // Cells of the table no layout cell covers: bordered blanks.
  for (let r = layout.table.first; r <= layout.table.last; r++) {
    for (let k = 1; k <= layout.widths.length; k++) {
      if (covered.has(`${r}:${k}`)) continue;
      const cell = ws.getCell(r, k);
      cell.font = font('value');
      cell.border = BORDER;
    }
  }
  const rowCount = Math.max(0, ...layout.cells.map((c) => c.row + c.rows - 1));
  rowHeights(layout, rowCount).forEach((h, r) => {
    if (r >= 1) ws.getRow(r).height = h;
  });
  return ws;
}
