import Table from 'cli-table3';
import type { Finding } from '@jixiao/core';
import type { ScoredEvaluation } from '../app/score-evaluation-file';
import { SEVERITY_LABEL, kindLabel } from './severity-label';

/**
 * Presents scores: a table for people (every indicator with its computed score and reason, then the
 * findings), or JSON for programs (decimals as strings, never floats).
 */
export function scoreToJson(scored: readonly ScoredEvaluation[]): unknown {
  return scored.map(({ evaluation, framework, result }) => ({
    title: evaluation.title,
    kind: evaluation.kind,
    year: evaluation.year,
    unit: evaluation.unit.name,
    framework: { id: framework.id, version: framework.version, name: framework.name },
    ...JSON.parse(JSON.stringify(result)),
  }));
}

function location(f: Finding): string {
  const l = f.location;
  if (!l) return '';
  const parts = [l.file, l.page ? `第 ${l.page} 页` : undefined, l.path].filter(Boolean);
  return parts.length ? `（${parts.join('，')}）` : '';
}

const s = (v: { toString(): string } | undefined) => (v === undefined ? '' : v.toString());

export function scoreToTable(scored: readonly ScoredEvaluation[]): string {
  const out: string[] = [];
  for (const { evaluation, framework, result } of scored) {
    out.push(`${evaluation.title} · ${evaluation.year} 年度 · ${kindLabel(evaluation.kind)} · 框架 ${framework.id}@${framework.version}`);
    const table = new Table({
      head: ['一级指标', '二级指标', '三级指标', '分值', '自评', '计算', '计分理由'],
      colWidths: [12, 14, 24, 6, 6, 6, 48],
      wordWrap: true,
      style: { head: [], border: [] },
    });
    if (result.execution) {
      const e = result.execution;
      table.push(['预算执行率', '', '', s(e.weight), s(e.stated), s(e.computed), e.reason]);
    }
    for (const level of result.levels) {
      if (level.groups.length === 0) {
        table.push([level.level1, '', '', s(level.weight), s(level.stated), s(level.computed), level.reason]);
        continue;
      }
      for (const group of level.groups) {
        for (const i of group.indicators) {
          table.push([level.level1, group.level2, i.name, s(i.weight), s(i.stated), s(i.computed), i.reason]);
        }
        if (group.indicators.some((i) => i.computed === undefined)) {
          table.push([level.level1, group.level2, '（二级合计）', s(group.weight), s(group.stated), s(group.computed), group.reason]);
        }
      }
      table.push([`${level.level1}小计`, '', '', s(level.weight), s(level.stated), s(level.computed), level.reason]);
    }
    out.push(table.toString());
    const cap = result.cap ? `（执行率封顶，计算得分 ${result.uncappedTotal}）` : '';
    const stated = result.statedTotal ? `，自评 ${result.statedTotal} 分` : '';
    const statedGrade = result.statedGrade ? `，自述等级“${result.statedGrade}”` : '';
    out.push(`总分 ${result.total} 分${cap}${stated}；等级 ${result.grade}${statedGrade}`);
    if (result.findings.length) {
      out.push(`发现 ${result.findings.length} 项：`);
      for (const f of result.findings) out.push(`  [${SEVERITY_LABEL[f.severity]}] ${f.message}${location(f)}  〔${f.rule}〕`);
    } else {
      out.push('未发现问题。');
    }
    out.push('');
  }
  return out.join('\n');
}
