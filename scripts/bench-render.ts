// Time to generate a report with ten project tables, as a ratio of LibreOffice's conversion of the same
// .docx to PDF in the same run (issue 5's goal: under 0.2×). Without LibreOffice only the render is timed.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_FRAMEWORK_ID, findFramework } from '@jixiao/core';
import type { Framework } from '@jixiao/core';
import { decodeEvaluationFile } from '../packages/server/src/schema/evaluation-codec';
import { renderDocx } from '../packages/server/src/adapters/generators/docx/render-docx';
import { renderXlsx } from '../packages/server/src/adapters/generators/xlsx/render-xlsx';
import { convertWithLibreOffice } from '../packages/server/src/adapters/libreoffice/convert';

const decoded = decodeEvaluationFile(JSON.parse(readFileSync(new URL('../packages/server/test/fixtures/seeds/seed-004.json', import.meta.url), 'utf8')));
if (!decoded.ok) throw new Error('fixture');
const [department, ...projects] = decoded.evaluations;
if (!department) throw new Error('fixture');
// Seed 004 has eight project tables; two more (copies with their own titles) make ten.
const ten = [...projects, ...projects.slice(0, 2).map((p, i) => ({ ...p, title: `${p.title}（续${i + 1}）` }))];
const evaluations = [department, ...ten];
const framework = findFramework(department.frameworkId ?? DEFAULT_FRAMEWORK_ID) as Framework;

async function median(rounds: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const t: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(t.length / 2)] ?? Number.NaN;
}

const docx = await renderDocx(evaluations, framework);
const renderMs = await median(9, () => renderDocx(evaluations, framework));
const xlsxMs = await median(9, () => renderXlsx(evaluations));
const probe = await convertWithLibreOffice(docx, 'docx', 'pdf', 180_000);
console.log(`report with ${ten.length} project tables: ${(docx.byteLength / 1024).toFixed(0)} KB .docx`);
console.log('| step | ms | × LibreOffice .docx → PDF |');
console.log('|---|---|---|');
if (probe.ok) {
  const loMs = await median(3, () => convertWithLibreOffice(docx, 'docx', 'pdf', 180_000));
  console.log(`| render .docx | ${renderMs.toFixed(1)} | ${(renderMs / loMs).toFixed(3)} |`);
  console.log(`| render .xlsx | ${xlsxMs.toFixed(1)} | ${(xlsxMs / loMs).toFixed(3)} |`);
  console.log(`| LibreOffice .docx → PDF (baseline) | ${loMs.toFixed(0)} | 1 |`);
} else {
  console.log(`| render .docx | ${renderMs.toFixed(1)} | (LibreOffice: ${probe.detail}) |`);
  console.log(`| render .xlsx | ${xlsxMs.toFixed(1)} | |`);
}
