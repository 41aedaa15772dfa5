import { readFile, writeFile } from 'node:fs/promises';
import { CommanderError } from 'commander';
import { JixiaoError } from '@jixiao/core';
import { createProgram } from './program';
import { CliExit, EXIT_BAD_INPUT, EXIT_BUG } from './io';
import type { CliIo } from './io';

const io: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readFile: (p) => readFile(p, 'utf8'),
  writeFile: (p, t) => writeFile(p, t, 'utf8'),
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
