/**
 * The process test/crash-import.test.ts kills. It opens a store (an embedded data directory, or a PostgreSQL
 * URL), seeds the test world, uploads seed 004 and commits that, then accepts the import — the 部门整体
 * evaluation and its eight projects — in one transaction, and just before the commit prints READY with what
 * the transaction has written so far and waits for ever. The parent kills it there with SIGKILL.
 *
 *   node --import tsx crash-import-child.ts pglite <dataDir>
 *   node --import tsx crash-import-child.ts postgres <url>
 */
import { sql } from 'kysely';
import { openStore } from '../src/adapters/db/open-store';
import { DEFAULT_LIMITS } from '../src/adapters/importers/limits';
import { acceptImport } from '../src/app/documents/accept-import';
import { saveImport } from '../src/app/documents/document-store';
import { importUpload } from '../src/app/documents/import-upload';
import { HTTP_READERS } from '../src/http/wiring';
import { seedWorld } from './api-world';
import { SEED_FILES, seedBytes } from './seed-fixtures';

const [engine, where] = process.argv.slice(2);
if (!where || (engine !== 'pglite' && engine !== 'postgres')) throw new Error('usage: crash-import-child.ts pglite <dataDir> | postgres <url>');

const say = (word: string, data: unknown) => process.stdout.write(`${word} ${JSON.stringify(data)}\n`);

const store = await openStore(engine === 'pglite' ? { dataDir: where } : { databaseUrl: where });
await seedWorld(store.db, { hash: async () => 'not-a-hash', verify: async () => false });
const bytes = seedBytes('004');
const imported = await importUpload(bytes, SEED_FILES['004'], { unitName: '岳阳市人大常委会办公室', year: 2022 }, HTTP_READERS, DEFAULT_LIMITS, (e) => {
  throw e;
});
const saved = await store.db
  .transaction()
  .execute((trx) => saveImport(trx, { unitId: 'u_yy', year: 2022, filename: SEED_FILES['004'], mediaType: 'text/plain', bytes, userId: 'user_filler_yy' }, imported, new Date()));
say('SEEDED', { importId: saved.importId, pid: process.pid });

await store.db.transaction().execute(async (trx) => {
  const result = await acceptImport(trx, { importId: saved.importId, unitId: 'u_yy', jurisdictionPath: '/hn/yy/', year: 2022, evaluations: imported.report?.evaluations ?? [], userId: 'user_filler_yy' });
  if (!result.ok) throw new Error(`accept refused: ${result.message}`);
  const counted = await sql<{ evaluations: number; versions: number; findings: number }>`select
      (select count(*)::int from evaluations) as evaluations,
      (select count(*)::int from evaluation_versions) as versions,
      (select count(*)::int from findings) as findings`.execute(trx);
  say('READY', counted.rows[0]);
  // The commit never comes: the parent kills this process here. (The timer keeps Node from exiting on its own.)
  await new Promise(() => setInterval(() => undefined, 60_000));
});
