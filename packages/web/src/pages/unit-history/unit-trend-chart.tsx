import { Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { percent, score } from '../../format';
import { STATUS_LABEL } from '../../labels';
import { EChart } from '../dashboard/echart';
import type { ChartOption } from '../dashboard/echart';
import { yearTrendOption } from '../dashboard/trend-chart';
import type { UnitHistoryEvaluation } from '../../api/types';

/** One budget year of the unit: its 部门整体 evaluation, or none that year (a gap the chart keeps visible). */
export interface UnitYear {
  readonly year: number;
  readonly evaluation: UnitHistoryEvaluation | undefined;
}

/**
 * The unit's years from its first 部门整体 evaluation to its last, oldest first, with the years between that
 * have none: a year skipped is something a supervisor asks about, so it stays on the axis.
 */
export function unitYears(evaluations: readonly UnitHistoryEvaluation[]): UnitYear[] {
  const department = new Map(evaluations.filter((e) => e.kind === 'department').map((e) => [e.year, e]));
  if (department.size === 0) return [];
  const years = [...department.keys()];
  const out: UnitYear[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) out.push({ year: y, evaluation: department.get(y) });
  return out;
}

/**
 * 历年趋势 of one unit (the dashboard's drill-down): the execution rate of its 部门整体 evaluation (bars) and its
 * 自评得分 (line) by year, with the 复算得分 dashed beside it, the year the user came from highlighted. The
 * figures are the evaluations' current versions, as the table below lists them.
 */
export function UnitTrendChart({ evaluations, year }: { readonly evaluations: readonly UnitHistoryEvaluation[]; readonly year?: number }) {
  const years = useMemo(() => unitYears(evaluations), [evaluations]);
  const highlight = year !== undefined && years.some((y) => y.year === year && y.evaluation) ? year : [...years].reverse().find((y) => y.evaluation)?.year;
  const option = useMemo<ChartOption>(
    () =>
      yearTrendOption({
        years: years.map((y) => y.year),
        rate: { name: '执行率', values: years.map((y) => y.evaluation?.executionRate ?? null) },
        lines: [
          { name: '自评得分', values: years.map((y) => y.evaluation?.statedScore ?? null), color: '#d46b08', textColor: '#ad4e00', labelled: true },
          { name: '复算得分', values: years.map((y) => y.evaluation?.computedScore ?? null), color: '#597ef7', dashed: true },
        ],
        highlight,
        // Rates and scores both sit near 100: the rates go inside the bars, clear of the score labels.
        rateLabels: 'inside',
        tooltip: (i) => {
          const y = years[i];
          if (!y?.evaluation) return [`${y?.year ?? ''} 年度`, '没有部门整体支出评价'];
          const e = y.evaluation;
          return [`${e.year} 年度（${STATUS_LABEL[e.status]}）`, `执行率 ${percent(e.executionRate)}`, `自评得分 ${score(e.statedScore)}`, `复算得分 ${score(e.computedScore)}`];
        },
      }),
    [years, highlight],
  );

  if (years.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该单位还没有部门整体支出评价" />;
  const summary = years
    .map((y) => (y.evaluation ? `${y.year} 年执行率 ${percent(y.evaluation.executionRate)}、自评得分 ${score(y.evaluation.statedScore)}、复算得分 ${score(y.evaluation.computedScore)}` : `${y.year} 年没有评价`))
    .join('；');
  return (
    <>
      <EChart option={option} height={260} label={`单位历年趋势：${summary}`} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        只含部门整体支出评价（各年当前版本）；执行率为执行数 ÷ 预算数，虚线为复算得分。深色柱为{highlight === undefined ? '最近年度' : ` ${highlight} 年度`}，各年数字见下表。
      </Typography.Text>
    </>
  );
}
