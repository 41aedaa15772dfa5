import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Grid, Result, Row, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import type { EvaluationContent, EvaluationDetail, Finding } from '../../api/types';
import { useApi } from '../../api/use-api';
import { StatusTag, evaluationName } from '../../components/evaluation-table';
import { PageHeader } from '../../components/page-header';
import { percent, score as fmtScore } from '../../format';
import { usePageTitle } from '../../use-page-title';
import { scrollToField } from '../evaluation/field-paths';
import { FindingsPanel } from '../evaluation/findings-panel';
import { HighlightContext } from '../evaluation/highlight';
import { BasicDataEditor } from './basic-data-editor';
import { BasicInfoEditor } from './basic-info-editor';
import { ConflictDialog, isSaveConflict } from './conflict-dialog';
import type { SaveConflict } from './conflict-dialog';
import { FundsEditor } from './funds-editor';
import { IndicatorEditor } from './indicator-editor';
import { applyChanges, changedPaths, sameJson, setAt } from './json-path';
import type { Json, JsonObject } from './json-path';
import { SectionsEditor } from './sections-editor';
import { AttachmentsTab } from './attachments-tab';
import { useLiveCheck } from './use-live-check';

/**
 * 自评填报: the evaluation's content in tabs (基本情况, 资金情况, 绩效指标, 基础数据表, 问题与改进措施; and 附件, the
 * 佐证材料 uploaded beside it), scored and audited by the server as the user types, with the findings beside it
 * leading to their fields. Saving appends a version on top of the one the editor started from; when someone
 * saved in between, the user sees what they changed and decides (nothing is overwritten or dropped without
 * the user choosing it).
 * Submission and exports stay on the detail page.
 */
interface Doc {
  /** The saved version the edits are based on (what a save names as baseVersion). */
  readonly base: JsonObject;
  readonly baseVersion: number;
  readonly content: JsonObject;
}

type TabKey = 'basic' | 'funds' | 'indicators' | 'basicData' | 'sections' | 'attachments';

function tabOf(path: string): TabKey {
  if (path.startsWith('indicators')) return 'indicators';
  if (path.startsWith('funds')) return 'funds';
  if (path.startsWith('sections')) return 'sections';
  if (path.startsWith('basicData')) return 'basicData';
  return 'basic';
}

/** Findings name the typed reading (`actual`); the editor's cell holds the text (`actualText`), and vice versa. */
function cellPath(path: string): string {
  return path.replace(/\.(target|actual)Text\b/, '.$1');
}

const asArray = (v: Json | undefined) => (Array.isArray(v) ? (v.filter((x) => x !== null && typeof x === 'object' && !Array.isArray(x)) as JsonObject[]) : []);

