/**
 * The web app's weight and speed: gzip sizes of what the first page load fetches (initial JS and CSS) and of
 * what each page adds when first visited (its route chunk and the shared chunks not already loaded), read from
 * packages/web/dist and its Vite manifest; then the time from navigation start to the 工作台 heading being
 * visible, in headless Debian Chromium against the real server with its demo data, median of 5, with an empty
 * cache (a new browser context per run, signed in by cookie) and with a warm one (the same context reloaded).
 *
 *   npx tsx scripts/bench-web.ts
 *
 * Builds the web app first when dist is missing or older than its sources.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEMO_PASSWORD, DIST_DIR, browserUnavailable, ensureWebBuilt, launchBrowser, newContext, startServer } from '../packages/web/test/e2e/harness';

interface ManifestChunk {
  readonly file: string;
  readonly name?: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}

type Manifest = Record<string, ManifestChunk>;

/** The pages a user opens, by their module in packages/web/src. */
const ROUTES: readonly (readonly [string, string])[] = [
  // English labels: CJK characters are two columns wide in a terminal and would break the table's alignment.
  ['login', 'src/pages/login-page.tsx'],
  ['signed-in frame', 'src/layout/app-layout.tsx'],
  ['workbench', 'src/pages/workbench-page.tsx'],
  ['evaluation list', 'src/pages/evaluation-list-page.tsx'],
  ['evaluation detail', 'src/pages/evaluation/evaluation-page.tsx'],
  ['dashboard', 'src/pages/dashboard/dashboard-page.tsx'],
  ['public frame', 'src/layout/public-layout.tsx'],
  ['public list', 'src/pages/public/public-list-page.tsx'],
  ['public report', 'src/pages/public/public-report-page.tsx'],
];

const RUNS = 5;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const gz = (file: string) => gzipSync(readFileSync(join(DIST_DIR, file))).length;
const raw = (file: string) => readFileSync(join(DIST_DIR, file)).length;

/** A chunk and everything it imports statically (what loading it brings in). */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(manifest, dep, seen);
  return seen;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function printTable(head: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

function sizes(): void {
  const manifest = JSON.parse(readFileSync(join(DIST_DIR, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error('the Vite manifest has no entry');
  const initial = closure(manifest, entryKey);
  const initialJs = [...initial].map((k) => manifest[k]?.file as string);
  const initialCss = [...initial].flatMap((k) => manifest[k]?.css ?? []);
  const sum = (files: readonly string[], f: (file: string) => number) => files.reduce((n, file) => n + f(file), 0);

  console.log(`\nBundle (packages/web/dist, gzip at zlib's default level; a page's files and KB are what its first visit adds to the initial load)\n`);
  const rows: string[][] = [
    ['initial JS (first load, any page)', String(initialJs.length), kb(sum(initialJs, raw)), '', kb(sum(initialJs, gz))],
    ['initial CSS', String(initialCss.length), kb(sum(initialCss, raw)), '', kb(sum(initialCss, gz))],
  ];
  for (const [label, src] of ROUTES) {
    const chunk = manifest[src];
    if (!chunk) {
      rows.push([label, '-', '-', '(not in manifest)']);
      continue;
    }
    // What a first visit adds: the page's chunk and the shared chunks that the first load did not bring.
    const added = [...closure(manifest, src)].filter((k) => !initial.has(k)).map((k) => manifest[k]?.file as string);
    rows.push([`${label} (${chunk.file.replace('assets/', '')})`, String(added.length), kb(sum(added, raw)), kb(gz(chunk.file)), kb(sum(added, gz))]);
  }
  // What the browser fetches in all to show the 工作台 after signing in: the first load, the frame, the page.
  const toWorkbench = new Set([...initial, ...closure(manifest, 'src/layout/app-layout.tsx'), ...closure(manifest, 'src/pages/workbench-page.tsx')]);
  const workbenchFiles = [...toWorkbench].map((k) => manifest[k]?.file as string);
  rows.push(['all JS to show the workbench (initial + frame + page)', String(workbenchFiles.length), kb(sum(workbenchFiles, raw)), '', kb(sum(workbenchFiles, gz))]);
  const all = Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js'));
  rows.push(['all JS', String(all.length), kb(sum(all, raw)), '', kb(sum(all, gz))]);
  printTable(['what', 'files', 'KB', 'own KB gzip', 'KB gzip'], rows);
}

async function firstRender(): Promise<void> {
  const unavailable = browserUnavailable();
  if (unavailable) {
    console.log(`\nFirst render: skipped (${unavailable})`);
    return;
  }
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    // One sign-in through the API; each run starts a new context (empty cache) with its session cookie.
    const login = await newContext(browser, server.url);
    const response = await login.request.post('/api/auth/login', { data: { username: 'fin_hn', password: DEMO_PASSWORD } });
    if (!response.ok()) throw new Error(`login failed: ${response.status()} ${await response.text()}`);
    const state = await login.storageState();
    await login.close();

    // performance.now() in the page counts from its navigation start; polled every animation frame.
    // A function, not a string: the app's CSP has no 'unsafe-eval', which a string predicate would need.
    // (Typed loosely: the scripts' tsconfig has no DOM library; this runs in the page.)
    const visible = () => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<{ textContent: string | null; getBoundingClientRect(): { height: number } }> } }).document;
      const h = [...doc.querySelectorAll('h1')].find((e) => e.textContent === '工作台');
      return h && h.getBoundingClientRect().height > 0 ? performance.now() : false;
    };
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1024, height: 768 }, locale: 'zh-CN', storageState: state });
      const page = await context.newPage();
      await page.goto('/workbench?year=2024');
      const first = (await (await page.waitForFunction(visible, undefined, { polling: 'raf' })).jsonValue()) as number;
      await page.reload();
      const second = (await (await page.waitForFunction(visible, undefined, { polling: 'raf' })).jsonValue()) as number;
      await context.close();
      // The first round warms the server (its first queries) and the disk cache of the machine.
      if (i === 0) continue;
      cold.push(first);
      warm.push(second);
    }
    console.log(`\nFirst render of the workbench (navigation start -> the 工作台 heading visible), headless Chromium, 1024x768, ${RUNS} runs after one warm-up\n`);
    printTable(
      ['cache', 'median ms', 'min ms', 'max ms', 'runs (ms)'],
      [
        ['empty (new context)', median(cold).toFixed(0), Math.min(...cold).toFixed(0), Math.max(...cold).toFixed(0), cold.map((v) => v.toFixed(0)).join(', ')],
        ['warm (reload)', median(warm).toFixed(0), Math.min(...warm).toFixed(0), Math.max(...warm).toFixed(0), warm.map((v) => v.toFixed(0)).join(', ')],
      ],
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (ensureWebBuilt()) console.log('built packages/web (dist was missing or older than its sources)');
sizes();
await firstRender();
