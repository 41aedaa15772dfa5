import { memoize } from '../memo';
import { extend } from '../../scoring/extend';
import type { Evaluation, Indicator } from '../../model/evaluation';
import type { Framework, Level1Node } from '../../frameworks/framework';
import { cite } from '../../frameworks/sources';
import { matchesNode } from '../../scoring/level-names';
import { normalizeNumericText } from '../../money/normalize-digits';
import type { AuditRule } from '../audit-rule';
import { RuleRecorder } from '../audit-rule';
import { clip, unmeasurableReason } from './quality-text';

const prefixOf = (e: Evaluation): string => (e.kind === 'project' ? `【${e.title}】` : '');
const nameOf = (i: Indicator): string => i.name.trim() || i.level2.trim() || i.level1.trim();

/** 一级 nodes whose 三级 the unit writes (not the framework's own leaves, as 53号's computed items). */
function unitWrittenNodes(framework: Framework): Level1Node[] {
  return framework.tree.filter((n) => !n.children.some((c) => c.leaves?.length));
}

/** How an indicator stands on 三级 refinement. */
export type Refinement = 'refined' | 'impliedLevel2' | 'noLevel2' | 'noName';

/**
 * Whether an indicator is refined to three levels. A missing 二级 is implied, not missing, where the
 * framework's 一级 has a single 二级 (满意度指标 → 服务对象满意度指标, seed 001's three 满意度 rows).
 */
export function refinementOf(indicator: Indicator, framework: Framework): Refinement {
  if (!indicator.name.trim()) return 'noName';
  if (indicator.level2.trim()) return 'refined';
  const node = framework.tree.find((n) => matchesNode(indicator.level1, n));
  return node?.children.length === 1 ? 'impliedLevel2' : 'noLevel2';
}

const refinement: AuditRule = {
  id: 'audit.quality.refinement',
  title: '绩效指标未细化到三级',
  severity: 'warning',
  sources: [
    cite('SEED-004', 'S', '“绩效指标全部细化到三级指标的，得5分；部分细化的，酌情扣分；没有细化的，不得分”'),
    cite('JIXIAO', 'I', '一级指标下无任何指标、指标缺名称或缺二级即未细化'),
  ],
  check: (input) => {
    const rec = new RuleRecorder('audit.quality.refinement');
    for (const e of input.evaluations) {
      const p = prefixOf(e);
      const framework = input.frameworkOf(e);
      if (e.indicators.length === 0) {
        rec.record('warning', `${p}未列出任何三级绩效指标，绩效指标没有细化到三级`, { path: 'indicators' });
        continue;
      }
      for (const node of unitWrittenNodes(framework)) {
        const n = e.indicators.filter((i) => matchesNode(i.level1, node)).length;
        rec.record(n === 0 ? 'warning' : 'ok', n === 0 ? `${p}一级指标“${node.name}”下没有任何指标` : `${p}一级指标“${node.name}”下有 ${n} 项指标`, { path: 'indicators' });
      }
      let flawed = 0;
      e.indicators.forEach((i, index) => {
        const r = refinementOf(i, framework);
        if (r === 'refined') return;
        flawed += 1;
        if (r === 'noName') {
          rec.record('warning', `${p}“${i.level1}/${i.level2}”下第 ${index + 1} 行指标没有三级指标名称，未细化到三级`, extend(i.source, { path: `indicators[${index}].name` }));
        } else if (r === 'noLevel2') {
          rec.record('warning', `${p}指标“${nameOf(i)}”没有二级指标，未细化到三级`, extend(i.source, { path: `indicators[${index}].level2` }), i.name);
        } else {
          rec.record('info', `${p}指标“${nameOf(i)}”未写二级指标，“${i.level1}”下只有一个二级，可以归类`, extend(i.source, { path: `indicators[${index}].level2` }), i.name);
        }
      });
      if (flawed === 0) rec.record('ok', `${p}${e.indicators.length} 项指标均细化到一级、二级、三级`);
    }
    return rec.result();
  },
};

/** The indicators of an evaluation whose target cannot be measured, with the reason. */
export const unmeasurableIndicators = memoize(findUnmeasurable);

