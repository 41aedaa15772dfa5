import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useId } from 'react';
import type { Finding, Severity } from '../../api/types';
import { money, percent } from '../../format';
import { SEVERITY_COLOR, SEVERITY_LABEL } from '../../labels';
import { useFieldProps } from '../evaluation/highlight';
import { cellText, countValue, disagrees, isCountText, rateOf, sumOf } from './basic-data-figures';
import type { Derived } from './basic-data-figures';
import { TextInput, isDecimal } from './field-inputs';
import type { Update } from './field-inputs';
import { getAt } from './json-path';
import type { Json, JsonObject } from './json-path';

/**
 * 基础数据表 (部门整体支出绩效评价基础数据表, the Hunan template) in the editor, laid out as the printed table:
 * 财政供养人员情况, 经费控制情况 (三公经费 and its lines, 项目支出, 公用经费, 政府采购, 基本支出预算调整),
 * 楼堂馆所 and 厉行节约保障措施. Every figure is kept as the text typed (万元, exact; a JS number would change it);
 * the sum of each total's lines and the 控制率 are computed beside them as the user types, and the server's
 * findings on the table are listed above it, each leading to its cell.
 */
const BASE = 'basicData';

/** The template's line names, also the labels a new line is stored with. */
const LABEL = {
  threePublic: '“三公”经费',
  vehicle: '1、公务用车购置和维护经费',
  vehiclePurchase: '其中：公车购置',
  vehicleOperation: '公车运行维护',
  overseas: '2、出国经费',
  reception: '3、公务接待',
  projects: '项目支出',
  publicExpense: '公用经费',
  procurement: '政府采购金额',
  basicBudgetAdjustment: '部门基本支出预算调整',
} as const;

const PUBLIC_EXPENSE_ITEMS = ['办公经费', '水费、电费、差旅费', '会议费、培训费', '印刷费、邮电费、劳务费等'];

/** A new table: every line of the template present and blank (a blank cell is an absent figure, not zero). */
export function emptyBasicData(): JsonObject {
  return {
    staff: {},
    threePublic: {
      total: { label: '三公经费' },
      vehicle: { label: LABEL.vehicle },
      vehiclePurchase: { label: LABEL.vehiclePurchase },
      vehicleOperation: { label: LABEL.vehicleOperation },
      overseas: { label: LABEL.overseas },
      reception: { label: LABEL.reception },
    },
    projects: { total: { label: LABEL.projects }, items: [] },
    publicExpense: { total: { label: LABEL.publicExpense }, items: PUBLIC_EXPENSE_ITEMS.map((label) => ({ label })) },
    procurement: { label: LABEL.procurement },
    basicBudgetAdjustment: { label: LABEL.basicBudgetAdjustment },
    buildings: [],
  };
}

/** Findings that concern the table: the auditor's checks of it, and format problems in its cells. */
export function basicDataFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.rule === 'audit.basic-data' || f.location?.path?.startsWith(`${BASE}.`) || f.location?.path === BASE);
}

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** The worst severity of a finding about each cell, for its border. */
function flagsByPath(findings: readonly Finding[]): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const f of findings) {
    const path = f.location?.path;
    if (!path) continue;
    const before = out.get(path);
    if (!before || RANK[f.severity] > RANK[before]) out.set(path, f.severity);
  }
  return out;
}

const asObject = (v: Json | undefined): JsonObject | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined);
const asObjects = (v: Json | undefined): JsonObject[] => (Array.isArray(v) ? v.filter((x): x is JsonObject => asObject(x) !== undefined) : []);

const AMOUNT_HINT = '应为数字，如 4280.31（不带单位和千分位）';
const COUNT_HINT = '应为整数，如 85';
const NUM_STYLE = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;
const HINT_STYLE = { color: '#cf1322', fontSize: 12, lineHeight: 1.4, marginTop: 2, whiteSpace: 'normal' } as const;

/** A figure's cell: the text as typed; text that is not a number is marked, and the message says so in words. */
function NumberCell({ value, label, onChange, flag, count }: { readonly value: Json | undefined; readonly label: string; readonly onChange: (value: Json | undefined) => void; readonly flag?: Severity; readonly count?: boolean }) {
  const hintId = useId();
  const text = cellText(value);
  const bad = text.trim() !== '' && !(count ? isCountText(text) : isDecimal(text));
  return (
    <>
      <Input
        size="small"
        inputMode={count ? 'numeric' : 'decimal'}
        aria-label={label}
        aria-invalid={bad || undefined}
        aria-describedby={bad ? hintId : undefined}
        status={bad || flag === 'error' ? 'error' : flag === 'warning' ? 'warning' : undefined}
        value={text}
        style={NUM_STYLE}
        onChange={(e) => onChange(count ? countValue(e.target.value) : e.target.value.trim() === '' ? undefined : e.target.value.trim())}
      />
      {bad && (
        <div id={hintId} style={HINT_STYLE}>
          {count ? COUNT_HINT : AMOUNT_HINT}
        </div>
      )}
    </>
  );
}

