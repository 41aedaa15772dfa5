import { dec } from '../money/decimal';
import { normalizeNumericChars, normalizeNumericText } from '../money/normalize-digits';
import type { DocumentBlock } from '../document/document-model';
import type { FundLine, FundRow, Indicator, ReportSection, StatedLevelScore, StatedScores } from '../model/evaluation';
import type { OutlineSection } from '../frameworks/framework';
import type { SourceRef } from '../model/source-ref';
import { FUND_LINE_LABEL, fundLineOf } from './fund-lines';

/**
 * What a report states in its prose: its title, unit and year; the "（分值 X 分，得 Y 分，扣 Z 分）" score
 * lines; the total and grade; execution and fund figures; indicators written as sentences (seed 001:
 * "…，年度指标值：≥400期，实际完成值：408期，分值3分，得分3分"); and its sections by the outline's keywords.
 */

export function blockText(b: DocumentBlock): string {
  if (b.kind === 'heading') return `${b.numbering ?? ''}${b.text}`;
  if (b.kind === 'paragraph') return b.text;
  return '';
}

const n = (s: string) => normalizeNumericText(s);

/** "2024 年度湖南省人大常委会办公厅 部门整体支出绩效自评报告" → year 2024, unit 湖南省人大常委会办公厅. */
export function readTitle(blocks: readonly DocumentBlock[]): { year?: number; unit?: string } {
  const head = blocks.slice(0, 12).map(blockText).filter((t) => t);
  let year: number | undefined;
  let unit: string | undefined;
  for (let i = 0; i < head.length; i++) {
    const t = n(head[i] ?? '').replace(/\s+/g, '');
    const m = /((?:19|20)\d{2})年度?(.*?)(部门整体支出|项目支出)?(绩效)?(自评)?(报告|自评表)?$/.exec(t);
    if (m?.[1] && /绩效|报告|年度/.test(t) && year === undefined) {
      year = Number(m[1]);
      const rest = (m[2] ?? '').replace(/部门整体支出.*$/, '');
      if (rest && !/部门整体|报告|绩效/.test(rest)) unit = rest;
      // "2024年度湖南省人民政府办公厅" on its own line, "部门整体支出绩效自评报告" on the next.
    }
    const stamp = /单位名称[（(]?盖章?[）)]?[:：](.+)$/.exec(t);
    if (stamp?.[1]) unit = stamp[1];
  }
  return { ...(year ? { year } : {}), ...(unit ? { unit } : {}) };
}

const SCORE_LINE =
  /(?:^|[\s。；])([（(]?\s*[一二三四五六七八九十\d]+\s*[)）.、．]?)?\s*([^（()（，,。；]{1,24}?)\s*[（(]\s*分值\s*([\d.]+)\s*分\s*[，,]\s*得\s*([\d.]+)\s*分\s*(?:[，,]\s*(?:扣\s*([\d.]+)\s*分|(未扣分)))?\s*[）)]/;

/** The 一级 a score-line name stands for, or 'execution' for the 预算执行 item. */
function level1Of(name: string): string | 'execution' | undefined {
  if (/预算执行/.test(name)) return 'execution';
  if (/满意度/.test(name)) return '满意度指标';
  if (/效益/.test(name)) return '效益指标';
  if (/产出/.test(name)) return '产出指标';
  return undefined;
}

export interface ProseScores {
  readonly stated: StatedScores;
  readonly indicators: Indicator[];
  readonly funds: FundRow[];
}

// Matched on normalised text (d flag: group positions), values cut from the original so that full-width
// punctuation inside them survives ("采用信息60篇，国务院领导批示12条").
const INDICATOR_SENTENCE =
  /([^。；\n]*?)[，,]\s*年度指标值[:：]\s*(.+?)[，,]\s*实际完成值[:：]\s*(.+?)[，,]\s*分值\s*([\d.]+)\s*分\s*[，,]\s*得分\s*([\d.]+)\s*分/dg;

const TOTAL = /(?:总分|绩效得分|评分得分|得分)\s*为?\s*([\d.]+)\s*分/g;
const GRADE = /(?:为|绩效为|等级为|结果为)\s*[“"]?(优秀|良好|中等|合格|较差|不合格|优|良|中|差)[”"]?(等级)?/;

interface FundFigure {
  line: FundLine;
  label: string;
  initialBudget?: string;
  annualBudget?: string;
  executed?: string;
  statedRate?: string;
  source: SourceRef;
}

