import type { ImportIo } from '../src/cli/commands/import';
import { CliExit } from '../src/cli/io';
import { createProgram } from '../src/cli/program';
import { CommanderError } from 'commander';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Runs `jixiao …` in-process with captured output, as main.ts would, and returns what a shell would see. */
export async function runCli(
  args: string[],
  files: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string; written: Record<string, string>; bytes: Record<string, Uint8Array> }> {
  let stdout = '';
  let stderr = '';
  const written: Record<string, string> = {};
  const bytes: Record<string, Uint8Array> = {};
  const io: ImportIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: async (p) => (p in files ? (files[p] as string) : readFile(p, 'utf8')),
    writeFile: async (p, t) => void (written[p] = t),
    writeBytes: async (p, b) => void (bytes[p] = b),
    listFiles: async (p) => {
      const inDir = Object.keys(files).filter((f) => f.startsWith(`${p}/`));
      if (inDir.length) return inDir.sort();
      if (p in files) return [p];
      const s = await stat(p);
      if (s.isDirectory()) return (await readdir(p)).sort().map((n) => join(p, n));
      return [p];
    },
    readBytes: async (p) => (p in files ? new TextEncoder().encode(files[p] as string) : new Uint8Array(await readFile(p))),
    mkdir: async () => {},
    progress: () => {},
  };
  let code = 0;
  try {
    await createProgram(io).exitOverride().parseAsync(['node', 'jixiao', ...args]);
  } catch (e) {
    if (e instanceof CliExit) code = e.exitCode;
    else if (e instanceof CommanderError) code = e.exitCode === 0 ? 0 : 2;
    else throw e;
  }
  return { code, stdout, stderr, written, bytes };
}
