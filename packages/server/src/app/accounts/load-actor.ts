import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Actor, Grant } from '../access/actor';
import type { Database, Role } from '../store/database';

interface GrantJson {
  readonly role: Role;
  readonly unitId: string | null;
  readonly jurisdictionId: string | null;
  readonly jurisdictionPath: string | null;
}

/**
 * The user with every grant and the path of each granted jurisdiction, in one query (it runs on every
 * request, and the embedded store serves one query at a time); undefined for a missing or disabled user.
 */
export async function loadActor(db: Kysely<Database>, userId: string): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['users.id', 'users.username', 'users.display_name', 'users.disabled'])
    .select(
      sql<GrantJson[]>`coalesce((
        select json_agg(json_build_object('role', g.role, 'unitId', g.unit_id, 'jurisdictionId', g.jurisdiction_id, 'jurisdictionPath', j.path) order by g.created_at, g.id)
        from role_grants g left join jurisdictions j on j.id = g.jurisdiction_id
        where g.user_id = users.id), '[]'::json)`.as('grants'),
    )
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row || row.disabled) return undefined;
  return { userId: row.id, username: row.username, displayName: row.display_name, grants: row.grants.map((g): Grant => ({ ...g })) };
}
