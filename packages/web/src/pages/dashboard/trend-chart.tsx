import { Empty, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { YearFigures } from '../../api/types';
import { money, percent, plotValue, score } from '../../format';
import { EChart } from './echart';
import type { ChartOption } from './echart';

/**
 * 历年趋势: the jurisdiction's overall execution rate (bars) and mean recomputed score (line) by budget year,
 * the year on screen highlighted, with the same figures in a table under the chart (exact, as the API gives them).
 */
export function TrendChart({ trend, year }: { readonly trend: readonly YearFigures[]; readonly year: number }) {
  const option = useMemo<ChartOption>(() => {
    const rates = trend.map((t) => plotValue(t.executionRate) ?? 0);
    const top = Math.max(110, Math.ceil(Math.max(0, ...rates) / 10) * 10);
    return {
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, data: ['总体执行率', '平均复算得分'] },
      tooltip: {
        trigger: 'axis',
        formatter: (items) => {
          const list = Array.isArray(items) ? items : [items];
          const t = trend[list[0]?.dataIndex ?? -1];
          if (!t) return '';
          return [`${t.year} 年度（${t.evaluations} 份评价）`, `总体执行率 ${percent(t.executionRate)}`, `平均复算得分 ${score(t.averageScore)}`, `预算数合计 ${money(t.budget)} 万元`].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: trend.map((t) => `${t.year}`) },
      yAxis: [
        { type: 'value', name: '执行率', min: 0, max: top, axisLabel: { formatter: '{value}%' } },
        { type: 'value', name: '得分', min: 0, max: top, splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: '总体执行率',
          barMaxWidth: 36,
          data: trend.map((t) => ({ value: plotValue(t.executionRate) ?? 0, itemStyle: { color: t.year === year ? '#1f5fbf' : '#91b4e6' } })),
          label: { show: true, position: 'top', formatter: (p) => percent(trend[p.dataIndex]?.executionRate) },
          markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#cf1322' }, label: { formatter: '80%' }, data: [{ yAxis: 80 }] },
        },
        {
          type: 'line',
          name: '平均复算得分',
          yAxisIndex: 1,
          symbolSize: 9,
          itemStyle: { color: '#d46b08' },
          lineStyle: { width: 2 },
          data: trend.map((t) => plotValue(t.averageScore)),
          // On a box of its own: the point often sits over a bar.
          label: { show: true, position: 'right', distance: 8, color: '#ad4e00', backgroundColor: '#fff', borderColor: '#d46b08', borderWidth: 1, borderRadius: 3, padding: [2, 4], formatter: (p) => score(trend[p.dataIndex]?.averageScore) },
        },
      ],
    };
  }, [trend, year]);

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
