import type { OutlineSection, RequiredAttachment } from './framework';

/**
 * The Hunan ten-section outline (seeds 000, 001, 004; scoring-rules.md §6.1). Keywords, not numbers,
 * find the sections: seeds drop or change numbering ("二、一般公共预算收支情况", an unnumbered "七").
 */
export const HUNAN_OUTLINE: readonly OutlineSection[] = [
  { id: 'basic-info', heading: '一、基本情况', keywords: ['基本情况', '部门概况', '单位概况'], required: true },
  { id: 'general-budget', heading: '二、一般公共预算支出情况', keywords: ['一般公共预算'], required: true },
  { id: 'government-fund', heading: '三、政府性基金预算支出情况', keywords: ['政府性基金'], required: true },
  { id: 'state-capital', heading: '四、国有资本经营预算支出情况', keywords: ['国有资本经营'], required: true },
  { id: 'social-insurance', heading: '五、社会保险基金预算支出情况', keywords: ['社会保险基金'], required: true },
  { id: 'performance', heading: '六、部门整体支出绩效情况', keywords: ['整体支出绩效情况', '绩效情况'], required: true },
  { id: 'problems', heading: '七、存在的问题及原因分析', keywords: ['存在的问题', '主要问题'], required: true },
  { id: 'measures', heading: '八、下一步改进措施', keywords: ['改进措施', '整改措施'], required: true },
  { id: 'application', heading: '九、部门整体支出绩效自评结果拟应用和公开情况', keywords: ['应用和公开', '结果应用', '公开情况'], required: true },
  { id: 'other', heading: '十、其他需要说明的情况', keywords: ['其他需要说明'], required: true },
];

/** 岳阳: "报告需要以下附件：1.基础数据表 2.部门整体支出绩效自评表 3.项目支出绩效自评表（一个一级项目支出一张表）". */
export const HUNAN_ATTACHMENTS: readonly RequiredAttachment[] = [
  { id: 'basic-data', title: '部门整体支出绩效评价基础数据表', required: true },
  { id: 'department-table', title: '部门整体支出绩效自评表', required: true },
  { id: 'project-tables', title: '项目支出绩效自评表（一个一级项目支出一张表）', required: true },
];

/** 浏阳 2022 (seed 003): its own eight sections and the 部门整体支出绩效自评表. */
export const LIUYANG_OUTLINE: readonly OutlineSection[] = [
  { id: 'basic-info', heading: '一、部门概况', keywords: ['部门概况', '基本情况'], required: true },
  { id: 'funds', heading: '二、部门整体支出资金管理及使用情况', keywords: ['资金管理及使用', '支出管理及使用'], required: true },
  { id: 'projects', heading: '三、部门项目实施情况', keywords: ['项目实施', '项目组织实施'], required: true },
  { id: 'assets', heading: '四、资产管理情况', keywords: ['资产管理'], required: true },
  { id: 'performance', heading: '五、部门整体支出绩效情况', keywords: ['绩效情况'], required: true },
  { id: 'problems', heading: '六、存在的主要问题', keywords: ['存在的', '主要问题'], required: true },
  { id: 'measures', heading: '七、改进措施和有关建议', keywords: ['改进措施', '建议'], required: true },
  { id: 'grade', heading: '八、部门整体支出绩效评价等级', keywords: ['评价等级', '等级'], required: true },
];

export const LIUYANG_ATTACHMENTS: readonly RequiredAttachment[] = [
  { id: 'department-table', title: '部门整体支出绩效自评表', required: true },
];
