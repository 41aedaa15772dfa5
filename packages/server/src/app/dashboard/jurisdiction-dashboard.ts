import { dec, roundHalfAwayFromZero } from '@jixiao/core';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import { unitsVisibleTo } from '../access/scope-query';
import { withinPath } from '../admin/jurisdiction-access';
import type { EvaluationFigures } from '../evaluations/check-evaluation';
import { figuresOfRow } from '../evaluations/check-evaluation';
import type { Database, EvaluationStatus } from '../store/database';
import type { Flag } from './flags';
import { flagsOf } from './flags';

/**
 * The supervision dashboard (人大, 财政) of one jurisdiction and year: every unit under it that the actor may
 * read, with its 部门整体 evaluation's figures; totals; findings by rule; and the trend over all years.
 *
 * Only 部门整体 evaluations are counted: a 项目's funds are part of its unit's 部门整体 funds, so adding both
 * would count the money twice. Three aggregate queries, whatever the number of units or years.
 */
export const STATUSES: readonly EvaluationStatus[] = ['draft', 'submitted', 'returned', 'approved', 'published'];

export interface DashboardUnit extends EvaluationFigures {
  readonly unitId: string;
  readonly unitName: string;
  readonly unitCode: string;
  readonly jurisdictionId: string;
  readonly jurisdictionName: string;
  /** null: the unit has no 部门整体 evaluation for the year yet. */
  readonly evaluationId: string | null;
  readonly status: EvaluationStatus | null;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly flags: Flag[];
}

export interface YearFigures {
  readonly year: number;
  readonly evaluations: number;
  /** Evaluations with both a budget and an executed figure: the ones the sums and the rate cover. */
  readonly withFigures: number;
  readonly budget: string | null;
  readonly executed: string | null;
  /** Σ executed ÷ Σ budget × 100, 四舍五入 to 2 places; null without a budget. */
  readonly executionRate: string | null;
  /** Mean computed score, 四舍五入 to 2 places; null when none is scored. */
  readonly averageScore: string | null;
}

export interface Dashboard {
  readonly jurisdiction: { readonly id: string; readonly name: string };
  readonly year: number;
  readonly units: DashboardUnit[];
  readonly totals: YearFigures & {
    readonly units: number;
    readonly byStatus: Readonly<Record<EvaluationStatus, number>>;
    readonly withoutEvaluation: number;
    readonly errorCount: number;
    readonly warningCount: number;
    readonly flagged: number;
  };
  readonly findingsByRule: { readonly rule: string; readonly severity: 'error' | 'warning' | 'info'; readonly count: number; readonly evaluations: number }[];
  readonly trend: YearFigures[];
}

