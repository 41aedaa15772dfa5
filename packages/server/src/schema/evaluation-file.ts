import * as z from 'zod';
import { DIRECTIONS, dec } from '@jixiao/core';
import type { Decimal } from '@jixiao/core';

/**
 * The evaluation file format (`jixiao.evaluation/1`): JSON with amounts as decimal strings in 万元.
 * This zod schema is the single definition; the JSON Schema in docs/ is generated from it
 * (`npm run schema`) and the core model is what it parses into. See docs/evaluation-format.md.
 */

z.config(z.locales.zhCN());

// Plain decimal strings are canonical. JSON numbers are accepted for convenience when they carry at
// most 15 significant digits, where a double's shortest decimal form is exactly what was written.
const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

export const decimalValue = z
  .union([
    z.string().trim().regex(DECIMAL_STRING, { message: '应为十进制数字字符串，如 "4280.31"' }),
    z
      .number()
      .finite()
      .refine((n) => String(n).replace(/^-|\.|e.*$/g, '').replace(/^0+/, '').length <= 15, {
        message: '数字超过 15 位有效数字，请改用字符串',
      }),
  ])
  .transform((v): Decimal => dec(String(v)))
  .meta({ id: 'Decimal', description: '十进制数：金额为万元，百分比为百分点（92.56 即 92.56%）' });

const text = z.string();
const optionalText = z.string().optional();

export const sourceRefSchema = z
  .object({
    file: z.string().optional(),
    page: z.number().int().positive().optional(),
    block: z.number().int().nonnegative().optional(),
    row: z.number().int().nonnegative().optional(),
    column: z.number().int().nonnegative().optional(),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().nonnegative().optional(),
    path: z.string().optional(),
  })
  .strict()
  .meta({ id: 'SourceRef', description: '来源位置：文件、页、块、表格行列、字符范围或字段路径' });

export const FUND_LINES = [
  'total',
  'currentAppropriation',
  'carryOver',
  'other',
  'generalBudget',
  'governmentFund',
  'specialAccount',
  'basic',
  'personnel',
  'publicExpense',
  'project',
] as const;

export const fundRowSchema = z
  .object({
    line: z.enum(FUND_LINES).describe('资金行：total 年度资金总额, currentAppropriation 当年财政拨款, carryOver 上年结转资金, other 其他资金, generalBudget 一般公共预算, governmentFund 政府性基金拨款, specialAccount 纳入专户管理的非税收入拨款, basic 基本支出, personnel 人员经费, publicExpense 公用经费, project 项目支出'),
    label: text,
    initialBudget: decimalValue.optional().describe('年初预算数（万元）'),
    annualBudget: decimalValue.optional().describe('全年预算数（万元，含上年结转）'),
    executed: decimalValue.optional().describe('全年执行数（万元）'),
    weight: decimalValue.optional().describe('分值：计分的资金行才有'),
    statedRate: decimalValue.optional().describe('执行率 as stated, percent points (92.56 for 92.56%)'),
    statedScore: decimalValue.optional(),
    note: optionalText,
    source: sourceRefSchema.optional(),
  })
  .strict();

export const fundsSchema = z
  .object({
    budget: decimalValue.optional().describe('全年预算数 of the scored row (summary, 万元)'),
    executed: decimalValue.optional().describe('全年执行数 of the scored row (summary, 万元)'),
    executionRate: decimalValue.optional().describe('执行率 of the scored row as stated, percent points'),
    rows: z.array(fundRowSchema).optional(),
  })
  .strict();

export const indicatorSchema = z
  .object({
    level1: text.describe('一级指标'),
    level2: text.describe('二级指标'),
    name: text.describe('三级指标'),
    direction: z.enum(DIRECTIONS as ['GE', 'GT', 'EQ', 'LT', 'LE', 'QUAL']).optional(),
    targetText: text.describe('年度指标值（原文）'),
    target: decimalValue.optional(),
    targetUnit: optionalText,
    actualText: text.describe('实际完成值（原文）'),
    actual: decimalValue.optional(),
    actualUnit: optionalText,
    qualLevel: z.enum(['achieved', 'partial', 'notAchieved']).optional(),
    weight: decimalValue.optional().describe('分值'),
    score: decimalValue.optional().describe('得分（自评）'),
    deviationReason: optionalText.describe('偏差原因分析及改进措施'),
    source: sourceRefSchema.optional(),
  })
  .strict();

