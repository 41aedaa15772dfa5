import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_ADMIN_URL, STORE_ENGINES } from './stores';

/**
 * `npm start` as an operator runs it: the real server process (http/main.ts) on a free port, its demo data,
 * a login, the data directory's lock against a second process, and a clean stop on SIGTERM.
 */
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const MAIN = fileURLToPath(new URL('../src/http/main.ts', import.meta.url));
const PASSWORD = 'Start-Test-Passw0rd';

interface Server {
  readonly child: ChildProcess;
  readonly output: () => { stdout: string; stderr: string };
  /** The URL from the "listening" line; rejects if the process ends first. */
  readonly url: Promise<string>;
  readonly exited: Promise<number | null>;
}

const running: ChildProcess[] = [];

function startServer(env: Record<string, string>): Server {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: SERVER_DIR,
    // Empty values count as unset: the developer's own DATABASE_URL or PORT must not leak in.
    env: { ...process.env, DATABASE_URL: '', JIXIAO_DATA_DIR: '', JIXIAO_ADMIN_PASSWORD: '', JIXIAO_DEMO: '', JIXIAO_HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const m = /正在监听 (http:\/\/\S+?)(（|\s|$)/.exec(stdout);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    void exited.then((code) => reject(new Error(`server exited with ${code}\n${stdout}\n${stderr}`)));
  });
  url.catch(() => undefined);
  return { child, output: () => ({ stdout, stderr }), url, exited };
}

async function login(url: string, username: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken };
}

async function me(url: string, cookie: string): Promise<{ user: { username: string; roles: { role: string }[] } }> {
  const res = await fetch(`${url}/api/auth/me`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as { user: { username: string; roles: { role: string }[] } };
}

afterAll(() => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('npm start on the embedded store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the API with the demo data, refuses a second process on the same directory, stops cleanly', async () => {
    const first = startServer({ JIXIAO_DATA_DIR: dataDir, JIXIAO_ADMIN_PASSWORD: PASSWORD });
    const url = await first.url;
    expect(first.output().stdout).toContain('首次启动：已载入演示数据（6 个行政区、5 个单位、14 个用户、13 份绩效自评）');
    expect(first.output().stdout).toContain('所有演示账号的密码均为 JIXIAO_ADMIN_PASSWORD 的值');
    // The shared password is never printed.
    expect(first.output().stdout).not.toContain(PASSWORD);

    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
    const { cookie } = await login(url, 'admin', PASSWORD);
    expect((await me(url, cookie)).user).toMatchObject({ username: 'admin', roles: [{ role: 'admin' }] });

    const second = startServer({ JIXIAO_DATA_DIR: dataDir });
    expect(await second.exited).toBe(2);
    expect(second.output().stderr).toContain(`数据目录 ${dataDir} 正被另一个进程（pid ${first.child.pid}）使用`);
    // The refused process left the first one's lock and data alone.
    expect(existsSync(join(dataDir, 'jixiao.lock'))).toBe(true);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output().stdout).toContain('已停止。');
    expect(existsSync(join(dataDir, 'jixiao.lock'))).toBe(false);
  }, 120_000);

  it('keeps its data across a restart, without loading the demo again', async () => {
    const again = startServer({ JIXIAO_DATA_DIR: dataDir });
    const url = await again.url;
    expect(again.output().stdout).not.toContain('首次启动');
    const { cookie } = await login(url, 'fin_yy', PASSWORD);
    expect((await me(url, cookie)).user.roles).toEqual([expect.objectContaining({ role: 'finance_reviewer' })]);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  }, 120_000);

  it('stops at once with exit code 2 and a Chinese message on a bad setting', async () => {
    const bad = startServer({ JIXIAO_DATA_DIR: dataDir, PORT: 'http' });
    expect(await bad.exited).toBe(2);
    expect(bad.output().stderr).toContain('PORT 应为 0–65535 之间的整数');
  }, 60_000);
});

const postgres = STORE_ENGINES.find((e) => e.name === 'PostgreSQL');

(postgres?.skip ? describe.skip : describe)(`npm start with DATABASE_URL${postgres?.skip ? `（跳过：${postgres.skip}）` : ''}`, () => {
  const name = `jixiao_start_${randomBytes(6).toString('hex')}`;
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;

  async function admin(query: string): Promise<void> {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  }

  afterAll(async () => {
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('migrates a fresh database, loads the demo, serves, and stops', async () => {
    await admin(`create database ${name}`);
    const server = startServer({ DATABASE_URL: url.toString(), JIXIAO_ADMIN_PASSWORD: PASSWORD });
    const base = await server.url;
    expect(server.output().stdout).toContain('数据库：PostgreSQL（');
    expect(server.output().stdout).toContain('已载入演示数据（6 个行政区、5 个单位、14 个用户、13 份绩效自评）');
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: 'ok', database: 'ok' });
    const { cookie } = await login(base, 'npc_hn', PASSWORD);
    expect((await me(base, cookie)).user.roles).toEqual([expect.objectContaining({ role: 'npc_supervisor' })]);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 120_000);
});
