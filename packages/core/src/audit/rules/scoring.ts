import { HUNDRED } from '../../money/decimal';
import { formatPercent } from '../../money/percent';
import { scoreEvaluation } from '../../scoring/score-evaluation';
import { cite } from '../../frameworks/sources';
import type { Evaluation } from '../../model/evaluation';
import type { Framework } from '../../frameworks/framework';
import type { ScoreResult } from '../../scoring/score-result';
import type { AuditRule } from '../audit-rule';
import { RuleRecorder } from '../audit-rule';
import { memoize2 } from '../memo';

/**
 * Evaluations are immutable values, so a score is computed once per evaluation and framework and shared by
 * the rules that need it (a WeakMap: nothing outlives the evaluation).
 */
const scoreOnce = memoize2((e: Evaluation, framework: Framework): ScoreResult => scoreEvaluation(e, framework));

/**
 * Scoring: every finding of the scoring engine (stated scores against the framework's rules, execution
 * score, totals, grade, full points for unmet targets, deductions without 偏差原因, over-achievement), plus
 * a self-score far above the execution rate.
 */
const engine: AuditRule = {
  id: 'audit.scoring',
  title: '自评得分与评分规则不符',
  severity: 'warning',
  sources: [cite('S-MOF10', 'B'), cite('S-PMKPI', 'C')],
  check: (input) => {
    const findings = input.evaluations.filter(isScored).flatMap((e) => {
      const result = scoreOnce(e, input.frameworkOf(e));
      const prefix = e.kind === 'project' ? `【${e.title}】` : '';
      // The rate contradiction itself is audit.execution-rate's finding (with the score it costs): not twice.
      return result.findings.filter((f) => f.rule !== 'score.execution-rate-conflict').map((f) => ({ ...f, message: `${prefix}${f.message}` }));
    });
    return { findings, checks: [] };
  },
};

const scoreAboveExecution: AuditRule = {
  id: 'audit.score-above-execution',
  title: '自评得分率远高于预算执行率',
  severity: 'warning',
  sources: [cite('S-PMKPI', 'C', '得分率与执行率比较'), cite('JIXIAO', 'I', '相差 20 个百分点以上提示复核')],
  check: (input) => {
    const rec = new RuleRecorder('audit.score-above-execution');
    for (const e of input.evaluations.filter(isScored)) {
      const r = scoreOnce(e, input.frameworkOf(e));
      const rate = r.execution?.computedRate ?? r.execution?.rate;
      const stated = e.stated.total ?? r.total;
      if (!rate) continue;
      const gap = stated.minus(rate);
      const words = `${e.title}：自评得分率 ${stated}%，预算执行率 ${formatPercent(rate)}`;
      rec.record(rate.lt(HUNDRED) && gap.gt(20) ? 'warning' : 'ok', gap.gt(20) && rate.lt(HUNDRED) ? `${words}，得分率高出 ${formatPercent(gap)}，应复核产出和效益指标是否如实评价` : words);
    }
    return rec.result();
  },
};

/** Whether an evaluation states any score at all; one that states none is reported, not scored. */
function isScored(e: Evaluation): boolean {
  return Boolean(e.stated.total || e.stated.levels?.some((l) => l.score) || e.indicators.some((i) => i.score) || e.funds.some((f) => f.statedScore));
}

const scoreMissing: AuditRule = {
  id: 'audit.score-missing',
  title: '报告没有自评得分',
  severity: 'error',
  sources: [cite('S-MOF10', 'B', '单位自评…总分由各项指标得分汇总形成'), cite('SEED-002', 'S', '安化县人大 2024 报告无任何得分')],
  check: (input) => {
    const rec = new RuleRecorder('audit.score-missing');
    for (const e of input.evaluations) {
      const words = `${e.kind === 'project' ? `【${e.title}】` : ''}${isScored(e) ? '有自评得分' : '没有自评得分：既无总分，也无各项指标的分值和得分，无法核对评价结论'}`;
      rec.record(isScored(e) ? 'ok' : 'error', words, e.source);
    }
    return rec.result();
  },
};

export const SCORING_RULES: readonly AuditRule[] = [scoreMissing, engine, scoreAboveExecution];
