// The service under load on the embedded store: 50 units × 10 years of 部门整体 evaluations (500), the real
// server process (npm start's http/main.ts) on a temporary data directory, and autocannon with 50 connections
// for 10 s against /api/health (the baseline: routing, the session lookup, one `select 1`) and against the
// dashboard of the whole province for one year, as a province-level 财政审核. Reports requests/s, p99 latency,
// the dashboard ÷ health ratio, and the server's RSS at idle and its peak under load. About a minute.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Decimal, roundHalfAwayFromZero } from '@jixiao/core';
import { openStore } from '../packages/server/src/adapters/db/open-store';
import { DEFAULT_LIMITS } from '../packages/server/src/adapters/importers/limits';
import { readTxt } from '../packages/server/src/adapters/importers/txt/read-txt';
import { argon2Hasher } from '../packages/server/src/adapters/passwords/argon2';
import { createEvaluation } from '../packages/server/src/app/evaluations/evaluation-store';
import { importDocument } from '../packages/server/src/app/import-document';
import type { Insertable } from 'kysely';
import type { EvaluationStatus, JurisdictionTable } from '../packages/server/src/app/store/database';
import pg from 'pg';

const UNITS = 50;
const YEARS = Array.from({ length: 10 }, (_, i) => 2016 + i);
const DASHBOARD_YEAR = YEARS[YEARS.length - 1] as number;
const CONNECTIONS = 50;
const SECONDS = 10;
const PASSWORD = 'Bench-Passw0rd-2025';
const MAIN = fileURLToPath(new URL('../packages/server/src/http/main.ts', import.meta.url));
const SERVER_DIR = fileURLToPath(new URL('../packages/server/', import.meta.url));

const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-bench-service-'));
// JIXIAO_BENCH_POSTGRES=postgres://…/db: the same run against a fresh database on that server (created and
// dropped here), to compare the two engines; without it, the embedded store the quick start uses.
const postgresAdmin = process.env.JIXIAO_BENCH_POSTGRES;
const benchDb = `jixiao_bench_${process.pid}`;
let databaseUrl = '';
if (postgresAdmin) {
  const admin = new pg.Client({ connectionString: postgresAdmin });
  await admin.connect();
  await admin.query(`create database ${benchDb}`);
  await admin.end();
  const url = new URL(postgresAdmin);
  url.pathname = `/${benchDb}`;
  databaseUrl = url.toString();
}

// ---- 1. The data: seed 004's 部门整体 evaluation, with different amounts for every unit and year.
const t0 = performance.now();
const report = await importDocument(new Uint8Array(readFileSync(new URL('../packages/server/demo/004_cbe60655ee86d378.txt', import.meta.url))), '004.txt', { txt: readTxt }, DEFAULT_LIMITS);
const template = report.report?.evaluations.find((e) => (e as { kind?: string }).kind === 'department') as Record<string, unknown> | undefined;
if (!template) throw new Error('seed 004 did not import');

type FundRow = Record<string, unknown> & { annualBudget?: string; initialBudget?: string; executed?: string; statedRate?: string };

/** Every amount scaled by `size`, executed at `rate` of the budget (a deterministic spread, no randomness). */
function varied(unit: number, year: number): Record<string, unknown> {
  const size = new Decimal(0.5).plus(new Decimal((unit * 37 + year * 11) % 100).div(50));
  const rate = new Decimal(85).plus((unit * 7 + year * 3) % 16).div(100);
  const funds = template?.funds as { rows: FundRow[] };
  const scale = (v: string | undefined, f: Decimal) => (v === undefined ? undefined : roundHalfAwayFromZero(new Decimal(v).times(f), 2).toFixed(2));
  const rows = funds.rows.map((row) => {
    const budget = row.annualBudget ?? row.initialBudget;
    const out: FundRow = { ...row };
    if (row.initialBudget !== undefined) out.initialBudget = scale(row.initialBudget, size);
    if (row.annualBudget !== undefined) out.annualBudget = scale(row.annualBudget, size);
    if (row.executed !== undefined) out.executed = budget !== undefined ? scale(budget, size.times(rate)) : scale(row.executed, size);
    if (row.statedRate !== undefined) out.statedRate = rate.times(100).toFixed(2);
    return out;
  });
  return { ...template, year, title: `测试单位${unit + 1}`, unit: { name: `测试单位${unit + 1}` }, funds: { ...funds, rows } };
}

const setup = await openStore(databaseUrl ? { databaseUrl } : { dataDir });
const db = setup.db;
const rootId = 'j_hn';
// 湖南省 → 5 cities → 2 counties each; 50 units spread over all 16 jurisdictions.
const jurisdictions: Insertable<JurisdictionTable>[] = [{ id: rootId, parent_id: null, name: '湖南省', level: 'province', code: '430000', path: `/${rootId}/` }];
for (let c = 0; c < 5; c++) {
  const city = { id: `j_c${c}`, parent_id: rootId, name: `测试市${c + 1}`, level: 'city' as const, code: `43${c + 1}000`, path: `/${rootId}/j_c${c}/` };
  jurisdictions.push(city);
  for (let k = 0; k < 2; k++) jurisdictions.push({ id: `j_c${c}_${k}`, parent_id: city.id, name: `测试县${c + 1}-${k + 1}`, level: 'county', code: `43${c + 1}0${k + 2}1`, path: `${city.path}j_c${c}_${k}/` });
}
await db.insertInto('jurisdictions').values(jurisdictions).execute();
await db
  .insertInto('units')
  .values(Array.from({ length: UNITS }, (_, i) => ({ id: `u${i}`, jurisdiction_id: (jurisdictions[i % jurisdictions.length] as Insertable<JurisdictionTable>).id, name: `测试单位${i + 1}`, code: `B${String(i).padStart(4, '0')}`, staff_quota: 20 + i })))
  .execute();
