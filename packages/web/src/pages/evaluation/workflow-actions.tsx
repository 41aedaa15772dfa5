import { CheckCircleOutlined, GlobalOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { EvaluationDetail, WorkflowAction } from '../../api/types';

/**
 * The workflow buttons the user may press now: the server lists them per evaluation (its status and the
 * user's role on its unit), so a button is never shown that the server would refuse. Every step asks first.
 */
const STEP: Readonly<Record<Exclude<WorkflowAction, 'save'>, { label: string; done: string; icon: React.ReactNode }>> = {
  submit: { label: '提交', done: '已提交，等待财政部门审核', icon: <SendOutlined aria-hidden /> },
  return: { label: '退回修改', done: '已退回修改', icon: <RollbackOutlined aria-hidden /> },
  approve: { label: '审核通过', done: '已审核通过', icon: <CheckCircleOutlined aria-hidden /> },
  publish: { label: '公开', done: '已公开', icon: <GlobalOutlined aria-hidden /> },
};

export function WorkflowActions({ evaluation, onDone }: { readonly evaluation: EvaluationDetail; readonly onDone: () => void }) {
  const { modal, message } = App.useApp();
  const [busy, setBusy] = useState<WorkflowAction | null>(null);
  const [returning, setReturning] = useState(false);
  const base = `/api/evaluations/${encodeURIComponent(evaluation.id)}`;
  const name = evaluation.kind === 'project' ? `“${evaluation.projectName}”项目评价` : `“${evaluation.unit.name}”部门整体评价`;

  const run = async (action: WorkflowAction, send: () => Promise<unknown>) => {
    setBusy(action);
    try {
      await send();
      message.success(STEP[action as keyof typeof STEP].done);
      onDone();
    } finally {
      setBusy(null);
    }
  };

  const submitVersion = async () => {
    try {
      await api.post(`${base}/submit`, { body: { version: evaluation.version }, quiet: true });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status !== 422 || !hasErrorCount(error.details)) {
        message.error(error.message);
        throw error;
      }
      // Errors found: the head may still submit, knowingly (the server records who and which errors).
      const acknowledged = await modal.confirm({
        title: `审查发现 ${error.details.errorCount} 项错误`,
        content: <div className="jx-prewrap">{`${error.message}\n\n建议先退回填报人修改。确认已知悉这些错误、仍要提交吗？`}</div>,
        okText: '仍要提交',
        okButtonProps: { danger: true },
        cancelText: '不提交',
      });
      if (!acknowledged) throw error;
      await api.post(`${base}/submit`, { body: { version: evaluation.version, acknowledgeErrors: true } });
    }
  };

  // The dialog closes at once; the button shows the step running, and a second dialog may follow (errors).
  const submit = () =>
    modal.confirm({
      title: '提交评价',
      content: `将${name}（第 ${evaluation.version} 版）提交财政部门审核。提交后不能修改，除非被退回。`,
      okText: '提交',
      cancelText: '取消',
      onOk: () => void run('submit', submitVersion).catch(() => undefined),
    });

  const simple = (action: 'approve' | 'publish', title: string, content: string) =>
    modal.confirm({
      title,
      content,
      okText: STEP[action].label,
      cancelText: '取消',
      onOk: () => void run(action, () => api.post(`${base}/${action}`)).catch(() => undefined),
    });

  const available = evaluation.actions.filter((a): a is keyof typeof STEP => a !== 'save');
  if (available.length === 0) return null;
  return (
    <>
      <Space wrap>
        {available.map((action) => (
          <Button
            key={action}
            type={action === 'return' ? 'default' : 'primary'}
            danger={action === 'return'}
            icon={STEP[action].icon}
            loading={busy === action}
            onClick={() => {
              if (action === 'submit') submit();
              else if (action === 'return') setReturning(true);
              else if (action === 'approve') simple('approve', '审核通过', `确认${name}审核通过？通过后可以公开。`);
              else simple('publish', '公开评价', `公开后，${name}将出现在公开页面，任何人都可以查看和下载。确认公开？`);
            }}
          >
            {STEP[action].label}
          </Button>
        ))}
      </Space>
      <ReturnDialog
        open={returning}
        onCancel={() => setReturning(false)}
        onReturn={(body) =>
          run('return', () => api.post(`${base}/return`, { body: { comments: [{ body }] } })).then(() => setReturning(false))
        }
      />
    </>
  );
}

function hasErrorCount(details: unknown): details is { errorCount: number } {
  return typeof details === 'object' && details !== null && typeof (details as { errorCount?: unknown }).errorCount === 'number';
}

/** 退回修改 needs a reason the unit can act on. */
function ReturnDialog({ open, onCancel, onReturn }: { readonly open: boolean; readonly onCancel: () => void; readonly onReturn: (body: string) => Promise<void> }) {
  const [form] = Form.useForm<{ body: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      title="退回修改"
      open={open}
      okText="退回"
      okButtonProps={{ danger: true, loading: busy }}
      cancelText="取消"
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ body }) => {
          setBusy(true);
          try {
            await onReturn(body.trim());
            form.resetFields();
          } catch {
            // The message was shown by the API client; the dialog stays open with the text.
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item label="退回意见" name="body" rules={[{ required: true, whitespace: true, message: '请写明退回的原因和修改要求' }]} extra="意见会显示给填报人和单位负责人。">
          <Input.TextArea rows={5} maxLength={4000} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
