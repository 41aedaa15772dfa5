import { FRAMEWORKS, findFramework } from '@jixiao/core';
import type { Kysely } from 'kysely';
import { recordChange } from '../audit-log';
import { parsePolicyOverrides } from '../policy-overrides';
import type { Database, EvaluationKind } from '../store/database';

export interface FrameworkSetting {
  readonly jurisdictionId: string;
  readonly year: number;
  readonly kind: EvaluationKind;
  readonly frameworkId: string;
  readonly policies: Readonly<Record<string, string>>;
}

/**
 * Why a setting cannot be stored, in Chinese; undefined when it can. The framework must be one Jixiao ships
 * and support the kind; policies are checked by the same parser as `jixiao score --policy`, so a stored
 * setting always parses when an evaluation is scored with it.
 */
export function frameworkSettingProblem(setting: Pick<FrameworkSetting, 'kind' | 'frameworkId' | 'policies'>): string | undefined {
  const framework = findFramework(setting.frameworkId);
  if (!framework) return `没有评价框架“${setting.frameworkId}”；可用：${FRAMEWORKS.map((f) => f.id).join('、')}`;
  if (!framework.kinds.includes(setting.kind)) return `评价框架“${framework.name}”不适用于${setting.kind === 'department' ? '部门整体支出' : '项目支出'}评价`;
  const parsed = parsePolicyOverrides(Object.entries(setting.policies).map(([name, value]) => `${name}=${value}`));
  return parsed.ok ? undefined : parsed.message;
}

/** Sets (or replaces) a jurisdiction's framework for a year and kind, logging the row before and after. */
export async function setFramework(db: Kysely<Database>, setting: FrameworkSetting, userId: string): Promise<void> {
  const key = { jurisdiction_id: setting.jurisdictionId, year: setting.year, kind: setting.kind };
  const before = await db
    .selectFrom('jurisdiction_frameworks')
    .select(['framework_id', 'policies'])
    .where('jurisdiction_id', '=', key.jurisdiction_id)
    .where('year', '=', key.year)
    .where('kind', '=', key.kind)
    .executeTakeFirst();
  const values = { framework_id: setting.frameworkId, policies: JSON.stringify(setting.policies) };
  await db
    .insertInto('jurisdiction_frameworks')
    .values({ ...key, ...values })
    .onConflict((oc) => oc.columns(['jurisdiction_id', 'year', 'kind']).doUpdateSet(values))
    .execute();
  await recordChange(db, {
    userId,
    action: 'framework-set',
    entity: 'jurisdiction',
    entityId: setting.jurisdictionId,
    before: before ? { year: setting.year, kind: setting.kind, frameworkId: before.framework_id, policies: before.policies } : undefined,
    after: { year: setting.year, kind: setting.kind, frameworkId: setting.frameworkId, policies: setting.policies },
  });
}
