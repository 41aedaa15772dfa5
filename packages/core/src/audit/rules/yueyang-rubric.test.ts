import { describe, expect, it } from 'vitest';
import { HUNAN_STANDARD } from '../../frameworks/hunan-standard';
import type { Evaluation } from '../../model/evaluation';
import type { ReportPart } from '../../extract/extract-report';
import { indicator } from '../../scoring/test-builders';
import { RUBRIC_RULES } from './quality-rubric';
import { ALL_PARTS, auditInput, goodIndicators, project, report, sections } from './quality-test-builders';
import { YUEYANG_RUBRIC, scoreYueyangRubric } from './yueyang-rubric';
import type { RubricLineId } from './yueyang-rubric';

/** `parts` null: the file's parts are unknown. */
function score(evaluations: readonly Evaluation[], parts: readonly ReportPart[] | null = ALL_PARTS) {
  const [first] = evaluations;
  if (!first) throw new Error('no report');
  const s = scoreYueyangRubric({ report: first, evaluations, frameworkOf: () => HUNAN_STANDARD, ...(parts ? { parts } : {}) });
  const line = (id: RubricLineId) => s.lines.find((l) => l.line.id === id);
  return { ...s, score: (id: RubricLineId) => line(id)?.score?.toString(), reason: (id: RubricLineId) => line(id)?.reason };
}

const withProblems = (problems: string) => score([report({ sections: sections({ texts: { problems } }) })]);
const withMeasures = (measures: string) => score([report({ sections: sections({ texts: { measures } }) })]);

describe('the 岳阳 考核评分表 as data', () => {
  it('adds up to 100: 布置工作 10, 实施评价 20, 自评报告 70, of which the report shows 70', () => {
    const sum = (lines: typeof YUEYANG_RUBRIC) => lines.reduce((n, l) => n + l.points.toNumber(), 0);
    expect(sum(YUEYANG_RUBRIC)).toBe(100);
    for (const level1 of ['布置工作', '实施评价', '自评报告']) {
      const lines = YUEYANG_RUBRIC.filter((l) => l.level1 === level1);
      expect(sum(lines)).toBe(lines[0]?.level1Points);
    }
    expect(sum(YUEYANG_RUBRIC.filter((l) => l.fromReport))).toBe(70);
    expect(YUEYANG_RUBRIC.find((l) => l.id === 'problems')?.standard).toContain('只提出资金不足问题的不得分');
  });
});

