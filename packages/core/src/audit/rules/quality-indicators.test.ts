import { describe, expect, it } from 'vitest';
import { HUNAN_STANDARD } from '../../frameworks/hunan-standard';
import { indicator } from '../../scoring/test-builders';
import { INDICATOR_RULES, fullSatisfaction, isSatisfaction, refinementOf, unmeasurableIndicators } from './quality-indicators';
import { auditInput, goodIndicators, project, report } from './quality-test-builders';

const [refinement, measurability, satisfaction] = INDICATOR_RULES;
if (!refinement || !measurability || !satisfaction) throw new Error('rules missing');

const found = (r: { findings: readonly { severity: string; message: string }[] }) => r.findings.map((f) => [f.severity, f.message]);

describe('audit.quality.refinement', () => {
  it('passes indicators refined to three levels under every 一级', () => {
    const r = refinement.check(auditInput([report()]));
    expect(r.findings).toEqual([]);
    expect(r.checks.map((c) => c.description)).toEqual([
      '一级指标“产出指标”下有 2 项指标',
      '一级指标“效益指标”下有 1 项指标',
      '一级指标“满意度指标”下有 1 项指标',
      '4 项指标均细化到一级、二级、三级',
    ]);
  });

  it('warns once for a table with no indicators at all (seed 000)', () => {
    expect(found(refinement.check(auditInput([report({ indicators: [] })])))).toEqual([['warning', '未列出任何三级绩效指标，绩效指标没有细化到三级']]);
  });

  it('warns for a 一级 with no rows, a row without 三级 name, a row without 二级; a 满意度 row without 二级 is only info', () => {
    const e = project({
      indicators: [
        indicator({ level1: '产出指标', level2: '数量指标', name: '', target: '≥6次', actual: '8次' }),
        indicator({ level1: '产出指标', level2: '', name: '按时完成率', target: '100%', actual: '100%' }),
        indicator({ level1: '满意度指标', level2: '', name: '代表满意度', target: '≥90%', actual: '96%' }),
      ],
    });
    expect(found(refinement.check(auditInput([e])))).toEqual([
      ['warning', '【测试项目】一级指标“效益指标”下没有任何指标'],
      ['warning', '【测试项目】“产出指标/数量指标”下第 1 行指标没有三级指标名称，未细化到三级'],
      ['warning', '【测试项目】指标“按时完成率”没有二级指标，未细化到三级'],
      ['info', '【测试项目】指标“代表满意度”未写二级指标，“满意度指标”下只有一个二级，可以归类'],
    ]);
    expect(e.indicators.map((i) => refinementOf(i, HUNAN_STANDARD))).toEqual(['noName', 'noLevel2', 'impliedLevel2']);
  });
});

describe('audit.quality.measurability', () => {
  const vague = (target: string, name = '促进发展') => indicator({ level1: '效益指标', level2: '社会效益指标', name, target, actual: target });

  it('gives an info per vague target and an ok check while they are at most half', () => {
    const e = report({ indicators: [...goodIndicators(), vague('有效促进')] });
    const r = measurability.check(auditInput([e]));
    expect(found(r)).toEqual([['info', '指标“促进发展”的年度指标值“有效促进”用“有效促进”等模糊表述且没有数值，无法衡量是否完成']]);
    expect(r.checks.at(-1)).toEqual({ rule: 'audit.quality.measurability', outcome: 'ok', description: '5 项指标中有 1 项的指标值无法衡量' });
    expect(r.findings[0]?.location).toEqual({ path: 'indicators[4].target' });
  });

  it('warns when more than half cannot be measured, quoting them', () => {
    const e = project({ indicators: [vague('持续提升'), vague('效果显著', '营商环境'), vague('≥95%', '办结率')] });
    const r = measurability.check(auditInput([e]));
    expect(found(r).at(-1)).toEqual(['warning', '【测试项目】3 项指标中有 2 项的指标值无法衡量（“持续提升”“效果显著”），超过一半，指标应细化量化']);
    expect(r.findings.filter((f) => f.severity === 'info')).toHaveLength(2);
    expect(unmeasurableIndicators(e).map((u) => u.index)).toEqual([0, 1]);
  });

  it('says nothing for a table without indicators (that is refinement’s finding)', () => {
    expect(measurability.check(auditInput([report({ indicators: [] })])).checks).toEqual([]);
  });
});

describe('audit.quality.satisfaction-100', () => {
  const sat = (actual: string, name = '代表满意度') => indicator({ level1: '满意度指标', level2: '服务对象满意度指标', name, target: '≥90%', actual });

  it('reads 100% and 满意 as full, not a 回复率 of 100% beside other words', () => {
    expect(fullSatisfaction('100%')).toBe('percent');
    expect(fullSatisfaction('满意度100%')).toBe('percent');
    expect(fullSatisfaction('满意')).toBe('word');
    expect(fullSatisfaction('≥95%')).toBeUndefined();
    expect(fullSatisfaction('信访交办件到期回复率100%，满意度已达要求')).toBeUndefined();
    expect(isSatisfaction(indicator({ level1: '效益指标', level2: '社会效益指标', name: '代表建议办理满意率', target: '≥80%', actual: '90%' }))).toBe(true);
  });

  it('notes when every 满意度 is 100%', () => {
    const e = report({ indicators: [...goodIndicators().slice(0, 3), sat('100%'), sat('100%', '群众满意度')] });
    expect(found(satisfaction.check(auditInput([e])))).toEqual([['info', '满意度均为 100%（“代表满意度”100%，“群众满意度”100%），应说明调查方法与样本']]);
    const words = project({ indicators: [sat('满意')] });
    expect(found(satisfaction.check(auditInput([words])))).toEqual([['info', '【测试项目】满意度均为 100% 或“满意”（“代表满意度”满意），应说明调查方法与样本']]);
  });

  it('is quiet when one 满意度 is below 100% or there is none', () => {
    const r = satisfaction.check(auditInput([report({ indicators: [sat('100%'), sat('96%', '群众满意度')] })]));
    expect(r.findings).toEqual([]);
    expect(r.checks.map((c) => c.description)).toEqual(['满意度实际完成值：“代表满意度”100%，“群众满意度”96%']);
    expect(satisfaction.check(auditInput([report({ indicators: goodIndicators().slice(0, 3) })])).checks).toEqual([]);
  });
});
