import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Evaluation } from '@jixiao/core';
import { decodeEvaluationFile } from '../src/schema/evaluation-codec';

/** The hand-transcribed seed fixtures (test/fixtures/seeds), decoded into core evaluations. */
export function fixturePath(seed: '000' | '001' | '002' | '003' | '004'): string {
  return fileURLToPath(new URL(`./fixtures/seeds/seed-${seed}.json`, import.meta.url));
}

export function loadSeed(seed: '000' | '001' | '002' | '003' | '004'): Evaluation[] {
  const result = decodeEvaluationFile(JSON.parse(readFileSync(fixturePath(seed), 'utf8')));
  if (!result.ok) throw new Error(`fixture ${seed}: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return result.evaluations;
}
