import { describe, expect, it } from 'vitest';
import type { EvaluationContent } from '../../api/types';
import { describePath } from './field-paths';

/** The 基础数据表 of seed 004 as far as these paths need it: two of its 项目支出 lines. */
const content = {
  basicData: { projects: { total: { label: '项目支出' }, items: [{ label: '1、业务工作经费' }, { label: '6、人大代表' }] } },
} as unknown as EvaluationContent;

describe('describePath for the 基础数据表 (the paths audit.basic-data gives its findings)', () => {
  it('names the line and the column of a total', () => {
    expect(describePath('basicData.threePublic.total.actual', content)).toBe('基础数据表 · “三公”经费 · 本年决算数');
    expect(describePath('basicData.threePublic.vehicle.budget', content)).toBe('基础数据表 · 公务用车购置和维护经费 · 本年预算数');
    expect(describePath('basicData.publicExpense.total.priorActual', content)).toBe('基础数据表 · 公用经费 · 上年决算数');
  });

  it('names an item by its label without its number, or by its place when the content lacks it', () => {
    expect(describePath('basicData.projects.items[1].budget', content)).toBe('基础数据表 · 项目支出“人大代表” · 本年预算数');
    expect(describePath('basicData.publicExpense.items[2]', content)).toBe('基础数据表 · 公用经费第 3 项');
  });

  it('names the staff figures, and falls back to the table for anything else', () => {
    expect(describePath('basicData.staff.statedControlRate', content)).toBe('基础数据表 · 在职人员控制率');
    expect(describePath('basicData.staff.actual', undefined)).toBe('基础数据表 · 实际在职人数');
    expect(describePath('basicData', content)).toBe('基础数据表');
    expect(describePath('basicData.buildings[0]', content)).toBe('基础数据表');
  });
});
