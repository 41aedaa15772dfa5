import { dec } from '../money/decimal';
import type { Evaluation, FundRow, Indicator } from '../model/evaluation';

/** Small builders for tests: an evaluation or indicator with only the fields a test cares about. */
export function indicator(fields: {
  level1?: string;
  level2?: string;
  name?: string;
  target: string;
  actual: string;
  weight?: string;
  score?: string;
  deviationReason?: string;
  direction?: Indicator['direction'];
  qualLevel?: Indicator['qualLevel'];
}): Indicator {
  return {
    level1: fields.level1 ?? '产出指标',
    level2: fields.level2 ?? '数量指标',
    name: fields.name ?? '测试指标',
    target: { text: fields.target },
    actual: { text: fields.actual },
    ...(fields.weight ? { weight: dec(fields.weight) } : {}),
    ...(fields.score ? { score: dec(fields.score) } : {}),
    ...(fields.deviationReason !== undefined ? { deviationReason: fields.deviationReason } : {}),
    ...(fields.direction ? { direction: fields.direction } : {}),
    ...(fields.qualLevel ? { qualLevel: fields.qualLevel } : {}),
  };
}

export function fundRow(fields: Partial<Record<'initialBudget' | 'annualBudget' | 'executed' | 'weight' | 'statedRate' | 'statedScore', string>> & { line?: FundRow['line']; note?: string }): FundRow {
  const { line, note, ...amounts } = fields;
  const row: Record<string, unknown> = { line: line ?? 'total', label: '年度资金总额', ...(note ? { note } : {}) };
  for (const [k, v] of Object.entries(amounts)) if (v !== undefined) row[k] = dec(v);
  return row as unknown as FundRow;
}

export function evaluation(fields: Partial<Evaluation> = {}): Evaluation {
  return {
    kind: 'project',
    year: 2024,
    title: '测试项目',
    unit: { name: '测试单位' },
    funds: [],
    goals: [],
    indicators: [],
    stated: {},
    sections: [],
    ...fields,
  };
}
