import type { Command} from 'commander';
import { Option } from 'commander';
import { scoreEvaluationFile } from '../../app/score-evaluation-file';
import { parsePolicyOverrides } from '../../app/policy-overrides';
import type { CliIo } from '../io';
import { CliExit, EXIT_BAD_INPUT } from '../io';
import { readJsonFile } from '../read-json-file';
import { scoreToJson, scoreToTable } from '../score-presenter';

const collect = (value: string, previous: string[]) => [...previous, value];

/** `jixiao score <evaluation.json>`: scores every evaluation in the file by its framework's rules. */
export function registerScoreCommand(program: Command, io: CliIo): void {
  program
    .command('score')
    .description('按评分框架为评价文件计分，列出每项得分的理由和发现的问题')
    .argument('<file>', '评价文件（JSON：单个评价、评价包或 jixiao import 的输出）')
    .option('--framework <id>', '评分框架（默认取文件中的 frameworkId；见 jixiao frameworks）')
    .option('--policy <name=value>', '覆盖评分政策，可重复，如 executionScorePlaces=0', collect, [])
    .addOption(new Option('--format <format>', '输出格式').choices(['table', 'json']).default('table'))
    .action(async (file: string, opts: { framework?: string; policy: string[]; format: 'table' | 'json' }) => {
      const policies = parsePolicyOverrides(opts.policy);
      if (!policies.ok) {
        io.stderr(`${policies.message}\n`);
        throw new CliExit(EXIT_BAD_INPUT);
      }
      const json = await readJsonFile(io, file);
      const result = scoreEvaluationFile(json, {
        ...(opts.framework ? { frameworkId: opts.framework } : {}),
        policies: policies.policies,
      });
      if (!result.ok) {
        io.stderr(`${file} 不符合评价文件格式（见 docs/evaluation-format.md）：\n`);
        for (const issue of result.issues) io.stderr(`  ${issue.path}：${issue.message}\n`);
        throw new CliExit(EXIT_BAD_INPUT);
      }
      io.stdout(opts.format === 'json' ? `${JSON.stringify(scoreToJson(result.scored), null, 2)}\n` : `${scoreToTable(result.scored)}\n`);
    });
}
