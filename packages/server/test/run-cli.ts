import type { CliIo } from '../src/cli/io';
import { CliExit } from '../src/cli/io';
import { createProgram } from '../src/cli/program';
import { CommanderError } from 'commander';
import { readFile } from 'node:fs/promises';

/** Runs `jixiao …` in-process with captured output, as main.ts would, and returns what a shell would see. */
export async function runCli(args: string[], files: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string; written: Record<string, string> }> {
  let stdout = '';
  let stderr = '';
  const written: Record<string, string> = {};
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: async (p) => (p in files ? (files[p] as string) : readFile(p, 'utf8')),
    writeFile: async (p, t) => void (written[p] = t),
  };
  let code = 0;
  try {
    await createProgram(io).exitOverride().parseAsync(['node', 'jixiao', ...args]);
  } catch (e) {
    if (e instanceof CliExit) code = e.exitCode;
    else if (e instanceof CommanderError) code = e.exitCode === 0 ? 0 : 2;
    else throw e;
  }
  return { code, stdout, stderr, written };
}
