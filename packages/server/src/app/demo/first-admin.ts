import { randomUUID } from 'node:crypto';
import { JixiaoError } from '@jixiao/core';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { passwordProblems } from '../accounts/password-rules';
import { recordChange } from '../audit-log';
import type { PasswordHasher } from '../ports';
import type { Database } from '../store/database';
import { DEMO_JURISDICTIONS } from './demo-world';

/**
 * Without the demo (JIXIAO_DEMO=0), an empty store still needs someone who can log in and build the tree:
 * the root jurisdiction (湖南省, the province the shipped frameworks serve) and the `admin` user on it.
 * Nothing happens on a store that has any jurisdiction.
 */
export type FirstAdmin = { readonly created: false } | { readonly created: true; readonly username: string; readonly jurisdiction: string; readonly password?: string };

export const FIRST_ADMIN = 'admin';

export async function createFirstAdmin(db: Kysely<Database>, hasher: PasswordHasher, password: string | undefined, generate: (username: string) => string): Promise<FirstAdmin> {
  if (password !== undefined) {
    const problems = passwordProblems(password, FIRST_ADMIN);
    if (problems.length) throw new JixiaoError('CONFIG', `JIXIAO_ADMIN_PASSWORD 不符合密码规则：${problems.join('；')}`);
  }
  const chosen = password ?? generate(FIRST_ADMIN);
  const hash = await hasher.hash(chosen);
  const root = DEMO_JURISDICTIONS[0] as (typeof DEMO_JURISDICTIONS)[number];
  return db.transaction().execute(async (trx): Promise<FirstAdmin> => {
    await sql`lock table jurisdictions in share row exclusive mode`.execute(trx);
    if (await trx.selectFrom('jurisdictions').select('id').limit(1).executeTakeFirst()) return { created: false };
    const jurisdictionId = randomUUID();
    const userId = randomUUID();
    await trx.insertInto('jurisdictions').values({ id: jurisdictionId, parent_id: null, name: root.name, level: root.level, code: root.code, path: `/${jurisdictionId}/` }).execute();
    await trx.insertInto('users').values({ id: userId, username: FIRST_ADMIN, display_name: '系统管理员', password_hash: hash }).execute();
    await trx.insertInto('role_grants').values({ id: randomUUID(), user_id: userId, role: 'admin', unit_id: null, jurisdiction_id: jurisdictionId }).execute();
    await recordChange(trx, { userId: null, action: 'first-admin', entity: 'user', entityId: userId, after: { username: FIRST_ADMIN, jurisdiction: root.name } });
    return { created: true, username: FIRST_ADMIN, jurisdiction: root.name, ...(password === undefined ? { password: chosen } : {}) };
  });
}