export const statedLevelScoreSchema = z
  .object({
    level1: text,
    level2: optionalText,
    weight: decimalValue.optional(),
    score: decimalValue.optional(),
    deduction: decimalValue.optional(),
    source: sourceRefSchema.optional(),
  })
  .strict();

export const statedScoresSchema = z
  .object({
    total: decimalValue.optional(),
    grade: optionalText,
    execution: z
      .object({
        weight: decimalValue.optional(),
        score: decimalValue.optional(),
        deduction: decimalValue.optional(),
      })
      .strict()
      .optional(),
    levels: z.array(statedLevelScoreSchema).optional(),
  })
  .strict();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应为 yyyy-mm-dd' });

export const unitSchema = z
  .object({
    name: text,
    code: optionalText,
    supervisor: optionalText,
    implementer: optionalText,
    staffQuota: z.number().int().nonnegative().optional(),
    contact: optionalText,
    phone: optionalText,
    filledDate: isoDate.optional(),
    head: optionalText,
  })
  .strict();

export const costLineSchema = z
  .object({
    label: text,
    priorActual: decimalValue.optional(),
    budget: decimalValue.optional(),
    actual: decimalValue.optional(),
    source: sourceRefSchema.optional(),
  })
  .strict();

export const costGroupSchema = z.object({ total: costLineSchema, items: z.array(costLineSchema) }).strict();

export const basicDataSchema = z
  .object({
    staff: z
      .object({
        quota: z.number().int().nonnegative().optional(),
        actual: z.number().int().nonnegative().optional(),
        statedControlRate: decimalValue.optional(),
      })
      .strict()
      .optional(),
    threePublic: z
      .object({
        total: costLineSchema,
        vehicle: costLineSchema.optional(),
        vehiclePurchase: costLineSchema.optional(),
        vehicleOperation: costLineSchema.optional(),
        overseas: costLineSchema.optional(),
        reception: costLineSchema.optional(),
      })
      .strict()
      .optional(),
    projects: costGroupSchema.optional(),
    publicExpense: costGroupSchema.optional(),
    procurement: costLineSchema.optional(),
    basicBudgetAdjustment: costLineSchema.optional(),
    buildings: z
      .array(
        z
          .object({
            name: optionalText,
            approvedArea: decimalValue.optional(),
            actualArea: decimalValue.optional(),
            budgetInvestment: decimalValue.optional(),
            actualInvestment: decimalValue.optional(),
          })
          .strict(),
      )
      .optional(),
    savingMeasures: optionalText,
    source: sourceRefSchema.optional(),
  })
  .strict();

export const evaluationSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal('jixiao.evaluation/1').optional(),
    kind: z.enum(['department', 'project']).describe('department 部门整体支出 / project 项目支出'),
    year: z.number().int().min(2000).max(2100).describe('预算年度'),
    title: text.min(1).describe('单位名称（部门整体）或项目支出名称（项目）'),
    unit: unitSchema,
    frameworkId: optionalText,
    funds: fundsSchema.default({}),
    goals: z
      .array(z.object({ planned: text, achieved: text, source: sourceRefSchema.optional() }).strict())
      .default([]),
    indicators: z.array(indicatorSchema).default([]),
    stated: statedScoresSchema.default({}),
    basicData: basicDataSchema.optional(),
    sections: z.array(z.object({ heading: text, text, source: sourceRefSchema.optional() }).strict()).default([]),
    source: sourceRefSchema.optional(),
  })
  .strict()
  .meta({ id: 'Evaluation', description: '一个预算绩效自评：部门整体支出或项目支出，一个单位一个年度' });

/** Several evaluations in one file: a unit's 部门整体 and its 项目 (as one report holds them, e.g. seed 004). */
export const bundleSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal('jixiao.evaluations/1').optional(),
    evaluations: z.array(evaluationSchema).min(1),
  })
  .passthrough();

export const evaluationFileSchema = z.union([evaluationSchema, bundleSchema]);

export type EvaluationFileInput = z.input<typeof evaluationSchema>;
export type ParsedEvaluationFile = z.output<typeof evaluationSchema>;
