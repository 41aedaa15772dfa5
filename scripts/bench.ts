// `npm run bench`: speed of Jixiao's scoring path, as ratios against a baseline measured in the same run
// (so the numbers compare across machines). Results go in docs/benchmarks.md; no test asserts a time.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { findFramework, scoreEvaluation } from '@jixiao/core';
import type { Evaluation } from '@jixiao/core';
import { decodeEvaluationFile } from '../packages/server/src/schema/evaluation-codec';

const fixture = readFileSync(new URL('../packages/server/test/fixtures/seeds/seed-004.json', import.meta.url), 'utf8');

/** Median time per iteration in ms over `rounds` rounds of `n` iterations, after a warm-up. */
function time(n: number, fn: () => void, rounds = 7): number {
  for (let i = 0; i < n; i++) fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    samples.push((performance.now() - t0) / n);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

function decode(text: string): Evaluation[] {
  const r = decodeEvaluationFile(JSON.parse(text));
  if (!r.ok) throw new Error('fixture does not decode');
  return r.evaluations;
}

const framework = findFramework('hunan-standard');
if (!framework) throw new Error('hunan-standard missing');
const scoreAll = (evs: Evaluation[]) => evs.map((e) => scoreEvaluation(e, framework));

// A large bundle: the seed's eight project tables repeated to 400 evaluations (3,400+ indicators).
const seed = JSON.parse(fixture) as { evaluations: unknown[] };
const projects = seed.evaluations.slice(1);
const large = JSON.stringify({ evaluations: Array.from({ length: 50 }, () => projects).flat() });

const small = decode(fixture);
const big = decode(large);
const rows: [string, number][] = [
  ['JSON.parse of seed 004 (baseline)', time(400, () => JSON.parse(fixture))],
  ['decode seed 004 (zod → core model)', time(200, () => decode(fixture))],
  ['score seed 004 (9 evaluations, 85 indicators)', time(200, () => scoreAll(small))],
  ['decode + score seed 004', time(100, () => scoreAll(decode(fixture)))],
  ['JSON.parse of 400 evaluations (baseline)', time(10, () => JSON.parse(large))],
  ['score 400 evaluations', time(5, () => scoreAll(big))],
];
const base = rows[0]?.[1] ?? 1;
const bigBase = rows[4]?.[1] ?? 1;
const heapBefore = process.memoryUsage().heapUsed;
const kept = scoreAll(big);
const heapAfter = process.memoryUsage().heapUsed;

console.log(`node ${process.version}, ${new Date().toISOString()}`);
console.log('| step | ms / run | × baseline |');
console.log('|---|---|---|');
rows.forEach(([name, ms], i) => console.log(`| ${name} | ${ms.toFixed(3)} | ${(ms / (i < 4 ? base : bigBase)).toFixed(1)} |`));
const perEvalSmall = (rows[2]?.[1] ?? 0) / small.length;
const perEvalBig = (rows[5]?.[1] ?? 0) / big.length;
console.log(`\nscoring per evaluation: ${perEvalSmall.toFixed(3)} ms (9) vs ${perEvalBig.toFixed(3)} ms (400): ratio ${(perEvalBig / perEvalSmall).toFixed(2)} (1.0 = linear)`);
console.log(`heap held by 400 score results: ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MiB (${kept.length} results)`);
