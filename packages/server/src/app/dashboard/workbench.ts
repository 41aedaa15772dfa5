import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { Actor } from '../access/actor';
import type { Action } from '../access/permissions';
import { isEmptyScope, scopeOf } from '../access/permissions';
import { unitsVisibleTo } from '../access/scope-query';
import type { EffectiveDeadline } from '../admin/deadlines';
import { daysLeft, effectiveDeadlines } from '../admin/deadlines';
import { usersManagedBy } from '../admin/user-admin';
import type { Database, DeadlineKind, EvaluationKind, EvaluationStatus } from '../store/database';
import { STATUSES } from './jurisdiction-dashboard';

/**
 * 工作台: what the signed-in user has to do for a budget year, by role, with the deadlines that bind it.
 *
 * - 填报人 (edit): drafts to finish, returned evaluations to revise, and a missing 部门整体 evaluation per unit;
 * - 单位负责人 (submit): drafts to submit, returned ones waiting for the filler;
 * - 财政审核 (review): submitted evaluations to review, approved ones to publish;
 * - 人大监督 (annotate): evaluations handed in (submitted, approved, published) with error findings;
 * - 系统管理员 (manage): counts of locked, disabled and ungranted users.
 *
 * Tasks come from one query (a UNION of one branch per kind, each scoped in SQL), longest-waiting first within a
 * kind; at most MAX_TASKS are returned with the total.
 */
export type TaskKind = 'create-department' | 'fill' | 'revise' | 'submit' | 'await-revision' | 'review' | 'publish' | 'inspect';

export const MAX_TASKS = 200;

export interface WorkbenchDeadline extends EffectiveDeadline {
  readonly jurisdictionId: string;
  readonly jurisdictionName: string;
  readonly daysLeft: number | null;
  readonly overdue: boolean;
}

export interface Task {
  readonly kind: TaskKind;
  readonly label: string;
  readonly evaluationId: string | null;
  readonly evaluationKind: EvaluationKind;
  readonly projectName: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly jurisdictionName: string;
  readonly status: EvaluationStatus | null;
  readonly errorCount: number;
  readonly warningCount: number;
  /** The deadline that binds the task (none for 人大's inspections), for the unit's jurisdiction. */
  readonly deadlineKind: DeadlineKind | null;
  readonly dueDate: string | null;
  readonly daysLeft: number | null;
  readonly overdue: boolean;
}

export interface Workbench {
  readonly year: number;
  readonly deadlines: WorkbenchDeadline[];
  readonly tasks: Task[];
  readonly tasksTotal: number;
  readonly counts: {
    readonly byStatus: Readonly<Record<EvaluationStatus, number>>;
    /** Evaluations in read scope for the year with at least one error finding. */
    readonly withErrors: number;
    /** Administrators only: users they manage. */
    readonly users?: { readonly locked: number; readonly disabled: number; readonly withoutGrants: number };
  };
}

interface TaskDef {
  readonly kind: TaskKind;
  readonly action: Action;
  readonly statuses: EvaluationStatus[];
  readonly deadline: DeadlineKind | null;
  readonly label: (row: { error_count: number }, year: number) => string;
  readonly onlyWithErrors?: boolean;
}

const TASKS: readonly TaskDef[] = [
  { kind: 'revise', action: 'edit', statuses: ['returned'], deadline: 'submit', label: () => '已退回，请按审核意见修改' },
  { kind: 'fill', action: 'edit', statuses: ['draft'], deadline: 'submit', label: () => '草稿待完成' },
  { kind: 'submit', action: 'submit', statuses: ['draft'], deadline: 'submit', label: (r) => (r.error_count > 0 ? `草稿待提交（审查发现 ${r.error_count} 个错误）` : '草稿待提交') },
  { kind: 'await-revision', action: 'submit', statuses: ['returned'], deadline: 'submit', label: () => '已退回，待填报人修改后提交' },
  { kind: 'review', action: 'review', statuses: ['submitted'], deadline: 'review', label: () => '待审核' },
  { kind: 'publish', action: 'review', statuses: ['approved'], deadline: 'publish', label: () => '已审核，待公开' },
  { kind: 'inspect', action: 'annotate', statuses: ['submitted', 'approved', 'published'], deadline: null, onlyWithErrors: true, label: (r) => `审查发现 ${r.error_count} 个错误` },
];

