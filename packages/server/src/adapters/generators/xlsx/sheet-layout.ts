import type { Decimal } from '@jixiao/core';

/**
 * A worksheet described before it is written: where each cell goes, what it holds, how far it spans and
 * what part of the form it is. The table builders (self-evaluation-layout.ts, basic-data-layout.ts) only
 * place cells; write-sheet.ts turns a layout into exceljs calls (values, number formats, merges, borders,
 * row heights, print setup).
 */

/** What a cell holds. Numbers stay Decimals until written; a blank cell is `text ''`. */
export type CellContent =
  | { readonly kind: 'text'; readonly text: string }
  /** 万元 */
  | { readonly kind: 'amount'; readonly value: Decimal }
  /** Percent points (98.49 → shown as 98.49%). */
  | { readonly kind: 'rate'; readonly value: Decimal }
  /** 分值 / 得分 */
  | { readonly kind: 'score'; readonly value: Decimal }
  /** A count of people, square metres, … */
  | { readonly kind: 'count'; readonly value: Decimal };

/**
 * The part of the form a cell is: the title above the table, a label (row or column heading), a value
 * (number or short text, centred), long text (left-aligned), the footer lines under the table.
 */
export type CellRole = 'title' | 'label' | 'value' | 'text' | 'footer';

export interface PlacedCell {
  /** 1-based sheet row and column of the top-left cell. */
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly content: CellContent;
  readonly role: CellRole;
  /** Left-aligned at this indent level (the lines of the 基础数据表, 其中 lines indented). */
  readonly indent?: number;
  /** A cell comment, for text the form has no cell for. */
  readonly comment?: string;
}

export interface SheetLayout {
  /** Column widths in Excel's units (widths of "0"). */
  readonly widths: readonly number[];
  readonly cells: readonly PlacedCell[];
  /** The rows of the table itself (bordered): first and last, 1-based. */
  readonly table: { readonly first: number; readonly last: number };
  /** Rows 1..repeatRows print on every page. */
  readonly repeatRows: number;
  readonly orientation: 'portrait' | 'landscape';
}

export const text = (s: string | undefined): CellContent => ({ kind: 'text', text: s ?? '' });
export const blank: CellContent = { kind: 'text', text: '' };
export const amount = (d: Decimal | undefined): CellContent => (d === undefined ? blank : { kind: 'amount', value: d });
export const rate = (d: Decimal | undefined): CellContent => (d === undefined ? blank : { kind: 'rate', value: d });
export const score = (d: Decimal | undefined): CellContent => (d === undefined ? blank : { kind: 'score', value: d });
export const count = (d: Decimal | undefined): CellContent => (d === undefined ? blank : { kind: 'count', value: d });

/** Places cells row by row. `row` is the last row used so far. */
export class LayoutBuilder {
  readonly cells: PlacedCell[] = [];
  row = 0;

  /** Starts a new row and returns its number. */
  next(): number {
    return ++this.row;
  }

  put(row: number, col: number, content: CellContent, role: CellRole, span: { rows?: number; cols?: number; indent?: number; comment?: string } = {}): void {
    this.cells.push({
      row,
      col,
      rows: span.rows ?? 1,
      cols: span.cols ?? 1,
      content,
      role,
      ...(span.indent !== undefined ? { indent: span.indent } : {}),
      ...(span.comment ? { comment: span.comment } : {}),
    });
  }
}

/** "2023-06-09" → "2023年6月9日" (as printed on the forms); other text unchanged. */
export function chineseDate(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso ?? '');
  if (!m) return iso ?? '';
  return `${m[1]}年${Number(m[2])}月${m[3] ? `${Number(m[3])}日` : ''}`;
}

/** The footer line under a table: 填表人, 填报日期, 联系电话, 单位负责人签字. */
export function footerLine(unit: { readonly contact?: string; readonly filledDate?: string; readonly phone?: string; readonly head?: string }): string {
  const gap = '\u3000\u3000';
  return [`填表人：${unit.contact ?? ''}`, `填报日期：${chineseDate(unit.filledDate)}`, `联系电话：${unit.phone ?? ''}`, `单位负责人签字：${unit.head ?? ''}`].join(gap);
}
