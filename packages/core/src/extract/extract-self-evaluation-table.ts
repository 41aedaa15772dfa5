import { dec } from '../money/decimal';
import type { TableBlock, TableCell } from '../document/document-model';
import type { Evaluation, FundRow, Goal, StatedLevelScore, UnitInfo } from '../model/evaluation';
import type { Finding } from '../model/finding';
import { cellNumber, cellPercent, cellText, hasLabel, squeeze } from './labels';
import { cleanFundLabel, fundLineOf } from './fund-lines';
import { headerRoles, parseIndicatorRows } from './parse-indicator-rows';

/**
 * Reads a 自评表 (项目支出绩效自评表, the Hunan 部门整体支出绩效自评表, or 浏阳's) into an evaluation:
 * name cells, the 项目资金 block, 年度总体目标, the 绩效指标 block and 总分.
 */
export type TableKind = 'project' | 'department' | 'basicData' | 'rubric' | 'departmentTargets' | 'other';

export function classifyTable(table: TableBlock): TableKind {
  const all = table.rows.flatMap((r) => r.map((c) => squeeze(c.text)));
  const has = (w: string) => all.some((s) => s.includes(w));
  if (has('项目支出名称') || has('项目名称')) return 'project';
  if (has('财政供养人员情况') || has('经费控制情况')) return 'basicData';
  if (has('评分标准')) return 'rubric';
  const named = all.some((s) => /部门(（单位）|\(单位\))?名称/.test(s));
  if (named && (has('三级指标') || has('年度资金总额') || has('整体支出规模'))) return 'department';
  if (has('部门基本信息') || has('年度绩效目标')) return 'departmentTargets';
  return 'other';
}

type FundRole = 'initialBudget' | 'annualBudget' | 'executed' | 'weight' | 'statedRate' | 'statedScore';
const FUND_HEADER: ReadonlyArray<readonly [FundRole, RegExp]> = [
  ['initialBudget', /^年初预算数/],
  ['annualBudget', /^全年预算数/],
  ['executed', /^全年执行数|^执行数/],
  ['weight', /^分值/],
  ['statedRate', /^执行率/],
  ['statedScore', /^得分/],
];

function fundHeader(row: readonly TableCell[]): FundRole[] | undefined {
  const roles: FundRole[] = [];
  for (const c of row) {
    const s = squeeze(c.text);
    const hit = FUND_HEADER.find(([, re]) => re.test(s));
    if (hit) roles.push(hit[0]);
  }
  return roles.includes('annualBudget') && roles.includes('executed') ? roles : undefined;
}

/** "一般公共预算：4030.75" inside one cell (the 部门整体 table's 收入性质/支出性质 lines). */
const INLINE_AMOUNT = /^(.*?)[:：]\s*(-?[\d,]+(?:\.\d+)?)$/;

function nextValue(row: readonly TableCell[], labelIndex: number): string | undefined {
  for (let i = labelIndex + 1; i < row.length; i++) {
    const t = cellText(row[i]?.text ?? '');
    if (t) return t;
  }
  return undefined;
}

export interface ExtractedTable {
  readonly evaluation: Evaluation;
  readonly findings: Finding[];
}

