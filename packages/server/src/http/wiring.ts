import type { DocumentReaders } from '../app/ports';
import { readTxt } from '../adapters/importers/txt/read-txt';
import { readXlsx } from '../adapters/importers/xlsx/read-xlsx';
import { readDocx } from '../adapters/importers/docx/read-docx';
import { readPdf } from '../adapters/importers/pdf/read-pdf';
import { legacyReader } from '../adapters/importers/legacy/read-legacy';
import { convertWithLibreOffice } from '../adapters/libreoffice/convert';
import { renderDocx } from '../adapters/generators/docx/render-docx';
import { renderXlsx } from '../adapters/generators/xlsx/render-xlsx';
import { argon2Hasher } from '../adapters/passwords/argon2';
import { DEFAULT_LIMITS } from '../adapters/importers/limits';
import type { AppConfig, AppDeps } from './app-deps';
import { DEFAULT_CONFIG } from './app-deps';
import type { Store } from '../adapters/db/open-store';

/** The real adapters behind the API's ports (the CLI wires its own in cli/readers.ts). */
export const HTTP_READERS: DocumentReaders = { txt: readTxt, xlsx: readXlsx, docx: readDocx, pdf: readPdf, legacy: legacyReader(convertWithLibreOffice) };

export function productionDeps(store: Store, log: (line: string) => void, config: Partial<AppConfig> = {}): AppDeps {
  return {
    db: store.db,
    hasher: argon2Hasher,
    now: () => new Date(),
    readers: HTTP_READERS,
    importLimits: DEFAULT_LIMITS,
    renderDocx,
    renderXlsx,
    convert: convertWithLibreOffice,
    config: { ...DEFAULT_CONFIG, ...config },
    log,
  };
}
