import type { DocumentBlock, Finding, HeadingBlock, NumberingStyle, TableCell } from '@jixiao/core';
import type { SaxesTagNS } from 'saxes';
import type { NumberingCounter } from './docx-numbering';
import type { Styles } from './docx-styles';
import { charCount, LEVEL_OF_STYLE, MAX_NUMBERED_HEADING_CHARS, numberingPrefix, styleOfNumbering } from '../heading-numbering';
import { wAttr, wInt, wOnOff, type XmlHandler } from './xml-walker';

/**
 * Reads word/document.xml (streamed through XmlWalker) into blocks in reading order.
 *
 * Paragraphs and tables are handed to the innermost open "sink": the body (which makes blocks), a table
 * cell (which keeps its paragraphs' text) or a text box (whose content follows its anchor paragraph in the
 * same sink). Tables keep the grid: gridSpan gives colSpan, vMerge restart/continue gives rowSpan on the
 * master cell, and continuation cells are not emitted.
 */

interface FinishedParagraph {
  /** Text as shown, automatic numbering included. */
  readonly text: string;
  /** Automatic numbering as rendered, when the paragraph has it. */
  readonly autoNumber?: string;
  readonly styleId?: string;
  /** Direct outline level (0-based) set on the paragraph. */
  readonly outlineLvl?: number;
}

interface FinishedCell {
  text: string;
  readonly column: number;
  rowSpan: number;
  colSpan: number;
  readonly row: number;
}

interface FinishedTable {
  readonly rows: readonly (readonly FinishedCell[])[];
  /** Rows in the file, the dropped ones included. */
  readonly totalRows: number;
}

interface Sink {
  paragraph(paragraph: FinishedParagraph): void;
  table(table: FinishedTable): void;
}

type Floating = { readonly kind: 'paragraph'; readonly paragraph: FinishedParagraph } | { readonly kind: 'table'; readonly table: FinishedTable };

class ParagraphBuilder {
  readonly parts: string[] = [];
  styleId: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
  outlineLvl: number | undefined;
  /** Text boxes anchored in this paragraph, emitted after it. */
  readonly floating: Floating[] = [];
  constructor(readonly sink: Sink) {}
}

type MergeState = 'restart' | 'continue' | undefined;

class CellBuilder implements Sink {
  readonly lines: string[] = [];
  gridSpan = 1;
  vMerge: MergeState;
  hMerge: MergeState;

  constructor(private readonly onNestedTruncated: (table: FinishedTable) => void) {}

  paragraph(paragraph: FinishedParagraph): void {
    this.lines.push(paragraph.text);
  }

  /** A nested table is flattened into the cell: its rows as lines, its cells separated by tabs. */
  table(table: FinishedTable): void {
    this.onNestedTruncated(table);
    for (const row of table.rows) {
      this.lines.push(
        row
          .map((cell) => cell.text)
          .filter((text) => text !== '')
          .join('\t'),
      );
    }
  }

  text(): string {
    return this.lines.map((line) => line.trim()).join('\n').trim();
  }
}

class RowBuilder {
  readonly cells: CellBuilder[] = [];
  gridBefore = 0;
}

class TableBuilder {
  readonly rows: RowBuilder[] = [];
  totalRows = 0;
  constructor(readonly sink: Sink) {}

  finish(): FinishedTable {
    const out: FinishedCell[][] = [];
    // Grid column → the master cell of a vertical merge still open at that column.
    let open = new Map<number, FinishedCell>();
    this.rows.forEach((row, rowIndex) => {
      const cells: FinishedCell[] = [];
      const stillOpen = new Map<number, FinishedCell>();
      let column = row.gridBefore;
      for (const builder of row.cells) {
        const span = builder.gridSpan;
        const text = builder.text();
        const previous = cells[cells.length - 1];
        if (builder.hMerge === 'continue' && previous !== undefined) {
          // Legacy horizontal merge: widen the cell on the left.
          previous.colSpan += span;
          previous.text = joinText(previous.text, text);
          column += span;
          continue;
        }
        const master = builder.vMerge === 'continue' ? open.get(column) : undefined;
        if (master !== undefined) {
          master.rowSpan += 1;
          master.text = joinText(master.text, text);
          stillOpen.set(column, master);
          column += span;
          continue;
        }
        const cell: FinishedCell = { text, column, rowSpan: 1, colSpan: span, row: rowIndex };
        cells.push(cell);
        // A "continue" with nothing above it starts a merge of its own, as Word shows it.
        if (builder.vMerge !== undefined) stillOpen.set(column, cell);
        column += span;
      }
      open = stillOpen;
      out.push(cells);
    });
    return { rows: out, totalRows: this.totalRows };
  }
}

