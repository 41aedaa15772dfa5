import * as z from 'zod';
import { A1_EXECUTION_CAPS, dec } from '@jixiao/core';
import type { ScoringPolicies } from '@jixiao/core';

/**
 * Scoring policies as people type them (`--policy executionScorePlaces=0`), validated with zod into the
 * core's typed overrides. Named presets stand for the structured policies: `executionCaps=a1` is the
 * 一体化 manual's 89/79/69/59 caps, `overAchievementDeduction=a1` its −2 points at ≥130%.
 */
const decimalText = z.string().regex(/^\d+(\.\d+)?$/, { message: '应为数字' }).transform((v) => dec(v));

const POLICY_PARSERS: { readonly [K in keyof ScoringPolicies]: z.ZodType<ScoringPolicies[K], string> } = {
  executionScorePlaces: z.enum(['0', '1', '2']).transform(Number),
  executionRateConflict: z.enum(['stated', 'amounts']),
  executionCaps: z.enum(['a1', 'off']).transform((v) => (v === 'a1' ? A1_EXECUTION_CAPS : [])),
  overAchievementRatio: decimalText,
  overAchievementDeduction: z
    .enum(['a1', 'off'])
    .transform((v) => (v === 'a1' ? { ratio: dec('1.3'), points: dec('2') } : null)),
  reverseFormula: z.enum(['linearDecay', 'ratio']),
  equalMode: z.enum(['asAtLeast', 'twoSided']),
  zeroTargetPositive: z.enum(['nonNegativeFull', 'vendor']),
  indicatorScorePlaces: z.enum(['0', '1', '2']).transform(Number),
};

export const POLICY_NAMES = Object.keys(POLICY_PARSERS) as (keyof ScoringPolicies)[];

export type PolicyParseResult =
  | { readonly ok: true; readonly policies: Partial<ScoringPolicies> }
  | { readonly ok: false; readonly message: string };

/** Parses `name=value` pairs; the message names the pair that is wrong and what it accepts. */
export function parsePolicyOverrides(pairs: readonly string[]): PolicyParseResult {
  const policies: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    const value = eq < 0 ? '' : pair.slice(eq + 1).trim();
    if (!(name in POLICY_PARSERS)) {
      return { ok: false, message: `未知的评分政策“${name}”；可用：${POLICY_NAMES.join('、')}` };
    }
    const parsed = POLICY_PARSERS[name as keyof ScoringPolicies].safeParse(value);
    if (!parsed.success) {
      return { ok: false, message: `评分政策“${name}=${value}”无效：${parsed.error.issues[0]?.message ?? ''}` };
    }
    policies[name] = parsed.data;
  }
  return { ok: true, policies: policies as Partial<ScoringPolicies> };
}
