import { scoreEvaluation, scoredFundRow } from '@jixiao/core';
import type { Decimal, Evaluation, Framework, FundRow, OutlineSection, ReportSection, ScoreResult } from '@jixiao/core';
import type { Paragraph } from 'docx';
import { computedPercent, fundName, percent, show, unitName } from './format';
import { changeSentences, shareSentences } from './derived-sentences';
import { attachmentList, bodyParagraph, extraHeadingParagraph, headingParagraph, titleParagraphs } from './typography';

/**
 * The 部门整体支出绩效自评报告: the title, then the framework's outline in its order. A section the
 * evaluation has (found by the outline's keywords in its heading) is printed under the canonical heading
 * with its text as written; a missing or empty one gets text generated from the data. Sections outside the
 * outline are kept, unnumbered, after the outline section they followed.
 */

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const paren = (i: number): string => `（${NUMERALS[i] ?? String(i + 1)}）`;

interface Placed {
  readonly outline: OutlineSection;
  readonly section?: ReportSection;
  /** Sections outside the outline printed after this one. */
  readonly extras: ReportSection[];
}

/** Assigns each section of the evaluation to the first unused outline section whose keyword its heading contains. */
export function placeSections(sections: readonly ReportSection[], outline: readonly OutlineSection[]): { readonly leading: ReportSection[]; readonly placed: Placed[] } {
  const placed: Placed[] = outline.map((o) => ({ outline: o, extras: [] }));
  const leading: ReportSection[] = [];
  let last: Placed | undefined;
  for (const s of sections) {
    const index = placed.findIndex((p) => !p.section && p.outline.keywords.some((k) => s.heading.includes(k)));
    const target = placed[index];
    if (target) {
      placed[index] = { ...target, section: s };
      last = placed[index];
    } else if (last) last.extras.push(s);
    else leading.push(s);
  }
  return { leading, placed };
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((t) => t.trim())
    .filter((t) => t !== '');

/** A heading as printed without its number ("二、部门整体支出管理及使用情况分析" → "部门整体支出管理及使用情况分析"). */
const unnumbered = (heading: string): string => heading.replace(/^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])\s*/, '');

/** A cell's text as a clause of a sentence: on one line, without the full stop it may end with. */
const clause = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim().replace(/[。；;，,]+$/, '');

/** Whether the evaluation carries any score to compute from; without one the report states no total or grade. */
function scorable(evaluation: Evaluation): boolean {
  return (
    evaluation.indicators.some((i) => i.weight !== undefined || i.score !== undefined) ||
    evaluation.funds.some((f) => f.weight !== undefined) ||
    evaluation.stated.total !== undefined
  );
}

const deduction = (weight: Decimal, score: Decimal): string => (weight.minus(score).isZero() ? '未扣分' : `扣${weight.minus(score)}分`);

/** "预算执行率（分值10分，得9.26分，扣0.74分）" and the like: the form the importer reads back as a stated score. */
const scoreLine = (numbering: string, name: string, weight: Decimal, score: Decimal): string => `${numbering}${name}（分值${weight}分，得${score}分，${deduction(weight, score)}）`;

/**
 * "年度资金总额全年预算数4280.31万元，全年执行数4280.31万元，执行率100%，年初预算数2811.69万元。" for a fund
 * row, from whatever columns it has; 全年预算数 comes first, right after the label, as the importer reads it.
 */
function fundSentence(row: FundRow, label: string = fundName(row.line)): string | undefined {
  const parts: string[] = [];
  if (row.annualBudget) parts.push(`全年预算数${show(row.annualBudget)}万元`);
  if (row.executed) parts.push(`全年执行数${show(row.executed)}万元`);
  const rate = row.statedRate ? percent(row.statedRate) : computedPercent(row.executed, row.annualBudget);
  if (rate && parts.length) parts.push(`执行率${rate}`);
  if (row.initialBudget) parts.push(`年初预算数${show(row.initialBudget)}万元`);
  return parts.length ? `${label}${parts.join('，')}。` : undefined;
}

