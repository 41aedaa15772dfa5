import { emptyFileFinding } from '@jixiao/core';
import type { DocumentBlock, DocumentModel, Finding, TableCell } from '@jixiao/core';
import type { DocumentReader } from '../document-reader';
import type { ImportLimits } from '../limits';
import { preflight, refusal } from '../preflight';
import { LEVEL_OF_STYLE, numberingPrefix } from '../heading-numbering';
import type { NumberingPrefix } from '../heading-numbering';

/**
 * Reads reports published as text (.txt/.md), as the seeds are: markdown headings (#) and bold markers
 * (** or <b>), paragraphs separated by blank lines, and tables flattened in one of two ways:
 * - one cell per line, each starting with a tab (seeds 002, 004). Cells of a row follow each other
 *   directly; a blank line before the next tab line starts a new row; a cell's text continues over a
 *   single blank line ("绩\n\n效\n\n指\n\n标"); two blank lines and a line without a tab end the table;
 * - one row per line with tab-separated cells (seed 003).
 * Tables from text are ragged (`grid: false`): a merged cell appears once, and empty cells stand for
 * the continuation of a vertical merge.
 */

const TOC_LINE = /(\.{3,}|…{2,}|·{3,})\s*\d+\s*$/;
const MARKDOWN_HEADING = /^(#{1,6})\s+(.*)$/;
const BOLD = /\*\*|<\/?b>/g;

/** The numbering at the start of a heading-like text ("一、", "（三）", "1.", "（1）", "①"), spaces squeezed out. */
export function readNumbering(text: string): NumberingPrefix | undefined {
  const p = numberingPrefix(text);
  return p ? { ...p, numbering: p.numbering.replace(/\s+/g, '') } : undefined;
}

function clean(text: string): string {
  return text.replace(BOLD, '').replace(/[\u3000\u00a0]+$/g, '').replace(/^[\u3000\u00a0]+/g, '').trim();
}

/** Whether a numbered line reads as a heading rather than a list item or a paragraph. */
function isHeadingLike(n: NumberingPrefix, text: string): boolean {
  if (n.style === 'chinese' || n.style === 'chineseParen') return text.length <= 40;
  return text.length <= 25 && !/[。；;]$/.test(text);
}

const TERMINAL = /[。；;：:！!？?…”』」）)]$/;

