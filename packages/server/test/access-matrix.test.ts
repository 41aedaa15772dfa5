import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi } from './api-client';
import type { Client, TestApi } from './api-client';
import { WORLD_PASSWORD, WORLD_USERS, seedWorld } from './api-world';
import { fixturePath, seedBytes } from './seed-fixtures';
import { describeStores, emptyStore } from './stores';

/**
 * Every API route × every role of the test world × own (岳阳: u_yy, 岳阳市, filler_yy) vs foreign (浏阳: u_ly,
 * 浏阳市, filler_ly) target. The expected outcome of each cell is written here from the roles' definitions in
 * the issue, independently of app/access: a target the user may not read answers 404 (its existence is not
 * revealed), a readable target whose action the role lacks answers 403, anything else is "allowed" — which
 * may still be a 409 or 422 from the workflow or validation, since authorization is checked first.
 * Anonymous requests to every non-public route answer 401. A route added to the API without a row here
 * fails the last test.
 */
type Username = (typeof WORLD_USERS)[number]['username'];
type Side = 'own' | 'foreign';
type Outcome = 'allowed' | 401 | 403 | 404;

/** Which units each user may read: own = u_yy (岳阳市), foreign = u_ly (浏阳市, under 长沙市). */
const READS_UNIT: Readonly<Record<string, readonly Side[]>> = {
  admin: ['own', 'foreign'],
  fin_hn: ['own', 'foreign'],
  npc_hn: ['own', 'foreign'],
  fin_yy: ['own'],
  npc_yy: ['own'],
  filler_yy: ['own'],
  head_yy: ['own'],
  fin_ly: ['foreign'],
  filler_ly: ['foreign'],
  head_ly: ['foreign'],
};

/** The roles: 填报人 edits own drafts; 单位负责人 submits; 财政审核 reviews the subtree; 人大监督 reads and annotates; 系统管理员 manages. */
const ROLE_OF: Readonly<Record<string, string>> = Object.fromEntries(WORLD_USERS.map((u) => [u.username, u.role]));
const MAY: Readonly<Record<string, readonly string[]>> = {
  filler: ['edit', 'import'],
  unit_head: ['submit'],
  finance_reviewer: ['review', 'import'],
  npc_supervisor: ['annotate', 'import'],
  admin: ['manage'],
};

const reads = (u: string, side: Side) => READS_UNIT[u]?.includes(side) ?? false;
const may = (u: string, action: string) => MAY[ROLE_OF[u] ?? '']?.includes(action) ?? false;

/** A unit's data: 404 unless readable, then 403 unless the role has the action. */
const onUnit =
  (action: 'read' | 'edit' | 'import' | 'submit' | 'review' | 'annotate') =>
  (u: string, side: Side): Outcome =>
    !reads(u, side) ? 404 : action === 'read' || may(u, action) ? 'allowed' : 403;

/** A jurisdiction's settings: readable like its units; only 系统管理员 (and for deadlines 财政审核) may change them. */
const onJurisdiction =
  (...actions: string[]) =>
  (u: string, side: Side): Outcome =>
    !reads(u, side) ? 404 : actions.length === 0 || actions.some((a) => may(u, a)) ? 'allowed' : 403;

/** Users are managed by 系统管理员 only; everyone else is refused outright. */
const onUser = (u: string): Outcome => (may(u, 'manage') ? 'allowed' : 403);
const anyone = (): Outcome => 'allowed';

interface Target {
  readonly unitId: string;
  readonly jurisdictionId: string;
  readonly evaluationId: string;
  readonly importId: string;
  readonly documentId: string;
  readonly findingId: string;
  readonly userId: string;
  readonly grantId: () => Promise<string>;
  /** A 佐证材料 of the evaluation, uploaded once. */
  readonly attachmentId: string;
  /** A fresh 佐证材料 of the evaluation, for a cell that deletes one. */
  readonly newAttachmentId: () => Promise<string>;
}

