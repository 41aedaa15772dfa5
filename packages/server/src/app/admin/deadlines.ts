import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { recordChange } from '../audit-log';
import type { Database, DeadlineKind } from '../store/database';
import type { SetAt } from './framework-for';

/**
 * Deadlines of a budget year's self-evaluation, set per jurisdiction and inherited down the tree (a county
 * without its own dates follows its city, then the province). Dates are calendar days in China.
 */
export const DEADLINE_KINDS: readonly DeadlineKind[] = ['submit', 'review', 'publish'];

export const DEADLINE_LABEL: Readonly<Record<DeadlineKind, string>> = {
  submit: '单位提交自评报告',
  review: '财政部门完成审核',
  publish: '自评报告公开',
};

/**
 * The one deadline with a published rule behind it: Hunan's annual notices (湘财绩〔2025〕2号 for 2024, quoted by
 * the 湖南省科技厅 notice; 湘财绩〔2024〕1号 for 2023) have self-evaluation reports published by 6月20日 of the
 * year after the budget year, and seed 001 says "6月20日前将绩效自评报告在省政府门户网站公开"
 * (shared/docs/scoring-rules.md §8). Submission and review dates differ by notice and jurisdiction and no
 * general rule was found, so they have no default: a jurisdiction sets them.
 */
export const DEFAULT_PUBLISH_MONTH_DAY = '06-20';
export const DEFAULT_PUBLISH_BASIS = '湖南省财政厅年度绩效自评通知（如湘财绩〔2025〕2号）：自评报告于预算年度次年6月20日前公开';

export interface EffectiveDeadline {
  readonly kind: DeadlineKind;
  readonly label: string;
  /** YYYY-MM-DD; null when neither the jurisdiction nor an ancestor set one and there is no default. */
  readonly dueDate: string | null;
  /** The jurisdiction whose setting applies; null for the default or when unset. */
  readonly setAt: SetAt | null;
  /** Why the default date, when it is the default. */
  readonly basis: string | null;
}

export type DeadlineDates = Partial<Record<DeadlineKind, string>>;

/**
 * Effective deadlines of several jurisdictions for one year, in one query: for each jurisdiction and kind the
 * setting of the deepest jurisdiction on its path (itself first). Jurisdictions not found are left out.
 */
export async function effectiveDeadlines(db: Kysely<Database>, jurisdictionIds: readonly string[], year: number): Promise<Map<string, EffectiveDeadline[]>> {
  const result = new Map<string, EffectiveDeadline[]>();
  if (jurisdictionIds.length === 0) return result;
  const targets = await db.selectFrom('jurisdictions').select('id').where('id', 'in', [...jurisdictionIds]).execute();
  const rows = await db
    .selectFrom('jurisdictions as target')
    .innerJoin('jurisdictions as setter', (join) => join.on(sql<boolean>`starts_with(target.path, setter.path)`))
    .innerJoin('deadlines as d', 'd.jurisdiction_id', 'setter.id')
    .where('target.id', 'in', [...jurisdictionIds])
    .where('d.year', '=', year)
    .distinctOn(['target.id', 'd.kind'])
    .select(['target.id as target_id', 'd.kind', sql<string>`d.due_date::text`.as('due_date'), 'setter.id as setter_id', 'setter.name as setter_name'])
    .orderBy('target.id')
    .orderBy('d.kind')
    .orderBy(sql`length(setter.path)`, 'desc')
    .execute();
  for (const { id } of targets) {
    result.set(
      id,
      DEADLINE_KINDS.map((kind) => {
        const row = rows.find((r) => r.target_id === id && r.kind === kind);
        if (row) return { kind, label: DEADLINE_LABEL[kind], dueDate: row.due_date, setAt: { jurisdictionId: row.setter_id, jurisdictionName: row.setter_name }, basis: null };
        if (kind === 'publish') return { kind, label: DEADLINE_LABEL[kind], dueDate: `${year + 1}-${DEFAULT_PUBLISH_MONTH_DAY}`, setAt: null, basis: DEFAULT_PUBLISH_BASIS };
        return { kind, label: DEADLINE_LABEL[kind], dueDate: null, setAt: null, basis: null };
      }),
    );
  }
  return result;
}

/** A jurisdiction's own dates for a year (not inherited ones). */
export async function ownDeadlines(db: Kysely<Database>, jurisdictionId: string, year: number): Promise<DeadlineDates> {
  const rows = await db
    .selectFrom('deadlines')
    .select(['kind', sql<string>`due_date::text`.as('due_date')])
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('year', '=', year)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, r.due_date]));
}

/**
 * Sets a jurisdiction's own dates for a year: a date replaces its setting, null removes it (the inherited or
 * default date applies again), an absent kind is left as it is. Returns a Chinese reason when the dates that
 * would then apply are out of order (提交 ≤ 审核 ≤ 公开); the caller rolls the transaction back.
 */
export async function setDeadlines(
  db: Kysely<Database>,
  jurisdictionId: string,
  year: number,
  changes: Partial<Record<DeadlineKind, string | null>>,
  userId: string,
): Promise<{ ok: true; deadlines: EffectiveDeadline[] } | { ok: false; message: string }> {
  const before = await ownDeadlines(db, jurisdictionId, year);
  for (const kind of DEADLINE_KINDS) {
    const date = changes[kind];
    if (date === undefined) continue;
    if (date === null) {
      await db.deleteFrom('deadlines').where('jurisdiction_id', '=', jurisdictionId).where('year', '=', year).where('kind', '=', kind).execute();
    } else {
      await db
        .insertInto('deadlines')
        .values({ jurisdiction_id: jurisdictionId, year, kind, due_date: date })
        .onConflict((oc) => oc.columns(['jurisdiction_id', 'year', 'kind']).doUpdateSet({ due_date: date }))
        .execute();
    }
  }
  const deadlines = (await effectiveDeadlines(db, [jurisdictionId], year)).get(jurisdictionId) ?? [];
  const dated = deadlines.filter((d): d is EffectiveDeadline & { dueDate: string } => d.dueDate !== null);
  for (let i = 1; i < dated.length; i++) {
    const [earlier, later] = [dated[i - 1], dated[i]] as [EffectiveDeadline & { dueDate: string }, EffectiveDeadline & { dueDate: string }];
    if (later.dueDate < earlier.dueDate) return { ok: false, message: `“${later.label}”（${later.dueDate}）不能早于“${earlier.label}”（${earlier.dueDate}）` };
  }
  await recordChange(db, { userId, action: 'deadlines-set', entity: 'jurisdiction', entityId: jurisdictionId, before: { year, ...before }, after: { year, ...(await ownDeadlines(db, jurisdictionId, year)) } });
  return { ok: true, deadlines };
}

/** Beijing time has no daylight saving: a fixed +8 hours gives today's date in China whatever the server's zone. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today in China, YYYY-MM-DD. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from today (in China) to the due date: 0 on the day itself, negative once it has passed. */
export function daysLeft(dueDate: string, now: Date): number {
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${chinaToday(now)}T00:00:00Z`)) / 86_400_000);
}

/** A real calendar date written YYYY-MM-DD (2023-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}
