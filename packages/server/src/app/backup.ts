import { Buffer } from 'node:buffer';
import { sql } from 'kysely';
import type { ControlledTransaction, Kysely, RawBuilder, Transaction } from 'kysely';
import * as z from 'zod';
import { JixiaoError } from '@jixiao/core';
import { TABLE_ORDER } from './store/database';
import type { Database } from './store/database';

/**
 * `jixiao backup` / `jixiao restore`: the whole store as one versioned NDJSON stream (docs/backup.md).
 *
 * Line 1 is a header naming the format, its version, the schema (the last applied migration) and each
 * table's row count; then one `{"table":…,"row":{…}}` line per row, tables in TABLE_ORDER and rows by
 * primary key, so that the same data always gives the same lines. Values are written by column kind, from
 * the map below rather than from the JS types the drivers return, because those lose data: a Date drops
 * timestamptz's microseconds, and jsonb parsed into JS turns 1.10 into 1.1 and cannot tell JSON null from
 * SQL NULL.
 */

// The row messages come from zod; the evaluation file format sets the same locale for its own messages.
z.config(z.locales.zhCN());

export const BACKUP_FORMAT = 'jixiao-backup';
export const BACKUP_FORMAT_VERSION = 1;
/**
 * The latest migration, which BACKUP_COLUMNS describes. A migration that changes tables or columns must update
 * both (backup.test.ts compares the map with the live schema) and RESTORABLE_SCHEMAS, and restore must learn to
 * read dumps of the older schema.
 */
export const SCHEMA_VERSION = '0003-attachments-work-grades';

export type TableName = (typeof TABLE_ORDER)[number];

/** The tables of the first schema (0001; 0002 only added a trigger). */
const TABLES_0001 = TABLE_ORDER.slice(0, TABLE_ORDER.indexOf('audit_log') + 1);

/**
 * The schemas whose dumps this program restores, each with the tables its dumps hold, in order. A table's columns
 * have not changed since it was added, so an older dump restores as it is into today's schema: its tables are a
 * prefix of TABLE_ORDER, and the tables added since (佐证材料 and 自评工作考核评分, in 0003) stay empty.
 */
export const RESTORABLE_SCHEMAS: Readonly<Record<string, readonly TableName[]>> = {
  '0001-initial': TABLES_0001,
  '0002-immutable-versions': TABLES_0001,
  [SCHEMA_VERSION]: TABLE_ORDER,
};

/**
 * How a column travels: text, integer and boolean as themselves; bigint and numeric as decimal strings
 * (exact); timestamptz as UTC ISO 8601 with microseconds; date as YYYY-MM-DD; jsonb as its JSON text (a
 * string, so that numbers keep their digits and JSON null stays apart from SQL NULL); bytea as base64.
 */
export type ColumnKind = 'text' | 'integer' | 'bigint' | 'boolean' | 'numeric' | 'timestamptz' | 'date' | 'jsonb' | 'bytea';
/** A kind; `?` marks a nullable column. */
export type ColumnSpec = ColumnKind | `${ColumnKind}?`;

