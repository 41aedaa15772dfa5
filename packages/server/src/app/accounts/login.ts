import type { Kysely } from 'kysely';
import type { PasswordHasher } from '../ports';
import type { Database } from '../store/database';
import { recordChange } from '../audit-log';

/**
 * Login with lockout: after `maxFailures` wrong passwords in a row the account is locked for
 * `lockMinutes` (等保 2.0 8.1.4.1 b: 应具有登录失败处理功能，…限制非法登录次数). A wrong username costs the same
 * hashing time as a wrong password, so response time does not tell which usernames exist.
 */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly lockMinutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

export type LoginResult =
  | { readonly ok: true; readonly userId: string }
  | { readonly ok: false; readonly reason: 'invalid' }
  | { readonly ok: false; readonly reason: 'locked'; readonly until: Date };

// A valid argon2id hash of a random string: verifying against it takes as long as a real check.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$HXL5NkDGpVfM9uYoBW20oQ$fUFIA2+UBvHVmiDGdLF4HENBXI4PgbhMCVIQsyHVWOs';

export async function login(db: Kysely<Database>, hasher: PasswordHasher, username: string, password: string, now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT): Promise<LoginResult> {
  const user = await db.selectFrom('users').select(['id', 'password_hash', 'failed_logins', 'locked_until', 'disabled']).where('username', '=', username).executeTakeFirst();
  if (!user || user.disabled) {
    await hasher.verify(DUMMY_HASH, password);
    return { ok: false, reason: 'invalid' };
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > now.getTime()) return { ok: false, reason: 'locked', until: new Date(user.locked_until) };
  const good = await hasher.verify(user.password_hash, password);
  if (good) {
    if (user.failed_logins > 0 || user.locked_until) await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await recordChange(db, { userId: user.id, action: 'login', entity: 'user', entityId: user.id });
    return { ok: true, userId: user.id };
  }
  // A lock that has run out starts a fresh count.
  const failures = (user.locked_until ? 0 : user.failed_logins) + 1;
  const lock = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
  await db.updateTable('users').set({ failed_logins: lock ? 0 : failures, locked_until: lock }).where('id', '=', user.id).execute();
  await recordChange(db, { userId: null, action: lock ? 'login-locked' : 'login-failed', entity: 'user', entityId: user.id, after: { failures } });
  return lock ? { ok: false, reason: 'locked', until: lock } : { ok: false, reason: 'invalid' };
}
