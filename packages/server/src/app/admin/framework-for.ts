import { DEFAULT_FRAMEWORK_ID } from '@jixiao/core';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database, EvaluationKind } from '../store/database';

/** Where a setting came from: the jurisdiction it was set on (the asked one itself, or an ancestor). */
export interface SetAt {
  readonly jurisdictionId: string;
  readonly jurisdictionName: string;
}

/** The framework an evaluation of a unit, year and kind is scored by, with the jurisdiction's policy overrides. */
export interface EffectiveFramework {
  readonly kind: EvaluationKind;
  readonly frameworkId: string;
  /** Policy overrides as `name → value` text (app/policy-overrides.ts parses them). */
  readonly policies: Readonly<Record<string, string>>;
  /** null: nothing set on the jurisdiction or any ancestor for that year and kind, so the default applies. */
  readonly setAt: SetAt | null;
}

const KINDS: readonly EvaluationKind[] = ['department', 'project'];

/**
 * The frameworks for a jurisdiction and year, one per kind: the setting of the nearest jurisdiction on the way
 * up (itself first) that has one for that year and kind, else `hunan-standard`. One query, whatever the depth:
 * the ancestors are the jurisdictions whose path is a prefix of this one's.
 */
export async function effectiveFrameworks(db: Kysely<Database>, jurisdictionId: string, year: number): Promise<EffectiveFramework[]> {
  const rows = await db
    .selectFrom('jurisdictions as target')
    .innerJoin('jurisdictions as setter', (join) => join.on(sql<boolean>`starts_with(target.path, setter.path)`))
    .innerJoin('jurisdiction_frameworks as jf', 'jf.jurisdiction_id', 'setter.id')
    .where('target.id', '=', jurisdictionId)
    .where('jf.year', '=', year)
    .distinctOn('jf.kind')
    .select(['jf.kind', 'jf.framework_id', 'jf.policies', 'setter.id as setter_id', 'setter.name as setter_name'])
    .orderBy('jf.kind')
    .orderBy(sql`length(setter.path)`, 'desc')
    .execute();
  return KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    if (!row) return { kind, frameworkId: DEFAULT_FRAMEWORK_ID, policies: {}, setAt: null };
    return { kind, frameworkId: row.framework_id, policies: row.policies as Record<string, string>, setAt: { jurisdictionId: row.setter_id, jurisdictionName: row.setter_name } };
  });
}

/**
 * The framework a new evaluation of this unit, year and kind is created with (the evaluations routes call it).
 * A unit that does not exist gets the default; callers have found the unit already.
 */
export async function frameworkFor(db: Kysely<Database>, unitId: string, year: number, kind: EvaluationKind): Promise<EffectiveFramework> {
  const unit = await db.selectFrom('units').select('jurisdiction_id').where('id', '=', unitId).executeTakeFirst();
  const fallback: EffectiveFramework = { kind, frameworkId: DEFAULT_FRAMEWORK_ID, policies: {}, setAt: null };
  if (!unit) return fallback;
  return (await effectiveFrameworks(db, unit.jurisdiction_id, year)).find((f) => f.kind === kind) ?? fallback;
}
