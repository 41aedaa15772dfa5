import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal';
import { HUNAN_STANDARD } from '../frameworks/hunan-standard';
import { LIUYANG_DEPARTMENT } from '../frameworks/liuyang-department';
import { MOF_2013_DEPARTMENT } from '../frameworks/mof-2013-department';
import { A1_EXECUTION_CAPS } from '../frameworks/policies';
import type { Indicator } from '../model/evaluation';
import { scoreEvaluation } from './score-evaluation';
import { evaluation, fundRow, indicator } from './test-builders';

/** A complete Hunan project table: 产出 50 (two 25-point rows), 效益 30, 满意度 10, all met. */
function fullTable(): Indicator[] {
  return [
    indicator({ level1: '产出指标', level2: '数量指标', name: '培训人次', target: '≥280人次', actual: '300人次', weight: '25', score: '25' }),
    indicator({ level1: '产出指标', level2: '时效指标', name: '按时完成', target: '12月底前完成', actual: '已按时完成', weight: '25', score: '25' }),
    indicator({ level1: '效益指标', level2: '社会效益指标', name: '履职能力', target: '持续提升', actual: '持续提升', weight: '30', score: '30' }),
    indicator({ level1: '满意度指标', level2: '服务对象满意度指标', name: '学员满意度', target: '≥95%', actual: '98%', weight: '10', score: '10' }),
  ];
}

