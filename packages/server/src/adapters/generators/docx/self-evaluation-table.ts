import { ZERO, matchesNode, sameLevel, scoredFundRow } from '@jixiao/core';
import type { Decimal, Evaluation, Framework, FundLine, FundRow, Indicator } from '@jixiao/core';
import type { Table } from 'docx';
import { FUND_LABEL, computedPercent, percent, show } from './format';
import { cell, gridTable, scaleWidths } from './table-grid';
import type { GridCell, GridRow } from './table-grid';
import { TYPE_AREA } from './typography';

/**
 * The 部门整体支出绩效自评表 and the 项目支出绩效自评表, as the Hunan templates print them (seed 004): a label
 * column on the left whose cells span their blocks (项目资金（万元）, 年度总体目标, 绩效指标), the fund rows with
 * 年初预算数 … 得分, 年度总体目标 with 预期目标 and 实际完成情况, and the 绩效指标 block where each 一级 cell
 * ("产出指标（50分）") and each 二级 cell spans its rows, closed by the 总分 row.
 *
 * Frameworks that fix 二级 weights (浏阳, 53号) get their template's variant: a 权重 column for the 一级
 * weight and the 二级 weight beside its name ("预算编审管理（3分）"), which is also how the importer tells a
 * 二级 such as 效益指标's "满意度指标" from the 一级 of that name.
 *
 * Cells print what the evaluation states, as stored; a blank cell is an absent value. The exceptions are
 * the template's own figures: the 一级 weights (the framework's, unless the evaluation states its own), the
 * 总分 row's 分值, and the scored fund row's 执行率 when none is stated (computed, 2 decimals).
 */

type FundColumn = 'initialBudget' | 'annualBudget' | 'executed' | 'weight' | 'statedRate' | 'statedScore';

const FUND_HEADER: Readonly<Record<FundColumn, string>> = {
  initialBudget: '年初预算数',
  annualBudget: '全年预算数',
  executed: '全年执行数',
  weight: '分值',
  statedRate: '执行率',
  statedScore: '得分',
};
const ALL_FUND_COLUMNS: readonly FundColumn[] = ['initialBudget', 'annualBudget', 'executed', 'weight', 'statedRate', 'statedScore'];

type Column = 'label' | 'level1' | 'level1Weight' | 'level2' | 'name' | 'target' | 'actual' | 'weight' | 'score' | 'deviation';

/** Relative widths of the columns (scaled to the 版心). */
const WIDTH: Readonly<Record<Column, number>> = {
  label: 640,
  level1: 820,
  level1Weight: 480,
  level2: 900,
  name: 1500,
  target: 1250,
  actual: 1250,
  weight: 640,
  score: 800,
  deviation: 900,
};

interface Layout {
  readonly columns: readonly Column[];
  readonly widths: readonly number[];
  /** 浏阳/53号: 一级 weights in a 权重 column, 二级 weights beside their names. */
  readonly weightColumn: boolean;
  readonly fundColumns: readonly FundColumn[];
  readonly headers: Readonly<Partial<Record<Column, string>>>;
  readonly goalLabels: readonly [string, string];
}

function layoutFor(evaluations: readonly Evaluation[], framework: Framework): Layout {
  const weightColumn = framework.tree.some((n) => n.children.some((c) => c.weight !== undefined));
  const rowWeights = !weightColumn || evaluations.some((e) => e.indicators.some((i) => i.weight !== undefined));
  const columns: Column[] = ['label', 'level1', ...(weightColumn ? (['level1Weight'] as const) : []), 'level2', 'name', 'target', 'actual', ...(rowWeights ? (['weight'] as const) : []), 'score', 'deviation'];
  // The Hunan template prints all six fund columns; 浏阳's three (全年预算数, 全年执行数, 执行率) and any other the data fills.
  const template: readonly FundColumn[] = weightColumn ? ['annualBudget', 'executed', 'statedRate'] : ALL_FUND_COLUMNS;
  const fundColumns = ALL_FUND_COLUMNS.filter((c) => template.includes(c) || evaluations.some((e) => e.funds.some((f) => f[c] !== undefined)));
  return {
    columns,
    // 浏阳's 二级 names carry their weight ("部门结转结余资金管理（4分）"): the narrow 权重 column leaves room for them.
    widths: scaleWidths(columns.map((c) => (weightColumn && c === 'level2' ? 1300 : WIDTH[c])), TYPE_AREA.width),
    weightColumn,
    fundColumns,
    headers: weightColumn
      ? { level1: '一级指标', level1Weight: '权重', level2: '二级指标', name: '三级指标', target: '年度指标值', actual: '全年完成值', weight: '分值', score: '自评得分', deviation: '偏差及原因分析' }
      : { level1: '一级指标', level2: '二级指标', name: '三级指标', target: '年度指标值', actual: '实际完成值', weight: '分值', score: '得分', deviation: '偏差原因分析及改进措施' },
    goalLabels: weightColumn ? ['年初设定目标', '全年完成情况'] : ['预期目标', '实际完成情况'],
  };
}

