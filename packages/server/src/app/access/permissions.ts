import type { Role } from '../store/database';
import type { Actor } from './actor';

/**
 * What each role may do. Unit roles act on their own unit; the others on every unit in the granted
 * jurisdiction and below. Reading is never wider than a grant: a unit sees only itself.
 *
 * - read: see evaluations, versions, findings, documents, comments
 * - edit: create and save drafts (草稿, 退回修改), accept an import as a draft
 * - import: upload reports and run the importer and auditor on them
 * - submit: 草稿/退回修改 → 已提交
 * - review: 已提交 → 退回修改 / 已审核 → 已公开, review comments
 * - annotate: annotate findings (人大监督)
 * - manage: jurisdictions, units, users, grants, deadlines, frameworks, the audit log
 */
export type Action = 'read' | 'edit' | 'import' | 'submit' | 'review' | 'annotate' | 'manage';

export const ROLE_ACTIONS: Readonly<Record<Role, readonly Action[]>> = {
  filler: ['read', 'edit', 'import'],
  unit_head: ['read', 'submit'],
  finance_reviewer: ['read', 'import', 'review'],
  npc_supervisor: ['read', 'import', 'annotate'],
  admin: ['read', 'manage'],
};

/** Where an action may be done: these units, and every unit under these jurisdiction paths. */
export interface Scope {
  readonly unitIds: readonly string[];
  readonly jurisdictionPaths: readonly string[];
}

export function scopeOf(actor: Actor, action: Action): Scope {
  const unitIds: string[] = [];
  const jurisdictionPaths: string[] = [];
  for (const grant of actor.grants) {
    if (!ROLE_ACTIONS[grant.role].includes(action)) continue;
    if (grant.unitId) unitIds.push(grant.unitId);
    if (grant.jurisdictionPath) jurisdictionPaths.push(grant.jurisdictionPath);
  }
  return { unitIds, jurisdictionPaths };
}

export function isEmptyScope(scope: Scope): boolean {
  return scope.unitIds.length === 0 && scope.jurisdictionPaths.length === 0;
}

/** May the actor do `action` on this unit (given the path of the unit's jurisdiction)? */
export function can(actor: Actor, action: Action, unit: { readonly id: string; readonly jurisdictionPath: string }): boolean {
  const scope = scopeOf(actor, action);
  return scope.unitIds.includes(unit.id) || scope.jurisdictionPaths.some((p) => unit.jurisdictionPath.startsWith(p));
}

/** May the actor do `action` on this jurisdiction (managing it, or reading its dashboard)? */
export function canInJurisdiction(actor: Actor, action: Action, jurisdictionPath: string): boolean {
  return scopeOf(actor, action).jurisdictionPaths.some((p) => jurisdictionPath.startsWith(p));
}
