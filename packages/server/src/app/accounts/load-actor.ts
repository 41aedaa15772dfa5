import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import type { Database } from '../store/database';

/** The user with every grant and the path of each granted jurisdiction; undefined for a missing or disabled user. */
export async function loadActor(db: Kysely<Database>, userId: string): Promise<Actor | undefined> {
  const user = await db.selectFrom('users').select(['id', 'username', 'display_name', 'disabled']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.disabled) return undefined;
  const grants = await db
    .selectFrom('role_grants')
    .leftJoin('jurisdictions', 'jurisdictions.id', 'role_grants.jurisdiction_id')
    .select(['role_grants.role', 'role_grants.unit_id', 'role_grants.jurisdiction_id', 'jurisdictions.path'])
    .where('role_grants.user_id', '=', userId)
    .orderBy('role_grants.created_at')
    .orderBy('role_grants.id')
    .execute();
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    grants: grants.map((g) => ({ role: g.role, unitId: g.unit_id, jurisdictionId: g.jurisdiction_id, jurisdictionPath: g.path })),
  };
}
