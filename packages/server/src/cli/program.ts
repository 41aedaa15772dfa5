import { Command } from 'commander';
import type { ImportIo } from './commands/import';
import { registerImportCommand } from './commands/import';
import { registerFrameworksCommand } from './commands/frameworks';
import { registerSchemaCommand } from './commands/schema';
import { registerScoreCommand } from './commands/score';
import { registerRenderCommand } from './commands/render';
import { registerAuditCommand } from './commands/audit';
import { registerBackupCommands } from './commands/backup';

/** The `jixiao` program with every command registered; main.ts runs it against the real process. */
export function createProgram(io: ImportIo): Command {
  const program = new Command()
    .name('jixiao')
    .description('Jixiao 绩效：预算绩效自评的计分、审查与报告工具')
    .version('0.1.0')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('（使用 jixiao --help 查看用法）');
  registerScoreCommand(program, io);
  registerFrameworksCommand(program, io);
  registerSchemaCommand(program, io);
  registerImportCommand(program, io);
  registerRenderCommand(program, io);
  registerAuditCommand(program, io);
  registerBackupCommands(program, io);
  return program;
}
