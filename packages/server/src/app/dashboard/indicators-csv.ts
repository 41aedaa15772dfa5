/**
 * A report's 绩效指标 table as CSV for Excel: UTF-8 with a byte-order mark (without it Excel on Chinese Windows
 * reads the file as GBK and shows mojibake), CRLF line ends, RFC 4180 quoting.
 */
const COLUMNS: readonly { readonly field: string; readonly title: string }[] = [
  { field: 'level1', title: '一级指标' },
  { field: 'level2', title: '二级指标' },
  { field: 'name', title: '三级指标' },
  { field: 'targetText', title: '年度指标值' },
  { field: 'actualText', title: '实际完成值' },
  { field: 'weight', title: '分值' },
  { field: 'score', title: '得分' },
  { field: 'deviationReason', title: '偏差原因分析及改进措施' },
];

const BOM = '\uFEFF';

/**
 * One cell. Text a spreadsheet would run as a formula (=, +, -, @ first; OWASP "CSV injection") gets a leading
 * apostrophe, which Excel shows as plain text; plain numbers such as "-5" stay as written.
 */
export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?%?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The indicators of an evaluation in the file format (docs/evaluation-format.md), one row each. */
export function indicatorsCsv(content: Record<string, unknown>): string {
  const indicators = Array.isArray(content.indicators) ? (content.indicators as Record<string, unknown>[]) : [];
  const lines = [COLUMNS.map((c) => csvCell(c.title)).join(','), ...indicators.map((row) => COLUMNS.map((c) => csvCell(row[c.field])).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
