import { Alert, Card, Col, Empty, Form, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { dec } from '@jixiao/core';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Dashboard, DashboardUnit, Jurisdiction } from '../../api/types';
import { useApi } from '../../api/use-api';
import { FindingCounts, StatusTag } from '../../components/evaluation-table';
import { PageHeader } from '../../components/page-header';
import { differs, money, percent, plotValue, score } from '../../format';
import { FLAG_LABEL, RULE_TITLE, SEVERITY_COLOR, SEVERITY_LABEL, STATUS_LABEL } from '../../labels';
import { usePageTitle } from '../../use-page-title';
import { recentYears } from '../../years';
import { DashboardActions } from './dashboard-actions';
import { EChart } from './echart';
import type { ChartOption } from './echart';
import { TrendChart } from './trend-chart';

/** The pattern a supervisor looks for first: a high self-score on money largely unspent. */
const HIGH_SCORE = '90';
const LOW_EXECUTION = '80';

/** 高分低执行: self-score ≥ 90 with execution under 80% (judged on the exact decimals, not on plotted doubles). */
export function isHighScoreLowExecution(u: Pick<DashboardUnit, 'statedScore' | 'computedScore' | 'executionRate'>): boolean {
  const s = u.statedScore ?? u.computedScore;
  if (s === null || u.executionRate === null) return false;
  return dec(s).gte(HIGH_SCORE) && dec(u.executionRate).lt(LOW_EXECUTION);
}

function unitLink(u: Pick<DashboardUnit, 'unitId'>, year: number): string {
  return `/evaluations?unitId=${encodeURIComponent(u.unitId)}&year=${year}`;
}

/** The drill-down: the unit's evaluations and trend across the years (pages/unit-history), this year highlighted. */
function unitHistoryLink(u: Pick<DashboardUnit, 'unitId'>, year: number): string {
  return `/dashboard/units/${encodeURIComponent(u.unitId)}?year=${year}`;
}

/**
 * 监督看板 for a jurisdiction and year: each unit's 部门整体 execution rate and score, the units with a high
 * self-score on low execution, what the audit found by rule, and a way down to a unit's evaluations.
 */
export function DashboardPage() {
  usePageTitle('监督看板');
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const places = useApi<{ items: Jurisdiction[] }>('/api/jurisdictions');
  const jurisdictionId = params.get('jurisdictionId') ?? places.data?.items[0]?.id;
  const asked = params.get('year') ?? undefined;
  const board = useApi<Dashboard>(jurisdictionId ? '/api/dashboard' : null, { jurisdictionId, year: asked });
  const data = board.data;
  const year = data?.year;

  const depth = (j: Jurisdiction) => j.path.split('/').filter(Boolean).length;
  const minDepth = Math.min(...(places.data?.items ?? []).map(depth));
  const update = (changes: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...changes });

  return (
    <>
      <PageHeader
        title="监督看板"
        extra={
          <Form layout="inline" style={{ rowGap: 8 }}>
            <Form.Item label="地区" htmlFor="dashboard-place">
              <Select
                id="dashboard-place"
                style={{ width: 180 }}
                loading={places.loading}
                value={jurisdictionId}
                onChange={(v: string) => update({ jurisdictionId: v })}
                options={(places.data?.items ?? []).map((j) => ({ value: j.id, label: `${'\u3000'.repeat(depth(j) - minDepth)}${j.name}` }))}
              />
            </Form.Item>
            <Form.Item label="预算年度" htmlFor="dashboard-year" style={{ marginInlineEnd: 0 }}>
              <Select
                id="dashboard-year"
                style={{ width: 120 }}
                value={year === undefined ? asked : String(year)}
                onChange={(v: string) => update({ year: v })}
                options={recentYears().map((y) => ({ value: String(y), label: `${y} 年度` }))}
              />
            </Form.Item>
          </Form>
        }
      >
        <Typography.Text type="secondary">各单位部门整体支出自评：预算执行率、自评与复算得分、审查发现。</Typography.Text>
      </PageHeader>
      {(places.error ?? board.error) && <Alert type="error" showIcon title={(places.error ?? board.error)?.message} style={{ marginBottom: 16 }} />}
      {places.data && places.data.items.length === 0 && <Empty description="您没有可查看的地区" />}
      {!data ? (
        jurisdictionId && <Skeleton active />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <DashboardActions jurisdictionId={data.jurisdiction.id} jurisdictionName={data.jurisdiction.name} year={data.year} />
          <Totals data={data} />
          <Card title={<h2 className="jx-card-title">历年趋势</h2>} size="small">
            <TrendChart trend={data.trend} year={data.year} />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title={<h2 className="jx-card-title">各单位预算执行率</h2>} size="small">
                <ExecutionBars units={data.units} onPick={(u) => navigate(unitHistoryLink(u, data.year))} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={<h2 className="jx-card-title">自评得分与执行率</h2>} size="small">
                <ScoreScatter units={data.units} />
              </Card>
            </Col>
          </Row>
          <Card title={<h2 className="jx-card-title">各单位情况</h2>} size="small">
            <UnitTable units={data.units} year={data.year} />
          </Card>
          <Card title={<h2 className="jx-card-title">审查发现（按规则）</h2>} size="small">
            <RuleTable rows={data.findingsByRule} />
          </Card>
        </Space>
      )}
    </>
  );
}

