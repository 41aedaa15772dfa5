import type { Command} from 'commander';
import { Option } from 'commander';
import { FRAMEWORKS, POLICY_SOURCES, SOURCES } from '@jixiao/core';
import type { Citation, Framework } from '@jixiao/core';
import type { CliIo } from '../io';

const citations = (cs: readonly Citation[]) => cs.map((c) => `${c.source}[${c.evidence.join('/')}]${c.note ? ` ${c.note}` : ''}`).join('；');

function describe(f: Framework, verbose: boolean): string {
  const lines = [`${f.id}@${f.version}  ${f.name}`, `  适用：${f.jurisdiction}；类型：${f.kinds.map((k) => (k === 'department' ? '部门整体' : '项目')).join('、')}`, `  ${f.description}`];
  const weights = [f.execution ? `预算执行率 ${f.execution.weight}` : undefined, ...f.tree.map((n) => `${n.name} ${n.weight}`)].filter(Boolean);
  lines.push(`  分值：${weights.join(' / ')}`);
  if (verbose) {
    lines.push(`  出处：${citations(f.sources)}`);
    if (f.execution) lines.push(`  预算执行率规则（线性，满分为止）出处：${citations(f.execution.sources)}`);
    for (const node of f.tree) {
      const children = node.children.map((c) => `${c.name}${c.weight ? `(${c.weight})` : ''}`).join('、');
      lines.push(`  ${node.name}(${node.weight})${node.rule?.kind === 'judgement' ? '［核查评分］' : ''}：${children}`);
      for (const c of node.children) for (const leaf of c.leaves ?? []) lines.push(`    ${leaf.name}(${leaf.weight})：${leaf.rule.kind}；${citations(leaf.sources)}`);
    }
    lines.push('  评分政策：');
    for (const [name, value] of Object.entries(f.policies)) {
      lines.push(`    ${name} = ${JSON.stringify(value)}  —  ${citations(POLICY_SOURCES[name as keyof typeof POLICY_SOURCES])}`);
    }
    lines.push(`  报告提纲：${f.outline.map((o) => o.heading).join(' ')}`);
    lines.push(`  附表：${f.attachments.map((a) => a.title).join('；')}`);
  }
  return lines.join('\n');
}

/** `jixiao frameworks`: lists the shipped scoring frameworks; --verbose adds every rule's source. */
export function registerFrameworksCommand(program: Command, io: CliIo): void {
  program
    .command('frameworks')
    .description('列出内置的评分框架')
    .option('--verbose', '列出每条规则的出处与证据等级')
    .addOption(new Option('--format <format>', '输出格式').choices(['table', 'json']).default('table'))
    .action((opts: { verbose?: boolean; format: 'table' | 'json' }) => {
      if (opts.format === 'json') {
        io.stdout(`${JSON.stringify({ frameworks: FRAMEWORKS, sources: SOURCES }, null, 2)}\n`);
        return;
      }
      io.stdout(`${FRAMEWORKS.map((f) => describe(f, Boolean(opts.verbose))).join('\n\n')}\n`);
    });
}
