import type { Kysely } from 'kysely';
import { withinPath } from '../admin/jurisdiction-access';
import type { EvaluationFigures } from '../evaluations/check-evaluation';
import { figuresOfRow } from '../evaluations/check-evaluation';
import type { Database, EvaluationKind } from '../store/database';

/**
 * 公开: published self-evaluations, readable without an account (预算法 and 财预〔2020〕10号 have reports made
 * public). Every query here carries `status = 'published'` itself, so an unpublished evaluation is not read at
 * all, whoever asks; a draft's id answers exactly like an id that does not exist.
 */
export interface PublicReport extends EvaluationFigures {
  readonly id: string;
  readonly year: number;
  readonly kind: EvaluationKind;
  readonly projectName: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly jurisdictionId: string;
  readonly jurisdictionName: string;
}

export interface PublicFilter {
  readonly jurisdictionId?: string | undefined;
  readonly year?: number | undefined;
  readonly unitId?: string | undefined;
}

function published(db: Kysely<Database>) {
  return db
    .selectFrom('evaluations')
    .innerJoin('units', 'units.id', 'evaluations.unit_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .where('evaluations.status', '=', 'published');
}

const COLUMNS = [
  'evaluations.id',
  'evaluations.year',
  'evaluations.kind',
  'evaluations.project_name',
  'units.id as unit_id',
  'units.name as unit_name',
  'jurisdictions.id as jurisdiction_id',
  'jurisdictions.name as jurisdiction_name',
  'evaluations.budget',
  'evaluations.executed',
  'evaluations.execution_rate',
  'evaluations.stated_score',
  'evaluations.computed_score',
  'evaluations.grade',
] as const;

type Row = {
  id: string;
  year: number;
  kind: EvaluationKind;
  project_name: string;
  unit_id: string;
  unit_name: string;
  jurisdiction_id: string;
  jurisdiction_name: string;
  budget: string | null;
  executed: string | null;
  execution_rate: string | null;
  stated_score: string | null;
  computed_score: string | null;
  grade: string | null;
};

function toReport(r: Row): PublicReport {
  return {
    id: r.id,
    year: r.year,
    kind: r.kind,
    projectName: r.project_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    jurisdictionId: r.jurisdiction_id,
    jurisdictionName: r.jurisdiction_name,
    ...figuresOfRow(r),
  };
}

/** Published reports, newest year first; a jurisdiction filter takes its whole subtree. */
export async function listPublicReports(db: Kysely<Database>, filter: PublicFilter, page: number, pageSize: number): Promise<{ items: PublicReport[]; total: number }> {
  let base = published(db);
  if (filter.year !== undefined) base = base.where('evaluations.year', '=', filter.year);
  if (filter.unitId) base = base.where('units.id', '=', filter.unitId);
  if (filter.jurisdictionId) {
    const place = await db.selectFrom('jurisdictions').select('path').where('id', '=', filter.jurisdictionId).executeTakeFirst();
    if (!place) return { items: [], total: 0 };
    base = base.where(withinPath('jurisdictions.path', place.path));
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select([...COLUMNS])
    .orderBy('evaluations.year', 'desc')
    .orderBy('jurisdictions.path')
    .orderBy('units.code')
    .orderBy('evaluations.kind')
    .orderBy('evaluations.project_name')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map(toReport), total: Number(total) };
}

/** A published report with the content of its current version (the published one); undefined for anything else. */
export async function publicReport(db: Kysely<Database>, id: string): Promise<{ report: PublicReport; content: Record<string, unknown> } | undefined> {
  const row = await published(db)
    .innerJoin('evaluation_versions', (join) => join.onRef('evaluation_versions.evaluation_id', '=', 'evaluations.id').onRef('evaluation_versions.version', '=', 'evaluations.current_version'))
    .select([...COLUMNS, 'evaluation_versions.content'])
    .where('evaluations.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { report: toReport(row), content: withoutSources(row.content) as Record<string, unknown> };
}

/**
 * `source` fields say where the importer read each figure (uploaded file names, pages, cells): internal
 * working detail of the unit's upload, not part of the published report.
 */
export function withoutSources(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSources);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'source').map(([k, v]) => [k, withoutSources(v)]));
  return value;
}