await db.insertInto('users').values({ id: 'user_fin', username: 'fin_hn', display_name: '省财政厅审核员', password_hash: await argon2Hasher.hash(PASSWORD) }).execute();
await db.insertInto('role_grants').values({ id: 'g_fin', user_id: 'user_fin', role: 'finance_reviewer', unit_id: null, jurisdiction_id: rootId }).execute();
const STATUSES: EvaluationStatus[] = ['draft', 'submitted', 'returned', 'approved', 'published'];
for (const year of YEARS) {
  await db.transaction().execute(async (trx) => {
    for (let u = 0; u < UNITS; u++) {
      const result = await createEvaluation(trx, { unitId: `u${u}`, year, kind: 'department', frameworkId: 'hunan-standard', content: varied(u, year), reason: 'import', userId: null });
      if (!result.ok) throw new Error(`evaluation u${u} ${year}: ${JSON.stringify(result).slice(0, 300)}`);
      await trx.updateTable('evaluations').set({ status: STATUSES[(u + year) % STATUSES.length] as EvaluationStatus }).where('id', '=', result.evaluation.id).execute();
    }
  });
}
const counts = await db.selectFrom('evaluations').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('budget').as('withBudget')]).executeTakeFirstOrThrow();
const findings = await db.selectFrom('findings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
await setup.close();
const loadSeconds = (performance.now() - t0) / 1000;
console.log(`loaded ${counts.n} evaluations (${counts.withBudget} with a budget, ${findings.n} findings) in ${loadSeconds.toFixed(1)} s`);

// ---- 2. The server, as `npm start` runs it.
const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
  cwd: SERVER_DIR,
  env: { ...process.env, DATABASE_URL: databaseUrl, JIXIAO_DATA_DIR: dataDir, JIXIAO_DEMO: '0', PORT: '0', JIXIAO_HOST: '127.0.0.1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    const m = /正在监听 (http:\/\/\S+?)(（|\s|$)/.exec(out);
    if (m?.[1]) resolve(m[1]);
  });
  child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
});
const pid = child.pid as number;

function memory(): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'fin_hn', password: PASSWORD }) });
if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

// The dashboard route comes with the service's dashboard work; until it is there the list of evaluations
// (the same scope and year) stands in, and the table says so.
const candidates = [`/api/dashboard?jurisdictionId=${rootId}&year=${DASHBOARD_YEAR}`, `/api/evaluations?year=${DASHBOARD_YEAR}&pageSize=50`];
let target: string | undefined;
for (const path of candidates) {
  const res = await fetch(`${base}${path}`, { headers: { cookie } });
  const body = await res.text();
  console.log(`probe ${path}: ${res.status}, ${body.length} bytes${res.status === 200 ? '' : ` ${body.slice(0, 120)}`}`);
  if (res.status === 200) {
    target = path;
    break;
  }
}

await new Promise((r) => setTimeout(r, 2000));
const idle = memory();

// Other work on the machine shows in every number here: the load average says how much there was.
const loadBefore = loadavg()[0]?.toFixed(1);
let peak = idle.rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, memory().rss);
}, 100);

interface Run {
  readonly path: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
}

async function load(path: string, session: boolean): Promise<Run> {
  const r = await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: SECONDS, headers: session ? { cookie } : {} });
  return { path: `${path}${session ? '' : '（无会话）'}`, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

// Health with the session cookie is the baseline of the ratio: both sides then pay for the session lookup
// (session and actor: three queries), and the ratio is the endpoint's own work. Health without a session
// shows what that lookup costs.
const runs: Run[] = [await load('/api/health', true), await load('/api/health', false)];
if (target) runs.push(await load(target, true));
clearInterval(sampler);
const after = memory();

child.kill('SIGTERM');
await new Promise((r) => child.on('exit', r));
rmSync(dataDir, { recursive: true, force: true });
if (postgresAdmin) {
  const admin = new pg.Client({ connectionString: postgresAdmin });
  await admin.connect();
  await admin.query(`drop database if exists ${benchDb} with (force)`);
  await admin.end();
}

// ---- 3. The table (docs/benchmarks.md, Service).
const [health, dashboard] = runs;
console.log(`\n${postgresAdmin ? "PostgreSQL (DATABASE_URL)" : "embedded store (PGlite)"}; ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${CONNECTIONS} connections × ${SECONDS} s; load average before the runs ${loadBefore}, after ${loadavg()[0]?.toFixed(1)}`);
console.log('| endpoint | requests/s | p50 ms | p99 ms | requests | non-2xx | errors | × health (requests/s) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of runs) {
  const ratio = health ? (r.rps / health.rps).toFixed(3) : '';
  console.log(`| \`${r.path.replace(rootId, '<湖南省>')}\` | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.non2xx} | ${r.errors} | ${ratio} |`);
}
if (!dashboard) console.log('| dashboard | (no dashboard or evaluations route answered 200) | | | | | | |');
console.log(`\n| server memory (${postgresAdmin ? "Node process only; PostgreSQL runs apart" : "embedded store"}, ${counts.n} evaluations) | MiB |`);
console.log('|---|---|');
console.log(`| RSS at idle after start and login | ${idle.rss.toFixed(0)} |`);
console.log(`| peak RSS under load (sampled every 100 ms) | ${peak.toFixed(0)} |`);
console.log(`| VmHWM (the process's high-water mark) | ${after.hwm.toFixed(0)} |`);
console.log(`| RSS after the load | ${after.rss.toFixed(0)} |`);
console.log(`\ndata load: ${loadSeconds.toFixed(1)} s (${counts.n} evaluations through createEvaluation: score, audit, findings)`);
