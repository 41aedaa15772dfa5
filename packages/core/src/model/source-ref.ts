/**
 * Where a value came from. Everything an importer extracts carries one, and so does every finding, so
 * that a person can be taken to the printed figure. For data entered in Jixiao, `path` alone is used.
 */
export interface SourceRef {
  /** The file the value was read from, as the user named it. */
  readonly file?: string;
  /** 1-based page, where the format has pages. */
  readonly page?: number;
  /** 0-based index of the block (paragraph, heading or table) in reading order. */
  readonly block?: number;
  /** 0-based table row and column of the cell, for values read from a table. */
  readonly row?: number;
  readonly column?: number;
  /** Character range within the block's text. */
  readonly start?: number;
  readonly end?: number;
  /** Path of the field in the evaluation, e.g. "indicators[3].score". */
  readonly path?: string;
}
