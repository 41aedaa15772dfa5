import { describe, expect, it } from 'vitest';
import { extractReport } from './extract-report';
import { classifyTable, extractSelfEvaluationTable } from './extract-self-evaluation-table';
import { headerRoles, parseIndicatorRows } from './parse-indicator-rows';
import { readProseScores, readTitle } from './extract-prose';
import { readStatements } from './read-statements';
import { readReportDate } from './read-report-date';
import { doc, heading, paragraph, table } from './test-documents';

const HEADER = ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];

/** A 项目支出绩效自评表 as flattened text gives it: ragged rows, empty cells for merged ones. */
const PROJECT = table([
  ['项目支出名称', '运行维护经费'],
  ['主管部门', '岳阳市人民代表大会常务委员会', '实施单位', '岳阳市人民代表大会常务委员会'],
  ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  ['', '年度资金总额', '238.49', '400.03', '394', '10', '100%', '10'],
  ['', '其中：当年财政拨款', '238.49', '370.03', '364', '全年预算数与执行数差额的原因是支付天然气借款6.03万。'],
  ['', '上年结转资金', '', '', '', '', '', ''],
  ['', '其他资金', '', '30', '30', '', '', ''],
  ['年度总体目标', '预期目标', '实际完成情况'],
  ['', '服务机关后勤工作，保障机关运行', '已保障机关正常运行'],
  HEADER,
  ['', '产出指标\n(50分)', '数量指标', '保证2台空调机组正常运行', '2台空调机组', '已完成', '25', '25', ''],
  ['', '', '质量指标', '保障所有监控、电梯正常工作', '保障安全', '更换两台电梯', '25', '25', ''],
  ['', '效益指标\n（30分）', '经济效\n益指标', '', '', '', '', '', ''],
  ['', '', '社会效益指标', '提升机关文明形象', '全员参与', '已开展', '30', '30', ''],
  ['', '满意度\n指标\n（10分）', '服务对象满意度指标', '机关全体职工干部满意', '满意', '满意', '10', '10', ''],
  ['总分', '100', '100', ''],
]);

describe('classifyTable', () => {
  it('tells the kinds of table apart by their labels', () => {
    expect(classifyTable(PROJECT)).toBe('project');
    expect(classifyTable(table([['财政供养人员情况（人）', '编制数'], ['经费控制情况（万元）']]))).toBe('basicData');
    expect(classifyTable(table([['部门（单位）名称', '', 'X'], ['整体支出规模', '全年预算数']]))).toBe('department');
    expect(classifyTable(table([['一级指标', '二级指标', '评分标准']]))).toBe('rubric');
    expect(classifyTable(table([['甲', '乙']]))).toBe('other');
  });
});

describe('extractSelfEvaluationTable', () => {
  const { evaluation: e, findings } = extractSelfEvaluationTable(PROJECT, 'project', { year: 2022 });

  it('reads the names, the fund rows by the header’s columns, and a note in a row', () => {
    expect(e.title).toBe('运行维护经费');
    expect(e.unit).toMatchObject({ supervisor: '岳阳市人民代表大会常务委员会', implementer: '岳阳市人民代表大会常务委员会' });
    expect(e.funds.map((f) => [f.line, f.initialBudget?.toString(), f.annualBudget?.toString(), f.executed?.toString(), f.weight?.toString(), f.statedRate?.toString(), f.statedScore?.toString()])).toEqual([
      ['total', '238.49', '400.03', '394', '10', '100', '10'],
      ['currentAppropriation', '238.49', '370.03', '364', undefined, undefined, undefined],
      ['other', undefined, '30', '30', undefined, undefined, undefined],
    ]);
    expect(e.funds[1]?.note).toBe('全年预算数与执行数差额的原因是支付天然气借款6.03万。');
    expect(e.goals).toEqual([expect.objectContaining({ planned: '服务机关后勤工作，保障机关运行', achieved: '已保障机关正常运行' })]);
  });

  it('reads indicator rows aligned from the right, carrying 一级/二级 down and skipping empty rows', () => {
    expect(e.indicators.map((i) => [i.level1, i.level2, i.name, i.target.text, i.actual.text, i.weight?.toString(), i.score?.toString()])).toEqual([
      ['产出指标', '数量指标', '保证2台空调机组正常运行', '2台空调机组', '已完成', '25', '25'],
      ['产出指标', '质量指标', '保障所有监控、电梯正常工作', '保障安全', '更换两台电梯', '25', '25'],
      ['效益指标', '社会效益指标', '提升机关文明形象', '全员参与', '已开展', '30', '30'],
      ['满意度指标', '服务对象满意度指标', '机关全体职工干部满意', '满意', '满意', '10', '10'],
    ]);
    expect(e.stated.total?.toString()).toBe('100');
    expect(e.stated.levels?.map((l) => `${l.level1}${l.weight}`)).toEqual(['产出指标50', '效益指标30', '满意度指标10']);
    expect(findings).toEqual([]);
  });
});

