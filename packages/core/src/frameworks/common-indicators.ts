import { Decimal, dec } from '../money/decimal';
import { ratePercent } from '../money/percent';
import type { Percent } from '../money/percent';
import type { Evaluation } from '../model/evaluation';
import { scoredFundRow } from '../scoring/score-execution';
import type { CostLine } from '../model/basic-data';
import { cite } from './sources';
import type { Citation } from './sources';

/**
 * The 财预〔2013〕53号 部门整体 common indicators that can be computed from the 基础数据表 and the fund
 * rows (scoring-rules.md §3.1). Each returns its value in percent points with the figures it used, or
 * the reason it cannot be computed — never a guess.
 */
export type CommonIndicatorId =
  | 'staffControlRate'
  | 'threePublicChangeRate'
  | 'publicExpenseControlRate'
  | 'threePublicControlRate'
  | 'budgetExecutionRate'
  | 'carryOverRate'
  | 'procurementExecutionRate'
  | 'buildingScaleControlRate'
  | 'buildingInvestmentControlRate';

export interface CommonIndicatorDefinition {
  readonly id: CommonIndicatorId;
  readonly name: string;
  /** The formula in words, as the sources state it. */
  readonly formula: string;
  readonly sources: readonly Citation[];
}

export type CommonIndicatorValue =
  | {
      readonly id: CommonIndicatorId;
      readonly name: string;
      readonly ok: true;
      readonly value: Percent;
      /** The computation with its figures, e.g. "85 ÷ 111 × 100% = 76.58%". */
      readonly explanation: string;
    }
  | { readonly id: CommonIndicatorId; readonly name: string; readonly ok: false; readonly reason: string };

export const COMMON_INDICATORS: readonly CommonIndicatorDefinition[] = [
  {
    id: 'staffControlRate',
    name: '在职人员控制率',
    formula: '在职人员数 ÷ 编制数 × 100%',
    sources: [cite('S-TAO', 'A', '本年度实际在职人员数与编制数的比率'), cite('S-YBV', 'C')],
  },
  {
    id: 'threePublicChangeRate',
    name: '“三公经费”变动率',
    formula: '（本年度“三公经费”决算数 − 上年度决算数）÷ 上年度决算数 × 100%',
    sources: [
      cite('S-YBV', 'C', '(本年度三公经费总额−上年度三公经费总额)/上年度三公经费总额×100%'),
      cite('S-TAO', 'A', '53号附件2以预算数解释；Jixiao 取决算数（基础数据表有上年决算列），可配置'),
    ],
  },
  {
    id: 'publicExpenseControlRate',
    name: '公用经费控制率',
    formula: '实际支出公用经费总额 ÷ 预算安排公用经费总额 × 100%',
    sources: [cite('S-MOF53', 'B'), cite('SEED-001', 'S', '6897.35 ÷ 6975.25 = 98.88%')],
  },
  {
    id: 'threePublicControlRate',
    name: '“三公经费”控制率',
    formula: '“三公经费”实际支出数 ÷ 预算安排数 × 100%',
    sources: [cite('S-MOF53', 'B'), cite('SEED-001', 'S', '702.8 ÷ 823 = 85.39%（报告 85.4%）')],
  },
  {
    id: 'budgetExecutionRate',
    name: '预算执行率（预算完成率）',
    formula: '全年执行数 ÷ 全年预算数（变动后预算数） × 100%',
    sources: [cite('S-MOF53', 'B'), cite('S-PMKPI', 'C', 'exe_amt_rate = year_exe_amt / cur_amt')],
  },
  {
    id: 'carryOverRate',
    name: '结转结余率',
    formula: '结转结余总额 ÷ 支出预算数 × 100%（以全年预算数与执行数之差计结转结余）',
    sources: [cite('S-MOF53', 'B'), cite('S-WL', 'C'), cite('JIXIAO', 'I', '基础数据表无结转结余栏，以预算数 − 执行数近似')],
  },
  {
    id: 'procurementExecutionRate',
    name: '政府采购执行率',
    formula: '实际政府采购金额 ÷ 政府采购预算数 × 100%',
    sources: [cite('S-MOF53', 'B'), cite('SEED-004', 'S', '292.75 ÷ 1285 = 22.78%（报告未列）')],
  },
  {
    id: 'buildingScaleControlRate',
    name: '楼堂馆所规模控制率',
    formula: '实际规模 ÷ 批复规模 × 100%',
    sources: [cite('S-HS', 'A'), cite('SEED-004', 'S')],
  },
  {
    id: 'buildingInvestmentControlRate',
    name: '楼堂馆所投资概算控制率',
    formula: '实际投资 ÷ 预算投资 × 100%',
    sources: [cite('S-HS', 'A'), cite('SEED-004', 'S')],
  },
];