function joinText(first: string, second: string): string {
  if (second === '') return first;
  return first === '' ? second : `${first}\n${second}`;
}

/** A text box: its content goes after the paragraph it is anchored in, or straight to the outer sink. */
class TextBoxSink implements Sink {
  constructor(
    private readonly anchor: ParagraphBuilder | undefined,
    private readonly outer: Sink,
  ) {}

  paragraph(paragraph: FinishedParagraph): void {
    if (this.anchor === undefined) this.outer.paragraph(paragraph);
    else this.anchor.floating.push({ kind: 'paragraph', paragraph });
  }

  table(table: FinishedTable): void {
    if (this.anchor === undefined) this.outer.table(table);
    else this.anchor.floating.push({ kind: 'table', table });
  }
}

export interface BodyOptions {
  readonly file: string;
  readonly styles: Styles;
  readonly numbering: NumberingCounter;
  readonly maxTableRows: number;
}

/** Builds the blocks of a document; `blocks` and `findings` hold what was read so far at any time. */
export class BodyReader implements XmlHandler {
  readonly blocks: DocumentBlock[] = [];
  readonly findings: Finding[] = [];
  private readonly body: Sink;
  private readonly sinks: Sink[] = [];
  private readonly paragraphs: ParagraphBuilder[] = [];
  private readonly tables: TableBuilder[] = [];
  private readonly cells: CellBuilder[] = [];
  private hiddenRun = false;

  constructor(private readonly options: BodyOptions) {
    this.body = { paragraph: (p) => this.addParagraph(p), table: (t) => this.addTable(t) };
  }

  open(name: string, tag: SaxesTagNS, parent: string, grandparent: string): boolean {
    const paragraph = this.paragraphs[this.paragraphs.length - 1];
    switch (name) {
      case 'p':
        this.paragraphs.push(new ParagraphBuilder(this.sink()));
        return false;
      case 'pStyle':
        if (paragraph !== undefined && parent === 'pPr' && grandparent === 'p') paragraph.styleId = wAttr(tag, 'val');
        return false;
      case 'outlineLvl':
        if (paragraph !== undefined && parent === 'pPr' && grandparent === 'p') paragraph.outlineLvl = wInt(tag, 'val');
        return false;
      case 'numId':
        if (paragraph !== undefined && parent === 'numPr' && grandparent === 'pPr') paragraph.numId = wAttr(tag, 'val');
        return false;
      case 'ilvl':
        if (paragraph !== undefined && parent === 'numPr' && grandparent === 'pPr') paragraph.ilvl = wInt(tag, 'val');
        return false;
      case 'r':
        this.hiddenRun = false;
        return false;
      case 'vanish':
        if (parent === 'rPr' && grandparent === 'r') this.hiddenRun = wOnOff(tag);
        return false;
      case 'tab':
      case 'ptab':
        this.runText(parent, '\t');
        return false;
      case 'br':
      case 'cr':
        this.runText(parent, '\n');
        return false;
      case 'noBreakHyphen':
        this.runText(parent, '-');
        return false;
      case 'txbxContent':
        this.sinks.push(new TextBoxSink(paragraph, this.sink()));
        return false;
      case 'tbl':
        this.tables.push(new TableBuilder(this.sink()));
        return false;
      case 'tr':
        return this.openRow();
      case 'gridBefore':
        if (parent === 'trPr') {
          const row = this.currentRow();
          if (row !== undefined) row.gridBefore = clampSpan(wInt(tag, 'val'), 0);
        }
        return false;
      case 'tc':
        return this.openCell();
      case 'gridSpan':
      case 'vMerge':
      case 'hMerge':
        if (parent === 'tcPr') this.cellProperty(name, tag);
        return false;
      default:
        return false;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'p': {
        const builder = this.paragraphs.pop();
        if (builder === undefined) return;
        builder.sink.paragraph(this.finishParagraph(builder));
        for (const item of builder.floating) {
          if (item.kind === 'paragraph') builder.sink.paragraph(item.paragraph);
          else builder.sink.table(item.table);
        }
        return;
      }
      case 'txbxContent':
      case 'tc':
        this.sinks.pop();
        if (name === 'tc') this.cells.pop();
        return;
      case 'tbl': {
        const table = this.tables.pop();
        if (table !== undefined) table.sink.table(table.finish());
        return;
      }
      default:
        return;
    }
  }

