import type { DocumentBlock, DocumentModel, HeadingBlock, TableBlock } from '@jixiao/core';
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  type ISectionOptions,
} from 'docx';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS, type ImportLimits } from '../limits';
import { declaredSize, openZip } from './docx-package';
import { readDocx } from './read-docx';

type Children = ISectionOptions['children'];

async function docxOf(children: Children, numbering?: ConstructorParameters<typeof Document>[0]['numbering']): Promise<Uint8Array> {
  const document = new Document({ ...(numbering === undefined ? {} : { numbering }), sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A cell whose lines are separate paragraphs. */
function cell(text: string, spans: { rowSpan?: number; columnSpan?: number } = {}): TableCell {
  return new TableCell({ children: text.split('\n').map((line) => new Paragraph(line)), ...spans });
}

function row(...cells: TableCell[]): TableRow {
  return new TableRow({ children: cells });
}

function kinds(model: DocumentModel): string[] {
  return model.blocks.map((b) => b.kind);
}

function only<K extends DocumentBlock['kind']>(model: DocumentModel, kind: K): Extract<DocumentBlock, { kind: K }>[] {
  return model.blocks.filter((b): b is Extract<DocumentBlock, { kind: K }> => b.kind === kind);
}

/** [text, column, rowSpan, colSpan] per cell, row by row. */
function grid(table: TableBlock): [string, number, number, number][][] {
  return table.rows.map((r) => r.map((c): [string, number, number, number] => [c.text, c.column, c.rowSpan, c.colSpan]));
}

function headingSummary(h: HeadingBlock): [string, string | undefined, string, number] {
  return [h.text, h.numbering, h.style, h.level];
}

/** A heading as [text, numbering, style, level], a paragraph as its text, a table as "table". */
function summary(block: DocumentBlock): [string, string | undefined, string, number] | string {
  if (block.kind === 'heading') return headingSummary(block);
  return block.kind === 'paragraph' ? block.text : 'table';
}

/** A minimal hand-written package, for WordprocessingML the docx library does not write. */
async function rawDocx(body: string, parts: { styles?: string; numbering?: string } = {}): Promise<Uint8Array> {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>${body}</w:body></w:document>`,
  );
  if (parts.styles !== undefined) zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${parts.styles}</w:styles>`);
  if (parts.numbering !== undefined) zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${parts.numbering}</w:numbering>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const p = (text: string, pPr = ''): string => `<w:p>${pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, tcPr = ''): string => `<w:tc>${tcPr === '' ? '' : `<w:tcPr>${tcPr}</w:tcPr>`}${p(text)}</w:tc>`;

/** The 项目支出绩效自评表 as printed in shared/seeds/004 (9 grid columns). */
function projectTable(name = '业务工作经费'): Table {
  const unit = '岳阳市人民代表大会常务委员会';
  return new Table({
    rows: [
      row(cell('项目支出名称'), cell(name, { columnSpan: 8 })),
      row(cell('主管部门'), cell(unit, { columnSpan: 3 }), cell('实施单位'), cell(unit, { columnSpan: 4 })),
      row(cell('项目资金\n（万元）', { rowSpan: 4 }), cell('', { columnSpan: 2 }), cell('年初预算数'), cell('全年预算数'), cell('全年执行数'), cell('分值'), cell('执行率'), cell('得分')),
      row(cell('年度资金总额', { columnSpan: 2 }), cell('161.1'), cell('228.97'), cell('228.97'), cell('10'), cell('100%'), cell('10')),
      row(cell('其中：当年财政拨款', { columnSpan: 2 }), cell('161.1'), cell('228.97'), cell('228.97'), cell(''), cell(''), cell('')),
      row(cell('上年结转资金', { columnSpan: 2 }), cell(''), cell(''), cell(''), cell(''), cell(''), cell('')),
      row(cell('年度总体目标', { rowSpan: 2 }), cell('预期目标', { columnSpan: 4 }), cell('实际完成情况', { columnSpan: 4 })),
      row(cell('保障人大日常性工作正常进行', { columnSpan: 4 }), cell('基本保障单位日常性工作正常开展', { columnSpan: 4 })),
      row(cell('绩效指标', { rowSpan: 5 }), cell('一级指标'), cell('二级指标'), cell('三级指标'), cell('年度指标值'), cell('实际完成值'), cell('分值'), cell('得分'), cell('偏差原因分析及改进措施')),
      row(cell('产出指标\n(50分)', { rowSpan: 3 }), cell('数量指标', { rowSpan: 2 }), cell('召开常委会、主任会议'), cell('8次常委会、24次主任会议'), cell('已完成全年会议召开'), cell('8'), cell('8'), cell('')),
      row(cell('信访接待'), cell('200余人次'), cell('受理133批235人次'), cell('8'), cell('8'), cell('')),
      row(cell('时效指标'), cell('信访案件及时办结'), cell('两个月内办结'), cell('到期回复率100%'), cell('7'), cell('6.5'), cell('个别件延期')),
      row(cell('效益指标\n（30分）'), cell('社会效益指标'), cell('保障人大工作'), cell('正常开展'), cell('正常开展'), cell('30'), cell('30'), cell('')),
    ],
  });
}

const PROJECT_GRID: [string, number, number, number][][] = [
  [
    ['项目支出名称', 0, 1, 1],
    ['业务工作经费', 1, 1, 8],
  ],
  [
    ['主管部门', 0, 1, 1],
    ['岳阳市人民代表大会常务委员会', 1, 1, 3],
    ['实施单位', 4, 1, 1],
    ['岳阳市人民代表大会常务委员会', 5, 1, 4],
  ],
  [
    ['项目资金\n（万元）', 0, 4, 1],
    ['', 1, 1, 2],
    ['年初预算数', 3, 1, 1],
    ['全年预算数', 4, 1, 1],
    ['全年执行数', 5, 1, 1],
    ['分值', 6, 1, 1],
    ['执行率', 7, 1, 1],
    ['得分', 8, 1, 1],
  ],
  [
    ['年度资金总额', 1, 1, 2],
    ['161.1', 3, 1, 1],
    ['228.97', 4, 1, 1],
    ['228.97', 5, 1, 1],
    ['10', 6, 1, 1],
    ['100%', 7, 1, 1],
    ['10', 8, 1, 1],
  ],
  [
    ['其中：当年财政拨款', 1, 1, 2],
    ['161.1', 3, 1, 1],
    ['228.97', 4, 1, 1],
    ['228.97', 5, 1, 1],
    ['', 6, 1, 1],
    ['', 7, 1, 1],
    ['', 8, 1, 1],
  ],
  [
    ['上年结转资金', 1, 1, 2],
    ['', 3, 1, 1],
    ['', 4, 1, 1],
    ['', 5, 1, 1],
    ['', 6, 1, 1],
    ['', 7, 1, 1],
    ['', 8, 1, 1],
  ],
  [
    ['年度总体目标', 0, 2, 1],
    ['预期目标', 1, 1, 4],
    ['实际完成情况', 5, 1, 4],
  ],
  [
    ['保障人大日常性工作正常进行', 1, 1, 4],
    ['基本保障单位日常性工作正常开展', 5, 1, 4],
  ],
  [
    ['绩效指标', 0, 5, 1],
    ['一级指标', 1, 1, 1],
    ['二级指标', 2, 1, 1],
    ['三级指标', 3, 1, 1],
    ['年度指标值', 4, 1, 1],
    ['实际完成值', 5, 1, 1],
    ['分值', 6, 1, 1],
    ['得分', 7, 1, 1],
    ['偏差原因分析及改进措施', 8, 1, 1],
  ],
  [
    ['产出指标\n(50分)', 1, 3, 1],
    ['数量指标', 2, 2, 1],
    ['召开常委会、主任会议', 3, 1, 1],
    ['8次常委会、24次主任会议', 4, 1, 1],
    ['已完成全年会议召开', 5, 1, 1],
    ['8', 6, 1, 1],
    ['8', 7, 1, 1],
    ['', 8, 1, 1],
  ],
  [
    ['信访接待', 3, 1, 1],
    ['200余人次', 4, 1, 1],
    ['受理133批235人次', 5, 1, 1],
    ['8', 6, 1, 1],
    ['8', 7, 1, 1],
    ['', 8, 1, 1],
  ],
  [
    ['时效指标', 2, 1, 1],
    ['信访案件及时办结', 3, 1, 1],
    ['两个月内办结', 4, 1, 1],
    ['到期回复率100%', 5, 1, 1],
    ['7', 6, 1, 1],
    ['6.5', 7, 1, 1],
    ['个别件延期', 8, 1, 1],
  ],
  [
    ['效益指标\n（30分）', 1, 1, 1],
    ['社会效益指标', 2, 1, 1],
    ['保障人大工作', 3, 1, 1],
    ['正常开展', 4, 1, 1],
    ['正常开展', 5, 1, 1],
    ['30', 6, 1, 1],
    ['30', 7, 1, 1],
    ['', 8, 1, 1],
  ],
];

describe('readDocx: tables', () => {
  it('reads a 项目支出绩效自评表 as an exact grid with row and column spans', async () => {
    const bytes = await docxOf([new Paragraph('2022年度项目支出绩效自评表'), projectTable(), new Paragraph('填表人：卢玉婷')]);
    const model = await readDocx(bytes, '自评表.docx', DEFAULT_LIMITS);

    expect(model.format).toBe('docx');
    expect(model.file).toBe('自评表.docx');
    expect(model.findings).toEqual([]);
    expect(kinds(model)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = only(model, 'table')[0]!;
    expect(table.grid).toBe(true);
    expect(table.source).toEqual({ file: '自评表.docx', block: 1 });
    expect(grid(table)).toEqual(PROJECT_GRID);
    // Every cell knows its block, row and grid column.
    expect(table.rows[9]![1]!.source).toEqual({ file: '自评表.docx', block: 1, row: 9, column: 2 });
    expect(table.rows[2]![0]!.source).toEqual({ file: '自评表.docx', block: 1, row: 2, column: 0 });
    expect(model.blocks[2]).toEqual({ kind: 'paragraph', text: '填表人：卢玉婷', source: { file: '自评表.docx', block: 2 } });
  });

  it('keeps the first maxTableRows rows of a long table and warns', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => row(cell(`第${i + 1}行`), cell(String(i + 1))));
    const bytes = await docxOf([new Paragraph('前言'), new Table({ rows })]);
    const limits: ImportLimits = { ...DEFAULT_LIMITS, maxTableRows: 3 };
    const model = await readDocx(bytes, '长表.docx', limits);

    const table = only(model, 'table')[0]!;
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['第1行', '1'],
      ['第2行', '2'],
      ['第3行', '3'],
    ]);
    expect(model.findings).toHaveLength(1);
    expect(model.findings[0]).toMatchObject({ rule: 'import.table-truncated', severity: 'warning', location: { file: '长表.docx', block: 1 } });
    expect(model.findings[0]!.message).toBe('「长表.docx」第 2 块（表格）有 8 行，超过每个表格 3 行的上限：只读取了前 3 行。');
  });

  it('clips a row span at the row cap', async () => {
    const rows = [row(cell('合并', { rowSpan: 4 }), cell('a')), row(cell('b')), row(cell('c')), row(cell('d'))];
    const model = await readDocx(await docxOf([new Table({ rows })]), 't.docx', { ...DEFAULT_LIMITS, maxTableRows: 2 });
    expect(grid(only(model, 'table')[0]!)).toEqual([
      [
        ['合并', 0, 2, 1],
        ['a', 1, 1, 1],
      ],
      [['b', 1, 1, 1]],
    ]);
  });

  it('flattens a nested table into its cell and reads gridBefore, hMerge and vMerge without a value', async () => {
    const nested = `<w:tbl><w:tr>${tc('内1')}${tc('内2')}</w:tr><w:tr>${tc('内3')}${tc('')}</w:tr></w:tbl>`;
    const body =
      '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:tr>${tc('甲', '<w:vMerge w:val="restart"/>')}${tc('乙', '<w:hMerge w:val="restart"/>')}${tc('', '<w:hMerge/>')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}<w:tc>${p('外')}${nested}</w:tc>${tc('丙')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc('丁')}</w:tr>` +
      '</w:tbl>';
    const model = await readDocx(await rawDocx(body), 'raw.docx', DEFAULT_LIMITS);
    expect(grid(only(model, 'table')[0]!)).toEqual([
      [
        ['甲', 0, 2, 1],
        ['乙', 1, 1, 2],
      ],
      [
        ['外\n内1\t内2\n内3', 1, 1, 1],
        ['丙', 2, 1, 1],
      ],
      [['丁', 2, 1, 1]],
    ]);
  });
});

