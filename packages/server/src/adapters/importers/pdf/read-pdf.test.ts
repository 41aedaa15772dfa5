import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentBlock, DocumentModel, HeadingBlock, ParagraphBlock, TableBlock } from '@jixiao/core';
import { DEFAULT_LIMITS, type ImportLimits } from '../limits';
import { readPdf } from './read-pdf';
import { rgbPng } from '../../../../test/png';

const hasSoffice = (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, 'soffice')));

// ---------------------------------------------------------------------------------------------------------
// Test documents, written as .docx with `docx` and printed to PDF by LibreOffice in beforeAll.

const BODY_FONT = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const body = (text: string) =>
  new Paragraph({
    children: [new TextRun({ text, font: BODY_FONT, size: 32 })],
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
    alignment: AlignmentType.JUSTIFIED,
  });
const heading = (text: string) =>
  new Paragraph({
    children: [new TextRun({ text, bold: true, font: { eastAsia: '黑体' }, size: 32 })],
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
  });
const title = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, bold: true, font: { eastAsia: '方正小标宋简体' }, size: 44 })], alignment: AlignmentType.CENTER, spacing: { after: 400 } });

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const NO_LINE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
type Spec = string | { readonly t: string; readonly rs?: number; readonly cs?: number };
const cell = (spec: Spec, ruled: boolean) => {
  const s = typeof spec === 'string' ? { t: spec } : spec;
  const side = ruled ? LINE : NO_LINE;
  return new TableCell({
    children: s.t.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, size: 21, font: BODY_FONT })], alignment: AlignmentType.CENTER })),
    borders: { top: side, bottom: side, left: side, right: side },
    ...(s.rs ? { rowSpan: s.rs } : {}),
    ...(s.cs ? { columnSpan: s.cs } : {}),
  });
};
const table = (rows: readonly (readonly Spec[])[], widths: readonly number[], options: { ruled?: boolean; header?: boolean } = {}) =>
  new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    ...(options.ruled === false ? { borders: TableBorders.NONE } : {}),
    rows: rows.map((cells, i) => new TableRow({ children: cells.map((c) => cell(c, options.ruled !== false)), ...(options.header && i === 0 ? { tableHeader: true } : {}) })),
  });