describe('parseIndicatorRows reads scrambled rows by their content (seed 003)', () => {
  const roles = headerRoles(table([['一级指标', '权重', '二级指标', '三级指标', '年度指标值', '全年完成值', '自评得分', '偏差及原因分析']]).rows[0] ?? []);
  if (!roles) throw new Error('header not recognised');
  const rows = table([
    ['产出 指标', '25', '成本指标（6）', '公用经费控制率', '≤100%', '49%', '6', ''],
    ['', '', '效益 指标', '45', '经济效益指标（10）', '助推优化营商环境', '效果显著', '效果显著'],
    ['社会效益指标（10）', '代表建议办理满意率', '', '', '≥80%', '≥80%', '10', ''],
    ['满意度指标（10）', '社会公众满意度', '', '', '≥80%', '≥90%', '10', ''],
    ['总 分', '', '', '100', '', '', '99', ''],
  ]).rows;
  const block = parseIndicatorRows(rows, roles, undefined);

  it('finds 一级, 二级, 三级 and values wherever they fell', () => {
    expect(block.indicators.map((i) => [i.level1, i.level2, i.name, i.target.text, i.actual.text, i.score?.toString()])).toEqual([
      ['产出指标', '成本指标', '公用经费控制率', '≤100%', '49%', '6'],
      ['效益指标', '经济效益指标', '助推优化营商环境', '效果显著', '效果显著', undefined],
      ['效益指标', '社会效益指标', '代表建议办理满意率', '≥80%', '≥80%', '10'],
      // With a 权重 column, "满意度指标（10）" is a 二级 under 效益, not a new 一级.
      ['效益指标', '满意度指标', '社会公众满意度', '≥80%', '≥90%', '10'],
    ]);
  });

  it('keeps the weights printed beside the level names', () => {
    expect(block.levels.map((l) => `${l.level1}/${l.level2 ?? ''}=${l.weight}`)).toEqual(['产出指标/=25', '产出指标/成本指标=6', '效益指标/=45', '效益指标/经济效益指标=10', '效益指标/社会效益指标=10', '效益指标/满意度指标=10']);
  });
});