  text(text: string, name: string, parent: string): void {
    if (name === 't') this.runText(parent, text);
  }

  private sink(): Sink {
    return this.sinks[this.sinks.length - 1] ?? this.body;
  }

  private runText(parent: string, text: string): void {
    if (parent !== 'r' || this.hiddenRun) return;
    this.paragraphs[this.paragraphs.length - 1]?.parts.push(text);
  }

  /** Counts the row; rows past the cap are skipped whole (returns true). */
  private openRow(): boolean {
    const table = this.tables[this.tables.length - 1];
    if (table === undefined) return false;
    table.totalRows += 1;
    if (table.totalRows > this.options.maxTableRows) return true;
    table.rows.push(new RowBuilder());
    return false;
  }

  private currentRow(): RowBuilder | undefined {
    const table = this.tables[this.tables.length - 1];
    return table?.rows[table.rows.length - 1];
  }

  private openCell(): boolean {
    const table = this.tables[this.tables.length - 1];
    if (table === undefined) return true;
    let row = table.rows[table.rows.length - 1];
    if (row === undefined) {
      row = new RowBuilder();
      table.rows.push(row);
    }
    const cell = new CellBuilder((nested) => this.nestedTable(nested));
    row.cells.push(cell);
    this.cells.push(cell);
    this.sinks.push(cell);
    return false;
  }

  private cellProperty(name: string, tag: SaxesTagNS): void {
    const cell = this.cells[this.cells.length - 1];
    if (cell === undefined) return;
    if (name === 'gridSpan') cell.gridSpan = clampSpan(wInt(tag, 'val'), 1);
    else if (name === 'vMerge') cell.vMerge = wAttr(tag, 'val') === 'restart' ? 'restart' : 'continue';
    else cell.hMerge = wAttr(tag, 'val') === 'restart' ? 'restart' : 'continue';
  }

  private finishParagraph(builder: ParagraphBuilder): FinishedParagraph {
    const own = builder.parts.join('');
    const styleId = this.options.styles.effective(builder.styleId);
    const auto = this.autoNumber(builder, styleId);
    const text = auto === undefined ? own : `${auto.text}${separator(auto.text, auto.suffix)}${own.trimStart()}`;
    return {
      text,
      ...(auto === undefined ? {} : { autoNumber: auto.text }),
      ...(styleId === undefined ? {} : { styleId }),
      ...(builder.outlineLvl === undefined ? {} : { outlineLvl: builder.outlineLvl }),
    };
  }

  /** The paragraph's automatic number: its own numPr, else its style's; numId 0 switches numbering off. */
  private autoNumber(builder: ParagraphBuilder, styleId: string | undefined): { text: string; suffix: string } | undefined {
    const fromStyle = builder.numId === undefined || builder.ilvl === undefined ? this.options.styles.numbering(styleId) : undefined;
    const numId = builder.numId ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return undefined;
    const ilvl = builder.ilvl ?? fromStyle?.ilvl ?? this.options.numbering.levelOfStyle(numId, styleId) ?? 0;
    const rendered = this.options.numbering.next(numId, ilvl);
    return rendered === undefined || rendered.text === '' ? undefined : rendered;
  }

