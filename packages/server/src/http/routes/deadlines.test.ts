import { beforeEach, describe, expect, it } from 'vitest';
import { describeStores, emptyStore } from '../../../test/stores';
import { seedWorld } from '../../../test/api-world';
import { createTestApi } from '../../../test/api-client';
import type { TestApi } from '../../../test/api-client';
import { chinaToday, daysLeft, isCalendarDate } from '../../app/admin/deadlines';

interface Deadline {
  kind: string;
  label: string;
  dueDate: string | null;
  setAt: { jurisdictionId: string; jurisdictionName: string } | null;
  basis: string | null;
  inherited: boolean;
  daysLeft: number | null;
  overdue: boolean;
}

describe('deadline days', () => {
  it('counts calendar days in Beijing time, whatever the server zone', () => {
    // 2024-06-10 10:00 in Beijing.
    expect(daysLeft('2024-06-20', new Date('2024-06-10T02:00:00Z'))).toBe(10);
    // 2024-06-19 23:59 UTC is already 06-20 07:59 in Beijing: the day itself, 0 left, not overdue.
    expect(chinaToday(new Date('2024-06-19T23:59:00Z'))).toBe('2024-06-20');
    expect(daysLeft('2024-06-20', new Date('2024-06-19T23:59:00Z'))).toBe(0);
    // 2024-06-20 16:00 UTC is 06-21 00:00 in Beijing.
    expect(daysLeft('2024-06-20', new Date('2024-06-20T16:00:00Z'))).toBe(-1);
    // Across a month and a leap day: 2024-02-28 → 2024-03-01 is 2 days.
    expect(daysLeft('2024-03-01', new Date('2024-02-28T04:00:00Z'))).toBe(2);
  });

  it('accepts real calendar dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-6-20')).toBe(false);
  });
});

