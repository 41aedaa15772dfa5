import { dec } from '@jixiao/core';
import type { BasicData, CostLine } from '@jixiao/core';
import type { Table } from 'docx';
import { computedPercent, percent, show } from './format';
import { cell, gridTable, scaleWidths } from './table-grid';
import type { GridRow } from './table-grid';
import { TYPE_AREA } from './typography';

/**
 * The 部门整体支出绩效评价基础数据表 as the Hunan template prints it (seed 004): 财政供养人员情况, the 经费控制情况
 * lines (上年决算数 / 本年预算数 / 本年决算数), 楼堂馆所控制情况 and 厉行节约保障措施, on a 7-column grid (a label
 * column, then the 楼堂馆所 block's six; the other blocks' three figures span two columns each).
 */

/** Which slot of the 基础数据表 a label is read into, in the importer's order (core extract-basic-data.ts). */
type Slot = 'threePublic' | 'vehiclePurchase' | 'vehicleOperation' | 'vehicle' | 'overseas' | 'reception' | 'projects' | 'publicExpense' | 'procurement' | 'adjustment' | 'item';

function slotOf(label: string): Slot {
  const s = label.replace(/[\s\u3000]+/g, '');
  if (/^三公经费|“三公”经费/.test(s)) return 'threePublic';
  if (/公车购置/.test(s)) return 'vehiclePurchase';
  if (/公车运行/.test(s)) return 'vehicleOperation';
  if (/公务用车/.test(s)) return 'vehicle';
  if (/出国/.test(s)) return 'overseas';
  if (/公务接待/.test(s)) return 'reception';
  if (/^项目支出/.test(s)) return 'projects';
  if (/^公用经费/.test(s)) return 'publicExpense';
  if (/政府采购/.test(s)) return 'procurement';
  if (/预算调整/.test(s)) return 'adjustment';
  return 'item';
}

/** The template's label of each fixed line, with its indent in the template (characters). */
const CANONICAL: Readonly<Record<Exclude<Slot, 'item'>, readonly [string, number]>> = {
  threePublic: ['三公经费', 0],
  vehicle: ['1、公务用车购置和维护经费', 1],
  vehiclePurchase: ['其中：公车购置', 2],
  vehicleOperation: ['公车运行维护', 4],
  overseas: ['2、出国经费', 1],
  reception: ['3、公务接待', 1],
  projects: ['项目支出', 0],
  publicExpense: ['公用经费', 0],
  procurement: ['政府采购金额', 0],
  adjustment: ['部门基本支出预算调整', 0],
};

/** The stored label where it reads back into its own slot, else the template's. */
function label(line: CostLine, slot: Exclude<Slot, 'item'>): string {
  return line.label && slotOf(line.label) === slot ? line.label : CANONICAL[slot][0];
}

const WIDTHS = scaleWidths([2700, 1000, 1000, 1000, 1000, 1000, 1000], TYPE_AREA.width);

export function basicDataTable(data: BasicData, year: number): Table {
  const rows: GridRow[] = [];
  const staff = data.staff;
  if (staff) {
    const rate = staff.statedControlRate
      ? percent(staff.statedControlRate)
      : staff.quota !== undefined && staff.actual !== undefined && staff.quota > 0
        ? computedPercent(dec(String(staff.actual)), dec(String(staff.quota)))
        : '';
    rows.push([cell('财政供养人员情况（人）', { rowSpan: 2 }), cell('编制数', { colSpan: 2 }), cell(`${year}年实际在职人数`, { colSpan: 2 }), cell('控制率', { colSpan: 2 })]);
    // The importer reads this row's non-blank cells in order, so an unknown figure is printed "——", not left blank.
    rows.push([cell(staff.quota === undefined ? '——' : String(staff.quota), { colSpan: 2 }), cell(staff.actual === undefined ? '——' : String(staff.actual), { colSpan: 2 }), cell(rate || '——', { colSpan: 2 })]);
  }
  rows.push([cell('经费控制情况（万元）'), cell(`${year - 1}年决算数`, { colSpan: 2 }), cell(`${year}年预算数`, { colSpan: 2 }), cell(`${year}年决算数`, { colSpan: 2 })]);
  const costRow = (text: string, line: CostLine, indent: number): GridRow => [
    cell(text, { align: 'left', ...(indent ? { indentChars: indent } : {}) }),
    cell(show(line.priorActual), { colSpan: 2 }),
    cell(show(line.budget), { colSpan: 2 }),
    cell(show(line.actual), { colSpan: 2 }),
  ];
  const fixed = (line: CostLine | undefined, slot: Exclude<Slot, 'item'>) => {
    if (line) rows.push(costRow(label(line, slot), line, CANONICAL[slot][1]));
  };
  const tp = data.threePublic;
  if (tp) {
    fixed(tp.total, 'threePublic');
    fixed(tp.vehicle, 'vehicle');
    fixed(tp.vehiclePurchase, 'vehiclePurchase');
    fixed(tp.vehicleOperation, 'vehicleOperation');
    fixed(tp.overseas, 'overseas');
    fixed(tp.reception, 'reception');
  }
  for (const [group, slot] of [
    [data.projects, 'projects'],
    [data.publicExpense, 'publicExpense'],
  ] as const) {
    if (!group) continue;
    fixed(group.total, slot);
    for (const item of group.items) rows.push(costRow(item.label, item, 2));
  }
  fixed(data.procurement, 'procurement');
  fixed(data.basicBudgetAdjustment, 'adjustment');

  rows.push([
    cell(`楼堂馆所控制情况\n（${year}年完工项目）`),
    cell('批复规模\n（㎡）'),
    cell('实际规模\n（㎡）'),
    cell('规模控制率'),
    cell('预算投资\n（万元）'),
    cell('实际投资\n（万元）'),
    cell('投资概算控制率'),
  ]);
  const buildings = data.buildings ?? [];
  if (buildings.length === 0) rows.push([cell(''), ...Array.from({ length: 6 }, () => cell('——'))]);
  for (const b of buildings) {
    rows.push([
      cell(b.name ?? '', { align: 'left' }),
      cell(show(b.approvedArea)),
      cell(show(b.actualArea)),
      cell(computedPercent(b.actualArea, b.approvedArea)),
      cell(show(b.budgetInvestment)),
      cell(show(b.actualInvestment)),
      cell(computedPercent(b.actualInvestment, b.budgetInvestment)),
    ]);
  }
  rows.push([cell('厉行节约保障措施'), cell(data.savingMeasures ?? '', { colSpan: 6, align: 'left' })]);
  return gridTable(WIDTHS, rows);
}

/** The template's note under the table. */
export const BASIC_DATA_NOTE = '说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。';
