import { AUDIT_RULES } from '@jixiao/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import { findReadableJurisdiction } from '../admin/jurisdiction-access';
import { EXPORT_MEDIA_TYPE } from '../documents/export-evaluation';
import { STATUS_LABEL } from '../evaluations/workflow';
import type { ReportCell, ReportTable, ReportXlsxRenderer } from '../ports';
import type { Database } from '../store/database';
import { FLAG_LABEL } from './flags';
import type { Dashboard } from './jurisdiction-dashboard';
import { jurisdictionDashboard } from './jurisdiction-dashboard';
import { openingYear } from './workbench';

/**
 * The supervision dashboard as a workbook a 人大 or 财政 reviewer can file, sort and sum: 各单位, 审查发现 and
 * 历年趋势, with the same figures as GET /api/dashboard (the same use case, the same authorization: a
 * jurisdiction the actor may not read does not exist).
 */
export type DashboardExportResult = { readonly ok: true; readonly bytes: Uint8Array; readonly filename: string; readonly mediaType: string } | { readonly ok: false; readonly kind: 'not-found' };

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

// Only the auditor's rules have a catalog title; the scoring engine's (score.*) are listed by id alone.
const RULE_TITLE: ReadonlyMap<string, string> = new Map(AUDIT_RULES.map((r) => [r.id, r.title]));

const amount = (value: string | null): ReportCell => (value === null ? null : { kind: 'amount', value });
const rate = (value: string | null): ReportCell => (value === null ? null : { kind: 'rate', value });
const score = (value: string | null): ReportCell => (value === null ? null : { kind: 'score', value });

export function dashboardTables(d: Dashboard): ReportTable[] {
  const place = `${d.jurisdiction.name} ${d.year} 年度`;
  const units: ReportTable = {
    name: '各单位',
    title: `${place}部门整体支出绩效自评情况`,
    columns: [
      { header: '单位', width: 30 },
      { header: '单位编码', width: 13 },
      { header: '地区', width: 10 },
      { header: '状态', width: 10 },
      { header: '预算数（万元）', width: 15 },
      { header: '执行数（万元）', width: 15 },
      { header: '执行率', width: 10 },
      { header: '自评得分', width: 10 },
      { header: '计算得分', width: 10 },
      { header: '等级', width: 7 },
      { header: '错误', width: 7 },
      { header: '警告', width: 7 },
      { header: '提示', width: 44 },
    ],
    rows: d.units.map((u) => [
      u.unitName,
      u.unitCode,
      u.jurisdictionName,
      u.status ? STATUS_LABEL[u.status] : '尚无评价',
      amount(u.budget),
      amount(u.executed),
      rate(u.executionRate),
      score(u.statedScore),
      score(u.computedScore),
      u.grade,
      u.evaluationId ? u.errorCount : null,
      u.evaluationId ? u.warningCount : null,
      u.flags.length ? u.flags.map((f) => FLAG_LABEL[f]).join('；') : null,
    ]),
    notes: [
      '只含部门整体支出评价（项目支出的资金已含在其单位的部门整体资金中）。计算得分为系统按评分规则复算的得分。',
      '金额、执行率与得分为系统中的精确值，写作数值以便求和与排序；显示的小数位与原值相同。',
    ],
  };
  const findings: ReportTable = {
    name: '审查发现',
    title: `${place}审查发现（按规则）`,
    columns: [
      { header: '规则', width: 34 },
      { header: '说明', width: 30 },
      { header: '严重程度', width: 10 },
      { header: '发现数', width: 9 },
      { header: '涉及评价', width: 10 },
    ],
    rows: d.findingsByRule.map((f) => [f.rule, RULE_TITLE.get(f.rule) ?? null, SEVERITY_LABEL[f.severity], f.count, f.evaluations]),
    notes: ['各评价当前版本的审查发现，只含部门整体支出评价。'],
  };
  const trend: ReportTable = {
    name: '历年趋势',
    title: `${d.jurisdiction.name}历年部门整体支出绩效自评`,
    columns: [
      { header: '年度', width: 8 },
      { header: '评价数', width: 9 },
      { header: '有金额的评价', width: 13 },
      { header: '预算数合计（万元）', width: 19 },
      { header: '执行数合计（万元）', width: 19 },
      { header: '执行率', width: 10 },
      { header: '平均计算得分', width: 13 },
    ],
    rows: d.trend.map((t) => [t.year, t.evaluations, t.withFigures, amount(t.budget), amount(t.executed), rate(t.executionRate), score(t.averageScore)]),
    notes: ['执行率 = 执行数合计 ÷ 预算数合计 × 100%（只含有预算数与执行数的评价），四舍五入保留两位；平均计算得分四舍五入保留两位。'],
  };
  return [units, findings, trend];
}

/** Characters Windows refuses in file names become “_”. */
export function dashboardExportFilename(d: Pick<Dashboard, 'jurisdiction' | 'year'>): string {
  // eslint-disable-next-line no-control-regex -- control characters are among those replaced
  return `${d.jurisdiction.name}-${d.year}年度-监督看板.xlsx`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}

export async function exportDashboard(db: Kysely<Database>, actor: Actor, query: { readonly jurisdictionId: string; readonly year?: number | undefined }, now: Date, render: ReportXlsxRenderer): Promise<DashboardExportResult> {
  const place = await findReadableJurisdiction(db, actor, query.jurisdictionId);
  if (!place) return { ok: false, kind: 'not-found' };
  const dashboard = await jurisdictionDashboard(db, actor, place, query.year ?? (await openingYear(db, actor, now)));
  const bytes = await render(dashboardTables(dashboard));
  return { ok: true, bytes, filename: dashboardExportFilename(dashboard), mediaType: EXPORT_MEDIA_TYPE.xlsx };
}
