import type { DocumentBlock, DocumentModel, TableBlock, TableCell } from '../document/document-model';

/** Builds small document models for extractor tests: ragged rows of cell texts, paragraphs, headings. */
export function table(rows: readonly (readonly string[])[], grid = false): TableBlock {
  return {
    kind: 'table',
    grid,
    rows: rows.map((r, ri) => r.map((text, ci): TableCell => ({ text, column: ci, rowSpan: 1, colSpan: 1, source: { row: ri, column: ci } }))),
    source: {},
  };
}

export function paragraph(text: string): DocumentBlock {
  return { kind: 'paragraph', text, source: {} };
}

export function heading(numbering: string, text: string): DocumentBlock {
  return { kind: 'heading', numbering, text, style: numbering.startsWith('（') ? 'chineseParen' : 'chinese', level: numbering.startsWith('（') ? 2 : 1, source: {} };
}

export function doc(blocks: readonly DocumentBlock[]): DocumentModel {
  return { file: 'test.txt', format: 'txt', blocks, findings: [] };
}
