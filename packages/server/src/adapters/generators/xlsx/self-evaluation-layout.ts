import { sameLevel } from '@jixiao/core';
import type { Decimal, Evaluation, FundLine, FundRow, Indicator } from '@jixiao/core';
import { amount, blank, footerLine, LayoutBuilder, rate, score, text } from './sheet-layout';
import type { CellContent, SheetLayout } from './sheet-layout';

/**
 * The 项目支出绩效自评表 and the 部门整体支出绩效自评表 laid out as in the Hunan template (seed 004), nine
 * columns wide:
 *
 *   A           B       C       D         E          F          G     H       I
 *   title, merged across
 *   项目支出名称 | name ……………………………………………………………………………………………
 *   主管部门     | supervisor ………… | 实施单位 | implementer ………………………………
 *   项目资金     |                 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
 *   （万元）     | 年度资金总额     | amounts and the scored rate; a note spans the empty cells to the right
 *   (A spans     | 其中：当年财政拨款 / 上年结转资金 / 其他资金 (always printed for a project)
 *   the block)   | 部门整体: 按收入性质分： | 按支出性质分： with "一般公共预算：4030.75" lines
 *   年度总体目标 | 预期目标 …………………………… | 实际完成情况 …………………………………
 *   绩效指标     | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
 *   (A spans)    | 产出指标（50分）spans its rows | 数量指标 spans its rows | one row per 三级 …
 *   总分, merged A:F                                                  | weights | score |
 *   footer (填表人 …), and the template's 备注 for a project table
 */

const WIDTHS = [10, 12, 12, 24, 22, 30, 8, 8, 18];
const LAST = WIDTHS.length;

/** The 资金来源 rows every project table prints, blank when the evaluation has none. */
const PROJECT_LINES: readonly FundLine[] = ['total', 'currentAppropriation', 'carryOver', 'other'];
const DEFAULT_LABELS: Partial<Record<FundLine, string>> = { total: '年度资金总额', currentAppropriation: '当年财政拨款', carryOver: '上年结转资金', other: '其他资金' };
/** 部门整体 lines printed as "label：amount" in the 按收入性质分 (annualBudget) / 按支出性质分 (executed) columns. */
const INCOME_LINES: ReadonlySet<FundLine> = new Set(['generalBudget', 'governmentFund', 'specialAccount', 'other']);
const SPENDING_LINES: ReadonlySet<FundLine> = new Set(['basic', 'personnel', 'publicExpense', 'project']);

const VALUE_COLUMNS = ['initialBudget', 'annualBudget', 'executed', 'weight', 'statedRate', 'statedScore'] as const;

/** A 部门整体 row that is only one amount in its nature's column: printed inline. */
function inlineSide(row: FundRow): 'income' | 'spending' | undefined {
  const present = VALUE_COLUMNS.filter((k) => row[k] !== undefined);
  if (row.note !== undefined || present.length !== 1) return undefined;
  if (INCOME_LINES.has(row.line) && present[0] === 'annualBudget') return 'income';
  if (SPENDING_LINES.has(row.line) && present[0] === 'executed') return 'spending';
  return undefined;
}

const sum = (values: readonly Decimal[]): Decimal | undefined => values.reduce<Decimal | undefined>((a, b) => (a ? a.plus(b) : b), undefined);

/** Consecutive items with the same key: [start, end) index runs. */
function runs<T>(items: readonly T[], key: (item: T) => string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  items.forEach((item, i) => {
    const last = out[out.length - 1];
    if (last && i > 0 && key(items[i - 1] as T) === key(item)) last.end = i + 1;
    else out.push({ start: i, end: i + 1 });
  });
  return out;
}

/** The 一级 weight printed beside its name: as stated, else the sum of its rows' 分值 when every row has one. */
function level1Weight(e: Evaluation, level1: string): Decimal | undefined {
  const stated = e.stated.levels?.find((l) => l.level2 === undefined && l.weight !== undefined && sameLevel(l.level1, level1))?.weight;
  if (stated) return stated;
  const rows = e.indicators.filter((i) => i.level1 === level1);
  return rows.every((i) => i.weight !== undefined) ? sum(rows.map((i) => i.weight as Decimal)) : undefined;
}

