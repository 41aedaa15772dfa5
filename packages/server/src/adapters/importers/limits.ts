/**
 * Caps on what one uploaded file may cost. A file past a cap gets an error finding naming the cap and
 * the file; the rest of its batch is unaffected. Values are chosen for the genre: the largest real 自评
 * report seen is a few MB and a few hundred table rows.
 */
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

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxTableRows: 5000,
  maxPages: 500,
  timeoutMs: 60_000,
};
