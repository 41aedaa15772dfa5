import { AlignmentType, DocumentGridType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import type { IParagraphStyleOptions, IRunOptions, ISectionPropertiesOptions, IStylesOptions } from 'docx';

/**
 * The page and type of GB/T 9704-2012 《党政机关公文格式》, as the docx generator applies them. Every number is
 * derived here from the standard's millimetres and points, once; docs/report-layout.md gives the clause
 * behind each.
 */

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (value: number): number => Math.round(value * TWIPS_PER_MM);

/** 5.1: A4, 210 mm × 297 mm. */
export const PAGE = { width: mm(210), height: mm(297) } as const;

/** 5.2.1: 天头 37 mm, 订口 28 mm; 版心 156 mm × 225 mm leaves 35 mm below and 26 mm on the right. */
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;

/** The 版心 (type area) in twips. */
export const TYPE_AREA = {
  width: PAGE.width - MARGIN.left - MARGIN.right,
  height: PAGE.height - MARGIN.top - MARGIN.bottom,
} as const;

/** 5.2.3: 一般每面排 22 行，每行排 28 个字. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Font sizes in points (字号). */
export const SIZE = { hao2: 22, xiao2: 18, hao3: 16, hao4: 14, hao5: 10.5 } as const;

/**
 * Exact line pitch: the 版心 height over 22 lines, rounded down to a whole twip so that 22 lines fit
 * (12756 / 22 = 579.8 → 579 twips = 28.95 pt; 580 would leave room for 21 only).
 */
export const LINE_PITCH = Math.floor(TYPE_AREA.height / LINES_PER_PAGE);

/**
 * 28 characters of 3号 per line: the 版心 is 442.25 pt wide, 28 × 16 pt = 448 pt would not fit, so every
 * character is set 0.25 pt closer (w:spacing −5, in twentieths of a point, rounded down so that 28 fit:
 * 28 × 15.75 pt = 441 pt; 29 would need 456.75 pt). A run property rather than docGrid charSpace, which
 * LibreOffice and WPS lay out differently from Word.
 */
export const CHARACTER_SPACING = Math.floor(TYPE_AREA.width / CHARS_PER_LINE - SIZE.hao3 * 20);

/** One character of body text, in twips (for indents measured in characters). */
export const CHAR_PITCH = SIZE.hao3 * 20 + CHARACTER_SPACING;

/** 7.5: 一字线上距版心下边缘 7 mm — the footer's 4号 line is centred 7 mm below the 版心. */
export const FOOTER_DISTANCE = MARGIN.bottom - mm(7) - Math.round((SIZE.hao4 * 20) / 2);

export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  /** Latin letters and Arabic numerals in the text. */
  latin: 'Times New Roman',
} as const;

/** East Asian text in `eastAsia`, Latin text and numerals in Times New Roman (or the given font). */
export function font(eastAsia: string, latin: string = FONT.latin) {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia };
}

/** docx sizes are half-points. */
export const halfPoints = (points: number): number => Math.round(points * 2);

export const STYLE = {
  title: 'JxTitle',
  heading1: 'JxHeading1',
  attachmentLabel: 'JxAttachmentLabel',
  attachmentTitle: 'JxAttachmentTitle',
  tableText: 'JxTableText',
  tableNote: 'JxTableNote',
} as const;

/** Body paragraphs: 左空二字 (7.3.3), justified so that lines fill the 版心 (5.2.3 撑满版心). */
const BODY_INDENT = { firstLine: Math.round(2 * CHAR_PITCH), firstLineChars: 200 };

const PARAGRAPH_STYLES: readonly IParagraphStyleOptions[] = [
  {
    id: STYLE.title,
    name: '公文标题',
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: font(FONT.title), size: halfPoints(SIZE.hao2), characterSpacing: 0 },
    paragraph: { alignment: AlignmentType.CENTER, outlineLevel: 0 },
  },
  {
    id: STYLE.heading1,
    name: '公文一级标题',
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: font(FONT.heading1) },
    paragraph: { indent: BODY_INDENT, alignment: AlignmentType.JUSTIFIED, outlineLevel: 1, keepNext: true },
  },
  {
    id: STYLE.attachmentLabel,
    name: '附件标识',
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: font(FONT.heading1) },
    paragraph: { alignment: AlignmentType.LEFT, keepNext: true },
  },
  {
    id: STYLE.attachmentTitle,
    name: '附件标题',
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: font(FONT.title), size: halfPoints(SIZE.xiao2), characterSpacing: 0 },
    paragraph: { alignment: AlignmentType.CENTER, keepNext: true },
  },
  {
    id: STYLE.tableText,
    name: '表格文字',
    basedOn: 'Normal',
    run: { font: font(FONT.body), size: halfPoints(SIZE.hao5), characterSpacing: 0 },
    paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO } },
  },
  {
    id: STYLE.tableNote,
    name: '表注',
    basedOn: 'Normal',
    run: { font: font(FONT.body), size: halfPoints(SIZE.hao5), characterSpacing: 0 },
    paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO, before: 120 }, alignment: AlignmentType.LEFT },
  },
];