describeStores('deadlines API', (store) => {
  let api: TestApi;
  let clock: Date;
  beforeEach(async () => {
    await emptyStore(store());
    // 2024-06-10 10:00 in Beijing.
    clock = new Date('2024-06-10T02:00:00Z');
    api = createTestApi(store(), {}, { now: () => clock });
    await seedWorld(store().db, api.deps.hasher);
  });

  async function deadlines(username: string, jurisdictionId: string, year: number): Promise<Deadline[]> {
    const res = await (await api.as(username)).get(`/api/deadlines?jurisdictionId=${jurisdictionId}&year=${year}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { deadlines: Deadline[] }).deadlines;
  }

  it('publishes by 6月20日 of the next year by default, with the days left on a fixed clock', async () => {
    const list = await deadlines('filler_ly', 'ly', 2023);
    expect(list.map((d) => [d.kind, d.label, d.dueDate, d.daysLeft, d.overdue])).toEqual([
      ['submit', '单位提交自评报告', null, null, false],
      ['review', '财政部门完成审核', null, null, false],
      ['publish', '自评报告公开', '2024-06-20', 10, false],
    ]);
    expect(list[2]?.setAt).toBeNull();
    expect(list[2]?.basis).toMatch(/湘财绩〔2025〕2号/);
    // A day after the deadline (2024-06-21 10:00 in Beijing) it is overdue.
    clock = new Date('2024-06-21T02:00:00Z');
    expect((await deadlines('filler_ly', 'ly', 2023))[2]).toMatchObject({ dueDate: '2024-06-20', daysLeft: -1, overdue: true });
  });

  it('lets a reviewer set their city’s dates; the nearest setting wins, kind by kind', async () => {
    const fin = await api.as('fin_yy');
    const res = await fin.put('/api/jurisdictions/yy/deadlines/2023', { submit: '2024-04-30', review: '2024-05-31' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { deadlines: Deadline[] }).deadlines.map((d) => [d.kind, d.dueDate, d.setAt?.jurisdictionName ?? null, d.inherited])).toEqual([
      ['submit', '2024-04-30', '岳阳市', false],
      ['review', '2024-05-31', '岳阳市', false],
      ['publish', '2024-06-20', null, true],
    ]);
    // The province moves publication earlier: 岳阳 inherits it, and so does 浏阳 (two levels down).
    expect((await (await api.as('fin_hn')).put('/api/jurisdictions/hn/deadlines/2023', { publish: '2024-06-15', submit: '2024-04-15' })).status).toBe(200);
    expect((await deadlines('filler_yy', 'yy', 2023)).map((d) => [d.dueDate, d.setAt?.jurisdictionId ?? null, d.daysLeft])).toEqual([
      ['2024-04-30', 'yy', -41],
      ['2024-05-31', 'yy', -10],
      ['2024-06-15', 'hn', 5],
    ]);
    expect((await deadlines('head_ly', 'ly', 2023)).map((d) => d.dueDate)).toEqual(['2024-04-15', null, '2024-06-15']);
    // Another year is untouched.
    expect((await deadlines('fin_yy', 'yy', 2024)).map((d) => d.dueDate)).toEqual([null, null, '2025-06-20']);
    // null removes 岳阳's own date: the province's applies again.
    await fin.put('/api/jurisdictions/yy/deadlines/2023', { submit: null });
    expect((await deadlines('fin_yy', 'yy', 2023))[0]).toMatchObject({ dueDate: '2024-04-15', setAt: { jurisdictionId: 'hn' }, inherited: true });
    const log = await store().db.selectFrom('audit_log').select(['user_id', 'entity_id', 'before', 'after']).where('action', '=', 'deadlines-set').orderBy('id').execute();
    expect(log.map((l) => [l.user_id, l.entity_id, l.before, l.after])).toEqual([
      ['user_fin_yy', 'yy', { year: 2023 }, { year: 2023, submit: '2024-04-30', review: '2024-05-31' }],
      ['user_fin_hn', 'hn', { year: 2023 }, { year: 2023, submit: '2024-04-15', publish: '2024-06-15' }],
      ['user_fin_yy', 'yy', { year: 2023, submit: '2024-04-30', review: '2024-05-31' }, { year: 2023, review: '2024-05-31' }],
    ]);
  });

  it('refuses dates out of order, outside the next year, or not dates, and stores none of them', async () => {
    const admin = await api.as('admin');
    const order = await admin.put('/api/jurisdictions/yy/deadlines/2023', { submit: '2024-06-25' });
    expect(order.status).toBe(400);
    expect(((await order.json()) as { error: { message: string } }).error.message).toBe('“自评报告公开”（2024-06-20）不能早于“单位提交自评报告”（2024-06-25）');
    const year = await admin.put('/api/jurisdictions/yy/deadlines/2023', { review: '2023-12-31' });
    expect(((await year.json()) as { error: { message: string } }).error.message).toBe('2023 年度的“财政部门完成审核”期限应在 2024 年内，收到 2023-12-31');
    const bad = await admin.put('/api/jurisdictions/yy/deadlines/2023', { publish: '2024-02-30' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('publish：日期应为有效的 yyyy-mm-dd');
    expect(await store().db.selectFrom('deadlines').selectAll().execute()).toEqual([]);
  });

  it('keeps dates to administrators and reviewers of the jurisdiction', async () => {
    expect((await (await api.as('npc_yy')).put('/api/jurisdictions/yy/deadlines/2023', { submit: '2024-04-30' })).status).toBe(403);
    expect((await (await api.as('filler_yy')).put('/api/jurisdictions/yy/deadlines/2023', { submit: '2024-04-30' })).status).toBe(403);
    expect((await (await api.as('fin_yy')).put('/api/jurisdictions/ly/deadlines/2023', { submit: '2024-04-30' })).status).toBe(404);
    expect((await (await api.as('fin_yy')).get('/api/deadlines?jurisdictionId=hn&year=2023')).status).toBe(404);
  });
});
