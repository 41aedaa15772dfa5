import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { describeStores } from '../../../test/stores';
import { DataDirLockedError } from './data-dir-lock';
import { openStore } from './open-store';

describeStores('store engine', (store) => {
  it('reads numeric back as the exact decimal written, and counts as numbers', async () => {
    const db = store().db;
    await db.insertInto('jurisdictions').values({ id: 'j1', parent_id: null, name: '湖南省', level: 'province', code: '43', path: '/j1/' }).execute();
    await db.insertInto('units').values({ id: 'u1', jurisdiction_id: 'j1', name: '岳阳市人大常委会办公室', code: '430601', staff_quota: 111 }).execute();
    // 15424.885001 万元 has 6 decimals: exactly 1 分 past 15424.885; a float would print 15424.885001000001 or lose it.
    await db
      .insertInto('evaluations')
      .values({ id: 'e1', unit_id: 'u1', year: 2023, kind: 'department', project_name: '', parent_id: null, status: 'draft', current_version: 1, framework_id: 'hunan-standard', budget: '15424.885001', executed: '14877.44', execution_rate: '96.4500' })
      .execute();
    const row = await db.selectFrom('evaluations').select(['budget', 'executed', 'execution_rate']).where('id', '=', 'e1').executeTakeFirstOrThrow();
    expect(row).toEqual({ budget: '15424.885001', executed: '14877.440000', execution_rate: '96.4500' });
    const sum = await db.selectFrom('evaluations').select((eb) => [eb.fn.sum<string>('budget').as('total'), eb.fn.countAll<number>().as('n')]).executeTakeFirstOrThrow();
    expect(sum).toEqual({ total: '15424.885001', n: 1 });
    const id = await sql<{ n: number }>`select count(*) as n from units`.execute(db);
    expect(id.rows[0]?.n).toBe(1);
  });

  it('refuses to change a saved version of an evaluation', async () => {
    const db = store().db;
    await db.insertInto('evaluation_versions').values({ evaluation_id: 'e1', version: 1, content: JSON.stringify({ title: '岳阳' }), reason: 'create', created_by: null }).execute();
    await expect(db.updateTable('evaluation_versions').set({ content: JSON.stringify({ title: 'forged' }) }).execute()).rejects.toThrow(/immutable/);
    const row = await db.selectFrom('evaluation_versions').select('content').executeTakeFirstOrThrow();
    expect(row.content).toEqual({ title: '岳阳' });
  });

  it('refuses to change or delete the audit log', async () => {
    const db = store().db;
    await db.insertInto('audit_log').values({ action: 'create', entity: 'unit', entity_id: 'u1', user_id: null, before: null, after: JSON.stringify({ name: 'x' }) }).execute();
    await expect(db.updateTable('audit_log').set({ action: 'forged' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it('lets only one process open an embedded data directory, and takes over a dead owner\'s lock', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-store-'));
  dirs.push(dir);
  const first = await openStore({ dataDir: dir });
  // A second opener (same process here; the pid check treats it as another live owner) is refused with a clear message.
  const second = openStore({ dataDir: dir });
  await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
  await expect(second).rejects.toThrow(/正被另一个进程（pid \d+）使用/);
  await first.db.insertInto('jurisdictions').values({ id: 'j1', parent_id: null, name: '湖南省', level: 'province', code: '43', path: '/j1/' }).execute();
  await first.close();
  // A lock left behind by a killed process: pid 999999999 is above Linux's pid_max (2^22), so it is never alive.
  writeFileSync(join(dir, 'jixiao.lock'), `999999999\n${(await import('node:os')).hostname()}\n`);
  const reopened = await openStore({ dataDir: dir });
  const rows = await reopened.db.selectFrom('jurisdictions').select('name').execute();
  expect(rows).toEqual([{ name: '湖南省' }]);
  await reopened.close();
}, 60_000);
