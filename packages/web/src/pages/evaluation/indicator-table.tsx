import { Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TdHTMLAttributes } from 'react';
import { STANDARD_GRADES, readGrade } from '@jixiao/core';
import type { EvaluationContent, GroupScore, IndicatorScore, Score } from '../../api/types';
import { differs, score as fmtScore } from '../../format';
import { useFieldProps } from './highlight';

/**
 * 绩效指标 as the official 自评表 prints them: 一级 and 二级 cells merged down their rows, the 三级 rows with
 * 年度指标值, 实际完成值, 分值 and 得分, and beside the stated 得分 the one Jixiao computes (its reason on hover or
 * focus). A 二级 scored as one (seed 003's shared score cell) has its score cells merged the same way.
 */
interface Row {
  readonly key: string;
  /** The field path of the row (`indicators[3]`), or null for a framework's own computed leaf. */
  readonly path: string | null;
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly targetText: string;
  readonly actualText: string;
  readonly weight?: string;
  readonly stated?: string;
  readonly computed?: string;
  readonly reason?: string;
  readonly deviationReason?: string;
  level1Span: number;
  level2Span: number;
  /** Set on the first row of a 二级 scored as one: its rows share the score cells. */
  group?: { readonly score: GroupScore; span: number };
  /** Inside a group-scored 二级, after its first row: the score cells are merged away. */
  inGroup?: boolean;
}

interface Located {
  readonly indicator: IndicatorScore;
  readonly group: GroupScore;
}

function scoresByIndex(score: Score | undefined): Map<number, Located> {
  const map = new Map<number, Located>();
  for (const level of score?.levels ?? []) {
    for (const group of level.groups) {
      for (const indicator of group.indicators) if (indicator.index >= 0) map.set(indicator.index, { indicator, group });
    }
  }
  return map;
}

export function buildRows(content: EvaluationContent, score: Score | undefined): Row[] {
  const located = scoresByIndex(score);
  const rows: Row[] = (content.indicators ?? []).map((ind, i) => {
    const s = located.get(i)?.indicator;
    return {
      key: `i${i}`,
      path: `indicators[${i}]`,
      level1: ind.level1,
      level2: ind.level2,
      name: ind.name,
      targetText: ind.targetText,
      actualText: ind.actualText,
      weight: ind.weight,
      stated: ind.score,
      computed: s?.computed,
      reason: s?.reason,
      deviationReason: ind.deviationReason,
      level1Span: 1,
      level2Span: 1,
    };
  });
  // Leaves the framework computes itself (浏阳's 基础数据表 formulas) have no row in the table as printed.
  for (const level of score?.levels ?? []) {
    for (const group of level.groups) {
      for (const s of group.indicators) {
        if (s.index >= 0) continue;
        rows.push({
          key: `f${rows.length}`,
          path: null,
          level1: level.level1,
          level2: group.level2,
          name: s.name,
          targetText: s.target === undefined ? '' : `${s.target}${s.unit ?? ''}`,
          actualText: s.actual === undefined ? '' : `${s.actual}${s.unit ?? ''}`,
          weight: s.weight,
          stated: s.stated,
          computed: s.computed,
          reason: s.reason,
          level1Span: 1,
          level2Span: 1,
        });
      }
    }
  }
  mergeRuns(rows);
  markScoredGroups(rows, located);
  return rows;
}

/** Consecutive rows with the same 一级 (and, within it, the same 二级) share one cell. */
function mergeRuns(rows: Row[]): void {
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && rows[j]?.level1 === rows[i]?.level1) j++;
    for (let k = i; k < j; k++) (rows[k] as Row).level1Span = k === i ? j - i : 0;
    for (let a = i; a < j; ) {
      let b = a + 1;
      while (b < j && rows[b]?.level2 === rows[a]?.level2) b++;
      for (let k = a; k < b; k++) (rows[k] as Row).level2Span = k === a ? b - a : 0;
      a = b;
    }
    i = j;
  }
}

/** A 二级 whose rows carry no score of their own was scored as one: merge its score cells too. */
function markScoredGroups(rows: Row[], located: Map<number, Located>): void {
  rows.forEach((row, i) => {
    if (row.level2Span <= 1 || row.path === null) return;
    const members = rows.slice(i, i + row.level2Span);
    const groups = new Set(members.map((m) => (m.path ? located.get(Number(/\d+/.exec(m.path)?.[0]))?.group : undefined)));
    const [group] = [...groups];
    if (groups.size !== 1 || !group) return;
    if (!group.indicators.every((s) => s.computed === undefined)) return;
    row.group = { score: group, span: row.level2Span };
    members.slice(1).forEach((m) => (m.inGroup = true));
  });
}