/** 项目支出绩效自评表 shaped like seed 004 (运行维护经费), 8 columns, borders on all cells. */
const SELF_EVALUATION: readonly (readonly Spec[])[] = [
  ['项目支出名称', { t: '运行维护经费', cs: 7 }],
  ['主管部门', { t: '岳阳市人民代表大会常务委员会', cs: 3 }, '实施单位', { t: '岳阳市人民代表大会常务委员会', cs: 3 }],
  [{ t: '项目资金\n（万元）', rs: 4 }, '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  ['年度资金总额', '238.49', '400.03', '394', '10', '100%', '10'],
  ['其中：当年财政拨款', '238.49', '370.03', '364', { t: '全年预算数与执行数差额的原因是支付天然气借款6.03万。', cs: 3 }],
  ['其他资金', '', '30', '30', '', '', ''],
  [{ t: '年度总体目标', rs: 2 }, { t: '预期目标', cs: 4 }, { t: '实际完成情况', cs: 3 }],
  [{ t: '服务机关后勤工作，保障机关运行', cs: 4 }, { t: '已保障机关正常运行', cs: 3 }],
  [{ t: '绩效指标', rs: 11 }, '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
  [{ t: '产出指标（50分）', rs: 5 }, { t: '数量指标', rs: 2 }, '20次小型维修、4-6次大型维修', '24-26次维修', '已完成', '10', '10'],
  ['保证2台空调机组正常运行', '2台空调机组', '已完成', '10', '10'],
  ['质量指标', '保障所有监控、电梯正常工作', '保障安全', '更换两台电梯，进行后期维护维保', '10', '10'],
  ['时效指标', '完善门户网站及微信公众号建设，建造信息化会议系统，提高信息传递速度，提升工作效率', '高效传递信息，完成工作', '及时准确高效传递信息，完成相关工作要求', '10', '10'],
  ['成本指标', '在控制的预算内完成目标', '预算内资金', '预算内资金', '10', '10'],
  [{ t: '效益指标（30分）', rs: 4 }, '经济效益指标', '建设无纸化办公OA平台', '节约能源，高效办公', '已按要求建成', '7.5', '7.5'],
  ['社会效益指标', '提升机关文明形象', '机关在职干部全员参与文明劝导等志愿服务活动，树立机关文明形象', '已按年初工作计划开展工作', '7.5', '7.5'],
  ['生态效益指标', '绿化保洁有效服务', '干净整洁的办公环境', '已完成', '7.5', '7.5'],
  ['可持续影响指标', '提供安全整洁的工作环境，完善的信息系统，保障机关事务能有效运转', '机关事务持续有效运转', '已保障机关正常运行', '7.5', '7.5'],
  ['满意度指标（10分）', '服务对象满意度指标', '机关全体职工干部满意', '满意', '满意', '10', '10'],
  [{ t: '总分', cs: 6 }, '100', '100'],
];

/** A long list with a header row marked to repeat on every page. */
const DETAIL_HEADER = ['序号', '支出明细', '全年预算数（万元）', '全年执行数（万元）'];
const DETAIL_ROWS = Array.from({ length: 48 }, (_, i) => [String(i + 1), `运行维护支出明细第${i + 1}项`, (10 + i * 0.25).toFixed(2), (9 + i * 0.25).toFixed(2)]);

/** Figures laid out as a table without any rules. */
const UNRULED = [
  ['经费类别', '2021年决算数', '2022年预算数', '2022年决算数'],
  ['三公经费', '67.03', '202', '70.3'],
  ['公务接待', '6.61', '42', '3.49'],
];

const TITLE = '岳阳市人民代表大会常务委员会2022年度运行维护经费绩效自评报告';
const INTRO = [
  '为深入贯彻落实预算绩效管理要求，本单位围绕年度工作目标，严格执行预算，规范资金使用，强化过程监控，确保各项经费用于保障机关正常运转和履职需要，现将有关情况报告如下。',
  '本单位共有内设机构十个，核定行政编制六十六名，实际在职人数八十五人；年度预算安排项目支出一千四百九十六万元，主要用于业务工作、运行维护、人大监督、人大立法、人大会议和人大代表工作等方面的支出。',
  '运行维护经费主要用于办公大楼水电、物业、维修及取暖费用，以满足日常工作需要，保证大楼正常运作；全年共完成小型维修二十余次、大型维修四次，保障了两台空调机组、全部监控设备和电梯的正常运行。',
];
const CROSSING =
  '在绩效目标管理方面，单位按照财政部门的统一部署，在编制年度预算时同步申报绩效目标，细化量化绩效指标，做到绩效目标与预算资金相匹配；在执行过程中，定期对绩效目标完成情况和预算执行进度进行双监控，发现偏差及时纠正；年度终了后，组织相关科室对照年初设定的绩效目标逐项开展自评，如实反映项目实施效果和存在的问题，并将自评结果作为以后年度预算安排和政策调整的重要依据，切实提高财政资金使用效益和公共服务水平，推动机关各项工作提质增效再上新台阶。';
const NUMBERED_PARAGRAPH =
  '1.绩效管理体系需要逐渐健全。绩效管理是一个完整系统，由绩效计划、绩效实施、绩效考核、绩效反馈四部分组成，四者紧密相连，缺一不可，管理体系需要进一步健全。';
const AFTER_TABLE = '以上为项目支出绩效自评表，明细见附表。';

function reportDocx(): Promise<Buffer> {
  const children: FileChild[] = [
    title(TITLE),
    heading('一、基本情况'),
    ...INTRO.map(body),
    heading('（一）绩效目标管理'),
    body(CROSSING),
    heading('（二）存在的问题'),
    body(NUMBERED_PARAGRAPH),
    heading('二、项目支出绩效自评表'),
    table(SELF_EVALUATION, [900, 1150, 1150, 1545, 1300, 1300, 750, 750]),
    body(AFTER_TABLE),
    heading('三、经费控制情况'),
    table(UNRULED, [2200, 2200, 2200, 2200], { ruled: false }),
    heading('附表：运行维护支出明细'),
    table([DETAIL_HEADER, ...DETAIL_ROWS], [1000, 3800, 2000, 2000], { header: true }),
    body('报告完毕。'),
  ];
  const doc = new Document({
    styles: { default: { document: { run: { language: { eastAsia: 'zh-CN' } } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })] })] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A 96×64 RGB PNG (stripes): a "scanned page" without any text. */
const stripesPng = (): Buffer => rgbPng(96, 64, (x, y) => ((x + y) % 16 < 8 ? [30, 30, 30] : [220, 220, 220]));

function imageOnlyDocx(): Promise<Buffer> {
  const image = new ImageRun({ type: 'png', data: stripesPng(), transformation: { width: 400, height: 266 } });
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [image] })] }] }));
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