describe('scoreEvaluation', () => {
  it('adds the execution score and every level: 9.85 + 50 + 30 + 10 = 99.85, grade 优', () => {
    // 394 / 400.03 → 9.85
    const e = evaluation({ funds: [fundRow({ annualBudget: '400.03', executed: '394', weight: '10', note: '支付天然气借款' })], indicators: fullTable() });
    const r = scoreEvaluation(e, HUNAN_STANDARD);
    expect(r.total.toString()).toBe('99.85');
    expect(r.levels.map((l) => l.computed.toString())).toEqual(['50', '30', '10']);
    expect(r.grade).toBe('优');
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('reports weights that do not sum to the framework, per level', () => {
    const rows = fullTable().map((i, k) => (k === 0 ? { ...i, weight: dec('20'), score: dec('20') } : i));
    const r = scoreEvaluation(evaluation({ funds: [fundRow({ annualBudget: '1', executed: '1', weight: '10' })], indicators: rows }), HUNAN_STANDARD);
    expect(r.findings.find((f) => f.rule === 'score.weights-do-not-sum')?.message).toBe('产出指标下各指标分值合计 45 分，框架规定为 50 分');
  });

  it('does not drop rows whose 一级 is not in the framework', () => {
    const rows = [...fullTable(), indicator({ level1: '管理指标', name: '制度', target: '健全', actual: '健全', weight: '5' })];
    const r = scoreEvaluation(evaluation({ indicators: rows }), HUNAN_STANDARD);
    expect(r.findings.find((f) => f.rule === 'score.unknown-level')?.location?.path).toBe('indicators[4].level1');
  });

  it('caps the total by execution rate when the 一体化 caps are on: 75% → at most 89', () => {
    const e = evaluation({ funds: [fundRow({ annualBudget: '100', executed: '75', weight: '10', note: '项目延期' })], indicators: fullTable() });
    const uncapped = scoreEvaluation(e, HUNAN_STANDARD);
    expect(uncapped.total.toString()).toBe('97.5');
    const capped = scoreEvaluation(e, HUNAN_STANDARD, { executionCaps: A1_EXECUTION_CAPS });
    expect(capped.total.toString()).toBe('89');
    expect(capped.uncappedTotal.toString()).toBe('97.5');
    expect(capped.grade).toBe('良');
    // 45% is below both 60% and 50%: the tightest cap, 59, applies.
    const low = scoreEvaluation({ ...e, funds: [fundRow({ annualBudget: '100', executed: '45', weight: '10', note: '延期' })] }, HUNAN_STANDARD, {
      executionCaps: A1_EXECUTION_CAPS,
    });
    expect(low.total.toString()).toBe('59');
    expect(low.grade).toBe('差');
  });

  it('compares the stated total and grade with the computed ones', () => {
    const e = evaluation({
      kind: 'department',
      funds: [fundRow({ annualBudget: '100', executed: '75', weight: '10', note: '延期' })],
      indicators: fullTable(),
      stated: { total: dec('99'), grade: '优秀' },
    });
    const r = scoreEvaluation(e, HUNAN_STANDARD, { executionCaps: A1_EXECUTION_CAPS });
    expect(r.findings.find((f) => f.rule === 'score.total-differs')?.message).toBe('自评总分 99 分，按规则计算为 89 分');
    expect(r.findings.find((f) => f.rule === 'score.grade-differs')?.message).toBe('报告称等级为“优秀”，按得分 89 分应为“良”');
  });

  it('checks "分值 X 分，得 Y 分，扣 Z 分" for arithmetic', () => {
    const e = evaluation({
      indicators: fullTable(),
      stated: { levels: [{ level1: '产出指标', weight: dec('50'), score: dec('48'), deduction: dec('3') }] },
    });
    const r = scoreEvaluation(e, HUNAN_STANDARD);
    const messages = r.findings.map((f) => f.message);
    expect(messages).toContain('产出指标“分值 50 分，得 48 分，扣 3 分”自相矛盾：50 − 48 = 2');
    expect(messages).toContain('产出指标自述得 48 分，按指标计算为 50 分');
  });

  it('scores a 浏阳 二级 group as one: the mean completion ratio times the group weight', () => {
    // 质量指标 (8): two rows, 100% and 50% complete → 8 × 75% = 6.
    const rows = [
      indicator({ level1: '产出指标', level2: '质量指标', name: '固定资产利用率', target: '100%', actual: '100%', score: '6' }),
      indicator({ level1: '产出指标', level2: '质量指标', name: '资金使用合规率', target: '100%', actual: '50%' }),
    ];
    const r = scoreEvaluation(evaluation({ kind: 'department', indicators: rows }), LIUYANG_DEPARTMENT);
    const group = r.levels[1]?.groups[0];
    expect(group?.computed.toString()).toBe('6');
    expect(group?.reason).toBe('二级指标合并计分：平均完成比例 75.00%，得分 = 8 × 75.00% = 6 分');
    expect(r.findings.map((f) => f.rule)).toContain('score.deduction-without-reason');
  });
});

describe('the 财预〔2013〕53号 framework computes its indicators from the 基础数据表', () => {
  const e = evaluation({
    kind: 'department',
    funds: [fundRow({ annualBudget: '4280.31', executed: '4280.31', weight: '10' })],
    basicData: {
      staff: { quota: 111, actual: 85 },
      threePublic: { total: { label: '三公经费', priorActual: dec('67.03'), budget: dec('202'), actual: dec('70.3') } },
      publicExpense: { total: { label: '公用经费', priorActual: dec('297.49'), budget: dec('271.19'), actual: dec('450.81') }, items: [] },
      procurement: { label: '政府采购金额', budget: dec('1285'), actual: dec('292.75') },
    },
    indicators: [indicator({ level1: '投入', level2: '目标设定', name: '绩效目标合理性', target: '', actual: '', score: '3' })],
  });
  const r = scoreEvaluation(e, MOF_2013_DEPARTMENT);
  const leaf = (name: string) => r.levels.flatMap((l) => l.groups.flatMap((g) => g.indicators)).find((i) => i.name === name);

  it('scores 在职人员控制率 85/111 = 76.58% ≤ 100% full', () => {
    expect(leaf('在职人员控制率')?.computed?.toString()).toBe('5');
    expect(leaf('在职人员控制率')?.reason).toBe('85 ÷ 111 × 100% = 76.58%，≤ 100%，得满分 5 分');
  });

  it('deducts 0.5 per point of "三公经费"变动率 above 0: (70.3 − 67.03)/67.03 = 4.88% → 5 − 2.44 = 2.56', () => {
    expect(leaf('“三公经费”变动率')?.computed?.toString()).toBe('2.56');
  });

  it('deducts 1 per point of 公用经费控制率 above 100%: 450.81/271.19 = 166.23% → 0', () => {
    expect(leaf('公用经费控制率')?.computed?.toString()).toBe('0');
  });

  it('scores 政府采购执行率 292.75/1285 = 22.78% linearly: 4 × 0.2278 = 0.91', () => {
    expect(leaf('政府采购执行率')?.computed?.toString()).toBe('0.91');
  });

  it('takes judgement items from the stated rows, and reports the unscored ones', () => {
    expect(leaf('绩效目标合理性')?.computed?.toString()).toBe('3');
    expect(r.findings.filter((f) => f.rule === 'score.leaf-unscored').length).toBeGreaterThan(10);
  });
});
