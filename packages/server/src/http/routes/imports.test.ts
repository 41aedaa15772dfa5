import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeEach, expect, it } from 'vitest';
import { createTestApi } from '../../../test/api-client';
import type { Client, TestApi } from '../../../test/api-client';
import { seedWorld } from '../../../test/api-world';
import { seedBytes } from '../../../test/seed-fixtures';
import { describeStores, emptyStore } from '../../../test/stores';
import type { z } from '@hono/zod-openapi';
import type { figuresSchema } from './evaluations';

/** The figures as the API answers them (its own schema's type). */
type Figures = z.infer<typeof figuresSchema>;

interface ImportBody {
  importId: string;
  documentId: string;
  duplicate: boolean;
  ok: boolean;
  error?: string;
  file: string;
  unit: { id: string; name: string };
  year: number;
  reported: { unit?: string; year?: number; kind?: string };
  parts: { kind: string; title?: string }[];
  evaluations: { kind: string; title: string; frameworkId: string; figures: Figures }[];
  findings: { rule: string; severity: string; message: string; location: Record<string, unknown> | null }[];
  createdAt: string;
  result?: { report?: { evaluations: unknown[] } };
}

interface AcceptBody {
  importId: string;
  unitId: string;
  year: number;
  evaluations: { id: string; kind: string; projectName: string; parentId: string | null; status: string; version: number; created: boolean; figures: Figures }[];
}

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const json = async <T>(res: Response) => (await res.json()) as T;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const SEED_004 = seedBytes('004');
/** A Chinese name, as a browser sends it: percent-encoded UTF-8 in X-Filename. */
const SEED_004_NAME = '岳阳市人大常委会2022年度部门整体支出绩效自评报告.txt';
/** seed-004.docx cut at 20 000 bytes: the zip's central directory is gone. */
const TRUNCATED_DOCX = new Uint8Array(readFileSync(new URL('../../../test/fixtures/formats/seed-004.docx', import.meta.url))).subarray(0, 20_000);

const PROJECTS = ['业务工作经费', '运行维护经费', '人大监督', '人大立法', '人大会议', '人大代表', '市人大系统干部履职培训班', '人大环保世纪行'];

function upload(client: Client, unitId: string, year: number, bytes: Uint8Array, filename: string, contentType = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) {
  return client.request('POST', `/api/units/${unitId}/imports?year=${year}`, bytes, { 'x-filename': encodeURIComponent(filename), 'content-type': contentType, ...extra });
}

