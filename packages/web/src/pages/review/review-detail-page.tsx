import { CheckCircleOutlined, GlobalOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Grid, Result, Row, Skeleton, Space, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Comment, EvaluationDetail, Page } from '../../api/types';
import { useApi } from '../../api/use-api';
import { EvaluationTable, FindingCounts, RateCell, StatusTag, evaluationName } from '../../components/evaluation-table';
import { PageHeader } from '../../components/page-header';
import { differs, money, score } from '../../format';
import { usePageTitle } from '../../use-page-title';
import { useSavedCheck } from '../evaluation/use-saved-check';
import { AttachmentsCard } from '../evaluation/attachments-card';
import { CommentList } from '../evaluation/comment-list';
import { scrollToField } from '../evaluation/field-paths';
import { FindingsPanel } from '../evaluation/findings-panel';
import { FundsTable } from '../evaluation/funds-table';
import { HighlightContext } from '../evaluation/highlight';
import { IndicatorTable } from '../evaluation/indicator-table';
import { ProblemSections } from '../evaluation/report-sections';
import { ReturnPanel } from './return-panel';
import { scoreAboveExecution } from './review-flags';
import { WorkGradeCard } from './work-grade-card';

/**
 * One evaluation under review: the detail view's tables and findings, and beside them the reviewer's
 * comments — clicking an indicator or fund row (or a cell of it) attaches the next comment to that field —
 * then 退回修改 with them, 审核通过, or 公开 once approved.
 */
export function ReviewDetailPage() {
  const { id = '' } = useParams();
  const detail = useApi<EvaluationDetail>(`/api/evaluations/${encodeURIComponent(id)}`);
  const evaluation = detail.data;
  const comments = useApi<Page<Comment>>(evaluation ? `/api/evaluations/${encodeURIComponent(id)}/comments` : null, { pageSize: 200 });
  const check = useSavedCheck(evaluation);
  const [target, setTarget] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const screens = Grid.useBreakpoint();
  usePageTitle(evaluation ? `审核 · ${evaluation.unit.name} · ${evaluationName(evaluation)}` : '审核');

  const focusPath = useCallback((path: string) => {
    const found = scrollToField(path);
    if (found) setTarget(found);
  }, []);

  if (detail.error && !evaluation) {
    return <Result status={detail.error.status === 404 ? '404' : 'error'} title={detail.error.status === 404 ? '未找到评价' : '无法加载评价'} subTitle={detail.error.message} extra={<Link to="/review">返回审核列表</Link>} />;
  }
  if (!evaluation) return <Skeleton active paragraph={{ rows: 12 }} />;

  const content = evaluation.content;
  const canReturn = evaluation.actions.includes('return');
  const wide = Boolean(screens.xl);
  const reload = () => {
    detail.reload();
    comments.reload();
  };

  // A click anywhere in the tables names the most specific field under it (a cell, else its row).
  const pick = (event: React.MouseEvent<HTMLElement>) => {
    if (!canReturn) return;
    const element = (event.target as HTMLElement).closest('[data-path]');
    const path = element?.getAttribute('data-path');
    if (!path || path === 'indicators' || path === 'funds') return;
    setTarget(path);
    setPicked(path);
    // Straight on to writing the comment: on narrow screens the panel is above the tables, out of sight.
    document.querySelector<HTMLTextAreaElement>('[data-comment-body]')?.focus();
  };

  return (
    <HighlightContext value={target}>
      <PageHeader
        title={evaluation.unit.name}
        subtitle={evaluationName(evaluation)}
        extra={<DecisionButtons evaluation={evaluation} onDone={reload} />}
      >
        <Space size={4} wrap style={{ marginTop: 6 }}>
          <StatusTag status={evaluation.status} label={evaluation.statusLabel} />
          <Tag>{evaluation.year} 年度</Tag>
          <Tag>第 {evaluation.version} 版</Tag>
          <Link to={`/evaluations/${encodeURIComponent(evaluation.id)}`}>在评价详情页查看</Link>
          <Link to="/review">返回审核列表</Link>
        </Space>
      </PageHeader>

      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} xl={{ span: 16, order: 1 }} style={{ minWidth: 0 }}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {check.error && <Alert type="warning" showIcon title="无法重新计分" description={check.error} />}
            <Card title={<h2 className="jx-card-title">概况</h2>} size="small">
              <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} bordered>
                <Descriptions.Item label="预算数（万元）">
                  <span className="jx-num">{money(evaluation.figures.budget)}</span>
                </Descriptions.Item>
                <Descriptions.Item label="执行数（万元）">
                  <span className="jx-num">{money(evaluation.figures.executed)}</span>
                </Descriptions.Item>
                <Descriptions.Item label="执行率">
                  <RateCell figures={evaluation.figures} />
                </Descriptions.Item>
                <Descriptions.Item label="自评得分">
                  <span className="jx-num">{score(evaluation.figures.statedScore)}</span>
                  {scoreAboveExecution(evaluation.figures) && (
                    <Tag color="red" style={{ marginInlineStart: 6 }}>
                      高分低执行
                    </Tag>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label="计算得分">
                  <span className={`jx-num${differs(evaluation.figures.statedScore, check.data?.score.total ?? evaluation.figures.computedScore) ? ' jx-differs' : ''}`}>{score(check.data?.score.total ?? evaluation.figures.computedScore)}</span>
                </Descriptions.Item>
                <Descriptions.Item label="审查问题">
                  <FindingCounts errors={evaluation.figures.errorCount} warnings={evaluation.figures.warningCount} />
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <WorkGradeCard key={evaluation.id} evaluation={evaluation} />
            <AttachmentsCard key={`attachments-${evaluation.id}`} evaluationId={evaluation.id} />
            {canReturn && (
              <Alert
                type="info"
                showIcon
                title="点击资金情况或绩效指标表中的行或单元格，可针对该字段写退回意见。"
              />
            )}
            <div onClickCapture={pick} data-testid="review-tables" style={canReturn ? { cursor: 'pointer' } : undefined}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <Card title={<h2 className="jx-card-title">资金情况</h2>} size="small">
                  <FundsTable content={content} score={check.data?.score} />
                </Card>
                <Card title={<h2 className="jx-card-title">绩效指标</h2>} size="small">
                  <IndicatorTable content={content} score={check.data?.score} />
                </Card>
              </Space>
            </div>
            <Card title={<h2 className="jx-card-title">问题与改进措施</h2>} size="small">
              <ProblemSections content={content} />
            </Card>
            {evaluation.children.length > 0 && (
              <Card title={<h2 className="jx-card-title">项目支出绩效自评（{evaluation.children.length} 个项目）</h2>} size="small">
                <EvaluationTable items={evaluation.children} showUnit={false} pagination={false} />
              </Card>
            )}
            <CommentList title="历次意见" comments={comments.data?.items ?? []} content={content} onSelect={focusPath} />
          </Space>
        </Col>
        <Col xs={{ span: 24, order: 1 }} xl={{ span: 8, order: 2 }}>
          <div style={wide ? { position: 'sticky', top: 16 } : undefined}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              {canReturn && (
                <ReturnPanel
                  evaluation={evaluation}
                  picked={picked}
                  onPickedChange={(p) => {
                    // Marked in the table, but focus stays in the form: the reviewer is writing.
                    setPicked(p);
                    setTarget(p);
                  }}
                  onReturned={reload}
                />
              )}
              <FindingsPanel findings={evaluation.findings} content={content} onSelect={focusPath} style={{ maxHeight: wide ? 'calc(100vh - 360px)' : 360, display: 'flex', flexDirection: 'column', overflow: 'hidden' }} />
            </Space>
          </div>
        </Col>
      </Row>
    </HighlightContext>
  );
}


