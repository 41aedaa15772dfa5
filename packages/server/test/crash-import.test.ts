import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/adapters/db/open-store';
import type { Store } from '../src/adapters/db/open-store';
import { acceptImport } from '../src/app/documents/accept-import';
import type { StoredImport } from '../src/app/documents/import-upload';
import { POSTGRES_ADMIN_URL, STORE_ENGINES } from './stores';

// A process killed in the middle of accepting an import (SIGKILL: no handler runs, nothing is flushed or
// rolled back by the process itself) must leave no half-written report: the accept is one transaction, and
// the store must open afterwards and work. The child (crash-import-child.ts) prints READY from inside the
// transaction, after writing all nine evaluations and just before the commit; the kill lands exactly there.

const CHILD = fileURLToPath(new URL('./crash-import-child.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

interface Killed {
  readonly importId: string;
  readonly pid: number;
  /** What the transaction had written when it was killed, counted inside it. */
  readonly inFlight: { evaluations: number; versions: number; findings: number };
  readonly signal: NodeJS.Signals | null;
}

/** Runs the child until READY, kills it with SIGKILL and waits until it is gone (reaped, so its pid is free). */
function runAndKill(args: readonly string[]): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let seeded: { importId: string; pid: number } | undefined;
    let inFlight: Killed['inFlight'] | undefined;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, data] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
      if (word === 'SEEDED') seeded = JSON.parse(data) as typeof seeded;
      if (word === 'READY') {
        inFlight = JSON.parse(data) as Killed['inFlight'];
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!seeded || !inFlight) return reject(new Error(`child exited (${code ?? signal}) before READY:\n${stderr}`));
      resolve({ importId: seeded.importId, pid: seeded.pid, inFlight, signal });
    });
  });
}

async function count(store: Store, table: 'evaluations' | 'evaluation_versions' | 'findings' | 'documents' | 'import_results'): Promise<number> {
  return Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
}

/** Nothing of the killed accept is there; what was committed before it is; and the store takes the accept again. */
async function expectCleanAfterCrash(store: Store, killed: Killed): Promise<void> {
  expect(killed.signal).toBe('SIGKILL');
  // The transaction had really written the report (1 部门整体 + 8 项目) when it died.
  expect(killed.inFlight).toMatchObject({ evaluations: 9, versions: 9 });
  expect(killed.inFlight.findings).toBeGreaterThan(0);

  expect(await count(store, 'evaluations')).toBe(0);
  expect(await count(store, 'evaluation_versions')).toBe(0);
  expect(await count(store, 'findings')).toBe(0);
  const logged = await store.db.selectFrom('audit_log').select('action').where('action', 'in', ['import', 'import-accept']).execute();
  expect(logged).toEqual([]);
  // Committed before the accept began: the upload and its import survive the crash.
  expect(await count(store, 'documents')).toBe(1);
  expect(await count(store, 'import_results')).toBe(1);

  // The store works: the same accept, committed this time, and read back.
  const row = await store.db.selectFrom('import_results').select('result').where('id', '=', killed.importId).executeTakeFirstOrThrow();
  const evaluations = (row.result as unknown as StoredImport).report?.evaluations ?? [];
  const result = await store.db
    .transaction()
    .execute((trx) => acceptImport(trx, { importId: killed.importId, unitId: 'u_yy', jurisdictionPath: '/hn/yy/', year: 2022, evaluations, userId: 'user_filler_yy' }));
  expect(result.ok).toBe(true);
  const department = await store.db.selectFrom('evaluations').select(['budget', 'current_version']).where('kind', '=', 'department').executeTakeFirstOrThrow();
  expect(department).toEqual({ budget: '4280.310000', current_version: 1 });
  expect(await count(store, 'evaluations')).toBe(9);
  expect(await count(store, 'evaluation_versions')).toBe(9);
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a crash in the middle of accepting an import', () => {
  it('PGlite: no half-written evaluation, and the data directory opens (its dead owner\'s lock taken over) and works', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-crash-'));
    dirs.push(dataDir);
    const killed = await runAndKill(['pglite', dataDir]);
    // The dead child's lock is still there: opening must take it over, not refuse.
    expect(readFileSync(join(dataDir, 'jixiao.lock'), 'utf8').split('\n')[0]).toBe(String(killed.pid));
    const store = await openStore({ dataDir });
    try {
      await expectCleanAfterCrash(store, killed);
    } finally {
      await store.close();
    }
    expect(readFileSync(join(dataDir, 'pgdata', 'PG_VERSION'), 'utf8').trim()).toMatch(/^\d+$/);
  }, 180_000);

  const postgres = STORE_ENGINES.find((e) => e.name === 'PostgreSQL');
  (postgres?.skip ? it.skip : it)(`PostgreSQL: no half-written evaluation, and the database works${postgres?.skip ? `（跳过：${postgres.skip}）` : ''}`, async () => {
    const name = `jixiao_crash_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      const killed = await runAndKill(['postgres', url.toString()]);
      const store = await openStore({ databaseUrl: url.toString() });
      try {
        await expectCleanAfterCrash(store, killed);
      } finally {
        await store.close();
      }
    } finally {
      // Closed pools hang up asynchronously; forcing the drop while they do would kill them mid-goodbye.
      for (let i = 0; i < 50; i++) {
        const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 180_000);
});
