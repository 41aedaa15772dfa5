import type { DocumentBlock } from '@jixiao/core';
import { detectFormat } from '../import-document';
import type { DocumentReaders, ImportLimits } from '../ports';

/**
 * The text of an uploaded document as the readers see it, line by line with the block (and table row) each
 * line comes from: what a finding's `location` points into. Shown beside the import's findings so that a
 * reviewer can check each one against the report as printed, whatever its format.
 */
export interface TextLine {
  /** 0-based block index in reading order, as in a finding's `location.block`. */
  readonly block: number;
  readonly kind: 'heading' | 'paragraph' | 'row';
  /** The table row, as in `location.row`; only for rows. */
  readonly row?: number;
  readonly page?: number;
  readonly text: string;
  /** A row's cells, in order (their texts joined by tabs make `text`). */
  readonly cells?: readonly string[];
}

export type ImportText = { readonly ok: true; readonly format: string; readonly lines: readonly TextLine[] } | { readonly ok: false; readonly message: string };

function linesOf(block: DocumentBlock, index: number): TextLine[] {
  const page = block.source.page;
  const at = page === undefined ? {} : { page };
  if (block.kind !== 'table') return [{ block: index, kind: block.kind, ...at, text: block.text }];
  return block.rows.map((row, r) => {
    const cells = row.map((cell) => cell.text);
    return { block: index, kind: 'row' as const, row: r, ...(row[0]?.source.page === undefined ? at : { page: row[0].source.page }), text: cells.join('\t'), cells };
  });
}

/** Reads the document again with the reader the import chose (same detection, same limits). */
export async function readImportText(bytes: Uint8Array, file: string, readers: DocumentReaders, limits: ImportLimits): Promise<ImportText> {
  const format = detectFormat(bytes, file);
  const reader = format === 'unknown' ? undefined : readers[format];
  if (!reader) return { ok: false, message: `${file}：无法读取这种格式的原文` };
  const doc = await reader(bytes, file, limits);
  if (doc.blocks.length === 0) return { ok: false, message: doc.findings.find((f) => f.severity === 'error')?.message ?? `${file}：没有读到任何内容` };
  // Block indexes are the reading order, which is what findings count (`source.block` where a reader sets it).
  return { ok: true, format: doc.format, lines: doc.blocks.flatMap((block, i) => linesOf(block, block.source.block ?? i)) };
}
