import type { Action } from '../access/permissions';
import type { EvaluationStatus } from '../store/database';

/**
 * The review workflow of one evaluation, as data:
 *
 *   草稿 ──提交──▶ 已提交 ──审核通过──▶ 已审核 ──公开──▶ 已公开
 *                  ▲    │
 *             提交 │    │ 退回修改（须附意见）
 *                  │    ▼
 *                 退回修改
 *
 * Saving (a new version) is allowed in 草稿 and 退回修改 only.
 *
 * Each workflow action needs one permission (app/access/permissions.ts) on the evaluation's unit and is allowed
 * only from the statuses listed. Saving keeps the status: a returned evaluation stays 退回修改 while the unit
 * fixes it, so the reviewer's comments stay in context until it is submitted again.
 */
export type WorkflowAction = 'save' | 'submit' | 'return' | 'approve' | 'publish';

export const WORKFLOW_ACTIONS = ['save', 'submit', 'return', 'approve', 'publish'] as const satisfies readonly WorkflowAction[];

export const EVALUATION_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const satisfies readonly EvaluationStatus[];

export const STATUS_LABEL: Readonly<Record<EvaluationStatus, string>> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '退回修改',
  approved: '已审核',
  published: '已公开',
};

export interface Transition {
  readonly action: WorkflowAction;
  /** The statuses the action may start from. */
  readonly from: readonly EvaluationStatus[];
  /** The status afterwards; null keeps the current one (saving). */
  readonly to: EvaluationStatus | null;
  readonly permission: Action;
  /** The action as a verb phrase: "只有“已审核”的评价可以{label}". */
  readonly label: string;
}

export const TRANSITIONS: Readonly<Record<WorkflowAction, Transition>> = {
  save: { action: 'save', from: ['draft', 'returned'], to: null, permission: 'edit', label: '修改' },
  submit: { action: 'submit', from: ['draft', 'returned'], to: 'submitted', permission: 'submit', label: '提交' },
  return: { action: 'return', from: ['submitted'], to: 'returned', permission: 'review', label: '退回修改' },
  approve: { action: 'approve', from: ['submitted'], to: 'approved', permission: 'review', label: '审核通过' },
  publish: { action: 'publish', from: ['approved'], to: 'published', permission: 'review', label: '公开' },
};

/** The status after `action` from `status`, or undefined when the workflow does not allow it. */
export function nextStatus(status: EvaluationStatus, action: WorkflowAction): EvaluationStatus | undefined {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) return undefined;
  return t.to ?? status;
}

/** Why `action` is not allowed from `status`, in Chinese; undefined when it is allowed. */
export function transitionRefusal(status: EvaluationStatus, action: WorkflowAction): string | undefined {
  const t = TRANSITIONS[action];
  if (t.from.includes(status)) return undefined;
  const from = t.from.map((s) => `“${STATUS_LABEL[s]}”`).join('或');
  return `只有${from}的评价可以${t.label}，当前为“${STATUS_LABEL[status]}”`;
}

/** The actions a status allows, whoever asks (the caller intersects them with the actor's permissions). */
export function actionsFrom(status: EvaluationStatus): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}
