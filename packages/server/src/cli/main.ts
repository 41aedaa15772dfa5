import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { JixiaoError } from '@jixiao/core';
import { createProgram } from './program';
import { CliExit, EXIT_BAD_INPUT, EXIT_BUG } from './io';
import type { ImportIo } from './commands/import';
import { runImportPool } from './import-pool';
import { DEFAULT_LIMITS } from '../adapters/importers/limits';

async function listFiles(path: string): Promise<string[]> {
  const s = await stat(path);
  if (!s.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => (e.isDirectory() ? listFiles(join(path, e.name)) : Promise.resolve([join(path, e.name)]))),
  );
  return nested.flat();
}

const io: ImportIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readFile: (p) => readFile(p, 'utf8'),
  writeFile: (p, t) => writeFile(p, t, 'utf8'),
  writeBytes: (p, b) => writeFile(p, b),
  listFiles,
  readBytes: async (p) => new Uint8Array(await readFile(p)),
  mkdir: async (p) => void (await mkdir(p, { recursive: true })),
  importFiles: (files, jobs, progress) => runImportPool(files, { jobs, timeoutMs: DEFAULT_LIMITS.timeoutMs, maxMemoryMb: 1024 }, progress),
  // A progress bar for batches, only on a terminal: logs stay clean.
  progress: (done, total, file) => {
    if (total < 2 || !process.stderr.isTTY) return;
    const width = 24;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${file.slice(-40).padEnd(40)}${done === total ? '\n' : ''}`);
  },
};

try {
  await createProgram(io).exitOverride().parseAsync(process.argv);
} catch (e) {
  if (e instanceof CliExit) process.exitCode = e.exitCode;
  else if (e instanceof CommanderError) process.exitCode = e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
  else {
    const code = e instanceof JixiaoError ? e.code : 'UNEXPECTED';
    io.stderr(`内部错误 [${code}]：${(e as Error).message}\n请把这条信息报告给开发者。\n`);
    process.exitCode = EXIT_BUG;
  }
}
