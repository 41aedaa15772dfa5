import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dec, extractReport } from '@jixiao/core';
import type { CostLine, Evaluation, ExtractedReport } from '@jixiao/core';
import { decodeEvaluationFile } from '../../../schema/evaluation-codec';
import { readXlsx } from '../../importers/xlsx/read-xlsx';
import { DEFAULT_LIMITS } from '../../importers/limits';
import { compareEvaluation } from '../../../../test/compare-evaluations';
import { renderXlsx } from './render-xlsx';
import { MAX_SHEET_NAME, SheetNames } from './sheet-names';
import { cellValue, numberFormat } from './write-sheet';

function loadFixture(seed: string): Evaluation[] {
  const decoded = decodeEvaluationFile(JSON.parse(readFileSync(new URL(`../../../../test/fixtures/seeds/seed-${seed}.json`, import.meta.url), 'utf8')));
  if (!decoded.ok) throw new Error(decoded.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return decoded.evaluations;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The address of the cell whose text is `text` (the first, in row order). */
function find(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!found && cell.type !== ExcelJS.ValueType.Merge && cell.value === text) found = cell;
    }),
  );
  if (!found) throw new Error(`no cell “${text}” in ${ws.name}`);
  return found;
}

/** The merged range whose top-left is `cell` ("A4:A8"), or the cell alone. */
function range(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): string {
  return ws.model.merges.find((m) => m.startsWith(`${cell.address}:`)) ?? cell.address;
}

const plainLine = (l: CostLine | undefined) =>
  l && { label: l.label, priorActual: l.priorActual?.toString(), budget: l.budget?.toString(), actual: l.actual?.toString() };