/** 收入性质 lines print one figure, the part of 全年预算数; 支出性质 lines the part of 全年执行数 (evaluation-format.md). */
const INCOME_NATURE: readonly FundLine[] = ['generalBudget', 'governmentFund', 'specialAccount', 'other'];
const EXPENSE_NATURE: readonly FundLine[] = ['basic', 'personnel', 'publicExpense', 'project'];

const filled = (row: FundRow): FundColumn[] => ALL_FUND_COLUMNS.filter((c) => row[c] !== undefined);

/** Whether the 部门整体 table prints the row the template's way, "一般公共预算：4030.75", in its 性质 block. */
function natureSide(row: FundRow): 'income' | 'expense' | undefined {
  if (row.note) return undefined;
  const cols = filled(row);
  if (cols.length !== 1) return undefined;
  if (INCOME_NATURE.includes(row.line) && cols[0] === 'annualBudget') return 'income';
  if (EXPENSE_NATURE.includes(row.line) && cols[0] === 'executed') return 'expense';
  return undefined;
}

/** The 一级 weight to print: the evaluation's own statement, else the framework's. */
function level1Weight(evaluation: Evaluation, framework: Framework, level1: string): Decimal | undefined {
  const stated = evaluation.stated.levels?.find((l) => l.level2 === undefined && l.weight !== undefined && sameLevel(l.level1, level1))?.weight;
  return stated ?? framework.tree.find((n) => matchesNode(level1, n))?.weight;
}

function level2Weight(evaluation: Evaluation, framework: Framework, level1: string, level2: string): Decimal | undefined {
  const stated = evaluation.stated.levels?.find((l) => l.level2 !== undefined && l.weight !== undefined && sameLevel(l.level1, level1) && sameLevel(l.level2, level2))?.weight;
  if (stated) return stated;
  const node = framework.tree.find((n) => matchesNode(level1, n));
  return node?.children.find((c) => matchesNode(level2, c))?.weight;
}

/** Consecutive runs of equal keys: [start, length]. */
function runs<T>(items: readonly T[], key: (item: T) => string): [number, number][] {
  const out: [number, number][] = [];
  items.forEach((item, i) => {
    const last = out[out.length - 1];
    if (last && key(items[last[0]] as T) === key(item)) last[1]++;
    else out.push([i, 1]);
  });
  return out;
}

class TableBuilder {
  readonly rows: GridRow[] = [];
  readonly n: number;
  constructor(readonly layout: Layout) {
    this.n = layout.columns.length;
  }

  /** Index of a column, or -1. */
  at(column: Column): number {
    return this.layout.columns.indexOf(column);
  }

  /** A label over the first two columns and a value over the rest (项目支出名称, 部门（单位）名称). */
  nameRow(label: string, value: string): void {
    this.rows.push([cell(label, { colSpan: 2 }), cell(value, { colSpan: this.n - 2, align: 'left' })]);
  }

  /** 主管部门 | … | 实施单位 | …: the labels over two columns and one, the names sharing the rest. */
  unitRow(supervisor: string, implementer: string): void {
    const rest = this.n - 3;
    const first = Math.ceil(rest / 2);
    this.rows.push([cell('主管部门', { colSpan: 2 }), cell(supervisor, { colSpan: first, align: 'left' }), cell('实施单位'), cell(implementer, { colSpan: rest - first, align: 'left' })]);
  }

