// Import throughput per format on the seeds and the format fixtures, and for PDF the time against
// poppler's `pdftotext -layout` on the same files in the same run (issue 3's goal: within 1.5×).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_FRAMEWORK_ID, auditReport, dec, findFramework } from '@jixiao/core';
import type { DocumentFormat, Framework } from '@jixiao/core';
import { decodeEvaluationFile } from '../packages/server/src/schema/evaluation-codec';
import { importDocument } from '../packages/server/src/app/import-document';
import type { DocumentReaders } from '../packages/server/src/app/ports';
import { DEFAULT_LIMITS } from '../packages/server/src/adapters/importers/limits';
import { readTxt } from '../packages/server/src/adapters/importers/txt/read-txt';
import { readXlsx } from '../packages/server/src/adapters/importers/xlsx/read-xlsx';

const readers: DocumentReaders = { txt: readTxt, xlsx: readXlsx };
for (const [format, path, name] of [
  ['docx', '../packages/server/src/adapters/importers/docx/read-docx.ts', 'readDocx'],
  ['pdf', '../packages/server/src/adapters/importers/pdf/read-pdf.ts', 'readPdf'],
] as const) {
  if (existsSync(new URL(path, import.meta.url))) readers[format as DocumentFormat] = ((await import(path)) as Record<string, never>)[name];
}

const seeds = new URL('../../shared/seeds/', import.meta.url);
const formats = new URL('../packages/server/test/fixtures/formats/', import.meta.url);
const files: [string, URL][] = [
  ...['000_f9e1903535bc2e24', '001_89c0cb00bebb9dcf', '002_e2faa60e7ec703ad', '003_3601ec7874285035', '004_cbe60655ee86d378'].map((s): [string, URL] => [`${s}.txt`, new URL(`${s}.txt`, seeds)]),
  ...['seed-001.docx', 'seed-004.docx', 'seed-001.pdf', 'seed-004.pdf'].map((f): [string, URL] => [f, new URL(f, formats)]),
];

async function median(rounds: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)] ?? Number.NaN;
}

let importTotal = 0;
let auditTotal = 0;
console.log('| file | KB | import ms | evaluations | audit ms | audit ÷ import | pdftotext -layout ms | × pdftotext |');
console.log('|---|---|---|---|---|---|---|---|');
const frameworkOf = (e: { frameworkId?: string }) => findFramework(e.frameworkId ?? DEFAULT_FRAMEWORK_ID) as Framework;
for (const [name, url] of files) {
  const bytes = new Uint8Array(readFileSync(url));
  const format = name.split('.').pop() as DocumentFormat;
  if (!readers[format]) {
    console.log(`| ${name} | ${(bytes.byteLength / 1024).toFixed(0)} | (no reader yet) | | | | | |`);
    continue;
  }
  let evaluations = 0;
  const ms = await median(5, async () => {
    const r = await importDocument(bytes, name, readers, DEFAULT_LIMITS);
    evaluations = r.report?.evaluations.length ?? 0;
  });
  // The audit of the same file, on what the import produced (evaluations and stated figures).
  // Each round audits a fresh decode (as a real import would hand it over), decoded outside the timing.
  const imported = await importDocument(bytes, name, readers, DEFAULT_LIMITS);
  const statements = ((imported.report?.statements ?? []) as { value: string }[]).map((x) => ({ ...x, value: dec(x.value) })) as never;
  const copies = Array.from({ length: 12 }, () => decodeEvaluationFile([imported]));
  let round = 0;
  const auditMs = copies.every((c) => c.ok)
    ? await median(9, () => {
        const c = copies[round++];
        if (c?.ok) auditReport({ evaluations: c.evaluations, statements, frameworkOf });
      })
    : Number.NaN;
  let poppler = '';
  let ratio = '';
  if (format === 'pdf') {
    const p = await median(5, () => execFileSync('pdftotext', ['-layout', url.pathname, '-'], { stdio: ['ignore', 'ignore', 'ignore'] }));
    poppler = p.toFixed(1);
    ratio = (ms / p).toFixed(2);
  }
  importTotal += ms;
  auditTotal += auditMs;
  console.log(`| ${name} | ${(bytes.byteLength / 1024).toFixed(0)} | ${ms.toFixed(1)} | ${evaluations} | ${auditMs.toFixed(1)} | ${((100 * auditMs) / ms).toFixed(0)}% | ${poppler} | ${ratio} |`);
}
console.log(`| all files | | ${importTotal.toFixed(1)} | | ${auditTotal.toFixed(1)} | ${((100 * auditTotal) / importTotal).toFixed(1)}% | | |`);
