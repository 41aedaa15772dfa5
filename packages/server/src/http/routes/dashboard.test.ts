import type { KyselyPlugin } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeStores, emptyStore } from '../../../test/stores';
import { seedWorld } from '../../../test/api-world';
import { createTestApi } from '../../../test/api-client';
import { insertEvaluationRows } from '../../../test/evaluation-rows';
import type { EvaluationRowSpec } from '../../../test/evaluation-rows';
import type { TestApi } from '../../../test/api-client';
import type { Database } from '../../app/store/database';
import type { Kysely } from 'kysely';

interface DashboardUnit {
  unitId: string;
  evaluationId: string | null;
  status: string | null;
  budget: string | null;
  executed: string | null;
  executionRate: string | null;
  statedScore: string | null;
  computedScore: string | null;
  errorCount: number;
  flags: string[];
}

interface Figures {
  year: number;
  evaluations: number;
  withFigures: number;
  budget: string | null;
  executed: string | null;
  executionRate: string | null;
  averageScore: string | null;
}

interface Dashboard {
  jurisdiction: { id: string; name: string };
  year: number;
  units: DashboardUnit[];
  totals: Figures & { units: number; byStatus: Record<string, number>; withoutEvaluation: number; errorCount: number; warningCount: number; flagged: number };
  findingsByRule: { rule: string; severity: string; count: number; evaluations: number }[];
  trend: Figures[];
}

type Row = EvaluationRowSpec;
const insertEvaluations = insertEvaluationRows;

async function insertFindings(db: Kysely<Database>, rows: readonly [evaluation: string, version: number, rule: string, severity: 'error' | 'warning' | 'info'][]): Promise<void> {
  await db
    .insertInto('findings')
    .values(rows.map(([evaluation, version, rule, severity], i) => ({ id: `f${i}-${evaluation}`, evaluation_id: evaluation, version, rule, severity, message: '测试' })))
    .execute();
}

