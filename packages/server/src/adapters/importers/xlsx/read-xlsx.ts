import ExcelJS from 'exceljs';
import type { DocumentBlock, DocumentModel, Finding, TableCell } from '@jixiao/core';
import { preflight } from '../preflight';
import type { DocumentReader } from '../document-reader';
import type { ImportLimits } from '../limits';
import { readCellValue } from './cell-text';
import { isOle, MAX_MERGED_CELLS, MAX_MERGES, preflightXlsx, type PreflightProblem } from './preflight';

/**
 * Reads 自评表 published as Excel workbooks (.xlsx). Each worksheet with content becomes, in sheet order,
 * a heading with the sheet name (style 'none', level 1) followed by one table (`grid: true`) of its used
 * range:
 * - one table row per sheet row that has content; rows with nothing in them are skipped (a row inside a
 *   merge with text counts as having content, so spans stay whole);
 * - `column` is the 0-based sheet column (A = 0), also when leading columns are empty: the used range
 *   runs from the first to the last column with content, and fully empty columns outside it are dropped;
 * - a merged range is one cell, at its top-left, with rowSpan/colSpan counted in table rows and columns;
 *   the cells it covers are not emitted;
 * - EMPTY CELLS: every other grid position of the used range is emitted, with text "" when the cell is
 *   empty, so each (row, column) of the range is covered by exactly one cell, as in a Word table. A
 *   consumer can therefore read "the cell under this header" by column without guessing;
 * - text is what the cell shows (see cell-text.ts): numbers in their number format ("98.49%"), formulas
 *   as their cached result, rich text as plain text, dates as yyyy-mm-dd, trimmed.
 * Sheets without any content (the blank Sheet2/Sheet3 of old templates) give no blocks.
 *
 * Caps: the file size, unzipped size and compression ratio, and merges are checked before exceljs loads
 * anything (preflight.ts); a sheet past `maxTableRows` keeps its first rows with a warning, and one wider
 * than MAX_COLUMNS keeps its first columns. Bad input never throws: it gives an error finding, in Chinese,
 * naming the file.
 */

/** Columns of one sheet's table: .xls had 256; a 自评表 has about ten. Bounds rows × columns of "" cells. */
export const MAX_COLUMNS = 256;

/**
 * Worksheet parts exceljs need not parse to read cell texts. Skipping them is faster and avoids exceljs
 * crashing on files whose drawings, hyperlinks or tables point at missing relationships, or whose data
 * validations and conditional formats it does not understand.
 */
const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'picture',
  'drawing',
  'tableParts',
  'hyperlinks',
  'autoFilter',
  'rowBreaks',
  'headerFooter',
  'printOptions',
  'pageSetup',
  'pageMargins',
  'sheetProtection',
];

const MB = 1024 * 1024;

function mb(bytes: number): string {
  return (bytes / MB).toFixed(1);
}

function failed(file: string, finding: Omit<Finding, 'location'>): DocumentModel {
  return { file, format: 'xlsx', blocks: [], findings: [{ ...finding, location: { file } }] };
}

function unreadable(file: string, why: string): DocumentModel {
  return failed(file, { rule: 'import.xlsx.unreadable', severity: 'error', message: `${file}：${why}，无法读取` });
}

function preflightFinding(file: string, problem: PreflightProblem, limits: ImportLimits): DocumentModel {
  switch (problem.kind) {
    case 'not-zip':
      return unreadable(file, '不是 .xlsx 文件（不是 zip 压缩包）');
    case 'corrupt':
      return unreadable(file, '.xlsx 文件已损坏或不完整');
    case 'not-xlsx':
      return unreadable(file, '不是 Excel 工作簿（压缩包中没有 xl/workbook.xml）');
    case 'unzipped-too-large':
      return failed(file, {
        rule: 'import.unzipped-too-large',
        severity: 'error',
        message: `${file}：解压后超过 ${mb(problem.bytes)} MB，超过上限 ${mb(limits.maxUnzippedBytes)} MB，未读取`,
      });
    case 'ratio-too-high':
      return failed(file, {
        rule: 'import.compression-ratio-too-high',
        severity: 'error',
        message: `${file}：压缩比 ${Math.floor(problem.ratio)}:1 超过上限 ${limits.maxCompressionRatio}:1（疑似压缩炸弹），未读取`,
      });
    case 'too-many-merges':
      return failed(file, {
        rule: 'import.xlsx.too-many-merges',
        severity: 'error',
        message: `${file}：${problem.part} 的合并单元格过多（至少 ${problem.merges} 处、覆盖 ${problem.cells} 个单元格；上限 ${MAX_MERGES} 处、${MAX_MERGED_CELLS} 个单元格），未读取`,
      });
  }
}