/** 六、部门整体支出绩效情况 from the scores: 预算执行率, each 一级 with its indicators, the total and grade. */
function performanceText(evaluation: Evaluation, result: ScoreResult): string[] {
  const out: string[] = [];
  const unit = unitName(evaluation);
  if (!scorable(evaluation)) {
    out.push(`${evaluation.year}年度${unit}的评价数据未填写指标分值和得分，暂不能计算部门整体支出绩效自评得分，下列为年度绩效指标及其完成情况。`);
  } else {
    const capped = result.cap ? `（执行率低于${result.cap.below}%，总分封顶${result.cap.maxTotal}分）` : '';
    // The unit's own grade word where it stated one ("优秀"), else the grade the framework's bands give.
    out.push(`${evaluation.year}年度${unit}部门整体支出绩效自评得分${result.total}分${capped}，评价等级为“${evaluation.stated.grade ?? result.grade}”。`);
  }
  const scored = scorable(evaluation);
  let n = 0;
  const execution = result.execution;
  if (execution) {
    const row = scoredFundRow(evaluation)?.row;
    out.push(scored && execution.computed ? scoreLine(paren(n++), '预算执行率', execution.weight, execution.computed) : `${paren(n++)}预算执行率`);
    const sentence = row ? fundSentence(row, fundName(row.line)) : undefined;
    out.push(sentence ?? '评价数据未提供全年预算数和全年执行数，预算执行率无法计算。');
  }
  for (const level of result.levels) {
    const rows = level.groups.flatMap((g) => g.indicators);
    if (rows.length === 0 && level.method !== 'stated') continue;
    out.push(scored ? scoreLine(paren(n++), level.level1, level.weight, level.computed) : `${paren(n++)}${level.level1}`);
    let k = 1;
    for (const group of level.groups) {
      const grouped = group.indicators.some((s) => s.index >= 0 && s.weight === undefined);
      if (grouped && group.weight && scored) out.push(scoreLine(`${k++}.`, group.level2, group.weight, group.computed));
      for (const s of group.indicators) {
        const ind = evaluation.indicators[s.index];
        if (!ind) {
          // A framework-defined 三级 (53号), computed from the 基础数据表.
          if (scored && s.weight && s.computed) out.push(`${s.name}，分值${s.weight}分，得分${s.computed}分。`);
          continue;
        }
        const head = `${clause(ind.name || ind.level2)}，年度指标值：${clause(ind.target.text) || '未填报'}，实际完成值：${clause(ind.actual.text) || '未填报'}`;
        const score = s.computed ?? s.stated;
        if (scored && s.weight && score) {
          const own = s.stated && !s.stated.eq(score) ? `（自评${s.stated}分）` : '';
          out.push(`${head}，分值${s.weight}分，得分${score}分${own}。`);
        } else {
          out.push(`${head}。`);
        }
      }
    }
  }
  return out;
}

/** Text for an outline section the evaluation lacks, from what the data hold. */
function generatedText(id: string, outline: OutlineSection, evaluation: Evaluation, result: ScoreResult): string[] {
  const year = evaluation.year;
  const unit = unitName(evaluation);
  const missing = `评价数据中没有“${outline.heading.replace(/^[一二三四五六七八九十]+、/, '')}”的内容，请据实补充。`;
  const find = (...lines: FundRow['line'][]) => evaluation.funds.filter((f) => lines.includes(f.line));
  const sentences = (rows: readonly FundRow[]) => rows.map((r) => fundSentence(r)).filter((s): s is string => s !== undefined);
  switch (id) {
    case 'basic-info': {
      const staff = evaluation.basicData?.staff;
      const facts = [
        ...(staff?.quota !== undefined ? [`编制数${staff.quota}人`] : []),
        ...(staff?.actual !== undefined ? [`${year}年实际在职人数${staff.actual}人`] : []),
      ];
      return facts.length ? [`${unit}${facts.join('，')}。`, '部门职能职责、机构设置等情况请据实补充。'] : [missing];
    }
    case 'general-budget':
    case 'funds': {
      const s = sentences(find('total', 'currentAppropriation', 'generalBudget', 'basic', 'personnel', 'publicExpense', 'project'));
      const derived = [...shareSentences(evaluation), ...changeSentences(evaluation)];
      return s.length ? [`${year}年度部门资金收支情况如下：`, ...s, ...derived] : derived.length ? derived : [missing];
    }
    case 'government-fund': {
      const s = sentences(find('governmentFund'));
      return s.length ? s : [missing];
    }
    case 'performance':
      return performanceText(evaluation, result);
    case 'grade':
      return scorable(evaluation) ? [`根据自评，${year}年度评分得分${result.total}分，评价等级为“${result.grade}”。`] : [missing];
    default:
      return [missing];
  }
}

export interface ReportOptions {
  /** Names of the 附件 that follow the report, for its 附件说明. */
  readonly attachments: readonly string[];
}

export function reportParagraphs(evaluation: Evaluation, framework: Framework, options: ReportOptions): Paragraph[] {
  const result = scoreEvaluation(evaluation, framework);
  const out: Paragraph[] = [...titleParagraphs([`${evaluation.year}年度${unitName(evaluation)}`, '部门整体支出绩效自评报告'])];
  const { leading, placed } = placeSections(evaluation.sections, framework.outline);
  const extra = (s: ReportSection) => {
    out.push(extraHeadingParagraph(unnumbered(s.heading)));
    out.push(...lines(s.text).map(bodyParagraph));
  };
  leading.forEach(extra);
  for (const p of placed) {
    out.push(headingParagraph(p.outline.heading));
    const text = p.section ? lines(p.section.text) : [];
    // A unit's own 六 without its score lines (seed 004) is followed by the scores computed from the data.
    const scoresMissing = p.outline.id === 'performance' && text.length > 0 && !/分值\s*\d/.test(p.section?.text ?? '') && scorable(evaluation);
    const body = text.length ? [...text, ...(scoresMissing ? performanceText(evaluation, result) : [])] : generatedText(p.outline.id, p.outline, evaluation, result);
    out.push(...body.map(bodyParagraph));
    p.extras.forEach(extra);
  }
  if (options.attachments.length) out.push(...attachmentList(options.attachments));
  return out;
}
