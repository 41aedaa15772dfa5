import type { EvaluationStatus, Role } from './api/types';

/** The workflow's statuses as users read them (server app/evaluations/workflow.ts holds the same words). */
export const STATUS_LABEL: Readonly<Record<EvaluationStatus, string>> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '退回修改',
  approved: '已审核',
  published: '已公开',
};

/** antd Tag colours per status: grey while the unit works, blue with the bureau, green when done. */
export const STATUS_COLOR: Readonly<Record<EvaluationStatus, string>> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
  published: 'green',
};

export const STATUSES = Object.keys(STATUS_LABEL) as EvaluationStatus[];

export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  filler: '填报人',
  unit_head: '单位负责人',
  finance_reviewer: '财政审核',
  npc_supervisor: '人大监督',
  admin: '系统管理员',
};

export const KIND_LABEL: Readonly<Record<string, string>> = {
  department: '部门整体支出',
  project: '项目支出',
};

export const SEVERITY_LABEL: Readonly<Record<string, string>> = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITY_COLOR: Readonly<Record<string, string>> = { error: 'error', warning: 'warning', info: 'default' };

/**
 * Short Chinese titles of the audit and scoring rules (core's catalog, docs/audit.md), for tables that list
 * rules by id. The catalog itself stays out of the browser bundle: it carries every rule's code.
 */
export const RULE_TITLE: Readonly<Record<string, string>> = {
  'audit.execution-rate': '执行率与预算数、执行数不符',
  'audit.execution-over-100': '执行数超过预算数',
  'audit.fund-parts': '资金各部分之和与合计不符',
  'audit.basic-data': '基础数据表合计或控制率不符',
  'audit.year-on-year': '同比增减额或增减率不符',
  'audit.shares': '占比与其部分和整体不符',
  'audit.prose-vs-table': '正文与表格的同一数字不一致',
  'audit.prose-rates': '正文所称控制率不符',
  'audit.quality.refinement': '绩效指标未细化到三级',
  'audit.quality.measurability': '绩效指标值无法衡量',
  'audit.quality.satisfaction-100': '满意度均为 100%',
  'audit.quality.problems-measures': '问题与改进措施不对应',
  'audit.quality.yueyang-rubric': '岳阳市自评工作考核评分',
  'audit.quality.sections': '报告正文部分缺失或为空',
  'audit.quality.attachments': '报告缺少附表',
  'audit.scoring': '自评得分与评分规则不符',
  'audit.score-above-execution': '自评得分率远高于预算执行率',
  'audit.score-missing': '报告没有自评得分',
  'score.execution-stated-differs': '预算执行率得分与规则不符',
  'score.execution-rate-conflict': '执行率与金额不符（计分）',
  'score.execution-cap': '执行率封顶扣分',
  'score.execution-missing': '缺少预算执行数据',
  'score.stated-differs': '指标得分与规则不符',
  'score.level-differs': '一级/二级指标得分不符',
  'score.total-differs': '自评总分与计算不符',
  'score.grade-differs': '评价等级与总分不符',
  'score.grade-missing': '缺少评价等级',
  'score.deduction-without-reason': '扣分未说明原因',
  'score.deduction-inconsistent': '扣分说明前后不一',
  'score.not-quantifiable': '指标无法定量计分',
  'score.over-achieved': '完成值大幅超过指标值',
  'score.exceeds-weight': '得分超过分值',
  'score.weight-missing': '缺少分值',
  'score.weights-do-not-sum': '分值合计不为 100',
  'score.leaf-unscored': '指标未计分',
};

export const FLAG_LABEL: Readonly<Record<string, string>> = {
  'score-above-execution': '高分低执行',
  'executed-above-budget': '超预算执行',
  'score-differs': '自评与复算不符',
  'has-errors': '有审查错误',
};
