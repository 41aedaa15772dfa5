import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../app/store/database';
import { lockDataDir } from './data-dir-lock';
import { migrateToLatest } from './migrate';
import { pgliteDialect } from './pglite-dialect';

export type StoreEngine = 'pglite' | 'postgres';

export interface Store {
  readonly db: Kysely<Database>;
  readonly engine: StoreEngine;
  /** Where the data is: the data directory, 'memory', or the server URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

export interface StoreConfig {
  /** postgres://… : the server store. */
  readonly databaseUrl?: string;
  /** The embedded store's directory; absent with no URL means in memory (tests). */
  readonly dataDir?: string;
  readonly migrate?: boolean;
}

const INT8 = 20;

/**
 * `pg` returns bigint columns as strings and PGlite as numbers; ours (counts, the audit log's id) stay far
 * below 2^53, so both engines read them as numbers. `numeric` stays a string in both: exact decimals.
 */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
};

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

export async function openStore(config: StoreConfig): Promise<Store> {
  let store: Store;
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, types: pgTypes, max: 20 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = { db, engine: 'postgres', location: redact(config.databaseUrl), close: () => db.destroy() };
  } else if (config.dataDir) {
    const lock = lockDataDir(config.dataDir);
    try {
      const engine = await PGlite.create(join(config.dataDir, 'pgdata'));
      const db = new Kysely<Database>({ dialect: pgliteDialect(engine) });
      store = {
        db,
        engine: 'pglite',
        location: config.dataDir,
        close: async () => {
          await db.destroy();
          await engine.close();
          lock.release();
        },
      };
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    const engine = await PGlite.create();
    const db = new Kysely<Database>({ dialect: pgliteDialect(engine) });
    store = { db, engine: 'pglite', location: 'memory', close: async () => (await db.destroy(), await engine.close()) };
  }
  if (config.migrate !== false) {
    try {
      await migrateToLatest(store.db);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}
