import type { Role } from '../store/database';

/** A role grant as access checks need it: on a unit, or on a jurisdiction (with its path, for subtrees). */
export interface Grant {
  readonly role: Role;
  readonly unitId: string | null;
  readonly jurisdictionId: string | null;
  /** The granted jurisdiction's path (`/j1/j2/`); null for a unit grant. */
  readonly jurisdictionPath: string | null;
}

/** The signed-in user a request acts for. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly grants: readonly Grant[];
}

export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  filler: '填报人',
  unit_head: '单位负责人',
  finance_reviewer: '财政审核',
  npc_supervisor: '人大监督',
  admin: '系统管理员',
};
