import { describe, expect, it } from 'vitest';
import { Decimal } from '@jixiao/core';
import type { AuditInput, AuditRule } from '@jixiao/core';
import { readFileSync } from 'node:fs';
import { fixturePath, loadSeed } from '../../test/seed-fixtures';
import { encodeEvaluation } from '../schema/evaluation-codec';
import { auditEvaluationJson, auditImported, unauditable } from './audit-file';
import type { ImportResult } from './import-document';

/** A rule that records what the auditor was given and finds one thing per evaluation. */
function probe(): { rule: AuditRule; seen: AuditInput[] } {
  const seen: AuditInput[] = [];
  const rule: AuditRule = {
    id: 'test.probe',
    title: '探针',
    severity: 'info',
    sources: [],
    check: (input) => {
      seen.push(input);
      return {
        findings: input.evaluations.map((e) => ({ rule: 'test.probe', severity: 'info' as const, message: `${e.title} 用 ${input.frameworkOf(e).id}` })),
        checks: [{ rule: 'test.probe', description: `${input.statements.length} 个数字`, outcome: 'ok' as const }],
      };
    },
  };
  return { rule, seen };
}

const statement = { label: '部门预算总收入', value: '15880.27', unit: 'wanyuan', printedUnit: '万元', places: 2, sentence: 0, text: '15880.27 万元', location: { file: 'r.txt', block: 3, start: 10, end: 22 } };

function imported(overrides: Partial<NonNullable<ImportResult['report']>> = {}): ImportResult {
  return {
    file: 'r.txt',
    ok: true,
    report: {
      kind: 'department',
      parts: [{ kind: 'report' }, { kind: 'department', title: '部门整体支出绩效自评表' }],
      unit: '湖南省人大常委会办公厅',
      year: 2024,
      funds: {},
      evaluations: loadSeed('000').map(encodeEvaluation),
      statements: [statement],
      ...overrides,
    },
    findings: [{ rule: 'extract.sample', severity: 'warning', message: '导入时的提示', location: { file: 'r.txt' } }],
  };
}

describe('auditImported', () => {
  it('gives the rules the evaluations, the statements as decimals, the parts and each framework', () => {
    const { rule, seen } = probe();
    const a = auditImported(imported(), [rule]);
    const input = seen[0] as AuditInput;
    expect(input.evaluations.map((e) => e.title)).toEqual(['湖南省人大常委会办公厅']);
    const [s] = input.statements;
    expect(s?.value).toBeInstanceOf(Decimal);
    expect(s?.value.toString()).toBe('15880.27');
    expect(s).toMatchObject({ label: '部门预算总收入', unit: 'wanyuan', printedUnit: '万元', places: 2, sentence: 0, location: { file: 'r.txt', block: 3 } });
    expect(input.parts).toEqual([{ kind: 'report' }, { kind: 'department', title: '部门整体支出绩效自评表' }]);
    expect(a).toMatchObject({ file: 'r.txt', unit: '湖南省人大常委会办公厅', year: 2024 });
    // The importer's findings are kept, sorted with the auditor's (warnings before info).
    expect(a.findings.map((f) => f.rule)).toEqual(['extract.sample', 'test.probe']);
    expect(a.findings[1]?.message).toBe('湖南省人大常委会办公厅 用 hunan-standard');
    expect(a.checks).toEqual([{ rule: 'test.probe', description: '1 个数字', outcome: 'ok' }]);
  });

  it('runs the real catalog: seed 000 states an execution rate its amounts contradict', () => {
    const a = auditImported(imported());
    expect(a.findings[0]?.severity).toBe('error');
    expect(a.findings.find((f) => f.rule === 'audit.execution-rate')?.message).toContain('14877.44 ÷ 15424.89 = 96.45%');
  });

  it('gives a file that could not be imported its import findings, and checks nothing', () => {
    const failed: ImportResult = { file: 'x.doc', ok: false, error: 'x.doc：加密文件', findings: [{ rule: 'import.encrypted-or-legacy', severity: 'error', message: 'x.doc：加密文件', location: { file: 'x.doc' } }] };
    expect(auditImported(failed)).toEqual({ file: 'x.doc', findings: failed.findings, checks: [] });
    expect(auditImported({ file: 'y.txt', ok: false, error: '坏了', findings: [] }).findings).toEqual([{ rule: 'import.failed', severity: 'error', message: '坏了', location: { file: 'y.txt' } }]);
  });

  it('keeps the good statements and reports a malformed one; drops unknown parts', () => {
    const { rule, seen } = probe();
    const a = auditImported(imported({ statements: [statement, { ...statement, value: '1,234' }, 'junk'], parts: [{ kind: 'report' }, { kind: 'nonsense' }] }), [rule]);
    expect(seen[0]?.statements).toHaveLength(1);
    expect(seen[0]?.parts).toEqual([{ kind: 'report' }]);
    expect(a.findings.filter((f) => f.rule === 'audit.bad-statement').map((f) => f.location?.path)).toEqual(['statements[1].value', 'statements[2]']);
  });

  it('reports an unknown framework and audits by the default one', () => {
    const { rule } = probe();
    const [e] = loadSeed('000').map(encodeEvaluation);
    const a = auditImported(imported({ evaluations: [{ ...e, frameworkId: 'nope' }] }), [rule]);
    expect(a.findings[0]).toMatchObject({ rule: 'audit.unknown-framework', severity: 'error', location: { file: 'r.txt', path: 'frameworkId' } });
    expect(a.findings[0]?.message).toContain('未知的评分框架“nope”，已按默认框架 hunan-standard 审查');
    expect(a.findings.find((f) => f.rule === 'test.probe')?.message).toBe('湖南省人大常委会办公厅 用 hunan-standard');
  });
});

