import type { Kysely } from 'kysely';
import type { Database, EvaluationStatus } from '../src/app/store/database';

/**
 * Evaluation rows written straight into the table, with the figures a test wants the dashboards to read: no
 * content, scoring or audit behind them (the evaluations API's tests cover those).
 */
export interface EvaluationRowSpec {
  id: string;
  unit: string;
  year: number;
  kind?: 'department' | 'project';
  /** A project's name; a project without one is named 代表履职. */
  project?: string;
  status: EvaluationStatus;
  version?: number;
  budget?: string;
  executed?: string;
  rate?: string;
  stated?: string;
  computed?: string;
  grade?: string;
  errors?: number;
  warnings?: number;
}

export async function insertEvaluationRows(db: Kysely<Database>, rows: readonly EvaluationRowSpec[]): Promise<void> {
  await db
    .insertInto('evaluations')
    .values(
      rows.map((r) => ({
        id: r.id,
        unit_id: r.unit,
        year: r.year,
        kind: r.kind ?? 'department',
        project_name: r.project ?? (r.kind === 'project' ? '代表履职' : ''),
        status: r.status,
        current_version: r.version ?? 1,
        framework_id: 'hunan-standard',
        budget: r.budget ?? null,
        executed: r.executed ?? null,
        execution_rate: r.rate ?? null,
        stated_score: r.stated ?? null,
        computed_score: r.computed ?? null,
        grade: r.grade ?? null,
        error_count: r.errors ?? 0,
        warning_count: r.warnings ?? 0,
      })),
    )
    .execute();
}
