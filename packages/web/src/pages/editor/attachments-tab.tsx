import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Progress, Space, Typography, Upload } from 'antd';
import type { RcFile } from 'antd/es/upload';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import type { Attachment } from '../../api/types';
import { useApi } from '../../api/use-api';
import { QueueStatusTag } from '../../components/queue-status-tag';
import { queueKey, useFileQueue } from '../../components/use-file-queue';
import type { QueueStatus } from '../../components/use-file-queue';
import { AttachmentList, fileSize } from '../evaluation/attachments-card';
import { csrfToken } from '../import/upload-report';
import { ATTACHMENT_EXTENSIONS, precheck, uploadAttachment } from './attachments-upload';

interface QueueItem {
  readonly key: string;
  readonly file: File;
  /** The 说明 as it was when the file was chosen. */
  readonly description: string;
  readonly status: QueueStatus;
  readonly progress: number;
  readonly message?: string;
}

const DESCRIPTION_MAX = 200;

/**
 * 附件 of the editor: the 佐证材料 the 考核评分表 asks for (自评通知, 工作小组's file, 自查 lists), uploaded one
 * file after another with each file's fate on its own line (one refused file costs only itself), listed,
 * and deleted after a confirmation. The server decides what it takes; the check here only spares uploads
 * it would refuse by their name.
 */
export function AttachmentsTab({ evaluationId }: { readonly evaluationId: string }) {
  const list = useApi<{ items: readonly Attachment[] }>(`/api/evaluations/${encodeURIComponent(evaluationId)}/attachments`);
  const reloadList = list.reload;
  const [description, setDescription] = useState('');
  const [deleting, setDeleting] = useState<string | null>(null);
  const { message } = App.useApp();
  const send = useCallback(
    async (item: QueueItem, update: (patch: Partial<QueueItem>) => void) => {
      await uploadAttachment(evaluationId, item.file, item.description.trim(), await csrfToken(), (fraction) => update({ progress: Math.round(fraction * 100) }));
      update({ status: 'done', progress: 100 });
    },
    [evaluationId],
  );
  const { queue, setQueue, add } = useFileQueue<QueueItem>(send, reloadList);

  const enqueue = (file: RcFile) => {
    const key = queueKey();
    const refused = precheck(file);
    add(refused ? { key, file, description, status: 'failed', progress: 0, message: refused } : { key, file, description, status: 'waiting', progress: 0 });
    return Upload.LIST_IGNORE;
  };

  const remove = async (attachment: Attachment) => {
    setDeleting(attachment.id);
    try {
      await api.delete(`/api/evaluations/${encodeURIComponent(evaluationId)}/attachments/${encodeURIComponent(attachment.id)}`);
      message.success(`已删除“${attachment.fileName}”`);
      reloadList();
    } catch {
      // shown by the API client
    } finally {
      setDeleting(null);
    }
  };

  const items = list.data?.items ?? [];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        上传自评工作的佐证材料，如盖章的绩效自评通知、绩效评价工作小组文件、单位自查情况清单。财政部门按考核评分表评分时查看。
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="说明（可选，用于接下来选择的文件）" htmlFor="attachment-description" style={{ marginBottom: 12 }}>
          <Input id="attachment-description" value={description} maxLength={DESCRIPTION_MAX} showCount placeholder="例如：2023年度部门整体支出绩效自评通知（盖章扫描件）" onChange={(e) => setDescription(e.target.value)} />
        </Form.Item>
      </Form>
      <Upload.Dragger multiple accept={ATTACHMENT_EXTENSIONS.join(',')} beforeUpload={enqueue} showUploadList={false} data-testid="attachment-dragger">
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">点击选择或拖入佐证材料（可多选）</p>
        <p className="ant-upload-hint">支持 PDF、JPG、PNG、Word、Excel、OFD、ZIP；单个文件大小上限由系统设置（默认 20 MB）；逐个上传，单个文件失败不影响其他文件</p>
      </Upload.Dragger>
      {queue.length > 0 && (
        <Card
          size="small"
          title={<h3 className="jx-card-title">上传进度</h3>}
          extra={
            <Button size="small" onClick={() => setQueue((q) => q.filter((i) => i.status === 'waiting' || i.status === 'sending'))}>
              清除记录
            </Button>
          }
        >
          <ol aria-label="上传进度" aria-live="polite" data-testid="attachment-progress" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {queue.map((item) => (
              <li key={item.key} data-status={item.status} style={{ borderBottom: '1px solid #f0f0f0', padding: '6px 0' }}>
                <QueueLine item={item} />
              </li>
            ))}
          </ol>
        </Card>
      )}
      {list.error ? (
        <Alert type="warning" showIcon title="无法加载佐证材料" description={list.error.message} />
      ) : (
        <div>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            已上传的佐证材料{list.data ? `（${items.length}）` : ''}
          </Typography.Title>
          <AttachmentList evaluationId={evaluationId} items={items} loading={list.loading && !list.data} onDelete={(a) => void remove(a)} deleting={deleting} />
        </div>
      )}
    </Space>
  );
}

function QueueLine({ item }: { readonly item: QueueItem }) {
  return (
    <div>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        <span style={{ wordBreak: 'break-all' }}>
          {item.file.name} <span className="jx-sub">{fileSize(item.file.size)}</span>
        </span>
        <QueueStatusTag status={item.status} sending="上传中" done="已上传" testId="attachment-status" />
      </div>
      {item.status === 'sending' && <Progress percent={item.progress} size="small" aria-label={`${item.file.name} 上传进度`} />}
      {item.message && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="attachment-error">
          {item.message}
        </Typography.Text>
      )}
    </div>
  );
}
