import { invariant } from '@jixiao/core';
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import { STYLE } from './typography';

/**
 * A table described as a grid: each row lists its cells left to right, leaving out the positions that a
 * cell above covers with its rowSpan (docx writes the vMerge continuations there). Every row must fill the
 * grid exactly; a row that does not is a bug in the layout, not in the data.
 */
export interface GridCell {
  /** Lines of the cell (split on \n into paragraphs). */
  readonly text: string;
  readonly colSpan?: number;
  readonly rowSpan?: number;
  /** Labels and numbers are centred; text is set from the left (justifying narrow cells spreads CJK text apart). */
  readonly align?: 'left' | 'center';
  /** Left indent in characters of the table's 5号 type (sub-lines such as "其中：公车购置"). */
  readonly indentChars?: number;
}

export type GridRow = readonly GridCell[];

export const cell = (text: string, options: Omit<GridCell, 'text'> = {}): GridCell => ({ text, ...options });

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

/** 5号 (10.5 pt) in twips: the unit of `indentChars`. */
const TABLE_CHAR = 210;

function paragraphs(gc: GridCell): Paragraph[] {
  const align = gc.align ?? 'center';
  return gc.text.split('\n').map(
    (t) =>
      new Paragraph({
        style: STYLE.tableText,
        alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        ...(gc.indentChars ? { indent: { left: gc.indentChars * TABLE_CHAR } } : {}),
        children: t ? [new TextRun(t)] : [],
      }),
  );
}

/** Checks that every row fills `columns` grid columns once the rowSpans from above are counted. */
export function checkGrid(columns: number, rows: readonly GridRow[]): void {
  // covered[c]: how many more rows a rowSpan from above covers at column c.
  let covered = new Array<number>(columns).fill(0);
  rows.forEach((row, r) => {
    const next = covered.map((n) => Math.max(0, n - 1));
    let c = 0;
    const skipCovered = () => {
      while (c < columns && (covered[c] ?? 0) > 0) c++;
    };
    for (const gc of row) {
      skipCovered();
      const span = gc.colSpan ?? 1;
      invariant(c + span <= columns, `表格第 ${r + 1} 行超出 ${columns} 列`);
      for (let k = c; k < c + span; k++) next[k] = (gc.rowSpan ?? 1) - 1;
      c += span;
    }
    skipCovered();
    invariant(c === columns, `表格第 ${r + 1} 行只有 ${c} 列，应为 ${columns} 列`);
    covered = next;
  });
}

/** A bordered, fixed-layout table the width of the 版心, in 5号 仿宋 (see typography.ts). */
export function gridTable(widths: readonly number[], rows: readonly GridRow[]): Table {
  checkGrid(widths.length, rows);
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: { top: 30, bottom: 30, left: 57, right: 57 },
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: row.map(
            (gc) =>
              new TableCell({
                verticalAlign: VerticalAlignTable.CENTER,
                ...(gc.colSpan && gc.colSpan > 1 ? { columnSpan: gc.colSpan } : {}),
                ...(gc.rowSpan && gc.rowSpan > 1 ? { rowSpan: gc.rowSpan } : {}),
                children: paragraphs(gc),
              }),
          ),
        }),
    ),
  });
}

/** Column widths in proportion to `weights`, summing exactly to `total` twips. */
export function scaleWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((w * total) / sum));
  const rest = total - out.reduce((a, b) => a + b, 0);
  out[out.length - 1] = (out[out.length - 1] ?? 0) + rest;
  return out;
}