function Totals({ data }: { readonly data: Dashboard }) {
  const t = data.totals;
  const stat = (title: string, value: React.ReactNode, extra?: string) => (
    <Col xs={12} sm={8} lg={4} key={title}>
      <Card size="small">
        <Statistic title={title} value={typeof value === 'string' || typeof value === 'number' ? value : undefined} formatter={typeof value === 'object' ? () => value : undefined} />
        {extra && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {extra}
          </Typography.Text>
        )}
      </Card>
    </Col>
  );
  return (
    <section aria-label={`${data.jurisdiction.name} ${data.year} 年度合计`}>
      <Row gutter={[12, 12]}>
        {stat('单位', t.units, t.withoutEvaluation ? `${t.withoutEvaluation} 个尚无评价` : '均已创建评价')}
        {stat('预算数合计（万元）', money(t.budget), `${t.withFigures} 份评价有预算与执行数`)}
        {stat('总体执行率', percent(t.executionRate), '执行数合计 ÷ 预算数合计')}
        {stat('平均复算得分', score(t.averageScore))}
        {stat('已公开', t.byStatus.published, `已审核 ${t.byStatus.approved}，已提交 ${t.byStatus.submitted}`)}
        {stat('需关注的单位', t.flagged, `错误 ${t.errorCount} 项，警告 ${t.warningCount} 项`)}
      </Row>
    </section>
  );
}

function barColor(rate: string): string {
  const r = dec(rate);
  if (r.lt(LOW_EXECUTION)) return '#cf1322';
  if (r.lt('90') || r.gt('100')) return '#fa8c16';
  return '#1f5fbf';
}

