import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HUNAN_STANDARD, LIUYANG_DEPARTMENT, scoreEvaluation } from '@jixiao/core';
import type { Evaluation, Finding, ScoreResult } from '@jixiao/core';
import { fixturePath, loadSeed } from '../../test/seed-fixtures';
import { scoreEvaluationFile } from './score-evaluation-file';

// Acceptance: scoring the hand-transcribed seed fixtures reproduces the published totals, and says why
// where a published figure does not follow from the rules.

const rules = (r: ScoreResult, severity?: Finding['severity']) =>
  r.findings.filter((f) => !severity || f.severity === severity).map((f) => f.rule);

function byTitle(evaluations: Evaluation[], title: string): Evaluation {
  const e = evaluations.find((x) => x.title === title);
  if (!e) throw new Error(`no evaluation ${title}`);
  return e;
}

describe('seed 000 湖南省人大常委会办公厅 2024', () => {
  const [e] = loadSeed('000');
  if (!e) throw new Error('empty fixture');
  const r = scoreEvaluation(e, HUNAN_STANDARD);

  it('reproduces 99.26 with the execution score 9.26 and grade 优', () => {
    // Stated rate 92.56% → 10 × 0.9256 = 9.256 → 9.26 (2 places); 9.26 + 50 + 30 + 10 = 99.26.
    expect(r.execution?.computed?.toString()).toBe('9.26');
    expect(r.execution?.basis).toBe('stated');
    expect(r.total.toString()).toBe('99.26');
    expect(r.grade).toBe('优');
    expect(rules(r)).not.toContain('score.total-differs');
    expect(rules(r)).not.toContain('score.grade-differs');
  });

  it('reports that 14877.44 ÷ 15424.89 is 96.45%, not the stated 92.56%, with the score each would give', () => {
    const conflict = r.findings.find((f) => f.rule === 'score.execution-rate-conflict');
    expect(conflict?.severity).toBe('error');
    // 14877.44 / 15424.89 = 0.964509… → 96.45%; 10 × 0.964509 = 9.645 → 9.65.
    expect(conflict?.message).toContain('14877.44 ÷ 15424.89 = 96.45%');
    expect(conflict?.message).toContain('92.56%');
    expect(conflict?.message).toContain('9.65');
  });

  it('scores on the amounts when the policy says so: 9.65 and 99.65', () => {
    const a = scoreEvaluation(e, HUNAN_STANDARD, { executionRateConflict: 'amounts' });
    expect(a.execution?.computed?.toString()).toBe('9.65');
    expect(a.total.toString()).toBe('99.65');
    expect(rules(a)).toContain('score.total-differs');
  });

  it('carries the 产出/效益/满意度 scores stated in prose and says they cannot be checked', () => {
    expect(r.levels.map((l) => [l.level1, l.method, l.computed.toString()])).toEqual([
      ['产出指标', 'stated', '50'],
      ['效益指标', 'stated', '30'],
      ['满意度指标', 'stated', '10'],
    ]);
    expect(r.findings.filter((f) => f.rule === 'score.level-not-refined')).toHaveLength(3);
  });
});

