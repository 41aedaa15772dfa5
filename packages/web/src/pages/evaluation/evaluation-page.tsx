import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Grid, Result, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { findFramework } from '@jixiao/core';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { downloadFile } from '../../api/client';
import type { Comment, EvaluationCheck, EvaluationContent, EvaluationDetail, Page } from '../../api/types';
import { useApi } from '../../api/use-api';
import { EvaluationTable, FindingCounts, StatusTag, evaluationName } from '../../components/evaluation-table';
import { PageHeader } from '../../components/page-header';
import { chineseDate, differs, money, percent, score } from '../../format';
import { usePageTitle } from '../../use-page-title';
import { useSavedCheck } from './use-saved-check';
import { AttachmentsCard } from './attachments-card';
import { EditButton } from '../editor/edit-button';
import { CommentList } from './comment-list';
import { scrollToField, sectionIndex } from './field-paths';
import { FindingsPanel } from './findings-panel';
import { FundsTable } from './funds-table';
import { HighlightContext, useFieldProps } from './highlight';
import { IndicatorTable } from './indicator-table';
import { OtherSections, ProblemSections } from './report-sections';
import { WorkflowActions } from './workflow-actions';

/**
 * One evaluation, read-only: 基本情况, 资金情况, 绩效指标 (the 自评表's shape, stated and computed scores),
 * 问题与改进措施 and the rest of the report; beside it the findings, each leading to the field it concerns;
 * the workflow steps the user may take, and the exports.
 */
export function EvaluationPage() {
  const { id = '' } = useParams();
  const detail = useApi<EvaluationDetail>(`/api/evaluations/${encodeURIComponent(id)}`);
  const evaluation = detail.data;
  const check = useSavedCheck(evaluation);
  const comments = useApi<Page<Comment>>(evaluation ? `/api/evaluations/${encodeURIComponent(id)}/comments` : null, { pageSize: 200 });
  const [target, setTarget] = useState<string | null>(null);
  const [openSections, setOpenSections] = useState<string[]>([]);
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  usePageTitle(evaluation ? `${evaluation.unit.name} · ${evaluationName(evaluation)}` : '评价详情');

  const focusPath = useCallback(
    (path: string) => {
      const section = sectionIndex(path);
      if (section !== undefined) setOpenSections((open) => (open.includes(String(section)) ? open : [...open, String(section)]));
      // After the render that opens a folded section, so that its text exists to scroll to.
      window.setTimeout(() => {
        const found = scrollToField(path);
        if (found) setTarget(found);
        else message.info('此发现涉及的内容不在本页显示的表格中');
      }, 30);
    },
    [message],
  );

  if (detail.error && !evaluation) {
    return <Result status={detail.error.status === 404 ? '404' : 'error'} title={detail.error.status === 404 ? '未找到评价' : '无法加载评价'} subTitle={detail.error.message} extra={<Link to="/evaluations">返回评价列表</Link>} />;
  }
  if (!evaluation) return <Skeleton active paragraph={{ rows: 12 }} />;

  const content = evaluation.content;
  const wide = Boolean(screens.xl);
  const panelHeight = wide ? 'calc(100vh - 120px)' : 320;

  return (
    <HighlightContext value={target}>
      <PageHeader
        title={evaluation.unit.name}
        subtitle={evaluationName(evaluation)}
        extra={
          <Space wrap>
            <EditButton evaluation={evaluation} />
            <WorkflowActions
              evaluation={evaluation}
              onDone={() => {
                detail.reload();
                comments.reload();
              }}
            />
          </Space>
        }
      >
        <Space size={4} wrap style={{ marginTop: 6 }}>
          <StatusTag status={evaluation.status} label={evaluation.statusLabel} />
          <Tag>{evaluation.year} 年度</Tag>
          <Tag>{evaluation.kind === 'project' ? '项目支出绩效自评' : '部门整体支出绩效自评'}</Tag>
          <Tag>第 {evaluation.version} 版</Tag>
          {evaluation.parentId && <Link to={`/evaluations/${encodeURIComponent(evaluation.parentId)}`}>所属部门整体评价</Link>}
        </Space>
      </PageHeader>

      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} xl={{ span: 16, order: 1 }} style={{ minWidth: 0 }}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {check.error && <Alert type="warning" showIcon title="无法重新计分" description={check.error} />}
            {/* 审核意见 and 监督批注: shown first, since a returned evaluation is read for them. */}
            <CommentList title="审核意见" comments={comments.data?.items ?? []} content={content} onSelect={focusPath} style={{ borderColor: '#ffd591' }} />
            <Card title={<h2 className="jx-card-title">基本情况</h2>} size="small">
              <BasicInfo evaluation={evaluation} check={check.data} />
            </Card>
            <Card title={<h2 className="jx-card-title">资金情况</h2>} size="small">
              <FundsTable content={content} score={check.data?.score} />
            </Card>
            <Card
              title={<h2 className="jx-card-title">绩效指标</h2>}
              size="small"
              extra={<Typography.Text type="secondary">“计算”为按评分规则重新计算的得分，悬停或聚焦可看理由</Typography.Text>}
            >
              <IndicatorTable content={content} score={check.data?.score} />
            </Card>
            <Card title={<h2 className="jx-card-title">问题与改进措施</h2>} size="small">
              {(content.sections ?? []).length === 0 && evaluation.parentId ? (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                  项目评价没有单独的报告正文；存在的问题与改进措施见<Link to={`/evaluations/${encodeURIComponent(evaluation.parentId)}`}>所属部门整体评价</Link>，各指标的偏差原因见上表。
                </Typography.Paragraph>
              ) : (
                <ProblemSections content={content} />
              )}
            </Card>
            {(content.sections ?? []).length > 0 && (
              <Card title={<h2 className="jx-card-title">报告其他章节</h2>} size="small">
                <OtherSections content={content} open={openSections} onOpenChange={setOpenSections} />
              </Card>
            )}
            {evaluation.children.length > 0 && (
              <Card title={<h2 className="jx-card-title">项目支出绩效自评（{evaluation.children.length} 个项目）</h2>} size="small">
                <EvaluationTable items={evaluation.children} showUnit={false} pagination={false} />
              </Card>
            )}
            <AttachmentsCard key={`attachments-${evaluation.id}`} evaluationId={evaluation.id} editable={evaluation.actions.includes('save')} />
            <Card title={<h2 className="jx-card-title">导出</h2>} size="small">
              <ExportButtons evaluation={evaluation} />
            </Card>
          </Space>
        </Col>
        <Col xs={{ span: 24, order: 1 }} xl={{ span: 8, order: 2 }}>
          <div style={wide ? { position: 'sticky', top: 16 } : undefined}>
            <FindingsPanel findings={evaluation.findings} content={content} onSelect={focusPath} style={{ maxHeight: panelHeight, display: 'flex', flexDirection: 'column', overflow: 'hidden' }} />
          </div>
        </Col>
      </Row>
    </HighlightContext>
  );
}


