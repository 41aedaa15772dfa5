import { describe, expect, it } from 'vitest';
import { HUNAN_STANDARD, computeCommonIndicators, dec, formatPercent, scoreEvaluation } from '@jixiao/core';
import { loadSeed } from '../../test/seed-fixtures';

// The 53号 common indicators computed from the seeds' 基础数据表 and fund rows (scoring-rules.md §3.1, §4).

const values = (seed: '001' | '004') => {
  const [e] = loadSeed(seed);
  if (!e) throw new Error('empty fixture');
  return Object.fromEntries(computeCommonIndicators(e).map((v) => [v.id, v.ok ? formatPercent(v.value) : `—${v.reason}`]));
};

describe('common indicators from seed 004 (岳阳市人大常委会 基础数据表)', () => {
  const v = values('004');
  it.each([
    ['staffControlRate', '76.58%'], // 85 / 111 = 0.765765…
    ['threePublicChangeRate', '4.88%'], // (70.3 − 67.03) / 67.03 = 0.048784…
    ['threePublicControlRate', '34.80%'], // 70.3 / 202 = 0.348019…
    ['publicExpenseControlRate', '166.23%'], // 450.81 / 271.19 = 1.662339…
    ['procurementExecutionRate', '22.78%'], // 292.75 / 1285 = 0.227821…
    ['budgetExecutionRate', '100.00%'], // 4280.31 / 4280.31
    ['carryOverRate', '0.00%'],
  ])('%s = %s', (id, expected) => expect(v[id]).toBe(expected));

  it('says why the 楼堂馆所 rates cannot be computed', () => {
    expect(v.buildingScaleControlRate).toBe('—本年无完工楼堂馆所项目或缺规模数据');
  });
});

describe('common indicators from seed 001 (stated in prose)', () => {
  const v = values('001');
  it('reproduces the report’s 公用经费控制率 98.88% and “三公”经费控制率 85.4% (85.39%)', () => {
    expect(v.publicExpenseControlRate).toBe('98.88%'); // 6897.35 / 6975.25 = 0.988832…
    expect(v.threePublicControlRate).toBe('85.39%'); // 702.8 / 823 = 0.853948…
    expect(v.budgetExecutionRate).toBe('94.48%'); // 31092.65 / 32909.2 = 0.944801…
  });
});

describe('the seed 004 fixture is a faithful transcription', () => {
  it('has weights that fit the framework in all nine tables (no weight finding)', () => {
    for (const e of loadSeed('004')) {
      const r = scoreEvaluation(e, HUNAN_STANDARD);
      const weightRules = r.findings.filter((f) => /weight|unknown-level/.test(f.rule)).map((f) => `${e.title}: ${f.message}`);
      expect(weightRules).toEqual([]);
    }
  });

  it('has 基础数据表 parts that add up to their totals, as the printed table does', () => {
    const [dept] = loadSeed('004');
    const bd = dept?.basicData;
    const tp = bd?.threePublic;
    // 三公: 66.81 + 0 + 3.49 = 70.3; 公车: 17.98 + 48.83 = 66.81
    expect(tp?.vehicle?.actual?.plus(tp.overseas?.actual ?? 0).plus(tp.reception?.actual ?? 0).toString()).toBe(tp?.total.actual?.toString());
    expect(tp?.vehiclePurchase?.actual?.plus(tp.vehicleOperation?.actual ?? 0).toString()).toBe(tp?.vehicle?.actual?.toString());
    // 项目支出 items: 1496.7 in 2022 决算
    const items = bd?.projects?.items ?? [];
    const total = items.reduce((a, i) => a.plus(i.actual ?? 0), dec('0'));
    expect(items).toHaveLength(8);
    expect(total.toString()).toBe('1496.7');
    expect(bd?.projects?.total.actual?.toString()).toBe('1496.7');
  });
});
