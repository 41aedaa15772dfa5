import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import type { Action } from '../access/permissions';
import { unitsVisibleTo } from '../access/scope-query';
import type { Database, EvaluationKind, EvaluationRow, EvaluationStatus } from '../store/database';

/**
 * Reads of evaluations and what hangs off them (versions, findings, comments). Evaluations are always read
 * through the actor's scope in SQL, so one outside it is never fetched; the helpers that take an evaluation id
 * without an actor are for after that scoped read has found the evaluation.
 */
export interface ScopedEvaluation extends EvaluationRow {
  readonly unit_name: string;
  readonly jurisdiction_id: string;
  readonly jurisdiction_path: string;
}

function scoped(db: Kysely<Database>, actor: Actor, action: Action) {
  return db
    .selectFrom('evaluations')
    .innerJoin('units', 'units.id', 'evaluations.unit_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .where(unitsVisibleTo(actor, action))
    .selectAll('evaluations')
    .select(['units.name as unit_name', 'units.jurisdiction_id as jurisdiction_id', 'jurisdictions.path as jurisdiction_path']);
}

export interface EvaluationFilter {
  readonly year?: number;
  readonly unitId?: string;
  readonly status?: EvaluationStatus;
  readonly kind?: EvaluationKind;
}

export async function listEvaluations(
  db: Kysely<Database>,
  actor: Actor,
  filter: EvaluationFilter,
  page: { readonly page: number; readonly pageSize: number },
): Promise<{ rows: ScopedEvaluation[]; total: number }> {
  let query = scoped(db, actor, 'read');
  if (filter.year !== undefined) query = query.where('evaluations.year', '=', filter.year);
  if (filter.unitId !== undefined) query = query.where('evaluations.unit_id', '=', filter.unitId);
  if (filter.status !== undefined) query = query.where('evaluations.status', '=', filter.status);
  if (filter.kind !== undefined) query = query.where('evaluations.kind', '=', filter.kind);
  const { total } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('evaluations.year', 'desc')
    .orderBy('units.name')
    .orderBy('evaluations.kind')
    .orderBy('evaluations.project_name')
    .orderBy('evaluations.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/**
 * One evaluation, if the actor may read it. `forUpdate` locks the evaluation row (only that row, not the unit
 * or jurisdiction it was joined with) for the rest of the caller's transaction: every workflow step starts here.
 */
export async function findEvaluation(db: Kysely<Database>, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<ScopedEvaluation | undefined> {
  const query = scoped(db, actor, 'read').where('evaluations.id', '=', id);
  return (options.forUpdate ? query.forUpdate('evaluations') : query).executeTakeFirst();
}

/** The 项目 evaluations under a 部门整体 evaluation. */
export async function childEvaluations(db: Kysely<Database>, actor: Actor, parentId: string): Promise<ScopedEvaluation[]> {
  return scoped(db, actor, 'read').where('evaluations.parent_id', '=', parentId).orderBy('evaluations.project_name').orderBy('evaluations.id').execute();
}

export interface ScopedUnit {
  readonly id: string;
  readonly name: string;
  readonly jurisdiction_id: string;
  readonly jurisdiction_path: string;
}

/** A unit the actor may read, with its jurisdiction's path (for `can`). */
export async function findUnit(db: Kysely<Database>, actor: Actor, unitId: string): Promise<ScopedUnit | undefined> {
  return db
    .selectFrom('units')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .where(unitsVisibleTo(actor, 'read'))
    .where('units.id', '=', unitId)
    .select(['units.id', 'units.name', 'units.jurisdiction_id', 'jurisdictions.path as jurisdiction_path'])
    .executeTakeFirst();
}

/**
 * The framework a unit's evaluations of a year and kind are scored by: the assignment of the unit's own
 * jurisdiction, else of its nearest ancestor that has one.
 */
export async function assignedFramework(db: Kysely<Database>, jurisdictionPath: string, year: number, kind: EvaluationKind): Promise<string | undefined> {
  const lineage = jurisdictionPath.split('/').filter(Boolean);
  if (lineage.length === 0) return undefined;
  const rows = await db
    .selectFrom('jurisdiction_frameworks')
    .select(['jurisdiction_id', 'framework_id'])
    .where('jurisdiction_id', 'in', lineage)
    .where('year', '=', year)
    .where('kind', '=', kind)
    .execute();
  const nearest = rows.sort((a, b) => lineage.indexOf(b.jurisdiction_id) - lineage.indexOf(a.jurisdiction_id))[0];
  return nearest?.framework_id;
}

export async function listVersions(db: Kysely<Database>, evaluationId: string, page: { readonly page: number; readonly pageSize: number }) {
  const base = db.selectFrom('evaluation_versions').where('evaluation_versions.evaluation_id', '=', evaluationId);
  const { total } = await base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('users', 'users.id', 'evaluation_versions.created_by')
    .select(['evaluation_versions.version', 'evaluation_versions.reason', 'evaluation_versions.created_at', 'users.id as user_id', 'users.username', 'users.display_name'])
    .orderBy('evaluation_versions.version', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

export async function findVersion(db: Kysely<Database>, evaluationId: string, version: number) {
  return db
    .selectFrom('evaluation_versions')
    .leftJoin('users', 'users.id', 'evaluation_versions.created_by')
    .where('evaluation_versions.evaluation_id', '=', evaluationId)
    .where('evaluation_versions.version', '=', version)
    .select(['evaluation_versions.version', 'evaluation_versions.reason', 'evaluation_versions.content', 'evaluation_versions.created_at', 'users.id as user_id', 'users.username', 'users.display_name'])
    .executeTakeFirst();
}

/** Errors first, then warnings, then notes; within a severity by rule, so a version's list reads the same each time. */
const severityRank = sql<number>`case ${sql.ref('severity')} when 'error' then 0 when 'warning' then 1 else 2 end`;

/** The findings recorded with one version (at import, save or submission). */
export async function findingsOf(db: Kysely<Database>, evaluationId: string, version: number, page?: { readonly page: number; readonly pageSize: number }) {
  let query = db.selectFrom('findings').selectAll().where('evaluation_id', '=', evaluationId).where('version', '=', version).orderBy(severityRank).orderBy('rule').orderBy('message').orderBy('id');
  if (page) query = query.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return query.execute();
}

export async function countFindings(db: Kysely<Database>, evaluationId: string, version: number): Promise<number> {
  const { total } = await db
    .selectFrom('findings')
    .where('evaluation_id', '=', evaluationId)
    .where('version', '=', version)
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(total);
}

export async function listComments(db: Kysely<Database>, evaluationId: string, page: { readonly page: number; readonly pageSize: number }) {
  const base = db.selectFrom('comments').where('comments.evaluation_id', '=', evaluationId);
  const { total } = await base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('users', 'users.id', 'comments.author_id')
    .selectAll('comments')
    .select(['users.username', 'users.display_name'])
    .orderBy('comments.created_at')
    .orderBy('comments.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total) };
}
