import { Alert, Card, Form, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { apiUrl } from '../../api/client';
import type { Page, PublicReport } from '../../api/types';
import { useApi } from '../../api/use-api';
import { PageHeader } from '../../components/page-header';
import { money, percent, score } from '../../format';
import { usePageTitle } from '../../use-page-title';

/** Every published report, for the filters' choices (the public API has no list of places of its own). */
const ALL = { pageSize: 200 };
const PAGE_SIZE = 20;

function reportName(r: Pick<PublicReport, 'kind' | 'projectName'>): string {
  return r.kind === 'project' ? r.projectName : '部门整体支出';
}

/** Download links of one published report: the evaluation file (JSON) and its indicator table (CSV). */
export function DataLinks({ report }: { readonly report: PublicReport }) {
  const base = `/api/public/reports/${encodeURIComponent(report.id)}`;
  const name = `${report.unitName}-${report.year}-${reportName(report)}`;
  return (
    <Space size={12}>
      <a href={base} download={`${name}.json`} aria-label={`下载${report.unitName}${reportName(report)}的 JSON 数据`}>
        JSON
      </a>
      <a href={`${base}/data.csv`} download aria-label={`下载${report.unitName}${reportName(report)}的绩效指标 CSV`}>
        CSV
      </a>
    </Space>
  );
}

/**
 * 公开: published self-evaluations, for anyone, without signing in; by place, year and unit, each with its
 * figures and its data for download.
 */
export function PublicListPage() {
  usePageTitle('公开的自评报告');
  const [params, setParams] = useSearchParams();
  const jurisdictionId = params.get('jurisdictionId') ?? undefined;
  const year = params.get('year') ?? undefined;
  const unitId = params.get('unitId') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const all = useApi<Page<PublicReport>>('/api/public/reports', ALL);
  const list = useApi<Page<PublicReport>>('/api/public/reports', { jurisdictionId, year, unitId, page, pageSize: PAGE_SIZE });
  const every = all.data?.items ?? [];
  const distinct = <T,>(values: T[]) => [...new Map(values.map((v) => [JSON.stringify(v), v])).values()];
  const places = distinct(every.map((r) => ({ id: r.jurisdictionId, name: r.jurisdictionName })));
  const years = [...new Set(every.map((r) => r.year))].sort((a, b) => b - a);
  const units = distinct(every.filter((r) => !jurisdictionId || r.jurisdictionId === jurisdictionId).map((r) => ({ id: r.unitId, name: r.unitName })));

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const columns: TableColumnsType<PublicReport> = [
    { title: '单位', dataIndex: 'unitName', width: 170 },
    { title: '地区', dataIndex: 'jurisdictionName', width: 80 },
    { title: '年度', dataIndex: 'year', width: 64 },
    { title: '报告', key: 'name', width: 170, render: (_: unknown, r) => <Link to={`/public/reports/${encodeURIComponent(r.id)}`}>{reportName(r)}</Link> },
    { title: '预算数（万元）', key: 'budget', width: 110, align: 'right', render: (_: unknown, r) => <span className="jx-num">{money(r.budget)}</span> },
    { title: '执行率', key: 'rate', width: 84, align: 'right', render: (_: unknown, r) => <span className="jx-num">{percent(r.executionRate)}</span> },
    { title: '自评得分', key: 'stated', width: 80, align: 'right', render: (_: unknown, r) => <span className="jx-num">{score(r.statedScore)}</span> },
    { title: '复算得分', key: 'computed', width: 80, align: 'right', render: (_: unknown, r) => <span className="jx-num">{score(r.computedScore)}</span> },
    { title: '等级', dataIndex: 'grade', width: 56, render: (g: string | null) => g ?? '—' },
    { title: '数据下载', key: 'data', width: 100, render: (_: unknown, r) => <DataLinks report={r} /> },
  ];

  return (
    <>
      <PageHeader title="公开的自评报告">
        <Typography.Text type="secondary">经财政部门审核后公开的部门整体支出和项目支出绩效自评。复算得分为按评分规则重新计算的结果，供对照。</Typography.Text>
      </PageHeader>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="地区" htmlFor="public-place">
            <Select id="public-place" style={{ width: 140 }} allowClear placeholder="全部地区" value={jurisdictionId} onChange={(v: string | undefined) => update({ jurisdictionId: v, unitId: undefined })} options={places.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item label="年度" htmlFor="public-year">
            <Select id="public-year" style={{ width: 120 }} allowClear placeholder="全部年度" value={year} onChange={(v: string | undefined) => update({ year: v })} options={years.map((y) => ({ value: String(y), label: `${y} 年度` }))} />
          </Form.Item>
          <Form.Item label="单位" htmlFor="public-unit">
            <Select id="public-unit" style={{ width: 220 }} allowClear placeholder="全部单位" value={unitId} onChange={(v: string | undefined) => update({ unitId: v })} options={units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        </Form>
      </Card>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Table<PublicReport>
        rowKey="id"
        columns={columns}
        dataSource={[...(list.data?.items ?? [])]}
        loading={list.loading}
        size="small"
        scroll={{ x: 990 }}
        locale={{ emptyText: '没有符合条件的公开报告' }}
        pagination={{ current: list.data?.page ?? page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 份`, onChange: (p) => update({ page: String(p) }) }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        数据接口：<a href={apiUrl('/api/public/reports', { jurisdictionId, year, unitId, pageSize: 200 })}>/api/public/reports</a>（JSON，可按地区、年度、单位筛选）。
      </Typography.Paragraph>
    </>
  );
}
