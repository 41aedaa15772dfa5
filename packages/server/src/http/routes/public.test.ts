import { readFileSync } from 'node:fs';
import { beforeEach, expect, it } from 'vitest';
import { describeStores, emptyStore } from '../../../test/stores';
import { seedWorld } from '../../../test/api-world';
import { createTestApi } from '../../../test/api-client';
import type { TestApi } from '../../../test/api-client';
import { fixturePath } from '../../../test/seed-fixtures';
import type { EvaluationStatus } from '../../app/store/database';

interface Report {
  id: string;
  year: number;
  kind: string;
  unitName: string;
  jurisdictionName: string;
  budget: string | null;
  statedScore: string | null;
}

const seed001 = JSON.parse(readFileSync(fixturePath('001'), 'utf8')) as { title: string; indicators: Record<string, string>[] };

/** Seed 001 as published, with what the importer would add (source references) and cells a spreadsheet would misread. */
const published = {
  ...seed001,
  source: { file: 'C:\\Users\\填报人\\内部草稿.docx' },
  indicators: [
    ...seed001.indicators.map((i, n) => (n === 0 ? { ...i, source: { file: '内部草稿.docx', page: 3 } } : i)),
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度, "公众"', targetText: '=HYPERLINK("x")', actualText: '-5', weight: '1', score: '1' },
  ],
};

