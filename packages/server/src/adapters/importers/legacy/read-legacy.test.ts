import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { OfficeConverter } from '../../../app/ports';
import { convertWithLibreOffice } from '../../libreoffice/convert';
import { DEFAULT_LIMITS } from '../limits';
import { legacyReader } from './read-legacy';

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

describe.skipIf(!hasSoffice)('legacyReader with LibreOffice (skipped: soffice is not installed)', () => {
  it('converts a .doc (seed 001 saved as Word 97) and reads it like the .docx', async () => {
    const docx = fileURLToPath(new URL('../../../../test/fixtures/formats/seed-001.docx', import.meta.url));
    execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'doc', '--outdir', work, docx], { stdio: 'ignore', timeout: 180_000 });
    const bytes = new Uint8Array(readFileSync(join(work, 'seed-001.doc')));
    expect(Array.from(bytes.slice(0, 4))).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const doc = await legacyReader(convertWithLibreOffice)(bytes, 'seed-001.doc', DEFAULT_LIMITS);
    expect(doc.findings[0]).toMatchObject({ rule: 'import.converted', severity: 'info' });
    expect(doc.blocks.some((b) => b.kind !== 'table' && b.text.includes('全年报送《湖南信息》期数，年度指标值：≥400期，实际完成值：408期，分值3分，得分3分'))).toBe(true);
  });
});

const hasCalc = hasSoffice && existsSync('/usr/lib/libreoffice/program/libsclo.so');

describe.skipIf(!hasCalc)('legacyReader with LibreOffice Calc (skipped: libreoffice-calc is not installed)', () => {
  it('converts an .xls (a 自评表 saved as Excel 97) and reads its table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('自评表');
    ws.addRow(['项目支出名称', '运行维护经费']);
    ws.addRow(['年度资金总额', 238.49, 400.03, 394]);
    writeFileSync(join(work, 'table.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile-calc`, '--headless', '--convert-to', 'xls', '--outdir', work, join(work, 'table.xlsx')], { stdio: 'ignore', timeout: 180_000 });
    const bytes = new Uint8Array(readFileSync(join(work, 'table.xls')));
    expect(Array.from(bytes.slice(0, 4))).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const doc = await legacyReader(convertWithLibreOffice)(bytes, 'table.xls', DEFAULT_LIMITS);
    expect(doc.format).toBe('xlsx');
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' ? table.rows.map((r) => r.map((c) => c.text)) : []).toEqual([
      ['项目支出名称', '运行维护经费', '', ''],
      ['年度资金总额', '238.49', '400.03', '394'],
    ]);
  });
});

describe('legacyReader without LibreOffice', () => {
  it('says LibreOffice is needed', async () => {
    const missing: OfficeConverter = async () => ({ ok: false, reason: 'missing', detail: '未安装 LibreOffice（soffice）' });
    const doc = await legacyReader(missing)(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.doc', DEFAULT_LIMITS);
    expect(doc.blocks).toEqual([]);
    expect(doc.findings).toEqual([
      { rule: 'import.encrypted-or-legacy', severity: 'error', message: 'old.doc：这是旧版 Office 二进制文件（.doc/.xls/.wps），需要安装 LibreOffice 才能转换读取（或请提供 .docx/.xlsx）', location: { file: 'old.doc' } },
    ]);
  });

  it('asks the converter for .xlsx for old workbooks and names a failed conversion', async () => {
    const calls: unknown[][] = [];
    const failing: OfficeConverter = async (...args) => {
      calls.push([args[1], args[2], args[3]]);
      return { ok: false, reason: 'failed', detail: '文件已加密' };
    };
    const doc = await legacyReader(failing)(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), '旧表.XLS', DEFAULT_LIMITS);
    expect(calls).toEqual([['xls', 'xlsx', DEFAULT_LIMITS.timeoutMs]]);
    expect(doc.format).toBe('xlsx');
    expect(doc.findings).toEqual([
      { rule: 'import.encrypted-or-legacy', severity: 'error', message: '旧表.XLS：无法转换这个旧版 Office 文件或加密文件（文件已加密）', location: { file: '旧表.XLS' } },
    ]);
  });
});