export const BACKUP_COLUMNS = {
  jurisdictions: { id: 'text', parent_id: 'text?', name: 'text', level: 'text', code: 'text', path: 'text', created_at: 'timestamptz' },
  units: { id: 'text', jurisdiction_id: 'text', name: 'text', code: 'text', staff_quota: 'integer?', created_at: 'timestamptz' },
  users: {
    id: 'text',
    username: 'text',
    display_name: 'text',
    password_hash: 'text',
    failed_logins: 'integer',
    locked_until: 'timestamptz?',
    disabled: 'boolean',
    created_at: 'timestamptz',
  },
  role_grants: { id: 'text', user_id: 'text', role: 'text', unit_id: 'text?', jurisdiction_id: 'text?', created_at: 'timestamptz' },
  sessions: { id: 'text', user_id: 'text', csrf_token: 'text', created_at: 'timestamptz', last_seen_at: 'timestamptz', expires_at: 'timestamptz' },
  jurisdiction_frameworks: { jurisdiction_id: 'text', year: 'integer', kind: 'text', framework_id: 'text', policies: 'jsonb' },
  deadlines: { jurisdiction_id: 'text', year: 'integer', kind: 'text', due_date: 'date' },
  evaluations: {
    id: 'text',
    unit_id: 'text',
    year: 'integer',
    kind: 'text',
    project_name: 'text',
    parent_id: 'text?',
    status: 'text',
    current_version: 'integer',
    framework_id: 'text',
    budget: 'numeric?',
    executed: 'numeric?',
    execution_rate: 'numeric?',
    stated_score: 'numeric?',
    computed_score: 'numeric?',
    grade: 'text?',
    error_count: 'integer',
    warning_count: 'integer',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  evaluation_versions: { evaluation_id: 'text', version: 'integer', content: 'jsonb', reason: 'text', created_by: 'text?', created_at: 'timestamptz' },
  findings: { id: 'text', evaluation_id: 'text', version: 'integer', rule: 'text', severity: 'text', message: 'text', location: 'jsonb?', quote: 'text?' },
  documents: {
    id: 'text',
    unit_id: 'text?',
    year: 'integer?',
    filename: 'text',
    media_type: 'text',
    size: 'integer',
    sha256: 'text',
    bytes: 'bytea',
    uploaded_by: 'text?',
    created_at: 'timestamptz',
  },
  import_results: { id: 'text', document_id: 'text', ok: 'boolean', result: 'jsonb', created_at: 'timestamptz' },
  comments: {
    id: 'text',
    evaluation_id: 'text',
    version: 'integer',
    kind: 'text',
    field_path: 'text?',
    finding_id: 'text?',
    body: 'text',
    author_id: 'text',
    created_at: 'timestamptz',
  },
  audit_log: { id: 'bigint', at: 'timestamptz', user_id: 'text?', action: 'text', entity: 'text', entity_id: 'text', before: 'jsonb?', after: 'jsonb?' },
  attachments: {
    id: 'text',
    evaluation_id: 'text',
    file_name: 'text',
    media_type: 'text',
    size: 'integer',
    sha256: 'text',
    description: 'text?',
    bytes: 'bytea',
    uploaded_by: 'text',
    uploaded_at: 'timestamptz',
  },
  work_grades: { evaluation_id: 'text', graded_version: 'integer', lines: 'jsonb', total: 'numeric', graded_by: 'text', graded_at: 'timestamptz' },
} as const satisfies { readonly [T in TableName]: { readonly [C in keyof Database[T]]-?: ColumnSpec } };

/** Primary keys, in the index's column order: the dump's row order and its keyset cursor. */
export const BACKUP_KEYS: { readonly [T in TableName]: readonly (keyof Database[T] & string)[] } = {
  jurisdictions: ['id'],
  units: ['id'],
  users: ['id'],
  role_grants: ['id'],
  sessions: ['id'],
  jurisdiction_frameworks: ['jurisdiction_id', 'year', 'kind'],
  deadlines: ['jurisdiction_id', 'year', 'kind'],
  evaluations: ['id'],
  evaluation_versions: ['evaluation_id', 'version'],
  findings: ['id'],
  documents: ['id'],
  import_results: ['id'],
  comments: ['id'],
  audit_log: ['id'],
  attachments: ['id'],
  work_grades: ['evaluation_id'],
};

/**
 * Columns that reference their own table's `id`. In primary-key order a child can come before its parent
 * (岳阳市's id may sort before 湖南省's), and the foreign key is checked per statement, so restore writes
 * such a row's reference once the parent is in.
 */
export const BACKUP_SELF_REFERENCES: { readonly [T in TableName]?: keyof Database[T] & string } = {
  jurisdictions: 'parent_id',
  evaluations: 'parent_id',
};

const SQL_TYPE: Record<ColumnKind, string> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  boolean: 'boolean',
  numeric: 'numeric',
  timestamptz: 'timestamptz',
  date: 'date',
  jsonb: 'jsonb',
  bytea: 'bytea',
};

interface Column {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly nullable: boolean;
}

function columnsOf(table: TableName): readonly Column[] {
  return Object.entries(BACKUP_COLUMNS[table]).map(([name, spec]: [string, ColumnSpec]) => ({
    name,
    kind: spec.replace('?', '') as ColumnKind,
    nullable: spec.endsWith('?'),
  }));
}

