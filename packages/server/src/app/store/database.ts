import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The service's tables, as Kysely sees them. Kysely is the store port (docs/decisions/0004): use cases
 * write queries against these types, and the adapters in adapters/db supply the engine (PGlite embedded,
 * PostgreSQL with DATABASE_URL) and the migrations that create exactly these columns.
 *
 * Money and scores are `numeric` columns, read back as strings and turned into `Decimal` where computed
 * with; never JS numbers. Timestamps are `timestamptz`, read as Date.
 */

/** A decimal as PostgreSQL returns `numeric`: an exact string; written from a string too. */
type Numeric = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type JurisdictionLevel = 'province' | 'city' | 'county';
export type Role = 'filler' | 'unit_head' | 'finance_reviewer' | 'npc_supervisor' | 'admin';
export type EvaluationKind = 'department' | 'project';
export type EvaluationStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';
export type DeadlineKind = 'submit' | 'review' | 'publish';

export interface JurisdictionTable {
  id: string;
  parent_id: string | null;
  name: string;
  level: JurisdictionLevel;
  code: string;
  /** `/root-id/…/own-id/`: a subtree is `path LIKE '<ancestor path>%'`. */
  path: string;
  created_at: Timestamp;
}

export interface UnitTable {
  id: string;
  jurisdiction_id: string;
  name: string;
  /** 单位代码 (the budget unit's code in the finance system). */
  code: string;
  /** 编制数 (authorised headcount), as the 基础数据表 states it. */
  staff_quota: number | null;
  created_at: Timestamp;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  created_at: Timestamp;
}

/** A role on one unit (填报人, 单位负责人) or on a jurisdiction and everything under it (the others). */
export interface RoleGrantTable {
  id: string;
  user_id: string;
  role: Role;
  unit_id: string | null;
  jurisdiction_id: string | null;
  created_at: Timestamp;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a leaked table does not give working sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

/** Which framework and policies a jurisdiction's units are scored by in a year (inherited down the tree). */
export interface JurisdictionFrameworkTable {
  jurisdiction_id: string;
  year: number;
  kind: EvaluationKind;
  framework_id: string;
  policies: Json<Record<string, unknown>>;
}

export interface DeadlineTable {
  jurisdiction_id: string;
  year: number;
  kind: DeadlineKind;
  due_date: string;
}

export interface EvaluationTable {
  id: string;
  unit_id: string;
  year: number;
  kind: EvaluationKind;
  /** The project's name; '' for the 部门整体 evaluation (one per unit and year). */
  project_name: string;
  /** A 项目 evaluation's 部门整体 evaluation. */
  parent_id: string | null;
  status: EvaluationStatus;
  /** The latest version number; a save names the version it was based on (optimistic concurrency). */
  current_version: number;
  framework_id: string;
  /** Figures of the current version, denormalised for dashboards. */
  budget: Numeric | null;
  executed: Numeric | null;
  execution_rate: Numeric | null;
  stated_score: Numeric | null;
  computed_score: Numeric | null;
  grade: string | null;
  error_count: Generated<number>;
  warning_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An evaluation's content at one version: never updated, only appended. */
export interface EvaluationVersionTable {
  evaluation_id: string;
  version: number;
  /** The evaluation in the file format of docs/evaluation-format.md (decimals as strings). */
  content: Json<Record<string, unknown>>;
  /** What the version was made by: 'create', 'save', 'import', 'submit', … */
  reason: string;
  created_by: string | null;
  created_at: Timestamp;
}

/** Findings of one version's check (scoring and audit), as recorded at submission or import. */
export interface FindingTable {
  id: string;
  evaluation_id: string;
  version: number;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  location: Json<Record<string, unknown>> | null;
  quote: string | null;
}

export interface DocumentTable {
  id: string;
  unit_id: string | null;
  year: number | null;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  bytes: ColumnType<Uint8Array, Uint8Array, never>;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface ImportResultTable {
  id: string;
  document_id: string;
  ok: boolean;
  /** The importer's result for the file (app/import-document.ts `ImportResult`). */
  result: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

/** A reviewer's comment (退回意见, on a field path where given) or a supervisor's annotation on a finding. */
export interface CommentTable {
  id: string;
  evaluation_id: string;
  version: number;
  kind: 'review' | 'annotation';
  field_path: string | null;
  finding_id: string | null;
  body: string;
  author_id: string;
  created_at: Timestamp;
}

/** A 佐证材料: a file the unit attached to an evaluation as evidence, kept byte for byte. */
export interface AttachmentTable {
  id: string;
  evaluation_id: string;
  /** As uploaded (X-Filename), reduced to its last path segment. */
  file_name: string;
  /** Of the kind detected from the bytes and the extension, never the one the client sent. */
  media_type: string;
  size: number;
  sha256: string;
  description: string | null;
  bytes: ColumnType<Uint8Array, Uint8Array, never>;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

/** One line of a stored 自评工作考核评分: the rubric line's id, the points given and the reviewer's note. */
export interface WorkGradeLineRow {
  readonly id: string;
  /** A decimal string with at most one place ("7.5"). */
  readonly score: string;
  readonly note: string | null;
}

/** The finance bureau's 自评工作考核评分 of an evaluation (the latest; earlier ones are in the audit log). */
export interface WorkGradeTable {
  evaluation_id: string;
  /** The evaluation's version when it was graded. */
  graded_version: number;
  lines: Json<readonly WorkGradeLineRow[]>;
  total: Numeric;
  graded_by: string;
  graded_at: Timestamp;
}

/** Append-only: who changed what, when, and the row before and after. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

export interface Database {
  jurisdictions: JurisdictionTable;
  units: UnitTable;
  users: UserTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  jurisdiction_frameworks: JurisdictionFrameworkTable;
  deadlines: DeadlineTable;
  evaluations: EvaluationTable;
  evaluation_versions: EvaluationVersionTable;
  findings: FindingTable;
  documents: DocumentTable;
  import_results: ImportResultTable;
  comments: CommentTable;
  audit_log: AuditLogTable;
  attachments: AttachmentTable;
  work_grades: WorkGradeTable;
}

/**
 * Tables in the order a restore must fill them (parents before children). Tables added by a later migration go
 * at the end, so that an older dump's tables are a prefix of this list.
 */
export const TABLE_ORDER = [
  'jurisdictions',
  'units',
  'users',
  'role_grants',
  'sessions',
  'jurisdiction_frameworks',
  'deadlines',
  'evaluations',
  'evaluation_versions',
  'findings',
  'documents',
  'import_results',
  'comments',
  'audit_log',
  'attachments',
  'work_grades',
] as const satisfies readonly (keyof Database)[];

export type Jurisdiction = Selectable<JurisdictionTable>;
export type Unit = Selectable<UnitTable>;
export type User = Selectable<UserTable>;
export type RoleGrant = Selectable<RoleGrantTable>;
export type EvaluationRow = Selectable<EvaluationTable>;
export type NewEvaluationRow = Insertable<EvaluationTable>;
export type EvaluationUpdate = Updateable<EvaluationTable>;
