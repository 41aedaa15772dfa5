import type { DocumentFormat, DocumentModel } from '@jixiao/core';

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
