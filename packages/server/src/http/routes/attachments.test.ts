import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeEach, expect, it } from 'vitest';
import { createTestApi } from '../../../test/api-client';
import type { Client, TestApi } from '../../../test/api-client';
import { seedWorld } from '../../../test/api-world';
import { fixturePath } from '../../../test/seed-fixtures';
import { describeStores, emptyStore } from '../../../test/stores';
import { rgbPng } from '../../../test/png';

/** A real PDF (seed 001 printed to PDF, 224 622 bytes) and a real .docx. */
const PDF = new Uint8Array(readFileSync(new URL('../../../test/fixtures/formats/seed-001.pdf', import.meta.url)));
const DOCX = new Uint8Array(readFileSync(new URL('../../../test/fixtures/formats/seed-001.docx', import.meta.url)));

/** A real 2×1 PNG: one red, one white pixel. */
const PNG = new Uint8Array(rgbPng(2, 1, (x) => (x === 0 ? [0xff, 0, 0] : [0xff, 0xff, 0xff])));
const HTML = new TextEncoder().encode('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
/** The start of a Windows program (MZ header) and more. */
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);

const NOTICE = '绩效自评通知（盖章）.pdf';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Attachment {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  description: string | null;
  uploadedBy: { id: string; username: string; displayName: string };
  uploadedAt: string;
}

interface ErrorBody {
  error: { code: string; message: string };
}

const body = async <T>(res: Response) => (await res.json()) as T;

