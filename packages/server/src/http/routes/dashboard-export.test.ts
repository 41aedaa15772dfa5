import ExcelJS from 'exceljs';
import { beforeEach, expect, it } from 'vitest';
import { describeStores, emptyStore } from '../../../test/stores';
import { seedWorld } from '../../../test/api-world';
import { createTestApi } from '../../../test/api-client';
import { insertEvaluationRows } from '../../../test/evaluation-rows';
import type { TestApi } from '../../../test/api-client';

const insertEvaluations = insertEvaluationRows;

async function load(res: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** A row's values from column 1 (exceljs's `values` is 1-based with a hole at 0). */
function values(ws: ExcelJS.Worksheet, row: number): unknown[] {
  return (ws.getRow(row).values as unknown[]).slice(1);
}

describeStores('dashboard export API', (store) => {
  let api: TestApi;
  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    const db = store().db;
    await seedWorld(db, api.deps.hasher);
    await db
      .insertInto('units')
      .values([
        { id: 'u_yy2', jurisdiction_id: 'yy', name: '岳阳市财政局', code: '430600-002', staff_quota: 80 },
        { id: 'u_yy3', jurisdiction_id: 'yy', name: '岳阳市审计局', code: '430600-003', staff_quota: 40 },
      ])
      .execute();
    await insertEvaluations(db, [
      { id: 'e_yy', unit: 'u_yy', year: 2023, status: 'published', budget: '2092.38', executed: '2575.66', rate: '123.0971', stated: '96.50', computed: '95.50', grade: '优', warnings: 2 },
      { id: 'e_yy2', unit: 'u_yy2', year: 2023, status: 'submitted', budget: '4280.312345', executed: '4111.65', rate: '96.0596', stated: '90.00', computed: '88.25', grade: '良', errors: 1 },
      // A 项目 is not a row of the dashboard and its money is not added.
      { id: 'e_yy_p', unit: 'u_yy', year: 2023, kind: 'project', status: 'published', budget: '500', executed: '400', rate: '80.0000' },
      { id: 'e_yy_2022', unit: 'u_yy', year: 2022, status: 'published', budget: '1000', executed: '900', rate: '90.0000', stated: '85.00', computed: '80.00' },
      // 优 self-score on 60% execution, in 浏阳 (outside 岳阳).
      { id: 'e_ly', unit: 'u_ly', year: 2023, status: 'approved', budget: '100', executed: '60', rate: '60.0000', stated: '99.00', computed: '70.00', grade: '中' },
    ]);
    await db
      .insertInto('findings')
      .values([
        { id: 'f1', evaluation_id: 'e_yy', version: 1, rule: 'audit.execution-rate', severity: 'error', message: '测试' },
        { id: 'f2', evaluation_id: 'e_yy2', version: 1, rule: 'audit.execution-rate', severity: 'error', message: '测试' },
        { id: 'f3', evaluation_id: 'e_yy', version: 1, rule: 'score.total-differs', severity: 'warning', message: '测试' },
        { id: 'f4', evaluation_id: 'e_ly', version: 1, rule: 'audit.fund-parts', severity: 'error', message: '测试' },
      ])
      .execute();
  });

  it('writes the units, findings and trend of a city as numbers with exact formats, under a Chinese file name', async () => {
    const res = await (await api.as('fin_yy')).get('/api/dashboard/export.xlsx?jurisdictionId=yy&year=2023');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('岳阳市-2023年度-监督看板.xlsx')}`);
    expect(disposition).toContain('filename="download.xlsx"');
    expect(res.headers.get('cache-control')).toBe('private, no-store');

    const workbook = await load(res);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['各单位', '审查发现', '历年趋势']);

    const units = sheet(workbook, '各单位');
    expect(units.getCell('A1').value).toBe('岳阳市 2023 年度部门整体支出绩效自评情况');
    expect(values(units, 2)).toEqual(['单位', '单位编码', '地区', '状态', '预算数（万元）', '执行数（万元）', '执行率', '自评得分', '计算得分', '等级', '错误', '警告', '提示']);
    expect(values(units, 3)).toEqual(['岳阳市人大常委会办公室', '430600-001', '岳阳市', '已公开', 2092.38, 2575.66, 1.230971, 96.5, 95.5, '优', 0, 2, '执行数超过预算数']);
    expect(values(units, 4)).toEqual(['岳阳市财政局', '430600-002', '岳阳市', '已提交', 4280.312345, 4111.65, 0.960596, 90, 88.25, '良', 1, 0, '审查发现错误']);
    // The formats show each figure with exactly its own places: 6 for 4280.312345, the rate's 4 in percent.
    expect(['E3', 'E4', 'F4', 'G3', 'H4', 'I4'].map((a) => units.getCell(a).numFmt)).toEqual(['0.00', '0.000000', '0.00', '0.0000%', '0.00', '0.00']);
    expect(units.getCell('K4').numFmt).toBe('0');
    // A unit without an evaluation: a row with its status and nothing else.
    expect(values(units, 5)).toEqual(['岳阳市审计局', '430600-003', '岳阳市', '尚无评价']);
    expect(units.getCell('M5').border?.left?.style).toBe('thin');
    // 浏阳's unit is not 岳阳's reviewer's to see.
    const names: unknown[] = [];
    units.getColumn(1).eachCell((c) => names.push(c.value));
    expect(names).not.toContain('浏阳市人大常委会办公室');
    expect(units.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });

    const findings = sheet(workbook, '审查发现');
    expect(values(findings, 2)).toEqual(['规则', '说明', '严重程度', '发现数', '涉及评价']);
    expect(values(findings, 3)).toEqual(['audit.execution-rate', expect.stringContaining('执行率'), '错误', 2, 2]);
    expect(values(findings, 4)).toEqual(['score.total-differs', undefined, '警告', 1, 1]);
    expect(findings.getCell('A5').value).toBeNull();

    const trend = sheet(workbook, '历年趋势');
    expect(values(trend, 2)).toEqual(['年度', '评价数', '有金额的评价', '预算数合计（万元）', '执行数合计（万元）', '执行率', '平均计算得分']);
    expect(values(trend, 3)).toEqual([2022, 1, 1, 1000, 900, 0.9, 80]);
    // 2092.38 + 4280.312345 = 6372.692345; 2575.66 + 4111.65 = 6687.31; 6687.31 ÷ 6372.692345 = 104.9369… → 104.94%;
    // (95.50 + 88.25) ÷ 2 = 91.875 → 91.88.
    expect(values(trend, 4)).toEqual([2023, 2, 2, 6372.692345, 6687.31, 1.0494, 91.88]);
    expect(['D4', 'E4', 'F4', 'G4'].map((a) => trend.getCell(a).numFmt)).toEqual(['0.000000', '0.00', '0.00%', '0.00']);
    expect(trend.getCell('A6').value).toEqual(expect.stringContaining('执行率 = 执行数合计 ÷ 预算数合计'));
  });

  it('answers a province supervisor with every unit and 404 for a jurisdiction outside the actor’s scope', async () => {
    const province = await load(await (await api.as('npc_hn')).get('/api/dashboard/export.xlsx?jurisdictionId=hn&year=2023'));
    const units = sheet(province, '各单位');
    expect(values(units, 3)).toEqual(['浏阳市人大常委会办公室', '430181-001', '浏阳市', '已审核', 100, 60, 0.6, 99, 70, '中', 0, 0, '自评得分为优，但预算执行率低于 80%；自评得分与系统复算得分相差 5 分及以上']);
    expect(values(units, 6)[3]).toBe('尚无评价');
    expect(values(units, 6)[0]).toBe('岳阳市审计局');

    const fin = await api.as('fin_yy');
    expect((await fin.get('/api/dashboard/export.xlsx?jurisdictionId=hn&year=2023')).status).toBe(404);
    expect((await fin.get('/api/dashboard/export.xlsx?jurisdictionId=ly&year=2023')).status).toBe(404);
    expect((await fin.get('/api/dashboard/export.xlsx?jurisdictionId=nowhere&year=2023')).status).toBe(404);
    expect((await fin.get('/api/dashboard/export.xlsx?jurisdictionId=yy&year=1900')).status).toBe(400);
    expect((await api.anonymous().get('/api/dashboard/export.xlsx?jurisdictionId=yy&year=2023')).status).toBe(401);
  });
});
