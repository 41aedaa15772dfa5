import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTxt } from '../src/adapters/importers/txt/read-txt';
import { readDocx } from '../src/adapters/importers/docx/read-docx';
import { readPdf } from '../src/adapters/importers/pdf/read-pdf';
import { DEFAULT_LIMITS } from '../src/adapters/importers/limits';
import { SEEDS, SEED_FILES, seedBytes } from './seed-fixtures';
import { auditImported } from '../src/app/audit-file';
import { importDocument, importedModel } from '../src/app/import-document';
import type { ImportResult } from '../src/app/import-document';

/**
 * An upload is imported and audited in one request, so the audit uses the model the import was encoded from
 * instead of decoding the JSON again. That is only right if both give the same audit: for every seed and every
 * format fixture, the in-process audit must equal the audit of the same result read back from JSON (what
 * `jixiao audit imported.json` does, and what a result that crossed a worker thread gets).
 */
const READERS = { txt: readTxt, docx: readDocx, pdf: readPdf };
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/formats/${name}`, import.meta.url)));

const files: [string, () => Uint8Array][] = [
  ...SEEDS.map((seed): [string, () => Uint8Array] => [SEED_FILES[seed], () => seedBytes(seed)]),
  ...['seed-001.docx', 'seed-004.docx', 'seed-001.pdf', 'seed-004.pdf'].map((name): [string, () => Uint8Array] => [name, () => fixture(name)]),
];

describe('audit of an import in the same process', () => {
  it.each(files)('%s: the same findings and checks as the audit of its JSON', async (name, bytes) => {
    const result = await importDocument(bytes(), name, READERS, DEFAULT_LIMITS);
    expect(result.ok).toBe(true);
    expect(importedModel(result)).toBeDefined();
    const copy = JSON.parse(JSON.stringify(result)) as ImportResult;
    expect(importedModel(copy)).toBeUndefined();
    const inProcess = auditImported(result);
    const fromJson = auditImported(copy);
    expect(JSON.parse(JSON.stringify(inProcess))).toEqual(JSON.parse(JSON.stringify(fromJson)));
    expect(inProcess.findings.length).toBeGreaterThan(0);
  }, 60_000);
});
