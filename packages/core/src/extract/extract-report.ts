import type { Decimal } from '../money/decimal';
import type { DocumentModel, TableBlock } from '../document/document-model';
import type { Evaluation, FundRow } from '../model/evaluation';
import type { Finding } from '../model/finding';
import { HUNAN_OUTLINE, LIUYANG_OUTLINE } from '../frameworks/outlines';
import { extractBasicData } from './extract-basic-data';
import { blockText, fillMissing, readProseScores, readSections, readTitle } from './extract-prose';
import { classifyTable, extractSelfEvaluationTable } from './extract-self-evaluation-table';
import { readStatements } from './read-statements';
import { readReportDate } from './read-report-date';
import { inferFrameworkId } from '../frameworks/infer-framework';
import type { TableKind } from './extract-self-evaluation-table';
import type { Statement } from './read-statements';

/** What a file turned out to be. */
export type ReportKind = 'department-report' | 'project-tables' | 'basic-data' | 'rubric' | 'unknown';

/** A part of a file: the narrative report, or one table with the title printed above it. */
export interface ReportPart {
  readonly kind: 'report' | TableKind;
  readonly title?: string;
}

/** Everything the extractor read from one document. */
export interface ExtractedReport {
  readonly kind: ReportKind;
  /** What the file holds, in order (seed 004: the report, 基础数据表, 部门整体 table, 8 项目 tables, 考核评分表). */
  readonly parts: readonly ReportPart[];
  readonly unit?: string;
  readonly year?: number;
  /** The date on the cover (or the first 填报日期), ISO yyyy-mm or yyyy-mm-dd. */
  readonly reportDate?: string;
  readonly totalScore?: Decimal;
  readonly grade?: string;
  /** The 部门整体 evaluation first (when there is one), then one per 项目支出绩效自评表. */
  readonly evaluations: readonly Evaluation[];
  /** Every amount and percentage stated in the text, with its label and location (for the auditor). */
  readonly statements: readonly Statement[];
  readonly findings: readonly Finding[];
}

/** "填表人：卢玉婷  填报日期：2023.6.9  联系电话：8788622" after a table. */
function readFooter(text: string): { contact?: string; filledDate?: string; phone?: string } {
  const contact = /填表人[:：]\s*(\S+)/.exec(text)?.[1];
  const date = /填报日期[:：]\s*(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})/.exec(text);
  const phone = /联系电话[:：]\s*([\d-]+)/.exec(text)?.[1];
  return {
    ...(contact ? { contact } : {}),
    ...(date ? { filledDate: `${date[1]}-${(date[2] ?? '').padStart(2, '0')}-${(date[3] ?? '').padStart(2, '0')}` } : {}),
    ...(phone ? { phone } : {}),
  };
}

function yearOf(text: string | undefined): number | undefined {
  const m = /((?:19|20)\d{2})\s*年/.exec(text ?? '');
  return m?.[1] ? Number(m[1]) : undefined;
}

/** Merges prose fund figures into table rows: the table's figures win, prose fills lines the table lacks. */
function mergeFunds(table: readonly FundRow[], prose: readonly FundRow[]): FundRow[] {
  if (table.length === 0) return [...prose];
  const merged = table.map((t) => {
    const p = prose.find((x) => x.line === t.line);
    return p ? fillMissing(t, p) : t;
  });
  return [...merged, ...prose.filter((p) => !table.some((t) => t.line === p.line))];
}

/**
 * A table that runs over a page may come out as two blocks (a PDF's columns differ per page). A table with
 * no title of its own that directly follows a 自评表 or 基础数据表 is the rest of it.
 */
function joinContinuedTables(blocks: readonly DocumentModel['blocks'][number][]): DocumentModel['blocks'][number][] {
  const out: DocumentModel['blocks'][number][] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (b.kind === 'table' && last?.kind === 'table' && classifyTable(b) === 'other' && classifyTable(last) !== 'other' && classifyTable(last) !== 'rubric') {
      out[out.length - 1] = { ...last, rows: [...last.rows, ...b.rows] };
      continue;
    }
    out.push(b);
  }
  return out;
}

