import { readFileSync } from 'node:fs';
import { beforeEach, expect, it } from 'vitest';
import { describeStores, emptyStore } from '../../../test/stores';
import { seedWorld } from '../../../test/api-world';
import { createTestApi } from '../../../test/api-client';
import type { Client, TestApi } from '../../../test/api-client';
import { fixturePath } from '../../../test/seed-fixtures';

type Content = Record<string, unknown> & { year: number };

const seed003 = () => JSON.parse(readFileSync(fixturePath('003'), 'utf8')) as Content;

interface Comment {
  id: string;
  version: number;
  kind: string;
  kindLabel: string;
  fieldPath: string | null;
  findingId: string | null;
  body: string;
  author: { id: string; username: string; displayName: string };
  createdAt: string;
}

interface ErrorBody {
  error: { code: string; message: string };
}

const body = async <T>(res: Response) => (await res.json()) as T;

describeStores('comments API', (store) => {
  let api: TestApi;
  let filler: Client;
  let id: string;
  /** The findings recorded with version 1 of the evaluation. */
  let findings: { id: string; rule: string; version: number }[];

  beforeEach(async () => {
    await emptyStore(store());
    api = createTestApi(store());
    await seedWorld(store().db, api.deps.hasher);
    filler = await api.as('filler_yy');
    const created = await filler.post('/api/evaluations', { unitId: 'u_yy', year: 2022, kind: 'department', content: seed003() });
    expect(created.status).toBe(201);
    ({ id, findings } = await body<{ id: string; findings: { id: string; rule: string; version: number }[] }>(created));
  });

  it('lets a 人大 supervisor annotate a finding of this evaluation, at the finding’s version', async () => {
    const npc = await api.as('npc_yy');
    const finding = findings.find((f) => f.rule === 'score.deduction-without-reason');
    expect(finding).toBeDefined();
    // A later version does not move the annotation off the version its finding belongs to.
    expect((await filler.put(`/api/evaluations/${id}`, { baseVersion: 1, content: seed003() })).status).toBe(200);
    const res = await npc.post(`/api/evaluations/${id}/comments`, { kind: 'annotation', findingId: finding?.id, body: '扣分未说明原因，请在报告中补充' });
    expect(res.status).toBe(201);
    const annotation = await body<Comment>(res);
    expect(annotation).toMatchObject({
      version: 1,
      kind: 'annotation',
      kindLabel: '监督批注',
      fieldPath: null,
      findingId: finding?.id,
      body: '扣分未说明原因，请在报告中补充',
      author: { id: 'user_npc_yy', username: 'npc_yy', displayName: '岳阳市人大预算工委' },
    });

    // Everyone who may read the evaluation reads it.
    const listed = await body<{ items: Comment[]; total: number }>(await (await api.as('head_yy')).get(`/api/evaluations/${id}/comments`));
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toEqual(annotation);
    const log = await store().db.selectFrom('audit_log').select(['action', 'user_id', 'entity_id']).where('entity', '=', 'comment').execute();
    expect(log).toEqual([{ action: 'comment', user_id: 'user_npc_yy', entity_id: annotation.id }]);
  });

  it('refuses an annotation without a finding, or on a finding of another evaluation', async () => {
    const npc = await api.as('npc_hn');
    const fillerLy = await api.as('filler_ly');
    const other = await body<{ findings: { id: string }[] }>(await fillerLy.post('/api/evaluations', { unitId: 'u_ly', year: 2022, kind: 'department', content: seed003() }));
    const foreignFinding = other.findings[0]?.id;
    expect(foreignFinding).toBeDefined();
    const foreign = await npc.post(`/api/evaluations/${id}/comments`, { kind: 'annotation', findingId: foreignFinding, body: '批注' });
    expect(foreign.status).toBe(422);
    expect((await body<ErrorBody>(foreign)).error).toEqual({ code: 'UNPROCESSABLE', message: '所批注的审查发现不属于此评价' });
    const none = await npc.post(`/api/evaluations/${id}/comments`, { kind: 'annotation', body: '批注' });
    expect(none.status).toBe(422);
    expect((await body<ErrorBody>(none)).error.message).toBe('批注须指明所批注的审查发现（findingId）');
    expect(await store().db.selectFrom('comments').select('id').execute()).toEqual([]);
  });

  it('lets a finance reviewer comment on a field at the current version', async () => {
    const fin = await api.as('fin_hn');
    const res = await fin.post(`/api/evaluations/${id}/comments`, { kind: 'review', fieldPath: 'indicators[0].deviationReason', body: '请说明准确性扣分的原因' });
    expect(res.status).toBe(201);
    expect(await body<Comment>(res)).toMatchObject({ version: 1, kind: 'review', kindLabel: '审核意见', fieldPath: 'indicators[0].deviationReason', findingId: null, author: { username: 'fin_hn' } });
  });

  it('gives comments to reviewers and annotations to supervisors only, within their scope', async () => {
    const finding = findings[0]?.id;
    const forbidden = async (client: Client, payload: unknown, message: string) => {
      const res = await client.post(`/api/evaluations/${id}/comments`, payload);
      expect(res.status).toBe(403);
      expect((await body<ErrorBody>(res)).error.message).toBe(message);
    };
    await forbidden(filler, { kind: 'review', body: '自评意见' }, '您没有权限发表审核意见');
    await forbidden(await api.as('head_yy'), { kind: 'review', body: '意见' }, '您没有权限发表审核意见');
    await forbidden(await api.as('npc_yy'), { kind: 'review', body: '意见' }, '您没有权限发表审核意见');
    await forbidden(await api.as('fin_yy'), { kind: 'annotation', findingId: finding, body: '批注' }, '您没有权限批注审查发现');
    const outside = await (await api.as('fin_ly')).post(`/api/evaluations/${id}/comments`, { kind: 'review', body: '意见' });
    expect(outside.status).toBe(404);
    expect((await (await api.as('fin_ly')).get(`/api/evaluations/${id}/comments`)).status).toBe(404);
    const blank = await (await api.as('fin_yy')).post(`/api/evaluations/${id}/comments`, { kind: 'review', body: '  ' });
    expect(blank.status).toBe(400);
    expect(await store().db.selectFrom('comments').select('id').execute()).toEqual([]);
  });
});
