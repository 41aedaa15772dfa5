import type { DocumentReaders } from '../src/app/ports';
import { readDocx } from '../src/adapters/importers/docx/read-docx';
import { readPdf } from '../src/adapters/importers/pdf/read-pdf';

/** The readers of binary formats. */
export const FORMAT_READERS: DocumentReaders = { docx: readDocx, pdf: readPdf };
