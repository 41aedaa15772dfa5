import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FRAMEWORK_ID, findFramework } from '@jixiao/core';
import type { Framework, TableBlock } from '@jixiao/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../src/adapters/generators/docx/render-docx';
import { convertWithLibreOffice } from '../src/adapters/libreoffice/convert';
import { readDocx } from '../src/adapters/importers/docx/read-docx';
import { DEFAULT_LIMITS } from '../src/adapters/importers/limits';
import { loadSeed } from './seed-fixtures';
import { HAS_POPPLER, HAS_SOFFICE } from './system-tools';

// Acceptance (issue 5): seed 004 rendered to PDF with LibreOffice and then to PNG pages, kept under
// test-output/render/ (CI artifacts); the page count and the merged cells of the tables are checked.

const hasTools = HAS_SOFFICE && HAS_POPPLER;

const out = 'test-output/render';
let pdfPages = 0;
let pngs: string[] = [];
let tables: TableBlock[] = [];

describe.skipIf(!hasTools)('seed 004 rendered to PDF and PNG (skipped: soffice or pdftoppm is not installed)', () => {
  beforeAll(async () => {
    const evaluations = loadSeed('004');
    const framework = findFramework(evaluations[0]?.frameworkId ?? DEFAULT_FRAMEWORK_ID) as Framework;
    const docx = await renderDocx(evaluations, framework);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'seed-004.docx'), docx);
    const pdf = await convertWithLibreOffice(docx, 'docx', 'pdf', 180_000);
    if (!pdf.ok) throw new Error(pdf.detail);
    writeFileSync(join(out, 'seed-004.pdf'), pdf.bytes);
    pdfPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(out, 'seed-004.pdf')], { encoding: 'utf8' }))?.[1]);
    execFileSync('pdftoppm', ['-r', '50', '-png', join(out, 'seed-004.pdf'), join(out, 'page')]);
    pngs = readdirSync(out).filter((f) => f.endsWith('.png'));
    const model = await readDocx(docx, 'seed-004.docx', DEFAULT_LIMITS);
    tables = model.blocks.filter((b): b is TableBlock => b.kind === 'table');
  }, 240_000);

  it('makes one PNG per PDF page, for a report of 40 to 70 pages', () => {
    // GB/T 9704 sets 22 lines of 28 characters, 616 characters a page: seed 004's ten sections (about 9,900
    // characters with headings) take some 16–20 pages, and its ten tables in 5号 type 2–4 pages each. Measured: 53.
    expect(pdfPages).toBeGreaterThanOrEqual(40);
    expect(pdfPages).toBeLessThanOrEqual(70);
    expect(pngs).toHaveLength(pdfPages);
    expect(existsSync(join(out, pngs[0] as string))).toBe(true);
  });

  it('keeps the merged cells of the official tables in the .docx', () => {
    expect(tables).toHaveLength(10);
    const project = tables[2] as TableBlock;
    const cell = (text: string) => project.rows.flat().find((c) => c.text.replace(/\s/g, '') === text);
    // 业务工作经费: 10 indicator rows under one 绩效指标 cell (with its header row).
    expect(cell('绩效指标')?.rowSpan).toBe(11);
    expect(cell('产出指标（50分）')?.rowSpan).toBeGreaterThan(1);
    expect(cell('项目资金（万元）')?.rowSpan).toBeGreaterThan(1);
  });
});
