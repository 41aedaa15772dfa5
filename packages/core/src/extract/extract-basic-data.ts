import { dec } from '../money/decimal';
import type { Decimal } from '../money/decimal';
import type { TableBlock } from '../document/document-model';
import type { BasicData, CostLine } from '../model/basic-data';
import { cellNumber, cellPercent, cellText, squeeze } from './labels';

/**
 * Reads the 部门整体支出绩效评价基础数据表 (Hunan template, scoring-rules.md §4): staff numbers, the 经费控制情况
 * lines with 上年决算数 / 本年预算数 / 本年决算数, 楼堂馆所 and 厉行节约保障措施.
 */
export function extractBasicData(table: TableBlock): BasicData {
  const out: {
    staff?: BasicData['staff'];
    threePublic?: { total: CostLine; vehicle?: CostLine; vehiclePurchase?: CostLine; vehicleOperation?: CostLine; overseas?: CostLine; reception?: CostLine };
    projects?: { total: CostLine; items: CostLine[] };
    publicExpense?: { total: CostLine; items: CostLine[] };
    procurement?: CostLine;
    basicBudgetAdjustment?: CostLine;
    savingMeasures?: string;
  } = {};
  let group: 'projects' | 'publicExpense' | undefined;
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const cells = row.map((c) => cellText(c.text));
    const first = squeeze(cells[0] ?? '');
    if (first.startsWith('财政供养人员情况')) {
      const values = (rows[r + 1] ?? []).map((c) => cellText(c.text)).filter((t) => t);
      const [quota, actual, rate] = values;
      out.staff = {
        ...(quota && cellNumber(quota) ? { quota: Number(cellNumber(quota)) } : {}),
        ...(actual && cellNumber(actual) ? { actual: Number(cellNumber(actual)) } : {}),
        ...(rate && cellPercent(rate) ? { statedControlRate: dec(cellPercent(rate) as string) } : {}),
      };
      r++;
      continue;
    }
    if (first.startsWith('厉行节约')) {
      out.savingMeasures = cells.slice(1).filter((t) => t).join('\n');
      continue;
    }
    if (first.startsWith('经费控制情况') || first.startsWith('楼堂馆所') || first === '') continue;
    const amounts = cells.slice(1, 4).map((t): Decimal | undefined => (cellNumber(t) === undefined ? undefined : dec(cellNumber(t) as string)));
    const line: CostLine = {
      label: cellText(cells[0] ?? ''),
      ...(amounts[0] ? { priorActual: amounts[0] } : {}),
      ...(amounts[1] ? { budget: amounts[1] } : {}),
      ...(amounts[2] ? { actual: amounts[2] } : {}),
      ...(row[0] ? { source: row[0].source } : {}),
    };
    if (/^三公经费|“三公”经费/.test(first)) {
      out.threePublic = { total: line };
      group = undefined;
    } else if (/公车购置/.test(first)) out.threePublic = { ...(out.threePublic ?? { total: { label: '三公经费' } }), vehiclePurchase: line };
    else if (/公车运行/.test(first)) out.threePublic = { ...(out.threePublic ?? { total: { label: '三公经费' } }), vehicleOperation: line };
    else if (/公务用车/.test(first)) out.threePublic = { ...(out.threePublic ?? { total: { label: '三公经费' } }), vehicle: line };
    else if (/出国/.test(first)) out.threePublic = { ...(out.threePublic ?? { total: { label: '三公经费' } }), overseas: line };
    else if (/公务接待/.test(first)) out.threePublic = { ...(out.threePublic ?? { total: { label: '三公经费' } }), reception: line };
    else if (/^项目支出/.test(first)) {
      out.projects = { total: line, items: [] };
      group = 'projects';
    } else if (/^公用经费/.test(first)) {
      out.publicExpense = { total: line, items: [] };
      group = 'publicExpense';
    } else if (/政府采购/.test(first)) {
      out.procurement = line;
      group = undefined;
    } else if (/预算调整/.test(first)) {
      out.basicBudgetAdjustment = line;
      group = undefined;
    } else if (group) out[group]?.items.push(line);
  }
  return { ...out, source: table.source };
}
