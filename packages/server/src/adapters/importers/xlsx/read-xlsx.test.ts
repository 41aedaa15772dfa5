import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { DocumentModel, TableBlock, TableCell } from '@jixiao/core';
import { DEFAULT_LIMITS, type ImportLimits } from '../limits';
import { MAX_COLUMNS, readXlsx } from './read-xlsx';

const FILE = '2022年度项目支出绩效自评表.xlsx';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** [column, text, rowSpan, colSpan] per cell: compact enough to compare whole tables. */
function shape(table: TableBlock): [number, string, number, number][][] {
  return table.rows.map((row) => row.map((c) => [c.column, c.text, c.rowSpan, c.colSpan]));
}

function tables(model: DocumentModel): TableBlock[] {
  return model.blocks.filter((b): b is TableBlock => b.kind === 'table');
}

function onlyTable(model: DocumentModel): TableBlock {
  const all = tables(model);
  expect(all).toHaveLength(1);
  return all[0] as TableBlock;
}

/** How many cells cover each grid position of columns [first, last]: all 1 for an exact grid. */
function coverage(table: TableBlock, first: number, last: number): number[][] {
  const counts = table.rows.map(() => new Array<number>(last - first + 1).fill(0));
  table.rows.forEach((row, r) => {
    for (const c of row) {
      for (let dr = 0; dr < c.rowSpan; dr++) {
        for (let dc = 0; dc < c.colSpan; dc++) {
          const line = counts[r + dr];
          if (line) line[c.column + dc - first] = (line[c.column + dc - first] ?? 0) + 1;
        }
      }
    }
  });
  return counts;
}

/**
 * A sheet shaped like the 项目支出绩效自评表 of seed 004 (运行维护经费): title merged A1:H1, the project
 * name merged across, 项目资金（万元） merged down 4 rows, an empty row, and an indicator block whose 一级指标
 * 产出指标 spans 5 rows.
 */
function fillSelfEvaluation(ws: ExcelJS.Worksheet): void {
  const set = (address: string, value: ExcelJS.CellValue, numFmt?: string) => {
    const cell = ws.getCell(address);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
  };
  set('A1', '2022年度项目支出绩效自评表');
  ws.mergeCells('A1:H1');
  set('A2', '项目支出名称');
  set('B2', '运行维护经费');
  ws.mergeCells('B2:H2');
  set('A3', '主管部门');
  set('B3', '岳阳市人民代表大会常务委员会');
  ws.mergeCells('B3:D3');
  set('E3', '实施单位');
  set('F3', '岳阳市人民代表大会常务委员会');
  ws.mergeCells('F3:H3');
  set('A4', '项目资金\n（万元）');
  ws.mergeCells('A4:A7');
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((t, i) => set(`${'CDEFGH'[i]}4`, t));
  set('B5', '年度资金总额　');
  set('C5', 238.49);
  set('D5', 400.03);
  set('E5', 394);
  set('F5', 10);
  set('G5', 0.9849, '0.00%');
  set('H5', 9.85);
  set('B6', '其中：当年财政拨款');
  set('C6', 238.49);
  set('D6', 370.03);
  set('E6', 364);
  set('F6', '全年预算数与执行数差额的原因是支付天然气借款6.03万。');
  ws.mergeCells('F6:H6');
  set('B7', '其他资金');
  set('D7', 30);
  set('E7', 30);
  // Row 8 stays empty (but styled, as templates are): it is skipped.
  ws.getCell('C8').numFmt = '0.00';
  set('A9', '年度总体目标');
  ws.mergeCells('A9:A10');
  set('B9', '预期目标');
  ws.mergeCells('B9:E9');
  set('F9', '实际完成情况');
  ws.mergeCells('F9:H9');
  set('B10', '服务机关后勤工作，保障机关运行');
  ws.mergeCells('B10:E10');
  set('F10', '已保障机关正常运行');
  ws.mergeCells('F10:H10');
  set('A11', '绩\n效\n指\n标');
  ws.mergeCells('A11:A16');
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'].forEach((t, i) => set(`${'BCDEFGH'[i]}11`, t));
  set('B12', '产出指标\n(50分)');
  ws.mergeCells('B12:B16');
  set('C12', '数量指标');
  ws.mergeCells('C12:C13');
  const indicators: [string, string, string, string | undefined, number, number][] = [
    ['D12', '20次小型维修、4-6次大型维修', '24-26次维修', '已完成', 10, 10],
    ['D13', '保证2台空调机组正常运行', '2台空调机组', '已完成', 10, 10],
    ['D14', '保障所有监控、电梯正常工作', '保障安全', '更换两台电梯，进行后期维护维保', 10, 10],
    ['D15', '完善门户网站及微信公众号建设', '高效传递信息，完成工作', '及时准确高效传递信息', 10, 10],
    ['D16', '项目成本控制在预算内', '≤400.03万元', '394万元', 10, 9.85],
  ];
  for (const [address, target, expected, actual, weight, score] of indicators) {
    const row = address.slice(1);
    set(address, target);
    set(`E${row}`, expected);
    set(`F${row}`, actual ?? null);
    set(`G${row}`, weight);
    set(`H${row}`, score);
  }
  set('C14', '质量指标');
  set('C15', '时效指标');
  set('C16', '成本指标');
}