describeStores('attachments API', (store) => {
  let api: TestApi;
  let filler: Client;
  let id: string;

  const upload = (client: Client, name: string, bytes: Uint8Array, extra: Record<string, string> = {}, evaluationId = id) =>
    client.request('POST', `/api/evaluations/${evaluationId}/attachments`, bytes, { 'content-type': 'application/octet-stream', 'x-filename': encodeURIComponent(name), ...extra });
  const count = async () => (await store().db.selectFrom('attachments').select('id').execute()).length;

  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    await seedWorld(store().db, api.deps.hasher);
    filler = await api.as('filler_yy');
    const created = await filler.post('/api/evaluations', { unitId: 'u_yy', year: 2022, kind: 'department', content: JSON.parse(readFileSync(fixturePath('003'), 'utf8')) });
    expect(created.status).toBe(201);
    id = (await body<{ id: string }>(created)).id;
  });

  it('takes a PDF and a PNG from the 填报人, lists them newest first to readers, and gives the bytes back unchanged', async () => {
    const pdf = await upload(filler, NOTICE, PDF, { 'x-description': encodeURIComponent('布置工作·自评通知\n（2023 年 2 月印发）') });
    expect(pdf.status).toBe(201);
    const notice = await body<Attachment>(pdf);
    expect(notice).toEqual({
      id: expect.any(String) as unknown,
      fileName: NOTICE,
      mediaType: 'application/pdf',
      size: 224_622,
      sha256: sha256(PDF),
      description: '布置工作·自评通知\n（2023 年 2 月印发）',
      uploadedBy: { id: 'user_filler_yy', username: 'filler_yy', displayName: '岳阳填报人' },
      uploadedAt: expect.any(String) as unknown,
    });
    api.advance(1000);
    // Declared as text/plain by a careless client: the type stored is the one the bytes and the name show.
    const image = await upload(filler, '工作小组合影.PNG', PNG, { 'content-type': 'text/plain' });
    expect(image.status).toBe(201);
    const photo = await body<Attachment>(image);
    // 8 signature + (12 + 13) IHDR + (12 + 15) IDAT + 12 IEND = 72 bytes.
    expect(photo).toMatchObject({ fileName: '工作小组合影.PNG', mediaType: 'image/png', size: 72, description: null });
    api.advance(1000);
    expect((await upload(filler, '自评报告.docx', DOCX)).status).toBe(201);

    const reader = await api.as('fin_yy');
    const listed = await body<{ items: Attachment[] }>(await reader.get(`/api/evaluations/${id}/attachments`));
    expect(listed.items.map((a) => [a.fileName, a.mediaType, a.size])).toEqual([
      ['自评报告.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', DOCX.length],
      ['工作小组合影.PNG', 'image/png', 72],
      [NOTICE, 'application/pdf', 224_622],
    ]);
    expect(listed.items[2]).toEqual(notice);

    const download = await reader.get(`/api/evaluations/${id}/attachments/${notice.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent(NOTICE)}`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(bytes.length).toBe(PDF.length);
    expect(Buffer.compare(bytes, PDF)).toBe(0);
    expect(Buffer.compare(new Uint8Array(await (await reader.get(`/api/evaluations/${id}/attachments/${photo.id}`)).arrayBuffer()), PNG)).toBe(0);

    const log = await store().db.selectFrom('audit_log').select(['action', 'user_id', 'entity_id', 'after']).where('action', '=', 'attachment-add').orderBy('id').execute();
    expect(log.map((l) => [l.action, l.user_id, l.entity_id, (l.after as { fileName: string }).fileName])).toEqual([
      ['attachment-add', 'user_filler_yy', id, NOTICE],
      ['attachment-add', 'user_filler_yy', id, '工作小组合影.PNG'],
      ['attachment-add', 'user_filler_yy', id, '自评报告.docx'],
    ]);

    // Outside the reader's scope the files do not exist.
    const foreign = await api.as('fin_ly');
    expect((await foreign.get(`/api/evaluations/${id}/attachments`)).status).toBe(404);
    expect((await foreign.get(`/api/evaluations/${id}/attachments/${notice.id}`)).status).toBe(404);
  });

  it('refuses pages and programs renamed .pdf (415), an empty body (400), a file over the cap (413) and the same file twice (409)', async () => {
    const refused = async (res: Response, status: number, code: string, message: string, details?: unknown) => {
      expect(res.status).toBe(status);
      expect((await body<ErrorBody>(res)).error).toEqual({ code, message, ...(details ? { details } : {}) });
    };
    await refused(await upload(filler, '通知.pdf', HTML), 415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的佐证材料格式：“通知.pdf”的内容不是 PDF 文件，与扩展名 .pdf 不符（支持 PDF、图片、Word、Excel、OFD、ZIP）');
    await refused(await upload(filler, 'setup.pdf', EXE), 415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的佐证材料格式：“setup.pdf”的内容不是 PDF 文件，与扩展名 .pdf 不符（支持 PDF、图片、Word、Excel、OFD、ZIP）');
    await refused(await upload(filler, '页面.html', HTML), 415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的佐证材料格式：“页面.html”的类型 .html 不在支持之列（支持 PDF、图片、Word、Excel、OFD、ZIP）');
    await refused(await upload(filler, '空.pdf', new Uint8Array(0)), 400, 'BAD_REQUEST', '没有收到文件内容：请把文件的原始字节作为请求体上传');
    await refused(await upload(filler, NOTICE, PDF, { 'x-description': '%E4%B8' }), 400, 'BAD_REQUEST', '请求头 X-Description 中的说明无效：应为 UTF-8 百分号编码（encodeURIComponent）的文字');

    await refused(await upload(filler, NOTICE, PDF, { 'x-description': encodeURIComponent('说'.repeat(501)) }), 400, 'BAD_REQUEST', '说明不能超过 500 字（现有 501 字）');

    const small = createTestApi(store(), { attachmentMaxBytes: 64 * 1024 });
    await refused(await upload(await small.as('filler_yy'), NOTICE, PDF), 413, 'PAYLOAD_TOO_LARGE', '文件过大：上传的文件不能超过 64 KB，请压缩图片或拆分文件后再上传', { maxBytes: 65_536 });
    expect(await count()).toBe(0);

    // 500 characters of description are the most (9 bytes each once percent-encoded).
    expect((await upload(filler, NOTICE, PDF, { 'x-description': encodeURIComponent('说'.repeat(500)) })).status).toBe(201);
    // The same bytes under another name are the same file.
    await refused(await upload(filler, '通知-副本.pdf', PDF), 409, 'CONFLICT', `已上传过相同的文件：${NOTICE}`);
    expect(await count()).toBe(1);
  });

  it('lets only the 填报人 add or remove files, and only while the evaluation is 草稿 or 退回修改', async () => {
    const added = await body<Attachment>(await upload(filler, NOTICE, PDF));
    for (const user of ['head_yy', 'fin_yy', 'npc_yy']) {
      const client = await api.as(user);
      const res = await upload(client, '照片.png', PNG);
      expect(res.status).toBe(403);
      expect((await body<ErrorBody>(res)).error.message).toBe('您没有权限为此评价上传佐证材料');
      expect((await client.del(`/api/evaluations/${id}/attachments/${added.id}`)).status).toBe(403);
    }
    expect((await upload(await api.as('filler_ly'), '照片.png', PNG)).status).toBe(404);

    const head = await api.as('head_yy');
    expect((await head.post(`/api/evaluations/${id}/submit`, { version: 1, acknowledgeErrors: true })).status).toBe(200);
    const late = await upload(filler, '照片.png', PNG);
    expect(late.status).toBe(409);
    expect((await body<ErrorBody>(late)).error).toEqual({ code: 'INVALID_TRANSITION', message: '只有“草稿”或“退回修改”的评价可以上传佐证材料，当前为“已提交”', details: { status: 'submitted', statusLabel: '已提交' } });
    const removal = await filler.del(`/api/evaluations/${id}/attachments/${added.id}`);
    expect(removal.status).toBe(409);
    expect((await body<ErrorBody>(removal)).error.message).toBe('只有“草稿”或“退回修改”的评价可以删除佐证材料，当前为“已提交”');
    // Readers still read them.
    expect((await body<{ items: Attachment[] }>(await head.get(`/api/evaluations/${id}/attachments`))).items).toHaveLength(1);

    // Returned for changes: files can be added again.
    expect((await (await api.as('fin_yy')).post(`/api/evaluations/${id}/return`, { comments: [{ body: '请补充工作小组成立文件' }] })).status).toBe(200);
    expect((await upload(filler, '工作小组文件.png', PNG)).status).toBe(201);
    expect(await count()).toBe(2);
  });

  it('deletes a file, logs what it was, and answers 404 for it afterwards and for another evaluation’s file', async () => {
    const added = await body<Attachment>(await upload(filler, NOTICE, PDF, { 'x-description': encodeURIComponent('自评通知') }));
    const other = await filler.post('/api/evaluations', { unitId: 'u_yy', year: 2023, kind: 'department', content: { ...JSON.parse(readFileSync(fixturePath('003'), 'utf8')), year: 2023 } });
    const otherId = (await body<{ id: string }>(other)).id;
    // Another evaluation's file, asked for under this one: not found, not deleted.
    expect((await filler.get(`/api/evaluations/${otherId}/attachments/${added.id}`)).status).toBe(404);
    expect((await filler.del(`/api/evaluations/${otherId}/attachments/${added.id}`)).status).toBe(404);
    expect((await filler.get(`/api/evaluations/${id}/attachments/${randomUUID()}`)).status).toBe(404);

    const removed = await filler.del(`/api/evaluations/${id}/attachments/${added.id}`);
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    expect((await body<{ items: Attachment[] }>(await filler.get(`/api/evaluations/${id}/attachments`))).items).toEqual([]);
    const gone = await filler.get(`/api/evaluations/${id}/attachments/${added.id}`);
    expect(gone.status).toBe(404);
    expect((await body<ErrorBody>(gone)).error.message).toBe('未找到佐证材料，或您无权查看');
    expect((await filler.del(`/api/evaluations/${id}/attachments/${added.id}`)).status).toBe(404);
    const log = await store().db.selectFrom('audit_log').select(['user_id', 'entity_id', 'before']).where('action', '=', 'attachment-remove').execute();
    expect(log).toEqual([
      { user_id: 'user_filler_yy', entity_id: id, before: { attachmentId: added.id, fileName: NOTICE, mediaType: 'application/pdf', size: 224_622, sha256: sha256(PDF), description: '自评通知' } },
    ]);
    // The same file may come back once it is gone.
    expect((await upload(filler, NOTICE, PDF)).status).toBe(201);
  });

  it('holds at most 50 files and 200 MB per evaluation', async () => {
    // 49 small files already there (written directly: the limit reads the rows, not how they came).
    await store()
      .db.insertInto('attachments')
      .values(Array.from({ length: 49 }, (_, i) => ({ id: `a${i}`, evaluation_id: id, file_name: `材料${i}.pdf`, media_type: 'application/pdf', size: 6, sha256: sha256(new TextEncoder().encode(`%PDF-${i}`)), description: null, bytes: new TextEncoder().encode(`%PDF-${i}`), uploaded_by: 'user_filler_yy' })))
      .execute();
    expect((await upload(filler, '第50个.png', PNG)).status).toBe(201);
    const full = await upload(filler, NOTICE, PDF);
    expect(full.status).toBe(409);
    expect((await body<ErrorBody>(full)).error).toEqual({ code: 'CONFLICT', message: '每个评价最多 50 个佐证材料，此评价已有 50 个：请删除不需要的文件，或把多个文件打包成 ZIP 后再上传' });

    // One file that, as recorded, takes 200 MB − 100 KB: the 224 622-byte PDF (219.4 KB) no longer fits.
    await store().db.deleteFrom('attachments').where('evaluation_id', '=', id).execute();
    await store()
      .db.insertInto('attachments')
      .values({ id: 'big', evaluation_id: id, file_name: '扫描件.zip', media_type: 'application/zip', size: 200 * 1024 * 1024 - 100 * 1024, sha256: 'x', description: null, bytes: new Uint8Array([0x50, 0x4b, 3, 4]), uploaded_by: 'user_filler_yy' })
      .execute();
    const heavy = await upload(filler, NOTICE, PDF);
    expect(heavy.status).toBe(409);
    expect((await body<ErrorBody>(heavy)).error.message).toBe('每个评价的佐证材料合计不能超过 200 MB：此评价已有 199.9 MB，这个文件 219.4 KB；请压缩或删除不需要的文件后再上传');
    // 72 bytes still fit.
    expect((await upload(filler, '照片.png', PNG)).status).toBe(201);
  });
});
