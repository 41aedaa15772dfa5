import { randomUUID } from 'node:crypto';
import type { Finding } from '@jixiao/core';
import type { Kysely } from 'kysely';
import { recordChange } from '../audit-log';
import type { Database, EvaluationKind, EvaluationRow, EvaluationStatus } from '../store/database';
import type { EvaluationFigures } from './check-evaluation';
import { checkEvaluation } from './check-evaluation';
import { changedPaths } from './json-diff';

/**
 * Evaluations and their immutable versions. Every write goes through here, inside the caller's transaction:
 * a new version row, the evaluation's figures recomputed from it, its findings recorded, and the change
 * logged. Content that does not fit the evaluation file format is refused with its issues (never stored).
 */
export interface NewEvaluation {
  readonly unitId: string;
  readonly year: number;
  readonly kind: EvaluationKind;
  readonly projectName?: string;
  readonly parentId?: string | null;
  readonly frameworkId: string;
  readonly content: Record<string, unknown>;
  readonly reason: string;
  readonly userId: string | null;
}

export type WriteResult =
  | { readonly ok: true; readonly evaluation: EvaluationRow; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly kind: 'invalid'; readonly issues: readonly { path: string; message: string }[] }
  | { readonly ok: false; readonly kind: 'conflict'; readonly currentVersion: number; readonly changedPaths: readonly string[]; readonly current: Record<string, unknown> };

function figureColumns(f: EvaluationFigures, findings: readonly Finding[]) {
  return {
    budget: f.budget,
    executed: f.executed,
    execution_rate: f.executionRate,
    stated_score: f.statedScore,
    computed_score: f.computedScore,
    grade: f.grade,
    error_count: findings.filter((x) => x.severity === 'error').length,
    warning_count: findings.filter((x) => x.severity === 'warning').length,
  };
}

async function recordFindings(db: Kysely<Database>, evaluationId: string, version: number, findings: readonly Finding[]): Promise<void> {
  if (findings.length === 0) return;
  // Chunked: one seed report has a few hundred findings, and parameters per statement are limited.
  for (let i = 0; i < findings.length; i += 200) {
    await db
      .insertInto('findings')
      .values(
        findings.slice(i, i + 200).map((f) => ({
          id: randomUUID(),
          evaluation_id: evaluationId,
          version,
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          location: f.location ? JSON.stringify(f.location) : null,
          quote: f.quote ?? null,
        })),
      )
      .execute();
  }
}

export async function createEvaluation(db: Kysely<Database>, input: NewEvaluation): Promise<WriteResult> {
  const check = checkEvaluation(input.content, input.frameworkId);
  if (!check.ok) return { ok: false, kind: 'invalid', issues: check.issues };
  const id = randomUUID();
  const now = new Date();
  const row = await db
    .insertInto('evaluations')
    .values({
      id,
      unit_id: input.unitId,
      year: input.year,
      kind: input.kind,
      project_name: input.projectName ?? '',
      parent_id: input.parentId ?? null,
      status: 'draft',
      current_version: 1,
      framework_id: input.frameworkId,
      created_at: now,
      updated_at: now,
      ...figureColumns(check.figures, check.findings),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.insertInto('evaluation_versions').values({ evaluation_id: id, version: 1, content: JSON.stringify(input.content), reason: input.reason, created_by: input.userId, created_at: now }).execute();
  await recordFindings(db, id, 1, check.findings);
  await recordChange(db, { userId: input.userId, action: input.reason, entity: 'evaluation', entityId: id, after: summary(row) });
  return { ok: true, evaluation: row, findings: check.findings };
}

export interface NewVersion {
  readonly evaluationId: string;
  /** The version the editor started from; a save from an older one is a conflict, never an overwrite. */
  readonly baseVersion: number;
  readonly content: Record<string, unknown>;
  readonly reason: string;
  readonly userId: string | null;
  /** A workflow change made together with the save (submission records the version it submitted). */
  readonly status?: EvaluationStatus;
  /** When the version was made, for history brought in from elsewhere (the demo's dated submissions); else now. */
  readonly at?: Date;
}

export async function appendVersion(db: Kysely<Database>, input: NewVersion): Promise<WriteResult> {
  // FOR UPDATE: two saves from the same version serialise here, and the second sees the first's version.
  const before = await db.selectFrom('evaluations').selectAll().where('id', '=', input.evaluationId).forUpdate().executeTakeFirstOrThrow();
  if (before.current_version !== input.baseVersion) {
    const versions = await db
      .selectFrom('evaluation_versions')
      .select(['version', 'content'])
      .where('evaluation_id', '=', input.evaluationId)
      .where('version', 'in', [input.baseVersion, before.current_version])
      .execute();
    const base = versions.find((v) => v.version === input.baseVersion)?.content ?? {};
    const current = versions.find((v) => v.version === before.current_version)?.content ?? {};
    return { ok: false, kind: 'conflict', currentVersion: before.current_version, changedPaths: changedPaths(base, current), current };
  }
  const check = checkEvaluation(input.content, before.framework_id);
  if (!check.ok) return { ok: false, kind: 'invalid', issues: check.issues };
  const version = before.current_version + 1;
  const now = input.at ?? new Date();
  await db.insertInto('evaluation_versions').values({ evaluation_id: before.id, version, content: JSON.stringify(input.content), reason: input.reason, created_by: input.userId, created_at: now }).execute();
  const after = await db
    .updateTable('evaluations')
    .set({ current_version: version, updated_at: now, ...(input.status ? { status: input.status } : {}), ...figureColumns(check.figures, check.findings) })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordFindings(db, before.id, version, check.findings);
  await recordChange(db, { userId: input.userId, action: input.reason, entity: 'evaluation', entityId: before.id, before: summary(before), after: summary(after) });
  return { ok: true, evaluation: after, findings: check.findings };
}

/** A status change without new content (return, approve, publish): the version stays, the log records it. */
export async function setStatus(db: Kysely<Database>, evaluationId: string, status: EvaluationStatus, userId: string | null, action: string): Promise<EvaluationRow> {
  const before = await db.selectFrom('evaluations').selectAll().where('id', '=', evaluationId).forUpdate().executeTakeFirstOrThrow();
  const after = await db.updateTable('evaluations').set({ status, updated_at: new Date() }).where('id', '=', evaluationId).returningAll().executeTakeFirstOrThrow();
  await recordChange(db, { userId, action, entity: 'evaluation', entityId: evaluationId, before: summary(before), after: summary(after) });
  return after;
}

/** What the audit log keeps of an evaluation row: the content itself is in its immutable versions. */
function summary(row: EvaluationRow): Record<string, unknown> {
  return {
    status: row.status,
    version: row.current_version,
    budget: row.budget,
    executed: row.executed,
    executionRate: row.execution_rate,
    statedScore: row.stated_score,
    computedScore: row.computed_score,
    grade: row.grade,
    errors: row.error_count,
  };
}
