import { describe, expect, it } from 'vitest';
import { contentWords, hasNumber, isFundShortage, isMoreFunds, listItems, problemAreas, sharedWords, unmeasurableReason } from './quality-text';

describe('listItems', () => {
  it('splits on （一）（二） lines and keeps the lines below with their item', () => {
    const list = listItems('（一）绩效管理体系需要逐渐健全\n绩效管理是一个完整系统。\n（二）对现行的预算绩效管理不适应\n随着财政改革步伐的推进。');
    expect(list.structured).toBe(true);
    expect(list.items.map((i) => i.headline)).toEqual(['绩效管理体系需要逐渐健全', '对现行的预算绩效管理不适应']);
    expect(list.items[0]?.text).toBe('绩效管理体系需要逐渐健全\n绩效管理是一个完整系统。');
  });

  it('takes the marker kind of the first marked line, so that 1、2、 stay inside （一）', () => {
    const list = listItems('前言一句。\n（一）制度建设\n1、制定财务制度；\n2、完善内控。\n（二）资金管理\n专款专用。');
    expect(list.items.map((i) => i.headline)).toEqual(['制度建设', '资金管理']);
    expect(list.items[0]?.text).toContain('2、完善内控');
  });

  it('reads 一是 … 二是 at line starts and inline, headline up to 。or；', () => {
    expect(listItems('一是加强学习，提高绩效管理水平。强化培训。\n二是加强预算编制准确性。').items.map((i) => i.headline)).toEqual([
      '加强学习，提高绩效管理水平',
      '加强预算编制准确性',
    ]);
    // Seed 001: the items follow a preamble inside one paragraph.
    const inline = listItems('主要问题是目标设置不全面。主要原因一是预算执行中缺乏联动机制；二是指标设置较为简单。');
    expect(inline.structured).toBe(true);
    expect(inline.items.map((i) => i.headline)).toEqual(['预算执行中缺乏联动机制', '指标设置较为简单']);
  });

  it('treats prose without markers as one unstructured item, and empty text as none', () => {
    const list = listItems('预算编制准确性有待提高，加强预算绩效管理。部分项目支出编制需进一步明确。');
    expect(list.structured).toBe(false);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]?.headline).toBe('预算编制准确性有待提高，加强预算绩效管理');
    expect(listItems('  \n')).toEqual({ items: [], structured: false });
  });
});

describe('content words', () => {
  it('keeps topic bigrams and drops particles and genre words', () => {
    expect([...contentWords('业财融合协同不足')]).toEqual(['业财', '财融', '融合', '合协', '协同']);
    expect([...contentWords('进一步加强管理')]).toEqual([]);
    expect(sharedWords('业财融合协同不足', '（二）进一步推进业财融合。')).toEqual(['业财', '财融', '融合']);
  });
});

describe('measurability', () => {
  it.each([
    ['≥95%', true],
    ['十余次专项督查', true],
    ['细化代表建议两百多件', true],
    ['每年立一部法', true],
    ['文旅融合产业继续保持千亿水准', false],
    ['有效促进', false],
  ])('hasNumber(%s) = %s', (text, expected) => {
    expect(hasNumber(text)).toBe(expected);
  });

  it('calls a target vague only without a number', () => {
    expect(unmeasurableReason('有效促进')).toBe('用“有效促进”等模糊表述且没有数值');
    expect(unmeasurableReason('生态环境更加美丽')).toBe('用“更加”等模糊表述且没有数值');
    expect(unmeasurableReason('满意度持续提升5个百分点')).toBeUndefined();
    expect(unmeasurableReason('会议顺利召开')).toBeUndefined();
    expect(unmeasurableReason(' ')).toBe('未填年度指标值');
  });
});

describe('problem areas and money-only items', () => {
  it('finds the areas of the 考核评分表 a text touches', () => {
    expect(problemAreas('部门预算编制不精准，年末结转数额过大；固定资产账实不符。')).toEqual([
      { name: '预算和预算绩效管理', word: '预算编制' },
      { name: '资金分配、使用和管理', word: '结转' },
      { name: '资产和财务管理', word: '资产' },
    ]);
    expect(problemAreas('干部思想认识不到位')).toEqual([]);
  });

  it('recognises 资金不足 and 加大资金投入, not 加大预算执行力度', () => {
    expect(isFundShortage('工作经费严重不足')).toBe(true);
    expect(isFundShortage('缺乏资金保障')).toBe(true);
    expect(isFundShortage('预算编制不精准')).toBe(false);
    expect(isMoreFunds('加大资金投入')).toBe(true);
    expect(isMoreFunds('积极争取财政支持')).toBe(true);
    expect(isMoreFunds('切实加大预算执行力度')).toBe(false);
  });
});
