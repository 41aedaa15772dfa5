import type { Kysely } from 'kysely';
import type { Database } from './store/database';

/** One change for the append-only audit log: who, what, and the row before and after (null when none). */
export interface Change {
  readonly userId: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Written in the same transaction as the change itself, so the log can never miss a committed change. */
export async function recordChange(db: Kysely<Database>, change: Change): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: change.userId,
      action: change.action,
      entity: change.entity,
      entity_id: change.entityId,
      before: change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === undefined ? null : JSON.stringify(change.after),
    })
    .execute();
}
