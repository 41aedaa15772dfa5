import { memoize2 } from '../memo';
import { extend } from '../../scoring/extend';
import type { Evaluation, ReportSection } from '../../model/evaluation';
import type { SourceRef } from '../../model/source-ref';
import type { Framework, OutlineSection, RequiredAttachment } from '../../frameworks/framework';
import { cite } from '../../frameworks/sources';
import type { ReportPart } from '../../extract/extract-report';
import type { AuditInput, AuditRule } from '../audit-rule';
import { RuleRecorder } from '../audit-rule';
import { clip } from './quality-text';

/** The reports of an input: 部门整体 evaluations that carry a narrative (sections). */
export function reportsOf(input: AuditInput): Evaluation[] {
  return input.evaluations.filter((e) => e.kind === 'department' && e.sections.length > 0);
}

/** Sections that may say only "无": 政府性基金、国有资本经营、社会保险基金 (no such budget) and 其他需要说明的情况. */
export const MAY_BE_NONE: ReadonlySet<string> = new Set(['government-fund', 'state-capital', 'social-insurance', 'other']);

/**
 * How an outline section appears in the report: present with text; "无" where that is allowed (none);
 * missing; a heading with no text (empty, e.g. only tables under it); or "无" where content is due.
 */
export type SectionStatus = 'ok' | 'none' | 'missing' | 'empty' | 'onlyNone';

