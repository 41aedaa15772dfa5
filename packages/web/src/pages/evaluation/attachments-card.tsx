import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Attachment } from '../../api/types';
import { useApi } from '../../api/use-api';
import { chineseDate } from '../../format';

/**
 * 佐证材料 of an evaluation: each file a download link (the server sends it as an attachment, so a plain
 * link downloads it with its own name), its size, who uploaded it when, and what it is. Read-only here; the
 * editor's 附件 tab passes `onDelete` for the 填报人.
 */
export interface AttachmentListProps {
  readonly evaluationId: string;
  readonly items: readonly Attachment[];
  readonly loading?: boolean;
  readonly onDelete?: (attachment: Attachment) => void;
  /** The attachment whose deletion is on its way. */
  readonly deleting?: string | null;
}

export function attachmentUrl(evaluationId: string, attachmentId: string): string {
  return `/api/evaluations/${encodeURIComponent(evaluationId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** 1536 → "1.5 KB" (display only: a size is never summed or compared from this). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** An ISO timestamp in the reader's time zone: "2026年6月20日 14:05". */
export function dateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${chineseDate(`${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`)} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

export function AttachmentList({ evaluationId, items, loading, onDelete, deleting }: AttachmentListProps) {
  const columns: TableColumnsType<Attachment> = [
    {
      title: '文件',
      key: 'file',
      width: 220,
      render: (_: unknown, a) => (
        <a href={attachmentUrl(evaluationId, a.id)} download={a.fileName} style={{ wordBreak: 'break-all' }} data-testid="attachment-link">
          <PaperClipOutlined aria-hidden style={{ marginInlineEnd: 4 }} />
          {a.fileName}
        </a>
      ),
    },
    { title: '大小', key: 'size', width: 90, align: 'right', render: (_: unknown, a) => <span className="jx-num">{fileSize(a.size)}</span> },
    { title: '说明', key: 'description', width: 200, render: (_: unknown, a) => (a.description ? <span className="jx-prewrap">{a.description}</span> : <Typography.Text type="secondary">—</Typography.Text>) },
    {
      title: '上传',
      key: 'uploaded',
      width: 170,
      render: (_: unknown, a) => (
        <>
          {a.uploadedBy.displayName}
          <div className="jx-sub">{dateTime(a.uploadedAt)}</div>
        </>
      ),
    },
  ];
  if (onDelete) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_: unknown, a) => (
        <Popconfirm title={`删除“${a.fileName}”？`} description="删除后不能恢复，需要时可重新上传。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => onDelete(a)}>
          <Button size="small" danger icon={<DeleteOutlined aria-hidden />} loading={deleting === a.id} aria-label={`删除 ${a.fileName}`}>
            删除
          </Button>
        </Popconfirm>
      ),
    });
  }
  return (
    <Table<Attachment>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...items]}
      loading={loading}
      pagination={false}
      scroll={{ x: onDelete ? 770 : 680 }}
      locale={{ emptyText: '尚无佐证材料' }}
      data-testid="attachment-list"
    />
  );
}

/** The read-only card of the detail and review pages; `editable`: the user may upload in the editor. */
export function AttachmentsCard({ evaluationId, editable = false }: { readonly evaluationId: string; readonly editable?: boolean }) {
  const list = useApi<{ items: readonly Attachment[] }>(`/api/evaluations/${encodeURIComponent(evaluationId)}/attachments`);
  const items = list.data?.items ?? [];
  return (
    <Card title={<h2 className="jx-card-title">佐证材料{list.data ? `（${items.length}）` : ''}</h2>} size="small" data-testid="attachments-card" extra={editable && <Typography.Text type="secondary">在“编辑”页的“附件”中上传或删除</Typography.Text>}>
      {list.error ? <Alert type="warning" showIcon title="无法加载佐证材料" description={list.error.message} /> : <AttachmentList evaluationId={evaluationId} items={items} loading={list.loading} />}
    </Card>
  );
}
