import type { Command } from 'commander';
import { renderEvaluationFile } from '../../app/render-evaluation-file';
import { renderDocx } from '../../adapters/generators/docx/render-docx';
import { renderXlsx } from '../../adapters/generators/xlsx/render-xlsx';
import { convertWithLibreOffice } from '../../adapters/libreoffice/convert';
import type { CliIo } from '../io';
import { CliExit, EXIT_BAD_INPUT } from '../io';
import { readJsonFile } from '../read-json-file';

/** `jixiao render <evaluation.json> --docx out.docx [--xlsx out.xlsx] [--pdf out.pdf]`: the report and its 附表. */
export function registerRenderCommand(program: Command, io: CliIo): void {
  program
    .command('render')
    .description('由评价文件生成自评报告与附表（.docx 公文格式、.xlsx、经 LibreOffice 的 PDF）')
    .argument('<file>', '评价文件（JSON：单个评价、评价包或 jixiao import 的输出）')
    .option('--docx <out>', '生成 .docx：自评报告及附表')
    .option('--xlsx <out>', '生成 .xlsx：附表，每表一个工作表')
    .option('--pdf <out>', '生成 PDF（需要 LibreOffice）')
    .option('--framework <id>', '评分框架（默认取文件中的 frameworkId）')
    .action(async (file: string, opts: { docx?: string; xlsx?: string; pdf?: string; framework?: string }) => {
      if (!opts.docx && !opts.xlsx && !opts.pdf) {
        io.stderr('请至少指定一种输出：--docx、--xlsx 或 --pdf\n');
        throw new CliExit(EXIT_BAD_INPUT);
      }
      const json = await readJsonFile(io, file);
      const result = await renderEvaluationFile(
        json,
        { docx: Boolean(opts.docx), xlsx: Boolean(opts.xlsx), pdf: Boolean(opts.pdf), timeoutMs: 180_000, ...(opts.framework ? { frameworkId: opts.framework } : {}) },
        { renderDocx, renderXlsx, convert: convertWithLibreOffice },
      );
      if (!result.ok) {
        io.stderr(`${file} 无法生成：\n`);
        for (const issue of result.issues) io.stderr(`  ${issue.path}：${issue.message}\n`);
        throw new CliExit(EXIT_BAD_INPUT);
      }
      const outputs: [string | undefined, Uint8Array | undefined][] = [
        [opts.docx, result.docx],
        [opts.xlsx, result.xlsx],
        [opts.pdf, result.pdf],
      ];
      for (const [path, bytes] of outputs) {
        if (!path || !bytes) continue;
        await io.writeBytes(path, bytes);
        io.stdout(`已生成 ${path}（${(bytes.byteLength / 1024).toFixed(0)} KB）\n`);
      }
    });
}
