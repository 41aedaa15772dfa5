import { beforeEach, expect, it } from 'vitest';
import { describeStores, emptyStore } from '../../../test/stores';
import { seedWorld } from '../../../test/api-world';
import { createTestApi } from '../../../test/api-client';
import type { TestApi } from '../../../test/api-client';
import type { EvaluationStatus } from '../../app/store/database';

interface Task {
  kind: string;
  label: string;
  evaluationId: string | null;
  unitName: string;
  projectName: string;
  status: string | null;
  deadlineKind: string | null;
  dueDate: string | null;
  daysLeft: number | null;
  overdue: boolean;
}

interface Workbench {
  year: number;
  deadlines: { kind: string; jurisdictionName: string; dueDate: string | null; daysLeft: number | null; overdue: boolean }[];
  tasks: Task[];
  tasksTotal: number;
  counts: { byStatus: Record<EvaluationStatus, number>; withErrors: number; users?: { locked: number; disabled: number; withoutGrants: number } };
}

describeStores('workbench API', (store) => {
  let api: TestApi;
  let clock: Date;
  beforeEach(async () => {
    await emptyStore(store());
    // 2024-04-25 08:00 in Beijing: the 2023 self-evaluations are under way.
    clock = new Date('2024-04-25T00:00:00Z');
    api = createTestApi(store(), {}, { now: () => clock });
    await seedWorld(store().db, api.deps.hasher);
    const db = store().db;
    const rows: [string, string, 'department' | 'project', string, EvaluationStatus, number, string][] = [
      ['e_yy_dept', 'u_yy', 'department', '', 'returned', 0, '2024-04-01'],
      ['e_yy_a', 'u_yy', 'project', '人大代表履职服务', 'draft', 3, '2024-04-02'],
      ['e_ly_dept', 'u_ly', 'department', '', 'submitted', 0, '2024-04-03'],
      ['e_ly_b', 'u_ly', 'project', '乡镇人大建设', 'approved', 2, '2024-04-04'],
      ['e_ly_c', 'u_ly', 'project', '信息化建设', 'published', 1, '2024-04-05'],
    ];
    await db
      .insertInto('evaluations')
      .values(rows.map(([id, unit, kind, project, status, errors, updated]) => ({ id, unit_id: unit, year: 2023, kind, project_name: project, status, current_version: 1, framework_id: 'hunan-standard', error_count: errors, updated_at: updated })))
      .execute();
    await db.insertInto('deadlines').values({ jurisdiction_id: 'yy', year: 2023, kind: 'submit', due_date: '2024-04-30' }).execute();
  });

  async function bench(username: string, query = ''): Promise<Workbench> {
    const res = await (await api.as(username)).get(`/api/workbench${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Workbench;
  }

  const summary = (w: Workbench) => w.tasks.map((t) => [t.kind, t.evaluationId, t.label, t.dueDate, t.daysLeft]);

  it('gives a filler the returned and draft evaluations of their unit, against their city’s submission date', async () => {
    const w = await bench('filler_yy');
    expect(w.year).toBe(2023);
    // 2024-04-25 → 2024-04-30: 5 days.
    expect(summary(w)).toEqual([
      ['revise', 'e_yy_dept', '已退回，请按审核意见修改', '2024-04-30', 5],
      ['fill', 'e_yy_a', '草稿待完成', '2024-04-30', 5],
    ]);
    expect(w.deadlines.map((d) => [d.kind, d.jurisdictionName, d.dueDate, d.daysLeft])).toEqual([
      ['submit', '岳阳市', '2024-04-30', 5],
      ['review', '岳阳市', null, null],
      ['publish', '岳阳市', '2024-06-20', 56],
    ]);
    expect(w.counts.byStatus).toEqual({ draft: 1, submitted: 0, returned: 1, approved: 0, published: 0 });
    expect(w.counts.users).toBeUndefined();
    // After the date the tasks are overdue.
    clock = new Date('2024-05-02T00:00:00Z');
    expect((await bench('filler_yy')).tasks[0]).toMatchObject({ daysLeft: -2, overdue: true });
  });

  it('reminds a filler of a missing 部门整体 evaluation', async () => {
    const w = await bench('filler_yy', '?year=2024');
    expect(summary(w)).toEqual([['create-department', null, '尚未创建 2024 年度部门整体支出自评', null, null]]);
    expect(w.tasks[0]?.unitName).toBe('岳阳市人大常委会办公室');
    expect(w.deadlines.find((d) => d.kind === 'publish')?.dueDate).toBe('2025-06-20');
  });

  it('gives a unit head the drafts to submit and the returned ones', async () => {
    expect(summary(await bench('head_yy'))).toEqual([
      ['submit', 'e_yy_a', '草稿待提交（审查发现 3 个错误）', '2024-04-30', 5],
      ['await-revision', 'e_yy_dept', '已退回，待填报人修改后提交', '2024-04-30', 5],
    ]);
    expect((await bench('head_ly')).tasks).toEqual([]);
  });

  it('gives reviewers what waits for review and publication in their scope only', async () => {
    const province = await bench('fin_hn');
    // 浏阳 has no review date of its own or inherited; publication defaults to 2024-06-20 (56 days).
    expect(summary(province)).toEqual([
      ['review', 'e_ly_dept', '待审核', null, null],
      ['publish', 'e_ly_b', '已审核，待公开', '2024-06-20', 56],
    ]);
    expect(province.tasksTotal).toBe(2);
    expect(province.counts.byStatus).toEqual({ draft: 1, submitted: 1, returned: 1, approved: 1, published: 1 });
    expect(province.counts.withErrors).toBe(3);
    expect(summary(await bench('fin_ly'))).toHaveLength(2);
    const city = await bench('fin_yy');
    expect(city.tasks).toEqual([]);
    expect(city.counts.byStatus).toEqual({ draft: 1, submitted: 0, returned: 1, approved: 0, published: 0 });
  });

  it('gives 人大 the handed-in evaluations with errors, and administrators the locked accounts', async () => {
    const npc = await bench('npc_hn');
    expect(npc.tasks.map((t) => [t.kind, t.evaluationId, t.label, t.status, t.deadlineKind])).toEqual([
      ['inspect', 'e_ly_b', '审查发现 2 个错误', 'approved', null],
      ['inspect', 'e_ly_c', '审查发现 1 个错误', 'published', null],
    ]);
    expect((await bench('npc_yy')).tasks).toEqual([]);

    for (let i = 0; i < 5; i++) await api.anonymous().post('/api/auth/login', { username: 'head_ly', password: 'wrong' });
    await store().db.updateTable('users').set({ disabled: true }).where('username', '=', 'filler_ly').execute();
    const admin = await bench('admin');
    expect(admin.tasks).toEqual([]);
    expect(admin.counts.users).toEqual({ locked: 1, disabled: 1, withoutGrants: 0 });
    // Locks run out: 16 minutes later nobody is locked.
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await bench('admin')).counts.users?.locked).toBe(0);
  });
  it('opens on the year under evaluation, or on the latest earlier year the user has evaluations for', async () => {
    // 2024-04-25: the year under evaluation is 2023, and the fixture has 2023 evaluations.
    expect((await bench('filler_yy')).year).toBe(2023);
    // A year later nothing of 2024 exists yet: open on 2023 rather than on an empty 2024.
    clock = new Date('2025-04-25T00:00:00Z');
    expect((await bench('filler_yy')).year).toBe(2023);
    // 浏阳's 2024 evaluation moves 浏阳's users to 2024; 岳阳's users cannot see it and stay on 2023.
    await store().db.insertInto('evaluations').values({ id: 'e_ly_2024', unit_id: 'u_ly', year: 2024, kind: 'department', project_name: '', status: 'draft', current_version: 1, framework_id: 'hunan-standard' }).execute();
    expect((await bench('filler_ly')).year).toBe(2024);
    expect((await bench('filler_yy')).year).toBe(2023);
    // An explicit year is kept as asked.
    expect((await bench('filler_yy', '?year=2021')).year).toBe(2021);
  });
});
