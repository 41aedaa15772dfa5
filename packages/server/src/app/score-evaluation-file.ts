import { DEFAULT_FRAMEWORK_ID, FRAMEWORKS, findFramework, scoreEvaluation } from '@jixiao/core';
import type { Evaluation, Framework, ScoreResult, ScoringPolicies } from '@jixiao/core';
import { decodeEvaluationFile } from '../schema/evaluation-codec';
import type { FileIssue } from '../schema/evaluation-codec';

export interface ScoredEvaluation {
  readonly evaluation: Evaluation;
  readonly framework: Framework;
  readonly result: ScoreResult;
}

export type ScoreFileResult =
  | { readonly ok: true; readonly scored: ScoredEvaluation[] }
  | { readonly ok: false; readonly issues: FileIssue[] };

export interface ScoreFileOptions {
  /** Overrides each evaluation's own frameworkId. */
  readonly frameworkId?: string;
  readonly policies?: Partial<ScoringPolicies>;
}

/**
 * Scores every evaluation in an evaluation file (its parsed JSON): one evaluation, a bundle, or the output
 * of `jixiao import`. Problems with the file are returned as issues with their field paths.
 */
export function scoreEvaluationFile(json: unknown, options: ScoreFileOptions = {}): ScoreFileResult {
  const decoded = decodeEvaluationFile(json);
  if (!decoded.ok) return decoded;
  const scored: ScoredEvaluation[] = [];
  const issues: FileIssue[] = [];
  decoded.evaluations.forEach((evaluation, i) => {
    const id = options.frameworkId ?? evaluation.frameworkId ?? DEFAULT_FRAMEWORK_ID;
    const framework = findFramework(id);
    if (!framework) {
      issues.push({
        path: options.frameworkId ? '--framework' : decoded.evaluations.length > 1 ? `evaluations[${i}].frameworkId` : 'frameworkId',
        message: `未知的评分框架“${id}”；可用：${FRAMEWORKS.map((f) => f.id).join('、')}`,
      });
      return;
    }
    scored.push({ evaluation, framework, result: scoreEvaluation(evaluation, framework, options.policies) });
  });
  return issues.length ? { ok: false, issues } : { ok: true, scored };
}