/** Document defaults: 3号 仿宋_GB2312, exact 28.95 pt lines, zh-CN (7.3.3, 5.2.2, 5.2.3). */
export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: font(FONT.body), size: halfPoints(SIZE.hao3), characterSpacing: CHARACTER_SPACING, language: { value: 'en-US', eastAsia: 'zh-CN' } },
      paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
    },
  },
  paragraphStyles: PARAGRAPH_STYLES,
};

/** 7.5: "— 1 —", 4号 半角宋体 numerals; centred (see docs/report-layout.md). */
export function pageNumberFooter(): Footer {
  const run: IRunOptions = { font: font(FONT.pageNumber, FONT.pageNumber), size: halfPoints(SIZE.hao4), characterSpacing: 0 };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: Math.round(SIZE.hao4 * 20), lineRule: LineRuleType.EXACT },
        children: [new TextRun({ ...run, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

export const SECTION_PROPERTIES: ISectionPropertiesOptions = {
  page: {
    size: { width: PAGE.width, height: PAGE.height },
    margin: { ...MARGIN, header: mm(15), footer: FOOTER_DISTANCE, gutter: 0 },
  },
  // No document grid: the exact line spacing already gives 22 lines, and LibreOffice and WPS snap table
  // text to a line grid as well (Word does not), which would set 5号 table lines 28.95 pt apart.
  grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH },
};

/** A body paragraph; lines opening with 一、 or （一） set their lead sentence in 黑体 or 楷体 (7.3.3). */
export function bodyParagraph(text: string): Paragraph {
  const lead = leadFont(text);
  const children: TextRun[] = [];
  if (lead) {
    const end = leadEnd(text);
    children.push(new TextRun({ text: text.slice(0, end), font: font(lead) }));
    if (end < text.length) children.push(new TextRun(text.slice(end)));
  } else {
    children.push(new TextRun(text));
  }
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: BODY_INDENT, children });
}

/** 7.3.3: 第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字. */
function leadFont(text: string): string | undefined {
  if (/^[一二三四五六七八九十]+、/.test(text)) return FONT.heading1;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(text)) return FONT.heading2;
  return undefined;
}

/** The lead sentence of a numbered line: up to its first 。, or the whole line. */
function leadEnd(text: string): number {
  const stop = text.indexOf('。');
  return stop < 0 ? text.length : stop + 1;
}

/** Width of a text in characters: CJK one, half-width (digits, Latin) one half. */
const widthInChars = (text: string): number => Array.from(text).reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

/**
 * The report's title, 2号 方正小标宋简体, centred, followed by one blank line (7.3.1). A title longer than a
 * line is broken where the words allow ("…常务委员会" / "部门整体支出绩效自评报告"), not wherever the line ends:
 * 7.3.1 asks for lines broken at whole words and set symmetrically.
 */
export function titleParagraphs(lines: readonly string[]): Paragraph[] {
  const capacity = Math.floor(TYPE_AREA.width / (SIZE.hao2 * 20));
  const whole = lines.join('');
  const parts = widthInChars(whole) <= capacity ? [whole] : lines;
  const runs = parts.map((t, i) => new TextRun({ text: t, ...(i > 0 ? { break: 1 } : {}) }));
  return [new Paragraph({ style: STYLE.title, children: runs }), new Paragraph({})];
}

/** A section heading of the outline ("一、基本情况"): 黑体, an outline level for the navigation pane. */
export function headingParagraph(text: string): Paragraph {
  return new Paragraph({ style: STYLE.heading1, children: [new TextRun(text)] });
}

/** A heading outside the framework's outline, kept as the report printed it but without its number. */
export function extraHeadingParagraph(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: BODY_INDENT, keepNext: true, children: [new TextRun({ text, font: font(FONT.heading1) })] });
}

/** 7.3.4 附件说明: "附件：1.××××", further names aligned under the first name's first character. */
export function attachmentList(names: readonly string[]): Paragraph[] {
  const label = '附件：';
  const hanging = Math.round(label.length * CHAR_PITCH);
  const start = Math.round(2 * CHAR_PITCH) + hanging;
  return [
    new Paragraph({}),
    ...names.map(
      (name, i) =>
        new Paragraph({
          alignment: AlignmentType.LEFT,
          indent: i === 0 ? { left: start, hanging } : { left: start },
          children: [new TextRun(`${i === 0 ? label : ''}${i + 1}.${name}`)],
        }),
    ),
  ];
}

/** 附件 on a page of its own: "附件N" in 3号 黑体 top left, the title centred on the line below. */
export function attachmentHeading(label: string | undefined, title: string, newPage: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  if (label) out.push(new Paragraph({ style: STYLE.attachmentLabel, pageBreakBefore: newPage, children: [new TextRun(label)] }));
  out.push(new Paragraph({ style: STYLE.attachmentTitle, pageBreakBefore: newPage && !label, children: [new TextRun(title)] }));
  return out;
}

/** A line printed under a table (填表人 …, 说明 …), in the table's 5号. */
export function tableNote(text: string): Paragraph {
  return new Paragraph({ style: STYLE.tableNote, children: [new TextRun(text)] });
}
