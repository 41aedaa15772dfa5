/**
 * @module @jixiao/server — use cases and the evaluation file format, for the CLI, the HTTP API and,
 * as types only, the web app.
 */
export { scoreEvaluationFile } from './app/score-evaluation-file';
export type { ScoredEvaluation, ScoreFileResult, ScoreFileOptions } from './app/score-evaluation-file';
export { parsePolicyOverrides, POLICY_NAMES } from './app/policy-overrides';
export { decodeEvaluationFile, encodeEvaluation, formatPath } from './schema/evaluation-codec';
export type { DecodeResult, FileIssue } from './schema/evaluation-codec';
export { evaluationFileSchema, evaluationSchema, bundleSchema } from './schema/evaluation-file';
export { evaluationJsonSchema } from './schema/evaluation-json-schema';
