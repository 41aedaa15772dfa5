import type { Kysely } from 'kysely';
import type { PasswordHasher } from '../src/app/ports';
import type { Database, Role } from '../src/app/store/database';

/**
 * A small world for API tests: 湖南省 → 岳阳市 and 长沙市 → 浏阳市, one unit under 岳阳市 and one under 浏阳市,
 * and one user per role and scope. "Own" and "foreign" in the access tests are relative to 岳阳.
 *
 *   hn  湖南省 (province)          admin, fin_hn, npc_hn
 *   yy  ├ 岳阳市 (city)            fin_yy, npc_yy
 *       │  └ unit u_yy 岳阳市人大常委会办公室     filler_yy, head_yy
 *   cs  └ 长沙市 (city)
 *   ly      └ 浏阳市 (county)     fin_ly
 *              └ unit u_ly 浏阳市人大常委会办公室  filler_ly, head_ly
 */
export const WORLD_PASSWORD = 'Jixiao-Test-2024';

export const WORLD_USERS: readonly { username: string; name: string; role: Role; unit?: string; jurisdiction?: string }[] = [
  { username: 'admin', name: '系统管理员', role: 'admin', jurisdiction: 'hn' },
  { username: 'fin_hn', name: '省财政厅审核员', role: 'finance_reviewer', jurisdiction: 'hn' },
  { username: 'npc_hn', name: '省人大预算工委', role: 'npc_supervisor', jurisdiction: 'hn' },
  { username: 'fin_yy', name: '岳阳市财政局审核员', role: 'finance_reviewer', jurisdiction: 'yy' },
  { username: 'npc_yy', name: '岳阳市人大预算工委', role: 'npc_supervisor', jurisdiction: 'yy' },
  { username: 'filler_yy', name: '岳阳填报人', role: 'filler', unit: 'u_yy' },
  { username: 'head_yy', name: '岳阳单位负责人', role: 'unit_head', unit: 'u_yy' },
  { username: 'fin_ly', name: '浏阳市财政局审核员', role: 'finance_reviewer', jurisdiction: 'ly' },
  { username: 'filler_ly', name: '浏阳填报人', role: 'filler', unit: 'u_ly' },
  { username: 'head_ly', name: '浏阳单位负责人', role: 'unit_head', unit: 'u_ly' },
];

let cachedHash: string | undefined;

export async function seedWorld(db: Kysely<Database>, hasher: PasswordHasher): Promise<void> {
  cachedHash ??= await hasher.hash(WORLD_PASSWORD);
  await db
    .insertInto('jurisdictions')
    .values([
      { id: 'hn', parent_id: null, name: '湖南省', level: 'province', code: '430000', path: '/hn/' },
      { id: 'yy', parent_id: 'hn', name: '岳阳市', level: 'city', code: '430600', path: '/hn/yy/' },
      { id: 'cs', parent_id: 'hn', name: '长沙市', level: 'city', code: '430100', path: '/hn/cs/' },
      { id: 'ly', parent_id: 'cs', name: '浏阳市', level: 'county', code: '430181', path: '/hn/cs/ly/' },
    ])
    .execute();
  await db
    .insertInto('units')
    .values([
      { id: 'u_yy', jurisdiction_id: 'yy', name: '岳阳市人大常委会办公室', code: '430600-001', staff_quota: 111 },
      { id: 'u_ly', jurisdiction_id: 'ly', name: '浏阳市人大常委会办公室', code: '430181-001', staff_quota: 36 },
    ])
    .execute();
  await db
    .insertInto('users')
    .values(WORLD_USERS.map((u) => ({ id: `user_${u.username}`, username: u.username, display_name: u.name, password_hash: cachedHash as string })))
    .execute();
  await db
    .insertInto('role_grants')
    .values(WORLD_USERS.map((u) => ({ id: `grant_${u.username}`, user_id: `user_${u.username}`, role: u.role, unit_id: u.unit ?? null, jurisdiction_id: u.jurisdiction ?? null })))
    .execute();
}