describe('readXlsx: a 项目支出绩效自评表', () => {
  it('gives a heading with the sheet name and the exact grid with spans', async () => {
    const wb = new ExcelJS.Workbook();
    fillSelfEvaluation(wb.addWorksheet('运行维护经费'));
    const model = await readXlsx(await bytesOf(wb), FILE, DEFAULT_LIMITS);

    expect(model.file).toBe(FILE);
    expect(model.format).toBe('xlsx');
    expect(model.findings).toEqual([]);
    expect(model.blocks).toHaveLength(2);
    expect(model.blocks[0]).toEqual({ kind: 'heading', text: '运行维护经费', style: 'none', level: 1, source: { file: FILE, block: 0 } });
    const table = model.blocks[1] as TableBlock;
    expect(table.kind).toBe('table');
    expect(table.grid).toBe(true);
    expect(table.source).toEqual({ file: FILE, block: 1 });

    const indicator = (column: number, target: string, expected: string, actual: string, score: string): [number, string, number, number][] => [
      [column, target, 1, 1],
      [4, expected, 1, 1],
      [5, actual, 1, 1],
      [6, '10', 1, 1],
      [7, score, 1, 1],
    ];
    expect(shape(table)).toEqual([
      [[0, '2022年度项目支出绩效自评表', 1, 8]],
      [[0, '项目支出名称', 1, 1], [1, '运行维护经费', 1, 7]],
      [[0, '主管部门', 1, 1], [1, '岳阳市人民代表大会常务委员会', 1, 3], [4, '实施单位', 1, 1], [5, '岳阳市人民代表大会常务委员会', 1, 3]],
      [[0, '项目资金\n（万元）', 4, 1], [1, '', 1, 1], [2, '年初预算数', 1, 1], [3, '全年预算数', 1, 1], [4, '全年执行数', 1, 1], [5, '分值', 1, 1], [6, '执行率', 1, 1], [7, '得分', 1, 1]],
      [[1, '年度资金总额', 1, 1], [2, '238.49', 1, 1], [3, '400.03', 1, 1], [4, '394', 1, 1], [5, '10', 1, 1], [6, '98.49%', 1, 1], [7, '9.85', 1, 1]],
      [[1, '其中：当年财政拨款', 1, 1], [2, '238.49', 1, 1], [3, '370.03', 1, 1], [4, '364', 1, 1], [5, '全年预算数与执行数差额的原因是支付天然气借款6.03万。', 1, 3]],
      [[1, '其他资金', 1, 1], [2, '', 1, 1], [3, '30', 1, 1], [4, '30', 1, 1], [5, '', 1, 1], [6, '', 1, 1], [7, '', 1, 1]],
      // Sheet row 8 was empty: table row 7 is sheet row 9.
      [[0, '年度总体目标', 2, 1], [1, '预期目标', 1, 4], [5, '实际完成情况', 1, 3]],
      [[1, '服务机关后勤工作，保障机关运行', 1, 4], [5, '已保障机关正常运行', 1, 3]],
      [[0, '绩\n效\n指\n标', 6, 1], [1, '一级指标', 1, 1], [2, '二级指标', 1, 1], [3, '三级指标', 1, 1], [4, '年度指标值', 1, 1], [5, '实际完成值', 1, 1], [6, '分值', 1, 1], [7, '得分', 1, 1]],
      [[1, '产出指标\n(50分)', 5, 1], [2, '数量指标', 2, 1], ...indicator(3, '20次小型维修、4-6次大型维修', '24-26次维修', '已完成', '10')],
      indicator(3, '保证2台空调机组正常运行', '2台空调机组', '已完成', '10'),
      [[2, '质量指标', 1, 1], ...indicator(3, '保障所有监控、电梯正常工作', '保障安全', '更换两台电梯，进行后期维护维保', '10')],
      [[2, '时效指标', 1, 1], ...indicator(3, '完善门户网站及微信公众号建设', '高效传递信息，完成工作', '及时准确高效传递信息', '10')],
      [[2, '成本指标', 1, 1], ...indicator(3, '项目成本控制在预算内', '≤400.03万元', '394万元', '9.85')],
    ]);
    // Every position of A..H is covered by exactly one cell.
    expect(coverage(table, 0, 7).flat().every((n) => n === 1)).toBe(true);
  });

  it('locates each cell by block, table row and sheet column', async () => {
    const wb = new ExcelJS.Workbook();
    fillSelfEvaluation(wb.addWorksheet('运行维护经费'));
    const table = onlyTable(await readXlsx(await bytesOf(wb), FILE, DEFAULT_LIMITS));
    const rate = table.rows[4]?.find((c) => c.text === '98.49%');
    expect(rate?.source).toEqual({ file: FILE, block: 1, row: 4, column: 6 });
    const output = table.rows[10]?.[0];
    expect(output).toMatchObject({ text: '产出指标\n(50分)', column: 1, rowSpan: 5, source: { file: FILE, block: 1, row: 10, column: 1 } });
    for (const [r, row] of table.rows.entries()) {
      for (const c of row) expect(c.source).toEqual({ file: FILE, block: 1, row: r, column: c.column });
    }
  });
});

