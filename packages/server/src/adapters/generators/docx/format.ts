import { FUND_LINE_LABEL, formatPercent, ratePercent } from '@jixiao/core';
import type { Decimal, Evaluation, FundLine, UnitInfo } from '@jixiao/core';

/**
 * How figures are printed. Amounts, weights and scores print as stored (the Decimal's plain string, no
 * thousands separators, no padding), so that reading the document back gives the same decimal.
 */
export const show = (value: Decimal | number | undefined): string => (value === undefined ? '' : value.toString());

/** A stated percentage as printed: "92.56%". */
export const percent = (value: Decimal): string => `${value.toString()}%`;

/** part / whole as a percentage 四舍五入 to 2 places ("98.49%"), or '' when it cannot be computed. */
export function computedPercent(part: Decimal | undefined, whole: Decimal | undefined): string {
  if (!part || !whole) return '';
  const rate = ratePercent(part, whole);
  return rate ? formatPercent(rate, 2) : '';
}

/** ISO "2023-06-09" → "2023.6.9", as the Hunan tables print 填报日期. Anything else is printed as given. */
export function dottedDate(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso);
  return m ? `${m[1]}.${Number(m[2])}.${Number(m[3])}` : iso;
}

/**
 * "填表人：卢玉婷  填报日期：2023.6.9  联系电话：8788622  单位负责人签字：" (parts two full-width spaces
 * apart), or undefined when the unit has none of them. A blank part is left out rather than printed empty: the importer reads the word after
 * each colon, and an empty 填表人 would make it read "填报日期…" as the name.
 */
export function footerLine(unit: UnitInfo): string | undefined {
  if (!unit.contact && !unit.filledDate && !unit.phone && !unit.head) return undefined;
  const parts = [
    ...(unit.contact ? [`填表人：${unit.contact}`] : []),
    ...(unit.filledDate ? [`填报日期：${dottedDate(unit.filledDate)}`] : []),
    ...(unit.phone ? [`联系电话：${unit.phone}`] : []),
    `单位负责人签字：${unit.head ?? ''}`,
  ];
  return parts.join('\u3000\u3000');
}

/** The unit a department evaluation is of. */
export const unitName = (evaluation: Evaluation): string => evaluation.unit.name || evaluation.title;

/**
 * The template's label for each fund line. The tables print these rather than the label stored with the
 * row: the stored one may come from prose ("财政拨款全年预算数(含上年结转)", which names 上年结转 and would be
 * read back as that line), while the template's labels name their line and nothing else.
 */
export const FUND_LABEL: Readonly<Record<FundLine, string>> = { ...FUND_LINE_LABEL, currentAppropriation: '其中：当年财政拨款' };

/** The label in running text ("当年财政拨款", without the table's "其中："). */
export const fundName = (line: FundLine): string => FUND_LINE_LABEL[line];
