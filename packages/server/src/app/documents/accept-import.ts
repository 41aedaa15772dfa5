import { DEFAULT_FRAMEWORK_ID } from '@jixiao/core';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { recordChange } from '../audit-log';
import { assignedFramework } from '../evaluations/evaluation-queries';
import { appendVersion, createEvaluation } from '../evaluations/evaluation-store';
import { STATUS_LABEL } from '../evaluations/workflow';
import type { Database, EvaluationKind, EvaluationRow, EvaluationStatus } from '../store/database';

/**
 * Accepting an import: its 部门整体 evaluation and its 项目 evaluations become the drafts of the unit and year —
 * created where there are none, a new version (reason 'import') where there are. The caller runs this in ONE
 * transaction and rolls it back on any refusal, so a report is accepted whole or not at all: never a
 * department without its projects, never half of the projects.
 *
 * Projects are matched to existing ones by their name (the evaluation's title), the department by being the
 * unit's one 部门整体 evaluation of the year. Every evaluation written, and the department the projects are
 * filed under, must be 草稿 or 退回修改: an accepted import never overwrites a submitted or approved report.
 */
export interface AcceptInput {
  readonly importId: string;
  readonly unitId: string;
  readonly jurisdictionPath: string;
  readonly year: number;
  /** The import's evaluations, in the evaluation file format. */
  readonly evaluations: readonly unknown[];
  readonly userId: string | null;
}

export interface AcceptedEvaluation {
  readonly evaluation: EvaluationRow;
  readonly created: boolean;
}

export type AcceptResult =
  | { readonly ok: true; readonly accepted: readonly AcceptedEvaluation[] }
  /** Nothing to accept, or not one department and uniquely named projects: the file must change first. */
  | { readonly ok: false; readonly kind: 'unacceptable'; readonly message: string }
  /** An evaluation that would be written is past 草稿/退回修改. */
  | { readonly ok: false; readonly kind: 'locked'; readonly message: string; readonly locked: readonly { id: string; title: string; status: EvaluationStatus }[] }
  /** The content does not fit the evaluation file format (an importer bug, or a hand-edited result). */
  | { readonly ok: false; readonly kind: 'invalid'; readonly message: string; readonly issues: readonly { path: string; message: string }[] }
  | { readonly ok: false; readonly kind: 'conflict'; readonly message: string };

const EDITABLE: readonly EvaluationStatus[] = ['draft', 'returned'];

interface Planned {
  readonly kind: EvaluationKind;
  readonly projectName: string;
  readonly title: string;
  readonly content: Record<string, unknown>;
  readonly existing: EvaluationRow | undefined;
}