describe('prose', () => {
  it('reads the title line into year and unit', () => {
    expect(readTitle([heading('', '2024 年度湖南省人大常委会办公厅 部门整体支出绩效自评报告')])).toEqual({ year: 2024, unit: '湖南省人大常委会办公厅' });
    expect(readTitle([paragraph('2022 年部门整体支出绩效自评报告'), paragraph('单位名称（盖章）：浏阳市人大常委会办公室')])).toEqual({ year: 2022, unit: '浏阳市人大常委会办公室' });
  });

  it('reads score lines, the execution figures under them and indicators written as sentences', () => {
    const p = readProseScores([
      paragraph('根据部门整体支出绩效评价指标，部门整体支出绩效得分99分，具体情况如下：'),
      paragraph('（一）预算执行率（分值10分，得9分，扣1分）'),
      paragraph('年度资金总额（含其他资金）全年预算数（含上年结转）32909.2万元，全年执行数31092.65万元，预算执行率94.48%。'),
      paragraph('（二）产出指标（分值50分，得50分，未扣分）'),
      paragraph('1.数量指标（分值20分，得20分，未扣分）'),
      paragraph('全年报送《湖南信息》期数，年度指标值：≥400期，实际完成值：408期，分值3分，得分3分。紧紧围绕中心工作。'),
      paragraph('财政支出绩效为“优”。'),
    ]);
    expect(p.stated.total?.toString()).toBe('99');
    expect(p.stated.grade).toBe('优');
    expect(p.stated.execution).toEqual({ weight: expect.anything(), score: expect.anything(), deduction: expect.anything() });
    expect(`${p.stated.execution?.weight}/${p.stated.execution?.score}/${p.stated.execution?.deduction}`).toBe('10/9/1');
    expect(p.stated.levels?.map((l) => `${l.level1}/${l.level2 ?? ''}:${l.weight}/${l.score}/${l.deduction}`)).toEqual(['产出指标/:50/50/0', '产出指标/数量指标:20/20/0']);
    expect(p.funds.map((f) => [f.line, f.annualBudget?.toString(), f.executed?.toString(), f.statedRate?.toString(), f.weight?.toString()])).toEqual([['total', '32909.2', '31092.65', '94.48', '10']]);
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.target.text, i.actual.text, i.weight?.toString(), i.score?.toString()])).toEqual([
      ['产出指标', '数量指标', '全年报送《湖南信息》期数', '≥400期', '408期', '3', '3'],
    ]);
  });

  it('collects every amount and percentage with its label and printed precision', () => {
    const s = readStatements([paragraph('部门预算总收入 15880.27 万元，较上年度 14464.73 万元增加 1056.91 万元，增长 7.31%；项目经费 1,740,000元。')], 'r.txt');
    expect(s.map((x) => [x.label, x.value.toString(), x.printedUnit, x.places])).toEqual([
      ['部门预算总收入', '15880.27', '万元', 2],
      ['较上年度', '14464.73', '万元', 2],
      ['增加', '1056.91', '万元', 2],
      ['增长', '7.31', '%', 2],
      ['项目经费', '174', '元', 0],
    ]);
  });
});

describe('extractReport', () => {
  it('builds the 部门整体 evaluation from sections and prose, and one per project table', () => {
    const r = extractReport(
      doc([
        heading('', '2022年度某单位部门整体支出绩效自评报告'),
        heading('一、', '基本情况'),
        paragraph('某单位。'),
        heading('六、', '部门整体支出绩效情况'),
        paragraph('评分得分 98 分，绩效为“优”。'),
        heading('七、', '存在的问题及原因分析'),
        paragraph('无。'),
        paragraph('2022年度项目支出绩效自评表'),
        PROJECT,
        paragraph('填表人：张三  填报日期：2023.6.15  联系电话：8788622'),
      ]),
    );
    expect(r.kind).toBe('department-report');
    expect(r.year).toBe(2022);
    expect(r.unit).toBe('某单位');
    expect(r.totalScore?.toString()).toBe('98');
    expect(r.evaluations.map((e) => [e.kind, e.title])).toEqual([
      ['department', '某单位'],
      ['project', '运行维护经费'],
    ]);
    expect(r.evaluations[0]?.sections.map((s) => s.heading)).toEqual(['一、基本情况', '六、部门整体支出绩效情况', '七、存在的问题及原因分析']);
    expect(r.evaluations[1]?.unit).toMatchObject({ contact: '张三', filledDate: '2023-06-15', phone: '8788622' });
  });

  it('says so when a document holds no self-evaluation', () => {
    const r = extractReport(doc([paragraph('会议纪要')]));
    expect(r.evaluations).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toContain('extract.nothing-found');
  });
});

describe('readReportDate', () => {
  it.each([
    ['2025年4月18日', '2025-04-18'],
    ['2025 年 5 月', '2025-05'],
    ['二〇二三年九月', '2023-09'],
    ['二〇二三年十二月三十一日', '2023-12-31'],
    ['２０２５年４月', '2025-04'],
  ])('%s → %s', (text, iso) => expect(readReportDate(text)).toBe(iso));

  it('ignores dates inside sentences and impossible dates', () => {
    expect(readReportDate('2024年2月27日，在湖南人大门户网站上公开2024年度部门预算')).toBeUndefined();
    expect(readReportDate('2025年13月')).toBeUndefined();
  });
});
