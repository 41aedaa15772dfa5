import { describe, expect, it } from 'vitest';
import { dec } from '../../money/decimal';
import { HUNAN_STANDARD } from '../../frameworks/hunan-standard';
import { evaluation, fundRow, indicator } from '../../scoring/test-builders';
import type { AuditInput } from '../audit-rule';
import { SCORING_RULES } from './scoring';

const rule = (id: string) => {
  const r = SCORING_RULES.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};
const input = (fields: Partial<AuditInput>): AuditInput => ({ evaluations: [], statements: [], frameworkOf: () => HUNAN_STANDARD, ...fields });

describe('audit.score-missing', () => {
  it('is an error for a report with no score at all, and the engine is not run on it', () => {
    const unscored = evaluation({ kind: 'department', title: '某单位', indicators: [indicator({ target: '≥20次', actual: '' })] });
    const r = rule('audit.score-missing').check(input({ evaluations: [unscored] }));
    expect(r.findings.map((f) => [f.severity, f.message])).toEqual([['error', '没有自评得分：既无总分，也无各项指标的分值和得分，无法核对评价结论']]);
    expect(rule('audit.scoring').check(input({ evaluations: [unscored] })).findings).toEqual([]);
  });
});

describe('audit.score-above-execution', () => {
  it('warns when the self-score is more than 20 points above the execution rate', () => {
    // 60 / 100 = 60% executed, 95 points claimed.
    const e = evaluation({ title: '某项目', funds: [fundRow({ annualBudget: '100', executed: '60', weight: '10' })], stated: { total: dec('95') } });
    const r = rule('audit.score-above-execution').check(input({ evaluations: [e] }));
    expect(r.findings.map((f) => f.message)).toEqual(['某项目：自评得分率 95%，预算执行率 60.00%，得分率高出 35.00%，应复核产出和效益指标是否如实评价']);
    const fair = evaluation({ funds: [fundRow({ annualBudget: '100', executed: '90', weight: '10' })], stated: { total: dec('95') } });
    expect(rule('audit.score-above-execution').check(input({ evaluations: [fair] })).checks.map((c) => c.outcome)).toEqual(['ok']);
  });
});

describe('audit.scoring', () => {
  it('carries the engine’s findings, named by project, without repeating the rate contradiction', () => {
    const e = evaluation({ title: '运行维护经费', funds: [fundRow({ annualBudget: '400.03', executed: '394', weight: '10', statedRate: '100', statedScore: '10' })], stated: { total: dec('100') } });
    const rules = rule('audit.scoring').check(input({ evaluations: [e] })).findings.map((f) => f.rule);
    expect(rules).not.toContain('score.execution-rate-conflict');
    expect(rules).toContain('score.level-missing');
  });
});
