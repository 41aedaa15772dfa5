import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Command } from 'commander';
import type { BackupSummary, TableName } from '../../app/backup';
import { dumpStore, restoreStore } from '../../app/backup';
import { TABLE_ORDER } from '../../app/store/database';
import { DataDirLockedError } from '../../adapters/db/data-dir-lock';
import { openStore } from '../../adapters/db/open-store';
import type { Store, StoreConfig } from '../../adapters/db/open-store';
import type { CliIo } from '../io';
import { CliExit, EXIT_BAD_INPUT } from '../io';

interface StoreOptions {
  readonly databaseUrl?: string;
  readonly dataDir?: string;
}

const TABLE_LABEL: Record<TableName, string> = {
  jurisdictions: '辖区',
  units: '单位',
  users: '用户',
  role_grants: '角色授权',
  sessions: '会话',
  jurisdiction_frameworks: '框架设置',
  deadlines: '截止日期',
  evaluations: '评价',
  evaluation_versions: '评价版本',
  findings: '审查发现',
  documents: '文件',
  import_results: '导入结果',
  comments: '意见',
  audit_log: '审计日志',
  attachments: '佐证材料',
  work_grades: '考核评分',
};

function describeCounts(counts: BackupSummary['counts']): string {
  const total = TABLE_ORDER.reduce((sum, t) => sum + counts[t], 0);
  return `共 ${total} 行（${TABLE_ORDER.map((t) => `${TABLE_LABEL[t]} ${counts[t]}`).join('，')}）`;
}

/** Flag, then environment, then default: the order every Jixiao entry point resolves the store in. */
function storeConfig(opts: StoreOptions): StoreConfig & { readonly dataDir: string } {
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  const dataDir = opts.dataDir ?? (process.env.JIXIAO_DATA_DIR || './data');
  return databaseUrl ? { databaseUrl, dataDir } : { dataDir };
}

function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return error instanceof Error && typeof code === 'string' ? code : undefined;
}

/** The file system's refusals: the user's environment, not a bug. */
const FILE_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EIO', 'EMFILE', 'ENAMETOOLONG']);

function fileError(error: unknown): error is Error {
  return FILE_ERRORS.has(errorCode(error) ?? '');
}

/** Cannot reach or log in to the server: a wrong URL or a server that is down. */
function connectionError(error: unknown): error is Error {
  const code = errorCode(error) ?? '';
  // Node's network errors, and SQLSTATE 08 (connection), 28 (authorization), 3D000 (no such database).
  return /^E[A-Z]+$/.test(code) || /^(08|28)/.test(code) || code === '3D000';
}

function gzipError(error: unknown): error is Error {
  return errorCode(error)?.startsWith('Z_') === true;
}

async function openConfiguredStore(io: CliIo, config: StoreConfig): Promise<Store> {
  try {
    return await openStore(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      io.stderr(`${error.message}\n`);
      throw new CliExit(EXIT_BAD_INPUT);
    }
    if (config.databaseUrl && connectionError(error)) {
      io.stderr(`无法连接数据库：${error.message}\n`);
      throw new CliExit(EXIT_BAD_INPUT);
    }
    throw error;
  }
}

/**
 * Writes to `<file>.<pid>.tmp` and renames it into place once complete and flushed to disk, so that a
 * failed backup never leaves a truncated file under the name of a good one.
 */
async function writeBackup(store: Store, file: string): Promise<BackupSummary> {
  const temporary = `${file}.${process.pid}.tmp`;
  let summary: BackupSummary | undefined;
  async function* chunks(): AsyncGenerator<string> {
    summary = yield* dumpStore(store.db);
  }
  try {
    const source = Readable.from(chunks());
    const out = createWriteStream(temporary);
    await (/\.gz$/i.test(file) ? pipeline(source, createGzip(), out) : pipeline(source, out));
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  if (!summary) throw new Error('the dump ended without its summary');
  return summary;
}

/**
 * Lines of a file, gunzipped when it starts with gzip's magic bytes (whatever its name). Split by hand
 * rather than with readline, which does not pass a read or gunzip error on to its iterator; a document's
 * line can be tens of megabytes, so a line's pieces are joined once, not re-scanned per chunk.
 */
async function* fileLines(file: string): AsyncGenerator<string> {
  const handle = await open(file, 'r');
  let gzipped: boolean;
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    gzipped = bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
  const raw = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const input = gzipped ? raw.pipe(createGunzip()) : raw;
  // pipe() does not forward the file's errors to the gunzip stream.
  if (gzipped) raw.on('error', (error) => input.destroy(error));
  input.setEncoding('utf8');
  let pieces: string[] = [];
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      let start = 0;
      for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
        pieces.push(chunk.slice(start, end));
        yield pieces.join('');
        pieces = [];
        start = end + 1;
      }
      if (start < chunk.length) pieces.push(chunk.slice(start));
    }
    if (pieces.length > 0) yield pieces.join('');
  } finally {
    raw.destroy();
    input.destroy();
  }
}

