import { FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Form, Row, Select, Space, Typography, Upload } from 'antd';
import type { RcFile } from 'antd/es/upload';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Page } from '../../api/types';
import { useApi } from '../../api/use-api';
import { FindingCounts } from '../../components/evaluation-table';
import { QueueStatusTag } from '../../components/queue-status-tag';
import { queueKey, useFileQueue } from '../../components/use-file-queue';
import type { QueueStatus } from '../../components/use-file-queue';
import { PageHeader } from '../../components/page-header';
import { chineseDate } from '../../format';
import { usePageTitle } from '../../use-page-title';
import { recentYears } from '../../years';
import { ImportReview } from './import-review';
import type { Unit } from './import-types';
import { ACCEPTED_EXTENSIONS, acceptedFile, csrfToken, uploadReport } from './upload-report';

interface QueueItem {
  readonly key: string;
  readonly file: File;
  readonly unitId: string;
  readonly year: number;
  readonly status: QueueStatus;
  readonly message?: string;
  readonly importId?: string;
  readonly errors?: number;
  readonly warnings?: number;
}

interface ImportListItem {
  readonly importId: string;
  readonly file: string;
  readonly ok: boolean;
  readonly evaluations: number;
  readonly errors: number;
  readonly warnings: number;
  readonly createdAt: string;
}

/**
 * 导入与审查: reports dropped in are uploaded one after another to the chosen unit and year (the server reads
 * one at a time anyway, and one bad file must cost only itself); each one's extracted evaluations and findings
 * are shown beside the report's own text.
 */
