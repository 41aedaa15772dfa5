import { describe, expect, it } from 'vitest';
import { ZERO } from '../money/decimal';
import type { Decimal } from '../money/decimal';
import { FRAMEWORKS, findFramework } from './registry';
import { inferFrameworkId } from './infer-framework';
import { evaluation, indicator } from '../scoring/test-builders';
import { POLICY_SOURCES } from './policies';
import { SOURCES } from './sources';

const sum = (xs: readonly Decimal[]) => xs.reduce((a, b) => a.plus(b), ZERO);

describe.each(FRAMEWORKS.map((f) => [f.id, f] as const))('framework %s', (_id, f) => {
  it('has weights that sum to 100', () => {
    expect(sum([f.execution?.weight ?? ZERO, ...f.tree.map((n) => n.weight)]).toString()).toBe('100');
  });

  it('has fixed 二级 weights that sum to their 一级, and leaf weights that sum to their 二级', () => {
    for (const node of f.tree) {
      const fixed = node.children.filter((c) => c.weight);
      if (fixed.length) expect(`${node.name}:${sum(fixed.map((c) => c.weight as Decimal))}`).toBe(`${node.name}:${node.weight}`);
      for (const c of node.children) {
        if (c.leaves?.length) expect(`${c.name}:${sum(c.leaves.map((l) => l.weight))}`).toBe(`${c.name}:${c.weight}`);
      }
    }
  });

  it('names a registered source for every rule', () => {
    const all = [...f.sources, ...(f.execution?.sources ?? []), ...f.tree.flatMap((n) => n.children.flatMap((c) => (c.leaves ?? []).flatMap((l) => l.sources)))];
    expect(all.length).toBeGreaterThan(0);
    for (const c of all) expect(Object.keys(SOURCES)).toContain(c.source);
  });

  it('has a ten-or-eight-section outline with unique ids', () => {
    const ids = f.outline.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('framework registry', () => {
  it('ships the Hunan, 浏阳 and 53号 frameworks', () => {
    expect(FRAMEWORKS.map((f) => f.id)).toEqual(['hunan-standard', 'liuyang-department', 'mof-2013-department']);
    expect(findFramework('hunan-standard')?.tree.map((n) => `${n.name}${n.weight}`)).toEqual(['产出指标50', '效益指标30', '满意度指标10']);
    expect(findFramework('liuyang-department')?.tree.map((n) => `${n.name}${n.weight}`)).toEqual(['投入管理30', '产出指标25', '效益指标45']);
    expect(findFramework('nope')).toBeUndefined();
  });

  it('documents a source for every scoring policy', () => {
    for (const [name, sources] of Object.entries(POLICY_SOURCES)) expect(`${name}:${sources.length > 0}`).toBe(`${name}:true`);
  });
});

describe('inferFrameworkId', () => {
  it('picks the framework whose 一级 nodes cover the indicator rows', () => {
    const rows = (...level1: string[]) => level1.map((l) => indicator({ level1: l, target: '1', actual: '1' }));
    expect(inferFrameworkId(evaluation({ kind: 'department', indicators: rows('投入管理', '产出指标', '效益指标', '效益指标') }))).toBe('liuyang-department');
    expect(inferFrameworkId(evaluation({ kind: 'department', indicators: rows('产出指标', '效益指标', '满意度指标') }))).toBe('hunan-standard');
    // 浏阳 is a 部门整体 framework only: a project table is Hunan's.
    expect(inferFrameworkId(evaluation({ kind: 'project', indicators: rows('投入管理', '产出指标') }))).toBe('hunan-standard');
    expect(inferFrameworkId(evaluation({ indicators: [] }))).toBeUndefined();
  });
});
