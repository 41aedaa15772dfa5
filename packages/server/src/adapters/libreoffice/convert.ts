import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConvertResult, OfficeConverter } from '../../app/ports';

/**
 * The one use of LibreOffice (`soffice --headless --convert-to`): old binary Office files to .docx/.xlsx for the
 * importers, generated .docx to .pdf for export. Both reach it through the `OfficeConverter` port; cli and http
 * wire this implementation in.
 *
 * - Each conversion runs in its own temporary directory with its own LibreOffice profile: two conversions
 *   sharing a profile fail (stack-notes §2), so concurrent calls are safe.
 * - Government documents name fonts that Linux does not have (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312,
 *   宋体). Without help fontconfig answers DejaVu Sans for all of them, and a 仿宋 body prints in a sans font.
 *   Each conversion therefore gets a fontconfig file (FONTCONFIG_FILE) that includes the system's and maps
 *   those names to the installed CJK fonts of the same style (FONT_ALIASES).
 * - The conversion is bounded by a timeout (the whole process group is killed: soffice is a launcher that
 *   forks soffice.bin) and leaves nothing behind.
 */

/** Font names used by the documents → the installed family of the same style (serif 宋/仿宋, sans 黑, 楷). */
export const FONT_ALIASES: ReadonlyArray<readonly [family: string, substitute: string]> = [
  ['方正小标宋简体', 'Noto Serif CJK SC'],
  ['方正小标宋_GBK', 'Noto Serif CJK SC'],
  ['仿宋_GB2312', 'Noto Serif CJK SC'],
  ['仿宋', 'Noto Serif CJK SC'],
  ['宋体', 'Noto Serif CJK SC'],
  ['SimSun', 'Noto Serif CJK SC'],
  ['FangSong', 'Noto Serif CJK SC'],
  ['黑体', 'Noto Sans CJK SC'],
  ['SimHei', 'Noto Sans CJK SC'],
  ['楷体_GB2312', 'AR PL UKai CN'],
  ['楷体', 'AR PL UKai CN'],
  ['KaiTi', 'AR PL UKai CN'],
  ['Times New Roman', 'Liberation Serif'],
];

const SYSTEM_FONTCONFIG = '/etc/fonts/fonts.conf';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A fontconfig file: the system's configuration first, then one `<alias binding="same">` per FONT_ALIASES entry. */
export function fontconfigXml(system: string = SYSTEM_FONTCONFIG): string {
  const aliases = FONT_ALIASES.map(
    ([family, substitute]) => `  <alias binding="same"><family>${escapeXml(family)}</family><prefer><family>${escapeXml(substitute)}</family></prefer></alias>`,
  );
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    `  <include ignore_missing="yes">${escapeXml(system)}</include>`,
    ...aliases,
    '</fontconfig>',
    '',
  ].join('\n');
}

type Run = { readonly kind: 'missing' } | { readonly kind: 'timeout' } | { readonly kind: 'exited'; readonly code: number; readonly stderr: string };

const MAX_STDERR = 4096;

function runSoffice(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (run: Run) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(run);
    };
    // Its own process group, so that a timeout kills soffice.bin too, not only the launcher script.
    const child = spawn('soffice', args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (stderr.length < MAX_STDERR) stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      settle(error.code === 'ENOENT' ? { kind: 'missing' } : { kind: 'exited', code: 1, stderr: error.message });
    });
    child.on('close', (code) => {
      settle(timedOut ? { kind: 'timeout' } : { kind: 'exited', code: code ?? 1, stderr });
    });
  });
}

export const convertWithLibreOffice: OfficeConverter = async (input, inputExt, target, timeoutMs): Promise<ConvertResult> => {
  const ext = inputExt.replace(/^\./, '').toLowerCase().replace(/[^a-z0-9]/g, '') || 'bin';
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-lo-'));
  try {
    const file = join(dir, `input.${ext}`);
    const out = join(dir, 'out');
    const fontconfig = join(dir, 'fonts.conf');
    await writeFile(file, input);
    await writeFile(fontconfig, fontconfigXml());
    const run = await runSoffice(
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--nologo', '--convert-to', target, '--outdir', out, file],
      { ...process.env, FONTCONFIG_FILE: fontconfig },
      timeoutMs,
    );
    if (run.kind === 'missing') return { ok: false, reason: 'missing', detail: '未安装 LibreOffice（soffice）' };
    if (run.kind === 'timeout') return { ok: false, reason: 'timeout', detail: `转换超过 ${Math.round(timeoutMs / 1000)} 秒` };
    const produced = (await readdir(out).catch(() => [] as string[])).find((f) => f.endsWith(`.${target}`));
    if (!produced) {
      // LibreOffice's own words, without the Java warning it prints on every run.
      const said = run.stderr
        .split('\n')
        .filter((line) => line.trim() && !/javaldx/.test(line))
        .join('\n')
        .trim();
      return { ok: false, reason: 'failed', detail: said.slice(0, 200) || 'LibreOffice 未能转换该文件（可能已加密或已损坏）' };
    }
    return { ok: true, bytes: new Uint8Array(await readFile(join(out, produced))) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
