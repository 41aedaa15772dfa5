import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Select, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { IndicatorScore, Score } from '../../api/types';
import { score as fmtScore } from '../../format';
import { useFieldProps } from '../evaluation/highlight';
import { DecimalInput, TextInput } from './field-inputs';
import type { Update } from './field-inputs';
import type { Json, JsonObject } from './json-path';

/**
 * 绩效指标 as the 自评表 has them, editable: 一级/二级/三级, 年度指标值, 实际完成值, 指标方向, 分值, the 得分 the
 * server computes (its reason on hover or focus) beside the 自评得分, and 偏差原因. Every input is labelled
 * with its row and column, so that a screen reader (and a test) can tell "第 3 行 实际完成值" from the others.
 */
const LEVEL1 = ['产出指标', '效益指标', '满意度指标', '成本指标'];
const LEVEL2 = ['数量指标', '质量指标', '时效指标', '成本指标', '经济成本指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标'];
const DIRECTION_OPTIONS = [
  { value: '', label: '自动' },
  { value: 'GE', label: '≥ 正向' },
  { value: 'GT', label: '＞ 正向' },
  { value: 'EQ', label: '＝ 等于' },
  { value: 'LE', label: '≤ 反向' },
  { value: 'LT', label: '＜ 反向' },
  { value: 'QUAL', label: '定性' },
];

interface Row {
  readonly key: number;
  readonly index: number;
  readonly data: JsonObject;
}

function indicatorScores(score: Score | undefined): Map<number, IndicatorScore> {
  const map = new Map<number, IndicatorScore>();
  for (const level of score?.levels ?? []) for (const group of level.groups) for (const s of group.indicators) if (s.index >= 0) map.set(s.index, s);
  return map;
}

const text = (v: Json | undefined) => (typeof v === 'string' ? v : '');

