import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import type { Actor } from './actor';
import type { Action } from './permissions';
import { scopeOf } from './permissions';

/**
 * The SQL form of `can`: a condition on `units` and `jurisdictions` (the unit's own jurisdiction) that keeps
 * only the units the actor may do `action` on. Every query that lists or fetches unit data goes through it,
 * so a row outside the actor's grants is never read, rather than read and then filtered.
 *
 *   db.selectFrom('evaluations')
 *     .innerJoin('units', 'units.id', 'evaluations.unit_id')
 *     .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
 *     .where(unitsVisibleTo(actor, 'read'))
 */
export function unitsVisibleTo(actor: Actor, action: Action): RawBuilder<SqlBool> {
  const scope = scopeOf(actor, action);
  const conditions = [
    ...(scope.unitIds.length ? [sql`${sql.ref('units.id')} in (${sql.join([...scope.unitIds])})`] : []),
    ...scope.jurisdictionPaths.map((p) => sql`${sql.ref('jurisdictions.path')} like ${`${escapeLike(p)}%`}`),
  ];
  return conditions.length ? sql<SqlBool>`(${sql.join(conditions, sql` or `)})` : sql<SqlBool>`false`;
}

/** The same for jurisdictions themselves (the tree, dashboards): the granted ones and everything below. */
export function jurisdictionsVisibleTo(actor: Actor, action: Action): RawBuilder<SqlBool> {
  const scope = scopeOf(actor, action);
  const conditions = scope.jurisdictionPaths.map((p) => sql`${sql.ref('jurisdictions.path')} like ${`${escapeLike(p)}%`}`);
  return conditions.length ? sql<SqlBool>`(${sql.join(conditions, sql` or `)})` : sql<SqlBool>`false`;
}

/** Paths are generated ids and slashes, but LIKE metacharacters are escaped anyway: a scope must never widen. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
