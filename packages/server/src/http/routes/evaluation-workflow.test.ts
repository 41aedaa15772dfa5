import { readFileSync } from 'node:fs';
import { beforeEach, expect, it } from 'vitest';
import { describeStores, emptyStore } from '../../../test/stores';
import { seedWorld } from '../../../test/api-world';
import { createTestApi } from '../../../test/api-client';
import type { Client, TestApi } from '../../../test/api-client';
import { fixturePath } from '../../../test/seed-fixtures';

type Content = Record<string, unknown> & { funds: { rows: Record<string, unknown>[] } };

const seed003 = () => JSON.parse(readFileSync(fixturePath('003'), 'utf8')) as Content;

/** seed 003 with 财政拨款's stated rate changed to 100%: one error (2575.66 ÷ 2092.38 = 123.10%). */
function withRateError(): Content {
  const content = seed003();
  (content.funds.rows[0] as Record<string, unknown>).statedRate = '100';
  return content;
}

interface Summary {
  id: string;
  status: string;
  statusLabel: string;
  version: number;
  figures: { computedScore: string | null; errorCount: number; warningCount: number };
}

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const body = async <T>(res: Response) => (await res.json()) as T;

describeStores('evaluation workflow API', (store) => {
  let api: TestApi;
  let filler: Client;
  let head: Client;
  let fin: Client;
  let id: string;

  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    await seedWorld(store().db, api.deps.hasher);
    [filler, head, fin] = await Promise.all([api.as('filler_yy'), api.as('head_yy'), api.as('fin_yy')]);
    const res = await filler.post('/api/evaluations', { unitId: 'u_yy', year: 2022, kind: 'department', content: seed003() });
    expect(res.status).toBe(201);
    id = (await body<{ id: string }>(res)).id;
  });

  const step = (client: Client, action: string, payload?: unknown) => client.post(`/api/evaluations/${id}/${action}`, payload);

  it('runs the whole workflow: errors shown before submission, returned with comments, resubmitted, approved, published', async () => {
    // The filler saves a version with an error.
    const saved = await filler.put(`/api/evaluations/${id}`, { baseVersion: 1, content: withRateError() });
    expect(saved.status).toBe(200);
    expect((await body<Summary>(saved)).figures.errorCount).toBe(1);

    // Submitting over it unacknowledged: 422 with the findings, errors first; nothing changes.
    const refused = await step(head, 'submit', { version: 2 });
    expect(refused.status).toBe(422);
    const refusal = await body<ErrorBody>(refused);
    expect(refusal.error.code).toBe('UNPROCESSABLE');
    expect(refusal.error.message).toBe('审查发现 1 项错误，请修改后再提交，或确认已知悉后提交（acknowledgeErrors）：财政拨款执行率：2575.66 ÷ 2092.38 = 123.10%，报告称 100%');
    const shown = refusal.error.details?.findings as { severity: string; rule: string; location: unknown }[];
    expect(refusal.error.details?.errorCount).toBe(1);
    expect(shown).toHaveLength(11);
    expect(shown[0]).toMatchObject({ severity: 'error', rule: 'audit.execution-rate', location: { path: 'funds.rows[0]' } });
    expect(shown.slice(1).every((f) => f.severity !== 'error')).toBe(true);
    expect((await body<Summary>(await head.get(`/api/evaluations/${id}`))).status).toBe('draft');

    // Acknowledged: submitted as a new version (3) whose findings are those found at submission.
    const submitted = await step(head, 'submit', { version: 2, acknowledgeErrors: true });
    expect(submitted.status).toBe(200);
    expect(await body<Summary>(submitted)).toMatchObject({ status: 'submitted', statusLabel: '已提交', version: 3, figures: { errorCount: 1, warningCount: 6 } });
    const recorded = await store().db.selectFrom('findings').select(['rule', 'severity']).where('evaluation_id', '=', id).where('version', '=', 3).where('severity', '=', 'error').execute();
    expect(recorded).toEqual([{ rule: 'audit.execution-rate', severity: 'error' }]);
    const submitVersion = await store().db.selectFrom('evaluation_versions').select(['reason', 'created_by']).where('evaluation_id', '=', id).where('version', '=', 3).executeTakeFirstOrThrow();
    expect(submitVersion).toEqual({ reason: 'submit', created_by: 'user_head_yy' });

    // The reviewer returns it with a comment on the field.
    const returned = await step(fin, 'return', { comments: [{ fieldPath: 'funds.rows[0].statedRate', body: '执行率应为 123.10%，请按决算数核实后修改' }] });
    expect(returned.status).toBe(200);
    expect(await body<Summary>(returned)).toMatchObject({ status: 'returned', statusLabel: '退回修改', version: 3 });
    const comments = await body<{ items: { kind: string; kindLabel: string; version: number; fieldPath: string; body: string; author: { username: string } }[]; total: number }>(await filler.get(`/api/evaluations/${id}/comments`));
    expect(comments.total).toBe(1);
    expect(comments.items[0]).toMatchObject({ kind: 'review', kindLabel: '审核意见', version: 3, fieldPath: 'funds.rows[0].statedRate', body: '执行率应为 123.10%，请按决算数核实后修改', author: { username: 'fin_yy' } });

    // The filler fixes it (a returned evaluation may be saved and stays 退回修改), the head resubmits: no errors now.
    const fixed = await filler.put(`/api/evaluations/${id}`, { baseVersion: 3, content: seed003() });
    expect(fixed.status).toBe(200);
    expect(await body<Summary>(fixed)).toMatchObject({ status: 'returned', version: 4, figures: { errorCount: 0 } });
    const resubmitted = await step(head, 'submit', { version: 4 });
    expect(resubmitted.status).toBe(200);
    expect(await body<Summary>(resubmitted)).toMatchObject({ status: 'submitted', version: 5, figures: { computedScore: '99.00', errorCount: 0 } });

    const approved = await step(fin, 'approve');
    expect(approved.status).toBe(200);
    expect(await body<Summary>(approved)).toMatchObject({ status: 'approved', statusLabel: '已审核', version: 5 });
    const published = await step(fin, 'publish');
    expect(published.status).toBe(200);
    expect(await body<Summary>(published)).toMatchObject({ status: 'published', statusLabel: '已公开', version: 5 });

    // Every step in the audit log, by whom, with the status before and after.
    const log = await store().db.selectFrom('audit_log').selectAll().where('entity', '=', 'evaluation').where('entity_id', '=', id).orderBy('id').execute();
    const status = (v: unknown) => (v as { status?: string } | null)?.status ?? null;
    expect(log.map((l) => [l.action, l.user_id, status(l.before), status(l.after)])).toEqual([
      ['create', 'user_filler_yy', null, 'draft'],
      ['save', 'user_filler_yy', 'draft', 'draft'],
      ['submit', 'user_head_yy', 'draft', 'submitted'],
      ['submit-acknowledging-errors', 'user_head_yy', null, null],
      ['return', 'user_fin_yy', 'submitted', 'returned'],
      ['save', 'user_filler_yy', 'returned', 'returned'],
      ['submit', 'user_head_yy', 'returned', 'submitted'],
      ['approve', 'user_fin_yy', 'submitted', 'approved'],
      ['publish', 'user_fin_yy', 'approved', 'published'],
    ]);
    expect(log[3]?.after).toEqual({ version: 3, errors: [{ rule: 'audit.execution-rate', message: '财政拨款执行率：2575.66 ÷ 2092.38 = 123.10%，报告称 100%', path: 'funds.rows[0]' }] });
    const commentLog = await store().db.selectFrom('audit_log').select(['action', 'user_id', 'after']).where('entity', '=', 'comment').execute();
    expect(commentLog).toEqual([{ action: 'comment', user_id: 'user_fin_yy', after: { evaluationId: id, version: 3, kind: 'review', fieldPath: 'funds.rows[0].statedRate', body: '执行率应为 123.10%，请按决算数核实后修改' } }]);
  });

  it('refuses steps the status does not allow, with the reason in Chinese', async () => {
    const expectInvalid = async (res: Response, message: string) => {
      expect(res.status).toBe(409);
      expect(await body<ErrorBody>(res)).toMatchObject({ error: { code: 'INVALID_TRANSITION', message } });
    };
    // Draft: nothing to review yet.
    await expectInvalid(await step(fin, 'publish'), '只有“已审核”的评价可以公开，当前为“草稿”');
    await expectInvalid(await step(fin, 'approve'), '只有“已提交”的评价可以审核通过，当前为“草稿”');
    await expectInvalid(await step(fin, 'return', { comments: [{ body: '请补充' }] }), '只有“已提交”的评价可以退回修改，当前为“草稿”');

    expect((await step(head, 'submit', { version: 1 })).status).toBe(200);
    // Submitted: no more saving or submitting.
    await expectInvalid(await filler.put(`/api/evaluations/${id}`, { baseVersion: 2, content: seed003() }), '只有“草稿”或“退回修改”的评价可以修改，当前为“已提交”');
    await expectInvalid(await step(head, 'submit', { version: 2 }), '只有“草稿”或“退回修改”的评价可以提交，当前为“已提交”');
    await expectInvalid(await step(fin, 'publish'), '只有“已审核”的评价可以公开，当前为“已提交”');

    expect((await step(fin, 'approve')).status).toBe(200);
    await expectInvalid(await step(fin, 'return', { comments: [{ body: '请补充' }] }), '只有“已提交”的评价可以退回修改，当前为“已审核”');
    expect((await step(fin, 'publish')).status).toBe(200);
    await expectInvalid(await step(fin, 'publish'), '只有“已审核”的评价可以公开，当前为“已公开”');
    await expectInvalid(await filler.put(`/api/evaluations/${id}`, { baseVersion: 2, content: seed003() }), '只有“草稿”或“退回修改”的评价可以修改，当前为“已公开”');

    const details = (await body<ErrorBody>(await step(head, 'submit', { version: 2 }))).error.details;
    expect(details).toEqual({ status: 'published', statusLabel: '已公开', action: 'submit' });
  });

  it('gives each step to its role only (403), and hides other units’ evaluations (404)', async () => {
    const forbidden = async (res: Response, message: string) => {
      expect(res.status).toBe(403);
      expect(await body<ErrorBody>(res)).toEqual({ error: { code: 'FORBIDDEN', message } });
    };
    await forbidden(await step(filler, 'submit', { version: 1 }), '您没有权限提交此评价');
    await forbidden(await step(fin, 'submit', { version: 1 }), '您没有权限提交此评价');
    expect((await step(await api.as('head_ly'), 'submit', { version: 1 })).status).toBe(404);
    expect((await step(head, 'submit', { version: 1 })).status).toBe(200);

    await forbidden(await step(head, 'approve'), '您没有权限审核此评价');
    await forbidden(await step(filler, 'return', { comments: [{ body: '自己退回' }] }), '您没有权限退回此评价');
    await forbidden(await step(await api.as('npc_yy'), 'approve'), '您没有权限审核此评价');
    expect((await step(await api.as('fin_ly'), 'approve')).status).toBe(404);
    // The province's reviewer covers 岳阳 too.
    expect((await step(await api.as('fin_hn'), 'approve')).status).toBe(200);
    await forbidden(await step(head, 'publish'), '您没有权限公开此评价');
    expect((await store().db.selectFrom('evaluations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('approved');
  });

  it('submits only the version the head has seen, and returns only with a comment', async () => {
    const stale = await step(head, 'submit', { version: 2 });
    expect(stale.status).toBe(409);
    expect((await body<ErrorBody>(stale)).error).toMatchObject({ code: 'CONFLICT', message: '您查看的是第 2 版，此评价现为第 1 版；请查看最新内容后再提交' });

    expect((await filler.put(`/api/evaluations/${id}`, { baseVersion: 1, content: withRateError() })).status).toBe(200);
    const old = await step(head, 'submit', { version: 1, acknowledgeErrors: true });
    expect(old.status).toBe(409);
    const conflict = await body<ErrorBody>(old);
    expect(conflict.error.message).toBe('您查看的是第 1 版，此评价现为第 2 版；请查看最新内容后再提交');
    expect(conflict.error.details).toMatchObject({ currentVersion: 2, changedPaths: ['funds.rows[0].statedRate'] });
    expect((await store().db.selectFrom('evaluations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('draft');

    expect((await step(head, 'submit', { version: 2, acknowledgeErrors: true })).status).toBe(200);
    const empty = await step(fin, 'return', { comments: [] });
    expect(empty.status).toBe(400);
    expect((await body<ErrorBody>(empty)).error.message).toBe('comments：退回须附至少一条意见');
    const badPath = await step(fin, 'return', { comments: [{ fieldPath: 'funds rows', body: '看这里' }] });
    expect(badPath.status).toBe(400);
    expect((await body<ErrorBody>(badPath)).error.message).toBe('comments[0].fieldPath：应为评价文件中的字段路径，如 indicators[3].actual');
    const blank = await step(fin, 'return', { comments: [{ body: '   ' }] });
    expect(blank.status).toBe(400);
    expect((await store().db.selectFrom('evaluations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('submitted');

    // Several comments at once, one on the whole evaluation (no field path).
    const returned = await step(fin, 'return', { comments: [{ body: '总体：请核实资金执行情况' }, { fieldPath: 'funds.rows[0].statedRate', body: '执行率与决算数不符' }] });
    expect(returned.status).toBe(200);
    const listed = await body<{ items: { version: number; fieldPath: string | null; body: string }[] }>(await filler.get(`/api/evaluations/${id}/comments`));
    // In the order written.
    expect(listed.items).toMatchObject([
      { version: 3, fieldPath: null, body: '总体：请核实资金执行情况' },
      { version: 3, fieldPath: 'funds.rows[0].statedRate', body: '执行率与决算数不符' },
    ]);
  });

  it('serialises simultaneous steps on one evaluation: one submission of two wins', async () => {
    const other = await api.as('head_yy');
    const responses = await Promise.all([step(head, 'submit', { version: 1 }), step(other, 'submit', { version: 1 })]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = responses.find((r) => r.status === 409) as Response;
    expect((await body<ErrorBody>(loser)).error.code).toBe('INVALID_TRANSITION');
    const versions = await store().db.selectFrom('evaluation_versions').select(['version', 'reason']).where('evaluation_id', '=', id).orderBy('version').execute();
    expect(versions).toEqual([
      { version: 1, reason: 'create' },
      { version: 2, reason: 'submit' },
    ]);
  });
});
