import type { EvaluationContent, EvaluationFigures, EvaluationKind, EvaluationStatus, Finding } from '../../api/types';

/**
 * Shapes of the imports API (packages/server/src/http/routes/imports.ts, docs/api-imports.md), kept beside the
 * page that alone uses them.
 */
export interface ImportedEvaluation {
  readonly kind: EvaluationKind;
  /** The unit's name for the 部门整体 evaluation, the project's name for a 项目. */
  readonly title: string;
  readonly frameworkId: string;
  readonly figures: EvaluationFigures;
}

/** POST /api/units/:unitId/imports */
export interface ImportOutcome {
  readonly importId: string;
  readonly documentId: string;
  readonly duplicate: boolean;
  readonly ok: boolean;
  readonly error?: string;
  readonly file: string;
  readonly unit: { readonly id: string; readonly name: string };
  readonly year: number;
  readonly reported: { readonly unit?: string; readonly year?: number; readonly kind?: string };
  readonly parts: readonly { readonly kind: string; readonly title?: string }[];
  readonly evaluations: readonly ImportedEvaluation[];
  readonly findings: readonly Finding[];
  readonly createdAt: string;
}

/** GET /api/imports/:id: the upload's answer plus the importer's output (the evaluations' full content). */
export interface ImportDetail extends ImportOutcome {
  readonly result: { readonly report?: { readonly evaluations?: readonly EvaluationContent[] } };
}

/** GET /api/imports/:id/text: the document as the readers read it, a line per heading, paragraph or table row. */
export interface TextLine {
  readonly block: number;
  readonly kind: 'heading' | 'paragraph' | 'row';
  readonly row?: number;
  readonly page?: number;
  readonly text: string;
  readonly cells?: readonly string[];
}

export interface ImportText {
  readonly importId: string;
  readonly file: string;
  readonly format: string;
  readonly lines: readonly TextLine[];
}

/** POST /api/imports/:id/accept */
export interface AcceptedImport {
  readonly importId: string;
  readonly unitId: string;
  readonly year: number;
  readonly evaluations: readonly { readonly id: string; readonly kind: EvaluationKind; readonly projectName: string; readonly status: EvaluationStatus; readonly version: number; readonly created: boolean }[];
}

/** GET /api/units */
export interface Unit {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly jurisdictionName: string;
  readonly name: string;
  readonly code: string;
}