describeStores('dashboard API', (store) => {
  let api: TestApi;
  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    await seedWorld(store().db, api.deps.hasher);
  });

  async function dashboard(username: string, jurisdictionId: string, year = 2023): Promise<Dashboard> {
    const res = await (await api.as(username)).get(`/api/dashboard?jurisdictionId=${jurisdictionId}&year=${year}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Dashboard;
  }

  describe('on hand-made evaluations', () => {
    beforeEach(async () => {
      const db = store().db;
      await db
        .insertInto('units')
        .values([
          { id: 'u_yy2', jurisdiction_id: 'yy', name: '岳阳市财政局', code: '430600-002', staff_quota: 80 },
          { id: 'u_yy3', jurisdiction_id: 'yy', name: '岳阳市审计局', code: '430600-003', staff_quota: 40 },
        ])
        .execute();
      await insertEvaluations(db, [
        { id: 'e_yy', unit: 'u_yy', year: 2023, status: 'published', version: 2, budget: '2092.38', executed: '2575.66', rate: '123.0971', stated: '96.50', computed: '95.50' },
        { id: 'e_yy2', unit: 'u_yy2', year: 2023, status: 'submitted', budget: '4280.31', executed: '4111.65', rate: '96.0596', stated: '90.00', computed: '88.25', errors: 1 },
        // A 项目's money is part of its unit's 部门整体 money: never added to the totals.
        { id: 'e_yy_p', unit: 'u_yy', year: 2023, kind: 'project', project: '代表履职', status: 'published', budget: '500', executed: '400', rate: '80.0000' },
        { id: 'e_yy_2022', unit: 'u_yy', year: 2022, status: 'published', budget: '1000', executed: '900', rate: '90.0000', stated: '85.00', computed: '80.00' },
        // 优 self-score on 60% execution.
        { id: 'e_ly', unit: 'u_ly', year: 2023, status: 'approved', budget: '100', executed: '60', rate: '60.0000', stated: '99.00', computed: '70.00' },
      ]);
      await insertFindings(db, [
        // Version 1 of e_yy was replaced: its finding no longer counts.
        ['e_yy', 1, 'old.rule', 'error'],
        ['e_yy', 2, 'arith.sum', 'error'],
        ['e_yy', 2, 'arith.sum', 'error'],
        ['e_yy', 2, 'text.typo', 'warning'],
        ['e_yy2', 1, 'arith.sum', 'error'],
        ['e_ly', 1, 'arith.sum', 'error'],
        ['e_ly', 1, 'exec.rate', 'warning'],
      ]);
    });

    it('sums a city’s budgets exactly and computes the overall rate once, 四舍五入', async () => {
      const d = await dashboard('fin_yy', 'yy');
      expect(d.jurisdiction).toEqual({ id: 'yy', name: '岳阳市' });
      expect(d.units.map((u) => [u.unitId, u.evaluationId, u.status, u.budget, u.executed, u.flags])).toEqual([
        ['u_yy', 'e_yy', 'published', '2092.380000', '2575.660000', ['executed-above-budget']],
        ['u_yy2', 'e_yy2', 'submitted', '4280.310000', '4111.650000', ['has-errors']],
        ['u_yy3', null, null, null, null, []],
      ]);
      // 2092.38 + 4280.31 = 6372.69; 2575.66 + 4111.65 = 6687.31;
      // 6687.31 ÷ 6372.69 × 100 = 104.9370046… → 104.94. Mean score (95.50 + 88.25) ÷ 2 = 91.875 → 91.88.
      expect(d.totals).toEqual({
        year: 2023,
        evaluations: 2,
        withFigures: 2,
        budget: '6372.690000',
        executed: '6687.310000',
        executionRate: '104.94',
        averageScore: '91.88',
        units: 3,
        byStatus: { draft: 0, submitted: 1, returned: 0, approved: 0, published: 1 },
        withoutEvaluation: 1,
        errorCount: 1,
        warningCount: 0,
        flagged: 2,
      });
      expect(d.findingsByRule).toEqual([
        { rule: 'arith.sum', severity: 'error', count: 3, evaluations: 2 },
        { rule: 'text.typo', severity: 'warning', count: 1, evaluations: 1 },
      ]);
      expect(d.trend).toEqual([
        { year: 2022, evaluations: 1, withFigures: 1, budget: '1000.000000', executed: '900.000000', executionRate: '90.00', averageScore: '80.00' },
        { year: 2023, evaluations: 2, withFigures: 2, budget: '6372.690000', executed: '6687.310000', executionRate: '104.94', averageScore: '91.88' },
      ]);
    });

    it('flags a 优 self-score on execution under 80%, and never shows 岳阳’s reviewer a unit of 浏阳', async () => {
      const province = await dashboard('npc_hn', 'hn');
      expect(province.units.map((u) => u.unitId)).toEqual(['u_ly', 'u_yy', 'u_yy2', 'u_yy3']);
      // 99 ≥ 90 with 60% < 80%; and 99 − 70 = 29 ≥ 5 points from the recomputed score.
      expect(province.units[0]).toMatchObject({ unitId: 'u_ly', statedScore: '99.00', executionRate: '60.0000', flags: ['score-above-execution', 'score-differs'] });
      // 6372.69 + 100 = 6472.69; 6687.31 + 60 = 6747.31; 6747.31 ÷ 6472.69 × 100 = 104.2427… → 104.24;
      // (95.50 + 88.25 + 70.00) ÷ 3 = 84.5833… → 84.58.
      expect(province.totals).toMatchObject({ budget: '6472.690000', executed: '6747.310000', executionRate: '104.24', averageScore: '84.58', units: 4 });
      expect(province.findingsByRule.map((f) => [f.rule, f.count, f.evaluations])).toEqual([
        ['arith.sum', 4, 3],
        ['exec.rate', 1, 1],
        ['text.typo', 1, 1],
      ]);

      const city = await dashboard('fin_yy', 'yy');
      expect(city.units.map((u) => u.unitId)).not.toContain('u_ly');
      expect(city.findingsByRule.map((f) => f.rule)).not.toContain('exec.rate');
      const fin = await api.as('fin_yy');
      expect((await fin.get('/api/dashboard?jurisdictionId=hn&year=2023')).status).toBe(404);
      expect((await fin.get('/api/dashboard?jurisdictionId=cs&year=2023')).status).toBe(404);
      // A unit's own users see their unit's row only.
      expect((await dashboard('filler_yy', 'yy')).units.map((u) => u.unitId)).toEqual(['u_yy']);
    });

    it('drills down to one unit’s evaluations over the years, with finding counts of the current version', async () => {
      const res = await (await api.as('npc_yy')).get('/api/dashboard/units/u_yy');
      expect(res.status).toBe(200);
      const history = (await res.json()) as { unit: { name: string; jurisdictionName: string }; evaluations: { id: string; year: number; kind: string; findings: unknown; flags: string[] }[] };
      expect(history.unit).toMatchObject({ name: '岳阳市人大常委会办公室', jurisdictionName: '岳阳市' });
      expect(history.evaluations.map((e) => [e.id, e.year, e.kind, e.findings, e.flags])).toEqual([
        ['e_yy', 2023, 'department', { error: 2, warning: 1, info: 0 }, ['executed-above-budget']],
        ['e_yy_p', 2023, 'project', { error: 0, warning: 0, info: 0 }, []],
        // 85 − 80 = 5 points: at the threshold, flagged.
        ['e_yy_2022', 2022, 'department', { error: 0, warning: 0, info: 0 }, ['score-differs']],
      ]);
      expect((await (await api.as('fin_yy')).get('/api/dashboard/units/u_ly')).status).toBe(404);
      expect((await api.anonymous().get('/api/dashboard/units/u_yy')).status).toBe(401);
    });
  });

  it('answers 50 units × 10 years with the same few queries as 2 units', async () => {
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const counted = createTestApi(store(), {}, { db: store().db.withPlugin(counting) });
    const client = await counted.as('npc_hn');
    const measure = async () => {
      queries = 0;
      const res = await client.get('/api/dashboard?jurisdictionId=hn&year=2023');
      expect(res.status).toBe(200);
      return { queries, body: (await res.json()) as Dashboard };
    };
    const small = await measure();
    expect(small.body.units).toHaveLength(2);

    const db = store().db;
    const units = Array.from({ length: 50 }, (_, i) => ({ id: `b${i}`, jurisdiction_id: i % 2 ? 'yy' : 'ly', name: `单位${i}`, code: `B-${String(i).padStart(3, '0')}`, staff_quota: 10 }));
    await db.insertInto('units').values(units).execute();
    const rows: Row[] = units.flatMap((u, i) =>
      Array.from({ length: 10 }, (_, y) => ({ id: `${u.id}-${2014 + y}`, unit: u.id, year: 2014 + y, status: 'published' as const, budget: `${1000 + i}.25`, executed: `${900 + i}.5`, rate: '90.0000', stated: '92.00', computed: '91.50' })),
    );
    await insertEvaluations(db, rows);
    await insertFindings(
      db,
      rows.flatMap((r) => [
        [r.id, 1, 'arith.sum', 'error'],
        [r.id, 1, 'text.typo', 'warning'],
        [r.id, 1, 'exec.rate', 'info'],
      ]),
    );
    const large = await measure();
    expect(large.body.units).toHaveLength(52);
    expect(large.body.trend.map((t) => t.year)).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    // Σ(1000 + i).25 over i = 0…49 = 50 × 1000.25 + 1225 = 51237.5; Σ(900 + i).5 = 50 × 900.5 + 1225 = 46250.
    expect(large.body.totals).toMatchObject({ evaluations: 50, budget: '51237.500000', executed: '46250.000000', executionRate: '90.27' });
    expect(large.body.findingsByRule).toEqual([
      { rule: 'arith.sum', severity: 'error', count: 50, evaluations: 50 },
      { rule: 'exec.rate', severity: 'info', count: 50, evaluations: 50 },
      { rule: 'text.typo', severity: 'warning', count: 50, evaluations: 50 },
    ]);
    // No query per unit or per year: the session's, the jurisdiction's, and three aggregates.
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(8);
  });
});