export async function jurisdictionDashboard(db: Kysely<Database>, actor: Actor, jurisdiction: { id: string; name: string; path: string }, year: number): Promise<Dashboard> {
  // The units under the jurisdiction that the actor may read: every query below starts from them.
  const unitsInScope = () =>
    db
      .selectFrom('units')
      .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
      .where(withinPath('jurisdictions.path', jurisdiction.path))
      .where(unitsVisibleTo(actor, 'read'));

  const rows = await unitsInScope()
    .leftJoin('evaluations', (join) => join.onRef('evaluations.unit_id', '=', 'units.id').on('evaluations.year', '=', year).on('evaluations.kind', '=', 'department'))
    .select([
      'units.id as unit_id',
      'units.name as unit_name',
      'units.code as unit_code',
      'jurisdictions.id as jurisdiction_id',
      'jurisdictions.name as jurisdiction_name',
      'evaluations.id as evaluation_id',
      'evaluations.status',
      'evaluations.budget',
      'evaluations.executed',
      'evaluations.execution_rate',
      'evaluations.stated_score',
      'evaluations.computed_score',
      'evaluations.grade',
      'evaluations.error_count',
      'evaluations.warning_count',
    ])
    .orderBy('jurisdictions.path')
    .orderBy('units.code')
    .execute();

  const findings = await unitsInScope()
    .innerJoin('evaluations', 'evaluations.unit_id', 'units.id')
    .innerJoin('findings', (join) => join.onRef('findings.evaluation_id', '=', 'evaluations.id').onRef('findings.version', '=', 'evaluations.current_version'))
    .where('evaluations.year', '=', year)
    .where('evaluations.kind', '=', 'department')
    .select(['findings.rule', 'findings.severity', (eb) => eb.fn.countAll<number>().as('count'), sql<number>`count(distinct evaluations.id)`.as('evaluations')])
    .groupBy(['findings.rule', 'findings.severity'])
    .orderBy('count', 'desc')
    .orderBy('findings.rule')
    .execute();

  const both = sql`evaluations.budget is not null and evaluations.executed is not null`;
  const years = await unitsInScope()
    .innerJoin('evaluations', 'evaluations.unit_id', 'units.id')
    .where('evaluations.kind', '=', 'department')
    .select([
      'evaluations.year',
      (eb) => eb.fn.countAll<number>().as('evaluations'),
      sql<number>`count(*) filter (where ${both})`.as('with_figures'),
      // numeric sums: exact, never through a float.
      sql<string | null>`sum(evaluations.budget) filter (where ${both})`.as('budget'),
      sql<string | null>`sum(evaluations.executed) filter (where ${both})`.as('executed'),
      sql<string | null>`sum(evaluations.computed_score)`.as('score_sum'),
      sql<number>`count(evaluations.computed_score)`.as('scored'),
    ])
    .groupBy('evaluations.year')
    .orderBy('evaluations.year')
    .execute();

  const trend = years.map((y) => yearFigures(y.year, Number(y.evaluations), Number(y.with_figures), y.budget, y.executed, y.score_sum, Number(y.scored)));
  const units: DashboardUnit[] = rows.map((r) => {
    const figures = { ...figuresOfRow(r), errorCount: r.error_count ?? 0 };
    return {
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitCode: r.unit_code,
      jurisdictionId: r.jurisdiction_id,
      jurisdictionName: r.jurisdiction_name,
      evaluationId: r.evaluation_id,
      status: r.status,
      ...figures,
      warningCount: r.warning_count ?? 0,
      flags: r.evaluation_id ? flagsOf(figures) : [],
    };
  });
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, units.filter((u) => u.status === s).length])) as Record<EvaluationStatus, number>;
  const thisYear = trend.find((t) => t.year === year) ?? yearFigures(year, 0, 0, null, null, null, 0);
  return {
    jurisdiction: { id: jurisdiction.id, name: jurisdiction.name },
    year,
    units,
    totals: {
      ...thisYear,
      units: units.length,
      byStatus,
      withoutEvaluation: units.filter((u) => u.evaluationId === null).length,
      errorCount: units.reduce((n, u) => n + u.errorCount, 0),
      warningCount: units.reduce((n, u) => n + u.warningCount, 0),
      flagged: units.filter((u) => u.flags.length > 0).length,
    },
    findingsByRule: findings.map((f) => ({ rule: f.rule, severity: f.severity, count: Number(f.count), evaluations: Number(f.evaluations) })),
    trend,
  };
}

/** A year's sums as the database gave them (exact numeric strings), with the rate and mean computed once, 四舍五入. */
export function yearFigures(year: number, evaluations: number, withFigures: number, budget: string | null, executed: string | null, scoreSum: string | null, scored: number): YearFigures {
  const rate = budget !== null && executed !== null && !dec(budget).isZero() ? roundHalfAwayFromZero(dec(executed).div(dec(budget)).times(100), 2).toFixed(2) : null;
  const averageScore = scoreSum !== null && scored > 0 ? roundHalfAwayFromZero(dec(scoreSum).div(scored.toString()), 2).toFixed(2) : null;
  return { year, evaluations, withFigures, budget, executed, executionRate: rate, averageScore };
}
