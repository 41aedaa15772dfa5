import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice, FONT_ALIASES, fontconfigXml } from './convert';

function installed(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

const hasSoffice = installed('soffice', ['--version']);
const hasPdffonts = installed('pdffonts', ['-v']);
const work = mkdtempSync(join(tmpdir(), 'jixiao-convert-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A small report in the fonts government documents name, none of which is installed here. */
async function sampleDocx(): Promise<Uint8Array> {
  const run = (text: string, font: string, size: number, bold = false) => new Paragraph({ children: [new TextRun({ text, font, size, bold })] });
  const doc = new Document({
    styles: { default: { document: { run: { font: '仿宋_GB2312', size: 32, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    sections: [
      {
        children: [
          run('部门整体支出绩效自评报告', '方正小标宋简体', 44),
          run('一、部门基本情况', '黑体', 32),
          run('（一）部门职能', '楷体_GB2312', 32, true),
          run('绩效评价的预算执行率为百分之百，项目资金全部按时拨付到位。', '仿宋_GB2312', 32),
          run('附表：项目支出绩效自评表', '宋体', 28),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The font names `pdffonts` lists for a PDF, without their subset prefixes ("BAAAAA+"). */
function pdfFonts(pdf: Uint8Array, name: string): string[] {
  const file = join(work, name);
  writeFileSync(file, pdf);
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter(Boolean)
    .map((font) => font.replace(/^[A-Z]{6}\+/, ''));
}

describe('fontconfigXml', () => {
  it('includes the system configuration first, then maps every document font to an installed one', () => {
    const xml = fontconfigXml('/etc/fonts/fonts.conf');
    expect(xml.indexOf('<include ignore_missing="yes">/etc/fonts/fonts.conf</include>')).toBeGreaterThan(0);
    expect(xml.indexOf('<include')).toBeLessThan(xml.indexOf('<alias'));
    for (const [family, substitute] of [
      ['方正小标宋简体', 'Noto Serif CJK SC'],
      ['仿宋_GB2312', 'Noto Serif CJK SC'],
      ['仿宋', 'Noto Serif CJK SC'],
      ['宋体', 'Noto Serif CJK SC'],
      ['黑体', 'Noto Sans CJK SC'],
      ['楷体_GB2312', 'AR PL UKai CN'],
      ['楷体', 'AR PL UKai CN'],
      ['Times New Roman', 'Liberation Serif'],
    ]) {
      expect(xml).toContain(`<alias binding="same"><family>${family}</family><prefer><family>${substitute}</family></prefer></alias>`);
    }
    expect(FONT_ALIASES.length).toBe(xml.match(/<alias /g)?.length);
  });
});

describe.skipIf(!hasSoffice)('convertWithLibreOffice (skipped: soffice is not installed)', () => {
  it.skipIf(!hasPdffonts)('renders 仿宋/宋体/方正小标宋 in Noto Serif CJK, 黑体 in Noto Sans CJK and 楷体 in UKai, never DejaVu Sans (skipped: pdffonts is not installed)', async () => {
    const result = await convertWithLibreOffice(await sampleDocx(), 'docx', 'pdf', 120_000);
    if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
    expect(new TextDecoder().decode(result.bytes.slice(0, 5))).toBe('%PDF-');
    const fonts = pdfFonts(result.bytes, 'fonts.pdf');
    expect(fonts.some((f) => /^NotoSerifCJK/.test(f)), fonts.join(', ')).toBe(true);
    expect(fonts.some((f) => /^NotoSansCJK/.test(f)), fonts.join(', ')).toBe(true);
    expect(fonts.some((f) => /UKai/i.test(f)), fonts.join(', ')).toBe(true);
    expect(fonts.filter((f) => /DejaVuSans/.test(f))).toEqual([]);
  }, 180_000);

  it('runs two conversions at once, each in its own profile, and both succeed', async () => {
    const docx = await sampleDocx();
    const [a, b] = await Promise.all([convertWithLibreOffice(docx, 'docx', 'pdf', 120_000), convertWithLibreOffice(docx, '.DOCX', 'pdf', 120_000)]);
    expect(a.ok && b.ok, JSON.stringify([a.ok || a, b.ok || b])).toBe(true);
    for (const r of [a, b]) if (r.ok) expect(new TextDecoder().decode(r.bytes.slice(0, 5))).toBe('%PDF-');
  }, 180_000);

  it('reports a file it cannot convert as failed', async () => {
    // A zip header and nothing of a document after it.
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('garbage, not a document')]);
    const result = await convertWithLibreOffice(broken, 'docx', 'pdf', 120_000);
    expect(result).toMatchObject({ ok: false, reason: 'failed' });
    if (!result.ok) expect(result.detail).not.toMatch(/javaldx/);
  }, 180_000);

  it('stops a conversion that runs past its time limit', async () => {
    const result = await convertWithLibreOffice(await sampleDocx(), 'docx', 'pdf', 50);
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
  }, 60_000);
});

describe('convertWithLibreOffice without LibreOffice', () => {
  it('says it is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(await convertWithLibreOffice(new Uint8Array([1]), 'doc', 'docx', 10_000)).toEqual({ ok: false, reason: 'missing', detail: '未安装 LibreOffice（soffice）' });
    } finally {
      process.env.PATH = path;
    }
  });
});