export interface OutlineMatch {
  readonly outline: OutlineSection;
  readonly status: SectionStatus;
  readonly section?: ReportSection;
  /** Index of the section in `evaluation.sections`. */
  readonly index?: number;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * Matches the report's sections to the framework's outline by keywords, not numbering (scoring-rules.md
 * §6.1): each section, in order, takes the first outline entry not yet taken whose keyword its heading holds.
 */
export const matchOutline = memoize2((sections: readonly ReportSection[], outline: readonly OutlineSection[]): OutlineMatch[] => match(sections, outline));

function match(sections: readonly ReportSection[], outline: readonly OutlineSection[]): OutlineMatch[] {
  const taken = new Map<string, number>();
  sections.forEach((s, i) => {
    const heading = squeeze(s.heading);
    const o = outline.find((x) => !taken.has(x.id) && x.keywords.some((k) => heading.includes(k)));
    if (o) taken.set(o.id, i);
  });
  return outline.map((o) => {
    const index = taken.get(o.id);
    const section = index === undefined ? undefined : sections[index];
    if (index === undefined || !section) return { outline: o, status: 'missing' };
    const text = section.text.trim();
    const none = /^无[。.]?$/.test(text);
    const status: SectionStatus = text === '' ? 'empty' : none ? (MAY_BE_NONE.has(o.id) ? 'none' : 'onlyNone') : 'ok';
    return { outline: o, status, section, index };
  });
}

/** Whether the status means the report lacks that part's content (the 考核评分表's "每少一个部分"). */
export function lacksContent(status: SectionStatus): boolean {
  return status === 'missing' || status === 'empty' || status === 'onlyNone';
}

const SUBHEADING = /^[（(]\s*[一二三四五六七八九十]+\s*[）)]/;

/** A heading names a topic ("…情况", "…等", "主要包括…"); a claim ("预算编制不够精准") is an item, not a heading. */
const TOPIC = /(等|情况|概况|内容|分析|说明|目标)$|包括/;

/**
 * Sub-headings with nothing under them: a "（二）…" line that is short, says one thing (no sentence ends
 * inside it), names a topic rather than making a claim, and is followed by the next "（三）…" or by the end
 * of the section. Seed 002's 一、部门概况 ends with "（二）部门整体支出规模、使用方向和主要内容、涉及范围等。
 * （三）绩效目标设立情况，主要包括部门中长期绩效目标和年度绩效目标。" and nothing else: the outline's prompts.
 */
export function emptySubheadings(text: string): string[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return lines.filter((line, i) => {
    if (!SUBHEADING.test(line)) return false;
    const body = line.replace(SUBHEADING, '').replace(/[。.；;：:]$/, '');
    if (body.length > 40 || /[。；;]/.test(body) || !TOPIC.test(body)) return false;
    const next = lines[i + 1];
    return next === undefined || SUBHEADING.test(next);
  });
}

function sectionRef(section: ReportSection | undefined, index: number | undefined): SourceRef {
  return index === undefined ? { path: 'sections' } : extend(section?.source, { path: `sections[${index}].text` });
}

const sections: AuditRule = {
  id: 'audit.quality.sections',
  title: '报告正文部分缺失或为空',
  severity: 'warning',
  sources: [
    cite('SEED-000', 'S', '十部分提纲'),
    cite('SEED-001', 'S', '“七”未编号'),
    cite('SEED-004', 'S', '“绩效自评报告正文部分内容齐全的，得8分；否则每少一个部分扣2分”'),
    cite('SEED-003', 'S', '浏阳八部分提纲'),
    cite('JIXIAO', 'I', '按标题关键词而非序号识别；三、四、五、十可写“无”'),
  ],
  check: (input) => {
    const rec = new RuleRecorder('audit.quality.sections');
    for (const e of reportsOf(input)) {
      const framework = input.frameworkOf(e);
      for (const m of matchOutline(e.sections, framework.outline)) {
        const want = `“${m.outline.heading}”`;
        const at = sectionRef(m.section, m.index);
        const printed = m.section ? `（报告标题“${m.section.heading.trim()}”）` : '';
        if (m.status === 'missing') {
          rec.record(m.outline.required ? 'warning' : 'info', `报告缺少${want}部分，未找到含“${m.outline.keywords.join('”或“')}”的标题`, at);
        } else if (m.status === 'empty') {
          rec.record('warning', `${want}部分${printed}只有标题没有文字，可能只有表格或漏写`, at, m.section?.heading);
        } else if (m.status === 'onlyNone') {
          rec.record('warning', `${want}部分${printed}只写了“无”，该部分应有内容`, at, m.section?.text);
        } else {
          rec.record('ok', m.status === 'none' ? `${want}部分${printed}写“无”，该部分可以为无` : `${want}部分${printed}有内容`, at);
        }
        for (const sub of m.section ? emptySubheadings(m.section.text) : []) {
          rec.record('warning', `“${m.section?.heading.trim()}”中的小标题“${clip(sub)}”下没有内容`, at, sub);
        }
      }
    }
    return rec.result();
  },
};

/** The part kind each required 附表 is, in the extractor's terms. */
const PART_OF: Readonly<Record<RequiredAttachment['id'], ReportPart['kind']>> = {
  'basic-data': 'basicData',
  'department-table': 'department',
  'project-tables': 'project',
};

export interface AttachmentCount {
  readonly attachment: RequiredAttachment;
  readonly count: number;
}

/** How many tables of each required 附表 the file holds; undefined when the file's parts are unknown. */
export function countAttachments(framework: Framework, parts: readonly ReportPart[] | undefined): AttachmentCount[] | undefined {
  if (!parts) return undefined;
  return framework.attachments.map((attachment) => ({ attachment, count: parts.filter((p) => p.kind === PART_OF[attachment.id]).length }));
}

const attachments: AuditRule = {
  id: 'audit.quality.attachments',
  title: '报告缺少附表',
  severity: 'warning',
  sources: [
    cite('SEED-004', 'S', '“报告需要以下附件：1.基础数据表 2.部门整体支出绩效自评表 3.项目支出绩效自评表（一个一级项目支出一张表）”'),
    cite('S-HS', 'A', '衡山县附件一、附件二同名'),
  ],
  check: (input) => {
    const rec = new RuleRecorder('audit.quality.attachments');
    for (const e of reportsOf(input)) {
      const framework = input.frameworkOf(e);
      const counts = countAttachments(framework, input.parts);
      if (!counts) {
        if (framework.attachments.length > 0) {
          rec.record('info', `未提供文件构成，无法核对附表“${framework.attachments.map((a) => a.title).join('”“')}”是否齐全`);
        }
        continue;
      }
      for (const { attachment, count } of counts) {
        if (count > 0) rec.record('ok', `附表“${attachment.title}”：文件中有 ${count} 张`);
        else rec.record(attachment.required ? 'warning' : 'info', `报告未附“${attachment.title}”`, { path: 'parts' });
      }
    }
    return rec.result();
  },
};

export const SECTION_RULES: readonly AuditRule[] = [sections, attachments];