describe('renderXlsx: seed 004 written as a workbook and read back by jixiao’s own importer', () => {
  const gold = loadFixture('004');
  let bytes: Uint8Array;
  let report: ExtractedReport;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    bytes = await renderXlsx(gold);
    const doc = await readXlsx(bytes, 'seed-004.xlsx', DEFAULT_LIMITS);
    expect(doc.findings).toEqual([]);
    report = extractReport(doc);
    workbook = await load(bytes);
  });

  it('has one sheet per table: 基础数据表, 部门整体支出绩效自评表, then each project by name', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['基础数据表', '部门整体支出绩效自评表', ...gold.filter((e) => e.kind === 'project').map((e) => e.title)]);
    expect(report.parts.map((p) => p.kind)).toEqual(['basicData', 'department', ...gold.filter((e) => e.kind === 'project').map(() => 'project')]);
  });

  it('gives back every project’s title, year, fund rows, indicator rows (一级/二级/三级, 指标值, 完成值, 分值, 得分) and total', () => {
    const projects = gold.filter((e) => e.kind === 'project');
    expect(projects).toHaveLength(8);
    const results = projects.flatMap((g) => compareEvaluation(g, report.evaluations.find((e) => e.kind === 'project' && e.title === g.title), g.title));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    // Every fund amount and every indicator row was compared.
    expect(results.filter((r) => r.field.includes('.funds.')).length).toBe(projects.reduce((n, p) => n + p.funds.reduce((k, f) => k + ['initialBudget', 'annualBudget', 'executed', 'weight', 'statedRate', 'statedScore'].filter((c) => f[c as keyof typeof f] !== undefined).length, 0), 0));
    expect(results.filter((r) => /indicators\[\d+\]\.name$/.test(r.field))).toHaveLength(projects.reduce((n, p) => n + p.indicators.length, 0));
  });

  it('keeps a fund row’s note (运行维护经费: 当年财政拨款)', () => {
    const got = report.evaluations.find((e) => e.title === '运行维护经费');
    expect(got?.funds.find((f) => f.line === 'currentAppropriation')?.note).toBe('全年预算数与执行数差额的原因是支付天然气借款6.03万。');
  });

  it('gives back the 部门整体 table (funds by 收入/支出性质, every indicator, total) and its basic data', () => {
    const dept = gold.find((e) => e.kind === 'department');
    if (!dept?.basicData) throw new Error('fixture without 部门整体 basic data');
    const got = report.evaluations.find((e) => e.kind === 'department');
    // The grade (优秀) is stated in the report's prose, not in the table.
    expect(compareEvaluation(dept, got, dept.title).filter((r) => !r.ok && !r.field.endsWith('stated.grade'))).toEqual([]);
    const b = got?.basicData;
    const g = dept.basicData;
    expect(b?.staff).toEqual(g.staff);
    expect(Object.fromEntries(Object.entries(b?.threePublic ?? {}).map(([k, v]) => [k, plainLine(v)]))).toEqual(Object.fromEntries(Object.entries(g.threePublic ?? {}).map(([k, v]) => [k, plainLine(v)])));
    for (const group of ['projects', 'publicExpense'] as const) {
      expect([b?.[group]?.total, ...(b?.[group]?.items ?? [])].map(plainLine)).toEqual([g[group]?.total, ...(g[group]?.items ?? [])].map(plainLine));
    }
    expect(plainLine(b?.procurement)).toEqual(plainLine(g.procurement));
    expect(plainLine(b?.basicBudgetAdjustment)).toEqual(plainLine(g.basicBudgetAdjustment));
    expect(b?.savingMeasures).toBe(g.savingMeasures);
  });

  it('merges the cells as the template does: title, 项目资金 over its fund rows, 绩效指标, each 一级 and 二级 over their rows, 总分', () => {
    const ws = sheet(workbook, '业务工作经费');
    expect(range(ws, find(ws, '2022年度项目支出绩效自评表'))).toBe('A1:I1');
    expect(range(ws, find(ws, '业务工作经费'))).toBe('B2:I2');
    // Header row + 年度资金总额, 当年财政拨款, 上年结转资金, 其他资金.
    expect(range(ws, find(ws, '项目资金（万元）'))).toBe('A4:A8');
    expect(find(ws, '其中：当年财政拨款').address).toBe('B6');
    expect(range(ws, find(ws, '年度总体目标'))).toBe('A9:A10');
    // Header row + 10 indicator rows.
    expect(range(ws, find(ws, '绩效指标'))).toBe('A11:A21');
    expect(range(ws, find(ws, '产出指标（50分）'))).toBe('B12:B18');
    expect(range(ws, find(ws, '数量指标'))).toBe('C12:C14');
    expect(range(ws, find(ws, '时效指标'))).toBe('C15:C17');
    expect(range(ws, find(ws, '成本指标'))).toBe('C18');
    expect(range(ws, find(ws, '效益指标（30分）'))).toBe('B19:B20');
    expect(range(ws, find(ws, '满意度指标（10分）'))).toBe('B21');
    expect(range(ws, find(ws, '总分'))).toBe('A22:F22');
    expect([ws.getCell('G22').value, ws.getCell('H22').value]).toEqual([100, 100]);

    const note = sheet(workbook, '运行维护经费');
    expect(range(note, find(note, '全年预算数与执行数差额的原因是支付天然气借款6.03万。'))).toBe('G6:I6');

    const dept = sheet(workbook, '部门整体支出绩效自评表');
    expect(range(dept, find(dept, '年度预算申请（万元）'))).toBe('A3:A9');
    expect(range(dept, find(dept, '其中：一般公共预算：4030.75'))).toBe('B6:E6');
    expect(range(dept, find(dept, '其中：基本支出：2731.71'))).toBe('F6:I6');
    expect(range(dept, find(dept, '效益指标（30分）'))).toBe('B21:B24');
  });

  it('writes amounts, rates and scores as numbers with their formats', () => {
    const ws = sheet(workbook, '运行维护经费');
    const at = (address: string) => [ws.getCell(address).value, ws.getCell(address).numFmt];
    // 年度资金总额: 238.49 | 400.03 | 394 | 分值 10 | 执行率 100% | 得分 10.
    expect(['D5', 'E5', 'F5', 'G5', 'H5', 'I5'].map(at)).toEqual([
      [238.49, '0.00'],
      [400.03, '0.00'],
      [394, '0.00'],
      [10, '0'],
      [1, '0.00%'],
      [10, '0'],
    ]);
    // 分值/得分 show their own decimals (经济效益指标 7.5).
    expect(at(`G${find(ws, '建设无纸化办公OA平台').row}`)).toEqual([7.5, '0.0']);
    const basic = sheet(workbook, '基础数据表');
    expect([basic.getCell('B3').value, basic.getCell('B3').numFmt, basic.getCell('D3').value, basic.getCell('D3').numFmt]).toEqual([111, '0', 0.7658, '0.00%']);
  });

  it('borders every cell of the table, wraps text, sets column widths and the print setup', () => {
    for (const [name, first, last, width] of [
      ['业务工作经费', 2, 22, 9],
      ['部门整体支出绩效自评表', 2, 26, 9],
      ['基础数据表', 2, 29, 7],
    ] as const) {
      const ws = sheet(workbook, name);
      for (let r = first; r <= last; r++) {
        for (let c = 1; c <= width; c++) {
          const cell = ws.getCell(r, c);
          expect([cell.address, cell.border?.top?.style, cell.border?.left?.style, cell.border?.bottom?.style, cell.border?.right?.style]).toEqual([cell.address, 'thin', 'thin', 'thin', 'thin']);
        }
      }
      expect(ws.getCell(first - 1, 1).border?.top).toBeUndefined();
      expect(ws.getCell(last + 1, 1).border?.top).toBeUndefined();
      expect(ws.getCell(first, 2).alignment?.wrapText).toBe(true);
      expect(ws.columns.slice(0, width).every((c) => (c.width ?? 0) >= 8)).toBe(true);
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: name === '基础数据表' ? 'portrait' : 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    expect(sheet(workbook, '业务工作经费').pageSetup.printTitlesRow).toBe('1:3');
    expect(sheet(workbook, '部门整体支出绩效自评表').pageSetup.printTitlesRow).toBe('1:2');
    expect(sheet(workbook, '基础数据表').pageSetup.printTitlesRow).toBe('1:1');
    // Rows grow for wrapped text: the 社会效益指标 row of the 部门整体 table holds a long 完成值.
    const dept = sheet(workbook, '部门整体支出绩效自评表');
    expect(dept.getRow(find(dept, '坚持以人民为中心的发展思想').fullAddress.row).height).toBeGreaterThan(100);
  });
});

