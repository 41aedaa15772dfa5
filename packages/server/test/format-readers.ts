import type { DocumentReaders } from '../src/app/ports';
import { readDocx } from '../src/adapters/importers/docx/read-docx';

/** The readers of binary formats, as they land. */
export const FORMAT_READERS: DocumentReaders = { docx: readDocx };