  /**
   * The fund block: a header row under the block's label, then one row per full fund row, then (部门整体,
   * Hunan) the 按收入性质分 / 按支出性质分 block. The fund label spans the columns up to 三级指标; the values
   * fill the columns from there; a row's note follows its last value and spans the rest.
   */
  funds(label: string, evaluation: Evaluation, withNature: boolean): void {
    const { fundColumns } = this.layout;
    const start = this.at('name');
    const labelSpan = start - 1;
    const trailing = this.n - start - fundColumns.length;
    const scored = scoredFundRow(evaluation)?.row;
    const nature = withNature ? evaluation.funds.filter((r) => natureSide(r) !== undefined) : [];
    const full = evaluation.funds.filter((r) => !nature.includes(r));
    const income = nature.filter((r) => natureSide(r) === 'income');
    const expense = nature.filter((r) => natureSide(r) === 'expense');
    const natureRows = nature.length ? 1 + Math.max(income.length, expense.length) : 0;

    const header: GridCell[] = [
      cell(label, { rowSpan: 1 + full.length + natureRows }),
      cell('', { colSpan: labelSpan }),
      ...fundColumns.map((c) => cell(FUND_HEADER[c])),
      ...(trailing > 0 ? [cell('', { colSpan: trailing })] : []),
    ];
    this.rows.push(header);

    for (const row of full) {
      const values = fundColumns.map((c) => this.fundValue(row, c, row === scored));
      const lastFilled = values.reduce((last, v, i) => (v ? i : last), -1);
      let span = labelSpan;
      let shown = values;
      if (row.note) {
        // The note takes the columns after the last value; with every column filled, the label gives one up.
        shown = values.slice(0, lastFilled + 1);
        if (shown.length + 1 > fundColumns.length + trailing) span = labelSpan - 1;
      }
      const cells: GridCell[] = [cell(FUND_LABEL[row.line], { colSpan: span, align: 'left' }), ...shown.map((v) => cell(v))];
      const used = span + shown.length;
      const rest = this.n - 1 - used;
      if (row.note) cells.push(cell(row.note, { colSpan: rest, align: 'left' }));
      else if (rest > 0) cells.push(cell('', { colSpan: rest }));
      this.rows.push(cells);
    }

    if (natureRows) {
      const half = start - 1 + 2;
      this.rows.push([cell('按收入性质分：', { colSpan: half, align: 'left' }), cell('按支出性质分：', { colSpan: this.n - 1 - half, align: 'left' })]);
      for (let i = 0; i < natureRows - 1; i++) {
        const left = income[i];
        const right = expense[i];
        const text = (r: FundRow | undefined, side: 'income' | 'expense') =>
          r ? `${i === 0 ? '其中：' : ''}${FUND_LABEL[r.line]}：${show(side === 'income' ? r.annualBudget : r.executed)}` : '';
        this.rows.push([cell(text(left, 'income'), { colSpan: half, align: 'left' }), cell(text(right, 'expense'), { colSpan: this.n - 1 - half, align: 'left' })]);
      }
    }
  }

  private fundValue(row: FundRow, column: FundColumn, scored: boolean): string {
    if (column === 'statedRate') {
      if (row.statedRate) return percent(row.statedRate);
      return scored ? computedPercent(row.executed, row.annualBudget) : '';
    }
    return show(row[column]);
  }

  /** 年度总体目标: labels, then the goals (several are printed one under another in the two cells). */
  goals(evaluation: Evaluation): void {
    const [plannedLabel, achievedLabel] = this.layout.goalLabels;
    const first = Math.floor((this.n - 1) / 2);
    const second = this.n - 1 - first;
    const planned = evaluation.goals.map((g) => g.planned).filter((t) => t).join('\n');
    const achieved = evaluation.goals.map((g) => g.achieved).filter((t) => t).join('\n');
    this.rows.push([cell('年度总体目标', { rowSpan: 2 }), cell(plannedLabel, { colSpan: first }), cell(achievedLabel, { colSpan: second })]);
    this.rows.push([cell(planned, { colSpan: first, align: 'left' }), cell(achieved, { colSpan: second, align: 'left' })]);
  }