describe('renderXlsx: exact figures', () => {
  const project = (funds: Evaluation['funds'], indicators: Evaluation['indicators'] = []): Evaluation => ({
    kind: 'project',
    year: 2023,
    title: '精确数项目',
    unit: { name: '某单位' },
    funds,
    goals: [],
    indicators,
    stated: {},
    sections: [],
  });

  it('shows every decimal an amount, rate or score has, and keeps a figure past 15 digits as its exact text', async () => {
    const e = project(
      [
        { line: 'total', label: '年度资金总额', initialBudget: dec('13616.685001'), annualBudget: dec('12345678901234.567891'), executed: dec('0.1'), statedRate: dec('98.485'), statedScore: dec('8.67') },
      ],
      [{ level1: '产出指标', level2: '数量指标', name: '完成数', target: { text: '≥10件' }, actual: { text: '12件' }, weight: dec('12.5'), score: dec('11.875') }],
    );
    const bytes = await renderXlsx([e]);
    const ws = sheet(await load(bytes), '精确数项目');
    const at = (address: string) => [ws.getCell(address).value, ws.getCell(address).numFmt];
    expect(['D5', 'E5', 'F5', 'H5', 'I5'].map(at)).toEqual([
      [13616.685001, '0.000000'],
      ['12345678901234.567891', '@'],
      [0.1, '0.00'],
      [0.98485, '0.000%'],
      [8.67, '0.00'],
    ]);
    const got = extractReport(await readXlsx(bytes, 'x.xlsx', DEFAULT_LIMITS)).evaluations[0];
    const total = got?.funds.find((f) => f.line === 'total');
    expect([total?.initialBudget, total?.annualBudget, total?.executed, total?.statedRate, total?.statedScore].map((d) => d?.toString())).toEqual([
      '13616.685001',
      '12345678901234.567891',
      '0.1',
      '98.485',
      '8.67',
    ]);
    expect([got?.indicators[0]?.weight?.toString(), got?.indicators[0]?.score?.toString()]).toEqual(['12.5', '11.875']);
  });

  it('formats each kind of figure', () => {
    expect(numberFormat({ kind: 'amount', value: dec('394') })).toBe('0.00');
    expect(numberFormat({ kind: 'rate', value: dec('100') })).toBe('0.00%');
    expect(numberFormat({ kind: 'score', value: dec('8') })).toBe('0');
    expect(numberFormat({ kind: 'score', value: dec('7.25') })).toBe('0.00');
    expect(numberFormat({ kind: 'text', text: '8' })).toBeUndefined();
    expect(cellValue({ kind: 'rate', value: dec('98.49') })).toBe(0.9849);
    expect(cellValue({ kind: 'amount', value: dec('1234567890123.4567') })).toBe('1234567890123.4567');
  });
});

describe('sheet names', () => {
  it('are at most 31 characters, valid and unique regardless of case', () => {
    const names = new SheetNames();
    const long = '某某市某某区某某局2023年度某某专项资金绩效自评项目支出（含上年结转）';
    const got = [names.take(long), names.take(long), names.take('a/b:c?*[d]'), names.take('A／B：C？＊【D】'), names.take('History'), names.take("'引号'"), names.take('  ', '项目支出绩效自评表')];
    expect(got.every((n) => n.length <= MAX_SHEET_NAME && n.length > 0 && !/[:\\/?*[\]]/.test(n) && !/^'|'$/.test(n))).toBe(true);
    expect(new Set(got.map((n) => n.toLowerCase())).size).toBe(got.length);
    expect(got[0]).toBe(long.slice(0, 31));
    expect(got[1]).toBe(`${long.slice(0, 28)}（2）`);
    expect(got.slice(2)).toEqual(['a／b：c？＊【d】', 'A／B：C？＊【D】（2）', 'History（2）', '’引号’', '项目支出绩效自评表']);
  });

  it('renders projects with the same name on their own sheets', async () => {
    const e: Evaluation = { kind: 'project', year: 2023, title: '同名项目', unit: { name: '某单位' }, funds: [], goals: [], indicators: [], stated: {}, sections: [] };
    const workbook = await load(await renderXlsx([e, e]));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['同名项目', '同名项目（2）']);
  });

  it('gives an empty export one sheet that says so', async () => {
    const workbook = await load(await renderXlsx([]));
    expect(workbook.worksheets.map((w) => [w.name, w.getCell('A1').value])).toEqual([['自评表', '没有可导出的自评表']]);
  });
});
