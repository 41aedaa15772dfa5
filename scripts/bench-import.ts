// Import throughput per format on the seeds and the format fixtures, and for PDF the time against
// poppler's `pdftotext -layout` on the same files in the same run (issue 3's goal: within 1.5×).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { DocumentFormat } from '@jixiao/core';
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
  await fn();
  const t: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)] ?? Number.NaN;
}

console.log('| file | KB | import ms | evaluations | pdftotext -layout ms | × pdftotext |');
console.log('|---|---|---|---|---|---|');
for (const [name, url] of files) {
  const bytes = new Uint8Array(readFileSync(url));
  const format = name.split('.').pop() as DocumentFormat;
  if (!readers[format]) {
    console.log(`| ${name} | ${(bytes.byteLength / 1024).toFixed(0)} | (no reader yet) | | | |`);
    continue;
  }
  let evaluations = 0;
  const ms = await median(5, async () => {
    const r = await importDocument(bytes, name, readers, DEFAULT_LIMITS);
    evaluations = r.report?.evaluations.length ?? 0;
  });
  let poppler = '';
  let ratio = '';
  if (format === 'pdf') {
    const p = await median(5, () => execFileSync('pdftotext', ['-layout', url.pathname, '-'], { stdio: ['ignore', 'ignore', 'ignore'] }));
    poppler = p.toFixed(1);
    ratio = (ms / p).toFixed(2);
  }
  console.log(`| ${name} | ${(bytes.byteLength / 1024).toFixed(0)} | ${ms.toFixed(1)} | ${evaluations} | ${poppler} | ${ratio} |`);
}
