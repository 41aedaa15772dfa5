import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { importDocument } from '../../app/import-document';
import type { ImportResult } from '../../app/import-document';
import { DEFAULT_LIMITS } from '../../adapters/importers/limits';
import { CLI_READERS } from '../readers';
import type { CliIo } from '../io';
import { CliExit, EXIT_BAD_INPUT } from '../io';
import { SEVERITY_LABEL } from '../severity-label';

export interface ImportIo extends CliIo {
  /** Files under a path (recursively for a directory), or the path itself for a file. */
  readonly listFiles: (path: string) => Promise<string[]>;
  readonly readBytes: (path: string) => Promise<Uint8Array>;
  readonly mkdir: (path: string) => Promise<void>;
  readonly progress: (done: number, total: number, file: string) => void;
  /** Imports on worker threads (the real CLI); without it files are imported in this thread (tests). */
  readonly importFiles?: (files: readonly string[], jobs: number, progress: (done: number, total: number, file: string) => void) => Promise<ImportResult[]>;
}

function table(results: readonly ImportResult[]): string {
  return results
    .map((r) => {
      if (!r.ok) return `✗ ${r.error?.startsWith(r.file) ? r.error : `${r.file}：${r.error ?? '导入失败'}`}`;
      const rep = r.report;
      const head = `✓ ${r.file}：${rep?.unit ?? '（未识别单位）'} ${rep?.year ?? ''} 年度，${rep?.evaluations.length ?? 0} 个评价${rep?.totalScore ? `，自评 ${rep.totalScore} 分` : ''}${rep?.grade ? `（${rep.grade}）` : ''}`;
      const notes = r.findings.filter((f) => f.severity !== 'info').map((f) => `    [${SEVERITY_LABEL[f.severity]}] ${f.message}`);
      return [head, ...notes].join('\n');
    })
    .join('\n');
}

/** `jixiao import <file or directory>...`: one result per file; a bad file never stops the batch. */
export function registerImportCommand(program: Command, io: ImportIo): void {
  program
    .command('import')
    .description('导入已公开的自评报告（.txt .md；.docx .xlsx .pdf 陆续支持），提取评价、指标与所称数字')
    .argument('<paths...>', '文件或目录（目录递归读取）')
    .addOption(new Option('--format <format>', '输出格式').choices(['json', 'table']).default('json'))
    .option('--out <dir>', '每个文件的结果另存为 <dir>/<文件名>.json')
    .option('--jobs <n>', '同时处理的文件数', '2')
    .action(async (paths: string[], opts: { format: 'json' | 'table'; out?: string; jobs: string }) => {
      const jobs = Number(opts.jobs);
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
        io.stderr(`--jobs 应为 1–64 的整数，收到“${opts.jobs}”\n`);
        throw new CliExit(EXIT_BAD_INPUT);
      }
      const files: string[] = [];
      for (const p of paths) {
        try {
          files.push(...(await io.listFiles(p)));
        } catch {
          io.stderr(`无法读取 ${p}：文件或目录不存在\n`);
          throw new CliExit(EXIT_BAD_INPUT);
        }
      }
      const results: ImportResult[] = io.importFiles ? await io.importFiles(files, jobs, io.progress) : new Array(files.length);
      let next = io.importFiles ? files.length : 0;
      let done = 0;
      const worker = async () => {
        while (next < files.length) {
          const i = next++;
          const file = files[i] as string;
          let result: ImportResult;
          try {
            result = await importDocument(await io.readBytes(file), file, CLI_READERS, DEFAULT_LIMITS);
          } catch (e) {
            // A reader bug on one file must not lose the batch: report it as that file's failure.
            const message = `${file}：内部错误，未能导入（${(e as Error).message}）`;
            result = { file, ok: false, error: message, findings: [{ rule: 'import.internal-error', severity: 'error', message, location: { file } }] };
          }
          results[i] = result;
          io.progress(++done, files.length, file);
        }
      };
      await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, worker));
      if (opts.out) {
        await io.mkdir(opts.out);
        for (const r of results) await io.writeFile(join(opts.out, `${basename(r.file)}.json`), `${JSON.stringify(r, null, 2)}\n`);
      }
      io.stdout(opts.format === 'json' ? `${JSON.stringify(results, null, 2)}\n` : `${table(results)}\n`);
    });
}
