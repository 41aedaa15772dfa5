import { describe, expect, it } from 'vitest';
import { HUNAN_STANDARD } from '../../frameworks/hunan-standard';
import { PROBLEM_RULES, analyseProblems } from './quality-problems';
import { auditInput, report, sections } from './quality-test-builders';

const [rule] = PROBLEM_RULES;
if (!rule) throw new Error('rule missing');

const withTexts = (problems: string, measures: string) => report({ sections: sections({ texts: { problems, measures } }) });
const found = (problems: string, measures: string) => rule.check(auditInput([withTexts(problems, measures)])).findings.map((f) => [f.severity, f.message]);

describe('analyseProblems', () => {
  it('pairs each problem with the measure that shares its words', () => {
    const a = analyseProblems(report(), HUNAN_STANDARD);
    expect(a.problems.items).toHaveLength(4);
    expect(a.measures.items).toHaveLength(4);
    expect(a.matches.map((m) => [m.problem.headline, m.measure?.headline, m.shared.slice(0, 2)])).toEqual([
      ['预算编制不够精准', '提高预算编制精准度，细化项目测算，减少年末结转', ['预算', '算编']],
      ['政府采购程序不够规范', '规范政府采购程序，采购项目及时备案', ['政府', '府采']],
      // "资产管理有待加强" has one content word (资产): the item's text is read with it.
      ['资产管理有待加强', '加强资产管理，定期盘点固定资产，做到账实相符', ['资产', '固定']],
      ['履职效能有待提升', '提升履职效能，按计划推进各项工作', ['履职', '职效']],
    ]);
  });
});

describe('audit.quality.problems-measures', () => {
  it('passes matching problems and measures, with a check per problem', () => {
    const r = rule.check(auditInput([report()]));
    expect(r.findings).toEqual([]);
    expect(r.checks[0]?.description).toBe('存在的问题列出 4 条，改进措施列出 4 条');
    expect(r.checks).toHaveLength(5);
  });

  it('warns when measures are fewer than problems and names the problem left without one', () => {
    expect(
      found(
        '（一）业财融合协同不足\n业务与财务联动不够。\n（二）预算执行进度偏慢\n部分项目执行率低。\n（三）政府采购意向公开不及时',
        '（一）推进业财融合，明确分工。\n（二）加快预算执行进度，按月调度。',
      ),
    ).toEqual([
      ['warning', '存在的问题列出 3 条，改进措施列出 2 条，措施少于问题'],
      ['warning', '问题“政府采购意向公开不及时”在改进措施中没有对应的措施'],
    ]);
  });

  it('warns for a problem list that only says 资金不足 and measures that only ask for money', () => {
    expect(found('一是工作经费不足。\n二是专项资金短缺。', '一是积极争取财政支持，增加工作经费。\n二是加大专项资金投入。')).toEqual([
      ['warning', '存在的问题只提到资金不足（“工作经费不足。”），未从预算管理、履职、资金使用、资产财务、政府采购等方面归纳问题'],
      ['warning', '改进措施只提出加大资金投入（“积极争取财政支持，增加工作经费。”），没有针对问题的管理措施'],
    ]);
  });

  it('leaves a missing or empty section to audit.quality.sections', () => {
    const e = report({ sections: sections({ drop: ['measures'] }) });
    expect(rule.check(auditInput([e])).checks).toEqual([]);
    expect(rule.check(auditInput([withTexts('', '（一）加强学习。')])).checks).toEqual([]);
  });
});