interface Cell {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as the OpenAPI document names it. */
  readonly route: string;
  readonly expected: (user: string, side: Side) => Outcome;
  readonly request: (t: Target, n: number) => Promise<{ path: string; body?: unknown; headers?: Record<string, string> }> | { path: string; body?: unknown; headers?: Record<string, string> };
  /** Routes anyone may call without logging in. */
  readonly open?: boolean;
}

/** Bytes sent as they are, declared as JSON: a body cut off in the middle. */
const BROKEN_JSON = new TextEncoder().encode('{"unitId": "u_yy", ');
const content003 = JSON.parse(readFileSync(fixturePath('003'), 'utf8')) as Record<string, unknown>;
const SMALL_TXT = seedBytes('003');
/** A PNG's signature and then n: a different file for each upload, so that no cell is answered as a duplicate. */
const pngBytes = (n: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode(`IHDR ${n}`)]);

const CELLS: readonly Cell[] = [
  { method: 'GET', route: '/api/health', expected: anyone, open: true, request: () => ({ path: '/api/health' }) },
  { method: 'GET', route: '/api/openapi.json', expected: anyone, open: true, request: () => ({ path: '/api/openapi.json' }) },
  { method: 'GET', route: '/api/auth/me', expected: anyone, request: () => ({ path: '/api/auth/me' }) },
  // A wrong new password: the route is reached (400), the password is not changed.
  { method: 'POST', route: '/api/auth/password', expected: anyone, request: () => ({ path: '/api/auth/password', body: { currentPassword: WORLD_PASSWORD, newPassword: 'short' } }) },
  { method: 'GET', route: '/api/evaluations', expected: anyone, request: (t) => ({ path: `/api/evaluations?unitId=${t.unitId}` }) },
  {
    method: 'POST',
    route: '/api/evaluations',
    expected: onUnit('edit'),
    request: (t, n) => ({ path: '/api/evaluations', body: { unitId: t.unitId, year: 2022, kind: 'project', projectName: `项目${n}`, content: { ...content003, kind: 'project', title: `项目${n}` } } }),
  },
  { method: 'GET', route: '/api/evaluations/{id}', expected: onUnit('read'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}` }) },
  { method: 'PUT', route: '/api/evaluations/{id}', expected: onUnit('edit'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}`, body: { baseVersion: 1, content: content003 } }) },
  { method: 'GET', route: '/api/evaluations/{id}/versions', expected: onUnit('read'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/versions` }) },
  { method: 'GET', route: '/api/evaluations/{id}/versions/{version}', expected: onUnit('read'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/versions/1` }) },
  { method: 'POST', route: '/api/evaluations/{id}/check', expected: onUnit('read'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/check`, body: {} }) },
  { method: 'GET', route: '/api/evaluations/{id}/findings', expected: onUnit('read'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/findings` }) },
  { method: 'POST', route: '/api/evaluations/{id}/submit', expected: onUnit('submit'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/submit`, body: { version: 1, acknowledgeErrors: true } }) },
  { method: 'POST', route: '/api/evaluations/{id}/return', expected: onUnit('review'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/return`, body: { comments: [{ body: '请补充偏差原因' }] } }) },
  { method: 'POST', route: '/api/evaluations/{id}/approve', expected: onUnit('review'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/approve` }) },
  { method: 'POST', route: '/api/evaluations/{id}/publish', expected: onUnit('review'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/publish` }) },
  { method: 'GET', route: '/api/evaluations/{id}/comments', expected: onUnit('read'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/comments` }) },
  // An annotation on one of the evaluation's findings: 人大监督's action.
  { method: 'POST', route: '/api/evaluations/{id}/comments', expected: onUnit('annotate'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/comments`, body: { kind: 'annotation', findingId: t.findingId, body: '请说明' } }) },
  { method: 'GET', route: '/api/evaluations/{id}/attachments', expected: onUnit('read'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/attachments` }) },
  // The 填报人's: 201 while the evaluation is a draft, 409 once it has been submitted (head_yy's cell does that).
  {
    method: 'POST',
    route: '/api/evaluations/{id}/attachments',
    expected: onUnit('edit'),
    request: (t, n) => ({ path: `/api/evaluations/${t.evaluationId}/attachments`, body: pngBytes(n), headers: { 'content-type': 'image/png', 'x-filename': encodeURIComponent(`工作照片${n}.png`) } }),
  },
  { method: 'GET', route: '/api/evaluations/{id}/attachments/{attachmentId}', expected: onUnit('read'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/attachments/${t.attachmentId}` }) },
  { method: 'DELETE', route: '/api/evaluations/{id}/attachments/{attachmentId}', expected: onUnit('edit'), request: async (t) => ({ path: `/api/evaluations/${t.evaluationId}/attachments/${await t.newAttachmentId()}` }) },
  { method: 'GET', route: '/api/evaluations/{id}/work-grade', expected: onUnit('read'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/work-grade` }) },
  // 财政审核's: 409 while a draft, 422 for the incomplete grade once submitted.
  { method: 'PUT', route: '/api/evaluations/{id}/work-grade', expected: onUnit('review'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/work-grade`, body: { lines: [{ id: 'notice', score: '8' }] } }) },
  {
    method: 'POST',
    route: '/api/units/{unitId}/imports',
    expected: onUnit('import'),
    request: (t) => ({ path: `/api/units/${t.unitId}/imports?year=2022`, body: SMALL_TXT, headers: { 'content-type': 'text/plain', 'x-filename': encodeURIComponent('浏阳市人大2022自评报告.txt') } }),
  },
  { method: 'GET', route: '/api/units/{unitId}/imports', expected: onUnit('read'), request: (t) => ({ path: `/api/units/${t.unitId}/imports` }) },
  { method: 'GET', route: '/api/imports/{id}', expected: onUnit('read'), request: (t) => ({ path: `/api/imports/${t.importId}` }) },
  { method: 'GET', route: '/api/imports/{id}/text', expected: onUnit('read'), request: (t) => ({ path: `/api/imports/${t.importId}/text` }) },
  { method: 'POST', route: '/api/imports/{id}/accept', expected: onUnit('edit'), request: (t) => ({ path: `/api/imports/${t.importId}/accept`, body: {} }) },
  { method: 'GET', route: '/api/documents/{id}', expected: onUnit('read'), request: (t) => ({ path: `/api/documents/${t.documentId}` }) },
  { method: 'GET', route: '/api/evaluations/{id}/export.docx', expected: onUnit('read'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/export.docx` }) },
  { method: 'GET', route: '/api/evaluations/{id}/export.xlsx', expected: onUnit('read'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/export.xlsx` }) },
  { method: 'GET', route: '/api/evaluations/{id}/export.pdf', expected: onUnit('read'), request: (t) => ({ path: `/api/evaluations/${t.evaluationId}/export.pdf` }) },
  { method: 'GET', route: '/api/jurisdictions', expected: anyone, request: () => ({ path: '/api/jurisdictions' }) },
  { method: 'POST', route: '/api/jurisdictions', expected: onJurisdiction('manage'), request: (t, n) => ({ path: '/api/jurisdictions', body: { parentId: t.jurisdictionId, name: `测试区${n}`, level: 'county', code: String(900000 + n) } }) },
  { method: 'PATCH', route: '/api/jurisdictions/{id}', expected: onJurisdiction('manage'), request: (t) => ({ path: `/api/jurisdictions/${t.jurisdictionId}`, body: { name: t.jurisdictionId === 'yy' ? '岳阳市' : '浏阳市' } }) },
  { method: 'GET', route: '/api/units', expected: anyone, request: () => ({ path: '/api/units' }) },
  { method: 'POST', route: '/api/units', expected: onJurisdiction('manage'), request: (t, n) => ({ path: '/api/units', body: { jurisdictionId: t.jurisdictionId, name: `测试单位${n}`, code: `T-${n}`, staffQuota: 10 } }) },
  { method: 'GET', route: '/api/units/{id}', expected: onUnit('read'), request: (t) => ({ path: `/api/units/${t.unitId}` }) },
  { method: 'PATCH', route: '/api/units/{id}', expected: (u, side) => (!reads(u, side) ? 404 : may(u, 'manage') ? 'allowed' : 403), request: (t) => ({ path: `/api/units/${t.unitId}`, body: { staffQuota: t.unitId === 'u_yy' ? 111 : 36 } }) },
  { method: 'GET', route: '/api/users', expected: onUser, request: () => ({ path: '/api/users' }) },
  { method: 'POST', route: '/api/users', expected: onUser, request: (t, n) => ({ path: '/api/users', body: { username: `new${n}`, displayName: `新用户${n}`, password: 'Jixiao-New-2024', grants: [{ role: 'filler', unitId: t.unitId }] } }) },
  { method: 'GET', route: '/api/users/{id}', expected: onUser, request: (t) => ({ path: `/api/users/${t.userId}` }) },
  { method: 'PATCH', route: '/api/users/{id}', expected: onUser, request: (t) => ({ path: `/api/users/${t.userId}`, body: { displayName: t.userId === 'user_filler_yy' ? '岳阳填报人' : '浏阳填报人' } }) },
  // The role the user already has: granting it again must not widen what later cells see.
  { method: 'POST', route: '/api/users/{id}/grants', expected: onUser, request: (t) => ({ path: `/api/users/${t.userId}/grants`, body: { role: 'filler', unitId: t.unitId } }) },
  { method: 'DELETE', route: '/api/users/{id}/grants/{grantId}', expected: onUser, request: async (t) => ({ path: `/api/users/${t.userId}/grants/${await t.grantId()}` }) },
  { method: 'POST', route: '/api/users/{id}/unlock', expected: onUser, request: (t) => ({ path: `/api/users/${t.userId}/unlock` }) },
  { method: 'GET', route: '/api/jurisdictions/{id}/frameworks', expected: onJurisdiction(), request: (t) => ({ path: `/api/jurisdictions/${t.jurisdictionId}/frameworks?year=2022` }) },
  { method: 'PUT', route: '/api/jurisdictions/{id}/frameworks/{year}/{kind}', expected: onJurisdiction('manage'), request: (t) => ({ path: `/api/jurisdictions/${t.jurisdictionId}/frameworks/2022/department`, body: { frameworkId: 'hunan-standard', policies: {} } }) },
  { method: 'GET', route: '/api/deadlines', expected: onJurisdiction(), request: (t) => ({ path: `/api/deadlines?jurisdictionId=${t.jurisdictionId}&year=2022` }) },
  { method: 'PUT', route: '/api/jurisdictions/{id}/deadlines/{year}', expected: onJurisdiction('manage', 'review'), request: (t) => ({ path: `/api/jurisdictions/${t.jurisdictionId}/deadlines/2022`, body: { submit: '2023-05-31', review: '2023-06-10', publish: '2023-06-20' } }) },
  { method: 'GET', route: '/api/workbench', expected: anyone, request: () => ({ path: '/api/workbench?year=2022' }) },
  { method: 'GET', route: '/api/dashboard', expected: onJurisdiction(), request: (t) => ({ path: `/api/dashboard?jurisdictionId=${t.jurisdictionId}&year=2022` }) },
  { method: 'GET', route: '/api/dashboard/export.xlsx', expected: onJurisdiction(), request: (t) => ({ path: `/api/dashboard/export.xlsx?jurisdictionId=${t.jurisdictionId}&year=2022` }) },
  { method: 'GET', route: '/api/dashboard/units/{unitId}', expected: onUnit('read'), request: (t) => ({ path: `/api/dashboard/units/${t.unitId}` }) },
  { method: 'GET', route: '/api/public/reports', expected: anyone, open: true, request: () => ({ path: '/api/public/reports' }) },
  // Not published (a draft): 404 for everyone, logged in or not — publication is the only way out.
  { method: 'GET', route: '/api/public/reports/{id}', expected: () => 404, open: true, request: (t) => ({ path: `/api/public/reports/${t.evaluationId}` }) },
  { method: 'GET', route: '/api/public/reports/{id}/data.csv', expected: () => 404, open: true, request: (t) => ({ path: `/api/public/reports/${t.evaluationId}/data.csv` }) },
  { method: 'GET', route: '/api/audit-log', expected: onUser, request: () => ({ path: '/api/audit-log' }) },
  // Logout last for each user: it ends the session the other cells use.
  { method: 'POST', route: '/api/auth/logout', expected: anyone, request: () => ({ path: '/api/auth/logout' }) },
  // Wrong credentials: 401 whoever asks (the login itself is tested in routes/auth.test.ts).
  { method: 'POST', route: '/api/auth/login', expected: () => 401, open: true, request: (_t, n) => ({ path: '/api/auth/login', body: { username: 'nobody', password: `x${n}` } }) },
];

