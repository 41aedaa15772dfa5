import { WarningFilled } from '@ant-design/icons';
import { Card, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { EvaluationSummary, Page } from '../../api/types';
import { useApi } from '../../api/use-api';
import { FindingCounts, RateCell, StatusTag, evaluationName } from '../../components/evaluation-table';
import { PageHeader } from '../../components/page-header';
import { differs, money, score } from '../../format';
import { usePageTitle } from '../../use-page-title';
import { HIGH_SCORE, LOW_EXECUTION, scoreAboveExecution } from './review-flags';

type Queue = 'submitted' | 'approved';

/**
 * 审核: the submitted evaluations in the reviewer's jurisdiction (and, on the second tab, the approved ones
 * waiting to be made public), with what to look at first: the findings, and a self-score far above the
 * budget execution.
 */
export function ReviewPage() {
  usePageTitle('审核');
  const [params, setParams] = useSearchParams();
  const status: Queue = params.get('status') === 'approved' ? 'approved' : 'submitted';
  const page = Number(params.get('page')) || 1;
  const list = useApi<Page<EvaluationSummary>>('/api/evaluations', { status, page, pageSize: 50 });

  const columns: TableColumnsType<EvaluationSummary> = [
    { title: '单位', key: 'unit', width: 150, render: (_: unknown, e) => e.unit.name },
    {
      title: '评价',
      key: 'name',
      width: 150,
      render: (_: unknown, e) => (
        <>
          <Link to={`/review/${encodeURIComponent(e.id)}`}>{evaluationName(e)}</Link>
          <div className="jx-sub">
            {e.year} 年度 · 第 {e.version} 版
          </div>
        </>
      ),
    },
    { title: '状态', key: 'status', width: 80, render: (_: unknown, e) => <StatusTag status={e.status} label={e.statusLabel} /> },
    { title: '预算数（万元）', key: 'budget', width: 100, align: 'right', render: (_: unknown, e) => <span className="jx-num">{money(e.figures.budget)}</span> },
    { title: '执行率', key: 'rate', width: 90, align: 'right', render: (_: unknown, e) => <RateCell figures={e.figures} /> },
    {
      title: '得分（自评 / 计算）',
      key: 'score',
      width: 130,
      align: 'right',
      render: (_: unknown, e) => (
        <Space size={4} direction="vertical" style={{ alignItems: 'flex-end' }}>
          <span className="jx-num">
            {score(e.figures.statedScore)} / <span className={differs(e.figures.statedScore, e.figures.computedScore) ? 'jx-differs' : undefined}>{score(e.figures.computedScore)}</span>
          </span>
          {scoreAboveExecution(e.figures) && (
            <Tooltip title={`自评得分 ${score(e.figures.statedScore)} 分（≥ ${HIGH_SCORE}），预算执行率不足 ${LOW_EXECUTION}%`}>
              <Tag color="red" icon={<WarningFilled aria-hidden />} tabIndex={0} style={{ marginInlineEnd: 0 }} data-testid="flag-score-above-execution">
                高分低执行
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: '审查问题', key: 'findings', width: 100, render: (_: unknown, e) => <FindingCounts errors={e.figures.errorCount} warnings={e.figures.warningCount} /> },
  ];

  return (
    <>
      <PageHeader title="审核">
        <Typography.Text type="secondary">审核本辖区单位提交的绩效自评：查看审查发现，逐项写意见退回，或审核通过后公开。</Typography.Text>
      </PageHeader>
      <Card size="small">
        <Segmented<Queue>
          aria-label="审核队列"
          value={status}
          onChange={(value) => setParams({ status: value }, { replace: true })}
          options={[
            { value: 'submitted', label: '待审核' },
            { value: 'approved', label: '已通过待公开' },
          ]}
          style={{ marginBottom: 12 }}
        />
        <Table<EvaluationSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={[...(list.data?.items ?? [])]}
          loading={list.loading}
          scroll={{ x: 800 }}
          locale={{ emptyText: status === 'submitted' ? '没有待审核的评价' : '没有待公开的评价' }}
          pagination={{
            current: page,
            pageSize: 50,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: (p) => setParams({ status, page: String(p) }),
          }}
          data-testid="review-queue"
        />
      </Card>
    </>
  );
}