describe('readDocx: paragraphs and headings', () => {
  it('turns Word headings and short numbered paragraphs into headings with numbering, style and level', async () => {
    const long = '1.本项目全年预算数为228.97万元，执行数为228.97万元，预算执行率为100%，各项资金均按规定用途使用。';
    const bytes = await docxOf([
      new Paragraph({ text: '一、项目基本情况', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: '绩效目标', heading: HeadingLevel.HEADING_2 }),
      new Paragraph('（一）项目概况'),
      new Paragraph('(二)资金使用情况'),
      new Paragraph('1.产出指标完成情况'),
      new Paragraph('2、效益指标'),
      new Paragraph('（1）数量指标'),
      new Paragraph('①会议召开'),
      new Paragraph(long),
      new Paragraph('1.5万元用于购置设备。'),
      new Paragraph('一是加强预算管理。'),
    ]);
    const model = await readDocx(bytes, '报告.docx', DEFAULT_LIMITS);

    expect(model.findings).toEqual([]);
    expect(kinds(model)).toEqual(['heading', 'heading', 'heading', 'heading', 'heading', 'heading', 'heading', 'heading', 'paragraph', 'paragraph', 'paragraph']);
    expect(only(model, 'heading').map(headingSummary)).toEqual([
      ['项目基本情况', '一、', 'chinese', 1],
      ['绩效目标', undefined, 'none', 2],
      ['项目概况', '（一）', 'chineseParen', 2],
      ['资金使用情况', '(二)', 'chineseParen', 2],
      ['产出指标完成情况', '1.', 'arabic', 3],
      ['效益指标', '2、', 'arabic', 3],
      ['数量指标', '（1）', 'arabicParen', 4],
      ['会议召开', '①', 'circled', 5],
    ]);
    expect(only(model, 'paragraph').map((b) => b.text)).toEqual([long, '1.5万元用于购置设备。', '一是加强预算管理。']);
    expect(model.blocks.map((b) => b.source)).toEqual(model.blocks.map((_, block) => ({ file: '报告.docx', block })));
    expect(model.blocks[1]).not.toHaveProperty('numbering');
  });

  it('renders automatic numbering (chineseCounting, decimal, circled) and restarts sub-levels', async () => {
    const numbering = {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
            { level: 3, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%4', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    };
    const numbered = (text: string, level: number, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph =>
      new Paragraph({ text, numbering: { reference: 'outline', level }, ...(heading === undefined ? {} : { heading }) });
    const bytes = await docxOf(
      [
        numbered('项目基本情况', 0),
        numbered('绩效目标', 0),
        numbered('产出指标', 2),
        numbered('效益指标', 2),
        numbered('会议', 3),
        numbered('绩效自评结论', 0),
        numbered('自评得分', 1, HeadingLevel.HEADING_2),
        numbered('数量', 2),
        numbered('本年度共召开常委会8次、主任会议24次，大型会议2次，中型会议8次，均按计划完成。', 2),
      ],
      numbering,
    );
    const model = await readDocx(bytes, '编号.docx', DEFAULT_LIMITS);

    expect(model.findings).toEqual([]);
    expect(model.blocks.map(summary)).toEqual([
      ['项目基本情况', '一、', 'chinese', 1],
      ['绩效目标', '二、', 'chinese', 1],
      ['产出指标', '1.', 'arabic', 3],
      ['效益指标', '2.', 'arabic', 3],
      ['会议', '①', 'circled', 5],
      ['绩效自评结论', '三、', 'chinese', 1],
      ['自评得分', '（一）', 'chineseParen', 2],
      ['数量', '1.', 'arabic', 3],
      '2. 本年度共召开常委会8次、主任会议24次，大型会议2次，中型会议8次，均按计划完成。',
    ]);
  });

  it('shares counters between lists of one definition, restarts on startOverride, honours isLgl, bullets and numId 0', async () => {
    const lvl = (ilvl: number, format: string, text: string, extra = ''): string =>
      `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
    // As LibreOffice writes it: the first paragraph's list restarts at 1, the rest continue through another list.
    const numberingXml =
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'chineseCountingThousand', '%1、')}${lvl(1, 'chineseCountingThousand', '（%2）')}${lvl(2, 'decimal', '%1.%3', '<w:isLgl/>')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="2">${lvl(0, 'bullet', '\u25cf')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
      '<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';
    const numPr = (ilvl: number, numId: number): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
    const body =
      p('部门基本情况', `<w:pStyle w:val="Heading1"/>${numPr(0, 3)}`) +
      p('职能职责', numPr(1, 1)) +
      p('细项', numPr(2, 1)) +
      p('列表项', numPr(0, 2)) +
      p('关闭编号', numPr(0, 0)) +
      p('绩效情况', `<w:pStyle w:val="Heading1"/>${numPr(0, 1)}`) +
      p('另起编号', numPr(0, 4));
    const model = await readDocx(await rawDocx(body, { numbering: numberingXml }), 'lo.docx', DEFAULT_LIMITS);

    expect(model.findings).toEqual([]);
    expect(model.blocks.map(summary)).toEqual([
      ['部门基本情况', '一、', 'chinese', 1],
      ['职能职责', '（一）', 'chineseParen', 2],
      '1.1 细项',
      '列表项',
      '关闭编号',
      ['绩效情况', '二、', 'chinese', 1],
      ['另起编号', '一、', 'chinese', 1],
    ]);
  });

  it('follows styles.xml: outline levels, localised heading names, basedOn, style-linked numbering, TOC entries', async () => {
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="20"><w:name w:val="标题 2"/><w:basedOn w:val="a"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="MyTitle"><w:name w:val="我的三级标题"/><w:basedOn w:val="Outline3"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Outline3"><w:name w:val="大纲三"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>';
    const numberingXml =
      '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="1"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>';
    const body =
      p('目录', '<w:pStyle w:val="TOC1"/>') +
      p('一、项目基本情况\t1', '<w:pStyle w:val="TOC1"/>') +
      p('项目基本情况', '<w:pStyle w:val="1"/>') +
      p('资金投入', '<w:pStyle w:val="20"/>') +
      p('（三）资金管理', '<w:pStyle w:val="MyTitle"/>') +
      p('项目绩效', '<w:pStyle w:val="1"/>') +
      p('正文段落设了大纲级别', '<w:outlineLvl w:val="1"/>');
    const model = await readDocx(await rawDocx(body, { styles, numbering: numberingXml }), 'styles.docx', DEFAULT_LIMITS);

    expect(model.findings).toEqual([]);
    expect(model.blocks.map(summary)).toEqual([
      '目录',
      '一、项目基本情况\t1',
      ['项目基本情况', '一、', 'chinese', 1],
      ['资金投入', undefined, 'none', 2],
      ['资金管理', '（三）', 'chineseParen', 3],
      ['项目绩效', '二、', 'chinese', 1],
      ['正文段落设了大纲级别', undefined, 'none', 2],
    ]);
  });

  it('reads runs, tabs, line breaks, text boxes and tracked changes; drops deletions, field codes and hidden text', async () => {
    const bytes = await docxOf([
      new Paragraph({ children: [new TextRun('项目名称：'), new TextRun({ text: '业务工作经费', break: 0 }), new TextRun({ text: '（续）', break: 1 })] }),
      new Paragraph({ children: [new TextRun({ children: ['年初预算数', '\t', '161.1万元'] })] }),
      new Paragraph({
        children: [
          new InsertedTextRun({ text: '新增的文字', id: 1, author: '审核人', date: '2023-06-09T00:00:00Z' }),
          new DeletedTextRun({ text: '删除的文字', id: 2, author: '审核人', date: '2023-06-09T00:00:00Z' }),
          new TextRun({ text: '隐藏的文字', vanish: true }),
        ],
      }),
      new Paragraph({ children: [new TextRun({ children: ['第', PageNumber.CURRENT, '页'] })] }),
      new Paragraph({
        children: [new TextRun('锚定段落'), new Textbox({ style: { width: '200pt', height: '60pt' }, children: [new Paragraph('文本框第一段'), new Paragraph('文本框第二段')] })],
      }),
      new Paragraph('文本框之后'),
    ]);
    const model = await readDocx(bytes, '文本.docx', DEFAULT_LIMITS);

    expect(model.findings).toEqual([]);
    expect(model.blocks.map(summary)).toEqual([
      '项目名称：业务工作经费\n（续）',
      '年初预算数\t161.1万元',
      '新增的文字',
      '第页',
      '锚定段落',
      '文本框第一段',
      '文本框第二段',
      '文本框之后',
    ]);
  });

  it('reads the first mc:Choice of a text box and not its VML fallback copy; reads w:tab, w:br and w:cr elements', async () => {
    const box = (text: string): string => `<w:txbxContent>${p(text)}</w:txbxContent>`;
    const body =
      `<w:p><w:r><w:t>图注</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box('框中文字')}</wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box('框中文字')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/><w:t>丁</w:t></w:r></w:p>' +
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>链接文字</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
      '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>' +
      p('内容控件中的段落') +
      '</w:sdtContent></w:sdt>';
    const model = await readDocx(await rawDocx(body), 'mc.docx', DEFAULT_LIMITS);
    expect(model.blocks.map(summary)).toEqual(['图注', '框中文字', '甲\t乙\n丙\n丁', '链接文字', '内容控件中的段落']);
  });

  it('skips empty paragraphs and trims surrounding whitespace, including full-width indentation', async () => {
    const bytes = await docxOf([new Paragraph(''), new Paragraph('　　我单位严格执行预算。  '), new Paragraph('   ')]);
    const model = await readDocx(bytes, 'x.docx', DEFAULT_LIMITS);
    expect(model.blocks).toEqual([{ kind: 'paragraph', text: '我单位严格执行预算。', source: { file: 'x.docx', block: 0 } }]);
  });
});

describe('readDocx: bad input becomes findings', () => {
  async function sample(): Promise<Uint8Array> {
    return docxOf([new Paragraph({ text: '一、项目基本情况', heading: HeadingLevel.HEADING_1 }), projectTable()]);
  }

  it('refuses empty bytes', async () => {
    const model = await readDocx(new Uint8Array(0), '空.docx', DEFAULT_LIMITS);
    expect(model).toEqual({
      file: '空.docx',
      format: 'docx',
      blocks: [],
      findings: [{ rule: 'import.empty-file', severity: 'error', message: '空.docx：文件为空，没有可读取的内容', location: { file: '空.docx' } }],
    });
  });

  it('refuses a file over maxFileBytes without opening it', async () => {
    const bytes = await sample();
    const model = await readDocx(bytes, '大.docx', { ...DEFAULT_LIMITS, maxFileBytes: 1024 });
    expect(model.blocks).toEqual([]);
    expect(model.findings).toHaveLength(1);
    expect(model.findings[0]).toMatchObject({ rule: 'import.too-large', severity: 'error', location: { file: '大.docx' } });
    expect(model.findings[0]!.message).toMatch(/^大\.docx：文件大小 \d+(\.\d)? KB 超过上限 1 KB，未读取$/);
  });

  it('refuses a truncated docx (the first half of a real one)', async () => {
    const bytes = await sample();
    const model = await readDocx(bytes.subarray(0, Math.floor(bytes.length / 2)), '截断.docx', DEFAULT_LIMITS);
    expect(model.blocks).toEqual([]);
    expect(model.findings).toEqual([
      {
        rule: 'import.docx.corrupt',
        severity: 'error',
        message: '「截断.docx」的 zip 结构已损坏或文件不完整（可能在下载或复制时被截断），无法读取。',
        location: { file: '截断.docx' },
      },
    ]);
  });

  it('refuses a renamed .exe', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0x4d, 0x5a]);
    for (let i = 2; i < bytes.length; i += 1) bytes[i] = (i * 7919) % 251;
    const model = await readDocx(bytes, '报告.docx', DEFAULT_LIMITS);
    expect(model.blocks).toEqual([]);
    expect(model.findings).toHaveLength(1);
    expect(model.findings[0]).toMatchObject({ rule: 'import.docx.not-zip', severity: 'error' });
    expect(model.findings[0]!.message).toBe('「报告.docx」不是 .docx 文件：.docx 是 zip 压缩包，而此文件以 MZ 开头，是 Windows 可执行程序，未读取。');
  });

  it('refuses an OLE compound file as encrypted or legacy .doc', async () => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const model = await readDocx(bytes, '加密.docx', DEFAULT_LIMITS);
    expect(model.blocks).toEqual([]);
    expect(model.findings).toHaveLength(1);
    expect(model.findings[0]).toMatchObject({ rule: 'import.encrypted-or-legacy', severity: 'error', location: { file: '加密.docx' } });
    expect(model.findings[0]!.message).toContain('「加密.docx」是 OLE 复合文件');
    expect(model.findings[0]!.message).toContain('加密');
    expect(model.findings[0]!.message).toContain('.doc');
    expect(model.findings[0]!.message).toContain('LibreOffice');
  });

  it('refuses a zip without word/document.xml and says when it is a workbook', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const model = await readDocx(bytes, '表格.docx', DEFAULT_LIMITS);
    expect(model.findings).toEqual([
      {
        rule: 'import.docx.not-word',
        severity: 'error',
        message: '「表格.docx」是 zip 压缩包，但其中没有 Word 正文（word/document.xml），看起来是 Excel 工作簿（.xlsx），未读取。',
        location: { file: '表格.docx' },
      },
    ]);
  });

  it('reads the zip directory sizes without inflating (jszip _data.uncompressedSize)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', 'x'.repeat(100_000));
    zip.file('a.txt', 'hello');
    const dir = await openZip(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(declaredSize(dir.entries.get('word/document.xml')!)).toBe(100_000);
    expect(declaredSize(dir.entries.get('a.txt')!)).toBe(5);
    expect(dir.declaredBytes).toBe(100_005);
  });

  describe('zip bombs', () => {
    const BOMB_BYTES = 120 * 1024 * 1024;
    let bomb: Uint8Array | undefined;
    async function buildBomb(): Promise<Uint8Array> {
      if (bomb !== undefined) return bomb;
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<Types/>');
      zip.file('word/document.xml', new Uint8Array(BOMB_BYTES).fill(0x20));
      bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
      return bomb;
    }

    it('refuses 120 MB of spaces by the compression ratio, from the zip directory, before inflating', { timeout: 60_000 }, async () => {
      const bytes = await buildBomb();
      const probe = (await JSZip.loadAsync(bytes)).file('word/document.xml')!;
      const prototype = Object.getPrototypeOf(probe) as { nodeStream: unknown; async: unknown };
      const nodeStream = vi.spyOn(prototype as { nodeStream: () => void }, 'nodeStream');
      const asyncRead = vi.spyOn(prototype as { async: () => void }, 'async');
      try {
        const started = performance.now();
        const model = await readDocx(bytes, '炸弹.docx', DEFAULT_LIMITS);
        const elapsed = performance.now() - started;

        expect(model.blocks).toEqual([]);
        expect(model.findings).toHaveLength(1);
        expect(model.findings[0]).toMatchObject({ rule: 'import.zip-bomb', severity: 'error', location: { file: '炸弹.docx' } });
        expect(model.findings[0]!.message).toMatch(/^「炸弹\.docx」压缩后 \d+(\.\d)? KB，解压后 120 MB，压缩比 \d+ 倍，超过 100 倍的上限，疑似压缩炸弹，未解压。$/);
        expect(nodeStream).not.toHaveBeenCalled();
        expect(asyncRead).not.toHaveBeenCalled();
        expect(elapsed).toBeLessThan(1000);
      } finally {
        nodeStream.mockRestore();
        asyncRead.mockRestore();
      }
    });

    it('refuses by the unzipped-size cap when the ratio is allowed', { timeout: 60_000 }, async () => {
      const bytes = await buildBomb();
      const model = await readDocx(bytes, '炸弹.docx', { ...DEFAULT_LIMITS, maxCompressionRatio: 100_000, maxUnzippedBytes: 100 * 1024 * 1024 });
      expect(model.findings).toHaveLength(1);
      expect(model.findings[0]!.message).toBe('「炸弹.docx」解压后共 120 MB，超过解压后 100 MB 的上限，疑似压缩炸弹，未解压。');
    });

    it('stops inflating a bomb whose zip directory lies about its size', { timeout: 60_000 }, async () => {
      const bytes = (await buildBomb()).slice();
      // Rewrite the declared uncompressed size of word/document.xml (local header and central directory) to 1000.
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      let patched = 0;
      for (let at = 0; at + 46 < bytes.length; at += 1) {
        const signature = view.getUint32(at, true);
        if (signature === 0x04034b50 && view.getUint32(at + 22, true) === BOMB_BYTES) {
          view.setUint32(at + 22, 1000, true);
          patched += 1;
        } else if (signature === 0x02014b50 && view.getUint32(at + 24, true) === BOMB_BYTES) {
          view.setUint32(at + 24, 1000, true);
          patched += 1;
        }
      }
      expect(patched).toBe(2);

      const started = performance.now();
      const model = await readDocx(bytes, '伪造.docx', DEFAULT_LIMITS);
      const elapsed = performance.now() - started;
      expect(model.blocks).toEqual([]);
      expect(model.findings).toHaveLength(1);
      expect(model.findings[0]).toMatchObject({ rule: 'import.zip-bomb', severity: 'error' });
      expect(model.findings[0]!.message).toBe('「伪造.docx」中的 word/document.xml 解压后超过了 zip 目录声明的 1000 字节，压缩包的大小信息是伪造的，疑似压缩炸弹，已停止解压：没有读到任何内容。');
      expect(elapsed).toBeLessThan(2000);
    });
  });

  it('keeps what was read before malformed XML and reports where it broke', async () => {
    const zip = await JSZip.loadAsync(await rawDocx(p('一、项目基本情况') + p('正文')));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('</w:body></w:document>', '<w:p><w:r><w:t>断</w:r>'));
    const model = await readDocx(await zip.generateAsync({ type: 'uint8array' }), '坏.docx', DEFAULT_LIMITS);
    expect(model.blocks.map(summary)).toEqual([['项目基本情况', '一、', 'chinese', 1], '正文']);
    expect(model.findings).toEqual([
      {
        rule: 'import.docx.corrupt',
        severity: 'error',
        message: '「坏.docx」的正文（word/document.xml）在第 1 行附近已损坏，读取到此为止：只保留了此前读到的 2 块内容。',
        location: { file: '坏.docx' },
      },
    ]);
  });

  it('reads strict OOXML and tolerates an undeclared w: prefix', async () => {
    const zip = await JSZip.loadAsync(await rawDocx(p('一、项目基本情况') + `<w:tbl><w:tr>${tc('甲', '<w:gridSpan w:val="2"/>')}</w:tr></w:tbl>`));
    const xml = await zip.file('word/document.xml')!.async('string');
    const read = async (documentXml: string): Promise<(string | [string, string | undefined, string, number])[]> => {
      zip.file('word/document.xml', documentXml);
      const model = await readDocx(await zip.generateAsync({ type: 'uint8array' }), 'ns.docx', DEFAULT_LIMITS);
      expect(model.findings).toEqual([]);
      return model.blocks.map((b) => (b.kind === 'table' ? `${b.rows[0]![0]!.text}/${b.rows[0]![0]!.colSpan}` : summary(b)));
    };
    const expected = [['项目基本情况', '一、', 'chinese', 1], '甲/2'];
    expect(await read(xml.replace('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'))).toEqual(expected);
    expect(await read(xml.replace(' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"', ''))).toEqual(expected);
  });

  it('stops at the deadline', async () => {
    const model = await readDocx(await sample(), '慢.docx', { ...DEFAULT_LIMITS, timeoutMs: 0 });
    expect(model.blocks).toEqual([]);
    expect(model.findings).toHaveLength(1);
    expect(model.findings[0]).toMatchObject({ rule: 'import.timeout', severity: 'error', location: { file: '慢.docx' } });
    expect(model.findings[0]!.message).toMatch(/^「慢\.docx」读取 .+ 时超过了 0 秒的时间上限，已停止。$/);
  });
});

describe('readDocx: scale', () => {
  it('reads 300 项目支出 tables', { timeout: 120_000 }, async () => {
    const children: (Paragraph | Table)[] = [];
    for (let i = 1; i <= 300; i += 1) children.push(new Paragraph(`${i}. 项目${i}绩效自评表`), projectTable(`项目${i}`));
    const bytes = await docxOf(children);
    // 300 identical tables compress ~77:1, close to the default 100:1 bomb ratio; real reports compress far less.
    const model = await readDocx(bytes, '大报告.docx', { ...DEFAULT_LIMITS, maxCompressionRatio: 1000 });
    expect(model.findings).toEqual([]);
    const tables = only(model, 'table');
    expect(tables).toHaveLength(300);
    expect(only(model, 'heading')).toHaveLength(300);
    expect(tables[299]!.rows[0]![1]!.text).toBe('项目300');
    expect(tables[299]!.source).toEqual({ file: '大报告.docx', block: 599 });
    expect(grid(tables[0]!).slice(1)).toEqual(PROJECT_GRID.slice(1));
  });
});
