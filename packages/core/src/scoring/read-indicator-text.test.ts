import { describe, it, expect } from 'vitest';
import { readIndicatorText, type IndicatorTextReading } from './read-indicator-text';

/** The reading with its value as a string, so that whole readings compare with toEqual. */
function read(text: string): Omit<IndicatorTextReading, 'value'> & { value?: string } {
  const r = readIndicatorText(text);
  const { value, ...rest } = r;
  return value === undefined ? rest : { ...rest, value: value.toString() };
}

describe('readIndicatorText: quantities from the seed reports', () => {
  it('"≥400期" → GE 400 期 (seed 001, 《湖南信息》期数)', () => {
    expect(read('≥400期')).toEqual({ direction: 'GE', value: '400', unit: '期' });
  });

  it('"全年信息更新量不少于2.5万条" → GE 25000 条 (2.5 × 10000)', () => {
    expect(read('全年信息更新量不少于2.5万条')).toEqual({ direction: 'GE', value: '25000', unit: '条' });
  });

  it('"全年信息更新量超2.7万条" → 27000 条 (2.7 × 10000), 超 read as GT', () => {
    const r = readIndicatorText('全年信息更新量超2.7万条');
    expect(r.value?.toString()).toBe('27000');
    expect(r.unit).toBe('条');
    expect(r.direction).toBe('GT');
    expect(r.notNumeric).toBeUndefined();
  });

  it('"24期" → 24 期 with no direction', () => {
    expect(read('24期')).toEqual({ value: '24', unit: '期' });
  });

  it('"408期" (an 实际完成值) → 408 期 with no direction', () => {
    expect(read('408期')).toEqual({ value: '408', unit: '期' });
  });

  it('"≤100%" → LE 100 %', () => {
    expect(read('≤100%')).toEqual({ direction: 'LE', value: '100', unit: '%' });
  });

  it('"98.88%" → 98.88 % with no direction', () => {
    expect(read('98.88%')).toEqual({ value: '98.88', unit: '%' });
  });

  it('"85.4%" → 85.4 %', () => {
    expect(read('85.4%')).toEqual({ value: '85.4', unit: '%' });
  });

  it('"组织开展志愿活动≥4次" → GE 4 次', () => {
    expect(read('组织开展志愿活动≥4次')).toEqual({ direction: 'GE', value: '4', unit: '次' });
  });

  it('"向政府交办环保问题≥187个，力促单位整改" → GE 187 个 (seed 003)', () => {
    expect(read('向政府交办环保问题≥187个，力促单位整改')).toEqual({ direction: 'GE', value: '187', unit: '个' });
  });

  it('"信访科全年预计接待群众来信来访200余人次" → GE 200 人次, approximate (人次 wins over 人)', () => {
    expect(read('信访科全年预计接待群众来信来访200余人次')).toEqual({
      direction: 'GE',
      value: '200',
      unit: '人次',
      approximate: true,
    });
  });

  it('"不超过5个" → LE 5 个', () => {
    expect(read('不超过5个')).toEqual({ direction: 'LE', value: '5', unit: '个' });
  });

  it('"30人以上" → GE 30 人', () => {
    expect(read('30人以上')).toEqual({ direction: 'GE', value: '30', unit: '人' });
  });

  it('"10件以下" → LE 10 件', () => {
    expect(read('10件以下')).toEqual({ direction: 'LE', value: '10', unit: '件' });
  });

  it('full-width "≥４００期" → GE 400 期', () => {
    expect(read('≥４００期')).toEqual({ direction: 'GE', value: '400', unit: '期' });
  });

  it('"100万元" keeps 万元 as the unit and does not multiply', () => {
    expect(read('100万元')).toEqual({ value: '100', unit: '万元' });
  });
});

describe('readIndicatorText: texts that are not a quantity', () => {
  it('"十余次专项督查" → no-number (Chinese numerals are not read)', () => {
    expect(read('十余次专项督查')).toEqual({ notNumeric: 'no-number' });
  });

  it('"国务院办公厅采用信息60篇，国务院领导批示12条" → several-numbers', () => {
    expect(read('国务院办公厅采用信息60篇，国务院领导批示12条')).toEqual({ notNumeric: 'several-numbers' });
  });

  it('"24-26次维修" → range', () => {
    expect(read('24-26次维修')).toEqual({ notNumeric: 'range' });
  });

  it('"24～26次" and "24至26次" → range', () => {
    expect(read('24～26次')).toEqual({ notNumeric: 'range' });
    expect(read('24至26次')).toEqual({ notNumeric: 'range' });
  });

  it('"每年需起草、修改、审议条例草案n+1次" → formula', () => {
    expect(read('每年需起草、修改、审议条例草案n+1次')).toEqual({ notNumeric: 'formula' });
  });

  it('"2024年12月底之前完成" → no-number (dates are not quantities)', () => {
    expect(read('2024年12月底之前完成')).toEqual({ notNumeric: 'no-number' });
  });

  it('"按时完成" → no-number', () => {
    expect(read('按时完成')).toEqual({ notNumeric: 'no-number' });
  });

  it('a date beside a quantity leaves the quantity: "2024年完成3项" → 3 项', () => {
    expect(read('2024年完成3项')).toEqual({ value: '3', unit: '项' });
  });
});

describe('readIndicatorText: negated comparison words', () => {
  // 不超过 / 不高于 / 不大于 / 不多于 all mean "at most": ≤.
  it.each(['不高于5个', '不大于5个', '不多于5个'])('%j → LE 5 个', (text) => {
    expect(read(text)).toEqual({ direction: 'LE', value: '5', unit: '个' });
  });
});

describe('readIndicatorText: 万元 figures with a 4-digit integer part are amounts, not dates', () => {
  it('"≤4280.31万元" → LE 4280.31 万元', () => {
    expect(read('≤4280.31万元')).toEqual({ direction: 'LE', value: '4280.31', unit: '万元' });
  });

  it('"≥15424.89万元" → GE 15424.89 万元', () => {
    expect(read('≥15424.89万元')).toEqual({ direction: 'GE', value: '15424.89', unit: '万元' });
  });

  it('"1000-2000次" → range', () => {
    expect(read('1000-2000次')).toEqual({ notNumeric: 'range' });
  });
});
