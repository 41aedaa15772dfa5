import type { Evaluation } from '../model/evaluation';
import { matchesNode } from '../scoring/level-names';
import { DEFAULT_FRAMEWORK_ID, FRAMEWORKS } from './registry';

/**
 * The framework an imported evaluation was written for, read from its indicator tree: the one whose 一级
 * nodes cover the most rows (浏阳's 投入管理 / 产出 / 效益 against Hunan's 产出 / 效益 / 满意度). Frameworks
 * that define their own 三级 (53号) are never inferred. Ties and evaluations without indicators get none, so
 * the caller's default applies.
 */
export function inferFrameworkId(evaluation: Evaluation): string | undefined {
  if (evaluation.indicators.length === 0) return undefined;
  let best: { id: string; covered: number } | undefined;
  for (const f of FRAMEWORKS) {
    if (!f.kinds.includes(evaluation.kind) || f.tree.some((n) => n.children.some((c) => c.leaves?.length))) continue;
    const covered = evaluation.indicators.filter((i) => f.tree.some((n) => matchesNode(i.level1, n))).length;
    if (!best || covered > best.covered || (covered === best.covered && f.id === DEFAULT_FRAMEWORK_ID)) best = { id: f.id, covered };
  }
  return best && best.covered > 0 ? best.id : undefined;
}
