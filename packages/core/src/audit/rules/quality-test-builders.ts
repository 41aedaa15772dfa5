import type { Evaluation, Indicator, ReportSection } from '../../model/evaluation';
import type { ReportPart } from '../../extract/extract-report';
import { HUNAN_OUTLINE } from '../../frameworks/outlines';
import { HUNAN_STANDARD } from '../../frameworks/hunan-standard';
import type { Framework } from '../../frameworks/framework';
import { evaluation, fundRow, indicator } from '../../scoring/test-builders';
import type { AuditInput } from '../audit-rule';

/** Builders for the quality rules' tests: a complete Hunan ten-section report that each test spoils in one way. */

export const PROBLEMS = [
  '（一）预算编制不够精准',
  '部分项目预算编制与实际执行偏差较大，年末结转较多。',
  '（二）政府采购程序不够规范',
  '个别采购项目未及时备案。',
  '（三）资产管理有待加强',
  '固定资产账实不符。',
  '（四）履职效能有待提升',
  '部分工作推进较慢。',
].join('\n');

export const MEASURES = [
  '（一）提高预算编制精准度，细化项目测算，减少年末结转。',
  '（二）规范政府采购程序，采购项目及时备案。',
  '（三）加强资产管理，定期盘点固定资产，做到账实相符。',
  '（四）提升履职效能，按计划推进各项工作。',
].join('\n');

const TEXTS: Readonly<Record<string, string>> = {
  'basic-info': '（一）职能职责\n负责本部门的各项工作。',
  'general-budget': '（一）基本支出情况\n2024年基本支出 100 万元。',
  'government-fund': '无',
  'state-capital': '本单位无国有资本经营预算支出。',
  'social-insurance': '无。',
  performance: '2024年部门整体支出绩效自评得分 96 分。',
  problems: PROBLEMS,
  measures: MEASURES,
  application: '按规定在门户网站公开。',
  other: '无',
};

/** The ten Hunan sections; `texts` replaces a section's text, `drop` leaves sections out, `headings` renames them. */
export function sections(options: { texts?: Record<string, string>; drop?: readonly string[]; headings?: Record<string, string> } = {}): ReportSection[] {
  return HUNAN_OUTLINE.filter((o) => !(options.drop ?? []).includes(o.id)).map((o) => ({
    heading: options.headings?.[o.id] ?? o.heading,
    text: options.texts?.[o.id] ?? TEXTS[o.id] ?? '',
  }));
}

/** 产出 30 + 20, 效益 30, 满意度 10, 预算执行率 10: the 10/50/30/10 scheme, every target a number. */
export function goodIndicators(): Indicator[] {
  return [
    indicator({ level1: '产出指标', level2: '数量指标', name: '召开会议次数', target: '≥6次', actual: '8次', weight: '30', score: '30' }),
    indicator({ level1: '产出指标', level2: '时效指标', name: '按时完成率', target: '100%', actual: '100%', weight: '20', score: '20' }),
    indicator({ level1: '效益指标', level2: '社会效益指标', name: '建议办结率', target: '≥95%', actual: '98%', weight: '30', score: '30' }),
    indicator({ level1: '满意度指标', level2: '服务对象满意度指标', name: '代表满意度', target: '≥90%', actual: '96%', weight: '10', score: '10' }),
  ];
}

export function report(fields: Partial<Evaluation> = {}): Evaluation {
  return evaluation({
    kind: 'department',
    title: '测试部门',
    frameworkId: 'hunan-standard',
    funds: [fundRow({ annualBudget: '100', executed: '96', weight: '10' })],
    indicators: goodIndicators(),
    sections: sections(),
    ...fields,
  });
}

export function project(fields: Partial<Evaluation> = {}): Evaluation {
  return evaluation({ title: '测试项目', funds: [fundRow({ annualBudget: '10', executed: '10', weight: '10' })], indicators: goodIndicators(), ...fields });
}

export const ALL_PARTS: readonly ReportPart[] = [{ kind: 'report' }, { kind: 'basicData' }, { kind: 'department' }, { kind: 'project' }, { kind: 'project' }];

export function auditInput(evaluations: readonly Evaluation[], parts?: readonly ReportPart[], framework: Framework = HUNAN_STANDARD): AuditInput {
  return { evaluations, statements: [], frameworkOf: () => framework, ...(parts ? { parts } : {}) };
}
