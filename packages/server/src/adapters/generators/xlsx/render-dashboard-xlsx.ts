import ExcelJS from 'exceljs';
import { dec } from '@jixiao/core';
import type { ReportCell, ReportTable } from '../../../app/ports';
import type { CellContent } from './sheet-layout';
import { SheetNames } from './sheet-names';
import { cellValue, numberFormat } from './write-sheet';

/**
 * Report tables (the supervision dashboard's 各单位, 审查发现, 历年趋势) as one workbook, a sheet per table: a
 * title line, a bold header row that stays in view and filters, the rows, and the notes under them.
 *
 * Figures are exact decimal strings. They are written as spreadsheet numbers (so a reviewer can sum and sort),
 * parsed from the string: a double holds 15 significant digits, more than any amount of 万元 to 6 places has
 * here, and the number format shows exactly the places the figure has, so what the sheet shows is the exact
 * figure even where the double behind it is not (a figure past 15 digits stays text, as in write-sheet.ts).
 * Rates are written as ratios under a percent format (123.0971 → 1.230971 shown as 123.0971%).
 */
const FONT = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function content(cell: ReportCell): CellContent | undefined {
  if (cell === null) return undefined;
  if (typeof cell === 'string') return { kind: 'text', text: cell };
  if (typeof cell === 'number') return { kind: 'count', value: dec(String(cell)) };
  return { kind: cell.kind, value: dec(cell.value) };
}

/** As write-sheet's formats, but a score shows at least 2 places: a column of 90, 88.25 and 95.5 reads unevenly. */
function formatOf(c: CellContent): string | undefined {
  if (c.kind !== 'score') return numberFormat(c);
  return `0.${'0'.repeat(Math.max(2, c.value.decimalPlaces()))}`;
}

function writeTable(workbook: ExcelJS.Workbook, name: string, table: ReportTable): void {
  const width = table.columns.length;
  const ws = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9 as ExcelJS.PaperSize, // A4
      orientation: width > 7 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '1:2',
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  ws.columns = table.columns.map((c) => ({ width: c.width }));

  const title = ws.getCell(1, 1);
  title.value = table.title;
  title.font = { name: FONT, size: 14, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  if (width > 1) ws.mergeCells(1, 1, 1, width);

  table.columns.forEach((c, i) => {
    const cell = ws.getCell(2, i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  ws.getRow(2).height = 22;

  table.rows.forEach((row, r) => {
    for (let k = 0; k < width; k++) {
      const cell = ws.getCell(r + 3, k + 1);
      const c = content(row[k] ?? null);
      if (c) {
        const value = cellValue(c);
        cell.value = value;
        const format = formatOf(c);
        // A figure kept as its exact text is text ('@'), so that no spreadsheet turns it back into a float.
        if (format) cell.numFmt = typeof value === 'number' ? format : '@';
      }
      cell.font = { name: FONT, size: 10 };
      cell.alignment = { vertical: 'middle', wrapText: c?.kind === 'text', horizontal: c === undefined || c.kind === 'text' ? 'left' : 'right' };
      cell.border = BORDER;
    }
  });
  if (table.rows.length > 0) ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + table.rows.length, column: width } };

  table.notes.forEach((note, i) => {
    const row = table.rows.length + 4 + i;
    const cell = ws.getCell(row, 1);
    cell.value = note;
    cell.font = { name: FONT, size: 9, color: { argb: 'FF595959' } };
    if (width > 1) ws.mergeCells(row, 1, row, width);
    cell.alignment = { wrapText: true, vertical: 'top' };
    // A merged cell does not grow its row for wrapped text: about 60 characters fit a line of the sheet.
    ws.getRow(row).height = 14 * Math.max(1, Math.ceil(note.length / 60));
  });
}

export async function renderDashboardXlsx(tables: readonly ReportTable[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jixiao';
  const names = new SheetNames();
  for (const table of tables) writeTable(workbook, names.take(table.name), table);
  if (workbook.worksheets.length === 0) workbook.addWorksheet('看板').getCell(1, 1).value = '没有可导出的数据';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
