import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { Actor } from '../access/actor';
import { ROLE_LABEL } from '../access/actor';
import { can, canInJurisdiction } from '../access/permissions';
import { unitsVisibleTo } from '../access/scope-query';
import { recordChange } from '../audit-log';
import type { Database, Role } from '../store/database';
import { findReadableJurisdiction } from './jurisdiction-access';

/**
 * User administration, scoped like everything else. An administrator manages the users who hold a grant inside
 * their subtree, and users without any grant (just created, or with every grant revoked) so that they can be
 * given one. Changing a user's account (name, 停用, 解锁) needs every grant of that user inside the
 * administrator's subtree: a city's administrator must not disable the province's reviewer who also holds a
 * grant in that city. Nobody changes their own grants (separation of duties: a second administrator does it).
 */
export const UNIT_ROLES: readonly Role[] = ['filler', 'unit_head'];

// A grant joined to its unit (unit roles) and the jurisdiction it sits in, under the names unitsVisibleTo expects.
const GRANT_PLACE = sql`role_grants left join units on units.id = role_grants.unit_id join jurisdictions on jurisdictions.id = coalesce(role_grants.jurisdiction_id, units.jurisdiction_id)`;

/** For a row of role_grants joined as GRANT_PLACE: is it inside the actor's manage scope? Never null. */
function grantManaged(actor: Actor): RawBuilder<SqlBool> {
  return sql<SqlBool>`coalesce(${unitsVisibleTo(actor, 'manage')}, false)`;
}

/** Users the actor may see and give grants to (a condition on `users`). */
export function usersManagedBy(actor: Actor): RawBuilder<SqlBool> {
  const user = sql.ref('users.id');
  return sql<SqlBool>`(exists (select 1 from ${GRANT_PLACE} where role_grants.user_id = ${user} and ${grantManaged(actor)})
    or not exists (select 1 from role_grants where role_grants.user_id = ${user}))`;
}

/** Users every grant of whom is inside the actor's scope (a condition on `users`): their account may be changed. */
export function usersFullyManagedBy(actor: Actor): RawBuilder<SqlBool> {
  return sql<SqlBool>`not exists (select 1 from ${GRANT_PLACE} where role_grants.user_id = ${sql.ref('users.id')} and not ${grantManaged(actor)})`;
}

export interface GrantView {
  readonly id: string;
  readonly role: Role;
  readonly label: string;
  readonly unitId: string | null;
  readonly unitName: string | null;
  readonly jurisdictionId: string | null;
  readonly jurisdictionName: string | null;
}

export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly disabled: boolean;
  readonly locked: boolean;
  readonly lockedUntil: string | null;
  readonly failedLogins: number;
  readonly createdAt: string;
  /** Grants inside the administrator's scope. */
  readonly grants: GrantView[];
  /** Grants elsewhere: counted, not shown (they belong to another administrator's subtree). */
  readonly otherGrants: number;
  /** Whether the administrator may change the account (every grant in scope). */
  readonly manageable: boolean;
}

const USER_COLUMNS = ['users.id', 'users.username', 'users.display_name', 'users.disabled', 'users.locked_until', 'users.failed_logins', 'users.created_at'] as const;

/** Users visible to the administrator, a page at a time, ordered by username; password hashes are never read. */
export async function listUsers(db: Kysely<Database>, actor: Actor, now: Date, page: number, pageSize: number): Promise<{ items: UserView[]; total: number }> {
  const base = db.selectFrom('users').where(usersManagedBy(actor));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const users = await base
    .select([...USER_COLUMNS, usersFullyManagedBy(actor).as('manageable')])
    .orderBy('users.username')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const grants = await grantsOf(db, actor, users.map((u) => u.id));
  const items = users.map((u) =>
    toView(
      u,
      grants.filter((g) => g.userId === u.id),
      now,
    ),
  );
  return { items, total: Number(total) };
}

/** One user if the administrator may see them. */
export async function findManagedUser(db: Kysely<Database>, actor: Actor, userId: string, now: Date): Promise<UserView | undefined> {
  const user = await db
    .selectFrom('users')
    .select([...USER_COLUMNS, usersFullyManagedBy(actor).as('manageable')])
    .where('users.id', '=', userId)
    .where(usersManagedBy(actor))
    .executeTakeFirst();
  if (!user) return undefined;
  return toView(user, await grantsOf(db, actor, [user.id]), now);
}

interface GrantRow extends GrantView {
  readonly userId: string;
  readonly managed: boolean;
}

async function grantsOf(db: Kysely<Database>, actor: Actor, userIds: readonly string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('role_grants')
    .leftJoin('units', 'units.id', 'role_grants.unit_id')
    .innerJoin('jurisdictions', (join) => join.on(sql<boolean>`jurisdictions.id = coalesce(role_grants.jurisdiction_id, units.jurisdiction_id)`))
    .select(['role_grants.id', 'role_grants.user_id', 'role_grants.role', 'role_grants.unit_id', 'role_grants.jurisdiction_id', 'units.name as unit_name', 'jurisdictions.name as jurisdiction_name', grantManaged(actor).as('managed')])
    .where('role_grants.user_id', 'in', [...userIds])
    .orderBy('role_grants.created_at')
    .orderBy('role_grants.id')
    .execute();
  return rows.map((g) => ({
    id: g.id,
    userId: g.user_id,
    role: g.role,
    label: ROLE_LABEL[g.role],
    unitId: g.unit_id,
    unitName: g.unit_name,
    // A unit grant names the unit's jurisdiction for display; its own jurisdiction_id stays null.
    jurisdictionId: g.jurisdiction_id,
    jurisdictionName: g.jurisdiction_name,
    managed: Boolean(g.managed),
  }));
}