describe('seed 001 湖南省人民政府办公厅 2024', () => {
  const [e] = loadSeed('001');
  if (!e) throw new Error('empty fixture');

  it('reproduces 99 under the integer-rounding policy (94.48% → 9)', () => {
    const r = scoreEvaluation(e, HUNAN_STANDARD, { executionScorePlaces: 0 });
    // 31092.65 / 32909.2 = 0.944801… → 10 × 0.944801 = 9.448 → 9 (integer); 9 + 50 + 30 + 10 = 99.
    expect(r.execution?.computed?.toString()).toBe('9');
    expect(r.total.toString()).toBe('99');
    expect(rules(r)).not.toContain('score.total-differs');
    expect(rules(r)).not.toContain('score.execution-stated-differs');
  });

  it('under the default two-decimal policy gives 9.45 and 99.45, and names the integer rule as the explanation', () => {
    const r = scoreEvaluation(e, HUNAN_STANDARD);
    expect(r.execution?.computed?.toString()).toBe('9.45');
    expect(r.total.toString()).toBe('99.45');
    const differs = r.findings.find((f) => f.rule === 'score.execution-stated-differs');
    expect(differs?.message).toContain('应为 9.45 分');
    expect(differs?.message).toContain('若按取整则为 9 分');
  });

  it('scores all 19 indicators full and explains each', () => {
    const r = scoreEvaluation(e, HUNAN_STANDARD, { executionScorePlaces: 0 });
    const indicators = r.levels.flatMap((l) => l.groups.flatMap((g) => g.indicators));
    expect(indicators).toHaveLength(19);
    expect(indicators.every((i) => i.computed?.eq(i.weight ?? -1))).toBe(true);
    const quantitative = indicators.filter((i) => i.method === 'quantitative');
    // 2.7万≥2.5万; 24=24; 408≥400; 12=12; 104≥70; 1=1; 12≥10; 98.88%≤100%; 85.4%≤100%; 7≥4; 100%≥95% ×3.
    expect(quantitative).toHaveLength(13);
    const reports = indicators.find((i) => i.name === '全年报送《湖南信息》期数');
    expect(reports?.reason).toBe('完成值 408 ≥ 指标值 400（期），得满分 3 分');
    const updates = indicators.find((i) => i.name === '省政府门户网站全年信息更新量');
    expect(updates?.target?.toString()).toBe('25000');
    expect(updates?.actual?.toString()).toBe('27000');
  });

  it('flags the three over-achieved indicators at 120% and the missing grade', () => {
    const r = scoreEvaluation(e, HUNAN_STANDARD, { executionScorePlaces: 0 });
    const over = r.findings.filter((f) => f.rule === 'score.over-achieved').map((f) => f.message);
    // 104/70 = 148.57%, 12/10 = 120% (boundary inclusive), 7/4 = 175%.
    expect(over).toHaveLength(3);
    expect(over.join()).toContain('148.57%');
    expect(over.join()).toContain('175%');
    expect(rules(r)).toContain('score.grade-missing');
  });
});

describe('seed 003 浏阳市人大常委会 2022 (投入管理 30 / 产出 25 / 效益 45)', () => {
  const [e] = loadSeed('003');
  if (!e) throw new Error('empty fixture');
  const r = scoreEvaluation(e, LIUYANG_DEPARTMENT);

  it('reproduces 99: 29 + 25 + 45', () => {
    expect(r.levels.map((l) => [l.level1, l.computed.toString()])).toEqual([
      ['投入管理', '29'],
      ['产出指标', '25'],
      ['效益指标', '45'],
    ]);
    expect(r.total.toString()).toBe('99');
    expect(r.execution).toBeUndefined();
  });

  it('scores the garbled 经济效益 row from its text (效果显著 → 达成 → 10)', () => {
    const benefit = r.levels[2]?.groups.find((g) => g.level2 === '经济效益指标');
    expect(benefit?.computed.toString()).toBe('10');
    expect(benefit?.stated).toBeUndefined();
  });

  it('reports the 1-point deduction on 预算编审管理 without a 偏差原因', () => {
    const f = r.findings.find((x) => x.rule === 'score.deduction-without-reason');
    expect(f?.message).toBe('预算编审管理扣 1 分，但未填写偏差原因分析及改进措施');
  });
});