interface Merge {
  readonly top: number;
  readonly left: number;
  bottom: number;
  right: number;
}

interface SheetTable {
  readonly rows: TableCell[][];
  readonly findings: Finding[];
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text === '';
}

/** First index in the sorted `rows` whose value is ≥ `value`. */
function lowerBound(rows: readonly number[], value: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One worksheet → table rows (undefined when the sheet has no content). */
function sheetTable(ws: ExcelJS.Worksheet, file: string, block: number, limits: ImportLimits, date1904: boolean): SheetTable | undefined {
  const findings: Finding[] = [];
  const texts = new Map<number, Map<number, string>>();
  const merges = new Map<string, Merge>();
  let formulasWithoutResult = 0;
  let firstFormulaWithoutResult = '';

  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    row.eachCell((cell, col) => {
      if (cell.type === ExcelJS.ValueType.Merge) {
        const master = cell.master.fullAddress;
        let merge = merges.get(master.address);
        if (!merge) {
          merge = { top: master.row, left: master.col, bottom: master.row, right: master.col };
          merges.set(master.address, merge);
        }
        merge.bottom = Math.max(merge.bottom, r);
        merge.right = Math.max(merge.right, col);
        return;
      }
      const reading = readCellValue(cell.value, cell.numFmt, date1904);
      if (reading.formulaWithoutResult) {
        if (!formulasWithoutResult) firstFormulaWithoutResult = cell.address;
        formulasWithoutResult++;
      }
      if (isBlank(reading.text)) return;
      let rowTexts = texts.get(r);
      if (!rowTexts) {
        rowTexts = new Map();
        texts.set(r, rowTexts);
      }
      rowTexts.set(col, reading.text);
    });
  }

  const textAt = (r: number, c: number) => texts.get(r)?.get(c);

  // The used columns: cells with text, and the whole width of merges whose master has text.
  let firstCol = Infinity;
  let lastCol = -Infinity;
  for (const rowTexts of texts.values()) {
    for (const c of rowTexts.keys()) {
      firstCol = Math.min(firstCol, c);
      lastCol = Math.max(lastCol, c);
    }
  }
  for (const m of merges.values()) {
    if (isBlank(textAt(m.top, m.left))) continue;
    lastCol = Math.max(lastCol, m.right);
  }
  if (firstCol === Infinity) return undefined;
  if (lastCol - firstCol + 1 > MAX_COLUMNS) {
    findings.push({
      rule: 'import.table-truncated',
      severity: 'warning',
      message: `${file}：工作表「${ws.name}」有 ${lastCol - firstCol + 1} 列，超过上限 ${MAX_COLUMNS} 列，只读取了前 ${MAX_COLUMNS} 列`,
      location: { file, block },
    });
    lastCol = firstCol + MAX_COLUMNS - 1;
  }

  // The rows with content within those columns.
  const contentRows = new Set<number>();
  for (const [r, rowTexts] of texts) {
    for (const c of rowTexts.keys()) {
      if (c >= firstCol && c <= lastCol) {
        contentRows.add(r);
        break;
      }
    }
  }
  for (const m of merges.values()) {
    if (isBlank(textAt(m.top, m.left)) || m.left > lastCol) continue;
    for (let r = m.top; r <= m.bottom; r++) contentRows.add(r);
  }
  let kept = [...contentRows].sort((a, b) => a - b);
  if (kept.length > limits.maxTableRows) {
    findings.push({
      rule: 'import.table-truncated',
      severity: 'warning',
      message: `${file}：工作表「${ws.name}」有 ${kept.length} 行，超过上限 ${limits.maxTableRows} 行，只读取了前 ${limits.maxTableRows} 行`,
      location: { file, block },
    });
    kept = kept.slice(0, limits.maxTableRows);
  }
  if (formulasWithoutResult) {
    findings.push({
      rule: 'import.xlsx.formula-without-result',
      severity: 'warning',
      message: `${file}：工作表「${ws.name}」有 ${formulasWithoutResult} 个公式单元格（如 ${firstFormulaWithoutResult}）没有保存计算结果，按空白读取；请用 Excel 或 WPS 打开并保存后重新导入`,
      location: { file, block },
    });
  }

  // Merges in table coordinates: the master sits at the first kept row and column of the range, and the
  // span counts kept rows (rows skipped as empty or cut by the cap do not count).
  const width = lastCol - firstCol + 1;
  const covered: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(kept.length);
  const masters = new Map<number, Map<number, { rowSpan: number; colSpan: number; text: string }>>();
  for (const m of merges.values()) {
    const left = Math.max(m.left, firstCol);
    const right = Math.min(m.right, lastCol);
    if (left > right) continue;
    const t0 = lowerBound(kept, m.top);
    let t1 = t0;
    while (t1 < kept.length && (kept[t1] ?? Infinity) <= m.bottom) t1++;
    if (t1 === t0) continue;
    const text = kept[t0] === m.top && left === m.left ? (textAt(m.top, m.left) ?? '') : '';
    let rowMasters = masters.get(t0);
    if (!rowMasters) {
      rowMasters = new Map();
      masters.set(t0, rowMasters);
    }
    rowMasters.set(left, { rowSpan: t1 - t0, colSpan: right - left + 1, text });
    for (let t = t0; t < t1; t++) {
      let marks = covered[t];
      if (!marks) {
        marks = new Uint8Array(width);
        covered[t] = marks;
      }
      for (let c = left; c <= right; c++) if (t !== t0 || c !== left) marks[c - firstCol] = 1;
    }
  }

  const rows: TableCell[][] = kept.map((r, t) => {
    const marks = covered[t];
    const rowMasters = masters.get(t);
    const rowTexts = texts.get(r);
    const cells: TableCell[] = [];
    for (let c = firstCol; c <= lastCol; c++) {
      if (marks?.[c - firstCol]) continue;
      const master = rowMasters?.get(c);
      const column = c - 1;
      cells.push({
        text: master ? master.text : (rowTexts?.get(c) ?? ''),
        column,
        rowSpan: master?.rowSpan ?? 1,
        colSpan: master?.colSpan ?? 1,
        source: { file, block, row: t, column },
      });
    }
    return cells;
  });
  return { rows, findings };
}

