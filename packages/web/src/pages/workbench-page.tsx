import { Alert, Card, Col, Empty, Form, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { Deadline, Task, Workbench } from '../api/types';
import { useApi } from '../api/use-api';
import { FindingCounts, StatusTag } from '../components/evaluation-table';
import { PageHeader } from '../components/page-header';
import { chineseDate } from '../format';
import { STATUSES, STATUS_LABEL } from '../labels';
import { useUser } from '../session/session';
import { usePageTitle } from '../use-page-title';
import { recentYears } from '../years';

/** "还剩 3 天", "今天截止", "已逾期 2 天". */
function daysText(daysLeft: number | null): string {
  if (daysLeft === null) return '';
  if (daysLeft === 0) return '今天截止';
  return daysLeft > 0 ? `还剩 ${daysLeft} 天` : `已逾期 ${-daysLeft} 天`;
}

function DueTag({ dueDate, daysLeft, overdue }: { readonly dueDate: string | null; readonly daysLeft: number | null; readonly overdue: boolean }) {
  if (!dueDate) return <Typography.Text type="secondary">未设期限</Typography.Text>;
  const color = overdue ? 'error' : daysLeft !== null && daysLeft <= 7 ? 'warning' : 'default';
  return (
    <Space size={4} wrap>
      <span>{chineseDate(dueDate)}</span>
      <Tag color={color} style={{ marginInlineEnd: 0 }}>
        {daysText(daysLeft)}
      </Tag>
    </Space>
  );
}

/**
 * 工作台: the user's tasks for a budget year by role (to fill, revise, submit, review, publish, inspect), the
 * deadlines that bind them, and the counts of evaluations by status in the user's scope.
 */
export function WorkbenchPage() {
  usePageTitle('工作台');
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const asked = params.get('year') ?? undefined;
  const bench = useApi<Workbench>('/api/workbench', { year: asked });
  const data = bench.data;
  const year = data?.year;

  return (
    <>
      <PageHeader
        title="工作台"
        extra={
          <Form layout="inline">
            <Form.Item label="预算年度" htmlFor="workbench-year" style={{ marginInlineEnd: 0 }}>
              <Select
                id="workbench-year"
                style={{ width: 120 }}
                value={year === undefined ? asked : String(year)}
                onChange={(v: string) => setParams({ year: v })}
                options={recentYears().map((y) => ({ value: String(y), label: `${y} 年度` }))}
              />
            </Form.Item>
          </Form>
        }
      >
        <Typography.Text type="secondary">
          {user.displayName}，您好。以下是 {year ?? asked ?? ''} 年度需要您处理的事项。
        </Typography.Text>
      </PageHeader>
      {bench.error && <Alert type="error" showIcon title={bench.error.message} style={{ marginBottom: 16 }} />}
      {!data ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <StatusCounts data={data} />
          <Card title={<h2 className="jx-card-title">期限</h2>} size="small">
            <Deadlines deadlines={data.deadlines} />
          </Card>
          <Card title={<h2 className="jx-card-title">待办事项（{data.tasksTotal}）</h2>} size="small">
            <TaskTable tasks={data.tasks} year={data.year} />
            {data.tasksTotal > data.tasks.length && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                只列出前 {data.tasks.length} 项，共 {data.tasksTotal} 项。
              </Typography.Paragraph>
            )}
          </Card>
          {data.counts.users && (
            <Card title={<h2 className="jx-card-title">用户账号</h2>} size="small">
              <Row gutter={8}>
                <Col xs={8} md={4}>
                  <Statistic title="已锁定" value={data.counts.users.locked} />
                </Col>
                <Col xs={8} md={4}>
                  <Statistic title="已停用" value={data.counts.users.disabled} />
                </Col>
                <Col xs={8} md={4}>
                  <Statistic title="未授权" value={data.counts.users.withoutGrants} />
                </Col>
              </Row>
            </Card>
          )}
        </Space>
      )}
    </>
  );
}

function StatusCounts({ data }: { readonly data: Workbench }) {
  const cell = (title: string, value: number, to: string, danger = false) => (
    <Col xs={12} sm={8} md={4} key={title}>
      <Link to={to} aria-label={`${title} ${value} 份，查看列表`} style={{ display: 'block', color: 'inherit' }}>
        <Card size="small" hoverable>
          <Statistic title={title} value={value} valueStyle={danger && value > 0 ? { color: '#cf1322' } : undefined} />
        </Card>
      </Link>
    </Col>
  );
  return (
    <section aria-label="评价状态统计">
      <Row gutter={[12, 12]}>
        {STATUSES.map((s) => cell(STATUS_LABEL[s], data.counts.byStatus[s], `/evaluations?year=${data.year}&status=${s}`))}
        {cell('有审查错误', data.counts.withErrors, `/evaluations?year=${data.year}`, true)}
      </Row>
    </section>
  );
}

function TaskTable({ tasks, year }: { readonly tasks: readonly Task[]; readonly year: number }) {
  const columns: TableColumnsType<Task> = [
    {
      title: '事项',
      key: 'label',
      width: 220,
      render: (_: unknown, t: Task) =>
        t.evaluationId ? (
          <Link to={`/evaluations/${encodeURIComponent(t.evaluationId)}`}>{t.label}</Link>
        ) : (
          <span>{t.label}</span>
        ),
    },
    {
      title: '单位 / 评价',
      key: 'unit',
      width: 200,
      render: (_: unknown, t: Task) => (
        <>
          <div>{t.unitName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.jurisdictionName} · {t.evaluationKind === 'project' ? t.projectName : '部门整体支出'}
          </Typography.Text>
        </>
      ),
    },
    { title: '状态', key: 'status', width: 90, render: (_: unknown, t: Task) => (t.status ? <StatusTag status={t.status} label={STATUS_LABEL[t.status]} /> : <Tag>未创建</Tag>) },
    { title: '期限', key: 'due', width: 170, render: (_: unknown, t: Task) => (t.deadlineKind ? <DueTag dueDate={t.dueDate} daysLeft={t.daysLeft} overdue={t.overdue} /> : '—') },
    { title: '问题', key: 'findings', width: 100, render: (_: unknown, t: Task) => (t.status ? <FindingCounts errors={t.errorCount} warnings={t.warningCount} /> : '—') },
  ];
  return (
    <Table<Task>
      rowKey={(t) => `${t.kind}:${t.evaluationId ?? t.unitId}`}
      columns={columns}
      dataSource={[...tasks]}
      size="small"
      pagination={tasks.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 760 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year} 年度暂无待办事项`} /> }}
    />
  );
}

function Deadlines({ deadlines }: { readonly deadlines: readonly Deadline[] }) {
  if (deadlines.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有期限" />;
  const places = [...new Set(deadlines.map((d) => d.jurisdictionName))];
  return (
    <Row gutter={[16, 12]}>
      {deadlines.map((d) => (
        <Col key={`${d.jurisdictionId}:${d.kind}`} xs={24} sm={12} lg={8}>
          <div style={{ fontWeight: 500 }}>
            {places.length > 1 ? `${d.jurisdictionName} · ` : ''}
            {d.label}
          </div>
          <DueTag dueDate={d.dueDate} daysLeft={d.daysLeft} overdue={d.overdue} />
          {d.basis && <div className="jx-sub">{d.basis}</div>}
        </Col>
      ))}
    </Row>
  );
}
