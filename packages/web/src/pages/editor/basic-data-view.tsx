import { Alert, Descriptions } from 'antd';
import { money } from '../../format';
import { useFieldProps } from '../evaluation/highlight';
import type { Json, JsonObject } from './json-path';

/**
 * 基础数据表, read-only in this phase: its key figures as stored (an import fills them; editing them comes
 * later). Amounts stay the strings the server keeps.
 */
const LINES: readonly { path: string; label: string }[] = [
  { path: 'threePublic.total', label: '“三公”经费合计' },
  { path: 'threePublic.overseas', label: '因公出国（境）费' },
  { path: 'threePublic.vehicle', label: '公务用车购置及运行费' },
  { path: 'threePublic.reception', label: '公务接待费' },
  { path: 'projects.total', label: '项目支出合计' },
  { path: 'publicExpense.total', label: '公用经费合计' },
  { path: 'procurement', label: '政府采购金额' },
  { path: 'basicBudgetAdjustment', label: '部门基本支出预算调整' },
];

function get(root: JsonObject, path: string): Json | undefined {
  let node: Json | undefined = root;
  for (const key of path.split('.')) node = node !== null && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined;
  return node;
}

export function BasicDataView({ basicData }: { readonly basicData: JsonObject }) {
  const field = useFieldProps();
  const staff = (basicData.staff ?? {}) as JsonObject;
  const amount = (v: Json | undefined) => (typeof v === 'string' ? money(v) : '—');
  return (
    <div {...field('basicData')}>
      <Alert type="info" showIcon title="基础数据表在本阶段只读：以下为导入或保存时的数据，修改请重新导入。" style={{ marginBottom: 12 }} />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="编制数">{typeof staff.quota === 'number' ? staff.quota : '—'}</Descriptions.Item>
        <Descriptions.Item label="实际在职人数">{typeof staff.actual === 'number' ? staff.actual : '—'}</Descriptions.Item>
        {LINES.map(({ path, label }) => {
          const line = get(basicData, path);
          if (line === undefined || line === null || typeof line !== 'object' || Array.isArray(line)) return null;
          return (
            <Descriptions.Item key={path} label={`${label}（万元）`}>
              <span {...field(`basicData.${path}`, 'jx-num')}>
                预算 {amount(line.budget)} · 决算 {amount(line.actual)}
              </span>
            </Descriptions.Item>
          );
        })}
      </Descriptions>
    </div>
  );
}