function toView(
  u: { id: string; username: string; display_name: string; disabled: boolean; locked_until: Date | null; failed_logins: number; created_at: Date; manageable: SqlBool },
  grants: readonly GrantRow[],
  now: Date,
): UserView {
  const lockedUntil = u.locked_until ? new Date(u.locked_until) : null;
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    disabled: u.disabled,
    locked: lockedUntil !== null && lockedUntil.getTime() > now.getTime(),
    lockedUntil: lockedUntil?.toISOString() ?? null,
    failedLogins: u.failed_logins,
    createdAt: new Date(u.created_at).toISOString(),
    grants: grants.filter((g) => g.managed).map(({ userId: _u, managed: _m, ...view }) => view),
    otherGrants: grants.filter((g) => !g.managed).length,
    manageable: Boolean(u.manageable),
  };
}

export interface GrantRequest {
  readonly role: Role;
  readonly unitId?: string | null | undefined;
  readonly jurisdictionId?: string | null | undefined;
}

export type GrantProblem = { readonly problem: 'invalid' | 'not-found' | 'forbidden' | 'conflict'; readonly message: string };

/**
 * Whether the administrator may give this grant: the right shape for the role (unit roles on a unit, the
 * others on a jurisdiction), a unit or jurisdiction they can see (else not found), inside their manage scope.
 */
export async function grantProblem(db: Kysely<Database>, actor: Actor, grant: GrantRequest): Promise<GrantProblem | undefined> {
  const label = ROLE_LABEL[grant.role];
  if (UNIT_ROLES.includes(grant.role)) {
    if (!grant.unitId || grant.jurisdictionId) return { problem: 'invalid', message: `${label}须授予在一个单位上（unitId），不能指定地区` };
    const unit = await db
      .selectFrom('units')
      .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
      .select(['units.id', 'jurisdictions.path'])
      .where('units.id', '=', grant.unitId)
      .where(unitsVisibleTo(actor, 'read'))
      .executeTakeFirst();
    if (!unit) return { problem: 'not-found', message: '单位' };
    if (!can(actor, 'manage', { id: unit.id, jurisdictionPath: unit.path })) return { problem: 'forbidden', message: '在该单位上授权' };
    return undefined;
  }
  if (!grant.jurisdictionId || grant.unitId) return { problem: 'invalid', message: `${label}须授予在一个地区上（jurisdictionId），不能指定单位` };
  const jurisdiction = await findReadableJurisdiction(db, actor, grant.jurisdictionId);
  if (!jurisdiction) return { problem: 'not-found', message: '地区' };
  if (!canInJurisdiction(actor, 'manage', jurisdiction.path)) return { problem: 'forbidden', message: `在${jurisdiction.name}授权` };
  return undefined;
}

/** Adds a grant already checked with grantProblem; a grant the user already holds is a conflict. */
export async function addGrant(db: Kysely<Database>, userId: string, grant: GrantRequest, byUserId: string): Promise<{ id: string } | GrantProblem> {
  const unitId = grant.unitId ?? null;
  const jurisdictionId = grant.jurisdictionId ?? null;
  const existing = await db
    .selectFrom('role_grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', grant.role)
    .where((eb) => (unitId ? eb('unit_id', '=', unitId) : eb('unit_id', 'is', null)))
    .where((eb) => (jurisdictionId ? eb('jurisdiction_id', '=', jurisdictionId) : eb('jurisdiction_id', 'is', null)))
    .executeTakeFirst();
  if (existing) return { problem: 'conflict', message: `该用户已有此授权（${ROLE_LABEL[grant.role]}）` };
  const id = randomUUID();
  await db.insertInto('role_grants').values({ id, user_id: userId, role: grant.role, unit_id: unitId, jurisdiction_id: jurisdictionId }).execute();
  await recordChange(db, { userId: byUserId, action: 'grant-add', entity: 'user', entityId: userId, after: { grantId: id, role: grant.role, unitId, jurisdictionId } });
  return { id };
}

/** Removes one of the user's grants, if it lies inside the administrator's scope; false when there is no such grant. */
export async function revokeGrant(db: Kysely<Database>, actor: Actor, userId: string, grantId: string): Promise<boolean> {
  const grant = await db
    .selectFrom('role_grants')
    .leftJoin('units', 'units.id', 'role_grants.unit_id')
    .innerJoin('jurisdictions', (join) => join.on(sql<boolean>`jurisdictions.id = coalesce(role_grants.jurisdiction_id, units.jurisdiction_id)`))
    .select(['role_grants.role', 'role_grants.unit_id', 'role_grants.jurisdiction_id'])
    .where('role_grants.id', '=', grantId)
    .where('role_grants.user_id', '=', userId)
    .where(grantManaged(actor))
    .executeTakeFirst();
  if (!grant) return false;
  await db.deleteFrom('role_grants').where('id', '=', grantId).execute();
  await recordChange(db, { userId: actor.userId, action: 'grant-revoke', entity: 'user', entityId: userId, before: { grantId, role: grant.role, unitId: grant.unit_id, jurisdictionId: grant.jurisdiction_id } });
  return true;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
}

/** Inserts the user (grants are added after, each checked); a taken username answers undefined. */
export async function insertUser(db: Kysely<Database>, user: NewUser, byUserId: string): Promise<string | undefined> {
  const taken = await db.selectFrom('users').select('id').where('username', '=', user.username).executeTakeFirst();
  if (taken) return undefined;
  const id = randomUUID();
  await db.insertInto('users').values({ id, username: user.username, display_name: user.displayName, password_hash: user.passwordHash }).execute();
  await recordChange(db, { userId: byUserId, action: 'user-create', entity: 'user', entityId: id, after: { username: user.username, displayName: user.displayName } });
  return id;
}