const CREATE_DEPARTMENT: Pick<TaskDef, 'deadline'> & { label: (year: number) => string } = { deadline: 'submit', label: (year) => `尚未创建 ${year} 年度部门整体支出自评` };

interface TaskRow {
  task: TaskKind;
  evaluation_id: string | null;
  evaluation_kind: EvaluationKind;
  project_name: string;
  unit_id: string;
  unit_name: string;
  jurisdiction_id: string;
  jurisdiction_name: string;
  status: EvaluationStatus | null;
  error_count: number;
  warning_count: number;
  total: number;
}

function taskQuery(actor: Actor, year: number): RawBuilder<TaskRow> {
  const branches = TASKS.filter((t) => !isEmptyScope(scopeOf(actor, t.action))).map(
    (t, i) => sql`select ${t.kind}::text as task, ${i}::int as priority, e.id as evaluation_id, e.kind as evaluation_kind, e.project_name, units.id as unit_id, units.name as unit_name,
        jurisdictions.id as jurisdiction_id, jurisdictions.name as jurisdiction_name, e.status, e.error_count, e.warning_count, e.updated_at
      from evaluations e join units on units.id = e.unit_id join jurisdictions on jurisdictions.id = units.jurisdiction_id
      where e.year = ${year} and e.status in (${sql.join([...t.statuses])}) and ${unitsVisibleTo(actor, t.action)}${t.onlyWithErrors ? sql` and e.error_count > 0` : sql``}`,
  );
  if (!isEmptyScope(scopeOf(actor, 'edit'))) {
    branches.push(sql`select 'create-department'::text, -1, null, 'department', '', units.id, units.name, jurisdictions.id, jurisdictions.name, null, 0, 0, null
      from units join jurisdictions on jurisdictions.id = units.jurisdiction_id
      where ${unitsVisibleTo(actor, 'edit')}
        and not exists (select 1 from evaluations d where d.unit_id = units.id and d.year = ${year} and d.kind = 'department')`);
  }
  if (branches.length === 0) return sql<TaskRow>`select null where false`;
  return sql<TaskRow>`select t.*, count(*) over () as total from (${sql.join(branches, sql` union all `)}) t
    order by t.priority, t.updated_at nulls first, t.unit_name, t.project_name limit ${MAX_TASKS}`;
}

/** The budget year under evaluation now: last year (reports on year N are written in N+1), in Beijing time. */
export function defaultYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear() - 1;
}

/**
 * The year a page opens on when none is asked for: the budget year under evaluation, unless the actor's units
 * have nothing for it yet, then the latest earlier year that has evaluations (an archive of imported reports,
 * or the weeks before anyone has started, would otherwise open on an empty page).
 */
