// Import throughput per format on the seeds and the format fixtures; for PDF the time against poppler's
// `pdftotext -layout` on the same files in the same run (issue 3's goal: within 1.5×); and the audit of what each
// import produced as a share of that import (issue 4's goal: the audit adds under 20%).
//
// The import is timed as the CLI's import worker does it (stat, read the file, importDocument with the CLI's
// readers); the audit as an upload does it right after its import (auditImported on a fresh import result, whose
// model spares decoding its JSON), and, for comparison with earlier runs, the rules alone (auditReport on a decode
// made outside the timing). All three get the same warm-up and the same number of timed rounds, taken in
// alternating blocks so that a busy machine slows them alike; each figure is a median. Every audit round has an
// import (or a decode) of its own, so no analysis memoized for one round's evaluations can serve another.
import { execFileSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEFAULT_FRAMEWORK_ID, auditReport, dec, findFramework } from '@jixiao/core';
import type { Framework, ReportPart, Statement } from '@jixiao/core';
import { decodeEvaluationFile } from '../packages/server/src/schema/evaluation-codec';
import { importDocument } from '../packages/server/src/app/import-document';
import type { ImportResult } from '../packages/server/src/app/import-document';
import { auditImported } from '../packages/server/src/app/audit-file';
import { DEFAULT_LIMITS } from '../packages/server/src/adapters/importers/limits';
import { CLI_READERS } from '../packages/server/src/cli/readers';

const seeds = new URL('../packages/server/demo/', import.meta.url);
const formats = new URL('../packages/server/test/fixtures/formats/', import.meta.url);
// `tsx scripts/bench-import.ts 001 docx` times only the files whose names contain one of the arguments.
const only = process.argv.slice(2);
const files: [string, URL][] = [
  ...['000_f9e1903535bc2e24', '001_89c0cb00bebb9dcf', '002_e2faa60e7ec703ad', '003_3601ec7874285035', '004_cbe60655ee86d378'].map((s): [string, URL] => [`${s}.txt`, new URL(`${s}.txt`, seeds)]),
  ...['seed-001.docx', 'seed-004.docx', 'seed-001.pdf', 'seed-004.pdf'].map((f): [string, URL] => [f, new URL(f, formats)]),
].filter(([name]) => only.length === 0 || only.some((o) => name.includes(o)));

const median = (t: readonly number[]): number => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)] ?? Number.NaN;

