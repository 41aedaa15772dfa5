import { sql } from 'kysely';
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { Actor } from '../access/actor';
import { scopeOf } from '../access/permissions';
import { escapeLike, jurisdictionsVisibleTo } from '../access/scope-query';
import type { Database, Jurisdiction } from '../store/database';

/**
 * Which jurisdictions an actor sees: the granted subtrees, and for unit roles the jurisdiction their own unit
 * sits in. Not the ancestors: 岳阳市's reviewer sees 岳阳市, not 湖南省 (the province's settings reach them as
 * inherited deadlines and frameworks, with the name of where they were set, never as a row of the tree).
 */
export function jurisdictionsReadableBy(actor: Actor): RawBuilder<SqlBool> {
  const { unitIds } = scopeOf(actor, 'read');
  const subtrees = jurisdictionsVisibleTo(actor, 'read');
  if (unitIds.length === 0) return subtrees;
  return sql<SqlBool>`(${subtrees} or ${sql.ref('jurisdictions.id')} in (select own.jurisdiction_id from units own where own.id in (${sql.join([...unitIds])})))`;
}

/** `column` is `path` or a path below it (the subtree of the jurisdiction with that path). */
export function withinPath(column: string, path: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`${escapeLike(path)}%`}`;
}

/** The jurisdiction if the actor may read it; undefined both when it does not exist and when it is out of scope. */
export async function findReadableJurisdiction(db: Kysely<Database>, actor: Actor, id: string): Promise<Jurisdiction | undefined> {
  return db.selectFrom('jurisdictions').selectAll().where('id', '=', id).where(jurisdictionsReadableBy(actor)).executeTakeFirst();
}

/** Levels from the top: a child must sit below its parent (省 → 市 → 县). */
export const LEVEL_RANK = { province: 0, city: 1, county: 2 } as const;

export const LEVEL_LABEL = { province: '省级', city: '市级', county: '县级' } as const;
