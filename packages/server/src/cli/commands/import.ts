import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { ImportResult } from '../../app/import-document';
import type { ImportIo } from '../import-files';
import { importAll, listAll, parseJobs } from '../import-files';
import { SEVERITY_LABEL } from '../severity-label';

export type { ImportIo } from '../import-files';

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
      const jobs = parseJobs(io, opts.jobs);
      const results = await importAll(io, await listAll(io, paths), jobs);
      if (opts.out) {
        await io.mkdir(opts.out);
        for (const r of results) await io.writeFile(join(opts.out, `${basename(r.file)}.json`), `${JSON.stringify(r, null, 2)}\n`);
      }
      io.stdout(opts.format === 'json' ? `${JSON.stringify(results, null, 2)}\n` : `${table(results)}\n`);
    });
}
