import type { Finding } from '../model/finding';
import type { SourceRef } from '../model/source-ref';

/**
 * The one shape every reader (.txt, .docx, .pdf, .xlsx) turns a file into, and the extractor reads:
 * headings, paragraphs and tables in reading order, each with where it came from. Readers know formats;
 * the extractor knows self-evaluations; neither knows the other.
 */

/** How a heading is numbered: 一、 （一） 1. （1） ① or a markdown/bold marker without a number. */
export type NumberingStyle = 'chinese' | 'chineseParen' | 'arabic' | 'arabicParen' | 'circled' | 'none';

export interface HeadingBlock {
  readonly kind: 'heading';
  readonly text: string;
  /** The numbering as printed ("一、", "（三）", "1."), when there is one. */
  readonly numbering?: string;
  readonly style: NumberingStyle;
  /** Outline depth where the format gives one (markdown #, Word heading level), else from the numbering style. */
  readonly level: number;
  readonly source: SourceRef;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly text: string;
  readonly source: SourceRef;
}

/** One cell of a table. A cell covered by a merge is not repeated: its master cell carries the spans. */
export interface TableCell {
  readonly text: string;
  /** 0-based grid column where the cell starts; readers that cannot tell (flattened text) count cells. */
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly source: SourceRef;
}

export interface TableBlock {
  readonly kind: 'table';
  /** Rows in order. Flattened text gives ragged rows (no spans); .docx/.xlsx give exact grids with spans. */
  readonly rows: readonly (readonly TableCell[])[];
  /** Whether column positions are exact (a grid) or only the order of cells in the row (flattened text). */
  readonly grid: boolean;
  readonly source: SourceRef;
}

export type DocumentBlock = HeadingBlock | ParagraphBlock | TableBlock;

export type DocumentFormat = 'txt' | 'docx' | 'pdf' | 'xlsx';

export interface DocumentModel {
  readonly file: string;
  readonly format: DocumentFormat;
  readonly blocks: readonly DocumentBlock[];
  /** Problems met while reading (unreadable parts, limits reached), each located. */
  readonly findings: readonly Finding[];
}

