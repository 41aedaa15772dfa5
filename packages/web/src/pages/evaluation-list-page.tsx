import { Alert, Card, Form, Select, Space, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import type { EvaluationStatus, EvaluationSummary, Page } from '../api/types';
import { useApi } from '../api/use-api';
import { EvaluationTable } from '../components/evaluation-table';
import { PageHeader } from '../components/page-header';
import { STATUSES, STATUS_LABEL } from '../labels';
import { usePageTitle } from '../use-page-title';
import { recentYears } from '../years';

const PAGE_SIZE = 20;

/**
 * The evaluations the user may read, with their figures; filtered by year, status and kind. The filter lives
 * in the address (`?year=2022&status=submitted&unitId=…`), so the dashboard can link to a unit's evaluations
 * and a filtered list can be bookmarked.
 */
export function EvaluationListPage() {
  usePageTitle('评价列表');
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? undefined;
  const status = (params.get('status') as EvaluationStatus | null) ?? undefined;
  const kind = params.get('kind') ?? undefined;
  const unitId = params.get('unitId') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const list = useApi<Page<EvaluationSummary>>('/api/evaluations', { year, status, kind, unitId, page, pageSize: PAGE_SIZE });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const unitName = unitId ? list.data?.items.find((e) => e.unit.id === unitId)?.unit.name : undefined;

  return (
    <>
      <PageHeader title="评价列表" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="年度" htmlFor="filter-year">
            <Select
              id="filter-year"
              style={{ width: 120 }}
              allowClear
              placeholder="全部年度"
              value={year}
              onChange={(v: string | undefined) => update({ year: v })}
              options={recentYears().map((y) => ({ value: String(y), label: `${y} 年度` }))}
            />
          </Form.Item>
          <Form.Item label="状态" htmlFor="filter-status">
            <Select
              id="filter-status"
              style={{ width: 130 }}
              allowClear
              placeholder="全部状态"
              value={status}
              onChange={(v: string | undefined) => update({ status: v })}
              options={STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
            />
          </Form.Item>
          <Form.Item label="类型" htmlFor="filter-kind">
            <Select
              id="filter-kind"
              style={{ width: 140 }}
              allowClear
              placeholder="全部类型"
              value={kind}
              onChange={(v: string | undefined) => update({ kind: v })}
              options={[
                { value: 'department', label: '部门整体支出' },
                { value: 'project', label: '项目支出' },
              ]}
            />
          </Form.Item>
          {unitId && (
            <Form.Item label="单位">
              <Tag closable onClose={() => update({ unitId: undefined })} closeIcon={<span aria-label="清除单位筛选">×</span>}>
                {unitName ?? '所选单位'}
              </Tag>
            </Form.Item>
          )}
        </Form>
      </Card>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        <EvaluationTable
          items={list.data?.items ?? []}
          loading={list.loading}
          locale={{ emptyText: '没有符合条件的评价' }}
          pagination={{
            current: list.data?.page ?? page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 份`,
            onChange: (p) => update({ page: String(p) }),
          }}
        />
      </Space>
    </>
  );
}
