import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, InputNumber, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { dec, roundHalfAwayFromZero } from '@jixiao/core';
import { useState } from 'react';
import { api } from '../../api/client';
import type { EvaluationDetail, EvaluationStatus, WorkGrade, WorkGradeLine } from '../../api/types';
import { useApi } from '../../api/use-api';
import { score as fmtScore } from '../../format';
import { hasRole, useUser } from '../../session/session';
import { dateTime } from '../evaluation/attachments-card';
import { gradeTotal, tenths, fromTenths } from './work-grade-total';

/**
 * 自评工作考核评分: the finance bureau grades the unit's self-evaluation work line by line on the 考核评分表
 * (布置工作, 实施评价, 自评报告), seeing beside each line its standard, what the auditor scored from the report
 * and what the dates suggest. Only a 财政审核 grades, and only a submitted evaluation (已提交, 已审核, 已公开);
 * everyone else who may read the evaluation sees the grade.
 */
const GRADABLE: ReadonlySet<EvaluationStatus> = new Set(['submitted', 'approved', 'published']);

interface LineDraft {
  readonly score: string | null;
  readonly note: string;
}

type Drafts = Readonly<Record<string, LineDraft>>;

const NOTE_MAX = 500;

/** A stored score as typed: "8.0" (a numeric column's form) as "8"; two places (an automatic score) to one. */
function asTyped(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = tenths(value);
  return t === undefined ? roundHalfAwayFromZero(dec(value), 1).toString() : fromTenths(t);
}

/** The grade first, else what the dates suggest, else the auditor's score. */
function initialDrafts(grade: WorkGrade): Drafts {
  const drafts: Record<string, LineDraft> = {};
  for (const line of grade.lines) drafts[line.id] = { score: asTyped(line.grade?.score ?? line.suggested?.score ?? line.automatic.score), note: line.grade?.note ?? '' };
  return drafts;
}

/** A reason clipped to two lines, opened in place (the automatic reasons run to a paragraph). */
function Reason({ text }: { readonly text: string }) {
  return (
    <Typography.Paragraph className="jx-sub" style={{ marginBottom: 0 }} ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (expanded: boolean) => (expanded ? '收起' : '展开') }}>
      {text}
    </Typography.Paragraph>
  );
}

/** Why the line's grade cannot be saved, or undefined. */
function lineProblem(line: WorkGradeLine, draft: LineDraft | undefined): string | undefined {
  const value = draft?.score?.trim() ?? '';
  if (value === '') return '未评分';
  if (value.startsWith('-')) return '不能小于 0';
  if (tenths(value) === undefined) return '应为最多一位小数的数';
  if (dec(value).gt(dec(line.points))) return `不能超过 ${line.points} 分`;
  return undefined;
}