export function extractReport(doc: DocumentModel): ExtractedReport {
  const findings: Finding[] = [...doc.findings];
  const blocks = joinContinuedTables(doc.blocks);
  const title = readTitle(blocks);
  const prose = readProseScores(blocks);
  const evaluations: Evaluation[] = [];
  let department: Evaluation | undefined;
  let basicData: ReturnType<typeof extractBasicData> | undefined;
  let sawRubric = false;
  const projects: Evaluation[] = [];
  const parts: ReportPart[] = [];
  // Last resort for tables without a title: the first "2022年度" anywhere in the document.
  const documentYear = blocks
    .map((b) => (b.kind === 'table' ? b.rows.slice(0, 2).flatMap((r) => r.map((c) => c.text)).join(' ') : blockText(b)))
    .map((t) => /((?:19|20)\d{2})\s*年度/.exec(t)?.[1])
    .map((y) => (y === undefined ? undefined : Number(y)))
    .find((y) => y !== undefined);

  blocks.forEach((block, i) => {
    if (block.kind !== 'table') return;
    const table: TableBlock = block;
    const kind = classifyTable(table);
    const before = blocks.slice(Math.max(0, i - 3), i).map(blockText).join(' ');
    const titleAbove = blocks[i - 1]?.kind === 'paragraph' || blocks[i - 1]?.kind === 'heading' ? blockText(blocks[i - 1] as DocumentModel['blocks'][number]) : '';
    parts.push({ kind, ...(/表$/.test(titleAbove) ? { title: titleAbove } : {}) });
    const after = blocks.slice(i + 1, i + 4).map(blockText).join(' ');
    const footer = readFooter(after);
    // The year is in the title above the table, or in a title row inside it (Excel sheets), or the report's.
    const inside = table.rows.slice(0, 2).flatMap((r) => r.map((c) => c.text)).join(' ');
    const year = yearOf(before) ?? yearOf(inside) ?? title.year ?? documentYear;
    if (kind === 'basicData') {
      basicData = extractBasicData(table);
      return;
    }
    if (kind === 'rubric') {
      sawRubric = true;
      return;
    }
    if (kind === 'project' || kind === 'department' || kind === 'departmentTargets') {
      const got = extractSelfEvaluationTable(table, kind === 'project' ? 'project' : 'department', { file: doc.file, ...(year ? { year } : {}), ...(title.unit ? { unit: title.unit } : {}) });
      findings.push(...got.findings);
      const evaluation: Evaluation = { ...got.evaluation, unit: { ...got.evaluation.unit, ...footer } };
      if (kind !== 'project' && !department) department = evaluation;
      else projects.push(evaluation);
    }
  });

  const outline = blocks.some((b) => b.kind !== 'table' && /部门概况/.test(blockText(b))) && !blocks.some((b) => b.kind !== 'table' && /一般公共预算支出情况/.test(blockText(b))) ? LIUYANG_OUTLINE : HUNAN_OUTLINE;
  const sections = readSections(blocks, outline);
  const isReport = sections.length >= 3;
  const unitName = department?.title || title.unit || projects[0]?.unit.name || '';
  const year = title.year ?? (department?.year || undefined) ?? (projects[0]?.year || undefined) ?? documentYear;

  if (isReport || department) {
    const base: Evaluation = department ?? {
      kind: 'department',
      year: year ?? 0,
      title: unitName,
      unit: { name: unitName },
      funds: [],
      goals: [],
      indicators: [],
      stated: {},
      sections: [],
    };
    const stated = {
      ...prose.stated,
      ...base.stated,
      ...(base.stated.levels || prose.stated.levels ? { levels: [...(base.stated.levels ?? []), ...(prose.stated.levels ?? []).filter((p) => !(base.stated.levels ?? []).some((l) => l.level1 === p.level1 && l.level2 === p.level2))] } : {}),
    };
    evaluations.push({
      ...base,
      year: base.year || year || 0,
      title: base.title || unitName,
      unit: { ...base.unit, name: base.unit.name || unitName },
      funds: mergeFunds(base.funds, prose.funds),
      indicators: base.indicators.length ? base.indicators : prose.indicators,
      stated,
      ...(basicData ?? base.basicData ? { basicData: basicData ?? base.basicData } : {}),
      sections,
    });
  }
  for (const p of projects) evaluations.push({ ...p, year: p.year || year || 0, unit: { ...p.unit, name: p.unit.implementer || unitName || p.unit.name } });

  if (year === undefined) findings.push({ rule: 'extract.no-year', severity: 'warning', message: `${doc.file}：没有读到预算年度`, location: { file: doc.file } });
  if (evaluations.length === 0) {
    findings.push({
      rule: 'extract.nothing-found',
      severity: 'error',
      message: `${doc.file}：没有找到绩效自评报告的章节或自评表`,
      location: { file: doc.file },
    });
  }
  // Name the framework each evaluation was written for, so that scoring and auditing use its rules.
  evaluations.forEach((e, i) => {
    const id = e.frameworkId ?? inferFrameworkId(e);
    if (id) evaluations[i] = { ...e, frameworkId: id };
  });
  const first = evaluations[0];
  if (isReport) parts.unshift({ kind: 'report' });
  const reportDate =
    blocks.slice(0, 15).map((b) => readReportDate(blockText(b))).find((d) => d !== undefined) ??
    evaluations.map((e) => e.unit.filledDate).find((d) => d !== undefined);
  const kind: ReportKind = department || isReport ? 'department-report' : projects.length ? 'project-tables' : basicData ? 'basic-data' : sawRubric ? 'rubric' : 'unknown';
  const totalScore = first?.stated.total;
  return {
    kind,
    parts,
    ...(reportDate ? { reportDate } : {}),
    ...(unitName ? { unit: unitName } : {}),
    ...(year ? { year } : {}),
    ...(totalScore ? { totalScore } : {}),
    ...(first?.stated.grade ? { grade: first.stated.grade } : {}),
    evaluations,
    statements: readStatements(blocks, doc.file),
    findings,
  };
}

export type { Statement };
