import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi } from '../../../test/api-client';
import type { Client, TestApi } from '../../../test/api-client';
import { seedWorld } from '../../../test/api-world';
import { seedBytes } from '../../../test/seed-fixtures';
import { describeStores, emptyStore } from '../../../test/stores';
import type { OfficeConverter } from '../../app/ports';
import { contentDisposition } from './exports';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Accepted {
  evaluations: { id: string; kind: string; projectName: string }[];
}

const disposition = (name: string) => `attachment; filename="download.${name.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Every XML part of an Office file, as text: where a name is written differs between Word and Excel. */
async function xmlOf(bytes: ArrayBuffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) parts[name] = await (zip.file(name) as JSZip.JSZipObject).async('string');
  return parts;
}

/** Seed 004 imported into 岳阳 2022 and accepted: one 部门整体 evaluation and its eight projects. */
async function acceptSeed004(api: TestApi): Promise<Accepted> {
  const filler = await api.as('filler_yy');
  const res = await filler.request('POST', '/api/units/u_yy/imports?year=2022', seedBytes('004'), { 'x-filename': '004.txt', 'content-type': 'text/plain' });
  const { importId } = (await res.json()) as { importId: string };
  return (await (await filler.post(`/api/imports/${importId}/accept`)).json()) as Accepted;
}

describeStores('exports API', (store) => {
  let api: TestApi;
  let accepted: Accepted;
  let reader: Client;
  const converted: { ext: string; target: string; head: string }[] = [];
  const fakePdf: OfficeConverter = async (input, ext, target) => {
    converted.push({ ext, target, head: new TextDecoder().decode(input.subarray(0, 2)) });
    return { ok: true, bytes: new TextEncoder().encode('%PDF-1.7 stand-in') };
  };

  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    await seedWorld(store().db, api.deps.hasher);
    accepted = await acceptSeed004(api);
    reader = await api.as('head_yy');
    converted.length = 0;
  });

  const department = () => accepted.evaluations.find((e) => e.kind === 'department')?.id ?? '';
  const project = (name: string) => accepted.evaluations.find((e) => e.projectName === name)?.id ?? '';

  it('exports a 部门整体 evaluation as the .docx report with every project\'s 附表', async () => {
    const res = await reader.get(`/api/evaluations/${department()}/export.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    expect(res.headers.get('content-disposition')).toBe(disposition('岳阳市人大常委会办公室-2022-绩效自评报告.docx'));
    const xml = (await xmlOf(await res.arrayBuffer()))['word/document.xml'] ?? '';
    // The report prints the unit as the report names itself.
    expect(xml).toContain('岳阳市人民代表大会常务委员会');
    expect(xml).toContain('2022年度部门整体支出绩效自评表');
    for (const name of ['业务工作经费', '人大环保世纪行', '市人大系统干部履职培训班']) expect(xml).toContain(name);
    expect(xml.split('2022年度项目支出绩效自评表').length - 1).toBeGreaterThanOrEqual(8);
  });

  it('exports the 附表 as .xlsx, a sheet per table', async () => {
    const res = await reader.get(`/api/evaluations/${department()}/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toBe(disposition('岳阳市人大常委会办公室-2022-绩效自评附表.xlsx'));
    const parts = await xmlOf(await res.arrayBuffer());
    const sheets = [...(parts['xl/workbook.xml'] ?? '').matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    // Projects in the order of their names (as the evaluations API lists a department's children).
    expect(sheets).toEqual(['基础数据表', '部门整体支出绩效自评表', '业务工作经费', '人大代表', '人大会议', '人大环保世纪行', '人大监督', '人大立法', '市人大系统干部履职培训班', '运行维护经费']);
    expect(Object.values(parts).some((x) => x.includes('岳阳市人民代表大会常务委员会'))).toBe(true);
  });

  it('exports a 项目 evaluation on its own', async () => {
    const res = await reader.get(`/api/evaluations/${project('人大代表')}/export.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(disposition('岳阳市人大常委会办公室-2022-人大代表-项目支出绩效自评表.docx'));
    const xml = (await xmlOf(await res.arrayBuffer()))['word/document.xml'] ?? '';
    expect(xml).toContain('人大代表');
    expect(xml).not.toContain('人大环保世纪行');
  });

  it('answers PDF with 503 where LibreOffice is not wired in or not installed', async () => {
    const res = await reader.get(`/api/evaluations/${department()}/export.pdf`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'UNAVAILABLE', message: '服务器没有安装 LibreOffice，暂不能导出 PDF；请先导出 .docx，再用 WPS 或 Word 另存为 PDF' } });
    const missing = createTestApi(store(), {}, { convert: async () => ({ ok: false, reason: 'missing', detail: 'soffice: not found' }) });
    const viaMissing = await (await missing.as('head_yy')).get(`/api/evaluations/${department()}/export.pdf`);
    expect(viaMissing.status).toBe(503);
    expect(((await viaMissing.json()) as { error: { message: string } }).error.message).toBe('生成 PDF 需要安装 LibreOffice（soffice）；可先生成 .docx 再自行转换');
  });

  it('converts the .docx report to PDF through the converter port', async () => {
    const withPdf = createTestApi(store(), {}, { convert: fakePdf });
    const res = await (await withPdf.as('head_yy')).get(`/api/evaluations/${department()}/export.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(disposition('岳阳市人大常委会办公室-2022-绩效自评报告.pdf'));
    expect(new TextDecoder().decode(await res.arrayBuffer())).toBe('%PDF-1.7 stand-in');
    // The generated .docx (a zip: "PK") went to the converter.
    expect(converted).toEqual([{ ext: 'docx', target: 'pdf', head: 'PK' }]);
  });

  it('exports only what the actor may read', async () => {
    const other = await api.as('filler_ly');
    for (const format of ['docx', 'xlsx', 'pdf']) {
      const res = await other.get(`/api/evaluations/${department()}/export.${format}`);
      expect(res.status, format).toBe(404);
    }
    expect((await (await api.as('npc_hn')).get(`/api/evaluations/${department()}/export.xlsx`)).status).toBe(200);
    expect((await api.anonymous().get(`/api/evaluations/${department()}/export.docx`)).status).toBe(401);
  });
});

describe('contentDisposition', () => {
  it('gives the UTF-8 name percent-encoded (RFC 5987) and an ASCII fallback', () => {
    expect(contentDisposition('岳阳-2022-绩效自评报告.docx')).toBe(`attachment; filename="download.docx"; filename*=UTF-8''%E5%B2%B3%E9%98%B3-2022-%E7%BB%A9%E6%95%88%E8%87%AA%E8%AF%84%E6%8A%A5%E5%91%8A.docx`);
    // ' ( ) * are not attr-chars in RFC 5987 and must be encoded; quotes in the fallback would end it early.
    expect(contentDisposition(`it's (1)*"x".pdf`)).toBe(`attachment; filename="it's (1)*_x_.pdf"; filename*=UTF-8''it%27s%20%281%29%2A%22x%22.pdf`);
  });
});
