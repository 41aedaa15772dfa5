import { readFileSync } from 'node:fs';
import { beforeEach, expect, it } from 'vitest';
import { createTestApi } from '../../../test/api-client';
import type { Client, TestApi } from '../../../test/api-client';
import { seedWorld } from '../../../test/api-world';
import { fixturePath } from '../../../test/seed-fixtures';
import { describeStores, emptyStore } from '../../../test/stores';
import { chinaToday } from '../../app/admin/deadlines';

type Content = Record<string, unknown>;

/** One evaluation of seed 004's bundle (岳阳市人大常委会 2022): 0 is the 部门整体, then its 项目. */
function seed004(index: number): Content {
  return (JSON.parse(readFileSync(fixturePath('004'), 'utf8')) as { evaluations: Content[] }).evaluations[index] as Content;
}

interface Line {
  id: string;
  level1: string;
  level1Points: number;
  level2: string;
  points: string;
  fromReport: boolean;
  automatic: { score: string | null; reason: string };
  suggested: { score: string; reason: string } | null;
  grade: { score: string; note: string | null } | null;
}

interface WorkGrade {
  rubric: { name: string; source: string } | null;
  lines: Line[];
  autoTotal: string;
  total: string | null;
  gradedBy: { id: string; username: string; displayName: string } | null;
  gradedAt: string | null;
  gradedVersion: number | null;
}

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const body = async <T>(res: Response) => (await res.json()) as T;

/** A reviewer's grade chosen by hand: 7.5 + 2 + 9 + 7 + 8 + 5 + 5 + 4.5 + 8 + 16 + 12 = 84. */
const GRADE = [
  { id: 'notice', score: '7.5', note: '通知未写“有关要求”，扣 0.5 分' },
  { id: 'team', score: '2' },
  { id: 'self-check', score: '9', note: '一个所属单位未自查' },
  { id: 'submission', score: '7' },
  { id: 'body', score: '8' },
  { id: 'attachments', score: '5' },
  { id: 'weights', score: '5' },
  { id: 'refinement', score: '4.5' },
  { id: 'measurable', score: '8' },
  { id: 'problems', score: '16' },
  { id: 'measures', score: '12' },
];

const withScore = (id: string, score: string) => GRADE.map((l) => (l.id === id ? { ...l, score } : l));

