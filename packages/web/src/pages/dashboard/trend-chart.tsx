import { Empty, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { YearFigures } from '../../api/types';
import { money, percent, plotValue, score } from '../../format';
import type { LineSeriesOption } from 'echarts/charts';
import { EChart } from './echart';
import type { ChartOption } from './echart';

/** A score series of a chart by year: one value (a decimal string, or null for none) per year. */
export interface YearLine {
  readonly name: string;
  readonly values: readonly (string | null)[];
  readonly color: string;
  /** The labels' text, darker than the line where the line's colour is too light to read on white. */
  readonly textColor?: string;
  /** Its points labelled with their values (one line per chart, or the labels collide). */
  readonly labelled?: boolean;
  readonly dashed?: boolean;
}

/**
 * The chart of rates and scores by budget year, as the 监督看板 draws it for a jurisdiction and the drill-down
 * for one unit: a rate as bars (percent, left axis, the 80% line marked), scores as lines (right axis), one
 * year highlighted. Values are the API's exact strings, converted to numbers for plotting only; every label
 * is formatted from the string.
 */
export function yearTrendOption({
  years,
  rate,
  lines,
  highlight,
  rateLabels = 'top',
  tooltip,
}: {
  readonly years: readonly number[];
  readonly rate: { readonly name: string; readonly values: readonly (string | null)[] };
  readonly lines: readonly YearLine[];
  readonly highlight?: number;
  /** Where the rates are written: above the bars, or inside their tops where score labels would sit on them. */
  readonly rateLabels?: 'top' | 'inside';
  /** The tooltip's lines for the year at this index. */
  readonly tooltip: (index: number) => readonly string[];
}): ChartOption {
  const rates = rate.values.map((v) => plotValue(v) ?? 0);
  const top = Math.max(110, Math.ceil(Math.max(0, ...rates) / 10) * 10);
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: [rate.name, ...lines.map((l) => l.name)] },
    tooltip: {
      trigger: 'axis',
      formatter: (items) => {
        const list = Array.isArray(items) ? items : [items];
        const index = list[0]?.dataIndex ?? -1;
        return index >= 0 && index < years.length ? tooltip(index).join('<br/>') : '';
      },
    },
    xAxis: { type: 'category', data: years.map((y) => `${y}`) },
    yAxis: [
      { type: 'value', name: '执行率', min: 0, max: top, axisLabel: { formatter: '{value}%' } },
      { type: 'value', name: '得分', min: 0, max: top, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: rate.name,
        // Wide enough inside for “100.00%” when the label sits in the bar.
        barMaxWidth: rateLabels === 'inside' ? 60 : 36,
        data: rate.values.map((v, i) => ({
          value: plotValue(v) ?? 0,
          itemStyle: { color: years[i] === highlight ? '#1f5fbf' : '#91b4e6' },
          // Inside, white on the highlighted bar and dark blue on the pale ones: both readable (contrast above 4.5:1).
          ...(rateLabels === 'inside' ? { label: { color: years[i] === highlight ? '#fff' : '#0b2e6b' } } : {}),
        })),
        label: {
          show: true,
          position: rateLabels === 'inside' ? 'insideBottom' : 'top',
          distance: rateLabels === 'inside' ? 8 : 5,
          formatter: (p) => (rate.values[p.dataIndex] === null ? '' : percent(rate.values[p.dataIndex])),
        },
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#cf1322' }, label: { formatter: '80%' }, data: [{ yAxis: 80 }] },
      },
      ...lines.map(
        (line): LineSeriesOption => ({
          type: 'line',
          name: line.name,
          yAxisIndex: 1,
          symbolSize: 9,
          itemStyle: { color: line.color },
          lineStyle: { width: 2, type: line.dashed ? 'dashed' : 'solid' },
          data: line.values.map((v) => plotValue(v)),
          // On a box of its own: the point often sits over a bar.
          label: line.labelled
            ? { show: true, position: 'right', distance: 8, color: line.textColor ?? line.color, backgroundColor: '#fff', borderColor: line.color, borderWidth: 1, borderRadius: 3, padding: [2, 4], formatter: (p) => score(line.values[p.dataIndex]) }
            : { show: false },
        }),
      ),
    ],
  };
}

/**
 * 历年趋势: the jurisdiction's overall execution rate (bars) and mean recomputed score (line) by budget year,
 * the year on screen highlighted, with the same figures in a table under the chart (exact, as the API gives them).
 */
export function TrendChart({ trend, year }: { readonly trend: readonly YearFigures[]; readonly year: number }) {
  const option = useMemo<ChartOption>(
    () =>
      yearTrendOption({
        years: trend.map((t) => t.year),
        rate: { name: '总体执行率', values: trend.map((t) => t.executionRate) },
        lines: [{ name: '平均复算得分', values: trend.map((t) => t.averageScore), color: '#d46b08', textColor: '#ad4e00', labelled: true }],
        highlight: year,
        tooltip: (i) => {
          const t = trend[i];
          return t ? [`${t.year} 年度（${t.evaluations} 份评价）`, `总体执行率 ${percent(t.executionRate)}`, `平均复算得分 ${score(t.averageScore)}`, `预算数合计 ${money(t.budget)} 万元`] : [];
        },
      }),
    [trend, year],
  );

  if (trend.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有历年数据" />;
  const summary = trend.map((t) => `${t.year} 年执行率 ${percent(t.executionRate)}、平均复算得分 ${score(t.averageScore)}`).join('；');
  return (
    <>
      <EChart option={option} height={280} label={`历年趋势：${summary}`} />
      <Table<YearFigures>
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={[...trend]}
        scroll={{ x: 620 }}
        rowClassName={(t) => (t.year === year ? 'ant-table-row-selected' : '')}
        columns={[
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '评价数', dataIndex: 'evaluations', width: 70, align: 'right' },
          { title: '预算数合计（万元）', key: 'budget', align: 'right', render: (_: unknown, t) => <span className="jx-num">{money(t.budget)}</span> },
          { title: '执行数合计（万元）', key: 'executed', align: 'right', render: (_: unknown, t) => <span className="jx-num">{money(t.executed)}</span> },
          { title: '总体执行率', key: 'rate', width: 100, align: 'right', render: (_: unknown, t) => <span className="jx-num">{percent(t.executionRate)}</span> },
          { title: '平均复算得分', key: 'score', width: 110, align: 'right', render: (_: unknown, t) => <span className="jx-num">{score(t.averageScore)}</span> },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        只含部门整体支出评价；执行率为各年执行数合计 ÷ 预算数合计。深色柱为当前年度。
      </Typography.Text>
    </>
  );
}
