import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Converts an old binary Office file (.doc/.wps/.xls/.et) to .docx/.xlsx with LibreOffice, when it is
 * installed. Each conversion gets its own profile directory: two conversions sharing one fail (stack-notes
 * §2). The conversion is bounded by a timeout and leaves nothing behind.
 */
export type ConvertResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly reason: 'missing' | 'failed' | 'timeout'; readonly detail: string };

export async function convertWithLibreOffice(bytes: Uint8Array, ext: string, target: 'docx' | 'xlsx', timeoutMs: number): Promise<ConvertResult> {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-lo-'));
  try {
    const input = join(dir, `input.${ext}`);
    await writeFile(input, bytes);
    const out = join(dir, 'out');
    const run = await new Promise<{ code: 'ENOENT' | 'TIMEOUT' | number; stderr: string }>((resolve) => {
      execFile(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', target, '--outdir', out, input],
        { timeout: timeoutMs, killSignal: 'SIGKILL' },
        (error, _stdout, stderr) => {
          const e = error as (NodeJS.ErrnoException & { killed?: boolean }) | null;
          if (e?.code === 'ENOENT') resolve({ code: 'ENOENT', stderr: '' });
          else if (e?.killed) resolve({ code: 'TIMEOUT', stderr });
          else resolve({ code: e ? Number(e.code ?? 1) : 0, stderr: String(stderr) });
        },
      );
    });
    if (run.code === 'ENOENT') return { ok: false, reason: 'missing', detail: '未安装 LibreOffice（soffice）' };
    if (run.code === 'TIMEOUT') return { ok: false, reason: 'timeout', detail: `转换超过 ${Math.round(timeoutMs / 1000)} 秒` };
    const produced = (await readdir(out).catch(() => [] as string[])).find((f) => f.endsWith(`.${target}`));
    if (!produced) return { ok: false, reason: 'failed', detail: run.stderr.trim().slice(0, 200) || 'LibreOffice 未能转换该文件（可能已加密或已损坏）' };
    return { ok: true, bytes: new Uint8Array(await readFile(join(out, produced))) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