const COLUMNS: { readonly [T in TableName]: readonly Column[] } = Object.fromEntries(TABLE_ORDER.map((t) => [t, columnsOf(t)])) as {
  [T in TableName]: readonly Column[];
};

type Row = Record<string, unknown>;

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  readonly schemaVersion: string;
  readonly createdAt: string;
  readonly tables: readonly { readonly name: string; readonly rows: number }[];
}

export interface BackupSummary {
  readonly schemaVersion: string;
  readonly createdAt: string;
  readonly counts: Readonly<Record<TableName, number>>;
}

export interface DumpOptions {
  /** Rows per query (and at most this many rows in memory at once). */
  readonly batchRows?: number;
  /** For tables with bytea: at most about this many bytes of it per query (at least one row). */
  readonly batchBytes?: number;
  readonly now?: () => Date;
}

const DEFAULT_BATCH_ROWS = 500;
const DEFAULT_BATCH_BYTES = 16 * 1024 * 1024;

async function appliedSchemaVersion(db: Kysely<Database>): Promise<string | undefined> {
  // Kysely's migrator runs migrations in name order, so the greatest name is the schema.
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return rows[0]?.name;
}

async function expectKnownSchema(db: Kysely<Database>): Promise<void> {
  const applied = await appliedSchemaVersion(db);
  if (applied !== SCHEMA_VERSION) {
    throw new JixiaoError('INVARIANT', `The store is at schema ${applied ?? '(none)'} but backup.ts describes ${SCHEMA_VERSION}: update BACKUP_COLUMNS with the migration.`);
  }
}

function selectExpression(column: Column): RawBuilder<unknown> {
  const ref = sql.ref(column.name);
  switch (column.kind) {
    case 'timestamptz':
      // In UTC and to the microsecond whatever the session's TimeZone; a Date would keep milliseconds only.
      return sql`case when isfinite(${ref}) then to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') else ${ref}::text end`;
    case 'bigint':
    case 'numeric':
    case 'date':
    case 'jsonb':
      return sql`${ref}::text`;
    default:
      return ref;
  }
}

/** A value as a typed SQL parameter. Sent as text and cast, so each engine's own parameter encoding (PGlite JSON-encodes a jsonb parameter) never applies. */
function parameter(kind: ColumnKind, value: unknown): RawBuilder<unknown> {
  if (kind === 'bytea') return sql`${value === null ? null : Buffer.from(value as string, 'base64')}::bytea`;
  return sql`${value === null ? null : String(value)}::text::${sql.raw(SQL_TYPE[kind])}`;
}

function tuple(items: readonly RawBuilder<unknown>[]): RawBuilder<unknown> {
  return sql`(${sql.join(items)})`;
}

function kindOf(table: TableName, column: string): ColumnKind {
  const found = COLUMNS[table].find((c) => c.name === column);
  if (!found) throw new JixiaoError('INVARIANT', `${table}.${column} is not in BACKUP_COLUMNS`);
  return found.kind;
}

function keyValues(table: TableName, row: Row): RawBuilder<unknown> {
  return tuple(BACKUP_KEYS[table].map((k) => parameter(kindOf(table, k), row[k])));
}

