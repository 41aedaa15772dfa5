import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database';

/**
 * Server-side sessions. The cookie carries a random token; the table keeps only its SHA-256, so a copy of
 * the database does not hand out live sessions. A session ends after `idleMinutes` without a request or
 * `maxHours` after login, whichever comes first.
 */
export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly maxHours: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 30, maxHours: 12 };

export interface OpenSession {
  readonly token: string;
  readonly csrfToken: string;
  readonly userId: string;
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Kysely<Database>, userId: string, now: Date, policy: SessionPolicy): Promise<OpenSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({ id: digest(token), user_id: userId, csrf_token: csrfToken, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + policy.maxHours * 3_600_000) })
    .execute();
  return { token, csrfToken, userId };
}

/** The live session for a cookie token, touched; undefined (and deleted) when idle too long or expired. */
export async function findSession(db: Kysely<Database>, token: string, now: Date, policy: SessionPolicy): Promise<OpenSession | undefined> {
  const id = digest(token);
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const idleSince = now.getTime() - new Date(row.last_seen_at).getTime();
  if (idleSince > policy.idleMinutes * 60_000 || now.getTime() >= new Date(row.expires_at).getTime()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  // Touch at most once a minute: a dashboard's burst of requests should not be a burst of writes.
  if (idleSince > 60_000) await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  return { token, csrfToken: row.csrf_token, userId: row.user_id };
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', digest(token)).execute();
}

export async function endAllSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