export function ImportPage() {
  usePageTitle('导入与审查');
  const [params, setParams] = useSearchParams();
  const units = useApi<Page<Unit>>('/api/units', { pageSize: 200 });
  const unitId = params.get('unit') ?? units.data?.items[0]?.id ?? '';
  const year = Number(params.get('year')) || new Date().getFullYear() - 1;
  const [selected, setSelected] = useState<string | null>(null);
  /** An earlier import of the chosen unit and year, opened from its list. */
  const [earlierId, setEarlierId] = useState<string | null>(null);
  const earlier = useApi<Page<ImportListItem>>(unitId ? `/api/units/${encodeURIComponent(unitId)}/imports` : null, { year, pageSize: 20 });
  const reloadEarlier = earlier.reload;

  const choose = (key: 'unit' | 'year', value: string) => {
    setEarlierId(null);
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set(key, value);
        if (key === 'unit' && !next.has('year')) next.set('year', String(year));
        return next;
      },
      { replace: true },
    );
  };

  const send = useCallback(async (item: QueueItem, update: (patch: Partial<QueueItem>) => void) => {
    const outcome = await uploadReport(item.file, item.unitId, item.year, await csrfToken());
    const errors = outcome.findings.filter((f) => f.severity === 'error').length;
    const warnings = outcome.findings.filter((f) => f.severity === 'warning').length;
    if (outcome.ok) update({ status: 'done', importId: outcome.importId, errors, warnings, ...(outcome.duplicate ? { message: '相同文件已上传过，显示的是那次的结果' } : {}) });
    else update({ status: 'failed', importId: outcome.importId, message: outcome.error ?? outcome.findings.find((f) => f.severity === 'error')?.message ?? '文件未能导入' });
    setSelected((s) => s ?? item.key);
  }, []);
  const { queue, setQueue, add } = useFileQueue<QueueItem>(send, reloadEarlier);

  const enqueue = useCallback(
    (file: File) => {
      const key = queueKey();
      add(acceptedFile(file.name) ? { key, file, unitId, year, status: 'waiting' } : { key, file, unitId, year, status: 'failed', message: `不支持的文件类型：请上传 ${ACCEPTED_EXTENSIONS.join(' ')} 文件` });
    },
    [unitId, year, add],
  );

  const selectedItem = queue.find((item) => item.key === selected);
  const reviewId = selectedItem?.importId ?? earlierId;
  const unitName = units.data?.items.find((u) => u.id === unitId)?.name;
  const beforeUpload = (file: RcFile) => {
    enqueue(file);
    return Upload.LIST_IGNORE;
  };
  const uploadDisabled = !unitId;

  return (
    <>
      <PageHeader title="导入与审查">
        <Typography.Text type="secondary">上传已公开的绩效自评报告，自动读取评价内容并审查数字与规范性问题。</Typography.Text>
      </PageHeader>
      <Row gutter={[16, 16]}>
        {/* Beside the review only on the widest screens; above it elsewhere, so the review keeps the width it needs. */}
        <Col xs={24} xxl={6}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12} xxl={24}>
              <Card size="small" title={<h2 className="jx-card-title">上传报告</h2>} style={{ height: '100%' }}>
                <Form layout="vertical">
                  <Form.Item label="单位" htmlFor="import-unit" style={{ marginBottom: 12 }}>
                    <Select
                      id="import-unit"
                      showSearch
                      optionFilterProp="label"
                      loading={units.loading}
                      value={unitId || undefined}
                      placeholder="选择单位"
                      onChange={(v: string) => choose('unit', v)}
                      options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name}（${u.jurisdictionName}）` }))}
                    />
                  </Form.Item>
                  <Form.Item label="预算年度" htmlFor="import-year" style={{ marginBottom: 12 }}>
                    <Select id="import-year" value={year} onChange={(v: number) => choose('year', String(v))} options={recentYears().map((y) => ({ value: y, label: `${y} 年度` }))} />
                  </Form.Item>
                </Form>
                <Upload.Dragger multiple accept={ACCEPTED_EXTENSIONS.join(',')} beforeUpload={beforeUpload} showUploadList={false} disabled={uploadDisabled} data-testid="import-dragger">
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined aria-hidden />
                  </p>
                  <p className="ant-upload-text">点击选择或拖入报告文件（可多选）；整个文件夹请用下方“选择文件夹”</p>
                  <p className="ant-upload-hint">支持 {ACCEPTED_EXTENSIONS.join(' ')}；逐个上传，单个文件失败不影响其他文件</p>
                </Upload.Dragger>
                <div style={{ marginTop: 8 }}>
                  <Upload directory beforeUpload={beforeUpload} showUploadList={false} disabled={uploadDisabled}>
                    <Button icon={<FolderOpenOutlined aria-hidden />} disabled={uploadDisabled}>
                      选择文件夹
                    </Button>
                  </Upload>
                </div>
              </Card>
            </Col>
            <Col xs={24} md={12} xxl={24}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <Card size="small" title={<h2 className="jx-card-title">上传进度</h2>} extra={queue.length > 0 && <Button size="small" onClick={() => setQueue((q) => q.filter((i) => i.status === 'waiting' || i.status === 'sending'))}>清除已完成</Button>}>
                  {queue.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未上传文件" />
                  ) : (
                    <ol aria-label="上传进度" data-testid="import-progress" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                      {queue.map((item) => (
                        <li key={item.key} data-status={item.status} style={{ borderBottom: '1px solid #f0f0f0', padding: '6px 0' }}>
                          <QueueLine item={item} selected={item.key === selected} onOpen={() => setSelected(item.key)} />
                        </li>
                      ))}
                    </ol>
                  )}
                </Card>
                {unitId && (
                  <Card size="small" title={<h2 className="jx-card-title">{unitName ? `${unitName} ${year} 年度的导入记录` : '导入记录'}</h2>}>
                    {(earlier.data?.items ?? []).length === 0 ? (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无导入记录" />
                    ) : (
                      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                        {(earlier.data?.items ?? []).map((item) => (
                          <li key={item.importId} style={{ padding: '4px 0' }}>
                            <Button
                              type="link"
                              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                              onClick={() => {
                                setSelected(null);
                                setEarlierId(item.importId);
                              }}
                            >
                              {item.file}
                            </Button>
                            <div className="jx-sub">
                              {chineseDate(item.createdAt)} · {item.ok ? `${item.evaluations} 个评价` : '未能导入'} · <FindingCounts errors={item.errors} warnings={item.warnings} />
                            </div>
                          </li>
                        ))}
                      </ul>
                    )}
                  </Card>
                )}
              </Space>
            </Col>
          </Row>
        </Col>
        <Col xs={24} xxl={18} style={{ minWidth: 0 }}>
          {selectedItem?.status === 'failed' && !selectedItem.importId ? (
            <Alert type="error" showIcon title={`${selectedItem.file.name} 未能上传`} description={selectedItem.message} />
          ) : reviewId ? (
            <ImportReview key={reviewId} importId={reviewId} />
          ) : (
            <Card size="small">
              <Empty description="上传完成后，在此查看读取的评价、审查发现与报告原文" />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}

function QueueLine({ item, selected, onOpen }: { readonly item: QueueItem; readonly selected: boolean; readonly onOpen: () => void }) {
  const openable = item.importId !== undefined || item.status === 'failed';
  return (
    <div>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        {openable ? (
          <Button type="link" onClick={onOpen} aria-current={selected ? 'true' : undefined} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start', fontWeight: selected ? 600 : undefined }}>
            {item.file.name}
          </Button>
        ) : (
          <span style={{ wordBreak: 'break-all' }}>{item.file.name}</span>
        )}
        <QueueStatusTag status={item.status} sending="导入中" done="已完成" testId="import-status" />
      </div>
      {item.status === 'done' && (
        <div className="jx-sub">
          <FindingCounts errors={item.errors ?? 0} warnings={item.warnings ?? 0} />
        </div>
      )}
      {item.message && (
        <Typography.Text type={item.status === 'failed' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {item.message}
        </Typography.Text>
      )}
    </div>
  );
}
