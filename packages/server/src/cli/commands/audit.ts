import type { Command } from 'commander';
import { Option } from 'commander';
import type { Severity } from '@jixiao/core';
import { auditEvaluationJson, auditImported, unauditable } from '../../app/audit-file';
import type { FileAudit } from '../../app/audit-file';
import type { ImportResult } from '../../app/import-document';
import { CliExit, EXIT_BAD_INPUT } from '../io';
import type { ImportIo } from '../import-files';
import { importAll, listAll, parseJobs } from '../import-files';
import { auditToHtml, auditToJson, auditToText } from '../audit-presenter';

/** Exit code when --fail-on finds what it was told to fail on (for CI and scripts). */
export const EXIT_FINDINGS = 1;

type Format = 'text' | 'json' | 'html';
type FailOn = 'error' | 'warning';

const FAILING: Readonly<Record<FailOn, readonly Severity[]>> = { error: ['error'], warning: ['error', 'warning'] };

const isJson = (file: string) => /\.json$/i.test(file);

/** An evaluation file or import output: read and audited as JSON; a file that is not JSON is a finding. */
async function auditJsonFile(io: ImportIo, file: string): Promise<FileAudit[]> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (e) {
    return [unauditable(file, 'audit.unreadable', `${file}：无法读取（${(e as Error).message}）`)];
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const at = /position (\d+)/.exec(String(e));
    let where = '';
    if (at?.[1]) {
      const before = text.slice(0, Number(at[1]));
      where = `（第 ${before.split('\n').length} 行第 ${Number(at[1]) - before.lastIndexOf('\n')} 列）`;
    }
    return [unauditable(file, 'audit.not-json', `${file} 不是有效的 JSON${where}：${(e as Error).message}`)];
  }
  return auditEvaluationJson(json, file);
}

/**
 * `jixiao audit <file or directory>...`: audits published reports (imported on the way) and evaluation
 * files (.json, including jixiao import output): arithmetic, scoring and quality findings, and every check made.
 */
export function registerAuditCommand(program: Command, io: ImportIo): void {
  program
    .command('audit')
    .description('审查自评报告：核对金额与比率、按评分规则复核得分、检查报告内容，列出问题和全部核对项')
    .argument('<paths...>', '报告文件、目录（递归读取）或评价文件（.json，含 jixiao import 的输出）')
    .addOption(new Option('--format <format>', '输出格式').choices(['text', 'json', 'html']).default('text'))
    .addOption(new Option('--fail-on <severity>', '有该级别（或更严重）的问题时以退出码 1 结束').choices(['error', 'warning']))
    .option('--out <file>', '把结果写入文件，而不是输出到屏幕')
    .option('--jobs <n>', '同时导入的文件数', '2')
    // Bad options (an unknown --format) reach main as a CommanderError, exit 2, rather than ending the process.
    .exitOverride()
    .action(async (paths: string[], opts: { format: Format; failOn?: FailOn; out?: string; jobs: string }) => {
      const jobs = parseJobs(io, opts.jobs);
      const files = await listAll(io, paths);
      if (files.length === 0) {
        io.stderr(`${paths.join('、')} 中没有文件可审查\n`);
        throw new CliExit(EXIT_BAD_INPUT);
      }

      // Documents go through the importer (in parallel); JSON is read directly. Output keeps the input order.
      const documents = files.filter((f) => !isJson(f));
      const imported = new Map<string, ImportResult>();
      (await importAll(io, documents, jobs)).forEach((r, i) => imported.set(documents[i] as string, r));
      const audits: FileAudit[] = [];
      for (const file of files) {
        if (isJson(file)) audits.push(...(await auditJsonFile(io, file)));
        else audits.push(auditImported(imported.get(file) as ImportResult));
      }

      const rendered = opts.format === 'json' ? `${JSON.stringify(auditToJson(audits), null, 2)}\n` : opts.format === 'html' ? auditToHtml(audits) : `${auditToText(audits)}\n`;
      if (opts.out) {
        try {
          await io.writeFile(opts.out, rendered);
        } catch (e) {
          io.stderr(`无法写入 ${opts.out}：${(e as Error).message}\n`);
          throw new CliExit(EXIT_BAD_INPUT);
        }
        io.stderr(`审查结果已写入 ${opts.out}\n`);
      } else {
        io.stdout(rendered);
      }

      if (opts.failOn) {
        const failing = FAILING[opts.failOn];
        if (audits.some((a) => a.findings.some((f) => failing.includes(f.severity)))) throw new CliExit(EXIT_FINDINGS);
      }
    });
}
