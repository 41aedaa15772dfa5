import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { STORE_ENGINES, describeStores, emptyStore } from '../../test/stores';
import type { ColumnKind } from './backup';
import { BACKUP_COLUMNS, BACKUP_KEYS, BACKUP_SELF_REFERENCES, SCHEMA_VERSION, dumpStore, restoreStore } from './backup';
import type { DumpOptions } from './backup';
import { TABLE_ORDER } from './store/database';
import type { Database } from './store/database';

type Store = Awaited<ReturnType<(typeof STORE_ENGINES)[number]['open']>>;

/** A document's bytes: every byte value, NUL and 0xff included, and enough of them to span several batches. */
const DOCUMENT_BYTES = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 37 + (i >> 8)) % 256));
const SMALL_BYTES = Buffer.from([0x00, 0xff, 0x00, 0x0a, 0x0d, 0x22, 0x5c, 0xff]);

/** A store in use: a 湖南省 → 岳阳市 tree, units, a user with grants, an evaluation and its history, a document. */
async function fill(db: Kysely<Database>): Promise<void> {
  // The child's id sorts before its parent's: restore meets 岳阳市 before 湖南省.
  await db
    .insertInto('jurisdictions')
    .values([
      { id: 'jz-43', parent_id: null, name: '湖南省', level: 'province', code: '43', path: '/jz-43/', created_at: '2024-01-02T03:04:05.123456+08:00' },
      { id: 'ja-4306', parent_id: 'jz-43', name: '岳阳市', level: 'city', code: '4306', path: '/jz-43/ja-4306/', created_at: '2024-01-02T03:04:05.654321Z' },
      { id: 'jb-430602', parent_id: 'ja-4306', name: '岳阳楼区', level: 'county', code: '430602', path: '/jz-43/ja-4306/jb-430602/' },
    ])
    .execute();
  await db
    .insertInto('units')
    .values([
      { id: 'u1', jurisdiction_id: 'ja-4306', name: '岳阳市人大常委会办公室', code: '430601', staff_quota: 111 },
      { id: 'u2', jurisdiction_id: 'jb-430602', name: '岳阳楼区财政局', code: '430602001', staff_quota: null },
      { id: 'u3', jurisdiction_id: 'jz-43', name: '湖南省财政厅', code: '43001', staff_quota: 0 },
    ])
    .execute();
  await db
    .insertInto('users')
    .values([
      { id: 'user-1', username: 'zhangsan', display_name: '张三', password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', failed_logins: 2, locked_until: sql<Date>`'2024-06-30T23:59:59.999999+08:00'::timestamptz`, disabled: false },
      { id: 'user-2', username: 'lisi', display_name: '李四', password_hash: '$argon2id$x', disabled: true },
    ])
    .execute();
  await db
    .insertInto('role_grants')
    .values([
      { id: 'g1', user_id: 'user-1', role: 'filler', unit_id: 'u1', jurisdiction_id: null },
      { id: 'g2', user_id: 'user-1', role: 'finance_reviewer', unit_id: null, jurisdiction_id: 'ja-4306' },
      { id: 'g3', user_id: 'user-2', role: 'admin', unit_id: null, jurisdiction_id: 'jz-43' },
    ])
    .execute();
  await db.insertInto('sessions').values({ id: createHash('sha256').update('token').digest('hex'), user_id: 'user-1', csrf_token: 'csrf-令牌', expires_at: '2030-01-01T00:00:00Z' }).execute();
  await db
    .insertInto('jurisdiction_frameworks')
    .values([
      { jurisdiction_id: 'jz-43', year: 2023, kind: 'department', framework_id: 'hunan-standard', policies: JSON.stringify({ 执行率: { 满分线: '100.00' } }) },
      { jurisdiction_id: 'jz-43', year: 2023, kind: 'project', framework_id: 'hunan-standard', policies: '{}' },
      { jurisdiction_id: 'ja-4306', year: 2023, kind: 'department', framework_id: 'liuyang-department', policies: '{"cap": 1.10}' },
    ])
    .execute();
  await db
    .insertInto('deadlines')
    .values([
      { jurisdiction_id: 'jz-43', year: 2023, kind: 'submit', due_date: '2024-03-31' },
      { jurisdiction_id: 'jz-43', year: 2023, kind: 'review', due_date: '2024-04-30' },
      { jurisdiction_id: 'jz-43', year: 2024, kind: 'submit', due_date: '2025-03-31' },
      { jurisdiction_id: 'ja-4306', year: 2023, kind: 'publish', due_date: '2024-06-30' },
    ])
    .execute();
  // The project evaluation's id sorts before its 部门整体 parent's.
  await db
    .insertInto('evaluations')
    .values([
      {
        id: 'e1-dept',
        unit_id: 'u1',
        year: 2023,
        kind: 'department',
        project_name: '',
        parent_id: null,
        status: 'submitted',
        current_version: 3,
        framework_id: 'hunan-standard',
        budget: '15424.885001',
        executed: '14877.44',
        execution_rate: '96.4500',
        stated_score: '92.50',
        computed_score: '91.75',
        grade: '优',
        error_count: 1,
        warning_count: 2,
        created_at: '2024-02-01T09:00:00.000001+08:00',
        updated_at: '2024-02-03T17:30:00.5+08:00',
      },
      { id: 'e0-proj', unit_id: 'u1', year: 2023, kind: 'project', project_name: '人大代表履职培训', parent_id: 'e1-dept', status: 'draft', current_version: 1, framework_id: 'hunan-standard', budget: '-0.000001', executed: '0', execution_rate: null, stated_score: null, computed_score: null, grade: null },
    ])
    .execute();
  const content = (version: number): string =>
    JSON.stringify({ kind: 'department', year: 2023, title: `岳阳市人大常委会办公室 2023 年度部门整体支出绩效自评（第 ${version} 稿）`, funds: { rows: [{ label: '年度资金总额', annualBudget: '15424.885001', executed: '14877.44' }] }, note: '“引号”、\\反斜杠、\n换行与 emoji 🧾' });
  await db
    .insertInto('evaluation_versions')
    .values([
      { evaluation_id: 'e1-dept', version: 1, content: content(1), reason: 'create', created_by: 'user-1', created_at: '2024-02-01T09:00:00.000001+08:00' },
      { evaluation_id: 'e1-dept', version: 2, content: content(2), reason: 'save', created_by: 'user-1' },
      // Written as JSON text with a trailing zero and a 20-digit integer, which JS numbers would not keep.
      { evaluation_id: 'e1-dept', version: 3, content: '{"score": 92.50, "big": 12345678901234567890, "nested": {"列表": [1, 2.0, null]}}', reason: 'submit', created_by: null },
      { evaluation_id: 'e0-proj', version: 1, content: content(1), reason: 'import', created_by: null },
    ])
    .execute();
  await db
    .insertInto('findings')
    .values([
      { id: 'f1', evaluation_id: 'e1-dept', version: 3, rule: 'execution-rate.mismatch', severity: 'error', message: '所称执行率 96.45% 与 14877.44 ÷ 15424.885001 不符', location: JSON.stringify({ file: '自评报告.docx', path: 'funds.rows[0]' }), quote: '执行率为96.45%' },
      { id: 'f2', evaluation_id: 'e1-dept', version: 3, rule: 'indicator.weight', severity: 'warning', message: '权重之和不为 100', location: null, quote: null },
    ])
    .execute();
  await db
    .insertInto('documents')
    .values([
      { id: 'd1', unit_id: 'u1', year: 2023, filename: '2023年度部门整体支出绩效自评报告.docx', media_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: DOCUMENT_BYTES.length, sha256: createHash('sha256').update(DOCUMENT_BYTES).digest('hex'), bytes: DOCUMENT_BYTES, uploaded_by: 'user-1' },
      { id: 'd2', unit_id: null, year: null, filename: 'small.bin', media_type: 'application/octet-stream', size: SMALL_BYTES.length, sha256: createHash('sha256').update(SMALL_BYTES).digest('hex'), bytes: SMALL_BYTES, uploaded_by: null },
      { id: 'd3', unit_id: null, year: null, filename: 'empty.txt', media_type: 'text/plain', size: 0, sha256: createHash('sha256').digest('hex'), bytes: new Uint8Array(0), uploaded_by: null },
    ])
    .execute();
  await db.insertInto('import_results').values({ id: 'i1', document_id: 'd1', ok: true, result: JSON.stringify({ file: 'd1', ok: true, report: { unit: '岳阳市人大常委会办公室', totalScore: '92.50' } }) }).execute();
  await db.insertInto('comments').values({ id: 'c1', evaluation_id: 'e1-dept', version: 3, kind: 'annotation', field_path: 'funds.rows[0].executed', finding_id: 'f1', body: '请核对决算数。', author_id: 'user-2' }).execute();
  await db
    .insertInto('attachments')
    .values([
      { id: 'a2', evaluation_id: 'e1-dept', file_name: '绩效自评通知（盖章）.pdf', media_type: 'application/pdf', size: SMALL_BYTES.length, sha256: createHash('sha256').update(SMALL_BYTES).digest('hex'), description: '“通知”\n第二行', bytes: SMALL_BYTES, uploaded_by: 'user-1', uploaded_at: '2024-02-02T08:00:00.000007+08:00' },
      { id: 'a1', evaluation_id: 'e1-dept', file_name: 'scan.png', media_type: 'image/png', size: DOCUMENT_BYTES.length, sha256: createHash('sha256').update(DOCUMENT_BYTES).digest('hex'), description: null, bytes: DOCUMENT_BYTES, uploaded_by: 'user-1' },
    ])
    .execute();
  await db
    .insertInto('work_grades')
    .values({ evaluation_id: 'e1-dept', graded_version: 3, lines: JSON.stringify([{ id: 'notice', score: '7.5', note: '通知缺“有关要求”' }, { id: 'team', score: '2', note: null }]), total: '9.50', graded_by: 'user-1', graded_at: '2024-04-01T10:00:00.123456Z' })
    .execute();
  await db
    .insertInto('audit_log')
    .values([
      { at: '2024-02-01T01:00:00.000001Z', user_id: 'user-1', action: 'create', entity: 'evaluation', entity_id: 'e1-dept', before: null, after: JSON.stringify({ status: 'draft' }) },
      // JSON null, not SQL NULL: the dump must keep them apart.
      { user_id: 'user-1', action: 'save', entity: 'evaluation', entity_id: 'e1-dept', before: 'null', after: JSON.stringify({ budget: '15424.885001' }) },
      { user_id: null, action: 'submit', entity: 'evaluation', entity_id: 'e1-dept', before: JSON.stringify({ status: 'draft' }), after: JSON.stringify({ status: 'submitted' }) },
      // Ids past 9, so that ordering them as text ("10" < "2") would show.
      ...Array.from({ length: 9 }, () => ({ user_id: 'user-2', action: 'login', entity: 'user', entity_id: 'user-2', before: null, after: null })),
    ])
    .execute();
}

async function dump(db: Kysely<Database>, options: DumpOptions = {}): Promise<string[]> {
  const lines: string[] = [];
  for await (const chunk of dumpStore(db, options)) {
    expect(chunk.endsWith('\n') && chunk.indexOf('\n') === chunk.length - 1).toBe(true);
    lines.push(chunk.slice(0, -1));
  }
  return lines;
}

async function* from(lines: readonly string[]): AsyncGenerator<string> {
  yield* lines;
}

/** The dump without the header's createdAt, which is the only part that may differ between two dumps. */
function comparable(lines: readonly string[]): string[] {
  const [header, ...rows] = lines;
  const parsed = JSON.parse(header ?? '{}') as Record<string, unknown>;
  delete parsed.createdAt;
  return [JSON.stringify(parsed), ...rows];
}

async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLE_ORDER) {
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]?.n);
  }
  return counts;
}

