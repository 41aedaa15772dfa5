import { describe, expect, it } from 'vitest';
import { FLAG_QUESTIONS, GENERAL_QUESTION, NO_EVALUATION_QUESTION, RULE_QUESTIONS, suggestQuestions } from './review-questions';
import { RULE_TITLE } from '../../labels';

const unit = {
  evaluationId: 'e1',
  budget: '100.000000',
  executed: '60.000000',
  executionRate: '60.0000',
  statedScore: '99.00',
  computedScore: '70.00',
  errorCount: 1,
  flags: [] as ('score-above-execution' | 'executed-above-budget' | 'score-differs' | 'has-errors')[],
};

describe('suggested review questions', () => {
  it('writes the unit’s own exact figures into a flag’s question', () => {
    expect(FLAG_QUESTIONS['score-above-execution'](unit)).toBe('自评得分 99 分而预算执行率仅 60.00%，请说明评分依据');
    expect(FLAG_QUESTIONS['executed-above-budget']({ ...unit, budget: '2092.380000', executed: '2575.660000' })).toBe('执行数 2,575.66 万元超过预算数 2,092.38 万元，请说明超预算支出的原因及预算调整程序');
    expect(FLAG_QUESTIONS['score-differs'](unit)).toBe('自评得分 99 分与按评分规则复算的 70 分相差较大，请逐项说明评分依据');
    expect(FLAG_QUESTIONS['has-errors']({ ...unit, errorCount: 3 })).toBe('审查发现 3 项错误，请逐项核实并说明更正情况');
  });

  it('asks flags first, then finding rules by severity, each question once, within the limit', () => {
    const questions = suggestQuestions({ ...unit, flags: ['score-above-execution', 'score-differs', 'has-errors'] }, [
      { rule: 'audit.quality.satisfaction-100', severity: 'info' },
      { rule: 'score.execution-rate-conflict', severity: 'warning' },
      { rule: 'audit.execution-rate', severity: 'error' },
      // Asked by the flag already, with the figures.
      { rule: 'audit.score-above-execution', severity: 'warning' },
      { rule: 'some.unknown-rule', severity: 'error' },
    ]);
    expect(questions).toEqual([
      '自评得分 99 分而预算执行率仅 60.00%，请说明评分依据',
      '自评得分 99 分与按评分规则复算的 70 分相差较大，请逐项说明评分依据',
      // has-errors is left to the error's own question; the conflict's question is the same words, asked once.
      '报告所称执行率与金额计算不一致，请核实',
      '满意度均为 100%，请说明满意度调查的方式、样本和结果',
    ]);
    const many = suggestQuestions(unit, Object.keys(RULE_QUESTIONS).map((rule) => ({ rule, severity: 'warning' as const })), 3);
    expect(many).toHaveLength(3);
  });

  it('keeps the count of errors when no error has a question of its own', () => {
    expect(suggestQuestions({ ...unit, flags: ['has-errors'] }, [{ rule: 'some.unknown-rule', severity: 'error' }])).toEqual(['审查发现 1 项错误，请逐项核实并说明更正情况']);
  });

  it('always has a question: for a unit without an evaluation, and for one nothing was found on', () => {
    expect(suggestQuestions({ ...unit, evaluationId: null }, [])).toEqual([NO_EVALUATION_QUESTION]);
    expect(suggestQuestions({ ...unit, flags: [] }, [{ rule: 'some.unknown-rule', severity: 'info' }])).toEqual([GENERAL_QUESTION]);
  });

  it('has a question for every rule the dashboard can name', () => {
    expect(Object.keys(RULE_TITLE).filter((rule) => !RULE_QUESTIONS[rule])).toEqual([]);
  });
});