export function EditorPage() {
  const { id = '' } = useParams();
  const detail = useApi<EvaluationDetail>(`/api/evaluations/${encodeURIComponent(id)}`);
  const evaluation = detail.data;
  const [doc, setDoc] = useState<Doc | null>(null);
  const [tab, setTab] = useState<TabKey>('indicators');
  const [target, setTarget] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  usePageTitle(evaluation ? `填报 · ${evaluation.unit.name} · ${evaluationName(evaluation)}` : '自评填报');

  useEffect(() => {
    if (evaluation && !doc) {
      const content = evaluation.content as unknown as JsonObject;
      setDoc({ base: content, baseVersion: evaluation.version, content });
    }
  }, [evaluation, doc]);

  const check = useLiveCheck(id, doc?.content);
  const dirty = doc !== null && !sameJson(doc.base, doc.content);
  useLeaveGuard(dirty);

  const update = useCallback((path: string, value: Json | undefined) => setDoc((d) => d && { ...d, content: setAt(d.content, path, value) }), []);

  const findings = useMemo(() => formatIssues(check.error) ?? check.data?.findings ?? [], [check.error, check.data]);

  const focusPath = useCallback(
    (path: string) => {
      setTab(tabOf(path));
      // After the render that shows the tab, so that its field exists to scroll to.
      window.setTimeout(() => {
        const found = scrollToField(cellPath(path), { intoInput: true });
        if (found) setTarget(found);
        else message.info('此发现涉及的内容不在填报表中');
      }, 60);
    },
    [message],
  );

  const save = async (content: JsonObject, baseVersion: number) => {
    setSaving(true);
    try {
      const saved = await api.put<EvaluationDetail>(`/api/evaluations/${encodeURIComponent(id)}`, { body: { baseVersion, content }, quiet: true });
      const stored = saved.content as unknown as JsonObject;
      // Edits typed while the save was on its way stay on the page, now based on the saved version.
      setDoc((d) => ({ base: stored, baseVersion: saved.version, content: d && !sameJson(d.content, content) ? d.content : stored }));
      setConflict(null);
      message.success(`已保存为第 ${saved.version} 版`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT' && isSaveConflict(error.details)) setConflict(error.details);
      else if (error instanceof ApiError) message.error(error.message);
      else throw error;
    } finally {
      setSaving(false);
    }
  };

  const keepMine = () => {
    if (!doc || !conflict) return;
    const merged = applyChanges(conflict.current, doc.base, doc.content);
    setDoc({ base: conflict.current, baseVersion: conflict.currentVersion, content: merged });
    void save(merged, conflict.currentVersion);
  };

  const takeTheirs = () => {
    if (!doc || !conflict) return;
    const lost = changedPaths(doc.base, doc.content).length;
    modal.confirm({
      title: `放弃您的 ${lost} 处修改？`,
      content: `将载入第 ${conflict.currentVersion} 版（对方保存的版本），本页尚未保存的修改会丢失。`,
      okText: '放弃我的修改',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: () => {
        setDoc({ base: conflict.current, baseVersion: conflict.currentVersion, content: conflict.current });
        setConflict(null);
        message.info(`已载入第 ${conflict.currentVersion} 版`);
      },
    });
  };

  if (detail.error && !evaluation) {
    return <Result status={detail.error.status === 404 ? '404' : 'error'} title={detail.error.status === 404 ? '未找到评价' : '无法加载评价'} subTitle={detail.error.message} extra={<Link to="/evaluations">返回评价列表</Link>} />;
  }
  if (!evaluation || !doc) return <Skeleton active paragraph={{ rows: 12 }} />;

  const back = `/evaluations/${encodeURIComponent(evaluation.id)}`;
  if (!evaluation.actions.includes('save') && !dirty) {
    return (
      <Result
        status="info"
        title="此评价当前不能修改"
        subTitle={`状态为“${evaluation.statusLabel}”，或您没有此单位的填报权限。只有草稿和退回修改的评价可以由填报人修改。`}
        extra={<Link to={back}>返回评价详情</Link>}
      />
    );
  }

  const content = doc.content;
  const score = check.data?.score;
  const basicData = content.basicData;
  // Beside the form only where the indicator table still has room (as on the detail page); above it on
  // narrower screens, kept short, so that the findings stay in view while typing.
  const wide = Boolean(screens.xl);
  const tabs = [
    { key: 'basic', label: '基本情况', children: <BasicInfoEditor evaluation={evaluation} content={content} onChange={update} /> },
    { key: 'funds', label: '资金情况', children: <FundsEditor rows={asArray((content.funds as JsonObject | undefined)?.rows)} check={check.data} onChange={update} /> },
    { key: 'indicators', label: '绩效指标', children: <IndicatorEditor indicators={asArray(content.indicators)} score={score} onChange={update} /> },
    // 部门整体 only (a project's table would be one of its department's); a project that came with one keeps it editable.
    ...(evaluation.kind === 'department' || basicData !== undefined
      ? [{ key: 'basicData', label: '基础数据表', children: <BasicDataEditor basicData={basicData && typeof basicData === 'object' && !Array.isArray(basicData) ? basicData : undefined} year={evaluation.year} findings={findings} onChange={update} onSelect={focusPath} /> }]
      : []),
    { key: 'sections', label: '问题与改进措施', children: <SectionsEditor sections={asArray(content.sections)} onChange={update} /> },
    { key: 'attachments', label: '附件', children: <AttachmentsTab evaluationId={evaluation.id} /> },
  ];

  return (
    <HighlightContext value={target}>
      <PageHeader
        title="自评填报"
        subtitle={`${evaluation.unit.name} · ${evaluationName(evaluation)}`}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(back)}>
              返回详情（提交、导出）
            </Button>
            <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={saving} disabled={!dirty} onClick={() => void save(doc.content, doc.baseVersion)}>
              保存
            </Button>
          </Space>
        }
      >
        <Space size={4} wrap style={{ marginTop: 6 }}>
          <StatusTag status={evaluation.status} label={evaluation.statusLabel} />
          <Tag>{evaluation.year} 年度</Tag>
          <Tag>基于第 {doc.baseVersion} 版</Tag>
          {dirty ? <Tag color="orange">有未保存的修改</Tag> : <Tag color="green">已保存</Tag>}
        </Space>
      </PageHeader>

      <Card size="small" style={{ marginBottom: 16 }} data-path="stated">
        <Space size={24} wrap aria-live="polite">
          <span>
            计算总分{' '}
            <strong className="jx-num" data-testid="total-score" style={{ fontSize: 20 }}>
              {fmtScore(score?.total)}
            </strong>
          </span>
          <span>
            等级 <strong data-testid="total-grade">{score?.grade ?? '—'}</strong>
          </span>
          <span>
            执行率（按金额） <strong className="jx-num">{percent(check.data?.figures.executionRate)}</strong>
          </span>
          <span>
            自评总分 <span className="jx-num">{fmtScore(typeof content.stated === 'object' && content.stated && !Array.isArray(content.stated) ? (content.stated.total as string | undefined) : undefined)}</span>
          </span>
          <Typography.Text type="secondary" data-testid="check-state">
            {check.checking ? '正在计算…' : check.error ? '无法计算' : '已按当前内容计算'}
          </Typography.Text>
        </Space>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} xl={{ span: 16, order: 1 }} style={{ minWidth: 0 }}>
          {check.error && <Alert style={{ marginBottom: 12 }} type="warning" showIcon title="当前内容无法计分" description={check.error.message} />}
          <Card size="small">
            <Tabs activeKey={tab} onChange={(key) => setTab(key as TabKey)} items={tabs} />
          </Card>
        </Col>
        <Col xs={{ span: 24, order: 1 }} xl={{ span: 8, order: 2 }}>
          <div style={wide ? { position: 'sticky', top: 16 } : undefined}>
            <FindingsPanel
              findings={findings}
              content={content as unknown as EvaluationContent}
              onSelect={focusPath}
              style={{ maxHeight: wide ? 'calc(100vh - 120px)' : 240, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}
            />
          </div>
        </Col>
      </Row>

      <ConflictDialog conflict={conflict} base={doc.base} mine={doc.content} busy={saving} onTakeTheirs={takeTheirs} onKeepMine={keepMine} onClose={() => setConflict(null)} />
    </HighlightContext>
  );
}

