import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * An evaluation's versions are what was saved, submitted and approved: the record the workflow and the audit
 * log point at. The database refuses to change one, as it refuses to change the audit log, so no code path
 * (nor a hand-written UPDATE) can rewrite history. Deleting stays possible only through the evaluation itself
 * (ON DELETE CASCADE), which the API never does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create function evaluation_versions_immutable() returns trigger language plpgsql as $$
    begin raise exception 'evaluation_versions are immutable: save a new version instead'; end $$`.execute(db);
  await sql`create trigger evaluation_versions_no_update before update on evaluation_versions
    for each row execute function evaluation_versions_immutable()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists evaluation_versions_no_update on evaluation_versions`.execute(db);
  await sql`drop function if exists evaluation_versions_immutable()`.execute(db);
}