const INFORMATION_SCHEMA_TYPE: Record<ColumnKind, string> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  boolean: 'boolean',
  numeric: 'numeric',
  timestamptz: 'timestamp with time zone',
  date: 'date',
  jsonb: 'jsonb',
  bytea: 'bytea',
};

describeStores('backup and restore', (store, engine) => {
  let target: Store | undefined;
  const targetDb = (): Kysely<Database> => {
    if (!target) throw new Error('target store not open');
    return target.db;
  };

  beforeAll(async () => {
    // A second store of the same engine: a fresh PGlite in memory, or a fresh database on the server.
    target = await STORE_ENGINES.find((e) => e.name === engine)?.open();
  }, 60_000);
  afterAll(async () => {
    await target?.close();
  });
  beforeEach(async () => {
    await emptyStore(store());
    if (target) await emptyStore(target);
  });

  it('knows every column of every table, with its type and nullability, so a new migration cannot be missed', async () => {
    const db = store().db;
    const { rows: columns } = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: 'YES' | 'NO' }>`
      select table_name, column_name, data_type, is_nullable from information_schema.columns
      where table_schema = current_schema() and table_name not like 'kysely_%'
      order by table_name, column_name`.execute(db);
    const live = columns.map((c) => `${c.table_name}.${c.column_name} ${c.data_type}${c.is_nullable === 'YES' ? '?' : ''}`);
    const mapped = Object.entries(BACKUP_COLUMNS)
      .flatMap(([table, cols]) => Object.entries(cols).map(([column, spec]: [string, string]) => `${table}.${column} ${INFORMATION_SCHEMA_TYPE[spec.replace('?', '') as ColumnKind]}${spec.endsWith('?') ? '?' : ''}`))
      .sort();
    expect(mapped).toEqual([...live].sort());
    expect(Object.keys(BACKUP_COLUMNS).sort()).toEqual([...TABLE_ORDER].sort());

    const { rows: migrations } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
    expect(migrations[0]?.name).toBe(SCHEMA_VERSION);

    const { rows: keys } = await sql<{ table_name: string; column_name: string }>`
      select kcu.table_name, kcu.column_name from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu on kcu.constraint_schema = tc.constraint_schema and kcu.constraint_name = tc.constraint_name and kcu.table_name = tc.table_name
      where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema() and tc.table_name not like 'kysely_%'
      order by kcu.table_name, kcu.ordinal_position`.execute(db);
    const liveKeys: Record<string, string[]> = {};
    for (const k of keys) (liveKeys[k.table_name] ??= []).push(k.column_name);
    expect(liveKeys).toEqual(BACKUP_KEYS);

    // Every foreign key points at an earlier table in TABLE_ORDER, or at its own table through a column restore defers.
    const { rows: references } = await sql<{ child: string; parent: string; columns: string }>`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
        (select string_agg(a.attname, ',') from pg_attribute a where a.attrelid = c.conrelid and a.attnum = any (c.conkey)) as columns
      from pg_constraint c where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`.execute(db);
    expect(references.length).toBeGreaterThan(10);
    const order = TABLE_ORDER as readonly string[];
    for (const r of references) {
      if (r.child === r.parent) expect({ [r.child]: r.columns }).toEqual({ [r.child]: BACKUP_SELF_REFERENCES[r.child as keyof typeof BACKUP_SELF_REFERENCES] });
      else expect(order.indexOf(r.parent), `${r.child} → ${r.parent}`).toBeLessThan(order.indexOf(r.child));
    }
    expect(references.filter((r) => r.child === r.parent).map((r) => r.child).sort()).toEqual(Object.keys(BACKUP_SELF_REFERENCES).sort());
  });

  it('restores a dump into an empty store with identical data', async () => {
    const source = store().db;
    await fill(source);
    // Small pages and a byte budget below one document: the keyset cursor (also over composite keys) and the byte-budgeted fetch both turn.
    const first = await dump(source, { batchRows: 2, batchBytes: 50_000 });
    expect(comparable(await dump(source))).toEqual(comparable(first));

    const result = await restoreStore(targetDb(), from(first), { batchRows: 2 });
    expect(result).toMatchObject({ ok: true, schemaVersion: SCHEMA_VERSION });
    const counts = { jurisdictions: 3, units: 3, users: 2, role_grants: 3, sessions: 1, jurisdiction_frameworks: 3, deadlines: 4, evaluations: 2, evaluation_versions: 4, findings: 2, documents: 3, import_results: 1, comments: 1, audit_log: 12, attachments: 2, work_grades: 1 };
    expect(result.ok && result.counts).toEqual(counts);
    expect(await rowCounts(targetDb())).toEqual(counts);

    const second = await dump(targetDb());
    expect(second).toHaveLength(first.length);
    expect(comparable(second)).toEqual(comparable(first));
    const header = JSON.parse(first[0] ?? '') as Record<string, unknown>;
    expect(header).toMatchObject({ format: 'jixiao-backup', formatVersion: 1, schemaVersion: '0003-attachments-work-grades' });
    expect(header.tables).toEqual(TABLE_ORDER.map((name) => ({ name, rows: counts[name] })));

    // Spot checks on the restored store itself, not only on its dump.
    const db = targetDb();
    const evaluation = await db.selectFrom('evaluations').selectAll().where('id', '=', 'e1-dept').executeTakeFirstOrThrow();
    expect(evaluation).toMatchObject({ budget: '15424.885001', executed: '14877.440000', execution_rate: '96.4500', stated_score: '92.50', grade: '优' });
    expect(evaluation.updated_at).toEqual(new Date('2024-02-03T09:30:00.500Z'));
    const project = await db.selectFrom('evaluations').select(['parent_id', 'budget']).where('id', '=', 'e0-proj').executeTakeFirstOrThrow();
    expect(project).toEqual({ parent_id: 'e1-dept', budget: '-0.000001' });
    const tree = await db.selectFrom('jurisdictions').select(['id', 'parent_id']).orderBy('path').execute();
    expect(tree).toEqual([
      { id: 'jz-43', parent_id: null },
      { id: 'ja-4306', parent_id: 'jz-43' },
      { id: 'jb-430602', parent_id: 'ja-4306' },
    ]);
    const documents = await db.selectFrom('documents').select(['id', 'bytes']).orderBy('id').execute();
    expect(documents.map((d) => [d.id, Buffer.from(d.bytes).toString('hex')])).toEqual([
      ['d1', DOCUMENT_BYTES.toString('hex')],
      ['d2', '00ff000a0d225cff'],
      ['d3', ''],
    ]);
    const attachments = await db.selectFrom('attachments').select(['id', 'bytes', 'description']).orderBy('id').execute();
    expect(attachments.map((a) => [a.id, Buffer.from(a.bytes).toString('hex'), a.description])).toEqual([
      ['a1', DOCUMENT_BYTES.toString('hex'), null],
      ['a2', '00ff000a0d225cff', '“通知”\n第二行'],
    ]);
    const grade = await db.selectFrom('work_grades').select(['total', 'lines', 'graded_version']).executeTakeFirstOrThrow();
    expect(grade).toEqual({ total: '9.50', graded_version: 3, lines: [{ id: 'notice', score: '7.5', note: '通知缺“有关要求”' }, { id: 'team', score: '2', note: null }] });
    const micro = await sql<{ created_at: string; locked_until: string }>`
      select to_char(j.created_at at time zone 'UTC', 'HH24:MI:SS.US') as created_at, to_char(u.locked_until at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as locked_until
      from jurisdictions j, users u where j.id = 'jz-43' and u.id = 'user-1'`.execute(db);
    expect(micro.rows[0]).toEqual({ created_at: '19:04:05.123456', locked_until: '2024-06-30 15:59:59.999999' });
    const json = await sql<{ content: string; before_null: boolean; before_json_null: boolean; due: string }>`
      select (select content::text from evaluation_versions where evaluation_id = 'e1-dept' and version = 3) as content,
        (select before is null from audit_log where action = 'create') as before_null,
        (select before = 'null'::jsonb from audit_log where action = 'save') as before_json_null,
        (select due_date::text from deadlines where jurisdiction_id = 'ja-4306') as due`.execute(db);
    expect(json.rows[0]).toEqual({ content: '{"big": 12345678901234567890, "score": 92.50, "nested": {"列表": [1, 2.0, null]}}', before_null: true, before_json_null: true, due: '2024-06-30' });
    const version = await db.selectFrom('evaluation_versions').select('content').where('evaluation_id', '=', 'e1-dept').where('version', '=', 1).executeTakeFirstOrThrow();
    expect(version.content).toMatchObject({ title: '岳阳市人大常委会办公室 2023 年度部门整体支出绩效自评（第 1 稿）', note: '“引号”、\\反斜杠、\n换行与 emoji 🧾' });

    // Rows come in key order, numeric for a numeric key; and the audit log's sequence continues after the restored ids.
    const dumpedIds = first.filter((l) => l.startsWith('{"table":"audit_log"')).map((l) => (JSON.parse(l) as { row: { id: string } }).row.id);
    expect(dumpedIds).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    const ids = await db.selectFrom('audit_log').select('id').orderBy('id').execute();
    expect(ids.map((r) => Number(r.id))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const next = await db.insertInto('audit_log').values({ action: 'restore-check', entity: 'store', entity_id: '-', user_id: null, before: null, after: null }).returning('id').executeTakeFirstOrThrow();
    expect(Number(next.id)).toBe(13);
  });

  it('dumps and restores an empty store, and the audit log then starts at 1', async () => {
    const lines = await dump(store().db);
    expect(lines).toHaveLength(1);
    expect(await restoreStore(targetDb(), from(lines))).toMatchObject({ ok: true });
    const next = await targetDb().insertInto('audit_log').values({ action: 'a', entity: 'e', entity_id: 'x', user_id: null, before: null, after: null }).returning('id').executeTakeFirstOrThrow();
    expect(Number(next.id)).toBe(1);
  });

  it('refuses to restore into a store that has data, and leaves it alone', async () => {
    await fill(store().db);
    const lines = await dump(store().db);
    await targetDb().insertInto('users').values({ id: 'other', username: 'wangwu', display_name: '王五', password_hash: 'x' }).execute();
    const result = await restoreStore(targetDb(), from(lines));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^目标数据库不是空的（表 users 已有数据）/) as unknown });
    expect(await targetDb().selectFrom('users').select('id').execute()).toEqual([{ id: 'other' }]);
  });

  it('names the line of a malformed row and rolls everything back', async () => {
    await fill(store().db);
    const lines = await dump(store().db);
    const documentLine = lines.findIndex((l) => l.startsWith('{"table":"documents"'));
    expect(documentLine).toBeGreaterThan(20);
    const empty = Object.fromEntries(TABLE_ORDER.map((t) => [t, 0]));

    const cases: { edit: (row: Record<string, unknown>) => void; message: RegExp }[] = [
      { edit: (row) => (row.size = 'large'), message: /^第 (\d+) 行：documents\.size：/ },
      { edit: (row) => (row.bytes = 'not base64!'), message: /^第 (\d+) 行：documents\.bytes：应为 base64 编码/ },
      { edit: (row) => (row.extra = 1), message: /^第 (\d+) 行：documents：/ },
      { edit: (row) => (row.unit_id = 'no-such-unit'), message: /^第 (\d+) 行：数据库拒绝写入表 documents（/ },
    ];
    for (const c of cases) {
      const parsed = JSON.parse(lines[documentLine] as string) as { table: string; row: Record<string, unknown> };
      c.edit(parsed.row);
      const corrupted = [...lines];
      corrupted[documentLine] = JSON.stringify(parsed);
      const result = await restoreStore(targetDb(), from(corrupted), { batchRows: 2 });
      expect(result.ok).toBe(false);
      const message = result.ok ? '' : result.message;
      expect(message).toMatch(c.message);
      expect(Number(c.message.exec(message)?.[1])).toBe(documentLine + 1);
      // Earlier tables had been written in earlier batches; the transaction took them back.
      expect(await rowCounts(targetDb())).toEqual(empty);
    }

    const truncated = lines.slice(0, -1).concat(lines.at(-1)?.slice(0, 30) ?? '');
    expect(await restoreStore(targetDb(), from(truncated))).toEqual({ ok: false, message: `第 ${lines.length} 行：不是有效的 JSON（文件可能被截断或改动过）。` });
    const shortened = lines.slice(0, -1);
    expect(await restoreStore(targetDb(), from(shortened))).toEqual({ ok: false, message: '备份文件不完整或被改动过：文件头记表 work_grades 有 1 行，实际读到 0 行。' });
    const reordered = [lines[0] as string, lines[documentLine] as string, ...lines.slice(1, documentLine), ...lines.slice(documentLine + 1)];
    expect(await restoreStore(targetDb(), from(reordered))).toMatchObject({ ok: false, message: expect.stringMatching(/^第 3 行：表 jurisdictions 的行出现在表 documents 之后/) as unknown });
    const orphan = lines.filter((l) => !l.includes('"id":"jz-43"'));
    const header = JSON.parse(orphan[0] as string) as { tables: { name: string; rows: number }[] };
    (header.tables[0] as { rows: number }).rows = 2;
    orphan[0] = JSON.stringify(header);
    expect(await restoreStore(targetDb(), from(orphan))).toMatchObject({ ok: false, message: expect.stringMatching(/^第 \d+ 行：jurisdictions 中 ja-4306 的 parent_id 指向备份中没有的 jz-43。$/) as unknown });
    expect(await rowCounts(targetDb())).toEqual(empty);
  });

  it('refuses a file without a header, of another format, or of a newer version', async () => {
    const lines = await dump(store().db);
    const header = JSON.parse(lines[0] as string) as Record<string, unknown>;
    const withHeader = (change: Record<string, unknown>): string[] => [JSON.stringify({ ...header, ...change })];
    const refusal = async (input: string[]): Promise<string> => {
      const result = await restoreStore(targetDb(), from(input));
      return result.ok ? 'ok' : result.message;
    };
    expect(await refusal([])).toBe('备份文件是空的，或第 1 行不是文件头。');
    expect(await refusal(['{"table":"units","row":{}}'])).toMatch(/^第 1 行：不是 Jixiao 备份文件/);
    expect(await refusal(['PK\u0003\u0004'])).toMatch(/^第 1 行：不是 Jixiao 备份文件/);
    expect(await refusal(withHeader({ format: 'pg_dump' }))).toMatch(/^第 1 行：不是 Jixiao 备份文件/);
    expect(await refusal(withHeader({ formatVersion: 2 }))).toBe('备份格式版本 2 比本程序支持的 1 新：请用更新版本的 Jixiao 恢复。');
    expect(await refusal(withHeader({ schemaVersion: '0004-approvals' }))).toBe('备份的数据库结构版本 0004-approvals 比本程序的 0003-attachments-work-grades 新：请用更新版本的 Jixiao 恢复。');
    expect(await refusal(withHeader({ schemaVersion: '0000-draft' }))).toBe('本程序无法恢复数据库结构版本 0000-draft 的备份（本程序为 0003-attachments-work-grades）。');
    expect(await refusal(withHeader({ createdAt: 5 }))).toMatch(/^第 1 行：文件头不正确：createdAt：/);
    expect(await refusal([...withHeader({}), '{"table":"budgets","row":{}}'])).toMatch(/^第 2 行：table：未知的表 "budgets"/);
    // A header of the current schema must list its tables; one of an older schema, that schema's tables.
    const tables = header.tables as { name: string; rows: number }[];
    expect(await refusal(withHeader({ tables: tables.slice(0, -1) }))).toBe(
      `第 1 行：文件头列出的表（${TABLE_ORDER.slice(0, -1).join('、')}）与数据库结构版本 0003-attachments-work-grades 的表不符。`,
    );
    expect(await refusal(withHeader({ schemaVersion: '0002-immutable-versions' }))).toBe(
      `第 1 行：文件头列出的表（${TABLE_ORDER.join('、')}）与数据库结构版本 0002-immutable-versions 的表不符。`,
    );
  });

  /** The dump in test/fixtures/backup/backup-0002.ndjson: made by `jixiao backup` at schema 0002 (before 佐证材料 and 自评工作考核评分). */
  const dump0002 = (): string[] => readFileSync(new URL('../../test/fixtures/backup/backup-0002.ndjson', import.meta.url), 'utf8').split('\n').filter((l) => l !== '');

  it('restores a dump made at schema 0002 or 0001, which has no attachments or work grades, into today\'s schema', async () => {
    const old = dump0002();
    expect(old).toHaveLength(18);
    const header = JSON.parse(old[0] as string) as { schemaVersion: string; tables: { name: string }[] };
    expect(header.schemaVersion).toBe('0002-immutable-versions');
    expect(header.tables.map((t) => t.name)).toEqual(TABLE_ORDER.slice(0, 14));

    const result = await restoreStore(targetDb(), from(old));
    const counts = { jurisdictions: 2, units: 1, users: 1, role_grants: 1, sessions: 1, jurisdiction_frameworks: 1, deadlines: 1, evaluations: 1, evaluation_versions: 2, findings: 1, documents: 1, import_results: 1, comments: 1, audit_log: 2, attachments: 0, work_grades: 0 };
    expect(result).toEqual({ ok: true, schemaVersion: '0002-immutable-versions', createdAt: '2024-05-01T00:00:00.000Z', counts });
    const document = await targetDb().selectFrom('documents').select(['bytes', 'filename']).executeTakeFirstOrThrow();
    expect([Buffer.from(document.bytes).toString('hex'), document.filename]).toEqual(['2550444600ff0a0d225cff00', '自评报告.pdf']);

    // Backed up again, it is today's dump of the same rows: every old line as it was, the header now of 0003.
    const again = await dump(targetDb());
    expect(again.slice(1)).toEqual(old.slice(1));
    expect(JSON.parse(again[0] as string)).toMatchObject({ schemaVersion: SCHEMA_VERSION, tables: TABLE_ORDER.map((name) => ({ name, rows: counts[name] })) });

    // The store works on: the new tables take rows next to the restored ones, and the audit log goes on from 3.
    await targetDb().insertInto('attachments').values({ id: 'a1', evaluation_id: 'e1-dept', file_name: 'x.pdf', media_type: 'application/pdf', size: 1, sha256: 'ab', description: null, bytes: new Uint8Array([1]), uploaded_by: 'user-1' }).execute();
    const next = await targetDb().insertInto('audit_log').values({ action: 'a', entity: 'e', entity_id: 'x', user_id: null, before: null, after: null }).returning('id').executeTakeFirstOrThrow();
    expect(Number(next.id)).toBe(3);

    // 0002 only added a trigger: the same rows under 0001's name restore alike.
    await emptyStore(target as Store);
    const as0001 = [JSON.stringify({ ...JSON.parse(old[0] as string), schemaVersion: '0001-initial' }), ...old.slice(1)];
    expect(await restoreStore(targetDb(), from(as0001))).toMatchObject({ ok: true, schemaVersion: '0001-initial', counts });
  });

  it('refuses a 0002 dump that holds rows of a table 0002 did not have', async () => {
    const old = dump0002();
    const stray = JSON.stringify({ table: 'work_grades', row: { evaluation_id: 'e1-dept', graded_version: 2, lines: '[]', total: '0', graded_by: 'user-1', graded_at: '2024-04-01T00:00:00.000000Z' } });
    expect(await restoreStore(targetDb(), from([...old, stray]))).toEqual({ ok: false, message: '第 19 行：数据库结构版本 0002-immutable-versions 的备份中没有表 work_grades。' });
    expect(await rowCounts(targetDb())).toEqual(Object.fromEntries(TABLE_ORDER.map((t) => [t, 0])));
  });
});