/** Median of `rounds` runs after `warm` runs, for poppler (spawned, output discarded). */
function medianOf(warm: number, rounds: number, fn: () => unknown): number {
  for (let i = 0; i < warm; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

/** One file imported as the CLI's import worker does: size check on disk, read, import. */
async function importFile(url: URL, name: string): Promise<ImportResult> {
  await stat(url);
  return importDocument(new Uint8Array(await readFile(url)), name, CLI_READERS, DEFAULT_LIMITS);
}

const frameworkOf = (e: { frameworkId?: string }) => findFramework(e.frameworkId ?? DEFAULT_FRAMEWORK_ID) as Framework;

/** The rules alone on a fresh decode of an import's output (decoded here, outside the timing). */
function rulesInput(result: ImportResult) {
  const decoded = decodeEvaluationFile({ evaluations: result.report?.evaluations ?? [] });
  if (!decoded.ok) return undefined;
  const statements = ((result.report?.statements ?? []) as { value: string }[]).map((s) => ({ ...s, value: dec(s.value) })) as unknown as Statement[];
  return { evaluations: decoded.evaluations, statements, frameworkOf, parts: (result.report?.parts ?? []) as ReportPart[] };
}

let hasPoppler = true;
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  hasPoppler = false;
}

let importTotal = 0;
let auditTotal = 0;
const byFormat = new Map<string, { files: number; importMs: number; auditMs: number; rulesMs: number }>();
let rulesTotal = 0;
console.log(`Node ${process.version}, load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('');
console.log('| file | KB | evaluations | rounds | import ms | audit ms | audit ÷ import | rules ms | rules ÷ import | pdftotext -layout ms | × pdftotext |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const [name, url] of files) {
  const kb = ((await stat(url)).size / 1024).toFixed(0);
  let result = await importFile(url, name);
  // Rounds from a warm import's time: about 2 s of importing per file, between 10 and 100 rounds.
  await importFile(url, name);
  const probe = performance.now();
  await importFile(url, name);
  const rounds = Math.max(10, Math.min(100, Math.round(2000 / (performance.now() - probe))));
  // Blocks of at least 5: the first audit after an import runs on caches the import has just filled.
  const block = Math.max(5, Math.round(rounds / 10));
  const timeImport = async () => {
    const t0 = performance.now();
    result = await importFile(url, name);
    return performance.now() - t0;
  };
  // Each audit gets an import of its own (untimed), as an upload does: an import result carries the model it was
  // encoded from, and auditing the same result twice would find the first audit's memoized analyses.
  const timeAudit = async () => {
    const fresh = await importFile(url, name);
    const t0 = performance.now();
    auditImported(fresh);
    return performance.now() - t0;
  };
  const timeRules = () => {
    const input = rulesInput(result);
    if (!input) return Number.NaN;
    const t0 = performance.now();
    auditReport(input);
    return performance.now() - t0;
  };
  const ti: number[] = [];
  const ta: number[] = [];
  const tr: number[] = [];
  // Warm-up (half as many rounds again, for each of the three), then alternating blocks of timed rounds.
  for (let i = 0; i < Math.max(5, rounds >> 1); i++) {
    await timeImport();
    await timeAudit();
    timeRules();
  }
  while (ti.length < rounds) {
    for (let i = 0; i < block; i++) ti.push(await timeImport());
    for (let i = 0; i < block; i++) ta.push(await timeAudit());
    for (let i = 0; i < block; i++) tr.push(timeRules());
  }
  const [importMs, auditMs, rulesMs] = [median(ti), median(ta), median(tr)];
  let poppler = '';
  let ratio = '';
  if (name.endsWith('.pdf') && hasPoppler) {
    const p = medianOf(3, 5, () => execFileSync('pdftotext', ['-layout', url.pathname, '-'], { stdio: ['ignore', 'ignore', 'ignore'] }));
    poppler = p.toFixed(1);
    ratio = (importMs / p).toFixed(2);
  } else if (name.endsWith('.pdf')) {
    poppler = '(no pdftotext)';
  }
  importTotal += importMs;
  auditTotal += auditMs;
  rulesTotal += rulesMs;
  const format = name.slice(name.lastIndexOf('.'));
  const sums = byFormat.get(format) ?? { files: 0, importMs: 0, auditMs: 0, rulesMs: 0 };
  byFormat.set(format, { files: sums.files + 1, importMs: sums.importMs + importMs, auditMs: sums.auditMs + auditMs, rulesMs: sums.rulesMs + rulesMs });
  const pct = (ms: number) => `${((100 * ms) / importMs).toFixed(1)}%`;
  console.log(
    `| ${name} | ${kb} | ${result.report?.evaluations.length ?? 0} | ${ti.length} | ${importMs.toFixed(2)} | ${auditMs.toFixed(2)} | ${pct(auditMs)} | ${rulesMs.toFixed(2)} | ${pct(rulesMs)} | ${poppler} | ${ratio} |`,
  );
}
// Per format as well: the PDFs' imports are so long that the whole corpus says little about the text files.
for (const [format, t] of byFormat) {
  if (t.files < 2) continue;
  const of = (ms: number) => `${((100 * ms) / t.importMs).toFixed(1)}%`;
  console.log(`| the ${t.files} ${format} files together | | | | ${t.importMs.toFixed(1)} | ${t.auditMs.toFixed(1)} | ${of(t.auditMs)} | ${t.rulesMs.toFixed(1)} | ${of(t.rulesMs)} | | |`);
}
const share = (ms: number) => `${((100 * ms) / importTotal).toFixed(1)}%`;
console.log(`| all files | | | | ${importTotal.toFixed(1)} | ${auditTotal.toFixed(1)} | ${share(auditTotal)} | ${rulesTotal.toFixed(1)} | ${share(rulesTotal)} | | |`);
