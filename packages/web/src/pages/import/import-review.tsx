import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client';
import type { Finding, Severity } from '../../api/types';
import { useApi } from '../../api/use-api';
import { FindingCounts, RateCell } from '../../components/evaluation-table';
import { money, score, differs } from '../../format';
import { SEVERITY_COLOR, SEVERITY_LABEL } from '../../labels';
import { hasRole, useUser } from '../../session/session';
import type { AcceptedImport, ImportDetail, ImportText, ImportedEvaluation } from './import-types';
import { RUBRIC_RULE } from '../review/review-flags';
import { OriginalText, findingLines } from './original-text';
import { SeverityFilter } from '../evaluation/findings-panel';
import type { SeverityFilterValue } from '../evaluation/findings-panel';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The evaluation a finding is about: the auditor names a project as 【项目名】; the rest concern the report as a whole. */
function findingScope(finding: Finding, evaluations: readonly ImportedEvaluation[]): string | null {
  const m = /^【([^】]+)】/.exec(finding.message);
  if (m && evaluations.some((e) => e.kind === 'project' && e.title === m[1])) return m[1] ?? null;
  return null;
}

/**
 * One import: what was read (the 部门整体 and 项目 evaluations with their figures), what was found, and the
 * report's own text beside them; choosing a finding scrolls the text to the passage it quotes and marks it.
 */