export function WorkGradeCard({ evaluation }: { readonly evaluation: EvaluationDetail }) {
  const user = useUser();
  const resource = useApi<WorkGrade>(`/api/evaluations/${encodeURIComponent(evaluation.id)}/work-grade`);
  const [saved, setSaved] = useState<WorkGrade | null>(null);
  const grade = saved ?? resource.data;
  const reviewer = hasRole(user, 'finance_reviewer');
  const gradable = GRADABLE.has(evaluation.status);
  const title = <h2 className="jx-card-title">自评工作考核评分</h2>;

  if (resource.error) {
    return (
      <Card title={title} size="small" data-testid="work-grade">
        <Alert type="warning" showIcon title="无法加载考核评分" description={resource.error.message} />
      </Card>
    );
  }
  if (!grade) {
    return (
      <Card title={title} size="small" data-testid="work-grade">
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  }
  if (!grade.rubric) {
    return (
      <Card title={title} size="small" data-testid="work-grade">
        <Typography.Text type="secondary">{evaluation.kind === 'project' ? '考核评分表只适用于部门整体支出绩效自评，项目评价不单独评分。' : '本地区未设自评工作考核评分表，无需评分。'}</Typography.Text>
      </Card>
    );
  }

  const note = !reviewer ? '评分由财政部门审核人员填写，此处只读。' : !gradable ? '评价提交后才能评分。' : undefined;
  return (
    <Card title={title} size="small" data-testid="work-grade">
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          依据{grade.rubric.name}（{grade.rubric.source}）。“自动评分”按报告本身评定，“建议”按提交时间等记录评定，均供参考；评分以财政部门填写的为准。
        </Typography.Text>
        <GradedBy grade={grade} version={evaluation.version} />
        {note && <Alert type="info" showIcon title={note} />}
        <WorkGradeForm key={grade.gradedAt ?? 'ungraded'} evaluationId={evaluation.id} grade={grade} editable={reviewer && gradable} onSaved={setSaved} />
      </Space>
    </Card>
  );
}

function GradedBy({ grade, version }: { readonly grade: WorkGrade; readonly version: number }) {
  if (!grade.gradedBy || !grade.gradedAt) return <Typography.Text data-testid="work-grade-by">尚未评分</Typography.Text>;
  return (
    <Space size={4} wrap data-testid="work-grade-by">
      <span>
        评分人 <strong>{grade.gradedBy.displayName}</strong>
      </span>
      <span>· {dateTime(grade.gradedAt)}</span>
      {grade.gradedVersion !== null && <span>· 所评版本 第 {grade.gradedVersion} 版</span>}
      {grade.gradedVersion !== null && grade.gradedVersion !== version && <Tag color="orange">评分后报告已更新为第 {version} 版</Tag>}
    </Space>
  );
}

interface Row {
  readonly line: WorkGradeLine;
  /** Rows the 一级指标 cell spans (0: covered by the row above). */
  readonly span: number;
}

function rowsOf(lines: readonly WorkGradeLine[]): Row[] {
  return lines.map((line, i) => {
    if (i > 0 && lines[i - 1]?.level1 === line.level1) return { line, span: 0 };
    let span = 1;
    while (lines[i + span]?.level1 === line.level1) span += 1;
    return { line, span };
  });
}

function WorkGradeForm({ evaluationId, grade, editable, onSaved }: { readonly evaluationId: string; readonly grade: WorkGrade; readonly editable: boolean; readonly onSaved: (grade: WorkGrade) => void }) {
  const [drafts, setDrafts] = useState<Drafts>(() => initialDrafts(grade));
  const [saving, setSaving] = useState(false);
  const [openStandards, setOpenStandards] = useState<readonly string[]>([]);
  const { message } = App.useApp();

  const set = (id: string, patch: Partial<LineDraft>) => setDrafts((d) => ({ ...d, [id]: { score: null, note: '', ...d[id], ...patch } }));
  const toggleStandard = (id: string) => setOpenStandards((open) => (open.includes(id) ? open.filter((x) => x !== id) : [...open, id]));

  const shown = editable ? grade.lines.map((l) => drafts[l.id]?.score) : grade.lines.map((l) => l.grade?.score);
  const live = gradeTotal(shown);
  const full = fromTenths(grade.lines.reduce((sum, l) => sum + (tenths(l.points) ?? 0), 0));
  const problems = grade.lines.flatMap((l) => {
    const problem = lineProblem(l, drafts[l.id]);
    return problem ? [`${l.level2}${problem}`] : [];
  });
  const dirty = JSON.stringify(drafts) !== JSON.stringify(initialDrafts(grade));

  const save = async () => {
    setSaving(true);
    try {
      const body = {
        lines: grade.lines.map((l) => {
          const d = drafts[l.id];
          const text = d?.note.trim() ?? '';
          return { id: l.id, score: d?.score?.trim() ?? '', ...(text ? { note: text } : {}) };
        }),
      };
      const result = await api.put<WorkGrade>(`/api/evaluations/${encodeURIComponent(evaluationId)}/work-grade`, { body });
      message.success(`已保存考核评分，合计 ${fmtScore(result.total)} 分`);
      onSaved(result);
    } catch {
      // shown by the API client (a line out of range is named in Chinese)
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<Row> = [
    {
      title: '一级指标',
      key: 'level1',
      width: 76,
      onCell: (r) => ({ rowSpan: r.span }),
      render: (_: unknown, r) => (
        <>
          {r.line.level1}
          <div className="jx-sub">{r.line.level1Points} 分</div>
        </>
      ),
    },
    {
      title: '二级指标',
      key: 'level2',
      width: 150,
      render: (_: unknown, r) => {
        const open = openStandards.includes(r.line.id);
        const panel = `work-grade-standard-${r.line.id}`;
        return (
          <>
            <div>{r.line.level2}</div>
            <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} aria-expanded={open} aria-controls={panel} onClick={() => toggleStandard(r.line.id)}>
              {open ? '收起评分标准' : '评分标准'}
            </Button>
            {open && (
              <div id={panel} className="jx-sub" style={{ lineHeight: 1.6, marginTop: 4 }}>
                {r.line.standard}
                {r.line.evidence && <div style={{ marginTop: 4 }}>所需佐证材料：{r.line.evidence}</div>}
              </div>
            )}
          </>
        );
      },
    },
    { title: '分值', key: 'points', width: 52, align: 'right', render: (_: unknown, r) => <span className="jx-num">{r.line.points}</span> },
    {
      title: '自动评分 / 建议',
      key: 'automatic',
      width: 220,
      render: (_: unknown, r) => (
        <>
          <span className="jx-num">{r.line.automatic.score === null ? <Typography.Text type="secondary">未计分</Typography.Text> : fmtScore(r.line.automatic.score)}</span>
          <Reason text={r.line.automatic.reason} />
          {r.line.suggested && (
            <div style={{ marginTop: 6 }} data-testid={`work-grade-suggested-${r.line.id}`}>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                建议 {fmtScore(r.line.suggested.score)} 分
              </Tag>
              <Reason text={r.line.suggested.reason} />
            </div>
          )}
        </>
      ),
    },
    {
      title: '评分 / 说明',
      key: 'grade',
      width: 180,
      render: (_: unknown, r) => {
        if (!editable) {
          return (
            <>
              <strong className="jx-num" data-testid={`work-grade-score-${r.line.id}`}>
                {fmtScore(r.line.grade?.score)}
              </strong>
              {r.line.grade?.note && <div className="jx-prewrap">{r.line.grade.note}</div>}
            </>
          );
        }
        const problem = lineProblem(r.line, drafts[r.line.id]);
        return (
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <InputNumber<string>
              stringMode
              // No max: a score above the line's points is shown as an error, not silently cut down.
              min="0"
              step="0.5"
              value={drafts[r.line.id]?.score ?? null}
              onChange={(value) => set(r.line.id, { score: value })}
              status={problem ? 'error' : undefined}
              aria-label={`${r.line.level2} 评分（0 至 ${r.line.points} 分）`}
              aria-invalid={problem ? true : undefined}
              style={{ width: 96 }}
              data-testid={`work-grade-score-${r.line.id}`}
            />
            {problem && (
              <div className="jx-sub" style={{ color: '#cf1322' }}>
                {problem}
              </div>
            )}
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={NOTE_MAX}
              value={drafts[r.line.id]?.note ?? ''}
              onChange={(e) => set(r.line.id, { note: e.target.value })}
              aria-label={`${r.line.level2} 说明`}
              placeholder="说明（如扣分理由）"
            />
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <Table<Row>
        rowKey={(r) => r.line.id}
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={rowsOf(grade.lines)}
        scroll={{ x: 680 }}
        data-testid="work-grade-table"
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <strong>合计</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <span className="jx-num">{full}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>
              <span className="jx-num">{fmtScore(grade.autoTotal)}</span>
              <div className="jx-sub">报告可评部分</div>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4}>
              <strong className="jx-num">{editable || grade.total !== null ? live.total : '—'}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginTop: 12 }}>
        <span aria-live="polite">
          评分合计{' '}
          <strong className="jx-num" style={{ fontSize: 20 }} data-testid="work-grade-total">
            {editable || grade.total !== null ? (editable ? live.total : fmtScore(grade.total)) : '—'}
          </strong>{' '}
          / {full} 分{editable && live.missing > 0 ? `（${live.missing} 项未评）` : ''}
        </span>
        {editable && (
          <>
            <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={saving} disabled={problems.length > 0} onClick={() => void save()}>
              保存评分
            </Button>
            {dirty && <Tag color="orange">有未保存的评分</Tag>}
            {!grade.gradedBy && !dirty && <Tag>已按建议和自动评分预填，尚未保存</Tag>}
            {problems.length > 0 && <Typography.Text type="danger">{`请先处理：${problems.slice(0, 3).join('；')}${problems.length > 3 ? ` 等 ${problems.length} 项` : ''}`}</Typography.Text>}
          </>
        )}
      </div>
    </>
  );
}
