import { DeleteOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, List, Select, Space, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { api } from '../../api/client';
import type { EvaluationDetail } from '../../api/types';
import { describePath } from '../evaluation/field-paths';

interface DraftComment {
  readonly key: number;
  /** null: a general comment on the whole evaluation. */
  readonly fieldPath: string | null;
  readonly body: string;
}

const GENERAL = '';

/**
 * 退回意见, written one by one before returning: each names the field it is about (picked by clicking the
 * table, or chosen here for keyboard users) or none. 退回修改 sends them all with the return, in order.
 */
export function ReturnPanel({
  evaluation,
  picked,
  onPickedChange,
  onReturned,
}: {
  readonly evaluation: EvaluationDetail;
  readonly picked: string | null;
  readonly onPickedChange: (path: string | null) => void;
  readonly onReturned: () => void;
}) {
  const { modal, message } = App.useApp();
  const [drafts, setDrafts] = useState<readonly DraftComment[]>([]);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const textArea = useRef<TextAreaRef>(null);
  const nextKey = useRef(1);
  const ids = useId();
  const content = evaluation.content;

  const fieldOptions = [
    { value: GENERAL, label: '整体意见（不针对具体字段）' },
    ...(content.funds?.rows ?? []).map((_, i) => ({ value: `funds.rows[${i}]`, label: describePath(`funds.rows[${i}]`, content) })),
    ...(content.indicators ?? []).map((_, i) => ({ value: `indicators[${i}]`, label: describePath(`indicators[${i}]`, content) })),
  ];
  // A cell picked in the table is more specific than the rows listed here.
  if (picked && !fieldOptions.some((o) => o.value === picked)) fieldOptions.splice(1, 0, { value: picked, label: describePath(picked, content) });

  const add = () => {
    const text = body.trim();
    if (!text) {
      setInvalid(true);
      textArea.current?.focus();
      return false;
    }
    setDrafts((d) => [...d, { key: nextKey.current++, fieldPath: picked, body: text }]);
    setBody('');
    setInvalid(false);
    onPickedChange(null);
    return true;
  };

  const send = async (comments: readonly DraftComment[]) => {
    setBusy(true);
    try {
      await api.post(`/api/evaluations/${encodeURIComponent(evaluation.id)}/return`, {
        body: { comments: comments.map((c) => (c.fieldPath ? { fieldPath: c.fieldPath, body: c.body } : { body: c.body })) },
      });
      message.success('已退回修改');
      setDrafts([]);
      onReturned();
    } catch {
      // shown by the API client; the comments stay for another try
    } finally {
      setBusy(false);
    }
  };

  const returnNow = () => {
    // Text still in the box is a comment too: the reviewer would not expect it to be dropped.
    const pending = body.trim() ? [...drafts, { key: nextKey.current++, fieldPath: picked, body: body.trim() }] : drafts;
    if (pending.length === 0) {
      setInvalid(true);
      textArea.current?.focus();
      message.warning('退回须附至少一条意见');
      return;
    }
    modal.confirm({
      title: '退回修改',
      content: `将带 ${pending.length} 条意见退回单位修改。`,
      okText: '退回',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        setBody('');
        await send(pending);
      },
    });
  };

  return (
    <Card title={<h2 className="jx-card-title">退回意见</h2>} size="small" data-testid="return-panel">
      <Form layout="vertical" onFinish={add}>
        <Form.Item label="针对" htmlFor={`${ids}-field`} style={{ marginBottom: 8 }}>
          <Select id={`${ids}-field`} showSearch optionFilterProp="label" value={picked ?? GENERAL} onChange={(v: string) => onPickedChange(v === GENERAL ? null : v)} options={fieldOptions} />
        </Form.Item>
        <Form.Item label="意见" htmlFor={`${ids}-body`} validateStatus={invalid ? 'error' : undefined} help={invalid ? '请写明问题和修改要求' : undefined} style={{ marginBottom: 8 }}>
          <Input.TextArea
            id={`${ids}-body`}
            data-comment-body
            ref={textArea}
            rows={3}
            maxLength={4000}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              if (invalid && e.target.value.trim()) setInvalid(false);
            }}
          />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined aria-hidden />}>
          添加意见
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        {drafts.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未添加意见" style={{ margin: 0 }} />
        ) : (
          <List
            size="small"
            aria-label="待发送的退回意见"
            dataSource={[...drafts]}
            renderItem={(d) => (
              <List.Item
                actions={[<Button key="remove" type="text" size="small" icon={<DeleteOutlined aria-hidden />} aria-label="删除此条意见" onClick={() => setDrafts((all) => all.filter((x) => x.key !== d.key))} />]}
              >
                <div style={{ minWidth: 0 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {d.fieldPath ? describePath(d.fieldPath, content) : '整体意见'}
                  </Typography.Text>
                  <div className="jx-prewrap">{d.body}</div>
                </div>
              </List.Item>
            )}
          />
        )}
      </div>
      <Space style={{ marginTop: 12 }}>
        <Button danger type="primary" icon={<RollbackOutlined aria-hidden />} loading={busy} onClick={returnNow}>
          退回修改{drafts.length > 0 ? `（${drafts.length} 条意见）` : ''}
        </Button>
      </Space>
    </Card>
  );
}
