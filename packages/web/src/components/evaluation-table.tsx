import { Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { Link } from 'react-router';
import type { EvaluationFigures, EvaluationSummary } from '../api/types';
import { dec, ratePercent, roundHalfAwayFromZero } from '@jixiao/core';
import { differs, money, percent, score } from '../format';
import { STATUS_COLOR } from '../labels';

/** What an evaluation is called in a list: the project, or 部门整体 for the unit's own. */
export function evaluationName(e: Pick<EvaluationSummary, 'kind' | 'projectName'>): string {
  return e.kind === 'project' ? e.projectName : '部门整体支出';
}

export function StatusTag({ status, label }: { readonly status: EvaluationSummary['status']; readonly label: string }) {
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}

/** Error and warning counts of the current version, as small tags (nothing when there are none). */
export function FindingCounts({ errors, warnings }: { readonly errors: number; readonly warnings: number }) {
  if (!errors && !warnings) return <span style={{ color: '#8c8c8c' }}>无</span>;
  return (
    <Space size={4}>
      {errors > 0 && (
        <Tooltip title={`${errors} 项错误`}>
          <Tag color="error" style={{ marginInlineEnd: 0 }} aria-label={`${errors} 项错误`}>
            错 {errors}
          </Tag>
        </Tooltip>
      )}
      {warnings > 0 && (
        <Tooltip title={`${warnings} 项警告`}>
          <Tag color="warning" style={{ marginInlineEnd: 0 }} aria-label={`${warnings} 项警告`}>
            警 {warnings}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/**
 * Evaluations with their figures: 预算数, 执行数, 执行率, 自评得分, 计算得分 (red where it differs), 等级 and the
 * counts of errors and warnings. The unit column is left out where the page is about one unit.
 */
export function EvaluationTable({
  items,
  showUnit = true,
  ...props
}: { readonly items: readonly EvaluationSummary[]; readonly showUnit?: boolean } & Omit<TableProps<EvaluationSummary>, 'columns' | 'dataSource'>) {
  const columns: TableColumnsType<EvaluationSummary> = [
    ...(showUnit ? [{ title: '单位', key: 'unit', width: 130, render: (_: unknown, e: EvaluationSummary) => e.unit.name }] : []),
    {
      title: '评价',
      key: 'name',
      width: 140,
      render: (_: unknown, e: EvaluationSummary) => (
        <>
          <Link to={`/evaluations/${encodeURIComponent(e.id)}`}>{evaluationName(e)}</Link>
          <div className="jx-sub">{e.year} 年度</div>
        </>
      ),
    },
    { title: '状态', key: 'status', width: 80, render: (_: unknown, e: EvaluationSummary) => <StatusTag status={e.status} label={e.statusLabel} /> },
    {
      title: '预算数 / 执行数（万元）',
      key: 'money',
      width: 120,
      align: 'right',
      render: (_: unknown, e: EvaluationSummary) => (
        <span className="jx-num">
          {money(e.figures.budget)}
          <br />
          {money(e.figures.executed)}
        </span>
      ),
    },
    { title: '执行率', key: 'rate', width: 86, align: 'right', render: (_: unknown, e: EvaluationSummary) => <RateCell figures={e.figures} /> },
    {
      title: '得分（自评 / 计算）',
      key: 'score',
      width: 96,
      align: 'right',
      render: (_: unknown, e: EvaluationSummary) => {
        const off = differs(e.figures.statedScore, e.figures.computedScore);
        return (
          <span className="jx-num">
            {score(e.figures.statedScore)} /{' '}
            <span className={off ? 'jx-differs' : undefined} title={off ? '计算得分与自评得分不同' : undefined}>
              {score(e.figures.computedScore)}
            </span>
          </span>
        );
      },
    },
    { title: '等级', key: 'grade', width: 46, render: (_: unknown, e: EvaluationSummary) => e.figures.grade ?? '—' },
    { title: '问题', key: 'findings', width: 90, render: (_: unknown, e: EvaluationSummary) => <FindingCounts errors={e.figures.errorCount} warnings={e.figures.warningCount} /> },
  ];
  return <Table<EvaluationSummary> rowKey="id" columns={columns} dataSource={[...items]} size="small" scroll={{ x: showUnit ? 780 : 650 }} {...props} />;
}

/**
 * The execution rate the evaluation was scored on, and below it in red the rate of its amounts where the two
 * differ at two places (运行维护经费: scored on a stated 100%, 394 ÷ 400.03 = 98.49%).
 */
export function RateCell({ figures }: { readonly figures: Pick<EvaluationFigures, 'budget' | 'executed' | 'executionRate'> }) {
  const { budget, executed, executionRate } = figures;
  const exact = budget && executed ? ratePercent(dec(executed), dec(budget)) : null;
  const off = exact !== null && executionRate !== null && !roundHalfAwayFromZero(exact, 2).eq(roundHalfAwayFromZero(dec(executionRate), 2));
  return (
    <span className="jx-num">
      {percent(executionRate ?? exact?.toString())}
      {off && (
        <Tooltip title={`按金额计算：${executed} ÷ ${budget} = ${percent(exact.toString())}`}>
          <div className="jx-differs" tabIndex={0}>
            计算 {percent(exact.toString())}
          </div>
        </Tooltip>
      )}
    </span>
  );
}