/** .xlsx bytes → document model: per sheet, a heading with its name and a table of its used range. */
export const readXlsx: DocumentReader = async (bytes, file, limits) => {
  const refused = preflight(bytes, file, limits, 'xlsx');
  if (refused) return refused;
  if (isOle(bytes)) {
    return failed(file, {
      rule: 'import.encrypted-or-legacy',
      severity: 'error',
      message: `${file}：是旧版 Excel（.xls）文件或加密的文件，无法直接读取；请用 Excel、WPS 或 LibreOffice 另存为 .xlsx（加密的先取消密码）后再导入`,
    });
  }
  const problem = await preflightXlsx(bytes, limits);
  if (problem) return preflightFinding(file, problem, limits);

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types the argument as a Buffer; this view shares the caller's memory.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    return unreadable(file, '工作簿内容无法解析（文件可能已损坏）');
  }

  const date1904 = Boolean(workbook.properties?.date1904);
  const blocks: DocumentBlock[] = [];
  const findings: Finding[] = [];
  for (const ws of workbook.worksheets) {
    const block = blocks.length + 1;
    const table = sheetTable(ws, file, block, limits, date1904);
    if (!table) continue;
    blocks.push({ kind: 'heading', text: ws.name, style: 'none', level: 1, source: { file, block: blocks.length } });
    blocks.push({ kind: 'table', rows: table.rows, grid: true, source: { file, block } });
    findings.push(...table.findings);
  }
  if (!blocks.length) {
    return failed(file, { rule: 'import.empty-file', severity: 'error', message: `${file}：工作簿中没有任何内容` });
  }
  return { file, format: 'xlsx', blocks, findings };
};
