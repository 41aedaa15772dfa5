import type { DocumentReaders } from '../src/app/ports';

/** The readers of binary formats, as they land (filled in by the docx and pdf readers). */
export const FORMAT_READERS: DocumentReaders = {};