function findUnmeasurable(e: Evaluation): { readonly index: number; readonly indicator: Indicator; readonly reason: string }[] {
  return e.indicators.flatMap((indicator, index) => {
    const reason = unmeasurableReason(indicator.target.text);
    return reason ? [{ index, indicator, reason }] : [];
  });
}

const measurability: AuditRule = {
  id: 'audit.quality.measurability',
  title: '绩效指标值无法衡量',
  severity: 'info',
  sources: [
    cite('SEED-004', 'S', '“三级绩效指标内涵明确、具体、可衡量的得5分”'),
    cite('JIXIAO', 'I', '“有效促进”“持续提升”“进一步”等表述且无数值视为不可衡量；过半则提示'),
  ],
  check: (input) => {
    const rec = new RuleRecorder('audit.quality.measurability');
    for (const e of input.evaluations) {
      if (e.indicators.length === 0) continue;
      const p = prefixOf(e);
      const bad = unmeasurableIndicators(e);
      for (const { index, indicator, reason } of bad) {
        const target = indicator.target.text.trim();
        rec.record(
          'info',
          `${p}指标“${nameOf(indicator)}”的年度指标值${target ? `“${target}”` : ''}${reason}，无法衡量是否完成`,
          extend(indicator.source, { path: `indicators[${index}].target` }),
          target || undefined,
        );
      }
      const total = e.indicators.length;
      const words = `${p}${total} 项指标中有 ${bad.length} 项的指标值无法衡量`;
      if (bad.length * 2 > total) {
        const quotes = bad.map((b) => `“${clip(b.indicator.target.text, 20) || nameOf(b.indicator)}”`).join('');
        rec.record('warning', `${words}（${quotes}），超过一半，指标应细化量化`, { path: 'indicators' });
      } else {
        rec.record('ok', words);
      }
    }
    return rec.result();
  },
};

/** A 满意度 row: its 一级 or 二级 is 满意度, or its name is a 满意度/满意率. */
export function isSatisfaction(i: Indicator): boolean {
  return i.level1.includes('满意') || i.level2.includes('满意') || /满意(度|率)/.test(i.name);
}

/**
 * An actual that is 100% ("100%", "满意度100%", "达到100%") or a bare "满意"; not a text that holds 100%
 * among other words ("信访交办件到期回复率100%，满意度已达要求" is a 回复率).
 */
export function fullSatisfaction(actual: string): 'percent' | 'word' | undefined {
  const t = normalizeNumericText(actual).replace(/\s+/g, '');
  if (/^(非常|很|全部|均|都)?满意[。.]?$/.test(t)) return 'word';
  return /^(满意度|满意率)?(为|达|达到)?100(\.0+)?%[。.]?$/.test(t) ? 'percent' : undefined;
}

const satisfaction100: AuditRule = {
  id: 'audit.quality.satisfaction-100',
  title: '满意度均为 100%',
  severity: 'info',
  sources: [cite('JIXIAO', 'I', '满意度全部为 100% 时提示说明调查方法与样本')],
  check: (input) => {
    const rec = new RuleRecorder('audit.quality.satisfaction-100');
    for (const e of input.evaluations) {
      const p = prefixOf(e);
      const rows = e.indicators.map((indicator, index) => ({ indicator, index })).filter((r) => isSatisfaction(r.indicator));
      if (rows.length === 0) continue;
      const full = rows.map((r) => fullSatisfaction(r.indicator.actual.text));
      const list = rows.map((r) => `“${nameOf(r.indicator)}”${r.indicator.actual.text.trim() || '（未填）'}`).join('，');
      if (full.every((f) => f !== undefined)) {
        const what = full.every((f) => f === 'percent') ? '100%' : '100% 或“满意”';
        rec.record('info', `${p}满意度均为 ${what}（${list}），应说明调查方法与样本`, { path: `indicators[${rows[0]?.index ?? 0}].actual` });
      } else {
        rec.record('ok', `${p}满意度实际完成值：${list}`);
      }
    }
    return rec.result();
  },
};

export const INDICATOR_RULES: readonly AuditRule[] = [refinement, measurability, satisfaction100];