describe('auditEvaluationJson', () => {
  it('audits an evaluation file or bundle with no statements and no parts', () => {
    const { rule, seen } = probe();
    const json = JSON.parse(readFileSync(fixturePath('004'), 'utf8')) as unknown;
    const [a] = auditEvaluationJson(json, 'seed-004.json', [rule]);
    expect(seen[0]?.evaluations).toHaveLength(9);
    expect(seen[0]?.statements).toEqual([]);
    expect(seen[0]?.parts).toBeUndefined();
    expect(a).toMatchObject({ file: 'seed-004.json', unit: '岳阳市人民代表大会常务委员会', year: 2022 });
  });

  it('reads import output: one result, or a batch as one audit per document', () => {
    const { rule, seen } = probe();
    const one = JSON.parse(JSON.stringify(imported())) as unknown;
    expect(auditEvaluationJson(one, 'one.json', [rule]).map((a) => a.file)).toEqual(['one.json']);
    expect(seen[0]?.statements[0]?.value.toString()).toBe('15880.27');
    const failed = { file: 'b.doc', ok: false, error: '坏', findings: [{ rule: 'import.empty-file', severity: 'error', message: '坏', location: { file: 'b.doc' } }] };
    const batch = auditEvaluationJson([one, failed], 'batch.json', [rule]);
    expect(batch.map((a) => [a.file, a.findings.map((f) => f.rule)])).toEqual([
      ['batch.json › r.txt', ['extract.sample', 'test.probe']],
      ['batch.json › b.doc', ['import.empty-file']],
    ]);
  });

  it('turns a file that is not an evaluation into findings with field paths', () => {
    const [a] = auditEvaluationJson({ kind: 'project', year: '2024' }, 'bad.json');
    expect(a?.checks).toEqual([]);
    expect(a?.findings.length).toBeGreaterThan(0);
    expect(a?.findings.every((f) => f.rule === 'audit.bad-evaluation-file' && f.severity === 'error' && f.location?.file === 'bad.json')).toBe(true);
    expect(a?.findings.map((f) => f.location?.path)).toContain('year');
    const [b] = auditEvaluationJson({ file: 'x', ok: 'yes', findings: [] }, 'odd.json');
    expect(b?.findings[0]).toMatchObject({ rule: 'audit.bad-evaluation-file', message: expect.stringContaining('ok') });
  });

  it('unauditable: one error finding on the file', () => {
    expect(unauditable('a.json', 'audit.not-json', '坏')).toEqual({ file: 'a.json', findings: [{ rule: 'audit.not-json', severity: 'error', message: '坏', location: { file: 'a.json' } }], checks: [] });
  });
});
