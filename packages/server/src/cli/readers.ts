import type { DocumentReaders } from '../app/ports';
import { readTxt } from '../adapters/importers/txt/read-txt';
import { readXlsx } from '../adapters/importers/xlsx/read-xlsx';
import { readDocx } from '../adapters/importers/docx/read-docx';
import { readPdf } from '../adapters/importers/pdf/read-pdf';
import { legacyReader } from '../adapters/importers/legacy/read-legacy';
import { convertWithLibreOffice } from '../adapters/libreoffice/convert';

/** The readers wired into the CLI. Formats without one are reported per file (see import-document.ts). */
export const CLI_READERS: DocumentReaders = { txt: readTxt, xlsx: readXlsx, docx: readDocx, pdf: readPdf, legacy: legacyReader(convertWithLibreOffice) };
