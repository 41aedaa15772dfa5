import type { ImportResult } from '../app/import-document';
import { importDocument } from '../app/import-document';
import { DEFAULT_LIMITS } from '../adapters/importers/limits';
import type { CliIo } from './io';
import { CliExit, EXIT_BAD_INPUT } from './io';
import { CLI_READERS } from './readers';

/** What the commands that import files (import, audit) need from the outside world. */
export interface ImportIo extends CliIo {
  /** Files under a path (recursively for a directory), or the path itself for a file. */
  readonly listFiles: (path: string) => Promise<string[]>;
  readonly readBytes: (path: string) => Promise<Uint8Array>;
  readonly mkdir: (path: string) => Promise<void>;
  readonly progress: (done: number, total: number, file: string) => void;
  /** Imports on worker threads (the real CLI); without it files are imported in this thread (tests). */
  readonly importFiles?: (files: readonly string[], jobs: number, progress: (done: number, total: number, file: string) => void) => Promise<ImportResult[]>;
}

/** `--jobs`: a whole number from 1 to 64, or exit 2 with the reason. */
export function parseJobs(io: CliIo, value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
    io.stderr(`--jobs 应为 1–64 的整数，收到“${value}”\n`);
    throw new CliExit(EXIT_BAD_INPUT);
  }
  return jobs;
}

/** Every file under the paths (directories recursively), or exit 2 naming the path that does not exist. */
export async function listAll(io: ImportIo, paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    try {
      files.push(...(await io.listFiles(p)));
    } catch {
      io.stderr(`无法读取 ${p}：文件或目录不存在\n`);
      throw new CliExit(EXIT_BAD_INPUT);
    }
  }
  return files;
}

/** Imports the files (on worker threads in the real CLI, in this thread in tests), one result each, in order. */
export async function importAll(io: ImportIo, files: readonly string[], jobs: number): Promise<ImportResult[]> {
  if (files.length === 0) return [];
  if (io.importFiles) return io.importFiles(files, jobs, io.progress);
  const results: ImportResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i] as string;
      try {
        results[i] = await importDocument(await io.readBytes(file), file, CLI_READERS, DEFAULT_LIMITS);
      } catch (e) {
        // A reader bug on one file must not lose the batch: report it as that file's failure.
        const message = `${file}：内部错误，未能导入（${(e as Error).message}）`;
        results[i] = { file, ok: false, error: message, findings: [{ rule: 'import.internal-error', severity: 'error', message, location: { file } }] };
      }
      io.progress(++done, files.length, file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, lane));
  return results;
}