describe('seed 004 岳阳市人大常委会 2022', () => {
  const evaluations = loadSeed('004');

  it('holds the 部门整体 table and eight 项目 tables', () => {
    expect(evaluations).toHaveLength(9);
    expect(evaluations.filter((e) => e.kind === 'project')).toHaveLength(8);
  });

  it('reproduces 100 and 优 for the 部门整体支出绩效自评表 (stated 优秀)', () => {
    const r = scoreEvaluation(byTitle(evaluations, '岳阳市人民代表大会常务委员会'), HUNAN_STANDARD);
    expect(r.execution?.computed?.toString()).toBe('10');
    expect(r.total.toString()).toBe('100');
    expect(r.grade).toBe('优');
    expect(rules(r, 'error')).toEqual([]);
    expect(rules(r)).not.toContain('score.grade-differs');
  });

  it.each([
    // 394 / 400.03 = 98.4926% → 10 × 0.984926 = 9.849 → 9.85
    ['运行维护经费', '394 ÷ 400.03 = 98.49%', '9.85'],
    // 122.18 / 124 = 98.5323% → 9.85
    ['人大监督', '122.18 ÷ 124 = 98.53%', '9.85'],
  ])('%s: the stated 100%% and 10 points do not follow from %s (linear: %s)', (title, recomputation, linear) => {
    const r = scoreEvaluation(byTitle(evaluations, title), HUNAN_STANDARD);
    const conflict = r.findings.find((f) => f.rule === 'score.execution-rate-conflict');
    expect(conflict?.severity).toBe('error');
    expect(conflict?.message).toContain(recomputation);
    expect(conflict?.message).toContain(`按金额计应为 ${linear} 分`);
    const byAmounts = scoreEvaluation(byTitle(evaluations, title), HUNAN_STANDARD, { executionRateConflict: 'amounts' });
    expect(byAmounts.execution?.computed?.toString()).toBe(linear);
  });

  it('人大代表: 256.97 ÷ 258.2 = 99.52% prints as 100% but scores 9.95, not the stated 10', () => {
    const r = scoreEvaluation(byTitle(evaluations, '人大代表'), HUNAN_STANDARD);
    // 256.97 / 258.2 = 0.995236 → 10 × 0.995236 = 9.952 → 9.95; "100%" is 99.52% rounded to a whole percent.
    expect(r.execution?.computed?.toString()).toBe('9.95');
    expect(r.execution?.basis).toBe('amounts');
    const differs = r.findings.find((f) => f.rule === 'score.execution-stated-differs');
    expect(differs?.message).toContain('预算执行率自评 10 分');
    expect(differs?.message).toContain('应为 9.95 分');
  });

  it('scores every project table to its printed 100 except where execution says otherwise', () => {
    const totals = evaluations
      .filter((e) => e.kind === 'project')
      .map((e) => [e.title, scoreEvaluation(e, HUNAN_STANDARD).total.toString()]);
    expect(totals).toEqual([
      ['业务工作经费', '100'],
      ['运行维护经费', '100'],
      ['人大监督', '100'],
      ['人大立法', '100'],
      ['人大会议', '100'],
      ['人大代表', '99.95'],
      ['市人大系统干部履职培训班', '100'],
      ['人大环保世纪行', '100'],
    ]);
  });
});

describe('scoreEvaluationFile', () => {
  it('scores a bundle file with each evaluation by its own framework', () => {
    const json: unknown = JSON.parse(readFileSync(fixturePath('004'), 'utf8'));
    const result = scoreEvaluationFile(json);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scored.map((s) => s.framework.id)).toEqual(Array(9).fill('hunan-standard'));
  });

  it('names an unknown framework with the ones available', () => {
    const json: unknown = JSON.parse(readFileSync(fixturePath('001'), 'utf8'));
    const result = scoreEvaluationFile(json, { frameworkId: 'nope' });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: '--framework', message: '未知的评分框架“nope”；可用：hunan-standard、liuyang-department、mof-2013-department' }],
    });
  });

  it('reports schema violations with the field path in Chinese', () => {
    const result = scoreEvaluationFile({ kind: 'department', year: 2024, title: 'x', unit: { name: 'x' }, indicators: [{ level1: '产出指标' }] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const paths = result.issues.map((i) => i.path);
      expect(paths).toContain('indicators[0].level2');
      expect(result.issues.find((i) => i.path === 'indicators[0].level2')?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
