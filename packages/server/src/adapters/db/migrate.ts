import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import * as initial from './migrations/0001-initial';
import * as immutableVersions from './migrations/0002-immutable-versions';
import * as attachmentsWorkGrades from './migrations/0003-attachments-work-grades';

/** Migrations are compiled in (not read from a folder), so the same list runs from source, tests and tsx. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-immutable-versions': immutableVersions,
  '0003-attachments-work-grades': attachmentsWorkGrades,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export interface MigrationReport {
  readonly applied: readonly string[];
}

/** Brings the store to the latest schema; a failed migration is a bug (thrown), never half-applied data. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<MigrationReport> {
  const migrator = new Migrator({ db: db as Kysely<unknown>, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
