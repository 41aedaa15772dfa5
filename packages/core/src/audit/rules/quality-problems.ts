import { memoize2 } from '../memo';
import { extend } from '../../scoring/extend';
import type { Evaluation, ReportSection } from '../../model/evaluation';
import type { SourceRef } from '../../model/source-ref';
import type { Framework } from '../../frameworks/framework';
import { cite } from '../../frameworks/sources';
import type { AuditRule } from '../audit-rule';
import { RuleRecorder } from '../audit-rule';
import { matchOutline, reportsOf } from './quality-sections';
import type { ItemList, TextItem } from './quality-text';
import { MATCH_MIN_SHARED, clip, contentPairs, isFundShortage, isMoreFunds, listItems, pairWord } from './quality-text';

export interface ProblemMatch {
  readonly problem: TextItem;
  /** The measure sharing most content words with the problem's claim, when it shares enough. */
  readonly measure?: TextItem;
  readonly shared: readonly string[];
}

/** The 存在的问题 and 改进措施 sections read as item lists, each problem with the measure that answers it. */
export interface ProblemAnalysis {
  readonly problemsSection?: { readonly section: ReportSection; readonly index: number };
  readonly measuresSection?: { readonly section: ReportSection; readonly index: number };
  readonly problems: ItemList;
  readonly measures: ItemList;
  readonly matches: readonly ProblemMatch[];
  /** Every problem is a shortage of funds ("资金不足", "经费紧张"). */
  readonly onlyFundShortage: boolean;
  /** Every measure asks for more money ("加大资金投入"). */
  readonly onlyMoreFunds: boolean;
}

const EMPTY: ItemList = { items: [], structured: false };

/**
 * Reads the report's problems and measures (the outline's "problems" and "measures" sections, found by
 * keywords) and pairs them: a measure answers a problem when it shares at least two content words with the
 * problem's first sentence ("业财融合协同不足" ↔ "进一步推进业财融合": 业财、财融、融合), or with the whole
 * item when that sentence has fewer than two.
 */
export const analyseProblems = memoize2((e: Evaluation, framework: Framework): ProblemAnalysis => analyse(e, framework));

function analyse(e: Evaluation, framework: Framework): ProblemAnalysis {
  const matched = matchOutline(e.sections, framework.outline);
  const find = (id: string) => {
    const m = matched.find((x) => x.outline.id === id);
    return m?.section && m.index !== undefined && m.status === 'ok' ? { section: m.section, index: m.index } : undefined;
  };
  const problemsSection = find('problems');
  const measuresSection = find('measures');
  const problems = problemsSection ? listItems(problemsSection.section.text) : EMPTY;
  const measures = measuresSection ? listItems(measuresSection.section.text) : EMPTY;
  // Every problem is paired with every measure: each text's content words are read once, as pair codes.
  const measurePairs = measures.items.map((m) => contentPairs(m.text));
  const matches = problems.items.map((problem): ProblemMatch => {
    // The claim is the headline; a headline of one content word or none is read with the item's text.
    const headlinePairs = contentPairs(problem.headline);
    const claim = headlinePairs.size >= MATCH_MIN_SHARED ? headlinePairs : contentPairs(problem.text);
    const needed = Math.max(1, Math.min(MATCH_MIN_SHARED, claim.size));
    let best: { measure: TextItem; shared: number[] } | undefined;
    for (const [k, measure] of measures.items.entries()) {
      const pairs = measurePairs[k] as ReadonlySet<number>;
      const shared = [...claim].filter((p) => pairs.has(p));
      if (!best || shared.length > best.shared.length) best = { measure, shared };
    }
    const shared = (best?.shared ?? []).map(pairWord);
    return best && best.shared.length >= needed ? { problem, measure: best.measure, shared } : { problem, shared };
  });
  return {
    ...(problemsSection ? { problemsSection } : {}),
    ...(measuresSection ? { measuresSection } : {}),
    problems,
    measures,
    matches,
    onlyFundShortage: problems.items.length > 0 && problems.items.every((p) => isFundShortage(p.text)),
    onlyMoreFunds: measures.items.length > 0 && measures.items.every((m) => isMoreFunds(m.text)),
  };
}

const at = (s: { readonly section: ReportSection; readonly index: number } | undefined): SourceRef =>
  s ? extend(s.section.source, { path: `sections[${s.index}].text` }) : { path: 'sections' };

const problemsMeasures: AuditRule = {
  id: 'audit.quality.problems-measures',
  title: '存在的问题与改进措施不对应',
  severity: 'warning',
  sources: [
    cite('SEED-004', 'S', '“建议与问题对应且全面的得15分…只提出加大资金投入建议的不得分”；“只提出资金不足问题的不得分”'),
    cite('JIXIAO', 'I', '措施与问题首句共有两个以上实词即视为对应'),
  ],
  check: (input) => {
    const rec = new RuleRecorder('audit.quality.problems-measures');
    for (const e of reportsOf(input)) {
      const a = analyseProblems(e, input.frameworkOf(e));
      // A missing or empty section is audit.quality.sections' finding.
      if (!a.problemsSection || !a.measuresSection) continue;
      const n = a.problems.items.length;
      const m = a.measures.items.length;
      const counts = `存在的问题${a.problems.structured ? `列出 ${n} 条` : '未分条列出'}，改进措施${a.measures.structured ? `列出 ${m} 条` : '未分条列出'}`;
      rec.record(m < n ? 'warning' : 'ok', m < n ? `${counts}，措施少于问题` : counts, at(a.measuresSection));
      for (const match of a.matches) {
        const problem = `问题“${clip(match.problem.headline)}”`;
        if (match.measure) {
          rec.record('ok', `${problem}有对应措施“${clip(match.measure.headline)}”（共有“${match.shared.slice(0, 4).join('”“')}”）`, at(a.problemsSection));
        } else {
          rec.record('warning', `${problem}在改进措施中没有对应的措施`, at(a.problemsSection), match.problem.headline);
        }
      }
      if (a.onlyFundShortage) {
        rec.record('warning', `存在的问题只提到资金不足（“${clip(a.problems.items[0]?.text ?? '')}”），未从预算管理、履职、资金使用、资产财务、政府采购等方面归纳问题`, at(a.problemsSection), a.problemsSection.section.text);
      }
      if (a.onlyMoreFunds) {
        rec.record('warning', `改进措施只提出加大资金投入（“${clip(a.measures.items[0]?.text ?? '')}”），没有针对问题的管理措施`, at(a.measuresSection), a.measuresSection.section.text);
      }
    }
    return rec.result();
  },
};

export const PROBLEM_RULES: readonly AuditRule[] = [problemsMeasures];
