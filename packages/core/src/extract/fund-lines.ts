import type { FundLine } from '../model/evaluation';
import { squeeze } from './labels';

/** The fund line a printed label stands for ("其中：当年财政拨款" → currentAppropriation), most specific first. */
const LINES: ReadonlyArray<readonly [FundLine, RegExp]> = [
  ['total', /年度资金总额|资金总额|收入合计|部门预算总收入|总支出/],
  ['carryOver', /上年结转/],
  ['currentAppropriation', /当年财政拨款|财政拨款/],
  ['governmentFund', /政府性基金/],
  ['specialAccount', /专户|非税收入/],
  ['generalBudget', /一般公共预算/],
  ['other', /其他资金|其他收入/],
  ['personnel', /人员经费/],
  ['publicExpense', /公用经费/],
  ['basic', /基本支出/],
  ['project', /项目支出/],
];

export function fundLineOf(label: string): FundLine | undefined {
  const s = squeeze(label);
  for (const [line, re] of LINES) if (re.test(s)) return line;
  return undefined;
}

/** The label without its list prefixes: "其中：当年财政拨款" → "当年财政拨款", "资金来源：（1）财政拨款" → "财政拨款". */
export function cleanFundLabel(label: string): string {
  return squeeze(label)
    .replace(/^(其中|资金来源|资金结构|按收入性质分|按支出性质分)[:：]/, '')
    .replace(/^[（(]\d+[）)]/, '')
    .replace(/^(其中)[:：]?/, '')
    .replace(/[:：]$/, '');
}

/** The printed name of each line, for rows whose label the text did not repeat. */
export const FUND_LINE_LABEL: Readonly<Record<FundLine, string>> = {
  total: '年度资金总额',
  currentAppropriation: '当年财政拨款',
  carryOver: '上年结转资金',
  other: '其他资金',
  generalBudget: '一般公共预算',
  governmentFund: '政府性基金拨款',
  specialAccount: '纳入专户管理的非税收入拨款',
  basic: '基本支出',
  personnel: '人员经费',
  publicExpense: '公用经费',
  project: '项目支出',
};
