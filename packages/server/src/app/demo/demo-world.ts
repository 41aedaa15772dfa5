import type { DeadlineKind, EvaluationStatus, JurisdictionLevel, Role } from '../store/database';

/**
 * The demo world loaded on a first start: 湖南省 and the jurisdictions of the five seed reports, one unit per
 * report (names and years as the reports state them, shared/seeds/README.md), and users for every role.
 * Each unit's evaluations end in a different workflow status, so that every screen has something to show.
 */
export interface DemoJurisdiction {
  readonly key: string;
  readonly parent?: string;
  readonly name: string;
  readonly level: JurisdictionLevel;
  /** 行政区划代码. */
  readonly code: string;
}

export const DEMO_JURISDICTIONS: readonly DemoJurisdiction[] = [
  { key: 'hn', name: '湖南省', level: 'province', code: '430000' },
  { key: 'yiy', parent: 'hn', name: '益阳市', level: 'city', code: '430900' },
  { key: 'ah', parent: 'yiy', name: '安化县', level: 'county', code: '430923' },
  { key: 'cs', parent: 'hn', name: '长沙市', level: 'city', code: '430100' },
  // 浏阳市 is a county-level city: in the tree it sits where counties do.
  { key: 'ly', parent: 'cs', name: '浏阳市', level: 'county', code: '430181' },
  { key: 'yy', parent: 'hn', name: '岳阳市', level: 'city', code: '430600' },
];

export interface DemoReview {
  readonly status: EvaluationStatus;
  /** 退回意见, for a returned evaluation. */
  readonly comment?: string;
  /**
   * The day the unit head submitted (China time), for every status past 草稿. The seeds do not say when they
   * were sent: these dates are made up, all on time (by 5月31日, demoDeadlines) but 安化's, three working
   * days late, so that the 考核评分表's 提交报告 line shows a deduction (10 − 3 = 7).
   */
  readonly submittedOn?: string;
}

export interface DemoUnit {
  readonly key: string;
  readonly seed: '000' | '001' | '002' | '003' | '004';
  /** The report's file in packages/server/demo/. */
  readonly file: string;
  readonly jurisdiction: string;
  readonly name: string;
  /** 单位代码: the jurisdiction's code and a sequence number (the finance system's own codes are not public). */
  readonly code: string;
  /** 编制数, where the report states it. */
  readonly staffQuota: number | null;
  readonly year: number;
  /** Where the unit's evaluations end; every evaluation of the report shares it. */
  readonly review: DemoReview;
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  { key: 'hnrd', seed: '000', file: '000_f9e1903535bc2e24.txt', jurisdiction: 'hn', name: '湖南省人大常委会办公厅', code: '430000-001', staffQuota: null, year: 2024, review: { status: 'draft' } },
  {
    key: 'hnzf',
    seed: '001',
    file: '001_89c0cb00bebb9dcf.txt',
    jurisdiction: 'hn',
    name: '湖南省人民政府办公厅',
    code: '430000-002',
    staffQuota: null,
    year: 2024,
    review: {
      status: 'returned',
      submittedOn: '2025-05-28',
      comment: '预算执行率自评 9 分，按线性规则 10 × 94.48% 应为 9.45 分，总分因此为 99.45 分而非 99 分。如按整数分计，请在报告中写明取整规则；同时补充预算执行差异的原因和评价等级，修改后重新提交。',
    },
  },
  { key: 'ahrd', seed: '002', file: '002_e2faa60e7ec703ad.txt', jurisdiction: 'ah', name: '安化县人大常委会办公室', code: '430923-001', staffQuota: 42, year: 2024, review: { status: 'submitted', submittedOn: '2025-06-04' } },
  { key: 'lyrd', seed: '003', file: '003_3601ec7874285035.txt', jurisdiction: 'ly', name: '浏阳市人大常委会办公室', code: '430181-001', staffQuota: null, year: 2022, review: { status: 'approved', submittedOn: '2023-05-30' } },
  { key: 'yyrd', seed: '004', file: '004_cbe60655ee86d378.txt', jurisdiction: 'yy', name: '岳阳市人大常委会', code: '430600-001', staffQuota: 111, year: 2022, review: { status: 'published', submittedOn: '2023-05-26' } },
];

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** A jurisdiction key (jurisdiction roles) or a unit key (填报人, 单位负责人). */
  readonly jurisdiction?: string;
  readonly unit?: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', jurisdiction: 'hn' },
  { username: 'fin_hn', displayName: '湖南省财政厅审核员', role: 'finance_reviewer', jurisdiction: 'hn' },
  { username: 'fin_yy', displayName: '岳阳市财政局审核员', role: 'finance_reviewer', jurisdiction: 'yy' },
  { username: 'npc_hn', displayName: '湖南省人大预算工委', role: 'npc_supervisor', jurisdiction: 'hn' },
  ...DEMO_UNITS.flatMap((u): DemoUser[] => [
    { username: `filler_${u.key}`, displayName: `${u.name}填报人`, role: 'filler', unit: u.key },
    { username: `head_${u.key}`, displayName: `${u.name}负责人`, role: 'unit_head', unit: u.key },
  ]),
];

/** The reviewer who returns, approves and publishes a unit's evaluations: the nearest 财政审核 above it. */
export function demoReviewer(unit: DemoUnit): string {
  return unit.jurisdiction === 'yy' ? 'fin_yy' : 'fin_hn';
}

/**
 * Deadlines of year N's self-evaluation, in year N+1. Publication by 6月20日 is sourced (湖南省财政厅's notice,
 * scoring-rules.md "Publication"); the submission and review dates are not published anywhere we found, so
 * these two are demo values that leave the finance bureau the days between them.
 */
export function demoDeadlines(year: number): { kind: DeadlineKind; dueDate: string }[] {
  return [
    { kind: 'submit', dueDate: `${year + 1}-05-31` },
    { kind: 'review', dueDate: `${year + 1}-06-10` },
    { kind: 'publish', dueDate: `${year + 1}-06-20` },
  ];
}
