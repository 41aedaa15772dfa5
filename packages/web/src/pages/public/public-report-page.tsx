import { Breadcrumb, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PublicReportContent } from '../../api/types';
import { useApi } from '../../api/use-api';
import { PageHeader } from '../../components/page-header';
import { chineseDate, money, percent, score } from '../../format';
import { usePageTitle } from '../../use-page-title';
import { FundsTable } from '../evaluation/funds-table';
import { IndicatorTable } from '../evaluation/indicator-table';
import { OtherSections, ProblemSections } from '../evaluation/report-sections';
import { DataLinks } from './public-list-page';

/** One published report as the public reads it: the figures, the 自评表 and the report's text, and its data. */
export function PublicReportPage() {
  const { id = '' } = useParams();
  const found = useApi<PublicReportContent>(`/api/public/reports/${encodeURIComponent(id)}`);
  const [open, setOpen] = useState<string[]>([]);
  const report = found.data?.report;
  const name = report ? (report.kind === 'project' ? report.projectName : '部门整体支出') : '';
  usePageTitle(report ? `${report.unitName} · ${name}` : '公开报告');

  if (found.error) return <Result status="404" title="未找到报告" subTitle={found.error.message} extra={<Link to="/public">返回公开报告列表</Link>} />;
  if (!found.data || !report) return <Skeleton active paragraph={{ rows: 10 }} />;
  const content = found.data.content;

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/public">公开的自评报告</Link> }, { title: `${report.unitName} · ${name}` }]} />
      <PageHeader
        title={`${report.unitName} · ${name}`}
        extra={
          <Space>
            <Typography.Text type="secondary">下载数据：</Typography.Text>
            <DataLinks report={report} />
          </Space>
        }
      >
        <Space size={4} wrap style={{ marginTop: 6 }}>
          <Tag color="green">已公开</Tag>
          <Tag>{report.year} 年度</Tag>
          <Tag>{report.kind === 'project' ? '项目支出绩效自评' : '部门整体支出绩效自评'}</Tag>
          <Tag>{report.jurisdictionName}</Tag>
        </Space>
      </PageHeader>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 className="jx-card-title">基本情况</h2>} size="small">
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label="单位">{report.unitName}</Descriptions.Item>
            <Descriptions.Item label="预算年度">{report.year}</Descriptions.Item>
            {content.unit?.filledDate && <Descriptions.Item label="填报日期">{chineseDate(content.unit.filledDate)}</Descriptions.Item>}
            <Descriptions.Item label="预算数（万元）">{money(report.budget)}</Descriptions.Item>
            <Descriptions.Item label="执行数（万元）">{money(report.executed)}</Descriptions.Item>
            <Descriptions.Item label="执行率">{percent(report.executionRate)}</Descriptions.Item>
            <Descriptions.Item label="自评得分">{score(report.statedScore)}</Descriptions.Item>
            <Descriptions.Item label="复算得分">{score(report.computedScore)}</Descriptions.Item>
            <Descriptions.Item label="等级">{report.grade ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={<h2 className="jx-card-title">资金情况</h2>} size="small">
          <FundsTable content={content} score={undefined} />
        </Card>
        <Card title={<h2 className="jx-card-title">绩效指标</h2>} size="small">
          <IndicatorTable content={content} score={undefined} />
        </Card>
        <Card title={<h2 className="jx-card-title">问题与改进措施</h2>} size="small">
          <ProblemSections content={content} />
        </Card>
        {(content.sections ?? []).length > 0 && (
          <Card title={<h2 className="jx-card-title">报告其他章节</h2>} size="small">
            <OtherSections content={content} open={open} onOpenChange={setOpen} />
          </Card>
        )}
      </Space>
    </>
  );
}
