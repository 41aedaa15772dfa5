/**
 * The source register of scoring-rules.md §1, so that every rule can carry where it comes from and how
 * sure we are of it. Evidence levels: A official text seen; B official text known but not retrieved
 * (recalled — verify before go-live); C practice (local templates, vendor code); S the seed reports;
 * I our own inference (a design proposal).
 */
export type EvidenceLevel = 'A' | 'B' | 'C' | 'S' | 'I';

export interface Citation {
  /** Id in the register, e.g. "S-MOF10". */
  readonly source: SourceId;
  readonly evidence: readonly EvidenceLevel[];
  /** What this source says for the rule, short, quoted or condensed. */
  readonly note?: string;
}

export const SOURCES = {
  'S-MOF10': '财政部《项目支出绩效评价管理办法》财预〔2020〕10号',
  'S-DZ': '财政部预算司等级划分标准（鼎正工程咨询转述）',
  'S-FDK': 'fudaoke 问答（默认权重）',
  'S-MOF53': '财预〔2013〕53号《预算绩效评价共性指标体系框架》',
  'S-TAO': '部门整体支出绩效评价指标体系表（53号附件2文本转载）',
  'S-YBV': '部门整体支出绩效评价指标（OCR 转载，可靠性低）',
  'S-GLJ': '岳阳市某市直单位部门整体支出自评评分表',
  'S-WL': '部门预算管理考核表（省份不明）',
  'S-CCW': '湖南省科技厅通知（引湘财绩〔2025〕2号）',
  'S-A1M': '预算管理一体化平台绩效自评操作手册',
  'S-PMKPI': '财政部 FASP2 pmkpi 绩效模块代码',
  'S-VAL': '第三方自评表校验代码',
  'S-SC': '四川青神县部门预算项目支出绩效自评表(2023)',
  'S-DOCZJ': '项目支出绩效自评表填表说明（来源不明）',
  'S-HS': '衡山县贯塘乡 2023 基础数据表与部门整体支出绩效自评表',
  'SEED-000': '种子报告 000 湖南省人大常委会办公厅 2024',
  'SEED-001': '种子报告 001 湖南省人民政府办公厅 2024',
  'SEED-002': '种子报告 002 安化县人大常委会办公室 2024',
  'SEED-003': '种子报告 003 浏阳市人大常委会 2022',
  'SEED-004': '种子报告 004 岳阳市人大常委会 2022',
  JIXIAO: 'Jixiao 设计推断（无外部出处）',
} as const;

export type SourceId = keyof typeof SOURCES;

/** Shorthand for a citation. */
export function cite(source: SourceId, evidence: EvidenceLevel | readonly EvidenceLevel[], note?: string): Citation {
  return { source, evidence: typeof evidence === 'string' ? [evidence] : evidence, ...(note ? { note } : {}) };
}
