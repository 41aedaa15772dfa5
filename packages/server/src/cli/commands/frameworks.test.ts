import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/run-cli';

describe('jixiao frameworks', () => {
  it('lists the shipped frameworks with their weights', async () => {
    const r = await runCli(['frameworks']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('hunan-standard@2024.1');
    expect(r.stdout).toContain('分值：预算执行率 10 / 产出指标 50 / 效益指标 30 / 满意度指标 10');
    expect(r.stdout).toContain('分值：投入管理 30 / 产出指标 25 / 效益指标 45');
    expect(r.stdout).toContain('mof-2013-department@2013.1');
  });

  it('shows each rule with its source and evidence level with --verbose', async () => {
    const r = await runCli(['frameworks', '--verbose']);
    expect(r.stdout).toContain('S-MOF10[B]');
    expect(r.stdout).toContain('在职人员控制率(5)：thresholdPerPoint；S-GLJ[C] 在职人员控制率≦100%,计5分;每超过一个百分点扣0.5分,扣完为止');
    expect(r.stdout).toContain('executionScorePlaces = 2');
  });

  it('prints JSON for programs', async () => {
    const r = await runCli(['frameworks', '--format', 'json']);
    const json = JSON.parse(r.stdout) as { frameworks: { id: string; tree: { weight: string }[] }[] };
    expect(json.frameworks[0]?.tree.map((n) => n.weight)).toEqual(['50', '30', '10']);
  });
});