/** Fund figures stated in prose: "…全年预算数(含上年结转) 15424.89 万元,决算数 14877.44 万元,预算执行率为 92.56%". */
function fundFigures(text: string, source: SourceRef, context?: FundLine): FundFigure[] {
  const t = n(text);
  const out: FundFigure[] = [];
  const budgetRe = /([^，,。；]{0,30}?)(?:全年预算数|预算安排|预算数)[^\d，,。；]{0,12}?([\d,]+(?:\.\d+)?)\s*万元[，,]\s*(?:实际支出|决算数|全年执行数|执行数)[^\d，,。；]{0,6}?([\d,]+(?:\.\d+)?)\s*万元(?:[，,][^，,。；]{0,10}?(?:执行率为?|完成预算安排的)\s*([\d.]+)\s*%)?/g;
  for (const m of t.matchAll(budgetRe)) {
    const label = (m[1] ?? '').replace(/^\s*\d{4}\s*年(度)?[，,]?/, '').trim();
    // "2024 年全年预算数 6114.93 万元" under "（二）项目支出情况" takes its line from the heading.
    const line = fundLineOf(label) ?? context;
    if (!line || !m[2] || !m[3]) continue;
    out.push({ line, label: label || FUND_LINE_LABEL[line], annualBudget: m[2].replace(/,/g, ''), executed: m[3].replace(/,/g, ''), ...(m[4] ? { statedRate: m[4] } : {}), source });
  }
  const spentRe = /(人员经费|日常公用经费|公用经费)(?:支出)?\s*([\d,]+(?:\.\d+)?)\s*万元/g;
  for (const m of t.matchAll(spentRe)) {
    const line = fundLineOf(m[1] ?? '');
    if (line && m[2]) out.push({ line, label: m[1] ?? '', executed: m[2].replace(/,/g, ''), source });
  }
  for (const m of t.matchAll(/([^，,。；：:（(]{0,24}?)年初预算(?:收入|数)?\s*([\d,]+(?:\.\d+)?)\s*万元/g)) {
    if (!m[2]) continue;
    const line = fundLineOf(m[1] ?? '') ?? 'total';
    out.push({ line, label: FUND_LINE_LABEL[line], initialBudget: m[2].replace(/,/g, ''), source });
  }
  const spentAll = /(?:本单位|本部门)支出\s*([\d,]+(?:\.\d+)?)\s*万元/.exec(t);
  if (spentAll?.[1]) out.push({ line: 'total', label: FUND_LINE_LABEL.total, executed: spentAll[1].replace(/,/g, ''), source });
  if (context && !out.some((f) => f.executed)) {
    const used = /实际(?:使用|支出)\s*([\d,]+(?:\.\d+)?)\s*万元/.exec(t);
    if (used?.[1]) out.push({ line: context, label: FUND_LINE_LABEL[context], executed: used[1].replace(/,/g, ''), source });
  }
  const totalIn = /部门预算总收入\s*([\d,]+(?:\.\d+)?)\s*万元/.exec(t);
  const totalOut = /(?:本部门)?总支出\s*([\d,]+(?:\.\d+)?)\s*万元/.exec(t);
  if (totalIn?.[1] || totalOut?.[1]) {
    out.push({
      line: 'total',
      label: '部门预算总收入/总支出',
      ...(totalIn?.[1] ? { annualBudget: totalIn[1].replace(/,/g, '') } : {}),
      ...(totalOut?.[1] ? { executed: totalOut[1].replace(/,/g, '') } : {}),
      source,
    });
  }
  return out;
}

const COLUMNS = ['initialBudget', 'annualBudget', 'executed', 'statedRate'] as const;

/** `row` with the columns it lacks taken from `other` (the first statement of a figure wins). */
export function fillMissing(row: FundRow, other: FundRow): FundRow {
  const filled: Record<string, unknown> = { ...row };
  for (const c of COLUMNS) if (row[c] === undefined && other[c] !== undefined) filled[c] = other[c];
  return filled as unknown as FundRow;
}

export function readProseScores(blocks: readonly DocumentBlock[]): ProseScores {
  const levels: StatedLevelScore[] = [];
  const indicators: Indicator[] = [];
  const figures: FundFigure[] = [];
  let execution: StatedScores['execution'];
  let total: string | undefined;
  let grade: string | undefined;
  let level1 = '';
  let level2 = '';
  let inExecution = false;
  let executionFigure: FundFigure | undefined;
  let context: FundLine | undefined;
  for (const b of blocks) {
    if (b.kind === 'table') continue;
    const text = n(blockText(b));
    if (b.kind === 'heading') context = fundLineOf(b.text);
    const line = SCORE_LINE.exec(text);
    if (line?.[2] && line[3] && line[4]) {
      const name = line[2].trim();
      const numbering = (line[1] ?? '').replace(/\s+/g, '');
      const weight = dec(line[3]);
      const score = dec(line[4]);
      const deduction = line[6] ? dec('0') : line[5] ? dec(line[5]) : undefined;
      const l1 = level1Of(name);
      const isSecond = /^\d/.test(numbering) || (!/^[（(]/.test(numbering) && /指标$/.test(name) && !l1);
      if (l1 === 'execution') {
        execution = { weight, score, ...(deduction ? { deduction } : {}) };
        inExecution = true;
      } else if (!isSecond && l1) {
        level1 = l1;
        level2 = '';
        inExecution = false;
        levels.push({ level1, weight, score, ...(deduction ? { deduction } : {}), source: b.source });
      } else if (level1) {
        level2 = name.replace(/^[\d.、．\s]+/, '');
        levels.push({ level1, level2, weight, score, ...(deduction ? { deduction } : {}), source: b.source });
      }
    } else if (b.kind === 'heading' && b.style === 'chinese') {
      inExecution = false;
    }
    const original = blockText(b);
    const cut = (m: RegExpExecArray, g: number) => {
      const at = m.indices?.[g];
      return at ? original.slice(at[0], at[1]).trim() : (m[g] ?? '').trim();
    };
    for (const m of normalizeNumericChars(original).matchAll(INDICATOR_SENTENCE)) {
      if (!m[1] || !m[2] || !m[3] || !m[4] || !m[5]) continue;
      indicators.push({
        level1,
        level2,
        name: cut(m, 1).replace(/^.*[。；]/, '').trim(),
        target: { text: cut(m, 2) },
        actual: { text: cut(m, 3) },
        weight: dec(m[4]),
        score: dec(m[5]),
        source: { ...b.source, ...(m.index !== undefined ? { start: (b.source.start ?? 0) + m.index } : {}) },
      });
    }
    const found = b.kind === 'paragraph' ? fundFigures(text, b.source, context) : [];
    if (inExecution && !executionFigure && found[0]) {
      executionFigure = found[0];
      found.shift();
    }
    figures.push(...found);
    if (total === undefined) {
      for (const m of text.matchAll(TOTAL)) {
        const v = Number(m[1]);
        if (m[1] && v >= 20 && v <= 100) {
          total = m[1];
          break;
        }
      }
    }
    if (grade === undefined && /绩效|等级|评价结果|自评结果/.test(text)) {
      const g = GRADE.exec(text);
      if (g?.[1]) grade = g[1];
    }
  }
  // One row per fund line: the first statement of each wins, the 预算执行 one carries the weight.
  const funds: FundRow[] = [];
  const toRow = (f: FundFigure, weight?: string): FundRow => ({
    line: f.line,
    label: f.label,
    ...(f.initialBudget ? { initialBudget: dec(f.initialBudget) } : {}),
    ...(f.annualBudget ? { annualBudget: dec(f.annualBudget) } : {}),
    ...(f.executed ? { executed: dec(f.executed) } : {}),
    ...(f.statedRate ? { statedRate: dec(f.statedRate) } : {}),
    ...(weight ? { weight: dec(weight) } : {}),
    source: f.source,
  });
  if (executionFigure) funds.push(toRow(executionFigure, execution?.weight?.toString() ?? '10'));
  for (const f of figures) {
    const at = funds.findIndex((r) => r.line === f.line);
    const same = funds[at];
    if (!same) funds.push(toRow(f));
    else funds[at] = fillMissing(same, toRow(f));
  }
  return {
    stated: {
      ...(total ? { total: dec(total) } : {}),
      ...(grade ? { grade } : {}),
      ...(execution ? { execution } : {}),
      ...(levels.length ? { levels } : {}),
    },
    indicators,
    funds,
  };
}

const ATTACHMENTS_START = /^(报告需要以下附件|附件[:：]|附表)/;

/** The report's sections, found by the outline's keywords in short heading-like blocks. */
export function readSections(blocks: readonly DocumentBlock[], outline: readonly OutlineSection[]): ReportSection[] {
  const sections: { heading: string; lines: string[]; source: SourceRef; id: string }[] = [];
  let current: (typeof sections)[number] | undefined;
  for (const b of blocks) {
    if (b.kind === 'table') {
      if (current && sections.length >= outline.length - 1) current = undefined;
      continue;
    }
    const text = blockText(b);
    const short = text.length <= 36 && !/[。；，,]$/.test(text) && !/[，,]/.test(text);
    const match = short ? outline.find((o) => !sections.some((s) => s.id === o.id) && o.keywords.some((k) => text.includes(k))) : undefined;
    if (match && (b.kind === 'heading' ? b.style === 'chinese' || b.style === 'none' : !/^[（(]/.test(text))) {
      current = { heading: text, lines: [], source: b.source, id: match.id };
      sections.push(current);
      continue;
    }
    if (ATTACHMENTS_START.test(text)) {
      current = undefined;
      continue;
    }
    current?.lines.push(text);
  }
  return sections.map((s) => ({ heading: s.heading, text: s.lines.join('\n'), source: s.source }));
}