function BasicInfo({ evaluation, check }: { readonly evaluation: EvaluationDetail; readonly check: EvaluationCheck | undefined }) {
  const field = useFieldProps();
  const c: EvaluationContent = evaluation.content;
  const f = evaluation.figures;
  const framework = findFramework(evaluation.frameworkId);
  const stated = f.statedScore;
  const computed = check?.score.total ?? f.computedScore;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} bordered>
        <Descriptions.Item label="单位">{c.unit?.name ?? evaluation.unit.name}</Descriptions.Item>
        {evaluation.kind === 'project' && <Descriptions.Item label="项目名称">{evaluation.projectName}</Descriptions.Item>}
        <Descriptions.Item label="预算年度">{evaluation.year}</Descriptions.Item>
        <Descriptions.Item label="评分框架">{framework?.name ?? evaluation.frameworkId}</Descriptions.Item>
        {c.unit?.supervisor && <Descriptions.Item label="主管部门">{c.unit.supervisor}</Descriptions.Item>}
        {c.unit?.implementer && <Descriptions.Item label="实施单位">{c.unit.implementer}</Descriptions.Item>}
        {c.unit?.head && <Descriptions.Item label="单位负责人">{c.unit.head}</Descriptions.Item>}
        {c.unit?.contact && <Descriptions.Item label="填表人">{c.unit.contact}</Descriptions.Item>}
        {c.unit?.phone && <Descriptions.Item label="联系电话">{c.unit.phone}</Descriptions.Item>}
        {c.unit?.filledDate && <Descriptions.Item label="填报日期">{chineseDate(c.unit.filledDate)}</Descriptions.Item>}
        <Descriptions.Item label="预算数（万元）">
          <span className="jx-num">{money(f.budget)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="执行数（万元）">
          <span className="jx-num">{money(f.executed)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="执行率">
          <span className="jx-num">{percent(f.executionRate)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="自评得分">
          <span className="jx-num">{score(stated)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="计算得分">
          <span className={`jx-num${differs(stated, computed) ? ' jx-differs' : ''}`}>{score(computed)}</span>
          {check?.score.grade && <Typography.Text type="secondary">（{check.score.grade}）</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="审查问题">
          <FindingCounts errors={f.errorCount} warnings={f.warningCount} />
        </Descriptions.Item>
      </Descriptions>
      {(c.goals ?? []).length > 0 && (
        <div {...field('goals')} style={{ marginTop: 12 }}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            年度总体目标
          </Typography.Title>
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            dataSource={(c.goals ?? []).map((g, i) => ({ ...g, key: i }))}
            onRow={(g) => field(`goals[${g.key}]`)}
            columns={[
              { title: '预期目标', dataIndex: 'planned', className: 'jx-prewrap' },
              { title: '实际完成情况', dataIndex: 'achieved', className: 'jx-prewrap' },
            ]}
          />
        </div>
      )}
    </>
  );
}

const EXPORTS = [
  { format: 'docx', label: 'Word 报告' },
  { format: 'xlsx', label: 'Excel 附表' },
  { format: 'pdf', label: 'PDF 报告' },
] as const;

function ExportButtons({ evaluation }: { readonly evaluation: EvaluationDetail }) {
  const [busy, setBusy] = useState<string | null>(null);
  const base = `${evaluation.unit.name}-${evaluation.year}-${evaluationName(evaluation)}`;
  return (
    <Space wrap>
      {EXPORTS.map(({ format, label }) => (
        <Button
          key={format}
          icon={<DownloadOutlined aria-hidden />}
          loading={busy === format}
          onClick={async () => {
            setBusy(format);
            try {
              await downloadFile(`/api/evaluations/${encodeURIComponent(evaluation.id)}/export.${format}`, `${base}.${format}`);
            } catch {
              // shown by the API client
            } finally {
              setBusy(null);
            }
          }}
        >
          {label}
        </Button>
      ))}
      <Typography.Text type="secondary">{evaluation.kind === 'department' ? '部门整体评价连同其项目评价一并导出。' : '按官方自评表版式生成。'}</Typography.Text>
    </Space>
  );
}
