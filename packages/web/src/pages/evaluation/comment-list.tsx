import { Button, Card, List, Space, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import type { Comment, EvaluationContent } from '../../api/types';
import { chineseDate } from '../../format';
import { describePath } from './field-paths';

/**
 * 审核意见 and 监督批注 of an evaluation, newest as the API lists them: who, when, on which version, and the field
 * each names as a link that shows it (`onSelect`). Nothing when there are none.
 */
export function CommentList({
  title,
  comments,
  content,
  onSelect,
  style,
}: {
  readonly title: string;
  readonly comments: readonly Comment[];
  readonly content: EvaluationContent;
  readonly onSelect: (path: string) => void;
  readonly style?: CSSProperties;
}) {
  if (comments.length === 0) return null;
  return (
    <Card title={<h2 className="jx-card-title">{title}（{comments.length}）</h2>} size="small" style={style}>
      <List
        size="small"
        dataSource={[...comments]}
        renderItem={(comment) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space size={8} wrap>
                  <Tag color={comment.kind === 'review' ? 'orange' : 'purple'}>{comment.kindLabel}</Tag>
                  <span>{comment.author.displayName}</span>
                  <Typography.Text type="secondary">
                    {chineseDate(comment.createdAt)} · 针对第 {comment.version} 版
                  </Typography.Text>
                  {comment.fieldPath && (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onSelect(comment.fieldPath as string)}>
                      {describePath(comment.fieldPath, content)}
                    </Button>
                  )}
                </Space>
              }
              description={<span className="jx-prewrap" style={{ color: 'rgba(0,0,0,0.88)' }}>{comment.body}</span>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