describeStores('imports API', (store) => {
  let api: TestApi;
  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    await seedWorld(store().db, api.deps.hasher);
  });

  const count = async (table: 'documents' | 'import_results' | 'evaluations' | 'evaluation_versions') =>
    Number((await store().db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it('imports seed 004 for 岳阳 2022: the figures read from the report, its projects, and the auditor\'s findings', async () => {
    const filler = await api.as('filler_yy');
    const res = await upload(filler, 'u_yy', 2022, SEED_004, SEED_004_NAME);
    expect(res.status).toBe(201);
    const body = await json<ImportBody>(res);
    expect(body).toMatchObject({ ok: true, duplicate: false, file: SEED_004_NAME, unit: { id: 'u_yy', name: '岳阳市人大常委会办公室' }, year: 2022 });
    expect(body.reported).toEqual({ unit: '岳阳市人民代表大会常务委员会', year: 2022, kind: 'department-report' });
    // The report, the 基础数据表, the 部门整体 table, eight project tables and the 考核评分表.
    expect(body.parts.map((p) => p.kind)).toEqual(['report', 'basicData', 'department', ...PROJECTS.map(() => 'project'), 'rubric']);

    const [department, ...projects] = body.evaluations;
    expect(department).toMatchObject({ kind: 'department', title: '岳阳市人民代表大会常务委员会', frameworkId: 'hunan-standard' });
    // 年度资金总额 4280.31 万元, all spent (the 部门整体支出绩效自评表, seed 004).
    expect(department?.figures).toMatchObject({ budget: '4280.310000', executed: '4280.310000', executionRate: '100.0000', statedScore: '100.00' });
    expect(projects.map((p) => p.title)).toEqual(PROJECTS);
    expect(projects.every((p) => p.kind === 'project')).toBe(true);
    // 运行维护经费: 394 of 400.03 spent; 人大代表: 256.97 of 258.2 (99.5236%, computed 9.95 + 90 = 99.95).
    expect(projects[1]?.figures).toMatchObject({ budget: '400.030000', executed: '394.000000' });
    expect(projects[5]?.figures).toMatchObject({ budget: '258.200000', executed: '256.970000', executionRate: '99.5236', computedScore: '99.95' });

    // The two project tables that claim 100% execution of money not all spent (test/audit-seeds.test.ts).
    const errors = body.findings.filter((f) => f.severity === 'error');
    expect(errors.filter((f) => f.rule === 'audit.execution-rate').map((f) => f.message)).toEqual([
      '【运行维护经费】年度资金总额执行率：394 ÷ 400.03 = 98.49%，报告称 100%；按报告所称执行率计 10 分，按金额计应为 9.85 分',
      '【人大监督】年度资金总额执行率：122.18 ÷ 124 = 98.53%，报告称 100%；按报告所称执行率计 10 分，按金额计应为 9.85 分',
    ]);
    // The third, 人大代表: 99.52% prints as 100%, but its 10 points do not follow.
    expect(body.findings.find((f) => f.rule === 'score.execution-stated-differs' && f.message.includes('256.97 ÷ 258.2'))?.severity).toBe('warning');
    // Errors first; the report names its unit differently from the unit it was filed under.
    expect(body.findings[0]?.severity).toBe('error');
    expect(body.findings.find((f) => f.rule === 'import.unit-name-differs')).toMatchObject({
      severity: 'info',
      message: '报告中的单位为“岳阳市人民代表大会常务委员会”，上传到的单位为“岳阳市人大常委会办公室”，请确认没有传错单位',
    });

    const doc = await store().db.selectFrom('documents').selectAll().executeTakeFirstOrThrow();
    expect(doc).toMatchObject({ id: body.documentId, unit_id: 'u_yy', year: 2022, filename: SEED_004_NAME, media_type: 'text/plain; charset=utf-8', size: SEED_004.byteLength, sha256: sha256(SEED_004), uploaded_by: 'user_filler_yy' });
    const stored = await store().db.selectFrom('import_results').select(['id', 'document_id', 'ok']).execute();
    expect(stored).toEqual([{ id: body.importId, document_id: body.documentId, ok: true }]);
    const log = await store().db.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'user_id']).where('action', '=', 'upload').execute();
    expect(log).toEqual([{ action: 'upload', entity: 'document', entity_id: body.documentId, user_id: 'user_filler_yy' }]);

    // The stored result reads back the same, with the importer's full output.
    const again = await json<ImportBody>(await filler.get(`/api/imports/${body.importId}`));
    expect({ ...again, result: undefined }).toEqual({ ...body, result: undefined });
    expect(again.result?.report?.evaluations).toHaveLength(9);
  });

  it('answers a corrupt file with ok:false and a Chinese finding, and it costs only that file', async () => {
    const filler = await api.as('filler_yy');
    const good = await json<ImportBody>(await upload(filler, 'u_yy', 2022, SEED_004, SEED_004_NAME));
    const res = await upload(filler, 'u_yy', 2022, TRUNCATED_DOCX, '截断的报告.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.status).toBe(201);
    const bad = await json<ImportBody>(res);
    expect(bad).toMatchObject({ ok: false, evaluations: [], parts: [] });
    expect(bad.findings).toEqual([
      { rule: 'import.docx.corrupt', severity: 'error', message: '「截断的报告.docx」的 zip 结构已损坏或文件不完整（可能在下载或复制时被截断），无法读取。', location: { file: '截断的报告.docx' }, quote: null },
    ]);
    // Kept like any upload (the original is what the unit sent), next to the good one, which is untouched.
    const list = await json<{ items: { importId: string; ok: boolean; file: string; evaluations: number; errors: number }[]; total: number }>(await filler.get('/api/units/u_yy/imports?year=2022'));
    expect(list.total).toBe(2);
    expect(list.items.map((i) => [i.file, i.ok, i.evaluations, i.errors])).toEqual([
      ['截断的报告.docx', false, 0, 1],
      [SEED_004_NAME, true, 9, 4],
    ]);
    expect(await json<ImportBody>(await filler.get(`/api/imports/${good.importId}`))).toMatchObject({ ok: true, evaluations: expect.arrayContaining([expect.objectContaining({ title: '人大代表' })]) });
    // Nothing to accept from it: the file's problem, told in Chinese.
    const accept = await filler.post(`/api/imports/${bad.importId}/accept`);
    expect(accept.status).toBe(422);
    expect((await json<ErrorBody>(accept)).error).toEqual({ code: 'UNPROCESSABLE', message: `这份文件未能导入（${bad.error}），没有可采用的评价` });
  });

  it('turns a reader\'s bug into that file\'s finding, logged for the administrator', async () => {
    const broken = createTestApi(store(), {}, { readers: { txt: async () => Promise.reject(new Error('reader exploded')) } });
    const res = await upload(await broken.as('filler_yy'), 'u_yy', 2022, SEED_004, 'a.txt');
    expect(res.status).toBe(201);
    expect((await json<ImportBody>(res)).findings).toEqual([
      { rule: 'import.internal-error', severity: 'error', message: 'a.txt：读取时发生内部错误，未能导入；请联系系统管理员', location: { file: 'a.txt' }, quote: null },
    ]);
    expect(broken.logs.some((l) => l.startsWith('导入内部错误 a.txt: Error: reader exploded'))).toBe(true);
  });

  it('refuses an upload over the size cap with 413 and stores nothing, whether or not Content-Length is sent', async () => {
    const small = createTestApi(store(), { maxUploadBytes: 64 * 1024 });
    const filler = await small.as('filler_yy');
    // Seed 004 is 66 137 bytes, just over 64 KB; no Content-Length here, so the streamed count stops it.
    expect(SEED_004.byteLength).toBe(66_137);
    const res = await upload(filler, 'u_yy', 2022, SEED_004, SEED_004_NAME);
    expect(res.status).toBe(413);
    expect(await json<ErrorBody>(res)).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: '文件过大：上传的文件不能超过 64 KB，请压缩图片或拆分文件后再上传', details: { maxBytes: 65_536 } } });
    const declared = await upload(filler, 'u_yy', 2022, SEED_004, SEED_004_NAME, 'text/plain', { 'content-length': String(SEED_004.byteLength) });
    expect(declared.status).toBe(413);
    expect(await count('documents')).toBe(0);
    expect(await count('import_results')).toBe(0);
    // Just under the cap is fine.
    expect((await upload(filler, 'u_yy', 2022, SEED_004.subarray(0, 64 * 1024), SEED_004_NAME)).status).toBe(201);
  });

  it('lets only those with the import permission upload, and hides other units', async () => {
    const foreign = await upload(await api.as('filler_ly'), 'u_yy', 2022, SEED_004, SEED_004_NAME);
    expect(foreign.status).toBe(404);
    expect((await json<ErrorBody>(foreign)).error).toEqual({ code: 'NOT_FOUND', message: '未找到单位，或您无权查看' });
    const head = await upload(await api.as('head_yy'), 'u_yy', 2022, SEED_004, SEED_004_NAME);
    expect(head.status).toBe(403);
    expect((await json<ErrorBody>(head)).error).toEqual({ code: 'FORBIDDEN', message: '您没有权限向本单位上传报告' });
    expect((await upload(api.anonymous(), 'u_yy', 2022, SEED_004, SEED_004_NAME)).status).toBe(401);
    expect(await count('documents')).toBe(0);
    // The city's finance reviewer and 人大 supervisor may import (to audit a report), the province's too.
    for (const user of ['fin_yy', 'npc_yy', 'fin_hn']) {
      const res = await upload(await api.as(user), 'u_yy', 2023, SEED_004, `${user}.txt`);
      expect(res.status, user).toBeLessThan(300);
    }
    expect((await upload(await api.as('fin_ly'), 'u_yy', 2022, SEED_004, SEED_004_NAME)).status).toBe(404);
  });

  it('hides one unit\'s imports and documents from another unit', async () => {
    const mine = await json<ImportBody>(await upload(await api.as('filler_yy'), 'u_yy', 2022, SEED_004, SEED_004_NAME));
    const other = await api.as('filler_ly');
    for (const path of [`/api/imports/${mine.importId}`, `/api/documents/${mine.documentId}`, '/api/units/u_yy/imports']) {
      expect((await other.get(path)).status, path).toBe(404);
    }
    expect((await other.post(`/api/imports/${mine.importId}/accept`)).status).toBe(404);
    // The unit head reads them but may not accept (no edit permission); so does the city's reviewer.
    const head = await api.as('head_yy');
    expect((await head.get(`/api/imports/${mine.importId}`)).status).toBe(200);
    const refused = await head.post(`/api/imports/${mine.importId}/accept`);
    expect(refused.status).toBe(403);
    expect((await json<ErrorBody>(refused)).error.message).toBe('您没有权限把导入内容采用为本单位的草稿');
    expect((await (await api.as('fin_yy')).post(`/api/imports/${mine.importId}/accept`)).status).toBe(403);
    expect(await count('evaluations')).toBe(0);
  });

  it('returns the earlier upload for the same bytes, unit and year instead of storing them twice', async () => {
    const filler = await api.as('filler_yy');
    const first = await json<ImportBody>(await upload(filler, 'u_yy', 2022, SEED_004, SEED_004_NAME));
    const res = await upload(filler, 'u_yy', 2022, SEED_004, '另一个名字.txt');
    expect(res.status).toBe(200);
    const second = await json<ImportBody>(res);
    expect(second).toEqual({ ...first, duplicate: true });
    expect(await count('documents')).toBe(1);
    // Another year is another upload (and the report's 2022 against 2023 is a warning).
    const other = await upload(filler, 'u_yy', 2023, SEED_004, SEED_004_NAME);
    expect(other.status).toBe(201);
    expect((await json<ImportBody>(other)).findings.find((f) => f.rule === 'import.year-mismatch')).toMatchObject({
      severity: 'warning',
      message: '报告所述年度为 2022 年，上传到的是 2023 年度；采用为草稿时将按 2023 年度保存，请确认年度无误',
    });
    expect(await count('documents')).toBe(2);
  });

  it('downloads the original bytes under their Chinese name (RFC 5987)', async () => {
    const filler = await api.as('filler_yy');
    const { documentId } = await json<ImportBody>(await upload(filler, 'u_yy', 2022, SEED_004, SEED_004_NAME));
    const res = await (await api.as('head_yy')).get(`/api/documents/${documentId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="download.txt"; filename*=UTF-8''${encodeURIComponent(SEED_004_NAME)}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(sha256(bytes)).toBe(sha256(SEED_004));
    expect(bytes.byteLength).toBe(66_137);
  });

  it('serves an uploaded page that could run in the browser as a plain download', async () => {
    const filler = await api.as('filler_yy');
    const html = new TextEncoder().encode('<script>alert(1)</script>');
    const { documentId, ok } = await json<ImportBody>(await upload(filler, 'u_yy', 2022, html, 'report.html', 'text/html'));
    expect(ok).toBe(false);
    const res = await filler.get(`/api/documents/${documentId}`);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="report.html"; filename*=UTF-8''report.html`);
  });

  it('validates the upload: a file name, a body, a year', async () => {
    const filler = await api.as('filler_yy');
    const noName = await filler.request('POST', '/api/units/u_yy/imports?year=2022', SEED_004, { 'content-type': 'text/plain' });
    expect(noName.status).toBe(400);
    expect((await json<ErrorBody>(noName)).error.message).toBe('x-filename：请在请求头 X-Filename 中给出文件名（UTF-8，百分号编码）');
    const badName = await filler.request('POST', '/api/units/u_yy/imports?year=2022', SEED_004, { 'x-filename': '%E5%B2', 'content-type': 'text/plain' });
    expect((await json<ErrorBody>(badName)).error.message).toBe('请求头 X-Filename 中的文件名无效：应为 UTF-8 百分号编码（encodeURIComponent）的文件名');
    const empty = await upload(filler, 'u_yy', 2022, new Uint8Array(0), 'a.txt');
    expect(empty.status).toBe(400);
    expect((await json<ErrorBody>(empty)).error.message).toBe('没有收到文件内容：请把文件的原始字节作为请求体上传');
    expect((await filler.request('POST', '/api/units/u_yy/imports', SEED_004, { 'x-filename': 'a.txt' })).status).toBe(400);
    // A path in the name is dropped: only the file's own name is kept.
    const pathName = await json<ImportBody>(await upload(filler, 'u_yy', 2022, SEED_004, '../../etc/报告.txt'));
    expect(pathName.file).toBe('报告.txt');
  });

  it('accepts an import as the unit\'s drafts, and a second accept adds versions, not evaluations', async () => {
    const filler = await api.as('filler_yy');
    const { importId } = await json<ImportBody>(await upload(filler, 'u_yy', 2022, SEED_004, SEED_004_NAME));
    const res = await filler.post(`/api/imports/${importId}/accept`);
    expect(res.status).toBe(200);
    const first = await json<AcceptBody>(res);
    expect(first).toMatchObject({ importId, unitId: 'u_yy', year: 2022 });
    const [department, ...projects] = first.evaluations;
    expect(department).toMatchObject({ kind: 'department', projectName: '', parentId: null, status: 'draft', version: 1, created: true });
    expect(department?.figures).toMatchObject({ budget: '4280.310000', executed: '4280.310000', statedScore: '100.00' });
    expect(projects.map((p) => p.projectName)).toEqual(PROJECTS);
    expect(projects.every((p) => p.parentId === department?.id && p.version === 1 && p.created)).toBe(true);
    expect(projects.find((p) => p.projectName === '运行维护经费')?.figures).toMatchObject({ budget: '400.030000', executed: '394.000000' });

    const rows = await store().db.selectFrom('evaluations').select(['id', 'kind', 'project_name', 'budget', 'year', 'framework_id']).orderBy('kind').orderBy('project_name').execute();
    expect(rows).toHaveLength(9);
    expect(rows.find((r) => r.kind === 'department')).toMatchObject({ id: department?.id, budget: '4280.310000', year: 2022, framework_id: 'hunan-standard' });
    const versions = await store().db.selectFrom('evaluation_versions').select(['evaluation_id', 'version', 'reason', 'created_by']).execute();
    expect(versions).toHaveLength(9);
    expect(versions.every((v) => v.reason === 'import' && v.version === 1 && v.created_by === 'user_filler_yy')).toBe(true);
    const log = await store().db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'import-accept').execute();
    expect(log).toEqual([{ action: 'import-accept', entity_id: importId }]);

    const again = await json<AcceptBody>(await filler.post(`/api/imports/${importId}/accept`));
    expect(again.evaluations.map((e) => [e.id, e.version, e.created])).toEqual(first.evaluations.map((e) => [e.id, 2, false]));
    expect(await count('evaluations')).toBe(9);
    expect(await count('evaluation_versions')).toBe(18);
  });

  it('refuses to accept over a submitted evaluation (409) and writes nothing', async () => {
    const filler = await api.as('filler_yy');
    const { importId } = await json<ImportBody>(await upload(filler, 'u_yy', 2022, SEED_004, SEED_004_NAME));
    const first = await json<AcceptBody>(await filler.post(`/api/imports/${importId}/accept`));
    const project = first.evaluations.find((e) => e.projectName === '人大会议');
    await store().db.updateTable('evaluations').set({ status: 'submitted' }).where('id', '=', project?.id ?? '').execute();
    const res = await filler.post(`/api/imports/${importId}/accept`);
    expect(res.status).toBe(409);
    expect(await json<ErrorBody>(res)).toEqual({
      error: {
        code: 'INVALID_TRANSITION',
        message: '项目“人大会议”（已提交）不是“草稿”或“退回修改”，不能用导入内容覆盖；只有草稿和退回修改的评价可以采用导入',
        details: { evaluations: [{ id: project?.id, title: '项目“人大会议”', status: 'submitted' }] },
      },
    });
    // The department and the seven other projects, all editable, were not touched either.
    const versions = await store().db.selectFrom('evaluations').select('current_version').execute();
    expect(versions.every((v) => v.current_version === 1)).toBe(true);
    expect(await count('evaluation_versions')).toBe(9);
  });

  it('accepts into another year when asked, and the drafts say that year', async () => {
    const filler = await api.as('filler_yy');
    const { importId } = await json<ImportBody>(await upload(filler, 'u_yy', 2022, SEED_004, SEED_004_NAME));
    const res = await filler.post(`/api/imports/${importId}/accept`, { year: 2023 });
    expect(res.status).toBe(200);
    expect((await json<AcceptBody>(res)).year).toBe(2023);
    const rows = await store().db.selectFrom('evaluations').innerJoin('evaluation_versions', 'evaluation_versions.evaluation_id', 'evaluations.id').select(['evaluations.year', 'evaluation_versions.content']).execute();
    expect(rows).toHaveLength(9);
    expect(rows.every((r) => r.year === 2023 && (r.content as { year: number }).year === 2023)).toBe(true);
  });

  it('keeps answering other requests while a PDF is being read', async () => {
    const filler = await api.as('filler_yy');
    const pdf = new Uint8Array(readFileSync(new URL('../../../test/fixtures/formats/seed-004.pdf', import.meta.url)));
    const started = performance.now();
    let uploadedAt = 0;
    const uploading = upload(filler, 'u_yy', 2022, pdf, 'seed-004.pdf', 'application/pdf').then(async (res) => {
      uploadedAt = performance.now() - started;
      return json<ImportBody>(res);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const health = await api.anonymous().get('/api/health');
    const answeredAt = performance.now() - started;
    expect(health.status).toBe(200);
    const imported = await uploading;
    expect(imported).toMatchObject({ ok: true, evaluations: expect.arrayContaining([expect.objectContaining({ title: '人大环保世纪行' })]) });
    // Reading this 456 KB PDF took 2.2–3.8 s here, and the health check sent 100 ms in was answered at
    // 130–200 ms: in the middle of the import, not after it.
    expect(uploadedAt).toBeGreaterThan(answeredAt);
  });

  it('gives the uploaded report\'s text by block and row for the findings to point into, only to those who may read the unit', async () => {
    const filler = await api.as('filler_yy');
    const mine = await json<ImportBody>(await upload(filler, 'u_yy', 2022, SEED_004, SEED_004_NAME));
    const res = await filler.get(`/api/imports/${mine.importId}/text`);
    expect(res.status).toBe(200);
    const body = await json<{ importId: string; file: string; format: string; lines: { block: number; kind: string; row?: number; text: string; cells?: string[] }[] }>(res);
    expect(body).toMatchObject({ importId: mine.importId, file: SEED_004_NAME, format: 'txt' });
    // The execution-rate finding of 运行维护经费 points at a table row; that row is in the text with its figures.
    const finding = mine.findings.find((f) => f.rule === 'audit.execution-rate' && f.message.includes('394 ÷ 400.03'));
    const at = finding?.location as { block: number; row: number } | undefined;
    expect(at).toMatchObject({ block: expect.any(Number), row: expect.any(Number) });
    const line = body.lines.find((l) => l.block === at?.block && l.row === at?.row);
    expect(line?.kind).toBe('row');
    expect(line?.text).toContain('400.03');
    expect(body.lines[0]).toMatchObject({ block: 0, kind: 'heading' });
    // Read like GET /api/imports/:id: the city's reviewer may, another unit's filler gets 404.
    expect((await (await api.as('fin_yy')).get(`/api/imports/${mine.importId}/text`)).status).toBe(200);
    const foreign = await (await api.as('filler_ly')).get(`/api/imports/${mine.importId}/text`);
    expect(foreign.status).toBe(404);
    expect((await filler.get('/api/imports/no-such-import/text')).status).toBe(404);
  });

  it('answers 422 with the reason for the text of a file that could not be read', async () => {
    const filler = await api.as('filler_yy');
    const bad = await json<ImportBody>(await upload(filler, 'u_yy', 2022, TRUNCATED_DOCX, '截断的报告.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
    expect(bad.ok).toBe(false);
    const res = await filler.get(`/api/imports/${bad.importId}/text`);
    expect(res.status).toBe(422);
    expect((await json<ErrorBody>(res)).error.message).toContain('截断的报告.docx');
  });

  it('documents the import and export routes in the OpenAPI document, the upload as raw bytes', async () => {
    const doc = await json<{ paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; parameters?: { name: string; in: string }[] }>> }>(await api.anonymous().get('/api/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/units/{unitId}/imports', '/api/imports/{id}', '/api/imports/{id}/accept', '/api/imports/{id}/text', '/api/documents/{id}', '/api/evaluations/{id}/export.docx', '/api/evaluations/{id}/export.xlsx', '/api/evaluations/{id}/export.pdf']),
    );
    const post = doc.paths['/api/units/{unitId}/imports']?.post;
    expect(Object.keys(post?.requestBody?.content ?? {})).toEqual(['application/octet-stream']);
    expect(post?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(['path:unitId', 'query:year', 'header:x-filename']));
  });

  it('lists a unit\'s imports newest first, by year, paginated', async () => {
    const filler = await api.as('filler_yy');
    await upload(filler, 'u_yy', 2022, SEED_004, SEED_004_NAME);
    await upload(filler, 'u_yy', 2023, seedBytes('001'), '001.txt');
    const all = await json<{ items: { file: string; year: number; uploadedBy: { displayName: string } | null; size: number }[]; total: number; page: number; pageSize: number }>(await filler.get('/api/units/u_yy/imports?pageSize=1'));
    expect(all).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(all.items.map((i) => [i.file, i.year, i.uploadedBy?.displayName])).toEqual([['001.txt', 2023, '岳阳填报人']]);
    const y2022 = await json<{ items: { file: string; size: number }[]; total: number }>(await filler.get('/api/units/u_yy/imports?year=2022'));
    expect(y2022.items.map((i) => [i.file, i.size])).toEqual([[SEED_004_NAME, 66_137]]);
    expect((await filler.get('/api/units/u_ly/imports')).status).toBe(404);
  });
});