export function extractSelfEvaluationTable(
  table: TableBlock,
  kind: 'project' | 'department',
  context: { readonly file?: string; readonly year?: number; readonly unit?: string },
): ExtractedTable {
  const findings: Finding[] = [];
  const funds: FundRow[] = [];
  const goals: Goal[] = [];
  let title = '';
  const unit: { -readonly [K in keyof UnitInfo]?: UnitInfo[K] } = {};
  let fundRoles: FundRole[] | undefined;
  let actualStaff: number | undefined;
  let total: string | undefined;
  let levels: StatedLevelScore[] = [];
  let indicatorsResult: ReturnType<typeof parseIndicatorRows> | undefined;
  const rows = table.rows;

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const texts = row.map((c) => squeeze(c.text));
    // Name cells.
    texts.forEach((s, i) => {
      if (/^编制人数/.test(s)) unit.staffQuota = Number(cellNumber(nextValue(row, i) ?? '') ?? '') || undefined;
      if (/^(实有人数|实际在职人数)/.test(s)) actualStaff = Number(cellNumber(nextValue(row, i) ?? '') ?? '') || undefined;
      if (/^(单位预算绩效管理)?联系人/.test(s)) unit.contact = cellText(nextValue(row, i) ?? '');
      if (/^联系电话/.test(s)) unit.phone = cellText(nextValue(row, i) ?? '');
      if (/项目支出名称|项目名称|预算部门名称|部门(（单位）)?名称/.test(s) && !title) title = squeeze(nextValue(row, i) ?? '');
      if (/^主管部门/.test(s)) unit.supervisor = cellText(nextValue(row, i) ?? '');
      if (/^实施单位/.test(s)) unit.implementer = cellText(nextValue(row, i) ?? '');
    });
    // 绩效指标 block: everything after its header.
    const roles = headerRoles(row);
    if (roles) {
      const rest = rows.slice(r + 1);
      indicatorsResult = parseIndicatorRows(rest, roles, context.file);
      const totalRow = rest.find((x) => x.some((c) => hasLabel(c.text, '总分')));
      if (totalRow) {
        const numbers = totalRow.map((c) => cellNumber(c.text)).filter((n): n is string => n !== undefined);
        total = numbers[numbers.length - 1];
      }
      break;
    }
    // A row of fund labels over a row of values (安化's 部门基本信息: 财政拨款 … 收入合计 基本支出 项目支出 支出合计).
    const labelled = row.map((c) => fundLineOf(c.text));
    if (labelled.filter(Boolean).length >= 3 && !fundRoles) {
      const values = rows[r + 1] ?? [];
      const shift = values.length - row.length;
      row.forEach((c, i) => {
        const line = labelled[i];
        const v = cellNumber(values[i + shift]?.text ?? '');
        if (line && v !== undefined && !funds.some((f) => f.line === line)) funds.push({ line, label: cleanFundLabel(c.text), annualBudget: dec(v), source: c.source });
      });
      r++;
      continue;
    }
    let header = fundHeader(row);
    // A header cut by a page break ("年初" over "预算数"): read it with the next row, cell by cell.
    const next = rows[r + 1];
    if (!header && next && next.length === row.length && texts.some((t) => /^(分值|执行率|得分)$/.test(t))) {
      header = fundHeader(row.map((c, i) => ({ ...c, text: squeeze(c.text) + squeeze(next[i]?.text ?? '') })));
      if (header) r++;
    }
    if (header) {
      fundRoles = header;
      continue;
    }
    // 年度总体目标: a label row, then a row with the planned and achieved texts.
    if (texts.some((s) => s.startsWith('年度总体目标'))) {
      const labelled = texts.some((s) => /预期目标|年初设定目标/.test(s));
      const source = labelled ? rows[r + 1] : row;
      const values = (source ?? []).map((c) => cellText(c.text)).filter((t) => t && !/^年度总体目标|预期目标|实际完成情况|年初设定目标|全年完成情况$/.test(squeeze(t)));
      if (values.length) goals.push({ planned: values[0] ?? '', achieved: values[1] ?? '', ...(source?.[0] ? { source: source[0].source } : {}) });
      if (labelled) r++;
      continue;
    }
    // Fund rows: a label cell naming a fund line, then values in the header's order.
    if (fundRoles) {
      for (let i = 0; i < row.length; i++) {
        const cell = row[i];
        if (!cell) continue;
        const text = cellText(cell.text);
        const inline = INLINE_AMOUNT.exec(squeeze(text));
        if (inline?.[1] !== undefined && inline[2] !== undefined && fundLineOf(inline[1])) {
          const line = fundLineOf(inline[1]);
          if (!line) continue;
          // 收入性质 parts make up 全年预算数, 支出性质 parts 全年执行数 (docs/evaluation-format.md).
          const column = line === 'basic' || line === 'project' || line === 'personnel' || line === 'publicExpense' ? 'executed' : 'annualBudget';
          funds.push({ line, label: cleanFundLabel(inline[1]), [column]: dec(inline[2].replace(/,/g, '')), source: cell.source });
          continue;
        }
        // A label cut by a page break ("其中：当" over "年财政拨款") completes on the next row.
        const belowRow = rows[r + 1];
        const below = cellText(belowRow?.[i]?.text ?? '');
        const continued =
          !fundLineOf(text) && !/[:：]$/.test(text) && below !== '' && !INLINE_AMOUNT.test(squeeze(below)) && fundLineOf(text + below) !== undefined;
        const joined = continued ? text + below : text;
        const line = fundLineOf(joined);
        if (!line || cellNumber(text) !== undefined) continue;
        // The rest of a cut row's note is on the next row too; that row is consumed.
        const belowNote = continued ? (belowRow ?? []).slice(i + 1).map((c) => cellText(c.text)).filter((t) => t && cellNumber(t) === undefined).join('') : '';
        if (continued) r++;
        const values = row.slice(i + 1);
        const fund: Record<string, unknown> = { line, label: cleanFundLabel(joined), source: cell.source };
        let k = 0;
        for (const v of values) {
          const t = cellText(v.text);
          const role = fundRoles[k++];
          if (!t) continue;
          const num = cellNumber(t);
          const pct = cellPercent(t);
          if (role === 'statedRate' && (pct ?? num)) fund.statedRate = dec((pct ?? num) as string);
          else if (role && num !== undefined) fund[role] = dec(num);
          else if (num === undefined && pct === undefined) {
            fund.note = t + belowNote;
            break;
          }
        }
        const hasValue = Object.keys(fund).some((key) => !['line', 'label', 'source'].includes(key));
        if (hasValue) funds.push(fund as unknown as FundRow);
        break;
      }
    }
  }

  if (indicatorsResult) {
    findings.push(...indicatorsResult.findings);
    levels = indicatorsResult.levels;
  } else {
    findings.push({ rule: 'extract.no-indicator-header', severity: 'warning', message: `“${title || '自评表'}”中没有找到绩效指标表头（一级指标、三级指标、年度指标值）`, ...(context.file ? { location: { file: context.file } } : {}) });
  }
  if (!title) findings.push({ rule: 'extract.no-title', severity: 'warning', message: '自评表中没有读到项目或部门名称', ...(context.file ? { location: { file: context.file } } : {}) });
  const name = kind === 'department' ? title || context.unit || '' : context.unit || unit.supervisor || '';
  return {
    evaluation: {
      kind,
      year: context.year ?? 0,
      title: title || name,
      unit: { name: kind === 'department' ? title || name : unit.implementer || name, ...unit },
      funds,
      goals,
      indicators: indicatorsResult?.indicators ?? [],
      stated: { ...(total ? { total: dec(total) } : {}), ...(levels.length ? { levels } : {}) },
      // 部门基本信息 (安化) prints 编制人数 and 实有人数: the 基础数据表's staff line.
      ...(unit.staffQuota !== undefined && actualStaff !== undefined ? { basicData: { staff: { quota: unit.staffQuota, actual: actualStaff } } } : {}),
      sections: [],
      source: table.source,
    },
    findings,
  };
}