function ExecutionBars({ units, onPick }: { readonly units: readonly DashboardUnit[]; readonly onPick: (u: DashboardUnit) => void }) {
  const shown = useMemo(() => units.filter((u) => u.executionRate !== null).sort((a, b) => dec(a.executionRate as string).comparedTo(dec(b.executionRate as string))), [units]);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 56, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v}%` },
      xAxis: { type: 'value', min: 0, max: (v) => Math.max(100, Math.ceil(v.max / 20) * 20), axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: shown.map((u) => u.unitName), axisLabel: { width: 150, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: '执行率',
          barMaxWidth: 22,
          data: shown.map((u) => ({
            value: plotValue(u.executionRate),
            itemStyle: { color: barColor(u.executionRate as string) },
          })),
          label: { show: true, position: 'right', formatter: (p) => percent(shown[p.dataIndex]?.executionRate) },
          markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#cf1322' }, label: { formatter: '80%' }, data: [{ xAxis: 80 }] },
        },
      ],
    }),
    [shown],
  );
  if (shown.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有执行率数据" />;
  const summary = shown.map((u) => `${u.unitName} ${percent(u.executionRate)}`).join('，');
  return (
    <>
      <EChart option={option} height={Math.max(160, shown.length * 34 + 50)} label={`各单位预算执行率：${summary}`} onClick={(i) => shown[i] && onPick(shown[i])} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        红色低于 80%，橙色 80%—90% 或超过 100%（执行数超过预算数）。点击柱条查看该单位历年的评价。
      </Typography.Text>
    </>
  );
}

function ScoreScatter({ units }: { readonly units: readonly DashboardUnit[] }) {
  const shown = useMemo(() => units.filter((u) => u.executionRate !== null && (u.statedScore ?? u.computedScore) !== null), [units]);
  const flagged = shown.filter(isHighScoreLowExecution);
  const option = useMemo<ChartOption>(() => {
    const rates = shown.map((u) => plotValue(u.executionRate) ?? 0);
    const scores = shown.map((u) => plotValue(u.statedScore ?? u.computedScore) ?? 0);
    const xMin = Math.floor(Math.min(60, ...rates) / 10) * 10;
    const point = (u: DashboardUnit) => ({
      value: [plotValue(u.executionRate) ?? 0, plotValue(u.statedScore ?? u.computedScore) ?? 0],
      name: u.unitName,
      symbolSize: isHighScoreLowExecution(u) ? 16 : 11,
      itemStyle: { color: isHighScoreLowExecution(u) ? '#cf1322' : '#1f5fbf', borderColor: '#fff', borderWidth: 1 },
    });
    return {
      grid: { left: 8, right: 24, top: 24, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const u = shown[(p as { dataIndex: number }).dataIndex];
          return u ? `${u.unitName}<br/>执行率 ${percent(u.executionRate)}<br/>自评得分 ${score(u.statedScore ?? u.computedScore)}` : '';
        },
      },
      xAxis: { type: 'value', name: '执行率', nameLocation: 'middle', nameGap: 24, min: xMin, max: Math.ceil(Math.max(100, ...rates) / 10) * 10, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'value', name: '自评得分', min: Math.floor(Math.min(60, ...scores) / 10) * 10, max: 100 },
      series: [
        {
          type: 'scatter',
          data: shown.map(point),
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(207, 19, 34, 0.08)' },
            label: { color: '#cf1322', position: 'insideTopLeft', formatter: '高分低执行' },
            data: [[{ xAxis: xMin, yAxis: 90 }, { xAxis: 80, yAxis: 100 }]],
          },
        },
      ],
    };
  }, [shown]);
  if (shown.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有得分与执行率数据" />;
  return (
    <>
      <EChart option={option} height={300} label={`自评得分与执行率散点图，${shown.length} 个单位，其中自评 90 分以上而执行率低于 80% 的 ${flagged.length} 个`} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {flagged.length
          ? `红点：自评 90 分以上而执行率不足 80%（${flagged.map((u) => u.unitName).join('、')}）。`
          : '没有自评 90 分以上而执行率不足 80% 的单位（红色区域为空）。'}
      </Typography.Text>
    </>
  );
}

function UnitTable({ units, year }: { readonly units: readonly DashboardUnit[]; readonly year: number }) {
  // 734 px in all: the whole table fits 1024 px beside the menu (768 px in the card). Narrower, it scrolls in
  // its card with 下钻 pinned to the right edge, so that the way on is never cut off.
  const columns: TableColumnsType<DashboardUnit> = [
    {
      title: '单位',
      key: 'unit',
      width: 150,
      render: (_: unknown, u) => (
        <>
          <div>
            <Link to={unitHistoryLink(u, year)} aria-label={`${u.unitName}历年评价`}>
              {u.unitName}
            </Link>
          </div>
          <div className="jx-sub">{u.jurisdictionName}</div>
        </>
      ),
    },
    { title: '状态', key: 'status', width: 80, render: (_: unknown, u) => (u.status ? <StatusTag status={u.status} label={STATUS_LABEL[u.status]} /> : <Tag>尚无评价</Tag>) },
    { title: '执行率', key: 'rate', width: 76, align: 'right', render: (_: unknown, u) => <span className="jx-num">{percent(u.executionRate)}</span> },
    { title: '自评', key: 'stated', width: 52, align: 'right', render: (_: unknown, u) => <span className="jx-num">{score(u.statedScore)}</span> },
    {
      title: '复算',
      key: 'computed',
      width: 52,
      align: 'right',
      render: (_: unknown, u) => <span className={`jx-num${differs(u.statedScore, u.computedScore) ? ' jx-differs' : ''}`}>{score(u.computedScore)}</span>,
    },
    { title: '等级', dataIndex: 'grade', width: 52, render: (g: string | null) => g ?? '—' },
    { title: '问题', key: 'findings', width: 84, render: (_: unknown, u) => <FindingCounts errors={u.errorCount} warnings={u.warningCount} /> },
    {
      title: '提示',
      key: 'flags',
      width: 108,
      render: (_: unknown, u) => (
        <Space size={4} wrap>
          {u.flags.map((f) => (
            <Tag key={f} color={f === 'score-above-execution' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
              {FLAG_LABEL[f] ?? f}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: '下钻', key: 'link', width: 80, fixed: 'end', render: (_: unknown, u) => <Link to={unitLink(u, year)} aria-label={`查看${u.unitName}的评价`}>查看评价</Link> },
  ];
  return <Table<DashboardUnit> rowKey="unitId" columns={columns} dataSource={[...units]} size="small" pagination={false} scroll={{ x: 734 }} locale={{ emptyText: '此地区没有单位' }} />;
}

function RuleTable({ rows }: { readonly rows: Dashboard['findingsByRule'] }) {
  return (
    <Table
      rowKey={(r) => `${r.rule}:${r.severity}`}
      size="small"
      pagination={false}
      dataSource={[...rows]}
      locale={{ emptyText: '没有审查发现' }}
      columns={[
        {
          title: '规则',
          key: 'rule',
          render: (_: unknown, r) => (
            <>
              <div>{RULE_TITLE[r.rule] ?? r.rule}</div>
              <Typography.Text code style={{ fontSize: 12 }}>
                {r.rule}
              </Typography.Text>
            </>
          ),
        },
        { title: '严重程度', key: 'severity', width: 96, render: (_: unknown, r) => <Tag color={SEVERITY_COLOR[r.severity]}>{SEVERITY_LABEL[r.severity]}</Tag> },
        { title: '发现数', dataIndex: 'count', width: 80, align: 'right' },
        { title: '涉及评价', dataIndex: 'evaluations', width: 90, align: 'right' },
      ]}
    />
  );
}
