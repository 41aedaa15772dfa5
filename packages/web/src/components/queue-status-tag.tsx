import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { QueueStatus } from './use-file-queue';

const LOOK: Readonly<Record<QueueStatus, { readonly color: string; readonly icon: ReactNode }>> = {
  waiting: { color: 'default', icon: <ClockCircleOutlined aria-hidden /> },
  sending: { color: 'processing', icon: <LoadingOutlined aria-hidden /> },
  done: { color: 'success', icon: <CheckCircleFilled aria-hidden /> },
  failed: { color: 'error', icon: <CloseCircleFilled aria-hidden /> },
};

/**
 * A queued file's state as a tag. The queue's user names the two states that say what the queue does
 * (上传中 / 已上传 for 附件, 导入中 / 已完成 for reports); waiting and failing read the same everywhere.
 */
export function QueueStatusTag({ status, sending, done, testId }: { readonly status: QueueStatus; readonly sending: string; readonly done: string; readonly testId: string }) {
  const label = { waiting: '等待中', sending, done, failed: '失败' }[status];
  return (
    <Tag color={LOOK[status].color} icon={LOOK[status].icon} style={{ marginInlineEnd: 0, flex: 'none' }} data-testid={testId}>
      {label}
    </Tag>
  );
}