describeStores('work grade API', (store) => {
  let api: TestApi;
  let filler: Client;
  let id: string;

  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    await seedWorld(store().db, api.deps.hasher);
    filler = await api.as('filler_yy');
    const created = await filler.post('/api/evaluations', { unitId: 'u_yy', year: 2022, kind: 'department', content: seed004(0) });
    expect(created.status).toBe(201);
    id = (await body<{ id: string }>(created)).id;
  });

  /** The unit's 提交 as it is recorded: a `submit` version at a given time, and the status. */
  async function submittedAt(at: string): Promise<void> {
    const v1 = await store().db.selectFrom('evaluation_versions').select('content').where('evaluation_id', '=', id).where('version', '=', 1).executeTakeFirstOrThrow();
    await store().db.insertInto('evaluation_versions').values({ evaluation_id: id, version: 2, content: JSON.stringify(v1.content), reason: 'submit', created_by: 'user_head_yy', created_at: at }).execute();
    await store().db.updateTable('evaluations').set({ status: 'submitted', current_version: 2 }).where('id', '=', id).execute();
  }

  it('shows the 岳阳 考核评分表 on a 部门整体 evaluation: 11 lines, 100 points, the report’s automatic scores', async () => {
    const res = await (await api.as('head_yy')).get(`/api/evaluations/${id}/work-grade`);
    expect(res.status).toBe(200);
    const grade = await body<WorkGrade>(res);
    expect(grade.rubric?.name).toBe('岳阳市部门整体支出绩效自评工作考核评分表');
    expect(grade.lines.map((l) => `${l.level1}·${l.level2} ${l.points}`)).toEqual([
      '布置工作·自评通知 8',
      '布置工作·工作小组 2',
      '实施评价·单位自查 10',
      '实施评价·提交报告 10',
      '自评报告·完整性·正文 8',
      '自评报告·完整性·附件 7',
      '自评报告·绩效自评表·权重 5',
      '自评报告·绩效自评表·细化 5',
      '自评报告·绩效自评表·三级指标 10',
      '自评报告·反映问题情况 20',
      '自评报告·建议情况 15',
    ]);
    // 8 + 2 + 10 + 10 + 8 + 7 + 5 + 5 + 10 + 20 + 15 = 100, and the 一级 points 10 + 20 + 70 = 100.
    expect(grade.lines.reduce((sum, l) => sum + Number(l.points), 0)).toBe(100);
    expect([...new Map(grade.lines.map((l) => [l.level1, l.level1Points]))]).toEqual([
      ['布置工作', 10],
      ['实施评价', 20],
      ['自评报告', 70],
    ]);

    // The report's own lines, scored as the auditor scores them (seed 004's 部门整体 alone): 正文 all 10 parts (8);
    // 附件 unknown without the file's parts; weights 10/50/30/10 (5); 13 of 13 indicators refined (5); 11 of 13
    // targets measurable, 10 × 11 ÷ 13 = 8.4615… → 8.46; problems in 2 areas (13); 2 of 3 problems answered (12).
    expect(grade.lines.map((l) => [l.id, l.fromReport, l.automatic.score])).toEqual([
      ['notice', false, null],
      ['team', false, null],
      ['self-check', false, null],
      ['submission', false, null],
      ['body', true, '8'],
      ['attachments', true, null],
      ['weights', true, '5'],
      ['refinement', true, '5'],
      ['measurable', true, '8.46'],
      ['problems', true, '13'],
      ['measures', true, '12'],
    ]);
    // 8 + 5 + 5 + 8.46 + 13 + 12 = 51.46: what the 审查发现 of this version say too.
    expect(grade.autoTotal).toBe('51.46');
    const findings = await store().db.selectFrom('findings').select('message').where('evaluation_id', '=', id).where('rule', '=', 'audit.quality.yueyang-rubric').execute();
    expect(findings.map((f) => f.message)).toContain('按岳阳市部门整体支出绩效自评工作考核评分表，报告可评 63 分中得 51.46 分，另 37 分（布置工作、实施评价、完整性·附件）无法从报告评定');
    expect(grade.lines.find((l) => l.id === 'submission')?.automatic.reason).toBe('需报送日期与截止日期，报告本身不能说明');
    expect(grade.lines.find((l) => l.id === 'attachments')?.automatic.reason).toBe('未提供文件构成，无法核对附件');
    // Not submitted, not graded.
    expect(grade.lines.every((l) => l.suggested === null && l.grade === null)).toBe(true);
    expect(grade).toMatchObject({ total: null, gradedBy: null, gradedAt: null, gradedVersion: null });
  });

  it('suggests the 提交报告 score from the first submission and the submission deadline, in working days', async () => {
    // The deadline is set on 湖南省 and inherited by 岳阳市; 2023-03-31 is a Friday.
    await store().db.insertInto('deadlines').values({ jurisdiction_id: 'hn', year: 2022, kind: 'submit', due_date: '2023-03-31' }).execute();
    // Submitted Wednesday 2023-04-05 at 09:00 in China: Mon 04-03, Tue 04-04, Wed 04-05 = 3 working days late, 10 − 3 = 7.
    await submittedAt('2023-04-05T09:00:00+08:00');
    const grade = await body<WorkGrade>(await (await api.as('fin_yy')).get(`/api/evaluations/${id}/work-grade`));
    expect(grade.lines.find((l) => l.id === 'submission')?.suggested).toEqual({
      score: '7',
      reason: '提交于 2023-04-05，截止日 2023-03-31（湖南省设定），晚 3 个工作日，每推迟一个工作日扣 1 分，得 7 分（工作日按周一至周五计，未计法定节假日与调休，请核对）',
    });
    expect(grade.lines.filter((l) => l.suggested !== null).map((l) => l.id)).toEqual(['submission']);
  });

  it('suggests full points for a submission through the API on the due day, and nothing without a deadline', async () => {
    const head = await api.as('head_yy');
    expect((await head.post(`/api/evaluations/${id}/submit`, { version: 1, acknowledgeErrors: true })).status).toBe(200);
    const suggestion = async () => (await body<WorkGrade>(await head.get(`/api/evaluations/${id}/work-grade`))).lines.find((l) => l.id === 'submission')?.suggested;
    expect(await suggestion()).toBeNull();
    const submitted = await store().db.selectFrom('evaluation_versions').select('created_at').where('evaluation_id', '=', id).where('reason', '=', 'submit').executeTakeFirstOrThrow();
    const day = chinaToday(submitted.created_at);
    await store().db.insertInto('deadlines').values({ jurisdiction_id: 'yy', year: 2022, kind: 'submit', due_date: day }).execute();
    expect(await suggestion()).toEqual({ score: '10', reason: `提交于 ${day}，截止日 ${day}（岳阳市设定），按时报送，得 10 分（工作日按周一至周五计，未计法定节假日与调休）` });
  });

  it('stores a 财政审核’s grade with its exact total, shows it to readers, logs it, and replaces it on a second grade', async () => {
    await submittedAt('2023-03-30T10:00:00+08:00');
    const reviewer = await api.as('fin_yy');
    const res = await reviewer.put(`/api/evaluations/${id}/work-grade`, { lines: GRADE });
    expect(res.status).toBe(200);
    const graded = await body<WorkGrade>(res);
    expect(graded).toMatchObject({ total: '84', gradedBy: { id: 'user_fin_yy', username: 'fin_yy', displayName: '岳阳市财政局审核员' }, gradedVersion: 2 });
    expect(graded.lines.map((l) => l.grade)).toEqual(GRADE.map((l) => ({ score: l.score, note: l.note ?? null })));
    expect(new Date(graded.gradedAt ?? '').getTime()).not.toBeNaN();
    // The automatic scores stay beside the grade.
    expect(graded.autoTotal).toBe('51.46');

    const read = await body<WorkGrade>(await (await api.as('npc_yy')).get(`/api/evaluations/${id}/work-grade`));
    expect(read).toEqual(graded);
    expect(await store().db.selectFrom('work_grades').select(['total', 'graded_version', 'graded_by']).execute()).toEqual([{ total: '84.00', graded_version: 2, graded_by: 'user_fin_yy' }]);

    // A second grade (by the province's reviewer) replaces the first: 84 − 7.5 + 6 − 16 + 18.5 = 85.
    const again = await (await api.as('fin_hn')).put(`/api/evaluations/${id}/work-grade`, {
      lines: GRADE.map((l) => (l.id === 'notice' ? { id: 'notice', score: '6' } : l.id === 'problems' ? { ...l, score: '18.5' } : l)),
    });
    expect(again.status).toBe(200);
    expect(await body<WorkGrade>(again)).toMatchObject({ total: '85', gradedBy: { username: 'fin_hn' } });
    const log = await store().db.selectFrom('audit_log').select(['user_id', 'entity_id', 'before', 'after']).where('action', '=', 'work-grade').orderBy('id').execute();
    expect(log.map((l) => [l.user_id, l.entity_id, (l.before as { total: string } | null)?.total ?? null, (l.after as { total: string }).total])).toEqual([
      ['user_fin_yy', id, null, '84'],
      ['user_fin_hn', id, '84', '85'],
    ]);
    expect((log[1]?.after as { lines: { id: string; score: string; note: string | null }[] }).lines[0]).toEqual({ id: 'notice', score: '6', note: null });
  });

  it('refuses a score with two places or above the line’s points (422 naming the line), a missing line, and the wrong status (409)', async () => {
    const reviewer = await api.as('fin_yy');
    const draft = await reviewer.put(`/api/evaluations/${id}/work-grade`, { lines: GRADE });
    expect(draft.status).toBe(409);
    expect((await body<ErrorBody>(draft)).error).toEqual({
      code: 'INVALID_TRANSITION',
      message: '只有“已提交”、“已审核”或“已公开”的评价可以考核评分，当前为“草稿”',
      details: { status: 'draft', statusLabel: '草稿' },
    });

    await submittedAt('2023-03-30T10:00:00+08:00');
    const twoPlaces = await reviewer.put(`/api/evaluations/${id}/work-grade`, { lines: withScore('notice', '8.25') });
    expect(twoPlaces.status).toBe(422);
    expect((await body<ErrorBody>(twoPlaces)).error).toEqual({
      code: 'UNPROCESSABLE',
      message: '“自评通知”的得分“8.25”无效：应为 0 到 8 之间、最多一位小数的数（如 8 或 7.5）',
      details: { problems: [{ lineId: 'notice', message: '“自评通知”的得分“8.25”无效：应为 0 到 8 之间、最多一位小数的数（如 8 或 7.5）' }] },
    });
    const above = await reviewer.put(`/api/evaluations/${id}/work-grade`, { lines: withScore('notice', '11') });
    expect(above.status).toBe(422);
    expect((await body<ErrorBody>(above)).error.message).toBe('“自评通知”的得分 11 超过该项的 8 分：应为 0 到 8 之间、最多一位小数的数（如 8 或 7.5）');
    const missing = await reviewer.put(`/api/evaluations/${id}/work-grade`, { lines: GRADE.filter((l) => l.id !== 'team').concat({ id: 'bonus', score: '1' }) });
    expect(missing.status).toBe(422);
    expect((await body<ErrorBody>(missing)).error.message).toBe('评分须对考核评分表的 11 项各给一次分：缺少 team（工作小组）；考核评分表中没有 bonus');
    expect(await store().db.selectFrom('work_grades').select('evaluation_id').execute()).toEqual([]);

    // Only 财政审核 grades, and only in their scope.
    const filled = await filler.put(`/api/evaluations/${id}/work-grade`, { lines: GRADE });
    expect(filled.status).toBe(403);
    expect((await body<ErrorBody>(filled)).error.message).toBe('您没有权限为此评价考核评分');
    expect((await (await api.as('fin_ly')).put(`/api/evaluations/${id}/work-grade`, { lines: GRADE })).status).toBe(404);
    expect((await (await api.as('fin_ly')).get(`/api/evaluations/${id}/work-grade`)).status).toBe(404);
  });

  it('has no rubric for a 项目 evaluation', async () => {
    const project = await filler.post('/api/evaluations', { unitId: 'u_yy', year: 2022, kind: 'project', parentId: id, content: seed004(1) });
    expect(project.status).toBe(201);
    const projectId = (await body<{ id: string }>(project)).id;
    const grade = await body<WorkGrade>(await filler.get(`/api/evaluations/${projectId}/work-grade`));
    expect(grade).toEqual({ rubric: null, lines: [], autoTotal: '0', total: null, gradedBy: null, gradedAt: null, gradedVersion: null });
  });
});