function outcome(status: number): Outcome {
  return status === 401 || status === 403 || status === 404 ? status : 'allowed';
}

describeStores('access matrix', (store) => {
  let api: TestApi;
  const targets = {} as Record<Side, Target>;
  let counter = 0;

  beforeAll(async () => {
    await emptyStore(store());
    // Renderers are not under test here (export tests cover them); the matrix needs only the authorization.
    api = createTestApi(store(), {}, { renderDocx: async () => new Uint8Array([0x50, 0x4b]), renderXlsx: async () => new Uint8Array([0x50, 0x4b]), convert: async () => ({ ok: true, bytes: new Uint8Array([0x25, 0x50]) }) });
    await seedWorld(store().db, api.deps.hasher);
    for (const [side, filler, unitId, jurisdictionId] of [['own', 'filler_yy', 'u_yy', 'yy'], ['foreign', 'filler_ly', 'u_ly', 'ly']] as const) {
      const client = await api.as(filler);
      const created = await client.post('/api/evaluations', { unitId, year: 2022, kind: 'department', content: content003 });
      expect(created.status).toBe(201);
      const evaluation = (await created.json()) as { id: string; findings: { id: string }[] };
      const uploaded = await client.request('POST', `/api/units/${unitId}/imports?year=2021`, SMALL_TXT, { 'content-type': 'text/plain', 'x-filename': encodeURIComponent('报告.txt') });
      expect(uploaded.status).toBe(201);
      const imported = (await uploaded.json()) as { importId: string; documentId: string };
      const findingId = evaluation.findings[0]?.id;
      expect(findingId).toBeTruthy();
      const attached = await client.request('POST', `/api/evaluations/${evaluation.id}/attachments`, pngBytes(0), { 'content-type': 'image/png', 'x-filename': encodeURIComponent('工作照片.png') });
      expect(attached.status).toBe(201);
      const attachmentId = ((await attached.json()) as { id: string }).id;
      targets[side] = {
        unitId,
        jurisdictionId,
        evaluationId: evaluation.id,
        importId: imported.importId,
        documentId: imported.documentId,
        findingId: findingId as string,
        userId: `user_${filler}`,
        attachmentId,
        newAttachmentId: async () => {
          // Written directly, like the grants below: only the DELETE is under test.
          const id = `attachment_tmp_${++counter}`;
          const bytes = pngBytes(100_000 + counter);
          await store().db.insertInto('attachments').values({ id, evaluation_id: evaluation.id, file_name: `${id}.png`, media_type: 'image/png', size: bytes.length, sha256: id, description: null, bytes, uploaded_by: `user_${filler}` }).execute();
          return id;
        },
        grantId: async () => {
          // A grant of its own for each DELETE cell, so that deleting it changes nothing else.
          const id = `grant_tmp_${++counter}`;
          await store().db.insertInto('role_grants').values({ id, user_id: `user_${filler}`, role: 'filler', unit_id: unitId, jurisdiction_id: null }).execute();
          return id;
        },
      };
    }
  }, 120_000);

  afterAll(() => {
    counter = 0;
  });

  it('gives every route, role and side the outcome its role allows', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const user of WORLD_USERS.map((u) => u.username as Username)) {
      const client: Client = await api.as(user);
      for (const cell of CELLS) {
        for (const side of ['own', 'foreign'] as const) {
          const { path, body, headers } = await cell.request(targets[side], ++counter);
          const res = await client.request(cell.method, path, body, headers);
          await res.arrayBuffer();
          cells++;
          const want = cell.expected(user, side);
          const got = outcome(res.status);
          if (got !== want) mismatches.push(`${user} ${side} ${cell.method} ${cell.route}: expected ${want}, got ${res.status}`);
          // A logout ends this user's session: log in again for the next cells.
          if (cell.route === '/api/auth/logout') break;
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every user × every route × both sides, but logout once per user (it ends the session).
    expect(cells).toBe(WORLD_USERS.length * (CELLS.length * 2 - 1));
  }, 300_000);

  it('answers 401 to every route but the public ones when not logged in', async () => {
    const anon = api.anonymous();
    const wrong: string[] = [];
    for (const cell of CELLS) {
      const { path, body, headers } = await cell.request(targets.own, ++counter);
      const res = await anon.request(cell.method, path, body, headers);
      await res.arrayBuffer();
      const want = cell.open ? (cell.route.startsWith('/api/public/reports/') ? 404 : cell.route === '/api/auth/login' ? 401 : 200) : 401;
      if (res.status !== want) wrong.push(`${cell.method} ${cell.route}: expected ${want}, got ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('never lists a unit the user may not read', async () => {
    const leaks: string[] = [];
    for (const user of WORLD_USERS.map((u) => u.username)) {
      const client = await api.as(user);
      for (const path of ['/api/evaluations', '/api/units', '/api/jurisdictions', '/api/workbench?year=2022', '/api/dashboard?jurisdictionId=hn&year=2022']) {
        const res = await client.get(path);
        const text = await res.text();
        for (const side of ['own', 'foreign'] as const) {
          const marker = side === 'own' ? '岳阳市人大常委会办公室' : '浏阳市人大常委会办公室';
          if (!reads(user, side) && text.includes(marker)) leaks.push(`${user} ${path} shows ${marker}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('answers bad input on every route with a 4xx in Chinese, never a 500', async () => {
    const admin = await api.as('admin');
    const filler = await api.as('filler_yy');
    const bad: string[] = [];
    for (const cell of CELLS) {
      if (cell.route === '/api/auth/logout') continue;
      const { path } = await cell.request(targets.own, ++counter);
      // Writes get a body of the wrong shape; every route gets ids that do not exist and a query out of range.
      const probes: [string, string, unknown][] = [
        [cell.method, path.replace(/(\/api\/(?:evaluations|imports|documents|users|units|jurisdictions|public\/reports))\/[^/?]+/, '$1/no-such-id'), undefined],
        [cell.method, `${path}${path.includes('?') ? '&' : '?'}year=abc&page=-1&pageSize=100000`, undefined],
      ];
      if (cell.method !== 'GET') probes.push([cell.method, path, 'not an object'], [cell.method, path, { unexpected: [1, 2, 3] }], [cell.method, path, BROKEN_JSON]);
      for (const client of [admin, filler]) {
        for (const [method, probePath, body] of probes) {
          const res = await client.request(method, probePath, body, body === BROKEN_JSON ? { 'content-type': 'application/json' } : {});
          const text = await res.text();
          if (res.status >= 500) bad.push(`${method} ${probePath}: ${res.status} ${text.slice(0, 120)}`);
          else if (res.status >= 400 && !/[\u4e00-\u9fff]/.test(text)) bad.push(`${method} ${probePath}: ${res.status} without a Chinese message: ${text.slice(0, 120)}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(api.logs).toEqual([]);
  });

  it('covers every route of the OpenAPI document', async () => {
    const doc = (await (await api.anonymous().get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = new Set(CELLS.map((c) => `${c.method} ${c.route}`));
    expect(documented.filter((r) => !covered.has(r))).toEqual([]);
  });
});