describe('scoreYueyangRubric', () => {
  it('gives a complete report with matching problems and measures all 70 points it can show', () => {
    const s = score([report(), project()]);
    expect(s.assessable.toString()).toBe('70');
    expect(s.total.toString()).toBe('70');
    expect(s.lines.filter((l) => l.score === undefined).map((l) => l.line.id)).toEqual(['notice', 'team', 'self-check', 'submission']);
    expect(s.reason('problems')).toBe('问题涉及 5 个方面：预算和预算绩效管理（“预算编制”）、部门履职效能（“履职”）、资金分配、使用和管理（“结转”）、资产和财务管理（“资产”）、政府采购（“政府采购”），归纳全面');
  });

  it('deducts 2 per missing or empty section, at most 8', () => {
    const two = score([report({ sections: sections({ drop: ['government-fund'], texts: { performance: '' } }) })]);
    expect(two.score('body')).toBe('4');
    expect(two.reason('body')).toBe('正文 10 个部分中少 2 个（缺“三、政府性基金预算支出情况”；“六、部门整体支出绩效情况”只有标题），每少一个扣 2 分，扣 4 分');
    expect(score([report({ sections: sections({ drop: ['basic-info', 'general-budget', 'government-fund', 'state-capital', 'social-insurance'] }) })]).score('body')).toBe('0');
  });

  it('deducts 2 per missing 附表, and leaves 附件 unscored when the file parts are unknown', () => {
    const s = score([report()], [{ kind: 'report' }, { kind: 'department' }]);
    expect(s.score('attachments')).toBe('3');
    const unknown = score([report()], null);
    expect(unknown.score('attachments')).toBeUndefined();
    expect(unknown.assessable.toString()).toBe('63');
    expect(unknown.total.toString()).toBe('63');
  });

  it('scores weights pro rata over the items of every table (10/50/30/10)', () => {
    // The project's 产出 rows weigh 20 + 20 = 40: 1 of 8 items is off, 5 × 7/8 = 4.375 → 4.38.
    const off = goodIndicators().map((i, n) => (n === 0 ? { ...i, weight: i.weight?.minus(10) } : i));
    const s = score([report(), project({ indicators: off })]);
    expect(s.score('weights')).toBe('4.38');
    expect(s.reason('weights')).toBe('8 项权重中 1 项不符（【测试项目】产出指标 40，应为 50），按比例 7/8 得分');
  });

  it('scores refinement and measurability by their shares, and nothing without indicators', () => {
    const unnamed = indicator({ level1: '产出指标', level2: '数量指标', name: '', target: '≥6次', actual: '8次' });
    // 5 rows, one without a 三级 name: 5 × 4/5 = 4.
    expect(score([report({ indicators: [...goodIndicators(), unnamed] })]).score('refinement')).toBe('4');
    // 5 rows, one vague target: 10 × 4/5 = 8.
    const vague = indicator({ level1: '效益指标', level2: '社会效益指标', name: '促进发展', target: '有效促进', actual: '有效促进' });
    const s = score([report({ indicators: [...goodIndicators(), vague] })]);
    expect(s.score('measurable')).toBe('8');
    expect(s.reason('measurable')).toBe('5 项指标中 1 项的指标值无法衡量（“有效促进”），按可衡量比例 4/5 得分');
    // No indicators (seed 000): refinement 0, measurability 0, and only 预算执行率's weight is stated (1 of 4: 1.25).
    const none = score([report({ indicators: [] })]);
    expect([none.score('refinement'), none.score('measurable'), none.score('weights')]).toEqual(['0', '0', '1.25']);
  });

  it.each([
    ['three areas', '（一）预算编制不够精准\n偏差较大。\n（二）政府采购程序不够规范\n未及时备案。\n（三）资产管理有待加强\n账实不符。', '16'],
    ['two areas', '（一）预算编制不够精准\n偏差较大。\n（二）政府采购程序不够规范\n未及时备案。', '13'],
    ['one area', '（一）预算编制不够精准\n（二）绩效目标设置不够科学', '10'],
    ['prose without items, however many areas', '预算编制不够精准，政府采购不规范，资产账实不符，履职效能不高。', '10'],
    ['only 资金不足', '（一）工作经费不足\n（二）专项资金短缺', '0'],
  ])('bands 反映问题情况: %s → %s', (_name, problems, expected) => {
    expect(withProblems(problems).score('problems')).toBe(expected);
  });

  it('scores no problems section as 0', () => {
    expect(withProblems('').score('problems')).toBe('0');
  });

  it.each([
    ['only 加大资金投入', '（一）加大资金投入。\n（二）积极争取财政支持。', '0'],
    ['too simple', '加强管理，规范程序。', '6'],
    ['3 of 4 problems answered', `${'（一）提高预算编制精准度，细化项目测算。\n（二）规范政府采购程序，及时备案。\n（三）加强资产管理，定期盘点。'}\n（四）组织干部参加业务培训，学习财经法规，提高业务素质。`, '12'],
    ['1 of 4 problems answered', '（一）提高预算编制精准度，细化项目测算，减少年末结转。\n（二）组织干部参加业务培训，学习财经法规，提高业务素质。', '9'],
    ['none answered', '（一）组织干部参加业务培训，学习财经法规，提高业务素质。\n（二）加强宣传引导，营造良好氛围，形成工作合力。', '6'],
  ])('bands 建议情况: %s → %s', (_name, measures, expected) => {
    expect(withMeasures(measures).score('measures')).toBe(expected);
  });
});

describe('audit.quality.yueyang-rubric', () => {
  const [rule] = RUBRIC_RULES;
  if (!rule) throw new Error('rule missing');

  it('records a check per line, warns for each line that loses points and gives the total as info', () => {
    const r = rule.check(auditInput([report({ sections: sections({ drop: ['other'] }) }), project()], ALL_PARTS));
    expect(r.checks).toHaveLength(YUEYANG_RUBRIC.length + 1);
    expect(r.checks[0]?.description).toBe('考核评分表“布置工作·自评通知”（8 分）未计分：需绩效自评通知，报告本身不能说明');
    expect(r.findings.map((f) => [f.severity, f.message])).toEqual([
      ['warning', '考核评分表“自评报告·完整性·正文”（8 分）得 6 分，扣 2 分：正文 10 个部分中少 1 个（缺“十、其他需要说明的情况”），每少一个扣 2 分，扣 2 分'],
      ['info', '按岳阳市部门整体支出绩效自评工作考核评分表，报告可评 70 分中得 68 分，另 30 分（布置工作、实施评价）需佐证材料'],
    ]);
  });

  it('says which lines it could not score when the file parts are unknown, and is silent without a report', () => {
    const r = rule.check(auditInput([report()]));
    expect(r.findings.map((f) => f.message)).toEqual(['按岳阳市部门整体支出绩效自评工作考核评分表，报告可评 63 分中得 63 分，另 37 分（布置工作、实施评价、完整性·附件）无法从报告评定']);
    expect(rule.check(auditInput([project()], [{ kind: 'project' }])).checks).toEqual([]);
  });
});