describe('readXlsx: cell values', () => {
  async function cellsOf(fill: (ws: ExcelJS.Worksheet) => void, limits: ImportLimits = DEFAULT_LIMITS): Promise<{ model: DocumentModel; row: (r: number) => string[] }> {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('Sheet1'));
    const model = await readXlsx(await bytesOf(wb), 'values.xlsx', limits);
    const table = tables(model)[0];
    return { model, row: (r: number) => (table?.rows[r] ?? []).map((c: TableCell) => c.text) };
  }

  it('gives a formula cell its cached result, formatted by the cell', async () => {
    const { model, row } = await cellsOf((ws) => {
      ws.getCell('B5').value = 394;
      ws.getCell('C5').value = 400.03;
      ws.getCell('D5').value = { formula: 'B5/C5', result: 394 / 400.03 };
      ws.getCell('E5').value = { formula: 'B5/C5', result: 394 / 400.03 };
      ws.getCell('E5').numFmt = '0.00%';
      // A stale cached value is still what the file shows: nothing is recalculated.
      ws.getCell('F5').value = { formula: 'B5/C5', result: 0.5 };
      ws.getCell('G5').value = { formula: 'IF(B5>0,"已完成","未完成")', result: '已完成' };
      ws.getCell('H5').value = { formula: 'SUM(B5:C5)', result: 794.03 };
    });
    expect(row(0)).toEqual(['394', '400.03', '0.984926130540209', '98.49%', '0.5', '已完成', '794.03']);
    expect(model.findings).toEqual([]);
  });

  it('reads a formula saved without a result as empty, with a warning naming the cell', async () => {
    const { model, row } = await cellsOf((ws) => {
      ws.getCell('A1').value = '执行率';
      ws.getCell('B1').value = { formula: 'B5/C5' } as ExcelJS.CellFormulaValue;
      ws.getCell('C1').value = '得分';
    });
    expect(row(0)).toEqual(['执行率', '', '得分']);
    expect(model.findings).toEqual([
      {
        rule: 'import.xlsx.formula-without-result',
        severity: 'warning',
        message: 'values.xlsx：工作表「Sheet1」有 1 个公式单元格（如 B1）没有保存计算结果，按空白读取；请用 Excel 或 WPS 打开并保存后重新导入',
        location: { file: 'values.xlsx', block: 1 },
      },
    ]);
  });

  it('shows numbers in their number format and dates as yyyy-mm-dd', async () => {
    const { row } = await cellsOf((ws) => {
      const put = (r: number, values: [ExcelJS.CellValue, string | undefined][]) =>
        values.forEach(([v, fmt], i) => {
          const cell = ws.getCell(r, i + 1);
          cell.value = v;
          if (fmt) cell.numFmt = fmt;
        });
      put(1, [[4280.31, undefined], [4280.31, '#,##0.00'], [4280.305, '0.00'], [1234.5, '0.00"万元"'], [-1234.5, '#,##0.00_);[Red](#,##0.00)'], [0.985, '0%'], [0.1 + 0.2, undefined]]);
      put(2, [[new Date(Date.UTC(2022, 11, 31)), undefined], [new Date(Date.UTC(2023, 0, 5)), 'yyyy"年"m"月"d"日"'], [true, undefined], [{ error: '#DIV/0!' } as ExcelJS.CellErrorValue, undefined], [1e-3, '0.00'], [12, '0.0'], [0, '#,##0.00;-#,##0.00;"-"']]);
    });
    expect(row(0)).toEqual(['4280.31', '4,280.31', '4280.31', '1234.50万元', '(1,234.50)', '99%', '0.3']);
    expect(row(1)).toEqual(['2022-12-31', '2023-01-05', 'TRUE', '#DIV/0!', '0.00', '12.0', '-']);
  });

  it('joins rich text runs and reads a hyperlink as its text', async () => {
    const { row } = await cellsOf((ws) => {
      ws.getCell('A1').value = { richText: [{ text: '产出' }, { text: '指标', font: { bold: true } }, { text: '（50分）' }] };
      ws.getCell('B1').value = { text: '绩效自评报告', hyperlink: 'https://example.gov.cn/report.pdf' };
      ws.getCell('C1').value = '  前后空格与全角空格　';
    });
    expect(row(0)).toEqual(['产出指标（50分）', '绩效自评报告', '前后空格与全角空格']);
  });

  it('drops empty leading and trailing columns but keeps sheet column numbers', async () => {
    const { model } = await cellsOf((ws) => {
      ws.getCell('C2').value = '一级指标';
      ws.getCell('D2').value = '分值';
      ws.getCell('C3').value = '产出指标';
      ws.getCell('E3').value = 50;
      // Styled or blank-looking cells outside the content do not widen the table.
      ws.getCell('A5').numFmt = '0.00';
      ws.getCell('H3').value = '　';
      ws.getCell('J9').value = '';
    });
    const table = onlyTable(model);
    expect(shape(table)).toEqual([
      [[2, '一级指标', 1, 1], [3, '分值', 1, 1], [4, '', 1, 1]],
      [[2, '产出指标', 1, 1], [3, '', 1, 1], [4, '50', 1, 1]],
    ]);
    expect(coverage(table, 2, 4).flat().every((n) => n === 1)).toBe(true);
  });
});

