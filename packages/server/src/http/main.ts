import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import Table from 'cli-table3';
import { JixiaoError } from '@jixiao/core';
import { DataDirLockedError } from '../adapters/db/data-dir-lock';
import { openStore } from '../adapters/db/open-store';
import type { Store } from '../adapters/db/open-store';
import { DEFAULT_LIMITS } from '../adapters/importers/limits';
import { argon2Hasher } from '../adapters/passwords/argon2';
import { createFirstAdmin } from '../app/demo/first-admin';
import { initialPassword } from '../app/demo/initial-password';
import { loadDemo } from '../app/demo/load-demo';
import type { DemoAccount } from '../app/demo/load-demo';
import { ConfigError, readConfig } from './config';
import type { ServerConfig } from './config';
import { createApp } from './create-app';
import { mountStaticWeb } from './static-web';
import { HTTP_READERS, productionDeps } from './wiring';

/**
 * `npm start`: the service's composition root. Reads the environment, opens the store (embedded in
 * JIXIAO_DATA_DIR, or PostgreSQL with DATABASE_URL; migrations run on open), fills an empty store with the
 * demo world (or only the first admin, with JIXIAO_DEMO=0), and serves the API and the web app.
 * SIGINT/SIGTERM close the server and the store, which releases the data directory's lock.
 *
 * Exit codes: 0 stopped, 2 a problem in the setup the operator can fix (bad variable, data directory in
 * use, port taken), 1 anything else (a bug).
 */
const EXIT_SETUP = 2;

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);
const log = (line: string) => err(`[${new Date().toISOString()}] ${line}`);

const DEMO_DIR = new URL('../../demo/', import.meta.url);

function accountsTable(accounts: readonly DemoAccount[]): string {
  const withPasswords = accounts.some((a) => a.password !== undefined);
  const table = new Table({ head: ['用户名', '角色', '范围', ...(withPasswords ? ['初始密码'] : [])], style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
  for (const a of accounts) table.push([a.username, a.roleLabel, a.scope, ...(withPasswords ? [a.password ?? ''] : [])]);
  return table.toString();
}

async function fillEmptyStore(store: Store, config: ServerConfig): Promise<void> {
  if (!config.demo) {
    const first = await createFirstAdmin(store.db, argon2Hasher, config.adminPassword, initialPassword);
    if (!first.created) return;
    out(`空数据库：已创建行政区 ${first.jurisdiction} 和系统管理员 ${first.username}（JIXIAO_DEMO=0，不载入演示数据）。`);
    out(first.password ? `初始密码（只显示这一次，请登录后修改）：${first.password}` : '密码为 JIXIAO_ADMIN_PASSWORD 的值。');
    return;
  }
  const started = Date.now();
  const demo = await loadDemo(store.db, {
    readers: HTTP_READERS,
    limits: DEFAULT_LIMITS,
    hasher: argon2Hasher,
    readReport: async (file) => new Uint8Array(await readFile(new URL(file, DEMO_DIR))),
  }, config.adminPassword === undefined ? {} : { password: config.adminPassword });
  if (!demo.loaded) return;
  const c = demo.counts;
  out(`首次启动：已载入演示数据（${c.jurisdictions} 个行政区、${c.units} 个单位、${c.users} 个用户、${c.evaluations} 份绩效自评），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
  out(accountsTable(demo.accounts));
  out(config.adminPassword === undefined ? '以上初始密码只显示这一次，请妥善保存，登录后可修改。' : '所有演示账号的密码均为 JIXIAO_ADMIN_PASSWORD 的值。');
}

function displayUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err(error.message);
    process.exit(EXIT_SETUP);
  }

  let store: Store;
  try {
    store = await openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    err(error.message);
    process.exit(EXIT_SETUP);
  }
  out(`数据库：${store.engine === 'pglite' ? `嵌入式（${store.location}）` : `PostgreSQL（${store.location}）`}`);

  try {
    await fillEmptyStore(store, config);
  } catch (error) {
    await store.close();
    if (error instanceof JixiaoError && error.code === 'CONFIG') {
      err(error.message);
      process.exit(EXIT_SETUP);
    }
    throw error;
  }

  const app = createApp(productionDeps(store, log, { secureCookies: config.secureCookies, trustProxy: config.trustProxy }));
  mountStaticWeb(app, config.webDist);
  if (!existsSync(join(config.webDist, 'index.html'))) out('注意：网页尚未构建（npm run build -w @jixiao/web），目前只有接口可用。');

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    out(`Jixiao 绩效已启动，正在监听 ${displayUrl(config.host, info.port)}${config.host === '0.0.0.0' || config.host === '::' ? '（所有网卡）' : ''}`);
  }) as Server;

  let stopping = false;
  const stop = async (reason: string, code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    out(`${reason}，正在停止……`);
    // Idle keep-alive connections close now; a request still running gets five seconds to finish.
    const force = setTimeout(() => server.closeAllConnections(), 5_000);
    force.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await store.close();
    out('已停止。');
    process.exit(code);
  };

  server.on('error', (error: NodeJS.ErrnoException) => {
    const why =
      error.code === 'EADDRINUSE'
        ? `端口 ${config.port} 已被占用：请停止占用它的程序，或设置 PORT 使用其他端口`
        : error.code === 'EACCES'
          ? `没有权限监听 ${config.host}:${config.port}（1024 以下的端口需要管理员权限），请设置 PORT 使用其他端口`
          : `无法监听 ${config.host}:${config.port}：${error.message}`;
    err(why);
    void stop('启动失败', EXIT_SETUP);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(`收到 ${signal}`, 0));
}

try {
  await main();
} catch (error) {
  const code = error instanceof JixiaoError ? error.code : 'UNEXPECTED';
  err(`内部错误 [${code}]：${(error as Error).stack ?? (error as Error).message}\n请把这条信息报告给开发者。`);
  process.exit(1);
}
