import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Evaluation } from '@jixiao/core';
import { decodeEvaluationFile } from '../src/schema/evaluation-codec';

/**
 * The five seed reports, by number: byte-identical copies of ../shared/seeds kept in packages/server/demo (the
 * demo loads them too), so that the tests need nothing outside the repository.
 */
export const SEED_FILES = {
  '000': '000_f9e1903535bc2e24.txt',
  '001': '001_89c0cb00bebb9dcf.txt',
  '002': '002_e2faa60e7ec703ad.txt',
  '003': '003_3601ec7874285035.txt',
  '004': '004_cbe60655ee86d378.txt',
} as const;

export type Seed = keyof typeof SEED_FILES;

export const SEEDS = Object.keys(SEED_FILES) as Seed[];

/** The seed report's published text, as bytes. */
export function seedBytes(seed: Seed): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../demo/${SEED_FILES[seed]}`, import.meta.url)));
}

/** The seed report's published text. */
export function seedText(seed: Seed): string {
  return new TextDecoder().decode(seedBytes(seed));
}

/** The hand-transcribed seed fixtures (test/fixtures/seeds), decoded into core evaluations. */
export function fixturePath(seed: Seed): string {
  return fileURLToPath(new URL(`./fixtures/seeds/seed-${seed}.json`, import.meta.url));
}

export function loadSeed(seed: Seed): Evaluation[] {
  const result = decodeEvaluationFile(JSON.parse(readFileSync(fixturePath(seed), 'utf8')));
  if (!result.ok) throw new Error(`fixture ${seed}: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return result.evaluations;
}
