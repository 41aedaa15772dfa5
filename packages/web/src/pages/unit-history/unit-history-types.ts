import type { DashboardFlag, EvaluationKind, EvaluationStatus } from '../../api/types';

/** GET /api/dashboard/units/:unitId (packages/server/src/http/routes/dashboard.ts, unitHistorySchema). */
export interface UnitHistoryEvaluation {
  readonly id: string;
  readonly year: number;
  readonly kind: EvaluationKind;
  readonly projectName: string;
  readonly status: EvaluationStatus;
  readonly version: number;
  readonly frameworkId: string;
  readonly budget: string | null;
  readonly executed: string | null;
  readonly executionRate: string | null;
  readonly statedScore: string | null;
  readonly computedScore: string | null;
  readonly grade: string | null;
  /** Findings of the current version by severity. */
  readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
  readonly flags: readonly DashboardFlag[];
  readonly updatedAt: string;
}

export interface UnitHistory {
  readonly unit: { readonly id: string; readonly name: string; readonly code: string; readonly staffQuota: number | null; readonly jurisdictionId: string; readonly jurisdictionName: string };
  readonly evaluations: readonly UnitHistoryEvaluation[];
}
