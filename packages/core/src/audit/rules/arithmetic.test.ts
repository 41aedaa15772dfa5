import { describe, expect, it } from 'vitest';
import { dec } from '../../money/decimal';
import { HUNAN_STANDARD } from '../../frameworks/hunan-standard';
import { readStatements } from '../../extract/read-statements';
import { paragraph } from '../../extract/test-documents';
import { evaluation, fundRow } from '../../scoring/test-builders';
import type { AuditInput } from '../audit-rule';
import { ARITHMETIC_RULES } from './arithmetic';

const rule = (id: string) => {
  const r = ARITHMETIC_RULES.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};
const input = (fields: Partial<AuditInput>): AuditInput => ({ evaluations: [], statements: [], frameworkOf: () => HUNAN_STANDARD, ...fields });
const outcomes = (id: string, i: AuditInput) => rule(id).check(i).checks.map((c) => [c.outcome, c.description]);
/** Statements of one paragraph, located in one block as the extractor gives them. */
const said = (text: string) => readStatements([{ ...paragraph(text), source: { block: 1 } }], 'r.txt');

describe('audit.execution-rate', () => {
  it('judges a stated rate to its printed places: exact ok, one unit off info, more an error', () => {
    const e = evaluation({
      funds: [
        fundRow({ annualBudget: '15424.89', executed: '14277.44', statedRate: '92.56' }), // 92.5610…% → ok
        fundRow({ line: 'basic', annualBudget: '823', executed: '702.8', statedRate: '85.4' }), // 85.3949% at 1 place → ok
        fundRow({ line: 'project', annualBudget: '15424.89', executed: '14877.44', statedRate: '92.56' }), // 96.45% → error
      ],
    });
    expect(outcomes('audit.execution-rate', input({ evaluations: [e] }))).toEqual([
      ['ok', '【测试项目】年度资金总额执行率：14277.44 ÷ 15424.89 = 92.56%，报告称 92.56%'],
      ['ok', '【测试项目】年度资金总额执行率：702.8 ÷ 823 = 85.39%，报告称 85.4%'],
      ['error', '【测试项目】年度资金总额执行率：14877.44 ÷ 15424.89 = 96.45%，报告称 92.56%'],
    ]);
  });
});

describe('audit.fund-parts', () => {
  it('checks a project table’s sources column by column, and errs only on table figures', () => {
    const table = { row: 3, column: 1 };
    const rows = [
      { ...fundRow({ annualBudget: '400.03', executed: '394' }), source: table },
      { ...fundRow({ line: 'currentAppropriation', annualBudget: '370.03', executed: '364' }), label: '当年财政拨款', source: table },
      { ...fundRow({ line: 'other', annualBudget: '30', executed: '20' }), label: '其他资金', source: table },
    ];
    expect(outcomes('audit.fund-parts', input({ evaluations: [evaluation({ funds: rows })] }))).toEqual([
      ['ok', '【测试项目】资金来源（全年预算数）：当年财政拨款 370.03 + 其他资金 30 = 400.03，年度资金总额为 400.03'],
      // 364 + 20 = 384 ≠ 394
      ['error', '【测试项目】资金来源（执行数）：当年财政拨款 364 + 其他资金 20 = 384，年度资金总额为 394'],
    ]);
  });
});

describe('audit.year-on-year', () => {
  it('recomputes the change and the rate from the two years, and catches a change stated twice differently', () => {
    const s = said('部门预算总收入 15880.27 万元，较上年度 14464.73 万元增加 1056.91 万元，增长 7.31%。机关预算总收入 15880.27 万元，较上年度增加 455.38 万元，增加 3%。');
    expect(outcomes('audit.year-on-year', input({ statements: s }))).toEqual([
      ['error', '增减额：15880.27 − 14464.73 = 1415.54，报告称增加 1056.91 万元'],
      ['error', '增减率：1415.54 ÷ 14464.73 = 9.79%，报告称 7.31%'],
      ['ok', '增减率：455.38 ÷（15880.27 − 455.38）= 2.95%，报告称 3%'],
      ['error', '同一数字前后不一：“预算总收入”较上年增加，一处称 1056.91 万元，另一处称 455.38 万元'],
    ]);
  });

  it('accepts a consistent decrease', () => {
    const s = said('2024年，本单位支出1304.57万元，比上年1336.76万元减少32.19万元，减少2.41%。');
    expect(outcomes('audit.year-on-year', input({ statements: s })).map((o) => o[0])).toEqual(['ok', 'ok']);
  });
});

describe('audit.shares', () => {
  it('finds the whole a share is of, and treats a last-digit difference as rounding', () => {
    const s = said('2022年一般公共预算拨款支出4026.3万元，其中，一般公共服务支出3518.3万元，占87.38%；科学技术支出20.3万元，占0.51%。');
    expect(outcomes('audit.shares', input({ statements: s }))).toEqual([
      ['ok', '占比：3518.3 ÷ 4026.3（2022年一般公共预算拨款支出）= 87.38%，报告称 87.38%'],
      ['info', '占比：20.3 ÷ 4026.3（2022年一般公共预算拨款支出）= 0.50%，报告称 0.51%（舍入或凑足 100% 的差异）'],
    ]);
  });

  it('warns when no figure of the paragraph makes the share', () => {
    const s = said('项目支出4000万元，其中会议费1000万元，占40%。');
    expect(outcomes('audit.shares', input({ statements: s }))).toEqual([['warning', '占比：1000 ÷ 4000（项目支出）= 25.00%，报告称 40%']]);
  });
});

