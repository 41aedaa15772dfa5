import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore } from '../src/adapters/db/open-store';
import type { Store } from '../src/adapters/db/open-store';
import { TABLE_ORDER } from '../src/app/store/database';

/**
 * Runs a store test suite on both engines: PGlite in memory and the PostgreSQL server (a fresh database per
 * suite, dropped afterwards). Locally the PostgreSQL half skips when no server answers; `.ci/run` sets
 * JIXIAO_REQUIRE_POSTGRES=1 so that there a missing server fails instead.
 */
export const POSTGRES_ADMIN_URL = process.env.JIXIAO_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL 不可用（${POSTGRES_ADMIN_URL}：${(error as Error).message}）`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const unreachable = await postgresReachable();
if (unreachable && process.env.JIXIAO_REQUIRE_POSTGRES) throw new Error(`JIXIAO_REQUIRE_POSTGRES is set but ${unreachable}`);

/** A database of its own on the server, for one suite. */
export async function openPostgresTestStore(): Promise<Store & { url: string }> {
  const name = `jixiao_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  return {
    ...store,
    url: url.toString(),
    close: async () => {
      await store.close();
      const drop = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await drop.connect();
      // pg's Pool.end() resolves before its clients have hung up; forcing the drop while they do kills them
      // mid-goodbye, and the pool reports that as an uncaught error. Wait (at most 5 s) until they are gone.
      for (let i = 0; i < 50; i++) {
        const { rows } = await drop.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

export interface StoreEngineCase {
  readonly name: 'PGlite' | 'PostgreSQL';
  readonly skip?: string;
  open(): Promise<Store>;
}

export const STORE_ENGINES: readonly StoreEngineCase[] = [
  { name: 'PGlite', open: () => openStore({}) },
  { name: 'PostgreSQL', ...(unreachable ? { skip: unreachable } : {}), open: openPostgresTestStore },
];

/** Empties every table (TRUNCATE skips the audit log's append-only row trigger, which is what a test reset needs). */
export async function emptyStore(store: Store): Promise<void> {
  await sql`truncate ${sql.join(TABLE_ORDER.map((t) => sql.table(t)))} restart identity cascade`.execute(store.db);
}

/** `describe` once per engine; `store()` is that engine's store, opened once for the suite. */
export function describeStores(title: string, body: (store: () => Store, engine: StoreEngineCase['name']) => void): void {
  for (const engine of STORE_ENGINES) {
    const run = engine.skip ? describe.skip : describe;
    // A skipped engine says why in its title, which vitest prints as skipped.
    run(`${title} [${engine.name}]${engine.skip ? `（跳过：${engine.skip}）` : ''}`, () => {
      let current: Store | undefined;
      beforeAll(async () => {
        current = await engine.open();
      }, 60_000);
      afterAll(async () => {
        await current?.close();
      });
      body(() => {
        if (!current) throw new Error('store not open');
        return current;
      }, engine.name);
    });
  }
}