  /** The 绩效指标 block: header, one row per indicator with spanning 一级 and 二级 cells, and 总分. */
  indicators(evaluation: Evaluation, framework: Framework): void {
    const { columns, headers, weightColumn } = this.layout;
    const list = evaluation.indicators;
    this.rows.push(columns.map((c) => (c === 'label' ? cell('绩效指标', { rowSpan: 1 + list.length }) : cell(headers[c] ?? ''))));
    const level1Runs = new Map(runs(list, (i) => i.level1).map(([s, len]) => [s, len]));
    const level2Runs = new Map<number, number>();
    for (const [s, len] of level1Runs) {
      for (const [s2, len2] of runs(list.slice(s, s + len), (i) => i.level2)) level2Runs.set(s + s2, len2);
    }
    list.forEach((ind, i) => {
      const row: GridCell[] = [];
      const span1 = level1Runs.get(i);
      if (span1 !== undefined) {
        const w = level1Weight(evaluation, framework, ind.level1);
        if (weightColumn) row.push(cell(ind.level1, { rowSpan: span1 }), cell(show(w), { rowSpan: span1 }));
        else row.push(cell(w ? `${ind.level1}（${w}分）` : ind.level1, { rowSpan: span1 }));
      }
      const span2 = level2Runs.get(i);
      if (span2 !== undefined) {
        const w2 = weightColumn && ind.level2 ? level2Weight(evaluation, framework, ind.level1, ind.level2) : undefined;
        row.push(cell(w2 ? `${ind.level2}（${w2}分）` : ind.level2, { rowSpan: span2 }));
      }
      row.push(...this.indicatorValues(ind));
      this.rows.push(row);
    });
  }

  private indicatorValues(ind: Indicator): GridCell[] {
    return this.layout.columns
      .filter((c) => c === 'name' || c === 'target' || c === 'actual' || c === 'weight' || c === 'score' || c === 'deviation')
      .map((c) => {
        switch (c) {
          case 'name':
            return cell(ind.name, { align: 'left' });
          case 'target':
            return cell(ind.target.text, { align: 'left' });
          case 'actual':
            return cell(ind.actual.text, { align: 'left' });
          case 'weight':
            return cell(show(ind.weight));
          case 'score':
            return cell(show(ind.score));
          default:
            return cell(ind.deviationReason ?? '', { align: 'left' });
        }
      });
  }

  /**
   * 总分: the template's 分值 total (the framework's 100) and the stated 得分. The importer reads the row's
   * last number as the total, so the 分值 is printed only beside a stated total.
   */
  total(evaluation: Evaluation, framework: Framework): void {
    const score = this.at('score');
    const total = evaluation.stated.total;
    const weights = [framework.execution?.weight ?? ZERO, ...framework.tree.map((n) => n.weight)].reduce((a, b) => a.plus(b), ZERO);
    this.rows.push([
      cell('总分', { colSpan: score - 1 }),
      cell(total ? show(weights) : ''),
      cell(show(total)),
      ...(this.n - score - 1 > 0 ? [cell('', { colSpan: this.n - score - 1 })] : []),
    ]);
  }
}

/** The 部门整体支出绩效自评表 of a department evaluation. */
export function departmentTable(evaluation: Evaluation, framework: Framework, all: readonly Evaluation[]): Table {
  const layout = layoutFor(all, framework);
  const b = new TableBuilder(layout);
  b.nameRow('部门（单位）名称', evaluation.title || evaluation.unit.name);
  b.funds(layout.weightColumn ? '整体支出规模（万元）' : '年度预算申请（万元）', evaluation, !layout.weightColumn);
  b.goals(evaluation);
  b.indicators(evaluation, framework);
  b.total(evaluation, framework);
  return gridTable(layout.widths, b.rows);
}

/** The 项目支出绩效自评表 of a project evaluation. */
export function projectTable(evaluation: Evaluation, framework: Framework, all: readonly Evaluation[]): Table {
  const layout = layoutFor(all, framework);
  const b = new TableBuilder(layout);
  b.nameRow('项目支出名称', evaluation.title);
  b.unitRow(evaluation.unit.supervisor ?? '', evaluation.unit.implementer ?? '');
  b.funds('项目资金（万元）', evaluation, false);
  b.goals(evaluation);
  b.indicators(evaluation, framework);
  b.total(evaluation, framework);
  return gridTable(layout.widths, b.rows);
}