const FILE = '2022年度运行维护经费绩效自评报告.pdf';
const limits = (over: Partial<ImportLimits> = {}): ImportLimits => ({ ...DEFAULT_LIMITS, ...over });

function tables(model: DocumentModel): TableBlock[] {
  return model.blocks.filter((b): b is TableBlock => b.kind === 'table');
}

function tableStarting(model: DocumentModel, first: string): TableBlock {
  const found = tables(model).filter((t) => t.rows[0]?.[0]?.text === first);
  expect(found).toHaveLength(1);
  return found[0] as TableBlock;
}

function texts(table: TableBlock): string[][] {
  return table.rows.map((row) => row.map((c) => c.text).filter((t) => t !== ''));
}

function cellWith(table: TableBlock, text: string) {
  const found = table.rows.flat().filter((c) => c.text === text);
  expect(found).toHaveLength(1);
  return found[0];
}

/** How many cells cover each grid position: all 1 for an exact grid. */
function coverage(table: TableBlock, columns: number): number[][] {
  const counts = table.rows.map(() => new Array<number>(columns).fill(0));
  table.rows.forEach((row, r) => {
    for (const c of row) {
      for (let dr = 0; dr < c.rowSpan; dr++) {
        for (let dc = 0; dc < c.colSpan; dc++) {
          const line = counts[r + dr];
          if (line) line[c.column + dc] = (line[c.column + dc] ?? 0) + 1;
        }
      }
    }
  });
  return counts;
}

function allText(blocks: readonly DocumentBlock[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat().map((c) => c.text) : [b.text]));
}

function onlyFinding(model: DocumentModel) {
  expect(model.findings).toHaveLength(1);
  return model.findings[0];
}

// ---------------------------------------------------------------------------------------------------------