function asContent(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

const label = (kind: EvaluationKind, title: string) => (kind === 'department' ? `部门整体评价“${title}”` : `项目“${title}”`);

export async function acceptImport(trx: Kysely<Database>, input: AcceptInput): Promise<AcceptResult> {
  const contents = input.evaluations.map(asContent);
  if (contents.length === 0 || contents.some((c) => !c || (c.kind !== 'department' && c.kind !== 'project'))) {
    return { ok: false, kind: 'unacceptable', message: '这次导入没有可采用的评价（文件未能导入，或其中没有找到绩效自评表）' };
  }
  const items = contents as Record<string, unknown>[];
  const departments = items.filter((c) => c.kind === 'department');
  if (departments.length > 1) return { ok: false, kind: 'unacceptable', message: `这次导入含 ${departments.length} 个部门整体评价，一个单位每年只有一个；请拆分文件后分别上传` };
  const names = items.filter((c) => c.kind === 'project').map((c) => String(c.title ?? '').trim());
  const repeated = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (repeated.length) return { ok: false, kind: 'unacceptable', message: `这次导入中有同名项目：${repeated.map((n) => `“${n}”`).join('、')}；项目按名称对应已有评价，请在文件中区分后重新上传` };

  // Two accepts for the same unit and year would both find no department and both create one: serialise them.
  await sql`select pg_advisory_xact_lock(hashtext(${`accept:${input.unitId}:${input.year}`}))`.execute(trx);
  const rows = await trx.selectFrom('evaluations').selectAll().where('unit_id', '=', input.unitId).where('year', '=', input.year).forUpdate().execute();
  const find = (kind: EvaluationKind, projectName: string) => rows.find((r) => r.kind === kind && r.project_name === projectName);

  const plan: Planned[] = items.map((content) => {
    const kind = content.kind as EvaluationKind;
    const title = String(content.title ?? '').trim();
    const projectName = kind === 'department' ? '' : title;
    return { kind, projectName, title, content, existing: find(kind, projectName) };
  });
  // 部门整体 first: its id is the projects' parent.
  plan.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'department' ? -1 : 1));
  const department = plan.find((p) => p.kind === 'department')?.existing ?? find('department', '');

  const locked = [
    ...plan.filter((p) => p.existing && !EDITABLE.includes(p.existing.status)).map((p) => ({ row: p.existing as EvaluationRow, title: label(p.kind, p.title) })),
    ...(department && !EDITABLE.includes(department.status) && !plan.some((p) => p.existing?.id === department.id) ? [{ row: department, title: '所属的部门整体评价' }] : []),
  ];
  if (locked.length) {
    const list = locked.map((l) => `${l.title}（${STATUS_LABEL[l.row.status]}）`).join('、');
    return {
      ok: false,
      kind: 'locked',
      message: `${list}不是“草稿”或“退回修改”，不能用导入内容覆盖；只有草稿和退回修改的评价可以采用导入`,
      locked: locked.map((l) => ({ id: l.row.id, title: l.title, status: l.row.status })),
    };
  }

  const accepted: AcceptedEvaluation[] = [];
  let parentId = department?.id ?? null;
  for (const p of plan) {
    const frameworkId = p.existing?.framework_id ?? (await assignedFramework(trx, input.jurisdictionPath, input.year, p.kind)) ?? (typeof p.content.frameworkId === 'string' ? p.content.frameworkId : DEFAULT_FRAMEWORK_ID);
    // The draft is of the year it is accepted into, scored by the framework its row names: the content says the same.
    const content = { ...p.content, year: input.year, frameworkId };
    const result = p.existing
      ? await appendVersion(trx, { evaluationId: p.existing.id, baseVersion: p.existing.current_version, content, reason: 'import', userId: input.userId })
      : await createEvaluation(trx, {
          unitId: input.unitId,
          year: input.year,
          kind: p.kind,
          projectName: p.projectName,
          parentId: p.kind === 'project' ? parentId : null,
          frameworkId,
          content,
          reason: 'import',
          userId: input.userId,
        });
    if (!result.ok && result.kind === 'invalid') {
      return { ok: false, kind: 'invalid', message: `${label(p.kind, p.title)}的内容不符合评价文件格式，未采用：${result.issues.map((i) => `${i.path}：${i.message}`).join('；')}`, issues: result.issues };
    }
    // Not reachable while the rows are locked above; answered rather than assumed.
    if (!result.ok) return { ok: false, kind: 'conflict', message: `${label(p.kind, p.title)}刚被他人修改，请重新采用` };
    let evaluation = result.evaluation;
    if (p.kind === 'department') parentId = evaluation.id;
    else if (parentId && evaluation.parent_id !== parentId) {
      // A project saved before its department existed is filed under it now.
      evaluation = await trx.updateTable('evaluations').set({ parent_id: parentId }).where('id', '=', evaluation.id).returningAll().executeTakeFirstOrThrow();
    }
    accepted.push({ evaluation, created: !p.existing });
  }
  await recordChange(trx, {
    userId: input.userId,
    action: 'import-accept',
    entity: 'import',
    entityId: input.importId,
    after: { unitId: input.unitId, year: input.year, evaluations: accepted.map((a) => ({ id: a.evaluation.id, version: a.evaluation.current_version, created: a.created })) },
  });
  return { ok: true, accepted };
}