  private addParagraph(paragraph: FinishedParagraph): void {
    const text = paragraph.text.trim();
    if (text === '') return;
    const source = { file: this.options.file, block: this.blocks.length };
    const heading = headingOf(paragraph, text, this.options.styles);
    if (heading !== undefined) this.blocks.push({ kind: 'heading', ...heading, source });
    else this.blocks.push({ kind: 'paragraph', text, source });
  }

  private addTable(table: FinishedTable): void {
    if (table.rows.length === 0) return;
    const file = this.options.file;
    const block = this.blocks.length;
    const rows = table.rows.map((row) =>
      row.map((cell): TableCell => ({
        text: cell.text,
        column: cell.column,
        rowSpan: cell.rowSpan,
        colSpan: cell.colSpan,
        source: { file, block, row: cell.row, column: cell.column },
      })),
    );
    this.blocks.push({ kind: 'table', rows, grid: true, source: { file, block } });
    if (table.totalRows > table.rows.length) {
      this.findings.push({
        rule: 'import.table-truncated',
        severity: 'warning',
        message: `「${file}」第 ${block + 1} 块（表格）有 ${table.totalRows} 行，超过每个表格 ${this.options.maxTableRows} 行的上限：只读取了前 ${table.rows.length} 行。`,
        location: { file, block },
      });
    }
  }

  private nestedTable(table: FinishedTable): void {
    if (table.totalRows <= table.rows.length) return;
    const file = this.options.file;
    this.findings.push({
      rule: 'import.table-truncated',
      severity: 'warning',
      message: `「${file}」中一个嵌套在单元格里的表格有 ${table.totalRows} 行，超过每个表格 ${this.options.maxTableRows} 行的上限：只读取了前 ${table.rows.length} 行。`,
      location: { file },
    });
  }
}

/** What Word shows between an automatic number and the text: nothing after 、 or a closing bracket. */
function separator(number: string, suffix: string): string {
  if (suffix === 'nothing' || /[、）．：]$/.test(number)) return '';
  return ' ';
}

function clampSpan(value: number | undefined, fallback: number): number {
  if (value === undefined || value < 0) return fallback;
  return Math.min(value, 10_000);
}

type HeadingFields = Pick<HeadingBlock, 'text' | 'numbering' | 'style' | 'level'>;

/**
 * A heading when the paragraph's style (or its own outline level) says so, or when a short paragraph opens
 * with 一、（一）1.（1）①. Table-of-contents entries are never headings.
 */
function headingOf(paragraph: FinishedParagraph, text: string, styles: Styles): HeadingFields | undefined {
  const direct = paragraph.outlineLvl !== undefined && paragraph.outlineLvl <= 8 ? paragraph.outlineLvl : undefined;
  const outline = paragraph.outlineLvl === undefined ? styles.outlineLevel(paragraph.styleId) : direct;
  if (outline !== undefined) {
    const level = outline + 1;
    if (paragraph.autoNumber !== undefined) {
      const numbering = paragraph.autoNumber;
      return { text: text.slice(text.indexOf(numbering) + numbering.length).trim(), numbering, style: styleOfNumbering(numbering), level };
    }
    const prefix = numberingPrefix(text);
    if (prefix === undefined) return { text, style: 'none', level };
    return { text: prefix.rest, numbering: prefix.numbering, style: prefix.style, level };
  }
  if (styles.isTableOfContents(paragraph.styleId) || charCount(text) > MAX_NUMBERED_HEADING_CHARS) return undefined;
  const prefix = numberingPrefix(text);
  if (prefix === undefined || prefix.rest === '') return undefined;
  const style: NumberingStyle = prefix.style;
  return { text: prefix.rest, numbering: prefix.numbering, style, level: LEVEL_OF_STYLE[style] };
}