describe('readXlsx: what else a workbook holds', () => {
  async function decorated(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('附表');
    ws.getCell('A1').value = { text: '绩效自评报告', hyperlink: 'https://example.gov.cn/report.pdf' };
    ws.getCell('B1').value = 50;
    ws.getCell('B1').dataValidation = { type: 'whole', operator: 'between', formulae: [0, 100], allowBlank: true };
    ws.addConditionalFormatting({
      ref: 'B1:B3',
      rules: [{ type: 'cellIs', operator: 'lessThan', formulae: [60], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } } }],
    });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'D2:E4');
    ws.addTable({ name: 'Indicators', ref: 'A3', columns: [{ name: '一级指标' }, { name: '分值' }], rows: [['产出指标', 50]] });
    ws.getCell('C1').note = '审核意见';
    return bytesOf(wb);
  }

  it('reads the cells of a sheet with a hyperlink, validation, conditional format, image, table and note', async () => {
    const model = await readXlsx(await decorated(), FILE, DEFAULT_LIMITS);
    expect(model.findings).toEqual([]);
    expect(shape(onlyTable(model))).toEqual([
      [[0, '绩效自评报告', 1, 1], [1, '50', 1, 1]],
      [[0, '一级指标', 1, 1], [1, '分值', 1, 1]],
      [[0, '产出指标', 1, 1], [1, '50', 1, 1]],
    ]);
  });

  it('reads a sheet whose relationships part is missing (exceljs alone crashes on its hyperlinks)', async () => {
    const zip = await JSZip.loadAsync(await decorated());
    expect(zip.file('xl/worksheets/_rels/sheet1.xml.rels')).not.toBeNull();
    zip.remove('xl/worksheets/_rels/sheet1.xml.rels');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await expect(new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)).rejects.toThrow();
    const model = await readXlsx(bytes, FILE, DEFAULT_LIMITS);
    expect(model.findings).toEqual([]);
    expect(onlyTable(model).rows.map((r) => r.map((c) => c.text))).toEqual([['绩效自评报告', '50'], ['一级指标', '分值'], ['产出指标', '50']]);
  });
});

