import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import { unitsVisibleTo } from '../access/scope-query';
import type { EvaluationFigures } from '../evaluations/check-evaluation';
import { figuresOfRow } from '../evaluations/check-evaluation';
import type { Database, EvaluationKind, EvaluationStatus } from '../store/database';
import type { Flag } from './flags';
import { flagsOf } from './flags';

/** One unit's evaluations across the years: the dashboard's drill-down from a unit row. */
export interface UnitHistory {
  readonly unit: { readonly id: string; readonly name: string; readonly code: string; readonly staffQuota: number | null; readonly jurisdictionId: string; readonly jurisdictionName: string };
  readonly evaluations: (EvaluationFigures & {
    readonly id: string;
    readonly year: number;
    readonly kind: EvaluationKind;
    readonly projectName: string;
    readonly status: EvaluationStatus;
    readonly version: number;
    readonly frameworkId: string;
    /** Findings of the current version by severity. */
    readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
    readonly flags: Flag[];
    readonly updatedAt: string;
  })[];
}

/** undefined when the unit does not exist or the actor may not read it. Two queries. */
export async function unitHistory(db: Kysely<Database>, actor: Actor, unitId: string): Promise<UnitHistory | undefined> {
  const unit = await db
    .selectFrom('units')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .select(['units.id', 'units.name', 'units.code', 'units.staff_quota', 'jurisdictions.id as jurisdiction_id', 'jurisdictions.name as jurisdiction_name'])
    .where('units.id', '=', unitId)
    .where(unitsVisibleTo(actor, 'read'))
    .executeTakeFirst();
  if (!unit) return undefined;
  const counts = db
    .selectFrom('findings')
    .innerJoin('evaluations', (join) => join.onRef('evaluations.id', '=', 'findings.evaluation_id').onRef('evaluations.current_version', '=', 'findings.version'))
    .where('evaluations.unit_id', '=', unitId)
    .select([
      'findings.evaluation_id',
      sql<number>`count(*) filter (where findings.severity = 'error')`.as('errors'),
      sql<number>`count(*) filter (where findings.severity = 'warning')`.as('warnings'),
      sql<number>`count(*) filter (where findings.severity = 'info')`.as('infos'),
    ])
    .groupBy('findings.evaluation_id')
    .as('counts');
  const rows = await db
    .selectFrom('evaluations')
    .leftJoin(counts, 'counts.evaluation_id', 'evaluations.id')
    .selectAll('evaluations')
    .select(['counts.errors', 'counts.warnings', 'counts.infos'])
    .where('evaluations.unit_id', '=', unitId)
    .orderBy('evaluations.year', 'desc')
    .orderBy('evaluations.kind')
    .orderBy('evaluations.project_name')
    .execute();
  return {
    unit: { id: unit.id, name: unit.name, code: unit.code, staffQuota: unit.staff_quota, jurisdictionId: unit.jurisdiction_id, jurisdictionName: unit.jurisdiction_name },
    evaluations: rows.map((e) => ({
      id: e.id,
      year: e.year,
      kind: e.kind,
      projectName: e.project_name,
      status: e.status,
      version: e.current_version,
      frameworkId: e.framework_id,
      ...figuresOfRow(e),
      findings: { error: Number(e.errors ?? 0), warning: Number(e.warnings ?? 0), info: Number(e.infos ?? 0) },
      flags: flagsOf({ ...figuresOfRow(e), errorCount: e.error_count }),
      updatedAt: new Date(e.updated_at).toISOString(),
    })),
  };
}
