import { Alert, Breadcrumb, Card, Descriptions, Empty, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/use-api';
import { FindingCounts, RateCell, StatusTag, evaluationName } from '../../components/evaluation-table';
import { PageHeader } from '../../components/page-header';
import { differs, money, score } from '../../format';
import { FLAG_LABEL, STATUS_LABEL } from '../../labels';
import { usePageTitle } from '../../use-page-title';
import type { UnitHistory, UnitHistoryEvaluation } from '../../api/types';
import { UnitTrendChart } from './unit-trend-chart';

/**
 * The dashboard's drill-down from a unit: its evaluations over the years (部门整体 and 项目 alike) with their
 * figures, finding counts and flags; each opens the evaluation itself, where the indicators are.
 */
export function UnitHistoryPage() {
  const { unitId = '' } = useParams();
  // The dashboard's year, highlighted in the trend; the breadcrumb goes back to that year's dashboard.
  const asked = Number(useSearchParams()[0].get('year'));
  const year = Number.isInteger(asked) && asked > 0 ? asked : undefined;
  const history = useApi<UnitHistory>(`/api/dashboard/units/${encodeURIComponent(unitId)}`);
  const unit = history.data?.unit;
  usePageTitle(unit ? `${unit.name} · 历年评价` : '单位历年评价');

  if (history.error?.status === 404) {
    return <Result status="404" title="单位不存在" subTitle="该单位不存在，或不在您可查看的范围内。" extra={<Link to="/dashboard">返回监督看板</Link>} />;
  }
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to={unit ? `/dashboard?jurisdictionId=${encodeURIComponent(unit.jurisdictionId)}${year ? `&year=${year}` : ''}` : '/dashboard'}>监督看板</Link> },
          ...(unit ? [{ title: unit.jurisdictionName }, { title: unit.name }] : []),
        ]}
      />
      <PageHeader title={unit ? unit.name : '单位历年评价'}>
        <Typography.Text type="secondary">该单位历年的部门整体与项目支出绩效自评；点击评价查看其绩效指标与审查发现。</Typography.Text>
      </PageHeader>
      {history.error && <Alert type="error" showIcon title={history.error.message} style={{ marginBottom: 16 }} />}
      {!history.data ? (
        history.loading && <Skeleton active />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
              <Descriptions.Item label="单位编码">{history.data.unit.code}</Descriptions.Item>
              <Descriptions.Item label="地区">{history.data.unit.jurisdictionName}</Descriptions.Item>
              <Descriptions.Item label="编制人数">{history.data.unit.staffQuota ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="评价">{history.data.evaluations.length} 份</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={<h2 className="jx-card-title">历年趋势</h2>} size="small">
            <UnitTrendChart evaluations={history.data.evaluations} year={year} />
          </Card>
          <Card title={<h2 className="jx-card-title">历年评价</h2>} size="small">
            <HistoryTable rows={history.data.evaluations} />
          </Card>
        </Space>
      )}
    </>
  );
}

function HistoryTable({ rows }: { readonly rows: readonly UnitHistoryEvaluation[] }) {
  if (rows.length === 0) return <Empty description="该单位还没有评价" />;
  // Two figures to a cell (预算/执行, 自评/复算): the table fits 1024 px beside the menu without scrolling.
  const columns: TableColumnsType<UnitHistoryEvaluation> = [
    { title: '年度', dataIndex: 'year', width: 56 },
    {
      title: '评价',
      key: 'name',
      width: 170,
      render: (_: unknown, e) => (
        <>
          <div>
            <Link to={`/evaluations/${encodeURIComponent(e.id)}`} aria-label={`${e.year} 年度${evaluationName(e)}`} style={e.kind === 'department' ? { fontWeight: 600 } : undefined}>
              {evaluationName(e)}
            </Link>
          </div>
          <StatusTag status={e.status} label={STATUS_LABEL[e.status]} />
        </>
      ),
    },
    {
      title: '预算数 / 执行数（万元）',
      key: 'money',
      width: 124,
      align: 'right',
      render: (_: unknown, e) => (
        <>
          <div className="jx-num">{money(e.budget)}</div>
          <div className="jx-num">{money(e.executed)}</div>
        </>
      ),
    },
    { title: '执行率', key: 'rate', width: 78, align: 'right', render: (_: unknown, e) => <RateCell figures={e} /> },
    {
      title: '自评 / 复算',
      key: 'scores',
      width: 88,
      align: 'right',
      render: (_: unknown, e) => (
        <>
          <div className="jx-num">{score(e.statedScore)}</div>
          <div className={`jx-num${differs(e.statedScore, e.computedScore) ? ' jx-differs' : ''}`}>{score(e.computedScore)}</div>
        </>
      ),
    },
    { title: '等级', dataIndex: 'grade', width: 48, render: (g: string | null) => g ?? '—' },
    {
      title: '审查发现',
      key: 'findings',
      width: 104,
      render: (_: unknown, e) => (
        <Space size={4} wrap>
          <FindingCounts errors={e.findings.error} warnings={e.findings.warning} />
          {e.findings.info > 0 && (
            <Tag style={{ marginInlineEnd: 0 }} aria-label={`${e.findings.info} 项提示`}>
              提 {e.findings.info}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: '提示',
      key: 'flags',
      width: 100,
      render: (_: unknown, e) => (
        <Space size={4} wrap>
          {e.flags.map((f) => (
            <Tag key={f} color={f === 'score-above-execution' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
              {FLAG_LABEL[f] ?? f}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  return <Table<UnitHistoryEvaluation> rowKey="id" size="small" pagination={false} columns={columns} dataSource={[...rows]} scroll={{ x: 768 }} />;
}