describe('readXlsx: sheets', () => {
  it('turns two sheets into two heading + table pairs in sheet order and skips blank sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('整体支出');
    first.getCell('A1').value = '部门整体支出绩效自评表';
    first.getCell('A2').value = '预算执行率';
    first.getCell('B2').value = 0.9849;
    first.getCell('B2').numFmt = '0.00%';
    wb.addWorksheet('Sheet2');
    const second = wb.addWorksheet('项目支出');
    second.getCell('B1').value = '项目支出名称';
    second.getCell('C1').value = '业务工作经费';
    const model = await readXlsx(await bytesOf(wb), FILE, DEFAULT_LIMITS);
    expect(model.findings).toEqual([]);
    expect(model.blocks.map((b) => [b.kind, b.source.block, b.kind === 'heading' ? b.text : ''])).toEqual([
      ['heading', 0, '整体支出'],
      ['table', 1, ''],
      ['heading', 2, '项目支出'],
      ['table', 3, ''],
    ]);
    const [t1, t2] = tables(model) as [TableBlock, TableBlock];
    expect(shape(t1)).toEqual([[[0, '部门整体支出绩效自评表', 1, 1], [1, '', 1, 1]], [[0, '预算执行率', 1, 1], [1, '98.49%', 1, 1]]]);
    expect(shape(t2)).toEqual([[[1, '项目支出名称', 1, 1], [2, '业务工作经费', 1, 1]]]);
    expect(t2.rows[0]?.[1]?.source).toEqual({ file: FILE, block: 3, row: 0, column: 2 });
  });

  it('reports a workbook whose sheets are all blank', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').numFmt = '0.00';
    const model = await readXlsx(await bytesOf(wb), 'blank.xlsx', DEFAULT_LIMITS);
    expect(model.blocks).toEqual([]);
    expect(model.findings).toEqual([{ rule: 'import.empty-file', severity: 'error', message: 'blank.xlsx：工作簿中没有任何内容', location: { file: 'blank.xlsx' } }]);
  });

  it('keeps spans whole when the row cap cuts through a merge', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('指标');
    ws.getCell('A1').value = '产出指标';
    ws.mergeCells('A1:A5');
    for (let r = 1; r <= 5; r++) ws.getCell(r, 2).value = `三级指标${r}`;
    const model = await readXlsx(await bytesOf(wb), FILE, { ...DEFAULT_LIMITS, maxTableRows: 3 });
    expect(shape(onlyTable(model))).toEqual([
      [[0, '产出指标', 3, 1], [1, '三级指标1', 1, 1]],
      [[1, '三级指标2', 1, 1]],
      [[1, '三级指标3', 1, 1]],
    ]);
    expect(model.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['import.table-truncated', 'warning', `${FILE}：工作表「指标」有 5 行，超过上限 3 行，只读取了前 3 行`],
    ]);
  });

  it(`keeps the first ${MAX_COLUMNS} columns of a sheet wider than that`, async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('宽表');
    ws.getCell(1, 1).value = '左';
    ws.getCell(1, 16384).value = '右';
    const model = await readXlsx(await bytesOf(wb), FILE, DEFAULT_LIMITS);
    const table = onlyTable(model);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toHaveLength(MAX_COLUMNS);
    expect(table.rows[0]?.[0]?.text).toBe('左');
    expect(table.rows[0]?.at(-1)).toMatchObject({ column: MAX_COLUMNS - 1, text: '' });
    expect(model.findings.map((f) => f.message)).toEqual([`${FILE}：工作表「宽表」有 16384 列，超过上限 ${MAX_COLUMNS} 列，只读取了前 ${MAX_COLUMNS} 列`]);
  });

  it('keeps the first maxTableRows of a 50,000-row sheet, with a warning', async () => {
    // The streaming writer builds 50,000 rows in well under a second (the plain one takes seconds).
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: false, useSharedStrings: false });
    const ws = wb.addWorksheet('明细');
    ws.addRow(['序号', '项目', '预算数', '执行数']).commit();
    for (let i = 1; i < 50_000; i++) ws.addRow([i, `项目${i}`, 100 + i / 100, 90 + i / 100]).commit();
    ws.commit();
    await wb.commit();
    const bytes = new Uint8Array(Buffer.concat(chunks));

    const started = performance.now();
    const model = await readXlsx(bytes, 'big.xlsx', { ...DEFAULT_LIMITS, maxTableRows: 5000 });
    const elapsed = performance.now() - started;

    const table = onlyTable(model);
    expect(table.rows).toHaveLength(5000);
    expect(table.rows[0]?.map((c) => c.text)).toEqual(['序号', '项目', '预算数', '执行数']);
    expect(table.rows[4999]?.map((c) => c.text)).toEqual(['4999', '项目4999', '149.99', '139.99']);
    expect(model.findings).toEqual([
      {
        rule: 'import.table-truncated',
        severity: 'warning',
        message: 'big.xlsx：工作表「明细」有 50000 行，超过上限 5000 行，只读取了前 5000 行',
        location: { file: 'big.xlsx', block: 1 },
      },
    ]);
    expect(elapsed).toBeLessThan(10_000);
  });
});