export function parseTxt(text: string, file: string, limits: Pick<ImportLimits, 'maxTableRows'>): DocumentModel {
  const findings: Finding[] = [];
  const blocks: DocumentBlock[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // Character offset of each line, for source references.
  const offsets: number[] = [];
  let pos = 0;
  for (const line of lines) {
    offsets.push(pos);
    pos += line.length + 1;
  }

  type Table = { rows: TableCell[][]; row: TableCell[]; cell: string[] | null; cellStart: number; tsv: boolean; start: number; truncated: boolean };
  let table: Table | null = null;
  let blank = 0;
  let paragraph: { lines: string[]; start: number; end: number } | null = null;

  const blockIndex = () => blocks.length;

  const pushCell = () => {
    if (!table || !table.cell) return;
    table.row.push({
      text: clean(table.cell.join('\n').replace(/\n{2,}/g, '\n')),
      column: table.row.length,
      rowSpan: 1,
      colSpan: 1,
      source: { file, block: blockIndex(), row: table.rows.length, column: table.row.length, start: table.cellStart },
    });
    table.cell = null;
  };
  const pushRow = () => {
    if (!table) return;
    pushCell();
    if (table.row.length) {
      if (table.rows.length < limits.maxTableRows) table.rows.push(table.row);
      else table.truncated = true;
    }
    table.row = [];
  };
  const closeTable = () => {
    if (!table) return;
    pushRow();
    if (table.truncated) {
      findings.push({
        rule: 'import.table-truncated',
        severity: 'warning',
        message: `${file}：表格超过 ${limits.maxTableRows} 行，只读取了前 ${limits.maxTableRows} 行`,
        location: { file, block: blockIndex() },
      });
    }
    if (table.rows.length) blocks.push({ kind: 'table', rows: table.rows, grid: false, source: { file, block: blockIndex(), start: table.start } });
    table = null;
  };
  const closeParagraph = () => {
    if (!paragraph) return;
    const { lines: parts, start } = paragraph;
    paragraph = null;
    pushTextBlock(parts.join(''), start);
  };
  const pushTextBlock = (raw: string, start: number, headingLevel?: number) => {
    const t = clean(raw);
    if (!t) return;
    const n = readNumbering(t);
    if (headingLevel !== undefined || (n && isHeadingLike(n, t))) {
      blocks.push({
        kind: 'heading',
        text: n ? n.rest : t,
        ...(n ? { numbering: n.numbering } : {}),
        style: n?.style ?? 'none',
        level: headingLevel ?? LEVEL_OF_STYLE[n?.style ?? 'none'],
        source: { file, block: blockIndex(), start, end: start + raw.length },
      });
      return;
    }
    blocks.push({ kind: 'paragraph', text: t, source: { file, block: blockIndex(), start, end: start + raw.length } });
  };

  for (let lineNo = 0; lineNo < lines.length; lineNo++) {
    const line = lines[lineNo] ?? '';
    const start = offsets[lineNo] ?? 0;
    // Only ASCII spaces make a blank line: a line of full-width spaces is an empty paragraph inside a cell.
    if (/^ *$/.test(line)) {
      blank++;
      continue;
    }
    const tabs = (line.match(/\t/g) ?? []).length;
    const plain = line.replace(BOLD, '');
    if (TOC_LINE.test(plain) && !(table && !table.tsv)) {
      // A table of contents repeats the headings; the body has them.
      closeParagraph();
      closeTable();
      blank = 0;
      continue;
    }
    const cellLine = line.startsWith('\t') && tabs === 1;
    const tsvLine = tabs >= 1 && !cellLine;
    if (cellLine) {
      closeParagraph();
      if (table && table.tsv) closeTable();
      if (!table) {
        table = { rows: [], row: [], cell: null, cellStart: start, tsv: false, start, truncated: false };
      } else if (blank > 0) {
        pushRow();
      } else {
        pushCell();
      }
      table.cell = [line.slice(1)];
      table.cellStart = start;
      blank = 0;
      continue;
    }
    if (tsvLine) {
      closeParagraph();
      if (table && !table.tsv) closeTable();
      if (!table) table = { rows: [], row: [], cell: null, cellStart: start, tsv: true, start, truncated: false };
      const cells = line.split('\t');
      let offset = start;
      for (const c of cells) {
        table.row.push({
          text: clean(c),
          column: table.row.length,
          rowSpan: 1,
          colSpan: 1,
          source: { file, block: blockIndex(), row: table.rows.length, column: table.row.length, start: offset },
        });
        offset += c.length + 1;
      }
      pushRow();
      blank = 0;
      continue;
    }
    // A line without a tab.
    if (table && !table.tsv && table.cell && blank <= 1) {
      table.cell.push(blank ? `\n${line}` : line);
      blank = 0;
      continue;
    }
    closeTable();
    const md = MARKDOWN_HEADING.exec(line.trim());
    const boldOnly = /^\s*(\*\*|<b>).*(\*\*|<\/b>)\s*$/.test(line) && clean(line).length <= 40;
    if (md?.[1] && md[2] !== undefined) {
      closeParagraph();
      pushTextBlock(md[2], start, md[1].length);
    } else if (boldOnly && readNumbering(clean(line))) {
      closeParagraph();
      pushTextBlock(line, start);
    } else {
      // Paragraphs broken by a page (a long line not ending a sentence) continue on the next line.
      const t = clean(line);
      const prev = paragraph as { lines: string[]; start: number; end: number } | null;
      const continues = prev !== null && blank <= 1 && !TERMINAL.test(prev.lines[prev.lines.length - 1] ?? '') && (prev.lines.join('').length >= 30) && !readNumbering(t);
      if (continues && prev) {
        prev.lines.push(t);
      } else {
        closeParagraph();
        const n = readNumbering(t);
        if (n && isHeadingLike(n, t)) pushTextBlock(t, start);
        else paragraph = { lines: [t], start, end: start + line.length };
      }
    }
    blank = 0;
  }
  closeParagraph();
  closeTable();
  return { file, format: 'txt', blocks, findings };
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const gbDecoder = new TextDecoder('gb18030');

/** .txt/.md bytes → document model. UTF-8 (with or without BOM), falling back to GB18030 as 政府网站 files often are. */
export const readTxt: DocumentReader = async (bytes, file, limits) => {
  const refused = preflight(bytes, file, limits, 'txt');
  if (refused) return refused;
  if (bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) return refusal('txt', file, emptyFileFinding(file));
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    text = gbDecoder.decode(bytes);
  }
  if (text.includes('\u0000')) {
    return {
      file,
      format: 'txt',
      blocks: [],
      findings: [{ rule: 'import.not-text', severity: 'error', message: `${file}：不是文本文件（含二进制内容），请确认文件格式`, location: { file } }],
    };
  }
  return parseTxt(text, file, limits);
};