export function ImportReview({ importId }: { readonly importId: string }) {
  const detail = useApi<ImportDetail>(`/api/imports/${encodeURIComponent(importId)}`);
  const text = useApi<ImportText>(`/api/imports/${encodeURIComponent(importId)}/text`);
  const [selected, setSelected] = useState<number | null>(null);
  // Counts the choices, so that choosing the same finding again scrolls to it again (the layout may have moved).
  const [choices, setChoices] = useState(0);
  const [filter, setFilter] = useState<SeverityFilterValue>('all');
  const data = detail.data;

  const findings = useMemo(() => [...(data?.findings ?? [])].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]), [data]);
  if (detail.error) return <Alert type="error" showIcon title="无法加载导入结果" description={detail.error.message} />;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const shown = findings.map((f, i) => ({ f, i })).filter(({ f }) => filter === 'all' || f.severity === filter);
  const current = selected === null ? undefined : findings[selected];
  const currentScope = current ? (findingScope(current, data.evaluations) ?? data.evaluations.find((e) => e.kind === 'department')?.title) : undefined;
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const rubric = findings.filter((f) => f.rule === RUBRIC_RULE);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="import-review">
      <Card size="small" title={<h2 className="jx-card-title">{data.file}</h2>} extra={data.ok && <AcceptButton importId={data.importId} year={data.year} />}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="上传到">
            {data.unit.name} · {data.year} 年度
          </Descriptions.Item>
          <Descriptions.Item label="报告所写">
            {data.reported.unit ?? '—'}
            {data.reported.year ? ` · ${data.reported.year} 年度` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="审查发现">
            <FindingCounts errors={count('error')} warnings={count('warning')} />
          </Descriptions.Item>
          <Descriptions.Item label="包含" span="filled">
            {data.parts.map((p) => p.title ?? PART_LABEL[p.kind] ?? p.kind).join('、') || '—'}
          </Descriptions.Item>
        </Descriptions>
        {!data.ok && <Alert type="error" showIcon style={{ marginTop: 8 }} title="文件未能导入" description={data.error ?? '原因见审查发现'} />}
      </Card>

      {data.evaluations.length > 0 && (
        <Card size="small" title={<h2 className="jx-card-title">读取到的评价（{data.evaluations.length}）</h2>}>
          <EvaluationsTable evaluations={data.evaluations} highlighted={currentScope} />
        </Card>
      )}

      {rubric.length > 0 && (
        <Card size="small" title={<h2 className="jx-card-title">自评工作考核（自动评分）</h2>} data-testid="import-rubric">
          <ul style={{ margin: 0, paddingInlineStart: 20, lineHeight: 1.7 }}>
            {rubric.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        </Card>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} style={{ minWidth: 0 }}>
          <Card
            size="small"
            title={<h2 className="jx-card-title">审查发现（{findings.length}）</h2>}
            styles={{ body: { padding: 0 } }}
          >
            <div style={{ padding: '8px 12px', borderBottom: '1px solid #f0f0f0', overflowX: 'auto' }}>
              <SeverityFilter findings={findings} value={filter} onChange={setFilter} />
            </div>
            {shown.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有审查发现" style={{ padding: 16 }} />
            ) : (
              <ol aria-label="审查发现列表" data-testid="import-findings" style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: '70vh', overflowY: 'auto' }}>
                {shown.map(({ f, i }) => (
                  <li key={i} style={{ borderBottom: '1px solid #f0f0f0' }}>
                    <button
                      type="button"
                      id={`import-finding-${i}`}
                      className={`jx-finding${selected === i ? ' jx-highlight' : ''}`}
                      aria-pressed={selected === i}
                      onClick={() => {
                        setSelected(i);
                        setChoices((n) => n + 1);
                      }}
                      style={{ display: 'block', width: '100%', textAlign: 'start', padding: '8px 12px', background: 'none', border: 0, cursor: 'pointer', font: 'inherit', color: 'inherit' }}
                    >
                      <Tag color={SEVERITY_COLOR[f.severity]}>{SEVERITY_LABEL[f.severity]}</Tag>
                      <Typography.Text code style={{ fontSize: 12 }}>
                        {f.rule}
                      </Typography.Text>
                      <div style={{ marginTop: 4, lineHeight: 1.6 }}>{f.message}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {locationLabel(f)}
                      </Typography.Text>
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </Col>
        <Col xs={24} md={14} style={{ minWidth: 0 }}>
          <Card size="small" title={<h2 className="jx-card-title">报告原文</h2>} styles={{ body: { padding: 0 } }}>
            {text.error ? (
              <Alert type="warning" showIcon title="无法显示原文" description={text.error.message} style={{ margin: 12 }} />
            ) : !text.data ? (
              <Skeleton active paragraph={{ rows: 8 }} style={{ padding: 12 }} />
            ) : (
              <OriginalText
                lines={text.data.lines}
                findings={findings}
                selected={current}
                choice={choices}
                onSelectLine={(line) => {
                  const index = findings.findIndex((f) => findingLines([line], f).length > 0);
                  if (index >= 0) {
                    setFilter('all');
                    setSelected(index);
                    document.getElementById(`import-finding-${index}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
                  }
                }}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

const PART_LABEL: Readonly<Record<string, string>> = { report: '自评报告', basicData: '基础数据表', departmentTable: '部门整体支出绩效自评表', projectTable: '项目支出绩效自评表' };

function locationLabel(f: Finding): string {
  const at = f.location;
  if (!at || at.block === undefined) return f.quote ? `原文：“${f.quote}”` : '未标明原文位置（涉及整份报告）';
  const parts = [at.page !== undefined ? `第 ${at.page} 页` : undefined, `第 ${at.block + 1} 段`, at.row !== undefined ? `表格第 ${at.row + 1} 行` : undefined];
  return `原文位置：${parts.filter(Boolean).join('，')}`;
}

function EvaluationsTable({ evaluations, highlighted }: { readonly evaluations: readonly ImportedEvaluation[]; readonly highlighted: string | undefined }) {
  const columns: TableColumnsType<ImportedEvaluation> = [
    { title: '评价', key: 'title', width: 150, render: (_: unknown, e) => (<><Tag color={e.kind === 'department' ? 'blue' : 'default'}>{e.kind === 'department' ? '部门整体' : '项目'}</Tag>{e.title}</>) },
    { title: '预算数（万元）', key: 'budget', align: 'right', width: 100, render: (_: unknown, e) => <span className="jx-num">{money(e.figures.budget)}</span> },
    { title: '执行数（万元）', key: 'executed', align: 'right', width: 100, render: (_: unknown, e) => <span className="jx-num">{money(e.figures.executed)}</span> },
    { title: '执行率', key: 'rate', align: 'right', width: 90, render: (_: unknown, e) => <RateCell figures={e.figures} /> },
    {
      title: '得分（自评 / 计算）',
      key: 'score',
      align: 'right',
      width: 100,
      render: (_: unknown, e) => (
        <span className="jx-num">
          {score(e.figures.statedScore)} / <span className={differs(e.figures.statedScore, e.figures.computedScore) ? 'jx-differs' : undefined}>{score(e.figures.computedScore)}</span>
        </span>
      ),
    },
    { title: '问题', key: 'findings', width: 90, render: (_: unknown, e) => <FindingCounts errors={e.figures.errorCount} warnings={e.figures.warningCount} /> },
  ];
  return (
    <Table<ImportedEvaluation>
      size="small"
      rowKey={(e) => `${e.kind}:${e.title}`}
      columns={columns}
      dataSource={[...evaluations]}
      pagination={false}
      scroll={{ x: 630 }}
      rowClassName={(e) => (e.title === highlighted ? 'jx-highlight' : '')}
      data-testid="import-evaluations"
    />
  );
}

function AcceptButton({ importId, year }: { readonly importId: string; readonly year: number }) {
  const user = useUser();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<AcceptedImport | null>(null);
  // Only a unit's 填报人 may accept (edit permission); reviewers import to audit, not to write drafts.
  if (!hasRole(user, 'filler')) return null;
  const department = done?.evaluations.find((e) => e.kind === 'department');
  return (
    <Space direction="vertical" size={4} style={{ alignItems: 'flex-end' }}>
      <Button
        type="primary"
        icon={<CheckOutlined aria-hidden />}
        loading={busy}
        onClick={async () => {
          setBusy(true);
          setRefusal(null);
          try {
            const accepted = await api.post<AcceptedImport>(`/api/imports/${encodeURIComponent(importId)}/accept`, { body: { year }, quiet: true });
            setDone(accepted);
            message.success(`已采用为 ${accepted.year} 年度草稿（${accepted.evaluations.length} 个评价）`);
          } catch (error) {
            setRefusal(error instanceof ApiError ? error.message : String(error));
          } finally {
            setBusy(false);
          }
        }}
      >
        采用为草稿
      </Button>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ maxWidth: 420 }} />}
      {department && <Link to={`/evaluations/${encodeURIComponent(department.id)}`}>查看采用后的部门整体评价</Link>}
    </Space>
  );
}