describe('readXlsx: bad input gives an error finding, never an exception', () => {
  const only = (model: DocumentModel) => {
    expect(model.blocks).toEqual([]);
    expect(model.findings).toHaveLength(1);
    const f = model.findings[0];
    expect(f?.severity).toBe('error');
    expect(f?.location).toEqual({ file: 'bad.xlsx' });
    return f;
  };

  async function validBytes(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    fillSelfEvaluation(wb.addWorksheet('自评表'));
    return bytesOf(wb);
  }

  /** A valid workbook with one part replaced. */
  async function withPart(path: string, content: string, options: JSZip.JSZipFileOptions = {}): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await validBytes());
    zip.file(path, content, { compression: 'DEFLATE', ...options });
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  it('empty bytes', async () => {
    const f = only(await readXlsx(new Uint8Array(0), 'bad.xlsx', DEFAULT_LIMITS));
    expect(f).toMatchObject({ rule: 'import.empty-file', message: 'bad.xlsx：文件为空，没有可读取的内容' });
  });

  it('random bytes', async () => {
    const random = new Uint8Array(4096);
    let seed = 42;
    for (let i = 0; i < random.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      random[i] = seed & 0xff;
    }
    const f = only(await readXlsx(random, 'bad.xlsx', DEFAULT_LIMITS));
    expect(f).toMatchObject({ rule: 'import.xlsx.unreadable', message: 'bad.xlsx：不是 .xlsx 文件（不是 zip 压缩包），无法读取' });
  });

  it('random bytes after a zip signature', async () => {
    const bytes = new Uint8Array(2048).map((_, i) => (i * 7919) & 0xff);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    const f = only(await readXlsx(bytes, 'bad.xlsx', DEFAULT_LIMITS));
    expect(f).toMatchObject({ rule: 'import.xlsx.unreadable', message: 'bad.xlsx：.xlsx 文件已损坏或不完整，无法读取' });
  });

  it('a truncated xlsx', async () => {
    const bytes = await validBytes();
    const f = only(await readXlsx(bytes.slice(0, Math.floor(bytes.length / 2)), 'bad.xlsx', DEFAULT_LIMITS));
    expect(f).toMatchObject({ rule: 'import.xlsx.unreadable', message: 'bad.xlsx：.xlsx 文件已损坏或不完整，无法读取' });
  });

  it('a zip that is not a workbook (a .docx renamed)', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    const f = only(await readXlsx(await zip.generateAsync({ type: 'uint8array' }), 'bad.xlsx', DEFAULT_LIMITS));
    expect(f).toMatchObject({ rule: 'import.xlsx.unreadable', message: 'bad.xlsx：不是 Excel 工作簿（压缩包中没有 xl/workbook.xml），无法读取' });
  });

  it('a workbook whose sheet XML is broken', async () => {
    const bytes = await withPart('xl/worksheets/sheet1.xml', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row');
    const f = only(await readXlsx(bytes, 'bad.xlsx', DEFAULT_LIMITS));
    expect(f).toMatchObject({ rule: 'import.xlsx.unreadable', message: 'bad.xlsx：工作簿内容无法解析（文件可能已损坏），无法读取' });
  });

  it('an OLE file: an old .xls or an encrypted workbook', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const f = only(await readXlsx(ole, 'bad.xlsx', DEFAULT_LIMITS));
    expect(f?.rule).toBe('import.encrypted-or-legacy');
    expect(f?.message).toBe('bad.xlsx：是旧版 Excel（.xls）文件或加密的文件，无法直接读取；请用 Excel、WPS 或 LibreOffice 另存为 .xlsx（加密的先取消密码）后再导入');
  });

  it('a file larger than maxFileBytes, before parsing', async () => {
    const bytes = await validBytes();
    const f = only(await readXlsx(bytes, 'bad.xlsx', { ...DEFAULT_LIMITS, maxFileBytes: 1024 }));
    expect(f?.rule).toBe('import.too-large');
    expect(f?.message).toMatch(/^bad\.xlsx：文件大小 \d+(\.\d)? (KB|字节) 超过上限 \d+(\.\d)? (KB|字节)，未读取$/);
  });

  it('a zip bomb (120 MB of spaces as sheet1.xml) is refused quickly, before loading', async () => {
    const bytes = await withPart('xl/worksheets/sheet1.xml', ' '.repeat(120 * 1024 * 1024), { compressionOptions: { level: 1 } });
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const started = performance.now();
    const f = only(await readXlsx(bytes, 'bad.xlsx', DEFAULT_LIMITS));
    const elapsed = performance.now() - started;
    expect(f?.rule).toBe('import.compression-ratio-too-high');
    expect(f?.message).toMatch(/^bad\.xlsx：压缩比 \d{3,}:1 超过上限 100:1（疑似压缩炸弹），未读取$/);
    expect(elapsed).toBeLessThan(1000);
  });

  it('unzipped size past maxUnzippedBytes at a modest ratio', async () => {
    const bytes = await validBytes();
    const f = only(await readXlsx(bytes, 'bad.xlsx', { ...DEFAULT_LIMITS, maxUnzippedBytes: 4096 }));
    expect(f?.rule).toBe('import.unzipped-too-large');
    expect(f?.message).toMatch(/^bad\.xlsx：解压后超过 \d+\.\d MB，超过上限 0\.0 MB，未读取$/);
  });

  it('a zip directory that understates a part size is caught while inflating', async () => {
    const zip = await JSZip.loadAsync(await validBytes());
    zip.file('xl/worksheets/sheet1.xml', ' '.repeat(20 * 1024 * 1024), { compression: 'DEFLATE' });
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // Rewrite the uncompressed size of sheet1.xml to 100 bytes in the local header and the central directory.
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let patched = 0;
    for (let i = 0; i + 46 < bytes.length; i++) {
      const sig = view.getUint32(i, true);
      const nameAt = sig === 0x04034b50 ? i + 30 : sig === 0x02014b50 ? i + 46 : -1;
      if (nameAt < 0) continue;
      const nameLength = view.getUint16(i + (sig === 0x04034b50 ? 26 : 28), true);
      if (nameLength !== name.length || !name.every((b, k) => bytes[nameAt + k] === b)) continue;
      view.setUint32(i + (sig === 0x04034b50 ? 22 : 24), 100, true);
      patched++;
    }
    expect(patched).toBe(2);
    const f = only(await readXlsx(bytes, 'bad.xlsx', DEFAULT_LIMITS));
    expect(f).toMatchObject({ rule: 'import.xlsx.unreadable', message: 'bad.xlsx：.xlsx 文件已损坏或不完整，无法读取' });
  });

  it('a merge over the whole sheet (A1:XFD1048576) is refused before exceljs builds its cells', async () => {
    const zip = await JSZip.loadAsync(await validBytes());
    const sheet = await zip.file('xl/worksheets/sheet1.xml')?.async('string');
    expect(sheet).toContain('<mergeCell ref="A1:H1"/>');
    zip.file('xl/worksheets/sheet1.xml', (sheet ?? '').replace('<mergeCell ref="A1:H1"/>', '<mergeCell ref="A1:XFD1048576"/>'));
    const started = performance.now();
    const f = only(await readXlsx(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 'bad.xlsx', DEFAULT_LIMITS));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(f?.rule).toBe('import.xlsx.too-many-merges');
    expect(f?.message).toMatch(/^bad\.xlsx：xl\/worksheets\/sheet1\.xml 的合并单元格过多（至少 \d+ 处、覆盖 171798\d{5} 个单元格；上限 10000 处、200000 个单元格），未读取$/);
  });
});