function ComputedScore({ stated, computed, reason }: { readonly stated?: string; readonly computed?: string; readonly reason?: string }) {
  if (computed === undefined) {
    return reason ? (
      <Tooltip title={reason}>
        <Typography.Text type="secondary" tabIndex={0} aria-label={`未单独计分：${reason}`}>
          —
        </Typography.Text>
      </Tooltip>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  }
  const off = differs(stated, computed);
  return (
    <Tooltip title={reason}>
      <span tabIndex={0} className={`jx-num${off ? ' jx-differs' : ''}`} aria-label={`计算得分 ${fmtScore(computed)}${off ? '，与自评不同' : ''}：${reason ?? ''}`} style={{ cursor: 'help', borderBottom: '1px dotted currentColor' }}>
        {fmtScore(computed)}
      </span>
    </Tooltip>
  );
}

export function IndicatorTable({ content, score }: { readonly content: EvaluationContent; readonly score: Score | undefined }) {
  const field = useFieldProps();
  const rows = buildRows(content, score);
  const cell = (row: Row, name: string, extra: TdHTMLAttributes<HTMLTableCellElement> = {}) => (row.path ? { ...field(`${row.path}.${name}`), ...extra } : extra);
  const scoreSpan = (row: Row): TdHTMLAttributes<HTMLTableCellElement> => (row.group ? { rowSpan: row.group.span } : row.inGroup ? { rowSpan: 0 } : {});

  const statedColumn: TableColumnsType<Row>[number] = {
    title: '得分',
    dataIndex: 'stated',
    width: 52,
    align: 'right',
    onCell: (r) => cell(r, 'score', scoreSpan(r)),
    render: (v: string | undefined, r) => <span className="jx-num">{fmtScore(r.group?.score.stated ?? v)}</span>,
  };

  const computedColumn: TableColumnsType<Row>[number] = {
    title: '计算',
    dataIndex: 'computed',
    width: 56,
    align: 'right',
    onCell: (r) => scoreSpan(r),
    render: (_: unknown, r) =>
      r.group ? <ComputedScore stated={r.group.score.stated ?? r.stated} computed={r.group.score.computed} reason={r.group.score.reason} /> : <ComputedScore stated={r.stated} computed={r.computed} reason={r.reason} />,
  };

  const columns: TableColumnsType<Row> = [
    { title: '一级指标', dataIndex: 'level1', width: 64, onCell: (r) => ({ rowSpan: r.level1Span }) },
    { title: '二级指标', dataIndex: 'level2', width: 64, onCell: (r) => ({ rowSpan: r.level2Span }) },
    { title: '三级指标', dataIndex: 'name', width: 130, render: (v: string, r) => (r.path ? v : <>{v}<Typography.Text type="secondary">（按基础数据表计算）</Typography.Text></>) },
    { title: '年度指标值', dataIndex: 'targetText', width: 110, className: 'jx-prewrap', onCell: (r) => cell(r, 'target') },
    { title: '实际完成值', dataIndex: 'actualText', width: 110, className: 'jx-prewrap', onCell: (r) => cell(r, 'actual') },
    {
      title: '分值',
      dataIndex: 'weight',
      width: 48,
      align: 'right',
      onCell: (r) => cell(r, 'weight', scoreSpan(r)),
      render: (v: string | undefined, r) => <span className="jx-num">{fmtScore(r.group?.score.weight ?? v)}</span>,
    },
    ...(score === undefined ? [statedColumn] : [{ title: '得分', children: [{ ...statedColumn, title: '自评' }, computedColumn] }]),
    { title: '偏差原因分析及改进措施', dataIndex: 'deviationReason', width: 120, className: 'jx-prewrap', onCell: (r) => cell(r, 'deviationReason') },
  ];

  return (
    <div {...field('indicators')}>
      <Table<Row>
        columns={columns}
        dataSource={rows}
        pagination={false}
        bordered
        size="small"
        scroll={{ x: 760 }}
        onRow={(r) => (r.path ? field(r.path) : {})}
        locale={{ emptyText: '没有绩效指标' }}
        summary={() => <TotalRow content={content} score={score} />}
      />
    </div>
  );
}

function TotalRow({ content, score }: { readonly content: EvaluationContent; readonly score: Score | undefined }) {
  const field = useFieldProps();
  const stated = content.stated?.total;
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={5}>
        <Typography.Text strong>总分</Typography.Text>
        {score?.cap && (
          <Typography.Text type="secondary">
            （执行率低于 {fmtScore(score.cap.below)}% 时总分不超过 {fmtScore(score.cap.maxTotal)} 分）
          </Typography.Text>
        )}
      </Table.Summary.Cell>
      <Table.Summary.Cell index={5} align="right">
        <span className="jx-num">100</span>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={6} align="right">
        <span {...field('stated.total', 'jx-num')}>{fmtScore(stated)}</span>
      </Table.Summary.Cell>
      {score && (
        <Table.Summary.Cell index={7} align="right">
          <ComputedScore stated={stated} computed={score.total} reason={`按规则计算总分 ${fmtScore(score.total)} 分，等级“${score.grade}”`} />
        </Table.Summary.Cell>
      )}
      <Table.Summary.Cell index={score ? 8 : 7}>
        <span {...field('stated.grade')}>
          等级：{content.stated?.grade ?? '—'}
          {score && sameGrade(content.stated?.grade, score.grade) !== true && <Typography.Text type="secondary">（计算：{score.grade}）</Typography.Text>}
        </span>
      </Table.Summary.Cell>
    </Table.Summary.Row>
  );
}

/** Whether a printed grade ("优秀") is the computed one ("优"); undefined when nothing was printed. */
function sameGrade(printed: string | undefined, computed: string): boolean | undefined {
  if (!printed) return undefined;
  return (readGrade(printed, STANDARD_GRADES) ?? printed) === computed;
}
