import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../test/run-cli';

const seeds = fileURLToPath(new URL('../../../demo', import.meta.url));

describe('jixiao import', () => {
  it('imports every seed of a directory, one result per file, and reports the README as unreadable without stopping', async () => {
    const r = await runCli(['import', seeds]);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as { file: string; ok: boolean; report?: { unit: string; year: number; totalScore?: string; evaluations: { kind: string; title: string; funds: { budget?: string; executed?: string; executionRate?: string }; indicators: { level1: string; level2: string; name: string; targetText: string; actualText: string; weight?: string; score?: string }[] }[] } }[];
    expect(results.map((x) => [x.file.split('/').pop(), x.ok])).toEqual([
      ['000_f9e1903535bc2e24.txt', true],
      ['001_89c0cb00bebb9dcf.txt', true],
      ['002_e2faa60e7ec703ad.txt', true],
      ['003_3601ec7874285035.txt', true],
      ['004_cbe60655ee86d378.txt', true],
      ['README.md', false],
    ]);
    const yueyang = results[4]?.report;
    expect(yueyang?.unit).toBe('岳阳市人民代表大会常务委员会');
    expect(yueyang?.year).toBe(2022);
    expect(yueyang?.evaluations).toHaveLength(9);
    // The names scripts depend on (issue 3): kind, title, funds {budget, executed, executionRate}, indicators [...].
    const upkeep = yueyang?.evaluations.find((e) => e.title === '运行维护经费');
    expect(upkeep?.funds).toMatchObject({ budget: '400.03', executed: '394', executionRate: '100' });
    expect(Object.keys(upkeep?.indicators[0] ?? {})).toEqual(expect.arrayContaining(['level1', 'level2', 'name', 'targetText', 'actualText', 'weight', 'score']));
    expect(results[0]?.report?.totalScore).toBe('99.26');
    // What each file holds, and the date on its cover (004 has none: its first 填报日期 stands in).
    const parts = (results[4]?.report as unknown as { parts: { kind: string }[] }).parts.map((p) => p.kind);
    expect(parts).toEqual(['report', 'basicData', 'department', ...Array(8).fill('project'), 'rubric']);
    expect(results.slice(0, 5).map((x) => (x.report as unknown as { reportDate?: string }).reportDate)).toEqual(['2025-05', '2025-04-18', undefined, '2023-09', '2023-06-09']);
  });

  it('costs a bad file only itself: empty, binary, unknown and legacy files beside a good one', async () => {
    const files = {
      'batch/a-empty.txt': '',
      'batch/b-binary.txt': 'abc\u0000def',
      'batch/c-image.png': 'not a report',
      'batch/d-old.doc': 'legacy',
      'batch/e-good.txt': '2024年度某单位部门整体支出绩效自评报告\n\n一、基本情况\n\n某单位。\n\n六、部门整体支出绩效情况\n\n得分 95 分。\n\n七、存在的问题及原因分析\n\n无。\n',
    };
    const r = await runCli(['import', 'batch', '--format', 'json'], files);
    const results = JSON.parse(r.stdout) as { file: string; ok: boolean; findings: { rule: string; message: string }[] }[];
    expect(results.map((x) => [x.file, x.ok, x.findings[0]?.rule])).toEqual([
      ['batch/a-empty.txt', false, 'import.empty-file'],
      ['batch/b-binary.txt', false, 'import.not-text'],
      ['batch/c-image.png', false, 'import.unsupported-format'],
      ['batch/d-old.doc', false, expect.stringMatching(/^import\.(converted|encrypted-or-legacy)$/)],
      ['batch/e-good.txt', true, undefined],
    ]);
    // With LibreOffice the .doc is converted (and holds no report); without it, the finding names LibreOffice.
    expect(results[3]?.findings.map((f) => f.message).join()).toContain('LibreOffice');
  });

  it('writes output that jixiao score accepts', async () => {
    const imported = await runCli(['import', `${seeds}/001_89c0cb00bebb9dcf.txt`]);
    const scored = await runCli(['score', 'import.json', '--format', 'json', '--policy', 'executionScorePlaces=0'], { 'import.json': imported.stdout });
    expect(scored.code).toBe(0);
    const out = JSON.parse(scored.stdout) as { title: string; total: string }[];
    // Seed 001 imported from its text scores 99 under the integer policy, as the report says.
    expect(out.map((o) => [o.title, o.total])).toEqual([['湖南省人民政府办公厅', '99']]);
  });

  it('also writes one JSON file per input with --out', async () => {
    const r = await runCli(['import', `${seeds}/003_3601ec7874285035.txt`, `${seeds}/README.md`, '--out', 'out']);
    expect(Object.keys(r.written)).toEqual(['out/003_3601ec7874285035.txt.json', 'out/README.md.json']);
    const one = JSON.parse(r.written['out/003_3601ec7874285035.txt.json'] ?? '{}') as { ok: boolean; report: { unit: string } };
    expect([one.ok, one.report.unit]).toEqual([true, '浏阳市人大常委会机关']);
  });

  it('prints a table for people', async () => {
    const r = await runCli(['import', `${seeds}/000_f9e1903535bc2e24.txt`, '--format', 'table']);
    expect(r.stdout).toContain('湖南省人大常委会办公厅 2024 年度，1 个评价，自评 99.26 分（优）');
  });

  it('refuses a missing path and a bad --jobs with exit 2', async () => {
    expect((await runCli(['import', '/nonexistent/dir'])).code).toBe(2);
    const jobs = await runCli(['import', seeds, '--jobs', '0']);
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toContain('--jobs 应为 1–64 的整数');
  });
});