describe('readPdf: inputs refused before parsing', () => {
  it('reports an empty file', async () => {
    const model = await readPdf(new Uint8Array(0), 'x.pdf', DEFAULT_LIMITS);
    expect(model).toMatchObject({ file: 'x.pdf', format: 'pdf', blocks: [] });
    expect(onlyFinding(model)).toMatchObject({ rule: 'import.empty-file', severity: 'error', location: { file: 'x.pdf' } });
    expect(model.findings[0]?.message).toContain('x.pdf：文件为空');
  });

  it('reports a Windows program named .pdf as not a PDF', async () => {
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
    const model = await readPdf(exe, 'x.pdf', DEFAULT_LIMITS);
    expect(model.blocks).toEqual([]);
    expect(onlyFinding(model)).toMatchObject({ rule: 'import.pdf.unreadable', severity: 'error' });
    expect(model.findings[0]?.message).toBe('「x.pdf」不是 PDF 文件：此文件以 MZ 开头，是 Windows 可执行程序，无法读取。');
  });

  it('reports a .docx (zip) as not a PDF', async () => {
    const model = await readPdf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), '自评报告.pdf', DEFAULT_LIMITS);
    expect(onlyFinding(model)?.message).toContain('「自评报告.pdf」不是 PDF 文件：此文件是 zip 压缩包');
  });

  it('refuses a file over maxFileBytes without parsing it', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(3000));
    const model = await readPdf(bytes, 'big.pdf', limits({ maxFileBytes: 2048 }));
    expect(onlyFinding(model)).toMatchObject({ rule: 'import.too-large', severity: 'error' });
    expect(model.findings[0]?.message).toBe('big.pdf：文件大小 2.9 KB 超过上限 2 KB，未读取');
  });

  it('reports bytes that start like a PDF but are garbage as unreadable', async () => {
    const model = await readPdf(new TextEncoder().encode('%PDF-1.4\nthis is not really a pdf\n'), 'junk.pdf', DEFAULT_LIMITS);
    expect(model.blocks).toEqual([]);
    expect(onlyFinding(model)).toMatchObject({ rule: 'import.pdf.unreadable', severity: 'error' });
    expect(model.findings[0]?.message).toContain('「junk.pdf」');
  });
});

const LIBREOFFICE = hasSoffice ? 'readPdf on PDFs printed by LibreOffice' : 'readPdf on PDFs printed by LibreOffice — skipped: soffice is not on PATH (CI installs it)';