/** A 二级 weight, printed only when the evaluation states one (a group of 三级 sharing it). */
function level2Weight(e: Evaluation, level1: string, level2: string): Decimal | undefined {
  return e.stated.levels?.find((l) => l.level2 !== undefined && l.weight !== undefined && sameLevel(l.level1, level1) && sameLevel(l.level2, level2))?.weight;
}

const withWeight = (name: string, weight: Decimal | undefined) => (weight === undefined || !name ? name : `${name}（${weight.toString()}分）`);

export function selfEvaluationLayout(e: Evaluation): SheetLayout {
  const b = new LayoutBuilder();
  const project = e.kind === 'project';
  const year = e.year ? `${e.year}年度` : '';

  b.put(b.next(), 1, text(`${year}${project ? '项目支出绩效自评表' : '部门整体支出绩效自评表'}`), 'title', { cols: LAST });
  const first = b.next();
  if (project) {
    b.put(first, 1, text('项目支出名称'), 'label');
    b.put(first, 2, text(e.title), 'value', { cols: LAST - 1 });
    const r = b.next();
    b.put(r, 1, text('主管部门'), 'label');
    b.put(r, 2, text(e.unit.supervisor), 'value', { cols: 3 });
    b.put(r, 5, text('实施单位'), 'label');
    b.put(r, 6, text(e.unit.implementer ?? e.unit.name), 'value', { cols: LAST - 5 });
  } else {
    b.put(first, 1, text('预算部门名称'), 'label');
    b.put(first, 2, text(e.title || e.unit.name), 'value', { cols: LAST - 1 });
  }
  const repeatRows = b.row;

  // 项目资金 / 年度预算申请.
  const fundHeader = b.next();
  for (const [i, label] of ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].entries()) b.put(fundHeader, 4 + i, text(label), 'label');
  b.put(fundHeader, 2, blank, 'label', { cols: 2 });
  const grid: FundRow[] = [];
  const income: FundRow[] = [];
  const spending: FundRow[] = [];
  if (project) {
    for (const line of PROJECT_LINES) grid.push(e.funds.find((f) => f.line === line) ?? { line, label: DEFAULT_LABELS[line] ?? '' });
    grid.push(...e.funds.filter((f) => !PROJECT_LINES.includes(f.line)));
  } else {
    grid.push(e.funds.find((f) => f.line === 'total') ?? { line: 'total', label: '年度资金总额' });
    for (const f of e.funds) {
      if (f.line === 'total') continue;
      const side = inlineSide(f);
      (side === 'income' ? income : side === 'spending' ? spending : grid).push(f);
    }
  }
  grid.forEach((f, i) => fundRow(b, f, i === 1 && !/^其中/.test(f.label) ? `其中：${f.label}` : f.label));
  if (income.length || spending.length) {
    const r = b.next();
    b.put(r, 2, text('按收入性质分：'), 'text', { cols: 4 });
    b.put(r, 6, text('按支出性质分：'), 'text', { cols: LAST - 5 });
    const inline = (f: FundRow | undefined, i: number) => (f ? text(`${i === 0 ? '其中：' : ''}${f.label}：${(f.annualBudget ?? f.executed)?.toString() ?? ''}`) : blank);
    for (let i = 0; i < Math.max(income.length, spending.length); i++) {
      const row = b.next();
      b.put(row, 2, inline(income[i], i), 'text', { cols: 4 });
      b.put(row, 6, inline(spending[i], i), 'text', { cols: LAST - 5 });
    }
  }
  b.put(fundHeader, 1, text(project ? '项目资金（万元）' : '年度预算申请（万元）'), 'label', { rows: b.row - fundHeader + 1 });

  // 年度总体目标.
  const goalHeader = b.next();
  b.put(goalHeader, 2, text('预期目标'), 'label', { cols: 4 });
  b.put(goalHeader, 6, text('实际完成情况'), 'label', { cols: LAST - 5 });
  const goals = e.goals.length ? e.goals : [{ planned: '', achieved: '' }];
  for (const g of goals) {
    const r = b.next();
    b.put(r, 2, text(g.planned), 'text', { cols: 4 });
    b.put(r, 6, text(g.achieved), 'text', { cols: LAST - 5 });
  }
  b.put(goalHeader, 1, text('年度总体目标'), 'label', { rows: b.row - goalHeader + 1 });

  // 绩效指标.
  const indicatorHeader = b.next();
  for (const [i, label] of ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].entries()) {
    b.put(indicatorHeader, 2 + i, text(label), 'label');
  }
  const start = b.row + 1;
  e.indicators.forEach((ind) => indicatorRow(b, ind));
  for (const run1 of runs(e.indicators, (i) => i.level1)) {
    const level1 = e.indicators[run1.start]?.level1 ?? '';
    b.put(start + run1.start, 2, text(withWeight(level1, level1Weight(e, level1))), 'label', { rows: run1.end - run1.start });
    const inner = e.indicators.slice(run1.start, run1.end);
    for (const run2 of runs(inner, (i) => i.level2)) {
      const level2 = inner[run2.start]?.level2 ?? '';
      b.put(start + run1.start + run2.start, 3, text(withWeight(level2, level2Weight(e, level1, level2))), 'label', { rows: run2.end - run2.start });
    }
  }
  b.put(indicatorHeader, 1, text('绩效指标'), 'label', { rows: b.row - indicatorHeader + 1 });

  // 总分: the 预算执行率 weight and every 一级 weight, when all are known; the stated total.
  const total = b.next();
  const level1s = [...new Set(e.indicators.map((i) => i.level1))];
  const weights = level1s.map((l) => level1Weight(e, l));
  const fundWeights = e.funds.flatMap((f) => (f.weight ? [f.weight] : []));
  const totalWeight = weights.every((w) => w !== undefined) ? sum([...fundWeights, ...(weights as Decimal[])]) : undefined;
  b.put(total, 1, text('总分'), 'label', { cols: 6 });
  b.put(total, 7, score(totalWeight), 'value');
  b.put(total, 8, score(e.stated.total), 'value');
  b.put(total, 9, blank, 'value');
  const last = b.row;

  b.put(b.next(), 1, text(footerLine(e.unit)), 'footer', { cols: LAST });
  if (project) b.put(b.next(), 1, text('备注：一个一级项目支出一张表。如，业务工作经费，运行维护经费，其他事业发展类资金…各一张表。'), 'footer', { cols: LAST });

  return { widths: WIDTHS, cells: b.cells, table: { first, last }, repeatRows, orientation: 'landscape' };
}