describe('audit.basic-data', () => {
  it('adds up the 三公 lines and flags 公用经费 spent beyond its budget', () => {
    const line = (label: string, budget: string, actual: string) => ({ label, budget: dec(budget), actual: dec(actual) });
    const e = evaluation({
      kind: 'department',
      basicData: {
        threePublic: { total: line('三公经费', '202', '70.3'), vehicle: line('公务用车', '130', '66.81'), overseas: line('出国', '30', '0'), reception: line('公务接待', '42', '3.49') },
        publicExpense: { total: line('公用经费', '271.19', '450.81'), items: [] },
      },
    });
    expect(outcomes('audit.basic-data', input({ evaluations: [e] }))).toEqual([
      ['ok', '基础数据表“三公”经费（本年预算数）：130 + 30 + 42 = 202，表列 202'],
      ['ok', '基础数据表“三公”经费（本年决算数）：66.81 + 0 + 3.49 = 70.3，表列 70.3'],
      ['warning', '基础数据表公用经费控制率：450.81 ÷ 271.19 = 166.23%，决算超过预算，应说明原因'],
      ['ok', '基础数据表“三公”经费控制率：70.3 ÷ 202 = 34.80%'],
    ]);
  });

  it('names the field each finding is about, for the editor to lead to it', () => {
    const line = (label: string, budget: string, actual: string) => ({ label, budget: dec(budget), actual: dec(actual) });
    // 66.81 + 0 + 13.49 = 80.3 against a stated 70.3: an error on the total's 本年决算数. 45 in post for 42 posts
    // is 107.14% (超编, a warning on 实际在职人数), stated as 100%: an error on the stated 控制率.
    const e = evaluation({
      kind: 'department',
      basicData: {
        staff: { quota: 42, actual: 45, statedControlRate: dec('100') },
        threePublic: { total: line('三公经费', '202', '70.3'), vehicle: line('公务用车', '130', '66.81'), overseas: line('出国', '30', '0'), reception: line('公务接待', '42', '13.49') },
      },
    });
    const findings = rule('audit.basic-data').check(input({ evaluations: [e] })).findings;
    expect(findings.map((f) => [f.severity, f.location?.path])).toEqual([
      ['error', 'basicData.threePublic.total.actual'],
      ['warning', 'basicData.staff.actual'],
      ['error', 'basicData.staff.statedControlRate'],
    ]);
  });
});

describe('audit.prose-rates', () => {
  it('recomputes a control rate stated beside its budget and spending', () => {
    const s = said('2024年公用经费预算安排6975.25万元，实际支出6897.35万元，公用经费控制率98.88%。“三公”经费预算 823 万元，实际支出 702.8 万元，“三公”经费控制率 90%。');
    expect(outcomes('audit.prose-rates', input({ statements: s }))).toEqual([
      // 6897.35 / 6975.25 = 0.988832
      ['ok', '公用经费控制率：6897.35 ÷ 6975.25 = 98.88%，报告称 98.88%'],
      // 702.8 / 823 = 0.853949, not 90%
      ['error', '“三公”经费控制率：702.8 ÷ 823 = 85.39%，报告称 90%'],
    ]);
  });
});

describe('audit.execution-over-100', () => {
  it('warns when spending exceeds the budget, and lists the rest as checked', () => {
    const e = evaluation({ funds: [fundRow({ line: 'currentAppropriation', annualBudget: '2092.38', executed: '2575.66' }), fundRow({ line: 'project', annualBudget: '710.12', executed: '614.49' })] });
    // 2575.66 / 2092.38 = 123.097…%; 614.49 / 710.12 = 86.53%
    expect(outcomes('audit.execution-over-100', input({ evaluations: [e] }))).toEqual([
      ['warning', '【测试项目】年度资金总额：执行 2575.66 ÷ 预算 2092.38 = 123.10%，超过 100%，预算编制的准确性值得关注'],
      ['ok', '【测试项目】年度资金总额：执行 614.49 ÷ 预算 710.12 = 86.53%'],
    ]);
  });
});

describe('audit.prose-vs-table', () => {
  it('compares a budget stated in the text with the department table', () => {
    const e = evaluation({ kind: 'department', funds: [{ ...fundRow({ line: 'project', annualBudget: '275.61' }), label: '项目支出', source: { row: 4 } }] });
    const s = said('2024年项目支出预算236万元：县人大代表活动经费31.00万元。');
    expect(outcomes('audit.prose-vs-table', input({ evaluations: [e], statements: s }))).toEqual([['warning', '项目支出预算：正文称 236 万元，表列 275.61 万元']]);
  });
});
