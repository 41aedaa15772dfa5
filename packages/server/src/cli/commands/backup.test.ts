import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../adapters/db/open-store';
import { runCli } from '../../../test/run-cli';

const BYTES = Uint8Array.from([0x00, 0xff, 0x50, 0x4b, 0x03, 0x04, 0x0a, 0x00]);

// Creating a data directory runs initdb (seconds on a busy machine): the seeded source and its two backups are made once.
let shared = '';
let source = '';
let plain = '';
let gz = '';
let dir = '';

function useStoreFromFlagsOnly(): void {
  // The store comes from --data-dir in these tests, never from the environment of whoever runs them.
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('JIXIAO_DATA_DIR', '');
}

beforeAll(async () => {
  useStoreFromFlagsOnly();
  shared = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
  source = join(shared, 'source');
  plain = join(shared, 'backup.ndjson');
  gz = join(shared, 'backup.ndjson.gz');
  await seed(source);
  for (const file of [plain, gz]) {
    const r = await runCli(['backup', file, '--data-dir', source]);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  vi.unstubAllEnvs();
}, 120_000);
afterAll(() => {
  rmSync(shared, { recursive: true, force: true });
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
  useStoreFromFlagsOnly();
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

async function seed(dataDir: string): Promise<void> {
  const store = await openStore({ dataDir });
  try {
    const db = store.db;
    await db.insertInto('jurisdictions').values({ id: 'j43', parent_id: null, name: '湖南省', level: 'province', code: '43', path: '/j43/' }).execute();
    await db.insertInto('jurisdictions').values({ id: 'j4306', parent_id: 'j43', name: '岳阳市', level: 'city', code: '4306', path: '/j43/j4306/' }).execute();
    await db.insertInto('units').values({ id: 'u1', jurisdiction_id: 'j4306', name: '岳阳市人大常委会办公室', code: '430601', staff_quota: 111 }).execute();
    await db
      .insertInto('evaluations')
      .values({ id: 'e1', unit_id: 'u1', year: 2023, kind: 'department', project_name: '', parent_id: null, status: 'draft', current_version: 1, framework_id: 'hunan-standard', budget: '15424.885001', executed: '14877.44' })
      .execute();
    await db.insertInto('evaluation_versions').values({ evaluation_id: 'e1', version: 1, content: JSON.stringify({ title: '部门整体支出绩效自评', budget: '15424.885001' }), reason: 'create', created_by: null }).execute();
    await db.insertInto('documents').values({ id: 'd1', unit_id: 'u1', year: 2023, filename: '自评报告.docx', media_type: 'application/octet-stream', size: BYTES.length, sha256: '-', bytes: BYTES, uploaded_by: null }).execute();
    await db.insertInto('audit_log').values({ action: 'create', entity: 'evaluation', entity_id: 'e1', user_id: null, before: null, after: JSON.stringify({ status: 'draft' }) }).execute();
  } finally {
    await store.close();
  }
}

/** The dump's lines without the header's createdAt. */
function comparable(text: string): string[] {
  const [header, ...rows] = text.trimEnd().split('\n');
  const parsed = JSON.parse(header ?? '{}') as Record<string, unknown>;
  delete parsed.createdAt;
  return [JSON.stringify(parsed), ...rows];
}

const SUMMARY = '共 7 行（辖区 2，单位 1，用户 0，角色授权 0，会话 0，框架设置 0，截止日期 0，评价 1，评价版本 1，审查发现 0，文件 1，导入结果 0，意见 0，审计日志 1，佐证材料 0，考核评分 0）';

describe('jixiao backup / restore', () => {
  it('backs up to plain and gzipped NDJSON, and restores the .gz into a new data directory with the same data', async () => {
    const file = join(dir, 'backup.ndjson');
    const a = await runCli(['backup', file, '--data-dir', source]);
    expect(a).toMatchObject({ code: 0, stderr: '' });
    expect(a.stdout).toBe(`已将 ${source} 备份到 ${file}：数据库结构 0003-attachments-work-grades，${SUMMARY}\n`);
    // The temporary file was renamed into place.
    expect(readdirSync(dir)).toEqual(['backup.ndjson']);
    expect(comparable(readFileSync(file, 'utf8'))).toEqual(comparable(readFileSync(plain, 'utf8')));
    const compressed = readFileSync(gz);
    expect([compressed[0], compressed[1]]).toEqual([0x1f, 0x8b]);
    const text = readFileSync(plain, 'utf8');
    expect(comparable(gunzipSync(compressed).toString('utf8'))).toEqual(comparable(text));
    expect(text.split('\n')).toHaveLength(9);

    const target = join(dir, 'target');
    const r = await runCli(['restore', gz, '--data-dir', target]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(new RegExp(`^已将 ${gz}（备份于 \\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z，数据库结构 0003-attachments-work-grades）恢复到 ${target}：`));
    expect(r.stdout).toContain(SUMMARY);

    const again = join(dir, 'again.ndjson');
    expect((await runCli(['backup', again, '--data-dir', target])).code).toBe(0);
    expect(comparable(readFileSync(again, 'utf8'))).toEqual(comparable(text));
    const store = await openStore({ dataDir: target });
    try {
      const evaluation = await store.db.selectFrom('evaluations').select(['budget', 'executed']).executeTakeFirstOrThrow();
      expect(evaluation).toEqual({ budget: '15424.885001', executed: '14877.440000' });
      const document = await store.db.selectFrom('documents').select('bytes').executeTakeFirstOrThrow();
      expect(Array.from(document.bytes)).toEqual(Array.from(BYTES));
    } finally {
      await store.close();
    }
  }, 120_000);

  it('refuses a target with data, a missing or corrupt file, and a missing data directory, with exit 2', async () => {
    const full = await runCli(['restore', plain, '--data-dir', source]);
    expect(full).toMatchObject({ code: 2, stdout: '' });
    expect(full.stderr).toMatch(/^.*backup\.ndjson 无法恢复：目标数据库不是空的（表 jurisdictions 已有数据）.*\n数据库未改动。\n$/);

    const missing = await runCli(['restore', join(dir, 'nope.ndjson'), '--data-dir', join(dir, 'other')]);
    expect(missing).toMatchObject({ code: 2, stderr: `找不到备份文件 ${join(dir, 'nope.ndjson')}\n` });

    const cut = join(dir, 'cut.ndjson.gz');
    const bytes = readFileSync(gz);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 12));
    const empty = join(dir, 'empty');
    const corrupt = await runCli(['restore', cut, '--data-dir', empty]);
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toMatch(/cut\.ndjson\.gz 无法恢复：gzip 数据损坏或不完整（.+），数据库未改动。\n$/);

    const edited = join(dir, 'edited.ndjson');
    const lines = readFileSync(plain, 'utf8').split('\n');
    lines[3] = lines[3]?.replace('"staff_quota":111', '"staff_quota":"111"') ?? '';
    writeFileSync(edited, lines.join('\n'));
    const bad = await runCli(['restore', edited, '--data-dir', empty]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/edited\.ndjson 无法恢复：第 4 行：units\.staff_quota：/);
    // Neither failed restore left anything behind.
    const store = await openStore({ dataDir: empty });
    try {
      expect(await store.db.selectFrom('jurisdictions').select('id').execute()).toEqual([]);
    } finally {
      await store.close();
    }

    const nowhere = await runCli(['backup', join(dir, 'x.ndjson'), '--data-dir', join(dir, 'no-such-dir')]);
    expect(nowhere).toMatchObject({ code: 2, stdout: '' });
    expect(nowhere.stderr).toMatch(/^数据目录 .*no-such-dir 不存在，没有可备份的数据/);
    const unwritable = await runCli(['backup', join(dir, 'no', 'such', 'x.ndjson'), '--data-dir', source]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/^无法写入备份文件 .*x\.ndjson：ENOENT/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('says so when a running server holds the data directory, with exit 2', async () => {
    const server = await openStore({ dataDir: source });
    try {
      for (const args of [
        ['backup', join(dir, 'b2.ndjson'), '--data-dir', source],
        ['restore', plain, '--data-dir', source],
      ]) {
        const r = await runCli(args);
        expect(r).toMatchObject({ code: 2, stdout: '' });
        expect(r.stderr).toMatch(/^数据目录 .* 正被另一个进程（pid \d+）使用/);
      }
    } finally {
      await server.close();
    }
  });
});
