import { dec, ratePercent, roundHalfAwayFromZero } from '@jixiao/core';
import type { BasicData, BuildingLine, CostLine, Decimal, Evaluation } from '@jixiao/core';
import { amount, blank, count, footerLine, LayoutBuilder, rate, text } from './sheet-layout';
import type { SheetLayout } from './sheet-layout';

/**
 * The 部门整体支出绩效评价基础数据表 laid out as in the Hunan template (seed 004), seven columns wide: the
 * staff and 经费控制情况 blocks use A (label), B, C and D:G; the 楼堂馆所 block uses all seven.
 */

const WIDTHS = [34, 13, 13, 12, 13, 13, 14];
const LAST = WIDTHS.length;

/** A rate computed for display (规模控制率, 投资概算控制率): part ÷ whole, 四舍五入 to 2 places. */
function displayRate(part: Decimal | undefined, whole: Decimal | undefined): Decimal | undefined {
  if (part === undefined || whole === undefined) return undefined;
  const r = ratePercent(part, whole);
  return r === null ? undefined : roundHalfAwayFromZero(r, 2);
}

export function basicDataLayout(e: Evaluation, data: BasicData): SheetLayout {
  const b = new LayoutBuilder();
  const y = e.year ? (n: number) => `${e.year + n}年` : (n: number) => (n < 0 ? '上年' : '本年');

  b.put(b.next(), 1, text(`${e.year ? `${e.year}年度` : ''}部门整体支出绩效评价基础数据表`), 'title', { cols: LAST });
  const repeatRows = b.row;

  const first = b.next();
  b.put(first, 1, text('财政供养人员情况（人）'), 'label');
  b.put(first, 2, text('编制数'), 'label');
  b.put(first, 3, text(`${y(0)}实际在职人数`), 'label');
  b.put(first, 4, text('控制率'), 'label', { cols: 4 });
  const staff = b.next();
  const people = (n: number | undefined) => count(n === undefined ? undefined : dec(String(n)));
  b.put(staff, 1, blank, 'label');
  b.put(staff, 2, people(data.staff?.quota), 'value');
  b.put(staff, 3, people(data.staff?.actual), 'value');
  b.put(staff, 4, rate(data.staff?.statedControlRate), 'value', { cols: 4 });

  const head = b.next();
  b.put(head, 1, text('经费控制情况（万元）'), 'label');
  b.put(head, 2, text(`${y(-1)}决算数`), 'label');
  b.put(head, 3, text(`${y(0)}预算数`), 'label');
  b.put(head, 4, text(`${y(0)}决算数`), 'label', { cols: 4 });
  const line = (l: CostLine | undefined, fallback: string, indent = 0) => {
    // Left-aligned, 其中 lines indented, as the template prints them.
    const r = b.next();
    b.put(r, 1, text(l?.label ?? fallback), 'label', { indent });
    b.put(r, 2, amount(l?.priorActual), 'value');
    b.put(r, 3, amount(l?.budget), 'value');
    b.put(r, 4, amount(l?.actual), 'value', { cols: 4 });
  };
  const three = data.threePublic;
  line(three?.total, '三公经费');
  line(three?.vehicle, '1、公务用车购置和维护经费', 1);
  line(three?.vehiclePurchase, '其中：公车购置', 2);
  line(three?.vehicleOperation, '公车运行维护', 3);
  line(three?.overseas, '2、出国经费', 1);
  line(three?.reception, '3、公务接待', 1);
  line(data.projects?.total, '项目支出：');
  for (const item of data.projects?.items ?? []) line(item, '', 1);
  line(data.publicExpense?.total, '公用经费');
  (data.publicExpense?.items ?? []).forEach((item, i) => line(item, '', i === 0 ? 1 : 2));
  line(data.procurement, '政府采购金额');
  line(data.basicBudgetAdjustment, '部门基本支出预算调整');

  const buildingsHead = b.next();
  for (const [i, label] of [`楼堂馆所控制情况\n（${y(0)}完工项目）`, '批复规模\n（㎡）', '实际规模\n（㎡）', '规模控制率', '预算投资\n（万元）', '实际投资\n（万元）', '投资概算控制率'].entries()) {
    b.put(buildingsHead, 1 + i, text(label), 'label');
  }
  const buildings: readonly BuildingLine[] = data.buildings?.length ? data.buildings : [{}];
  for (const bl of buildings) {
    const r = b.next();
    b.put(r, 1, text(bl.name), 'text');
    b.put(r, 2, count(bl.approvedArea), 'value');
    b.put(r, 3, count(bl.actualArea), 'value');
    b.put(r, 4, rate(displayRate(bl.actualArea, bl.approvedArea)), 'value');
    b.put(r, 5, amount(bl.budgetInvestment), 'value');
    b.put(r, 6, amount(bl.actualInvestment), 'value');
    b.put(r, 7, rate(displayRate(bl.actualInvestment, bl.budgetInvestment)), 'value');
  }

  const saving = b.next();
  b.put(saving, 1, text('厉行节约保障措施'), 'label');
  b.put(saving, 2, text(data.savingMeasures), 'text', { cols: LAST - 1 });
  const last = b.row;

  b.put(b.next(), 1, text('说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。'), 'footer', { cols: LAST });
  b.put(b.next(), 1, text(footerLine(e.unit)), 'footer', { cols: LAST });

  return { widths: WIDTHS, cells: b.cells, table: { first, last }, repeatRows, orientation: 'portrait' };
}