const DECISION = {
  approve: { label: '审核通过', done: '已审核通过', icon: <CheckCircleOutlined aria-hidden /> },
  publish: { label: '公开', done: '已公开', icon: <GlobalOutlined aria-hidden /> },
} as const;

function DecisionButtons({ evaluation, onDone }: { readonly evaluation: EvaluationDetail; readonly onDone: () => void }) {
  const { modal, message } = App.useApp();
  const [busy, setBusy] = useState<keyof typeof DECISION | null>(null);
  const name = evaluation.kind === 'project' ? `“${evaluation.projectName}”项目评价` : `“${evaluation.unit.name}”部门整体评价`;
  const steps = (['approve', 'publish'] as const).filter((a) => evaluation.actions.includes(a));
  if (steps.length === 0) return null;
  return (
    <Space wrap>
      {steps.map((action) => (
        <Button
          key={action}
          type="primary"
          icon={DECISION[action].icon}
          loading={busy === action}
          onClick={() =>
            modal.confirm({
              title: DECISION[action].label,
              content: action === 'approve' ? `确认${name}（第 ${evaluation.version} 版）审核通过？通过后可以公开。` : `公开后，${name}将出现在公开页面，任何人都可以查看和下载。确认公开？`,
              okText: DECISION[action].label,
              cancelText: '取消',
              onOk: async () => {
                setBusy(action);
                try {
                  await api.post(`/api/evaluations/${encodeURIComponent(evaluation.id)}/${action}`);
                  message.success(DECISION[action].done);
                  onDone();
                } catch {
                  // shown by the API client
                } finally {
                  setBusy(null);
                }
              },
            })
          }
        >
          {DECISION[action].label}
        </Button>
      ))}
    </Space>
  );
}
