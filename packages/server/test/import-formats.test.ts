import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { parseTxt, readTxt } from '../src/adapters/importers/txt/read-txt';
import { readXlsx } from '../src/adapters/importers/xlsx/read-xlsx';
import { DEFAULT_LIMITS } from '../src/adapters/importers/limits';
import type { DocumentReaders } from '../src/app/ports';
import { importDocument } from '../src/app/import-document';
import { decodeEvaluationFile } from '../src/schema/evaluation-codec';
import { loadSeed, seedText } from './seed-fixtures';
import { compareEvaluation } from './compare-evaluations';
import { FORMAT_READERS } from './format-readers';

// Acceptance (issue 3): the same report in several formats gives the same evaluation. Each format's import
// is compared field by field with the gold fixture; every indicator row and amount must agree.

type FormatSeed = '001' | '004';
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/formats/${name}`, import.meta.url)));

async function evaluationsOf(bytes: Uint8Array, file: string, readers: DocumentReaders): Promise<Evaluation[]> {
  const result = await importDocument(bytes, file, readers, DEFAULT_LIMITS);
  expect(result.ok, result.error).toBe(true);
  const decoded = decodeEvaluationFile([result]);
  if (!decoded.ok) throw new Error(decoded.issues.map((i) => i.message).join('; '));
  return decoded.evaluations;
}

function mismatches(seed: FormatSeed, got: Evaluation[]) {
  const gold = loadSeed(seed);
  return gold.flatMap((g) => compareEvaluation(g, got.find((e) => e.kind === g.kind && e.title === g.title), `${seed}/${g.title}`)).filter((r) => !r.ok);
}

/** Seed 004's 自评表 as an Excel workbook, one sheet per table, as units publish them. */
async function seed004Workbook(): Promise<Uint8Array> {
  const doc = parseTxt(seedText('004'), '004.txt', DEFAULT_LIMITS);
  const wb = new ExcelJS.Workbook();
  let n = 0;
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'table') return;
    const title = doc.blocks[i - 1];
    const ws = wb.addWorksheet(`表${++n}`);
    if (title?.kind === 'paragraph') ws.addRow([title.text]);
    for (const row of b.rows) ws.addRow(row.map((c) => c.text));
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('one report, several formats', () => {
  it('seed 004 as .txt matches the gold fixture on every field', async () => {
    expect(mismatches('004', await evaluationsOf(new TextEncoder().encode(seedText('004')), '004.txt', { txt: readTxt }))).toEqual([]);
  });

  it('seed 004’s tables as .xlsx give the same 项目 evaluations (every indicator row and amount)', async () => {
    const got = await evaluationsOf(await seed004Workbook(), '004.xlsx', { xlsx: readXlsx });
    const gold = loadSeed('004').filter((e) => e.kind === 'project');
    const wrong = gold.flatMap((g) => compareEvaluation(g, got.find((e) => e.title === g.title), g.title)).filter((r) => !r.ok && !/year|stated\.grade/.test(r.field));
    expect(wrong).toEqual([]);
  });

  describe.each(['docx', 'pdf'] as const)('%s', (format) => {
    const reader = FORMAT_READERS[format];
    it.skipIf(!reader).each(['001', '004'] as const)(`seed %s as .${format} agrees with .txt on every indicator row and amount`, async (seed) => {
      const got = await evaluationsOf(fixture(`seed-${seed}.${format}`), `seed-${seed}.${format}`, { [format]: reader });
      expect(mismatches(seed, got)).toEqual([]);
    });
  });
});

