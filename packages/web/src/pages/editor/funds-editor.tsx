import { Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { EvaluationCheck } from '../../api/types';
import { percent, score as fmtScore } from '../../format';
import { useFieldProps } from '../evaluation/highlight';
import { DecimalInput, TextInput } from './field-inputs';
import type { Update } from './field-inputs';
import type { JsonObject } from './json-path';

/**
 * 资金情况 (万元): each row's 年初预算数, 全年预算数 and 全年执行数 editable, and the 执行率 and 得分 of the scored row
 * (the one carrying 分值) as the server's check computes them from the unsaved figures. Rows other than the
 * scored one show the rate the report states; the server does not score them, and the page does no sums.
 */
interface Row {
  readonly key: number;
  readonly index: number;
  readonly data: JsonObject;
}

export function FundsEditor({ rows: fundRows, check, onChange }: { readonly rows: readonly JsonObject[]; readonly check: EvaluationCheck | undefined; readonly onChange: Update }) {
  const field = useFieldProps();
  const execution = check?.score.execution;
  const rows: Row[] = fundRows.map((data, index) => ({ key: index, index, data }));
  const scoredIndex = rows.findIndex((r) => r.data.weight !== undefined);
  const at = (r: Row, name: string) => `funds.rows[${r.index}].${name}`;
  const label = (r: Row, name: string) => `${typeof r.data.label === 'string' && r.data.label ? r.data.label : `第 ${r.index + 1} 行`} ${name}`;
  const cell = (name: string) => (r: Row) => field(at(r, name));
  const decimal = (name: string, title: string) => (_: unknown, r: Row) => <DecimalInput value={r.data[name]} path={at(r, name)} label={label(r, title)} onChange={onChange} />;

  const columns: TableColumnsType<Row> = [
    { title: '资金项目', key: 'label', width: 170, onCell: cell('label'), render: (_, r) => <TextInput required value={r.data.label} path={at(r, 'label')} label={`第 ${r.index + 1} 行 资金项目`} onChange={onChange} /> },
    { title: '年初预算数', key: 'initialBudget', width: 110, onCell: cell('initialBudget'), render: decimal('initialBudget', '年初预算数') },
    { title: '全年预算数', key: 'annualBudget', width: 110, onCell: cell('annualBudget'), render: decimal('annualBudget', '全年预算数') },
    { title: '全年执行数', key: 'executed', width: 110, onCell: cell('executed'), render: decimal('executed', '全年执行数') },
    { title: '报告所称执行率（%）', key: 'statedRate', width: 96, onCell: cell('statedRate'), render: decimal('statedRate', '报告所称执行率') },
    {
      title: '执行率（计算）',
      key: 'rate',
      width: 104,
      align: 'right',
      render: (_, r) => {
        if (r.index !== scoredIndex || !execution?.computedRate) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Tooltip title={`服务器按金额计算：${execution.executed ?? '—'} ÷ ${execution.budget ?? '—'}`}>
            <span tabIndex={0} className="jx-num" data-testid="fund-rate" aria-label={`执行率（计算）${percent(execution.computedRate)}`} style={{ cursor: 'help', borderBottom: '1px dotted currentColor' }}>
              {percent(execution.computedRate)}
            </span>
          </Tooltip>
        );
      },
    },
    { title: '分值', key: 'weight', width: 56, align: 'right', onCell: cell('weight'), render: (_, r) => <span className="jx-num">{fmtScore(r.data.weight as string | undefined)}</span> },
    {
      title: '得分（计算）',
      key: 'score',
      width: 80,
      align: 'right',
      render: (_, r) =>
        r.index === scoredIndex && execution?.computed !== undefined ? (
          <Tooltip title={execution.reason}>
            <span tabIndex={0} className="jx-num" aria-label={`预算执行率得分 ${fmtScore(execution.computed)}：${execution.reason}`} style={{ cursor: 'help', borderBottom: '1px dotted currentColor' }}>
              {fmtScore(execution.computed)}
            </span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: '说明', key: 'note', width: 160, onCell: cell('note'), render: (_, r) => <TextInput multiline value={r.data.note} path={at(r, 'note')} label={label(r, '说明')} onChange={onChange} /> },
  ];

  return (
    <div {...field('funds')}>
      <Table<Row> columns={columns} dataSource={rows} pagination={false} bordered size="small" scroll={{ x: 1000 }} onRow={(r) => field(`funds.rows[${r.index}]`)} locale={{ emptyText: '没有资金数据' }} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        金额单位：万元，填写数字即可（如 4280.31）。计分的资金行是带“分值”的一行；其执行率和得分由服务器按评分规则计算{execution?.basis === 'stated' ? '（此评价按报告所称执行率计分）' : ''}。
      </Typography.Paragraph>
    </div>
  );
}
