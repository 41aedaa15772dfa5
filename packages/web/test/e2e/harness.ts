// The browser rule of eslint.config.js (no node:*) is for packages/web/src; these tests run in Node.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * What the browser tests (and scripts/bench-web.ts) need around them: the web app built, the real server
 * started on a free port with a fresh data directory (so the demo world loads), and Debian's Chromium
 * driven by playwright-core. Nothing here downloads a browser.
 */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const WEB_DIR = join(REPO_ROOT, 'packages/web');
export const DIST_DIR = join(WEB_DIR, 'dist');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output/screenshots');

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Every demo account gets this password (JIXIAO_ADMIN_PASSWORD); it meets the password rules. */
export const DEMO_PASSWORD = 'Jx-e2e-Test-2026';

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserUnavailable(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not installed (apt-get install chromium)`;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the web app when dist is missing or older than its sources (a stale build would test old code).
 * Returns whether it built.
 */
export function ensureWebBuilt(): boolean {
  const index = join(DIST_DIR, 'index.html');
  const sources = Math.max(newestMtime(join(WEB_DIR, 'src')), statSync(join(WEB_DIR, 'index.html')).mtimeMs, statSync(join(WEB_DIR, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return false;
  const result = spawnSync('npm', ['run', 'build', '-w', '@jixiao/web'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`web build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return true;
}

export interface RunningServer {
  readonly url: string;
  /** Everything the server printed, for a failing test's message. */
  readonly output: () => string;
  readonly stop: () => Promise<void>;
}

/**
 * Starts the real server (`npm start`'s entry, packages/server/src/http/main.ts) on a port the OS picks,
 * with a new data directory, and waits for its "正在监听" line. `stop` ends it by its pid and removes the
 * directory.
 */
export async function startServer(options: { readonly timeoutMs?: number } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-web-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', resolve(REPO_ROOT, 'packages/server/src/http/main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', JIXIAO_HOST: '127.0.0.1', JIXIAO_DATA_DIR: dataDir, JIXIAO_ADMIN_PASSWORD: DEMO_PASSWORD, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start within ${options.timeoutMs ?? 90_000} ms:\n${output}`)), options.timeoutMs ?? 90_000);
    const look = () => {
      const m = /正在监听 (http:\/\/[^\s（]+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        done(m[1]);
      }
    };
    child.stdout?.on('data', look);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });

  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, output: () => output, stop };
}

export const DESKTOP = { width: 1024, height: 768 };
export const TABLET = { width: 820, height: 1180 };

/** A page in a fresh context (no session); the page's uncaught errors are collected for the test to check. */
export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
  close(): Promise<void>;
}

/**
 * For one describe block: the real server (with its demo world) and Chromium, started before its tests and
 * stopped after them, and a way to open pages on them.
 */
export function browserSuite(): { open(viewport?: { width: number; height: number }): Promise<OpenedPage> } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    async open(viewport = DESKTOP) {
      if (!browser || !server) throw new Error('the browser suite has not started');
      const context = await newContext(browser, server.url, viewport);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      return { context, page, errors, close: () => context.close() };
    },
  };
}

/** The page's level-1 heading with this name. */
export const pageHeading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh browser context (no cookies) with the app's origin and a viewport; Chinese as the page language. */
export async function newContext(browser: Browser, baseURL: string, viewport = { width: 1024, height: 768 }): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport, locale: 'zh-CN', acceptDownloads: true });
}

/** Signs in through the login form, as a user would, and waits for the 工作台. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
}

/** A screenshot into test-output/screenshots/<name>.png: the whole page, or (`fullPage: false`) what the window shows. */
export async function screenshot(page: Page, name: string, options: { readonly fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // A page just rendered can still be growing (tables laid out, a chart sized): wait until its height holds.
  // (A string, not a function: scripts/bench-web.ts compiles this file without the DOM's types.)
  await page.waitForFunction(`new Promise((done) => {
    const before = document.documentElement.scrollHeight;
    setTimeout(() => done(document.documentElement.scrollHeight === before), 250);
  })`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}