const DEFINITIONS = new Map(COMMON_INDICATORS.map((d) => [d.id, d]));

function fmt(d: Decimal): string {
  return d.toString();
}

function ratio(
  id: CommonIndicatorId,
  part: Decimal | undefined,
  whole: Decimal | undefined,
  missing: string,
): CommonIndicatorValue {
  const name = DEFINITIONS.get(id)?.name ?? id;
  if (part === undefined || whole === undefined) return { id, name, ok: false, reason: missing };
  const value = ratePercent(part, whole);
  if (value === null) return { id, name, ok: false, reason: `分母为 0，无法计算${name}` };
  const shown = value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  return { id, name, ok: true, value, explanation: `${fmt(part)} ÷ ${fmt(whole)} × 100% = ${shown}%` };
}

function sumBuildings(evaluation: Evaluation, key: 'approvedArea' | 'actualArea' | 'budgetInvestment' | 'actualInvestment'): Decimal | undefined {
  const values = (evaluation.basicData?.buildings ?? []).map((b) => b[key]).filter((v): v is Decimal => v !== undefined);
  return values.length ? values.reduce((a, b) => a.plus(b), dec('0')) : undefined;
}

/** Computes one common indicator from an evaluation's 基础数据表 and fund rows. */
export function computeCommonIndicator(id: CommonIndicatorId, evaluation: Evaluation): CommonIndicatorValue {
  const bd = evaluation.basicData;
  const tp: CostLine | undefined = bd?.threePublic?.total;
  switch (id) {
    case 'staffControlRate': {
      const s = bd?.staff;
      return ratio(
        id,
        s?.actual === undefined ? undefined : dec(String(s.actual)),
        s?.quota === undefined ? undefined : dec(String(s.quota)),
        '基础数据表缺编制数或实际在职人数',
      );
    }
    case 'threePublicChangeRate': {
      const name = DEFINITIONS.get(id)?.name ?? id;
      if (tp?.actual === undefined || tp.priorActual === undefined) {
        return { id, name, ok: false, reason: '基础数据表缺“三公经费”本年或上年决算数' };
      }
      const value = ratePercent(tp.actual.minus(tp.priorActual), tp.priorActual);
      if (value === null) return { id, name, ok: false, reason: '上年“三公经费”决算数为 0，无法计算变动率' };
      const shown = value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
      return {
        id,
        name,
        ok: true,
        value,
        explanation: `（${fmt(tp.actual)} − ${fmt(tp.priorActual)}）÷ ${fmt(tp.priorActual)} × 100% = ${shown}%`,
      };
    }
    case 'publicExpenseControlRate': {
      const pe = bd?.publicExpense?.total ?? undefined;
      const row = evaluation.funds.find((r) => r.line === 'publicExpense');
      return ratio(id, pe?.actual ?? row?.executed, pe?.budget ?? row?.annualBudget, '缺公用经费预算数或决算数');
    }
    case 'threePublicControlRate':
      return ratio(id, tp?.actual, tp?.budget, '缺“三公经费”预算数或决算数');
    case 'budgetExecutionRate': {
      const row = scoredFundRow(evaluation)?.row;
      return ratio(id, row?.executed, row?.annualBudget, '缺全年预算数或全年执行数');
    }
    case 'carryOverRate': {
      const row = scoredFundRow(evaluation)?.row;
      if (row?.executed === undefined || row.annualBudget === undefined) {
        return { id, name: DEFINITIONS.get(id)?.name ?? id, ok: false, reason: '缺全年预算数或全年执行数' };
      }
      const left = Decimal.max(row.annualBudget.minus(row.executed), 0);
      return ratio(id, left, row.annualBudget, '缺全年预算数或全年执行数');
    }
    case 'procurementExecutionRate':
      return ratio(id, bd?.procurement?.actual, bd?.procurement?.budget, '缺政府采购预算数或实际采购金额');
    case 'buildingScaleControlRate':
      return ratio(id, sumBuildings(evaluation, 'actualArea'), sumBuildings(evaluation, 'approvedArea'), '本年无完工楼堂馆所项目或缺规模数据');
    case 'buildingInvestmentControlRate':
      return ratio(
        id,
        sumBuildings(evaluation, 'actualInvestment'),
        sumBuildings(evaluation, 'budgetInvestment'),
        '本年无完工楼堂馆所项目或缺投资数据',
      );
  }
}

/** All common indicators of an evaluation, computable or not. */
export function computeCommonIndicators(evaluation: Evaluation): CommonIndicatorValue[] {
  return COMMON_INDICATORS.map((d) => computeCommonIndicator(d.id, evaluation));
}
