import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../limits';
import { readLegacy } from './read-legacy';

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();
const work = mkdtempSync(join(tmpdir(), 'jixiao-legacy-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!hasSoffice)('readLegacy with LibreOffice (skipped: soffice is not installed)', () => {
  it('converts a .doc (seed 001 saved as Word 97) and reads it like the .docx', async () => {
    const docx = fileURLToPath(new URL('../../../../test/fixtures/formats/seed-001.docx', import.meta.url));
    execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'doc', '--outdir', work, docx], { stdio: 'ignore', timeout: 180_000 });
    const bytes = new Uint8Array(readFileSync(join(work, 'seed-001.doc')));
    expect(Array.from(bytes.slice(0, 4))).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const doc = await readLegacy(bytes, 'seed-001.doc', DEFAULT_LIMITS);
    expect(doc.findings[0]).toMatchObject({ rule: 'import.converted', severity: 'info' });
    expect(doc.blocks.some((b) => b.kind !== 'table' && b.text.includes('全年报送《湖南信息》期数，年度指标值：≥400期，实际完成值：408期，分值3分，得分3分'))).toBe(true);
  });
});

describe('readLegacy without LibreOffice', () => {
  it('says LibreOffice is needed', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const doc = await readLegacy(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.doc', DEFAULT_LIMITS);
      expect(doc.blocks).toEqual([]);
      expect(doc.findings).toEqual([
        { rule: 'import.encrypted-or-legacy', severity: 'error', message: 'old.doc：这是旧版 Office 二进制文件（.doc/.xls/.wps），需要安装 LibreOffice 才能转换读取（或请提供 .docx/.xlsx）', location: { file: 'old.doc' } },
      ]);
    } finally {
      process.env.PATH = path;
    }
  });
});
