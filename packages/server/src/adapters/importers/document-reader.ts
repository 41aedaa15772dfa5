import type { DocumentModel } from '@jixiao/core';
import type { ImportLimits } from './limits';

/**
 * A reader turns a file's bytes into the document model. It never throws for bad input: a file it cannot
 * read comes back with no blocks and an error finding that says why and where, in Chinese.
 */
export type DocumentReader = (bytes: Uint8Array, file: string, limits: ImportLimits) => Promise<DocumentModel>;
