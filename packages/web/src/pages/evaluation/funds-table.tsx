import { Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { dec, formatPercent, ratePercent, roundHalfAwayFromZero } from '@jixiao/core';
import type { EvaluationContent, FundRow, Score } from '../../api/types';
import { money, percent, score as fmtScore } from '../../format';
import { useFieldProps } from './highlight';

/**
 * 资金情况 as the 自评表 prints it (万元): 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分. Beside each stated
 * 执行率 the rate computed from the amounts (全年执行数 ÷ 全年预算数, else ÷ 年初预算数), in red where the two
 * disagree at the places the report printed; on the scored row the 得分 the engine gives.
 */
interface Row extends FundRow {
  readonly key: string;
  readonly index: number;
  /** 执行数 ÷ 预算数, exact, percent points. */
  readonly rate?: string;
  /** The rate's division written out, for the tooltip. */
  readonly rateWorking?: string;
  readonly computedScore?: string;
  readonly scoreReason?: string;
}

function computedRate(row: FundRow): { rate: string; working: string } | undefined {
  const budget = row.annualBudget ?? row.initialBudget;
  if (budget === undefined || row.executed === undefined) return undefined;
  const rate = ratePercent(dec(row.executed), dec(budget));
  if (!rate) return undefined;
  return { rate: rate.toString(), working: `${row.executed} ÷ ${budget} = ${formatPercent(rate)}` };
}

/** Agreement at the printed places (a stated "100" is judged to whole percent points). */
function rateDiffers(stated: string, exact: string): boolean {
  const places = stated.split('.')[1]?.length ?? 0;
  return !roundHalfAwayFromZero(dec(exact), places).eq(dec(stated));
}

export function FundsTable({ content, score }: { readonly content: EvaluationContent; readonly score: Score | undefined }) {
  const field = useFieldProps();
  const fundRows = content.funds?.rows ?? [];
  const scoredIndex = fundRows.findIndex((r) => r.weight !== undefined);
  const rows: Row[] = fundRows.map((r, index) => {
    const c = computedRate(r);
    const scored = index === scoredIndex && score?.execution;
    return {
      ...r,
      key: String(index),
      index,
      ...(c ? { rate: c.rate, rateWorking: c.working } : {}),
      ...(scored && score.execution?.computed !== undefined ? { computedScore: score.execution.computed, scoreReason: score.execution.reason } : {}),
    };
  });
  const cell = (r: Row, name: string) => field(`funds.rows[${r.index}].${name}`, 'jx-num');

  const columns: TableColumnsType<Row> = [
    { title: '资金项目', dataIndex: 'label', width: 120, onCell: (r) => field(`funds.rows[${r.index}].label`) },
    { title: '年初预算数', dataIndex: 'initialBudget', width: 92, align: 'right', onCell: (r) => cell(r, 'initialBudget'), render: money },
    { title: '全年预算数', dataIndex: 'annualBudget', width: 92, align: 'right', onCell: (r) => cell(r, 'annualBudget'), render: money },
    { title: '全年执行数', dataIndex: 'executed', width: 92, align: 'right', onCell: (r) => cell(r, 'executed'), render: money },
    { title: '分值', dataIndex: 'weight', width: 50, align: 'right', onCell: (r) => cell(r, 'weight'), render: fmtScore },
    {
      title: '执行率',
      dataIndex: 'statedRate',
      width: 100,
      align: 'right',
      onCell: (r) => cell(r, 'statedRate'),
      render: (stated: string | undefined, r) => {
        if (r.rate === undefined) return percent(stated);
        const off = stated !== undefined && rateDiffers(stated, r.rate);
        return (
          <Tooltip title={`按金额计算：${r.rateWorking}`}>
            <span tabIndex={0} style={{ cursor: 'help' }} aria-label={`执行率${stated === undefined ? '' : `，报告称 ${percent(stated)}`}，按金额计算 ${r.rateWorking}`}>
              {stated === undefined ? (
                percent(r.rate)
              ) : (
                <>
                  <span className={off ? 'jx-differs' : undefined}>{percent(stated)}</span>
                  {off && <div className="jx-differs">计算 {percent(r.rate)}</div>}
                </>
              )}
            </span>
          </Tooltip>
        );
      },
    },
    {
      title: '得分',
      dataIndex: 'statedScore',
      width: 76,
      align: 'right',
      onCell: (r) => cell(r, 'statedScore'),
      render: (stated: string | undefined, r) => {
        if (r.computedScore === undefined) return fmtScore(stated);
        const off = stated !== undefined && !dec(stated).eq(dec(r.computedScore));
        return (
          <Tooltip title={r.scoreReason}>
            <span tabIndex={0} style={{ cursor: 'help' }} aria-label={`得分 ${fmtScore(stated)}，计算 ${fmtScore(r.computedScore)}：${r.scoreReason ?? ''}`}>
              <span className={off ? 'jx-differs' : undefined}>{fmtScore(stated)}</span>
              {off && <div className="jx-differs">计算 {fmtScore(r.computedScore)}</div>}
            </span>
          </Tooltip>
        );
      },
    },
    { title: '说明', dataIndex: 'note', width: 140, className: 'jx-prewrap', onCell: (r) => field(`funds.rows[${r.index}].note`) },
  ];

  return (
    <div {...field('funds')}>
      <Table<Row>
        columns={columns}
        dataSource={rows}
        pagination={false}
        bordered
        size="small"
        scroll={{ x: 760 }}
        onRow={(r) => field(`funds.rows[${r.index}]`)}
        locale={{ emptyText: '没有资金数据' }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        金额单位：万元。执行率按“全年执行数 ÷ 全年预算数”计算（无全年预算数时除以年初预算数）。
      </Typography.Paragraph>
    </div>
  );
}
