import { describe, expect, it } from 'vitest';
import { ROLE_ACTIONS } from '../access/permissions';
import type { EvaluationStatus, Role } from '../store/database';
import type { WorkflowAction } from './workflow';
import { EVALUATION_STATUSES, STATUS_LABEL, TRANSITIONS, WORKFLOW_ACTIONS, actionsFrom, nextStatus, transitionRefusal } from './workflow';

/** Every status × action, written out by hand from the workflow (— = not allowed). */
const TABLE: Record<EvaluationStatus, Record<WorkflowAction, EvaluationStatus | '—'>> = {
  draft: { save: 'draft', submit: 'submitted', return: '—', approve: '—', publish: '—' },
  submitted: { save: '—', submit: '—', return: 'returned', approve: 'approved', publish: '—' },
  returned: { save: 'returned', submit: 'submitted', return: '—', approve: '—', publish: '—' },
  approved: { save: '—', submit: '—', return: '—', approve: '—', publish: 'published' },
  published: { save: '—', submit: '—', return: '—', approve: '—', publish: '—' },
};

describe('workflow', () => {
  const cases = EVALUATION_STATUSES.flatMap((status) => WORKFLOW_ACTIONS.map((action) => ({ status, action, expected: TABLE[status][action] })));

  it('covers 25 status × action pairs', () => {
    expect(cases).toHaveLength(25);
  });

  it.each(cases)('$status → $action → $expected', ({ status, action, expected }) => {
    expect(nextStatus(status, action) ?? '—').toBe(expected);
    // A refusal exactly when not allowed.
    expect(transitionRefusal(status, action) === undefined).toBe(expected !== '—');
    expect(actionsFrom(status).includes(action)).toBe(expected !== '—');
  });

  it('labels the statuses in Chinese', () => {
    expect(EVALUATION_STATUSES.map((s) => STATUS_LABEL[s])).toEqual(['草稿', '已提交', '退回修改', '已审核', '已公开']);
  });

  it('says why a transition is refused', () => {
    expect(transitionRefusal('draft', 'publish')).toBe('只有“已审核”的评价可以公开，当前为“草稿”');
    expect(transitionRefusal('submitted', 'save')).toBe('只有“草稿”或“退回修改”的评价可以修改，当前为“已提交”');
    expect(transitionRefusal('published', 'submit')).toBe('只有“草稿”或“退回修改”的评价可以提交，当前为“已公开”');
    expect(transitionRefusal('returned', 'return')).toBe('只有“已提交”的评价可以退回修改，当前为“退回修改”');
    expect(transitionRefusal('approved', 'approve')).toBe('只有“已提交”的评价可以审核通过，当前为“已审核”');
  });

  it('gives each action to the roles the issue names', () => {
    const rolesFor = (action: WorkflowAction): Role[] =>
      (Object.keys(ROLE_ACTIONS) as Role[]).filter((role) => ROLE_ACTIONS[role].includes(TRANSITIONS[action].permission));
    expect(rolesFor('save')).toEqual(['filler']);
    expect(rolesFor('submit')).toEqual(['unit_head']);
    expect(rolesFor('return')).toEqual(['finance_reviewer']);
    expect(rolesFor('approve')).toEqual(['finance_reviewer']);
    expect(rolesFor('publish')).toEqual(['finance_reviewer']);
  });
});