export async function openingYear(db: Kysely<Database>, actor: Actor, now: Date): Promise<number> {
  const current = defaultYear(now);
  const row = await db
    .selectFrom('evaluations')
    .innerJoin('units', 'units.id', 'evaluations.unit_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .where(unitsVisibleTo(actor, 'read'))
    .where('evaluations.year', '<=', current)
    .select((eb) => eb.fn.max('evaluations.year').as('year'))
    .executeTakeFirst();
  return row?.year ?? current;
}

export async function workbench(db: Kysely<Database>, actor: Actor, year: number, now: Date): Promise<Workbench> {
  const taskRows = TASKS.some((t) => !isEmptyScope(scopeOf(actor, t.action))) ? (await taskQuery(actor, year).execute(db)).rows : [];

  const status = await db
    .selectFrom('evaluations')
    .innerJoin('units', 'units.id', 'evaluations.unit_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .where('evaluations.year', '=', year)
    .where(unitsVisibleTo(actor, 'read'))
    .select(['evaluations.status', (eb) => eb.fn.countAll<number>().as('count'), sql<number>`count(*) filter (where evaluations.error_count > 0)`.as('with_errors')])
    .groupBy('evaluations.status')
    .execute();

  // The user's own jurisdictions (granted ones; for unit roles, their unit's) give the deadlines shown on top.
  const { unitIds } = scopeOf(actor, 'read');
  const unitPlaces = unitIds.length ? await db.selectFrom('units').select('jurisdiction_id').where('id', 'in', [...unitIds]).execute() : [];
  const home = [...new Set([...actor.grants.flatMap((g) => (g.jurisdictionId ? [g.jurisdictionId] : [])), ...unitPlaces.map((u) => u.jurisdiction_id)])];
  const deadlinesBy = await effectiveDeadlines(db, [...new Set([...home, ...taskRows.map((r) => r.jurisdiction_id)])], year);
  const names = new Map(taskRows.map((r) => [r.jurisdiction_id, r.jurisdiction_name]));
  const homeNames = home.length ? await db.selectFrom('jurisdictions').select(['id', 'name']).where('id', 'in', home).execute() : [];
  for (const j of homeNames) names.set(j.id, j.name);

  const dated = (d: EffectiveDeadline | undefined) => {
    const left = d?.dueDate ? daysLeft(d.dueDate, now) : null;
    return { dueDate: d?.dueDate ?? null, daysLeft: left, overdue: left !== null && left < 0 };
  };
  const deadlines: WorkbenchDeadline[] = home.flatMap((id) => (deadlinesBy.get(id) ?? []).map((d) => ({ ...d, ...dated(d), jurisdictionId: id, jurisdictionName: names.get(id) ?? '' })));

  const tasks: Task[] = taskRows.map((r) => {
    const def = TASKS.find((t) => t.kind === r.task);
    const deadlineKind = def ? def.deadline : CREATE_DEPARTMENT.deadline;
    const deadline = deadlineKind ? deadlinesBy.get(r.jurisdiction_id)?.find((d) => d.kind === deadlineKind) : undefined;
    return {
      kind: r.task,
      label: def ? def.label(r, year) : CREATE_DEPARTMENT.label(year),
      evaluationId: r.evaluation_id,
      evaluationKind: r.evaluation_kind,
      projectName: r.project_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      jurisdictionName: r.jurisdiction_name,
      status: r.status,
      errorCount: r.error_count,
      warningCount: r.warning_count,
      deadlineKind,
      ...(deadlineKind ? dated(deadline) : { dueDate: null, daysLeft: null, overdue: false }),
    };
  });

  const counts: { -readonly [K in keyof Workbench['counts']]: Workbench['counts'][K] } = {
    byStatus: Object.fromEntries(STATUSES.map((s) => [s, Number(status.find((r) => r.status === s)?.count ?? 0)])) as Record<EvaluationStatus, number>,
    withErrors: status.reduce((n, r) => n + Number(r.with_errors), 0),
  };
  if (!isEmptyScope(scopeOf(actor, 'manage'))) {
    const users = await db
      .selectFrom('users')
      .where(usersManagedBy(actor))
      .select([
        sql<number>`count(*) filter (where users.locked_until > ${now})`.as('locked'),
        sql<number>`count(*) filter (where users.disabled)`.as('disabled'),
        sql<number>`count(*) filter (where not exists (select 1 from role_grants g where g.user_id = users.id))`.as('without_grants'),
      ])
      .executeTakeFirstOrThrow();
    counts.users = { locked: Number(users.locked), disabled: Number(users.disabled), withoutGrants: Number(users.without_grants) };
  }
  return { year, deadlines, tasks, tasksTotal: Number(taskRows[0]?.total ?? 0), counts };
}
