import type { Command } from 'commander';
import { evaluationJsonSchema } from '../../schema/evaluation-json-schema';
import type { CliIo } from '../io';

/** `jixiao schema`: prints (or writes) the JSON Schema of evaluation files, generated from the zod schema. */
export function registerSchemaCommand(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description('输出评价文件的 JSON Schema')
    .option('--out <file>', '写入文件而不是标准输出')
    .action(async (opts: { out?: string }) => {
      const text = `${JSON.stringify(evaluationJsonSchema(), null, 2)}\n`;
      if (opts.out) await io.writeFile(opts.out, text);
      else io.stdout(text);
    });
}
