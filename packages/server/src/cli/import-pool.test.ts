import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runImportPool } from './import-pool';

const seeds = fileURLToPath(new URL('../../demo/', import.meta.url));
const files = ['000_f9e1903535bc2e24.txt', '003_3601ec7874285035.txt', '004_cbe60655ee86d378.txt', 'README.md'].map((f) => `${seeds}${f}`);

describe('runImportPool (worker threads)', () => {
  it('imports a batch on two workers, results in input order, progress for each file', async () => {
    const seen: number[] = [];
    const results = await runImportPool(files, { jobs: 2, timeoutMs: 60_000, maxMemoryMb: 512 }, (done) => seen.push(done));
    expect(results.map((r) => [r.file.split('/').pop(), r.ok, r.report?.unit])).toEqual([
      ['000_f9e1903535bc2e24.txt', true, '湖南省人大常委会办公厅'],
      ['003_3601ec7874285035.txt', true, '浏阳市人大常委会机关'],
      ['004_cbe60655ee86d378.txt', true, '岳阳市人民代表大会常务委员会'],
      ['README.md', false, undefined],
    ]);
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('stops a file that runs past the time cap, and goes on with a fresh worker', async () => {
    // 1 ms is less than any import takes: every file times out, and each gets its own finding.
    const results = await runImportPool(files.slice(0, 2), { jobs: 1, timeoutMs: 1, maxMemoryMb: 512 }, () => {});
    expect(results.map((r) => r.findings[0]?.rule)).toEqual(['import.timeout', 'import.timeout']);
    expect(results[0]?.findings[0]?.message).toMatch(/读取超过 0 秒，已停止$/);
  });
});