function addStoreOptions(command: Command): Command {
  return command
    .option('--database-url <url>', 'PostgreSQL 连接串（默认取环境变量 DATABASE_URL；未设置时使用内置数据库）')
    .option('--data-dir <dir>', '内置数据库的数据目录（默认取环境变量 JIXIAO_DATA_DIR，否则为 ./data）');
}

/** `jixiao backup <file>` and `jixiao restore <file>`: the whole store to and from one file (docs/backup.md). */
export function registerBackupCommands(program: Command, io: CliIo): void {
  addStoreOptions(
    program
      .command('backup')
      .description('把整个数据库备份到一个文件（带版本的 NDJSON；文件名以 .gz 结尾时用 gzip 压缩）')
      .argument('<file>', '备份文件，如 jixiao-backup.ndjson.gz'),
  ).action(async (file: string, opts: StoreOptions) => {
    const config = storeConfig(opts);
    if (!config.databaseUrl && !existsSync(config.dataDir)) {
      io.stderr(`数据目录 ${config.dataDir} 不存在，没有可备份的数据：请用 --data-dir 或 JIXIAO_DATA_DIR 指定数据目录，或用 --database-url 连接 PostgreSQL。\n`);
      throw new CliExit(EXIT_BAD_INPUT);
    }
    const store = await openConfiguredStore(io, config);
    let summary: BackupSummary;
    try {
      summary = await writeBackup(store, file);
    } catch (error) {
      if (!fileError(error)) throw error;
      io.stderr(`无法写入备份文件 ${file}：${error.message}\n`);
      throw new CliExit(EXIT_BAD_INPUT);
    } finally {
      await store.close();
    }
    io.stdout(`已将 ${store.location} 备份到 ${file}：数据库结构 ${summary.schemaVersion}，${describeCounts(summary.counts)}\n`);
  });

  addStoreOptions(
    program
      .command('restore')
      .description('把备份文件恢复到一个空的数据库（全部成功或全部不写入；.gz 文件自动解压）')
      .argument('<file>', 'jixiao backup 生成的备份文件'),
  ).action(async (file: string, opts: StoreOptions) => {
    if (!existsSync(file)) {
      io.stderr(`找不到备份文件 ${file}\n`);
      throw new CliExit(EXIT_BAD_INPUT);
    }
    const store = await openConfiguredStore(io, storeConfig(opts));
    let result: Awaited<ReturnType<typeof restoreStore>>;
    try {
      result = await restoreStore(store.db, fileLines(file));
    } catch (error) {
      if (gzipError(error)) {
        io.stderr(`${file} 无法恢复：gzip 数据损坏或不完整（${error.message}），数据库未改动。\n`);
        throw new CliExit(EXIT_BAD_INPUT);
      }
      if (fileError(error)) {
        io.stderr(`无法读取备份文件 ${file}：${error.message}\n`);
        throw new CliExit(EXIT_BAD_INPUT);
      }
      throw error;
    } finally {
      await store.close();
    }
    if (!result.ok) {
      io.stderr(`${file} 无法恢复：${result.message}\n数据库未改动。\n`);
      throw new CliExit(EXIT_BAD_INPUT);
    }
    io.stdout(`已将 ${file}（备份于 ${result.createdAt}，数据库结构 ${result.schemaVersion}）恢复到 ${store.location}：${describeCounts(result.counts)}\n`);
  });
}