/** The table's rows in key order, a page at a time (keyset pagination, so each page is an index range scan). */
async function* tableRows(trx: Transaction<Database>, table: TableName, batchRows: number, batchBytes: number): AsyncGenerator<Row> {
  const columns = COLUMNS[table];
  // Qualified: a bare name in ORDER BY means the output column, which for bigint is its text (so "10" < "2").
  const keys = tuple(BACKUP_KEYS[table].map((k) => sql.ref(`${table}.${k}`)));
  const order = sql.join(BACKUP_KEYS[table].map((k) => sql.ref(`${table}.${k}`)));
  const select = sql.join(columns.map((c) => sql`${selectExpression(c)} as ${sql.ref(c.name)}`));
  const from = sql.table(table);
  const binary = columns.filter((c) => c.kind === 'bytea');
  let cursor: Row | undefined;
  for (;;) {
    const after = cursor ? sql`where ${keys} > ${keyValues(table, cursor)}` : sql``;
    if (binary.length === 0) {
      const { rows } = await sql<Row>`select ${select} from ${from} ${after} order by ${order} limit ${batchRows}`.execute(trx);
      yield* rows;
      if (rows.length < batchRows) return;
      cursor = rows.at(-1);
      continue;
    }
    // Documents can be megabytes each: list the next page's keys and sizes first, then fetch as many rows
    // at a time as fit the byte budget.
    const size = sql.join(
      binary.map((c) => sql`coalesce(octet_length(${sql.ref(c.name)}), 0)`),
      sql` + `,
    );
    const keyColumns = sql.join(BACKUP_KEYS[table].map((k) => sql`${selectExpression({ name: k, kind: kindOf(table, k), nullable: false })} as ${sql.ref(k)}`));
    const { rows: page } = await sql<Row & { backup_bytes: string }>`select ${keyColumns}, (${size})::text as backup_bytes from ${from} ${after} order by ${order} limit ${batchRows}`.execute(trx);
    let start = 0;
    while (start < page.length) {
      let end = start;
      let bytes = Number(page[start]?.backup_bytes);
      while (end + 1 < page.length && bytes + Number(page[end + 1]?.backup_bytes) <= batchBytes) {
        end += 1;
        bytes += Number(page[end]?.backup_bytes);
      }
      const first = page[start] as Row;
      const last = page[end] as Row;
      const { rows } = await sql<Row>`select ${select} from ${from} where ${keys} >= ${keyValues(table, first)} and ${keys} <= ${keyValues(table, last)} order by ${order}`.execute(trx);
      yield* rows;
      start = end + 1;
    }
    if (page.length < batchRows) return;
    cursor = page.at(-1);
  }
}

function encodeRow(table: TableName, row: Row): Row {
  const out: Row = {};
  for (const column of COLUMNS[table]) {
    const value = row[column.name] ?? null;
    out[column.name] = column.kind === 'bytea' && value !== null ? Buffer.from((value as Uint8Array).buffer, (value as Uint8Array).byteOffset, (value as Uint8Array).byteLength).toString('base64') : value;
  }
  return out;
}

function emptyCounts(): Record<TableName, number> {
  return Object.fromEntries(TABLE_ORDER.map((t) => [t, 0])) as Record<TableName, number>;
}

/**
 * The dump, as chunks of NDJSON text (each one line ending in "\n"); its return value summarises it.
 *
 * Read in one read-only REPEATABLE READ transaction: every table from the same snapshot, so a server
 * writing meanwhile cannot make the header's counts or the references between tables disagree. Stopping
 * the iteration early (a full disk) ends the transaction.
 */
export async function* dumpStore(db: Kysely<Database>, options: DumpOptions = {}): AsyncGenerator<string, BackupSummary, undefined> {
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
  const trx = await db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  try {
    // date::text is ISO only under this DateStyle, and a server may be configured otherwise.
    await sql`set local datestyle to 'ISO'`.execute(trx);
    await expectKnownSchema(trx);
    const counts = emptyCounts();
    for (const table of TABLE_ORDER) {
      const { rows } = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(trx);
      counts[table] = Number(rows[0]?.n ?? 0);
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: SCHEMA_VERSION,
      createdAt: (options.now?.() ?? new Date()).toISOString(),
      tables: TABLE_ORDER.map((name) => ({ name, rows: counts[name] })),
    };
    yield `${JSON.stringify(header)}\n`;
    for (const table of TABLE_ORDER) {
      for await (const row of tableRows(trx, table, batchRows, batchBytes)) yield `${JSON.stringify({ table, row: encodeRow(table, row) })}\n`;
    }
    return { schemaVersion: header.schemaVersion, createdAt: header.createdAt, counts };
  } finally {
    await trx.rollback().execute();
  }
}

// ——— restore ———

export type RestoreResult =
  | ({ readonly ok: true } & BackupSummary)
  /** The store is unchanged; `message` says why, in Chinese. */
  | { readonly ok: false; readonly message: string };

export interface RestoreOptions {
  /** Rows per INSERT. */
  readonly batchRows?: number;
  /** About this many characters of values per INSERT (a batch holds at least one row). */
  readonly batchBytes?: number;
}

/** A refusal: thrown inside restore to unwind to the rollback, returned to the caller as a result. */
class RestoreRefused extends Error {}