/** Content the format refuses (422) comes back as issues with field paths: shown as findings, to jump to. */
function formatIssues(error: ApiError | undefined): Finding[] | undefined {
  const details = error?.details as { issues?: unknown } | undefined;
  if (!error || !Array.isArray(details?.issues)) return undefined;
  return (details.issues as { path?: unknown; message?: unknown }[]).map((issue) => ({
    rule: 'format.invalid',
    severity: 'error',
    message: `${String(issue.message ?? '')}`,
    location: typeof issue.path === 'string' ? { path: issue.path } : null,
  }));
}

/** Unsaved edits survive neither a closed tab nor a click elsewhere in the app without the user agreeing. */
function useLeaveGuard(dirty: boolean): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  // The blocker object is new on every render; the question is asked once per blocked navigation.
  const latest = useRef(blocker);
  latest.current = blocker;

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const blocked = latest.current;
    const dialog = modal.confirm({
      title: '有未保存的修改',
      content: '离开本页，您尚未保存的修改将会丢失。确定离开吗？',
      okText: '离开',
      okButtonProps: { danger: true },
      cancelText: '留在本页',
      onOk: () => blocked.proceed?.(),
      onCancel: () => blocked.reset?.(),
    });
    // An effect run twice (React's development check) must not stack two questions.
    return () => dialog.destroy();
  }, [blocker.state, modal]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when a value is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