/** A computed figure: an amount or a rate, or why there is none. */
function DerivedValue({ derived, kind, label, testId, differsFrom }: { readonly derived: Derived; readonly kind: 'amount' | 'rate'; readonly label: string; readonly testId?: string; readonly differsFrom?: Json | undefined }) {
  if (derived.kind === 'none')
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        —
      </Typography.Text>
    );
  if (derived.kind === 'bad')
    return (
      <Typography.Text type="secondary" data-testid={testId} title="有数字无法识别，改正后再计算" aria-label={`${label}：有数字无法识别，改正后再计算`}>
        ？
      </Typography.Text>
    );
  const shown = kind === 'amount' ? money(derived.value) : percent(derived.value);
  const off = differsFrom !== undefined && disagrees(differsFrom, derived);
  return (
    <span className={`jx-num${off ? ' jx-differs' : ''}`} data-testid={testId} aria-label={`${label} ${shown}${off ? `，与表列合计 ${money(cellText(differsFrom))} 不符` : ''}`}>
      {shown}
    </span>
  );
}

type Column = 'priorActual' | 'budget' | 'actual';
const COLUMNS: readonly Column[] = ['priorActual', 'budget', 'actual'];
type Group = 'projects' | 'publicExpense';

type CostRow =
  | { readonly key: string; readonly type: 'line'; readonly path: string; readonly name: string; readonly indent: number; readonly item?: { readonly group: Group; readonly index: number } }
  | { readonly key: string; readonly type: 'sum'; readonly name: string; readonly total: string; readonly parts: readonly string[]; readonly indent: number }
  | { readonly key: string; readonly type: 'add'; readonly group: Group; readonly name: string };

/** The rows of 经费控制情况 in print order, each total followed by the sum of its lines. */
function costRows(basicData: JsonObject): CostRow[] {
  const tp = `${BASE}.threePublic`;
  const line = (path: string, name: string, indent: number): CostRow => ({ key: path, type: 'line', path, name, indent });
  const sum = (key: string, name: string, total: string, parts: readonly string[], indent: number): CostRow => ({ key: `${key}:sum`, type: 'sum', name, total, parts, indent });
  const rows: CostRow[] = [
    line(`${tp}.total`, LABEL.threePublic, 0),
    sum(tp, '明细合计：1 + 2 + 3', `${tp}.total`, [`${tp}.vehicle`, `${tp}.overseas`, `${tp}.reception`], 1),
    line(`${tp}.vehicle`, LABEL.vehicle, 1),
    line(`${tp}.vehiclePurchase`, LABEL.vehiclePurchase, 2),
    line(`${tp}.vehicleOperation`, LABEL.vehicleOperation, 2),
    sum(`${tp}.vehicle`, '明细合计：购置 + 运行维护', `${tp}.vehicle`, [`${tp}.vehiclePurchase`, `${tp}.vehicleOperation`], 2),
    line(`${tp}.overseas`, LABEL.overseas, 1),
    line(`${tp}.reception`, LABEL.reception, 1),
  ];
  for (const group of ['projects', 'publicExpense'] as const) {
    const items = asObjects(asObject(basicData[group])?.items);
    const at = `${BASE}.${group}`;
    rows.push(line(`${at}.total`, LABEL[group], 0));
    rows.push(sum(at, '明细合计', `${at}.total`, items.map((_, i) => `${at}.items[${i}]`), 1));
    items.forEach((item, index) => {
      const label = typeof item.label === 'string' && item.label.trim() ? item.label : `第 ${index + 1} 项`;
      rows.push({ key: `${at}.items[${index}]`, type: 'line', path: `${at}.items[${index}]`, name: `${LABEL[group]}明细 ${label}`, indent: 1, item: { group, index } });
    });
    rows.push({ key: `${at}:add`, type: 'add', group, name: group === 'projects' ? '添加项目' : '添加公用经费明细' });
  }
  rows.push(line(`${BASE}.procurement`, LABEL.procurement, 0));
  rows.push(line(`${BASE}.basicBudgetAdjustment`, LABEL.basicBudgetAdjustment, 0));
  return rows;
}

