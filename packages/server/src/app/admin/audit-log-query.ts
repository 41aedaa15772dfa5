import { sql } from 'kysely';
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { Actor } from '../access/actor';
import { scopeOf } from '../access/permissions';
import { jurisdictionsVisibleTo, unitsVisibleTo } from '../access/scope-query';
import type { Database } from '../store/database';
import { usersManagedBy } from './user-admin';

/**
 * Who may read which audit-log entries. An administrator of a root jurisdiction (湖南省) reads everything,
 * including entries about nothing in the tree (logins of ungranted users, system changes). Every other
 * administrator reads entries about what lies in their subtree: evaluations, units, documents and comments of
 * its units, its jurisdictions (deadlines and frameworks are logged on the jurisdiction), and the users they
 * manage (grants are logged on the user). Other roles do not read the log.
 */
export function auditEntriesVisibleTo(actor: Actor): RawBuilder<SqlBool> {
  const { jurisdictionPaths } = scopeOf(actor, 'manage');
  // A root's path has one segment (`/hn/`): its subtree is the whole tree.
  if (jurisdictionPaths.some((p) => /^\/[^/]+\/$/.test(p))) return sql<SqlBool>`true`;
  const unitInScope = unitsVisibleTo(actor, 'manage');
  const entity = sql.ref('audit_log.entity');
  const entityId = sql.ref('audit_log.entity_id');
  const unitPlace = sql`join units on units.id = x.unit_id join jurisdictions on jurisdictions.id = units.jurisdiction_id`;
  return sql<SqlBool>`(
    (${entity} = 'evaluation' and exists (select 1 from evaluations x ${unitPlace} where x.id = ${entityId} and ${unitInScope}))
    or (${entity} = 'unit' and exists (select 1 from units join jurisdictions on jurisdictions.id = units.jurisdiction_id where units.id = ${entityId} and ${unitInScope}))
    or (${entity} = 'document' and exists (select 1 from documents x ${unitPlace} where x.id = ${entityId} and ${unitInScope}))
    or (${entity} = 'comment' and exists (select 1 from comments c join evaluations x on x.id = c.evaluation_id ${unitPlace} where c.id = ${entityId} and ${unitInScope}))
    or (${entity} = 'jurisdiction' and exists (select 1 from jurisdictions where jurisdictions.id = ${entityId} and ${jurisdictionsVisibleTo(actor, 'manage')}))
    or (${entity} = 'user' and exists (select 1 from users where users.id = ${entityId} and ${usersManagedBy(actor)}))
  )`;
}

export interface AuditFilter {
  readonly entity?: string | undefined;
  readonly entityId?: string | undefined;
  readonly userId?: string | undefined;
  readonly action?: string | undefined;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly userId: string | null;
  readonly username: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Entries visible to the actor, newest first, a page at a time. */
export async function listAuditEntries(db: Kysely<Database>, actor: Actor, filter: AuditFilter, page: number, pageSize: number): Promise<{ items: AuditEntry[]; total: number }> {
  let base = db.selectFrom('audit_log').leftJoin('users as who', 'who.id', 'audit_log.user_id').where(auditEntriesVisibleTo(actor));
  if (filter.entity) base = base.where('audit_log.entity', '=', filter.entity);
  if (filter.entityId) base = base.where('audit_log.entity_id', '=', filter.entityId);
  if (filter.userId) base = base.where('audit_log.user_id', '=', filter.userId);
  if (filter.action) base = base.where('audit_log.action', '=', filter.action);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['audit_log.id', 'audit_log.at', 'audit_log.user_id', 'who.username', 'audit_log.action', 'audit_log.entity', 'audit_log.entity_id', 'audit_log.before', 'audit_log.after'])
    .orderBy('audit_log.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      userId: r.user_id,
      username: r.username,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
    })),
  };
}
