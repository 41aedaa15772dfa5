import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/seed-fixtures';
import { runCli } from '../../../test/run-cli';

describe('jixiao score', () => {
  it('prints a table with each indicator, its reason, the total and the findings', async () => {
    const r = await runCli(['score', fixturePath('001'), '--policy', 'executionScorePlaces=0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('湖南省人民政府办公厅 · 2024 年度 · 部门整体支出 · 框架 hunan-standard@2024.1');
    expect(r.stdout).toContain('总分 99 分，自评 99 分；等级 优');
    expect(r.stdout).toContain('完成值 408 ≥ 指标值 400（期），得满分 3 分');
    expect(r.stdout).toContain('[警告] 报告未写明评价等级');
  });

  it('prints JSON with decimals as strings', async () => {
    const r = await runCli(['score', fixturePath('000'), '--format', 'json']);
    expect(r.code).toBe(0);
    const [out] = JSON.parse(r.stdout) as [{ title: string; total: string; grade: string; execution: { computed: string; rate: string }; framework: { id: string } }];
    expect(out.title).toBe('湖南省人大常委会办公厅');
    expect(out.total).toBe('99.26');
    expect(out.grade).toBe('优');
    expect(out.execution.computed).toBe('9.26');
    expect(out.execution.rate).toBe('92.56');
    expect(out.framework.id).toBe('hunan-standard');
  });

  it('scores every evaluation of a bundle', async () => {
    const r = await runCli(['score', fixturePath('004'), '--format', 'json']);
    const out = JSON.parse(r.stdout) as { title: string; total: string }[];
    expect(out.map((o) => o.total)).toEqual(['100', '100', '100', '100', '100', '100', '99.95', '100', '100']);
  });

  it('lets --framework override the file and --policy change a rule', async () => {
    const r = await runCli(['score', fixturePath('000'), '--format', 'json', '--policy', 'executionRateConflict=amounts']);
    expect((JSON.parse(r.stdout) as { total: string }[])[0]?.total).toBe('99.65');
  });

  it('refuses a file that is not JSON with the line and column, exit 2', async () => {
    const r = await runCli(['score', 'bad.json'], { 'bad.json': '{\n  "kind": "project",\n  oops\n}' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.json 不是有效的 JSON（第 3 行第 3 列）/);
  });

  it('refuses a schema violation naming the field path in Chinese, exit 2', async () => {
    const file = JSON.stringify({ kind: 'project', year: 2024, title: '项目', unit: { name: '单位' }, indicators: [{ level1: '产出指标', level2: '数量指标', name: 'x', targetText: '1', actualText: '1', weight: '3分' }] });
    const r = await runCli(['score', 'v.json'], { 'v.json': file });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('v.json 不符合评价文件格式');
    expect(r.stderr).toContain('indicators[0].weight：');
    expect(r.stderr).toContain('十进制数字字符串');
  });

  it('refuses an unknown policy or framework, and a missing file, exit 2', async () => {
    expect((await runCli(['score', fixturePath('000'), '--policy', 'nope=1'])).stderr).toContain('未知的评分政策“nope”');
    const fw = await runCli(['score', fixturePath('000'), '--framework', 'nope']);
    expect(fw.code).toBe(2);
    expect(fw.stderr).toContain('--framework：未知的评分框架“nope”');
    const missing = await runCli(['score', '/nonexistent/e.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('无法读取文件 /nonexistent/e.json：文件不存在\n');
  });

  it('runs as the workspace bin from the repository root', () => {
    const bin = fileURLToPath(new URL('../../../bin/jixiao.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'score', fixturePath('003'), '--format', 'json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { total: string }[])[0]?.total).toBe('99');
    const bad = spawnSync(process.execPath, [bin, 'score', '/nonexistent.json'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});