export function IndicatorEditor({ indicators, score, onChange }: { readonly indicators: readonly JsonObject[]; readonly score: Score | undefined; readonly onChange: Update }) {
  const field = useFieldProps();
  const scores = indicatorScores(score);
  const rows: Row[] = indicators.map((data, index) => ({ key: index, index, data }));
  const at = (r: Row, name: string) => `indicators[${r.index}].${name}`;
  const label = (r: Row, name: string) => `第 ${r.index + 1} 行 ${name}`;
  const cell = (name: string) => (r: Row) => field(at(r, name));

  // The typed readings (`target`, `actual`, …) override the engine's reading of the text; once the text is
  // edited they describe the old text, so they go with it and the engine reads the new one.
  const setText = (r: Row, name: 'targetText' | 'actualText', value: Json | undefined) => {
    onChange(at(r, name), value ?? '');
    const stale = name === 'targetText' ? ['target', 'targetUnit'] : ['actual', 'actualUnit', 'qualLevel'];
    for (const s of stale) if (r.data[s] !== undefined) onChange(at(r, s), undefined);
  };

  const level = (name: 'level1' | 'level2', options: readonly string[], title: string) => (_: unknown, r: Row) => (
    <AutoComplete
      size="small"
      aria-label={label(r, title)}
      value={text(r.data[name])}
      options={options.map((value) => ({ value }))}
      filterOption={(input, option) => String(option?.value ?? '').includes(input)}
      onChange={(value: string) => onChange(at(r, name), value)}
      style={{ width: '100%' }}
    />
  );

  const columns: TableColumnsType<Row> = [
    { title: '序号', key: 'no', width: 40, align: 'center', render: (_, r) => r.index + 1 },
    { title: '一级指标', key: 'level1', width: 100, onCell: cell('level1'), render: level('level1', LEVEL1, '一级指标') },
    { title: '二级指标', key: 'level2', width: 104, onCell: cell('level2'), render: level('level2', LEVEL2, '二级指标') },
    { title: '三级指标', key: 'name', width: 150, onCell: cell('name'), render: (_, r) => <TextInput multiline required value={r.data.name} path={at(r, 'name')} label={label(r, '三级指标')} onChange={onChange} /> },
    {
      title: '年度指标值',
      key: 'target',
      width: 104,
      onCell: cell('target'),
      render: (_, r) => <TextInput multiline required value={r.data.targetText} path={at(r, 'targetText')} label={label(r, '年度指标值')} onChange={(_p, v) => setText(r, 'targetText', v)} placeholder="如 ≥100件" />,
    },
    {
      title: '实际完成值',
      key: 'actual',
      width: 104,
      onCell: cell('actual'),
      render: (_, r) => <TextInput multiline required value={r.data.actualText} path={at(r, 'actualText')} label={label(r, '实际完成值')} onChange={(_p, v) => setText(r, 'actualText', v)} placeholder="如 98件" />,
    },
    {
      title: '方向',
      key: 'direction',
      width: 84,
      onCell: cell('direction'),
      render: (_, r) => (
        <Select
          size="small"
          aria-label={label(r, '指标方向')}
          value={text(r.data.direction)}
          options={DIRECTION_OPTIONS}
          onChange={(value: string) => onChange(at(r, 'direction'), value === '' ? undefined : value)}
          style={{ width: '100%' }}
          popupMatchSelectWidth={false}
        />
      ),
    },
    { title: '分值', key: 'weight', width: 60, onCell: cell('weight'), render: (_, r) => <DecimalInput value={r.data.weight} path={at(r, 'weight')} label={label(r, '分值')} onChange={onChange} /> },
    {
      title: '得分',
      key: 'computed',
      width: 56,
      align: 'right',
      render: (_, r) => <ComputedScore index={r.index} score={scores.get(r.index)} scored={score !== undefined} />,
    },
    { title: '自评得分', key: 'score', width: 60, onCell: cell('score'), render: (_, r) => <DecimalInput value={r.data.score} path={at(r, 'score')} label={label(r, '自评得分')} onChange={onChange} /> },
    {
      title: '偏差原因分析及改进措施',
      key: 'deviationReason',
      width: 140,
      onCell: cell('deviationReason'),
      render: (_, r) => <TextInput multiline value={r.data.deviationReason} path={at(r, 'deviationReason')} label={label(r, '偏差原因')} onChange={onChange} />,
    },
    {
      title: '操作',
      key: 'remove',
      width: 44,
      align: 'center',
      render: (_, r) => (
        <Tooltip title="删除此行">
          <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`删除第 ${r.index + 1} 行指标`} onClick={() => onChange(`indicators[${r.index}]`, undefined)} />
        </Tooltip>
      ),
    },
  ];

  const add = () => {
    const last = indicators[indicators.length - 1];
    // A new row continues the last one's 一级 and 二级, as rows are usually added within a group.
    onChange(`indicators[${indicators.length}]`, { level1: text(last?.level1), level2: text(last?.level2), name: '', targetText: '', actualText: '' });
  };

  return (
    <div {...field('indicators')}>
      <Table<Row>
        columns={columns}
        dataSource={rows}
        pagination={false}
        bordered
        size="small"
        scroll={{ x: 1046 }}
        onRow={(r) => field(`indicators[${r.index}]`)}
        locale={{ emptyText: '尚无三级指标，请点击“添加指标”' }}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginTop: 8 }}>
        <Button icon={<PlusOutlined aria-hidden />} onClick={add}>
          添加指标
        </Button>
        <Typography.Text type="secondary">“得分”由服务器按评分规则计算（悬停或聚焦可看理由）；方向“自动”时按年度指标值的写法判断。</Typography.Text>
      </div>
    </div>
  );
}

function ComputedScore({ index, score, scored }: { readonly index: number; readonly score: IndicatorScore | undefined; readonly scored: boolean }) {
  if (!score || score.computed === undefined) {
    const reason = score?.reason ?? (scored ? '此行未单独计分' : '正在计算…');
    return (
      <Tooltip title={reason}>
        <Typography.Text type="secondary" tabIndex={0} aria-label={`第 ${index + 1} 行得分：${reason}`} data-testid={`indicator-score-${index}`}>
          —
        </Typography.Text>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={score.reason}>
      <span tabIndex={0} className="jx-num" data-testid={`indicator-score-${index}`} aria-label={`第 ${index + 1} 行得分 ${fmtScore(score.computed)}：${score.reason}`} style={{ cursor: 'help', borderBottom: '1px dotted currentColor' }}>
        {fmtScore(score.computed)}
      </span>
    </Tooltip>
  );
}