const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const KIND_SCHEMA: Record<ColumnKind, z.ZodType> = {
  text: z.string(),
  integer: z.number().int().min(INT4_MIN).max(INT4_MAX),
  bigint: z.string().regex(/^-?\d{1,19}$/, { message: '应为整数字符串，如 "42"' }),
  boolean: z.boolean(),
  numeric: z.string().regex(/^(-?\d+(\.\d+)?|NaN|-?Infinity)$/, { message: '应为十进制数字字符串，如 "15424.885001"' }),
  timestamptz: z.string().regex(/^(\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z|-?infinity)$/, { message: '应为 UTC 时间，如 "2024-03-01T00:30:15.123456Z"' }),
  date: z.string().regex(/^(\d{4,}-\d{2}-\d{2}( BC)?|-?infinity)$/, { message: '应为日期，如 "2024-03-31"' }),
  jsonb: z.string().refine(isJsonText, { message: '应为 JSON 文本（字符串）' }),
  bytea: z.string().refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), { message: '应为 base64 编码' }),
};

const ROW_SCHEMA = new Map<TableName, z.ZodType<Row>>(
  TABLE_ORDER.map((t) => [t, z.strictObject(Object.fromEntries(COLUMNS[t].map((c) => [c.name, c.nullable ? KIND_SCHEMA[c.kind].nullable() : KIND_SCHEMA[c.kind]])))]),
);

const LINE_SCHEMA = z.strictObject({
  table: z.enum(TABLE_ORDER, { error: (issue) => `未知的表 ${JSON.stringify(issue.input)}` }),
  row: z.record(z.string(), z.unknown()),
});

const HEADER_SCHEMA = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  schemaVersion: z.string(),
  createdAt: z.string(),
  tables: z.array(z.strictObject({ name: z.string(), rows: z.number().int().nonnegative() })),
});