/** What a line must have around it to fit the format: its label, and the total its group cannot be without. */
function groupOf(path: string): { readonly path: string; readonly value: JsonObject } | undefined {
  if (path.startsWith(`${BASE}.threePublic.`)) return { path: `${BASE}.threePublic`, value: { total: { label: '三公经费' } } };
  for (const group of ['projects', 'publicExpense'] as const) if (path.startsWith(`${BASE}.${group}.`)) return { path: `${BASE}.${group}`, value: { total: { label: LABEL[group] }, items: [] } };
  return undefined;
}

function defaultLabel(path: string): string {
  if (path === `${BASE}.threePublic.total`) return '三公经费';
  const [, parent = '', key = ''] = path.split('.');
  const labels: Readonly<Record<string, string>> = LABEL;
  return labels[key === 'total' ? parent : (path.split('.').at(-1) ?? '')] ?? '';
}

export function BasicDataEditor({
  basicData,
  year,
  findings,
  onChange,
  onSelect,
}: {
  readonly basicData: JsonObject | undefined;
  readonly year: number;
  readonly findings: readonly Finding[];
  readonly onChange: Update;
  readonly onSelect: (path: string) => void;
}) {
  const field = useFieldProps();
  if (!basicData) {
    return (
      <div {...field(BASE)}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="此评价还没有基础数据表（部门整体支出绩效评价基础数据表）">
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => onChange(BASE, emptyBasicData())}>
            添加基础数据表
          </Button>
        </Empty>
      </div>
    );
  }

  const root = { [BASE]: basicData } as JsonObject;
  const read = (path: string) => getAt(root, path);
  const own = basicDataFindings(findings);
  const flags = flagsByPath(own);

  /** Sets one figure of a line; a line (or group) the table does not have yet is created with its label. */
  const setFigure = (linePath: string, column: string, value: Json | undefined) => {
    if (asObject(read(linePath))) {
      onChange(`${linePath}.${column}`, value);
      return;
    }
    if (value === undefined) return;
    const group = groupOf(linePath);
    if (group && !asObject(read(group.path))) onChange(group.path, group.value);
    else if (group && linePath !== `${group.path}.total` && !asObject(read(`${group.path}.total`))) onChange(`${group.path}.total`, (group.value.total ?? null) as Json);
    onChange(linePath, { label: defaultLabel(linePath), [column]: value });
  };

  const addItem = (group: Group) => {
    const at = `${BASE}.${group}`;
    const existing = asObject(read(at));
    if (!existing) onChange(at, { total: { label: LABEL[group] }, items: [{ label: '' }] });
    else onChange(`${at}.items[${asObjects(existing.items).length}]`, { label: '' });
  };

  const headers: Readonly<Record<Column, string>> = { priorActual: `${year - 1}年决算数`, budget: `${year}年预算数`, actual: `${year}年决算数` };
  const figureColumn = (column: Column): TableColumnsType<CostRow>[number] => ({
    title: headers[column],
    key: column,
    width: 116,
    align: 'right',
    onCell: (r) => (r.type === 'line' ? field(`${r.path}.${column}`) : {}),
    render: (_, r) => {
      if (r.type === 'line') return <NumberCell value={read(`${r.path}.${column}`)} label={`${r.name} ${headers[column]}`} flag={flags.get(`${r.path}.${column}`)} onChange={(v) => setFigure(r.path, column, v)} />;
      if (r.type === 'sum') {
        const derived = sumOf(r.parts.map((p) => read(`${p}.${column}`)));
        const id = r.total.replace(`${BASE}.`, '').replace(/\.total$/, '');
        return <DerivedValue derived={derived} kind="amount" label={`${r.name} ${headers[column]}`} testId={`basic-sum-${id}-${column}`} differsFrom={read(`${r.total}.${column}`)} />;
      }
      return null;
    },
  });

  const costColumns: TableColumnsType<CostRow> = [
    {
      title: '项目',
      key: 'name',
      width: 220,
      onCell: (r) => (r.type === 'line' && r.item ? field(`${r.path}.label`) : {}),
      render: (_, r) => {
        if (r.type === 'add')
          return (
            <Button size="small" type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => addItem(r.group)} style={{ marginInlineStart: 16 }}>
              {r.name}
            </Button>
          );
        if (r.type === 'sum')
          return (
            <Typography.Text type="secondary" style={{ paddingInlineStart: r.indent * 16 }}>
              {r.name}（计算）
            </Typography.Text>
          );
        if (r.item)
          return (
            <div style={{ paddingInlineStart: r.indent * 16 }}>
              <TextInput required value={read(`${r.path}.label`)} path={`${r.path}.label`} label={`${LABEL[r.item.group]}第 ${r.item.index + 1} 项 名称`} onChange={onChange} />
            </div>
          );
        return <span style={{ paddingInlineStart: r.indent * 16, fontWeight: r.indent === 0 ? 600 : undefined }}>{r.name}</span>;
      },
    },
    ...COLUMNS.map(figureColumn),
    {
      title: '控制率（决算 ÷ 预算）',
      key: 'rate',
      width: 104,
      align: 'right',
      render: (_, r) => (r.type === 'line' ? <DerivedValue derived={rateOf(read(`${r.path}.actual`), read(`${r.path}.budget`))} kind="rate" label={`${r.name} 控制率`} /> : null),
    },
    {
      title: '删除',
      key: 'remove',
      width: 44,
      align: 'center',
      render: (_, r) =>
        r.type === 'line' && r.item ? (
          <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`删除${LABEL[r.item.group]}第 ${r.item.index + 1} 项`} onClick={() => onChange(r.path, undefined)} />
        ) : null,
    },
  ];

  const staff = `${BASE}.staff`;
  const setStaff = (name: string, value: Json | undefined) => {
    if (asObject(read(staff))) onChange(`${staff}.${name}`, value);
    else if (value !== undefined) onChange(staff, { [name]: value });
  };
  const staffColumns: TableColumnsType<{ key: string }> = [
    { title: '编制数', key: 'quota', width: 120, onCell: () => field(`${staff}.quota`), render: () => <NumberCell count value={read(`${staff}.quota`)} label="编制数" flag={flags.get(`${staff}.quota`)} onChange={(v) => setStaff('quota', v)} /> },
    {
      title: `${year}年实际在职人数`,
      key: 'actual',
      width: 140,
      onCell: () => field(`${staff}.actual`),
      render: () => <NumberCell count value={read(`${staff}.actual`)} label="实际在职人数" flag={flags.get(`${staff}.actual`)} onChange={(v) => setStaff('actual', v)} />,
    },
    {
      title: '控制率（表列，%）',
      key: 'stated',
      width: 130,
      onCell: () => field(`${staff}.statedControlRate`),
      render: () => <NumberCell value={read(`${staff}.statedControlRate`)} label="控制率（表列）" flag={flags.get(`${staff}.statedControlRate`)} onChange={(v) => setStaff('statedControlRate', v)} />,
    },
    {
      title: '控制率（在职 ÷ 编制）',
      key: 'rate',
      width: 130,
      align: 'right',
      render: () => <DerivedValue derived={rateOf(read(`${staff}.actual`), read(`${staff}.quota`))} kind="rate" label="在职人员控制率" testId="basic-staff-rate" />,
    },
  ];

  const buildings = asObjects(basicData.buildings).map((b, index) => ({ key: index, index, b }));
  type BuildingRow = (typeof buildings)[number];
  const bAt = (r: BuildingRow, name: string) => `${BASE}.buildings[${r.index}].${name}`;
  const bFigure = (name: string, title: string): TableColumnsType<BuildingRow>[number] => ({
    title,
    key: name,
    width: 104,
    onCell: (r) => field(bAt(r, name)),
    render: (_, r) => <NumberCell value={r.b[name]} label={`第 ${r.index + 1} 个楼堂馆所项目 ${title}`} flag={flags.get(bAt(r, name))} onChange={(v) => onChange(bAt(r, name), v)} />,
  });
  const bRate = (part: string, whole: string, title: string): TableColumnsType<BuildingRow>[number] => ({
    title,
    key: `${part}-rate`,
    width: 92,
    align: 'right',
    render: (_, r) => <DerivedValue derived={rateOf(r.b[part], r.b[whole])} kind="rate" label={`第 ${r.index + 1} 个楼堂馆所项目 ${title}`} />,
  });
  const buildingColumns: TableColumnsType<BuildingRow> = [
    { title: '项目名称', key: 'name', width: 150, onCell: (r) => field(bAt(r, 'name')), render: (_, r) => <TextInput value={r.b.name} path={bAt(r, 'name')} label={`第 ${r.index + 1} 个楼堂馆所项目 名称`} onChange={onChange} /> },
    bFigure('approvedArea', '批复规模（㎡）'),
    bFigure('actualArea', '实际规模（㎡）'),
    bRate('actualArea', 'approvedArea', '规模控制率'),
    bFigure('budgetInvestment', '预算投资（万元）'),
    bFigure('actualInvestment', '实际投资（万元）'),
    bRate('actualInvestment', 'budgetInvestment', '投资概算控制率'),
    {
      title: '删除',
      key: 'remove',
      width: 44,
      align: 'center',
      render: (_, r) => <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`删除第 ${r.index + 1} 个楼堂馆所项目`} onClick={() => onChange(`${BASE}.buildings[${r.index}]`, undefined)} />,
    },
  ];

  const title = (text: string) => (
    <Typography.Title level={3} style={{ fontSize: 15, margin: '16px 0 8px' }}>
      {text}
    </Typography.Title>
  );

  return (
    <div {...field(BASE)}>
      {own.length > 0 && <TableFindings findings={own} onSelect={onSelect} />}
      {title('财政供养人员情况（人）')}
      <div {...field(staff)}>
        <Table<{ key: string }> columns={staffColumns} dataSource={[{ key: 'staff' }]} pagination={false} bordered size="small" scroll={{ x: 520 }} />
      </div>
      {title('经费控制情况（万元）')}
      <Table<CostRow>
        columns={costColumns}
        dataSource={costRows(basicData)}
        pagination={false}
        bordered
        size="small"
        scroll={{ x: 716 }}
        onRow={(r) => (r.type === 'line' ? field(r.path) : r.type === 'sum' ? { style: { background: '#fafafa' } } : {})}
      />
      {title(`楼堂馆所控制情况（${year}年完工项目）`)}
      <div {...field(`${BASE}.buildings`)}>
        <Table<BuildingRow> columns={buildingColumns} dataSource={buildings} pagination={false} bordered size="small" scroll={{ x: 740 }} onRow={(r) => field(`${BASE}.buildings[${r.index}]`)} locale={{ emptyText: '本年没有完工的楼堂馆所项目' }} />
        <Button size="small" icon={<PlusOutlined aria-hidden />} style={{ marginTop: 8 }} onClick={() => onChange(`${BASE}.buildings[${buildings.length}]`, {})}>
          添加楼堂馆所项目
        </Button>
      </div>
      {title('厉行节约保障措施')}
      <div {...field(`${BASE}.savingMeasures`)}>
        <TextInput multiline value={basicData.savingMeasures} path={`${BASE}.savingMeasures`} label="厉行节约保障措施" onChange={onChange} />
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginTop: 12 }}>
        <Typography.Text type="secondary">金额单位：万元，填写数字即可（如 4280.31）；空白表示未填，不按 0 计。“明细合计”和控制率按所填数字即时算出，与表列合计不符的显示为红色。</Typography.Text>
        <Popconfirm title="移除整张基础数据表？" description="保存后，表中所有数字都会从此评价中删除。" okText="移除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => onChange(BASE, undefined)}>
          <Button size="small" danger>
            移除基础数据表
          </Button>
        </Popconfirm>
      </div>
    </div>
  );
}

/** The table's own findings, errors first, each leading to its cell (as the findings panel beside the form does). */
function TableFindings({ findings, onSelect }: { readonly findings: readonly Finding[]; readonly onSelect: (path: string) => void }) {
  const sorted = [...findings].sort((a, b) => RANK[b.severity] - RANK[a.severity]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <Alert
      type={errors ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 4 }}
      title={`基础数据表的审查发现 ${findings.length} 项${errors ? `，其中错误 ${errors} 项` : ''}`}
      description={
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="基础数据表的审查发现">
          {sorted.map((f, i) => {
            const path = f.location?.path;
            const body = (
              <>
                <Tag color={SEVERITY_COLOR[f.severity]} style={{ marginInlineEnd: 6 }}>
                  {SEVERITY_LABEL[f.severity]}
                </Tag>
                {f.message}
              </>
            );
            return (
              <li key={f.id ?? `${f.rule}-${i}`} style={{ padding: '2px 0' }}>
                {path ? (
                  <button type="button" className="jx-finding" onClick={() => onSelect(path)} style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', font: 'inherit', color: 'inherit', textAlign: 'start' }}>
                    {body}
                  </button>
                ) : (
                  body
                )}
              </li>
            );
          })}
        </ul>
      }
    />
  );
}