/**
 * One fund row in B..I: the label over B:C, then 年初预算数 … 得分. A note goes in the empty cells after the
 * last value (as printed in seed 004: "全年预算数与执行数差额的原因是…"), or in a comment when there are none.
 */
function fundRow(b: LayoutBuilder, f: FundRow, label: string): void {
  const r = b.next();
  const values: CellContent[] = [amount(f.initialBudget), amount(f.annualBudget), amount(f.executed), score(f.weight), rate(f.statedRate), score(f.statedScore)];
  let lastValue = values.length - 1;
  while (lastValue >= 0 && values[lastValue]?.kind === 'text') lastValue--;
  const noteCol = lastValue + 1;
  const noteFits = f.note !== undefined && f.note !== '' && noteCol < values.length;
  const hidden = f.note && !noteFits ? { comment: f.note } : {};
  b.put(r, 2, text(label), 'label', { cols: 2, ...hidden });
  values.forEach((v, i) => {
    if (noteFits && i >= noteCol) return;
    b.put(r, 4 + i, v, 'value');
  });
  if (noteFits) b.put(r, 4 + noteCol, text(f.note), 'text', { cols: values.length - noteCol });
}

function indicatorRow(b: LayoutBuilder, ind: Indicator): void {
  const r = b.next();
  b.put(r, 4, text(ind.name), 'text');
  b.put(r, 5, text(ind.target.text), 'text');
  b.put(r, 6, text(ind.actual.text), 'text');
  b.put(r, 7, score(ind.weight), 'value');
  b.put(r, 8, score(ind.score), 'value');
  b.put(r, 9, text(ind.deviationReason), 'text');
}
