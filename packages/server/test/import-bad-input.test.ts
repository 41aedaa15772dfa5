import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportPool } from '../src/cli/import-pool';
import type { ImportResult } from '../src/app/import-document';
import { HAS_POPPLER, HAS_SOFFICE } from './system-tools';

// Acceptance (issue 3): each kind of bad input gets a clear finding within the limits, and the other files
// in the same batch import normally. One real batch on the worker pool, bad files between good ones.

const dir = mkdtempSync(join(tmpdir(), 'jixiao-bad-'));
const seed = (name: string) => readFileSync(new URL(`../demo/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(new URL(`./fixtures/formats/${name}`, import.meta.url));
let results: ImportResult[] = [];

const hasTools = HAS_SOFFICE && HAS_POPPLER;

/** An encrypted PDF (LibreOffice's export with an open password) and a scan (a page rendered to PNG, then made a PDF). */
async function makePdfs() {
  const profile = `-env:UserInstallation=file://${dir}/profile`;
  const fixturePath = new URL('./fixtures/formats/seed-001.docx', import.meta.url).pathname;
  const password = JSON.stringify({ EncryptFile: { type: 'boolean', value: 'true' }, DocumentOpenPassword: { type: 'string', value: 'x' } });
  execFileSync('soffice', [profile, '--headless', '--convert-to', `pdf:writer_pdf_Export:${password}`, '--outdir', join(dir, 'enc'), fixturePath], { stdio: 'ignore', timeout: 180_000 });
  copyFileSync(join(dir, 'enc', 'seed-001.pdf'), join(dir, '09-encrypted.pdf'));
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', new URL('./fixtures/formats/seed-001.pdf', import.meta.url).pathname, join(dir, 'page')]);
  const png = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png')) as string;
  const scan = new Document({ sections: [{ children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: readFileSync(join(dir, png)), transformation: { width: 420, height: 594 } })] })] }] });
  writeFileSync(join(dir, 'scan.docx'), await Packer.toBuffer(scan));
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'scan'), join(dir, 'scan.docx')], { stdio: 'ignore', timeout: 180_000 });
  copyFileSync(join(dir, 'scan', 'scan.pdf'), join(dir, '10-scanned.pdf'));
}

beforeAll(async () => {
  const files: [string, () => Promise<void> | void][] = [
    ['01-good.txt', () => writeFileSync(join(dir, '01-good.txt'), seed('001_89c0cb00bebb9dcf.txt'))],
    ['02-empty.docx', () => writeFileSync(join(dir, '02-empty.docx'), '')],
    ['03-truncated.docx', () => writeFileSync(join(dir, '03-truncated.docx'), fixture('seed-004.docx').subarray(0, 20_000))],
    [
      '04-bomb.docx',
      async () => {
        // 120 MB of spaces as the document: 1000× its zipped size.
        const zip = new JSZip();
        zip.file('[Content_Types].xml', '<Types/>');
        zip.file('word/document.xml', ' '.repeat(120 * 1024 * 1024));
        writeFileSync(join(dir, '04-bomb.docx'), await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
      },
    ],
    ['05-program.pdf', () => writeFileSync(join(dir, '05-program.pdf'), Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(4096, 7)]))],
    [
      '06-huge.txt',
      () => {
        // 200 MB, sparse on disk: refused by its size before it is read.
        writeFileSync(join(dir, '06-huge.txt'), '');
        truncateSync(join(dir, '06-huge.txt'), 200 * 1024 * 1024);
      },
    ],
    ['07-rows.txt', () => writeFileSync(join(dir, '07-rows.txt'), Array.from({ length: 50_000 }, (_, i) => `项目${i}\t${i}\t${i * 2}`).join('\n'))],
    ['08-good.docx', () => writeFileSync(join(dir, '08-good.docx'), fixture('seed-004.docx'))],
  ];
  if (hasTools) files.push(['09-encrypted.pdf', makePdfs], ['10-scanned.pdf', () => {}]);
  for (const [, make] of files) await make();
  results = await runImportPool(
    files.map(([name]) => join(dir, name)),
    { jobs: 2, timeoutMs: 60_000, maxMemoryMb: 1024 },
    () => {},
  );
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const byName = (name: string) => results.find((r) => r.file.endsWith(name));

describe('a batch with bad files', () => {
  it('imports the good files normally', () => {
    expect(byName('01-good.txt')?.report?.unit).toBe('湖南省人民政府办公厅');
    expect(byName('08-good.docx')?.report?.evaluations).toHaveLength(9);
  });

  it.each([
    ['02-empty.docx', 'import.empty-file', '文件为空'],
    ['03-truncated.docx', 'import.docx.corrupt', ''],
    ['04-bomb.docx', 'import.zip-bomb', '压缩炸弹'],
    ['05-program.pdf', '', ''],
    ['06-huge.txt', 'import.too-large', '超过上限 50 MB'],
  ])('%s → %s', (name, rule, words) => {
    const r = byName(name);
    expect(r?.ok).toBe(false);
    if (rule) expect(r?.findings.map((f) => f.rule)).toContain(rule);
    expect(r?.findings[0]?.message).toContain(name);
    if (words) expect(r?.findings.map((f) => f.message).join()).toContain(words);
  });

  it.skipIf(!hasTools)('reports an encrypted PDF and a scanned PDF, each with what to do (skipped: no soffice/pdftoppm)', () => {
    expect(byName('09-encrypted.pdf')?.findings[0]).toMatchObject({ rule: 'import.pdf.encrypted' });
    expect(byName('09-encrypted.pdf')?.findings[0]?.message).toContain('请提供未加密的文件');
    expect(byName('10-scanned.pdf')?.findings[0]).toMatchObject({ rule: 'import.pdf.no-text' });
    expect(byName('10-scanned.pdf')?.findings[0]?.message).toContain('OCR');
  });

  it('keeps the first 5,000 rows of a 50,000-row table, with a warning', () => {
    const r = byName('07-rows.txt');
    expect(r?.findings.map((f) => f.rule)).toContain('import.table-truncated');
  });
});