describe.skipIf(!hasSoffice)(LIBREOFFICE, () => {
  let dir = '';
  let report = new Uint8Array();
  let encrypted = new Uint8Array();
  let scanned = new Uint8Array();
  let model: DocumentModel;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
    writeFileSync(join(dir, 'report.docx'), await reportDocx());
    writeFileSync(join(dir, 'scanned.docx'), await imageOnlyDocx());
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    const soffice = (filter: string, out: string, ...files: string[]) =>
      execFileSync('soffice', ['--headless', '--norestore', profile, '--convert-to', filter, '--outdir', join(dir, out), ...files.map((f) => join(dir, f))], {
        timeout: 120_000,
        stdio: 'ignore',
      });
    soffice('pdf', 'out', 'report.docx', 'scanned.docx');
    const password = JSON.stringify({ EncryptFile: { type: 'boolean', value: 'true' }, DocumentOpenPassword: { type: 'string', value: 'x' } });
    soffice(`pdf:writer_pdf_Export:${password}`, 'encrypted', 'report.docx');
    report = new Uint8Array(readFileSync(join(dir, 'out', 'report.pdf')));
    scanned = new Uint8Array(readFileSync(join(dir, 'out', 'scanned.pdf')));
    encrypted = new Uint8Array(readFileSync(join(dir, 'encrypted', 'report.pdf')));
    model = await readPdf(report, FILE, DEFAULT_LIMITS);
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the report without findings and leaves the caller’s bytes intact', () => {
    expect(model).toMatchObject({ file: FILE, format: 'pdf' });
    expect(model.findings).toEqual([]);
    expect(report.length).toBeGreaterThan(10_000);
    expect(String.fromCharCode(...report.subarray(0, 5))).toBe('%PDF-');
  });

  it('reads the title and the numbered headings', () => {
    const headings = model.blocks.filter((b): b is HeadingBlock => b.kind === 'heading');
    expect(headings.map((h) => [h.numbering ?? '', h.text, h.style, h.level])).toEqual([
      ['', TITLE, 'none', 1],
      ['一、', '基本情况', 'chinese', 1],
      ['（一）', '绩效目标管理', 'chineseParen', 2],
      ['（二）', '存在的问题', 'chineseParen', 2],
      ['二、', '项目支出绩效自评表', 'chinese', 1],
      ['三、', '经费控制情况', 'chinese', 1],
      ['', '附表：运行维护支出明细', 'none', 1],
    ]);
    expect(model.blocks[0]).toMatchObject({ kind: 'heading', source: { file: FILE, page: 1, block: 0 } });
    expect(model.blocks[1]).toMatchObject({ kind: 'heading', text: '基本情况', numbering: '一、' });
  });

  it('joins wrapped lines into whole paragraphs, CJK without spaces', () => {
    const paragraphs = model.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph').map((p) => p.text);
    expect(paragraphs).toEqual([...INTRO, CROSSING, NUMBERED_PARAGRAPH, AFTER_TABLE, '报告完毕。']);
  });

  it('keeps a paragraph that crosses a page break in one piece, without the page number', () => {
    const index = model.blocks.findIndex((b) => b.kind === 'paragraph' && b.text === CROSSING);
    expect(index).toBeGreaterThan(0);
    // It starts on page 1 and the block after it is on page 2: the break fell inside it.
    expect(model.blocks[index]?.source.page).toBe(1);
    expect(model.blocks[index + 1]).toMatchObject({ kind: 'heading', text: '存在的问题', source: { page: 2 } });
  });

  it('removes the "— N —" page numbers everywhere', () => {
    expect(allText(model.blocks).filter((t) => /[—-]\s*\d+\s*[—-]/.test(t))).toEqual([]);
    // Nor as lone numbers outside tables (the 序号 column of the detail table has numbers of its own).
    expect(model.blocks.filter((b) => b.kind !== 'table' && /\d+\s*$|^\s*\d/.test(b.text)).map((b) => b.kind !== 'table' && b.text)).toEqual([NUMBERED_PARAGRAPH]);
  });

  it('rebuilds the ruled 自评表 as one grid with its merged cells, across pages', () => {
    const t = tableStarting(model, '项目支出名称');
    expect(t.grid).toBe(true);
    expect(t.source.page).toBe(2);
    expect(t.rows).toHaveLength(SELF_EVALUATION.length);
    expect(texts(t)).toEqual(SELF_EVALUATION.map((row) => row.map((c) => (typeof c === 'string' ? c : c.t).replace('\n', '')).filter((x) => x !== '')));
    expect(texts(t)[3]).toEqual(['年度资金总额', '238.49', '400.03', '394', '10', '100%', '10']);
    expect(coverage(t, 8).flat().every((n) => n === 1)).toBe(true);
    const spans = (text: string) => {
      const c = cellWith(t, text);
      return [c?.column, c?.rowSpan, c?.colSpan];
    };
    expect(spans('运行维护经费')).toEqual([1, 1, 7]);
    expect(spans('项目资金（万元）')).toEqual([0, 4, 1]);
    expect(spans('绩效指标')).toEqual([0, 11, 1]);
    expect(spans('产出指标（50分）')).toEqual([1, 5, 1]);
    expect(spans('数量指标')).toEqual([2, 2, 1]);
    expect(spans('效益指标（30分）')).toEqual([1, 4, 1]);
    expect(spans('全年预算数与执行数差额的原因是支付天然气借款6.03万。')).toEqual([5, 1, 3]);
    expect(spans('总分')).toEqual([0, 1, 6]);
    // The table runs over two pages: rows on the second page say so.
    expect(cellWith(t, '100%')?.source).toMatchObject({ file: FILE, page: 2, row: 3, column: 6 });
    expect(cellWith(t, '总分')?.source.page).toBe(3);
  });

  it('reads a table drawn without rules by clustering columns (grid: false)', () => {
    const t = tableStarting(model, '经费类别');
    expect(t.grid).toBe(false);
    expect(texts(t)).toEqual(UNRULED);
    expect(t.rows.map((r) => r.map((c) => c.column))).toEqual([
      [0, 1, 2, 3],
      [0, 1, 2, 3],
      [0, 1, 2, 3],
    ]);
  });

  it('continues a long table on the next page and drops its repeated header row', () => {
    const t = tableStarting(model, '序号');
    expect(t.grid).toBe(true);
    expect(texts(t)).toEqual([DETAIL_HEADER, ...DETAIL_ROWS]);
    const pages = new Set(t.rows.map((r) => r[0]?.source.page));
    expect(pages.size).toBeGreaterThan(1);
  });

  it('reads only the first maxPages pages and says so', async () => {
    const first = await readPdf(report, FILE, limits({ maxPages: 1 }));
    expect(onlyFinding(first)).toMatchObject({ rule: 'import.pdf.too-many-pages', severity: 'warning' });
    expect(first.findings[0]?.message).toMatch(/^「2022年度运行维护经费绩效自评报告\.pdf」共 \d+ 页，超过 1 页的上限，只读取了前 1 页。$/);
    expect(first.blocks.every((b) => b.source.page === 1)).toBe(true);
    expect(first.blocks[1]).toMatchObject({ kind: 'heading', text: '基本情况' });
    expect(tables(first)).toEqual([]);
  });

  it('cuts a table at maxTableRows with a warning', async () => {
    const cut = await readPdf(report, FILE, limits({ maxTableRows: 5 }));
    expect(tableStarting(cut, '项目支出名称').rows).toHaveLength(5);
    expect(tableStarting(cut, '序号').rows).toHaveLength(5);
    expect(cut.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['import.table-truncated', 'warning'],
      ['import.table-truncated', 'warning'],
    ]);
    expect(cut.findings[0]?.message).toBe(`「${FILE}」第 2 页起的表格超过 5 行，只读取了前 5 行。`);
  });

  it('stops at timeoutMs with an error finding and whatever was read', async () => {
    const late = await readPdf(report, FILE, limits({ timeoutMs: 1 }));
    const f = late.findings.find((x) => x.rule === 'import.timeout');
    expect(f).toMatchObject({ severity: 'error', location: { file: FILE } });
    expect(f?.message).toContain('0.001 秒的时间上限');
    expect(late.blocks.length).toBeLessThan(model.blocks.length);
  });

  it('reports an encrypted PDF', async () => {
    expect(String.fromCharCode(...encrypted.subarray(0, 5))).toBe('%PDF-');
    const locked = await readPdf(encrypted, '加密.pdf', DEFAULT_LIMITS);
    expect(locked.blocks).toEqual([]);
    expect(onlyFinding(locked)).toMatchObject({ rule: 'import.pdf.encrypted', severity: 'error', location: { file: '加密.pdf' } });
    expect(locked.findings[0]?.message).toContain('「加密.pdf」已加密，请提供未加密的文件');
  });

  it('reports a PDF of images only as needing OCR', async () => {
    const image = await readPdf(scanned, '扫描件.pdf', DEFAULT_LIMITS);
    expect(image.blocks).toEqual([]);
    expect(onlyFinding(image)).toMatchObject({ rule: 'import.pdf.no-text', severity: 'error' });
    expect(image.findings[0]?.message).toBe('「扫描件.pdf」没有可提取的文字（可能是扫描件），请先进行文字识别（OCR）后再导入。');
  });

  it('reports a truncated PDF without throwing', async () => {
    const half = report.slice(0, Math.floor(report.length / 2));
    const cut = await readPdf(half, '截断.pdf', DEFAULT_LIMITS);
    expect(cut.blocks).toEqual([]);
    // LibreOffice writes the page tree and the catalogue last: without them pdf.js cannot rebuild the file.
    expect(onlyFinding(cut)).toEqual({
      rule: 'import.pdf.unreadable',
      severity: 'error',
      message: '「截断.pdf」无法作为 PDF 读取：文件已损坏或不完整（可能在下载或复制时被截断）。',
      location: { file: '截断.pdf' },
    });
  });
});
