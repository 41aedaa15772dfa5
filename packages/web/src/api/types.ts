/**
 * Shapes of the API's responses, written by hand from the route schemas in packages/server/src/http/routes
 * (the web app may import only types from the server, and the route schemas are values). Decimals are strings.
 */
export type Role = 'filler' | 'unit_head' | 'finance_reviewer' | 'npc_supervisor' | 'admin';
export type EvaluationStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';
export type EvaluationKind = 'department' | 'project';
export type Severity = 'error' | 'warning' | 'info';

export interface RoleGrant {
  readonly role: Role;
  readonly label: string;
  readonly unitId: string | null;
  readonly jurisdictionId: string | null;
}

export interface CurrentUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly RoleGrant[];
}

/** POST /api/auth/login and GET /api/auth/me. */
export interface MeResponse {
  readonly user: CurrentUser;
  readonly csrfToken: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

// ── The evaluation file format (docs/evaluation-format.md), as content comes back from the API ────────────

/** Where a value or finding came from; for data in Jixiao, `path` ("indicators[3].actual") alone. */
export interface SourceRef {
  readonly file?: string;
  readonly page?: number;
  readonly block?: number;
  readonly row?: number;
  readonly column?: number;
  readonly path?: string;
}

export interface FundRow {
  readonly line: string;
  readonly label: string;
  readonly initialBudget?: string;
  readonly annualBudget?: string;
  readonly executed?: string;
  readonly weight?: string;
  readonly statedRate?: string;
  readonly statedScore?: string;
  readonly note?: string;
}

export interface IndicatorRow {
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly direction?: string;
  readonly targetText: string;
  readonly actualText: string;
  readonly weight?: string;
  readonly score?: string;
  readonly deviationReason?: string;
}

export interface StatedScores {
  readonly total?: string;
  readonly grade?: string;
  readonly levels?: readonly { readonly level1: string; readonly level2?: string; readonly weight?: string; readonly score?: string; readonly deduction?: string }[];
}

export interface EvaluationContent {
  readonly kind: EvaluationKind;
  readonly year: number;
  readonly title: string;
  readonly unit?: {
    readonly name: string;
    readonly code?: string;
    readonly supervisor?: string;
    readonly implementer?: string;
    readonly staffQuota?: number;
    readonly contact?: string;
    readonly phone?: string;
    readonly filledDate?: string;
    readonly head?: string;
  };
  readonly frameworkId?: string;
  readonly funds?: { readonly budget?: string; readonly executed?: string; readonly executionRate?: string; readonly rows?: readonly FundRow[] };
  readonly goals?: readonly { readonly planned?: string; readonly achieved?: string }[];
  readonly indicators?: readonly IndicatorRow[];
  readonly stated?: StatedScores;
  readonly sections?: readonly { readonly heading: string; readonly text: string }[];
}

export interface Finding {
  readonly id?: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location?: SourceRef | null;
  readonly quote?: string | null;
}

// ── Evaluations (routes/evaluations.ts, evaluation-workflow.ts, comments.ts) ──────────────────────────────

export type WorkflowAction = 'save' | 'submit' | 'return' | 'approve' | 'publish';

/** The figures an evaluation row keeps (the server's EvaluationFigures, check-evaluation.ts). */
export interface StoredFigures {
  readonly budget: string | null;
  readonly executed: string | null;
  readonly executionRate: string | null;
  readonly statedScore: string | null;
  readonly computedScore: string | null;
  readonly grade: string | null;
}

/** The stored figures with the current version's finding counts, as lists and summaries give them. */
export interface EvaluationFigures extends StoredFigures {
  readonly errorCount: number;
  readonly warningCount: number;
}

export interface EvaluationSummary {
  readonly id: string;
  readonly unit: { readonly id: string; readonly name: string };
  readonly jurisdictionId: string;
  readonly year: number;
  readonly kind: EvaluationKind;
  readonly kindLabel: string;
  readonly projectName: string;
  readonly parentId: string | null;
  readonly frameworkId: string;
  readonly status: EvaluationStatus;
  readonly statusLabel: string;
  /** The current version; a save or submission names it. */
  readonly version: number;
  readonly figures: EvaluationFigures;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** GET /api/evaluations/:id */
export interface EvaluationDetail extends EvaluationSummary {
  readonly content: EvaluationContent;
  readonly findings: readonly Finding[];
  readonly children: readonly EvaluationSummary[];
  /** What the signed-in user may do to it now (status and role both allow it). */
  readonly actions: readonly WorkflowAction[];
}

export interface IndicatorScore {
  /** Index in `content.indicators`; -1 for a framework-defined leaf. */
  readonly index: number;
  readonly name: string;
  readonly method: string;
  readonly direction?: string;
  readonly target?: string;
  readonly actual?: string;
  readonly unit?: string;
  readonly weight?: string;
  readonly computed?: string;
  readonly stated?: string;
  readonly reason: string;
}

export interface GroupScore {
  readonly level2: string;
  readonly weight?: string;
  readonly computed: string;
  readonly stated?: string;
  readonly reason: string;
  readonly indicators: readonly IndicatorScore[];
}

export interface LevelScore {
  readonly level1: string;
  readonly weight: string;
  readonly method: string;
  readonly computed: string;
  readonly stated?: string;
  readonly reason: string;
  readonly groups: readonly GroupScore[];
}

export interface ExecutionScore {
  readonly weight: string;
  readonly basis: 'amounts' | 'stated' | 'none';
  readonly rate?: string;
  readonly computedRate?: string;
  readonly statedRate?: string;
  readonly budget?: string;
  readonly executed?: string;
  readonly computed?: string;
  readonly stated?: string;
  readonly reason: string;
}

export interface Score {
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  readonly total: string;
  readonly uncappedTotal: string;
  readonly grade: string;
  readonly statedTotal?: string;
  readonly statedGrade?: string;
  readonly cap?: { readonly below: string; readonly maxTotal: string };
  readonly execution?: ExecutionScore;
  readonly levels: readonly LevelScore[];
}

/** POST /api/evaluations/:id/check */
export interface EvaluationCheck {
  readonly figures: EvaluationFigures;
  readonly score: Score;
  readonly findings: readonly Finding[];
}

export interface Comment {
  readonly id: string;
  readonly version: number;
  readonly kind: 'review' | 'annotation';
  readonly kindLabel: string;
  readonly fieldPath: string | null;
  readonly findingId: string | null;
  readonly body: string;
  readonly author: { readonly id: string; readonly username: string; readonly displayName: string };
  readonly createdAt: string;
}

// ── Workbench (routes/workbench.ts) ─────────────────────────────────────────────────────────────────────────

export type DeadlineKind = 'submit' | 'review' | 'publish';
export type TaskKind = 'create-department' | 'fill' | 'revise' | 'submit' | 'await-revision' | 'review' | 'publish' | 'inspect';

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly label: string;
  readonly dueDate: string | null;
  readonly setAt: { readonly jurisdictionId: string; readonly jurisdictionName: string } | null;
  readonly basis: string | null;
  readonly daysLeft: number | null;
  readonly overdue: boolean;
  readonly jurisdictionId: string;
  readonly jurisdictionName: string;
}

export interface Task {
  readonly kind: TaskKind;
  readonly label: string;
  /** null: the 部门整体 evaluation is still to be created. */
  readonly evaluationId: string | null;
  readonly evaluationKind: EvaluationKind;
  readonly projectName: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly jurisdictionName: string;
  readonly status: EvaluationStatus | null;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly deadlineKind: DeadlineKind | null;
  readonly dueDate: string | null;
  readonly daysLeft: number | null;
  readonly overdue: boolean;
}

export interface Workbench {
  readonly year: number;
  readonly deadlines: readonly Deadline[];
  readonly tasks: readonly Task[];
  readonly tasksTotal: number;
  readonly counts: {
    readonly byStatus: Readonly<Record<EvaluationStatus, number>>;
    readonly withErrors: number;
    /** Administrators only. */
    readonly users?: { readonly locked: number; readonly disabled: number; readonly withoutGrants: number };
  };
}

// ── Jurisdictions and the dashboard (routes/jurisdictions.ts, dashboard.ts) ───────────────────────────────

export interface Jurisdiction {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly level: 'province' | 'city' | 'county';
  readonly levelLabel: string;
  readonly code: string;
  readonly path: string;
  readonly manageable: boolean;
}

export type DashboardFlag = 'score-above-execution' | 'executed-above-budget' | 'score-differs' | 'has-errors';

export interface DashboardUnit extends EvaluationFigures {
  readonly unitId: string;
  readonly unitName: string;
  readonly unitCode: string;
  readonly jurisdictionId: string;
  readonly jurisdictionName: string;
  readonly evaluationId: string | null;
  readonly status: EvaluationStatus | null;
  readonly flags: readonly DashboardFlag[];
}

export interface YearFigures {
  readonly year: number;
  readonly evaluations: number;
  readonly withFigures: number;
  readonly budget: string | null;
  readonly executed: string | null;
  readonly executionRate: string | null;
  readonly averageScore: string | null;
}

export interface Dashboard {
  readonly jurisdiction: { readonly id: string; readonly name: string };
  readonly year: number;
  readonly units: readonly DashboardUnit[];
  readonly totals: YearFigures & {
    readonly units: number;
    readonly byStatus: Readonly<Record<EvaluationStatus, number>>;
    readonly withoutEvaluation: number;
    readonly errorCount: number;
    readonly warningCount: number;
    readonly flagged: number;
  };
  readonly findingsByRule: readonly { readonly rule: string; readonly severity: Severity; readonly count: number; readonly evaluations: number }[];
  readonly trend: readonly YearFigures[];
}

/** GET /api/dashboard/units/:unitId (routes/dashboard.ts, unitHistorySchema): one unit's evaluations over the years. */
export interface UnitHistoryEvaluation extends StoredFigures {
  readonly id: string;
  readonly year: number;
  readonly kind: EvaluationKind;
  readonly projectName: string;
  readonly status: EvaluationStatus;
  readonly version: number;
  readonly frameworkId: string;
  /** Findings of the current version by severity. */
  readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
  readonly flags: readonly DashboardFlag[];
  readonly updatedAt: string;
}

export interface UnitHistory {
  readonly unit: { readonly id: string; readonly name: string; readonly code: string; readonly staffQuota: number | null; readonly jurisdictionId: string; readonly jurisdictionName: string };
  readonly evaluations: readonly UnitHistoryEvaluation[];
}

// ── Public reports (routes/public.ts) ───────────────────────────────────────────────────────────────────────

export interface PublicReport {
  readonly id: string;
  readonly year: number;
  readonly kind: EvaluationKind;
  readonly projectName: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly jurisdictionId: string;
  readonly jurisdictionName: string;
  readonly budget: string | null;
  readonly executed: string | null;
  readonly executionRate: string | null;
  readonly statedScore: string | null;
  readonly computedScore: string | null;
  readonly grade: string | null;
}

export interface PublicReportContent {
  readonly report: PublicReport;
  readonly content: EvaluationContent;
}

// ── 佐证材料 and 自评工作考核评分 (routes/attachments.ts, work-grade.ts) ──────────────────────────────────────

export interface UserRef {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
}

/** GET /api/evaluations/:id/attachments (items, newest first); POST answers one. */
export interface Attachment {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  /** Bytes. */
  readonly size: number;
  readonly sha256: string;
  readonly description: string | null;
  readonly uploadedBy: UserRef;
  readonly uploadedAt: string;
}

/** One line of the 考核评分表, with what the auditor scored, what the dates suggest, and the bureau's grade. */
export interface WorkGradeLine {
  readonly id: string;
  readonly level1: string;
  readonly level1Points: number;
  readonly level2: string;
  readonly points: string;
  readonly standard: string;
  readonly evidence: string | null;
  readonly fromReport: boolean;
  readonly automatic: { readonly score: string | null; readonly reason: string };
  readonly suggested: { readonly score: string; readonly reason: string } | null;
  readonly grade: { readonly score: string; readonly note: string | null } | null;
}

/** GET and PUT /api/evaluations/:id/work-grade. `rubric` null: no 考核评分表 applies (and `lines` is empty). */
export interface WorkGrade {
  readonly rubric: { readonly name: string; readonly source: string } | null;
  readonly lines: readonly WorkGradeLine[];
  readonly autoTotal: string;
  readonly total: string | null;
  readonly gradedBy: UserRef | null;
  readonly gradedAt: string | null;
  readonly gradedVersion: number | null;
}
