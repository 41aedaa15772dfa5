import type { DocumentFormat, DocumentModel, Evaluation, Framework } from '@jixiao/core';

/**
 * The ports the use cases depend on, defined by what they need. Adapters implement them; http and cli
 * wire the implementations in.
 */

/** Caps on what one uploaded file may cost (size, unzipped size, rows, pages, time). */
export interface ImportLimits {
  /** Bytes of the file itself. */
  readonly maxFileBytes: number;
  /** Bytes after unzipping (.docx/.xlsx): stops zip bombs. */
  readonly maxUnzippedBytes: number;
  /** Unzipped ÷ zipped: a ratio this high is a bomb, not a report. */
  readonly maxCompressionRatio: number;
  /** Rows of one table (or sheet); the rest is dropped with a finding. */
  readonly maxTableRows: number;
  /** Pages of a PDF. */
  readonly maxPages: number;
  /** Wall-clock milliseconds for reading one file. */
  readonly timeoutMs: number;
}

/**
 * Turns a file's bytes into the document model. Never throws for bad input: a file it cannot read comes
 * back with no blocks and an error finding that says why and where, in Chinese.
 */
export type DocumentReader = (bytes: Uint8Array, file: string, limits: ImportLimits) => Promise<DocumentModel>;

/**
 * The readers available, by format; `legacy` reads old binary Office files (.doc/.xls/.wps). A format
 * without a reader is reported, not fatal.
 */
export type DocumentReaders = Partial<Record<DocumentFormat | 'legacy', DocumentReader>>;

/** What an office conversion gave: the converted file's bytes, or why there are none. */
export type ConvertResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'missing' | 'failed' | 'timeout'; readonly detail: string };

/** The formats an office conversion produces. */
export type OfficeTarget = 'docx' | 'xlsx' | 'pdf';

/**
 * Converts an office file (its bytes and extension, e.g. "doc", "xls", "docx") to another format: old binary
 * files to .docx/.xlsx for the importers, generated .docx to .pdf for export. Never throws for bad input or a
 * missing converter: `reason` says which (`missing` = no converter installed), `detail` why, in Chinese. Safe
 * to call concurrently; bounded by `timeoutMs`.
 */
export type OfficeConverter = (input: Uint8Array, inputExt: string, target: OfficeTarget, timeoutMs: number) => Promise<ConvertResult>;

/** Writes the 自评报告 and its 附表 as one .docx (部门整体 evaluation first, then its 项目). */
export type DocxRenderer = (evaluations: readonly Evaluation[], framework: Framework) => Promise<Uint8Array>;

/** Writes the 附表 as one .xlsx workbook, a sheet per table. */
export type XlsxRenderer = (evaluations: readonly Evaluation[]) => Promise<Uint8Array>;

/**
 * A figure as the store holds it (an exact decimal string), with what it is: an amount in 万元, a rate in
 * percent points, or a score. The renderer decides how a spreadsheet shows it.
 */
export interface ReportFigure {
  readonly kind: 'amount' | 'rate' | 'score';
  readonly value: string;
}

/** A cell of a plain report table: text, a count, an exact figure, or empty. */
export type ReportCell = string | number | ReportFigure | null;

/** One sheet of a report workbook: a title line, a header row, the rows, and notes under the table. */
export interface ReportTable {
  readonly name: string;
  readonly title: string;
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  readonly rows: readonly (readonly ReportCell[])[];
  readonly notes: readonly string[];
}

/** Writes report tables (the supervision dashboard's view) as one .xlsx workbook, a sheet per table. */
export type ReportXlsxRenderer = (tables: readonly ReportTable[]) => Promise<Uint8Array>;

/** Password hashing (argon2id in adapters/passwords); verify never throws for a malformed stored hash. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