function describeIssues(prefix: string, error: z.ZodError): string {
  return error.issues.map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join('.')}：${issue.message}`).join('；');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The header, and the tables a dump of its schema holds. */
function readHeader(text: string | undefined): { readonly header: BackupHeader; readonly tables: readonly TableName[] } | { readonly refused: string } {
  if (text === undefined || text.trim() === '') return { refused: '备份文件是空的，或第 1 行不是文件头。' };
  const json = parseJson(text);
  const notBackup = `第 1 行：不是 Jixiao 备份文件（应以 {"format":"${BACKUP_FORMAT}",…} 开头）。`;
  if (!json.ok || typeof json.value !== 'object' || json.value === null) return { refused: notBackup };
  const value = json.value as Record<string, unknown>;
  if (value.format !== BACKUP_FORMAT) return { refused: notBackup };
  if (typeof value.formatVersion === 'number' && value.formatVersion > BACKUP_FORMAT_VERSION) {
    return { refused: `备份格式版本 ${value.formatVersion} 比本程序支持的 ${BACKUP_FORMAT_VERSION} 新：请用更新版本的 Jixiao 恢复。` };
  }
  const parsed = HEADER_SCHEMA.safeParse(value);
  if (!parsed.success) return { refused: `第 1 行：文件头不正确：${describeIssues('', parsed.error)}` };
  const header = parsed.data;
  const tables = Object.hasOwn(RESTORABLE_SCHEMAS, header.schemaVersion) ? RESTORABLE_SCHEMAS[header.schemaVersion] : undefined;
  if (!tables) {
    // Migration names sort in the order they run.
    return header.schemaVersion > SCHEMA_VERSION
      ? { refused: `备份的数据库结构版本 ${header.schemaVersion} 比本程序的 ${SCHEMA_VERSION} 新：请用更新版本的 Jixiao 恢复。` }
      : { refused: `本程序无法恢复数据库结构版本 ${header.schemaVersion} 的备份（本程序为 ${SCHEMA_VERSION}）。` };
  }
  const names = header.tables.map((t) => t.name);
  if (names.join(',') !== tables.join(',')) {
    return { refused: `第 1 行：文件头列出的表（${names.join('、')}）与数据库结构版本 ${header.schemaVersion} 的表不符。` };
  }
  return { header, tables };
}

interface PendingRow {
  readonly line: number;
  readonly values: readonly RawBuilder<unknown>[];
  readonly size: number;
}

function isDataError(error: unknown): error is Error & { code: string } {
  // SQLSTATE class 22 (data exception) and 23 (integrity constraint violation): the row, not the system.
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^2[23]/.test(code);
}

/** Fills one table from the lines that belong to it; rows go in batches, each under a savepoint so a rejected batch can be retried row by row to name the line. */
class TableWriter {
  private batch: PendingRow[] = [];
  private batchSize = 0;
  private readonly seen = new Set<string>();
  private readonly deferred: { line: number; id: string; parent: string }[] = [];
  private readonly columns: readonly Column[];
  private readonly selfReference: string | undefined;
  count = 0;

  constructor(
    private readonly trx: ControlledTransaction<Database>,
    readonly table: TableName,
    private readonly batchRows: number,
    private readonly batchBytes: number,
  ) {
    this.columns = COLUMNS[table];
    this.selfReference = BACKUP_SELF_REFERENCES[table];
  }

  async add(line: number, row: Row): Promise<void> {
    let size = 0;
    const values = this.columns.map((c) => {
      let value = row[c.name] ?? null;
      if (c.name === this.selfReference && value !== null && !this.seen.has(value as string)) {
        this.deferred.push({ line, id: row.id as string, parent: value as string });
        value = null;
      }
      size += typeof value === 'string' ? value.length : 8;
      return parameter(c.kind, value);
    });
    if (this.selfReference) this.seen.add(row.id as string);
    this.batch.push({ line, values, size });
    this.batchSize += size;
    this.count += 1;
    if (this.batch.length >= this.batchRows || this.batchSize >= this.batchBytes) await this.flush();
  }

  private insert(rows: readonly PendingRow[]): RawBuilder<unknown> {
    const names = sql.join(this.columns.map((c) => sql.ref(c.name)));
    return sql`insert into ${sql.table(this.table)} (${names}) values ${sql.join(rows.map((r) => tuple(r.values)))}`;
  }

  async flush(): Promise<void> {
    const rows = this.batch;
    if (rows.length === 0) return;
    this.batch = [];
    this.batchSize = 0;
    const savepoint = await this.trx.savepoint('jixiao_restore_batch').execute();
    try {
      await this.insert(rows).execute(savepoint);
      await savepoint.releaseSavepoint('jixiao_restore_batch').execute();
      return;
    } catch (error) {
      if (!isDataError(error)) throw error;
      await savepoint.rollbackToSavepoint('jixiao_restore_batch').execute();
      for (const row of rows) {
        try {
          await this.insert([row]).execute(this.trx);
        } catch (rowError) {
          if (!isDataError(rowError)) throw rowError;
          throw new RestoreRefused(`第 ${row.line} 行：数据库拒绝写入表 ${this.table}（${rowError.message}）`);
        }
      }
      throw new RestoreRefused(`第 ${rows[0]?.line}–${rows.at(-1)?.line} 行：数据库拒绝写入表 ${this.table}（${error.message}）`);
    }
  }

  /** After the last row: the deferred references, now that every row of the table is in. */
  async finish(): Promise<void> {
    await this.flush();
    const column = this.selfReference;
    if (!column) return;
    for (const d of this.deferred) {
      if (!this.seen.has(d.parent)) throw new RestoreRefused(`第 ${d.line} 行：${this.table} 中 ${d.id} 的 ${column} 指向备份中没有的 ${d.parent}。`);
    }
    for (let i = 0; i < this.deferred.length; i += this.batchRows) {
      const pairs = this.deferred.slice(i, i + this.batchRows).map((d) => sql`(${d.id}::text, ${d.parent}::text)`);
      await sql`update ${sql.table(this.table)} as t set ${sql.ref(column)} = v.parent from (values ${sql.join(pairs)}) as v(id, parent) where t.id = v.id`.execute(this.trx);
    }
  }
}

async function refuseUnlessEmpty(trx: ControlledTransaction<Database>): Promise<void> {
  for (const table of TABLE_ORDER) {
    const { rows } = await sql`select 1 as one from ${sql.table(table)} limit 1`.execute(trx);
    if (rows.length > 0) {
      throw new RestoreRefused(`目标数据库不是空的（表 ${table} 已有数据）：恢复只写入空的数据库，以免新旧数据混在一起。请换一个新的数据目录，或新建一个 PostgreSQL 数据库后再恢复。`);
    }
  }
}

async function* numbered(lines: AsyncIterable<string>): AsyncGenerator<{ readonly n: number; readonly text: string }> {
  let n = 0;
  for await (const text of lines) yield { n: ++n, text };
}

/**
 * Restores a dump into an empty store: everything in one transaction, so a bad line anywhere leaves the
 * store as it was. Problems with the file or the target are results with a Chinese message, not exceptions.
 */
export async function restoreStore(db: Kysely<Database>, lines: AsyncIterable<string>, options: RestoreOptions = {}): Promise<RestoreResult> {
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
  const input = numbered(lines);
  try {
    const first = await input.next();
    const read = readHeader(first.done ? undefined : first.value.text);
    if ('refused' in read) return { ok: false, message: read.refused };
    const { header, tables } = read;
    const expected = new Map(header.tables.map((t) => [t.name, t.rows]));

    const trx = await db.startTransaction().execute();
    let restored: Record<TableName, number>;
    try {
      // Holds off a running server's writes between the emptiness check and the commit.
      await sql`lock table ${sql.join(TABLE_ORDER.map((t) => sql.table(t)))} in exclusive mode`.execute(trx);
      await expectKnownSchema(trx);
      await refuseUnlessEmpty(trx);
      const counts = emptyCounts();
      let index = 0;
      let writer = new TableWriter(trx, TABLE_ORDER[0], batchRows, batchBytes);
      const advanceTo = async (target: number): Promise<void> => {
        while (index < target) {
          await writer.finish();
          counts[writer.table] = writer.count;
          index += 1;
          const next = TABLE_ORDER[index];
          if (next) writer = new TableWriter(trx, next, batchRows, batchBytes);
        }
      };

      for await (const { n, text } of input) {
        if (text.trim() === '') continue;
        const json = parseJson(text);
        if (!json.ok) throw new RestoreRefused(`第 ${n} 行：不是有效的 JSON（文件可能被截断或改动过）。`);
        const line = LINE_SCHEMA.safeParse(json.value);
        if (!line.success) throw new RestoreRefused(`第 ${n} 行：${describeIssues('', line.error)}`);
        if (!tables.includes(line.data.table)) throw new RestoreRefused(`第 ${n} 行：数据库结构版本 ${header.schemaVersion} 的备份中没有表 ${line.data.table}。`);
        const at = TABLE_ORDER.indexOf(line.data.table);
        if (at < index) throw new RestoreRefused(`第 ${n} 行：表 ${line.data.table} 的行出现在表 ${TABLE_ORDER[index]} 之后；备份中的表须按固定顺序排列。`);
        await advanceTo(at);
        const row = (ROW_SCHEMA.get(line.data.table) as z.ZodType<Row>).safeParse(line.data.row);
        if (!row.success) throw new RestoreRefused(`第 ${n} 行：${describeIssues(line.data.table, row.error)}`);
        await writer.add(n, row.data);
      }
      await advanceTo(TABLE_ORDER.length);
      // Checked at the end, so that a line out of order is reported as such rather than as a short table.
      for (const table of TABLE_ORDER) {
        const want = expected.get(table) ?? 0;
        if (counts[table] !== want) throw new RestoreRefused(`备份文件不完整或被改动过：文件头记表 ${table} 有 ${want} 行，实际读到 ${counts[table]} 行。`);
      }
      // Restored ids were written explicitly; the next append must follow the largest of them.
      await sql`select setval(pg_get_serial_sequence('audit_log', 'id'), coalesce(max(id), 1), max(id) is not null) from audit_log`.execute(trx);
      restored = counts;
    } catch (error) {
      await trx.rollback().execute();
      if (error instanceof RestoreRefused) return { ok: false, message: error.message };
      throw error;
    }
    await trx.commit().execute();
    return { ok: true, schemaVersion: header.schemaVersion, createdAt: header.createdAt, counts: restored };
  } finally {
    // Closes the source (a file stream) when restore stops before its end.
    await input.return(undefined);
  }
}
