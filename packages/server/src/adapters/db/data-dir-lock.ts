import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One process per embedded data directory. PGlite takes no lock of its own, and a second process that opens
 * the same directory loses its committed writes silently (stack-notes.md §1), so the store refuses it.
 *
 * The lock file holds the owner's pid: a lock left by a killed process is taken over at once (the pid is
 * gone), which an mtime-based lock (proper-lockfile) could only do after its staleness period.
 */
export interface DataDirLock {
  release(): void;
}

export class DataDirLockedError extends Error {
  readonly code = 'STORE_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(`数据目录 ${dataDir} 正被另一个进程（pid ${ownerPid}）使用：同一数据目录只能由一个 Jixiao 进程打开。请先停止该进程，或设置 JIXIAO_DATA_DIR 使用其他目录，或用 DATABASE_URL 连接 PostgreSQL。`);
    this.name = 'DataDirLockedError';
  }
}

const LOCK_FILE = 'jixiao.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(path: string): { pid: number; host: string } | undefined {
  try {
    const [pid, host] = readFileSync(path, 'utf8').split('\n');
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { pid: n, host: host ?? '' } : undefined;
  } catch {
    return undefined;
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n${hostname()}\n`);
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        if (ownerOf(path)?.pid === process.pid) unlinkSync(path);
        process.off('exit', release);
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = ownerOf(path);
      // A lock from another machine (a shared folder) cannot be checked: refuse rather than guess.
      if (owner && (owner.host !== hostname() || alive(owner.pid))) throw new DataDirLockedError(dataDir, owner.pid);
      try {
        unlinkSync(path);
      } catch {
        // Another opener removed the stale lock first; the next attempt decides between us.
      }
    }
  }
  throw new DataDirLockedError(dataDir, ownerOf(path)?.pid ?? 0);
}