describeStores('public reports API', (store) => {
  let api: TestApi;
  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    await seedWorld(store().db, api.deps.hasher);
    const db = store().db;
    const rows: [string, string, number, 'department' | 'project', string, EvaluationStatus, number][] = [
      ['e_pub', 'u_yy', 2023, 'department', '', 'published', 2],
      ['e_draft', 'u_ly', 2023, 'department', '', 'draft', 1],
      ['e_approved', 'u_yy', 2023, 'project', '代表履职', 'approved', 1],
      ['e_old', 'u_ly', 2022, 'project', '乡镇人大建设', 'published', 1],
    ];
    await db
      .insertInto('evaluations')
      .values(rows.map(([id, unit, year, kind, project, status, version]) => ({ id, unit_id: unit, year, kind, project_name: project, status, current_version: version, framework_id: 'hunan-standard', budget: '32909.2', stated_score: '99.00' })))
      .execute();
    await db
      .insertInto('evaluation_versions')
      .values([
        { evaluation_id: 'e_pub', version: 1, content: JSON.stringify({ title: '第一稿（未公开）' }), reason: 'create' },
        { evaluation_id: 'e_pub', version: 2, content: JSON.stringify(published), reason: 'save' },
        { evaluation_id: 'e_draft', version: 1, content: JSON.stringify({ title: '浏阳草稿' }), reason: 'create' },
        { evaluation_id: 'e_approved', version: 1, content: JSON.stringify({ title: '已审核未公开' }), reason: 'create' },
        { evaluation_id: 'e_old', version: 1, content: JSON.stringify({ title: '乡镇人大建设', indicators: [] }), reason: 'create' },
      ])
      .execute();
  });

  async function list(query = ''): Promise<{ items: Report[]; total: number }> {
    const res = await api.anonymous().get(`/api/public/reports${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { items: Report[]; total: number };
  }

  it('lists published reports only, to anyone, with filters', async () => {
    const all = await list();
    expect(all.total).toBe(2);
    expect(all.items.map((r) => [r.id, r.year, r.unitName, r.jurisdictionName, r.budget])).toEqual([
      ['e_pub', 2023, '岳阳市人大常委会办公室', '岳阳市', '32909.200000'],
      ['e_old', 2022, '浏阳市人大常委会办公室', '浏阳市', '32909.200000'],
    ]);
    expect((await list('?jurisdictionId=cs')).items.map((r) => r.id)).toEqual(['e_old']);
    expect((await list('?year=2023')).items.map((r) => r.id)).toEqual(['e_pub']);
    expect((await list('?unitId=u_ly&year=2023')).items).toEqual([]);
    expect((await list('?jurisdictionId=nowhere')).total).toBe(0);
    // Signed in as the province's reviewer, the public list is the same: no drafts slip in.
    const signedIn = await (await api.as('fin_hn')).get('/api/public/reports');
    expect(((await signedIn.json()) as { items: Report[] }).items.map((r) => r.id)).toEqual(['e_pub', 'e_old']);
  });

  it('serves the published version’s content without source references; anything unpublished is 404', async () => {
    const res = await api.anonymous().get('/api/public/reports/e_pub');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { report: Report; content: { title: string; indicators: unknown[] } };
    expect(body.report).toMatchObject({ id: 'e_pub', year: 2023, kind: 'department', unitName: '岳阳市人大常委会办公室', statedScore: '99.00' });
    expect(body.content.title).toBe('湖南省人民政府办公厅');
    expect(body.content.indicators).toHaveLength(20);
    expect(JSON.stringify(body)).not.toMatch(/source|内部草稿|第一稿/);
    const missing = await api.anonymous().get('/api/public/reports/no-such-id');
    for (const id of ['e_draft', 'e_approved']) {
      const res = await api.anonymous().get(`/api/public/reports/${id}`);
      expect(res.status).toBe(404);
      // Same answer as an id that does not exist: nothing tells a draft exists.
      expect(await res.json()).toEqual(await missing.clone().json());
      expect((await api.anonymous().get(`/api/public/reports/${id}/data.csv`)).status).toBe(404);
    }
  });

  it('gives the indicators table as CSV for Excel: BOM, CRLF, quoting, no formulas', async () => {
    const res = await api.anonymous().get('/api/public/reports/e_pub/data.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="indicators-2023.csv"; filename*=UTF-8''${encodeURIComponent('岳阳市人大常委会办公室-2023年度绩效指标.csv')}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
    expect(lines).toHaveLength(22);
    expect(lines[0]).toBe('一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施');
    expect(lines[1]).toBe('产出指标,数量指标,省政府门户网站全年信息更新量,全年信息更新量不少于2.5万条,全年信息更新量超2.7万条,3,3,');
    expect(lines[20]).toBe('满意度指标,服务对象满意度指标,"满意度, ""公众""","\'=HYPERLINK(""x"")",-5,1,1,');
    expect(lines[21]).toBe('');
  });

  it('documents the administration, dashboard and public routes in the OpenAPI document', async () => {
    const doc = (await (await api.anonymous().get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { summary?: string }>> };
    const mine = {
      '/api/jurisdictions': ['get', 'post'],
      '/api/jurisdictions/{id}': ['patch'],
      '/api/units': ['get', 'post'],
      '/api/units/{id}': ['get', 'patch'],
      '/api/users': ['get', 'post'],
      '/api/users/{id}': ['get', 'patch'],
      '/api/users/{id}/grants': ['post'],
      '/api/users/{id}/grants/{grantId}': ['delete'],
      '/api/users/{id}/unlock': ['post'],
      '/api/jurisdictions/{id}/frameworks': ['get'],
      '/api/jurisdictions/{id}/frameworks/{year}/{kind}': ['put'],
      '/api/deadlines': ['get'],
      '/api/jurisdictions/{id}/deadlines/{year}': ['put'],
      '/api/workbench': ['get'],
      '/api/dashboard': ['get'],
      '/api/dashboard/units/{unitId}': ['get'],
      '/api/public/reports': ['get'],
      '/api/public/reports/{id}': ['get'],
      '/api/public/reports/{id}/data.csv': ['get'],
      '/api/audit-log': ['get'],
    };
    for (const [path, methods] of Object.entries(mine)) expect(Object.keys(doc.paths[path] ?? {}).sort(), path).toEqual(methods.sort());
    expect(doc.paths['/api/dashboard']?.get?.summary).toMatch(/^监督看板/);
  });
});
