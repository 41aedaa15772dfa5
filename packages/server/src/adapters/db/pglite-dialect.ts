import type { PGlite } from '@electric-sql/pglite';
import { PostgresDialect } from 'kysely';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * Kysely's PostgreSQL dialect over PGlite, so that one set of queries and migrations runs on both engines.
 * PGlite is a single connection: the pool hands it out to one borrower at a time, because a transaction
 * begun by one request must not see another request's statements interleaved into it.
 *
 * Written here (about 40 lines) rather than taking kysely-pglite-dialect, whose peer range stops at
 * PGlite 0.4 and would force --legacy-peer-deps on every install (stack-notes.md §1).
 */
export function pgliteDialect(pg: PGlite): PostgresDialect {
  return new PostgresDialect({ pool: new PGlitePool(pg) });
}

type Command = PostgresQueryResult<unknown>['command'];

/** The statement's command; a WITH query is named by the write it contains, if any. */
function commandOf(sql: string): Command {
  const first = (/^\s*(\w+)/.exec(sql)?.[1] ?? '').toUpperCase();
  const word = first === 'WITH' ? (/\b(insert|update|delete|merge)\b/i.exec(sql)?.[1] ?? 'SELECT').toUpperCase() : first;
  return (['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(word) ? word : 'SELECT') as Command;
}

class PGlitePool implements PostgresPool {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly pg: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.queue;
    this.queue = previous.then(() => turn);
    await previous;
    const pg = this.pg;
    return {
      async query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
        const result = await pg.query<R>(sql, [...parameters]);
        // Kysely reads the affected-row count only for writes, by the command's name.
        const command = commandOf(sql);
        return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
      },
      release: () => release(),
    } as PostgresPoolClient;
  }

  async end(): Promise<void> {
    // Closing PGlite is the store's job (open-store.ts), after its lock is released.
  }
}
