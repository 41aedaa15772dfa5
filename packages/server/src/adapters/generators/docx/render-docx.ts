import type { Evaluation, Framework } from '@jixiao/core';
import { Document, Packer, Paragraph } from 'docx';
import type { Table } from 'docx';
import { BASIC_DATA_NOTE, basicDataTable } from './basic-data-table';
import { footerLine } from './format';
import { reportParagraphs } from './report';
import { departmentTable, projectTable } from './self-evaluation-table';
import { SECTION_PROPERTIES, STYLES, attachmentHeading, pageNumberFooter, tableNote } from './typography';

/**
 * Renders evaluations as one .docx in the layout of GB/T 9704-2012 (docs/report-layout.md): the 自评报告 of
 * the 部门整体 evaluation, when there is one, then its 附表 — the 基础数据表, the 部门整体支出绩效自评表 and one
 * 项目支出绩效自评表 per project — each on a page of its own. The importer reads the result back into the same
 * evaluations (packages/server/test/render-roundtrip.test.ts).
 */

interface Attachment {
  readonly title: string;
  /** The name in the report's 附件说明 (the title, with the project's name where several share it). */
  readonly name: string;
  readonly table: Table;
  readonly notes: readonly string[];
}

function attachments(evaluations: readonly Evaluation[], framework: Framework, department: Evaluation | undefined): Attachment[] {
  const out: Attachment[] = [];
  const footer = (e: Evaluation) => {
    const line = footerLine(e.unit);
    return line ? [line] : [];
  };
  if (department?.basicData) {
    const title = `${department.year}年度部门整体支出绩效评价基础数据表`;
    out.push({ title, name: title, table: basicDataTable(department.basicData, department.year), notes: [BASIC_DATA_NOTE, ...footer(department)] });
  }
  for (const e of evaluations) {
    if (e.kind !== 'department') continue;
    const title = `${e.year}年度部门整体支出绩效自评表`;
    out.push({ title, name: title, table: departmentTable(e, framework, evaluations), notes: footer(e) });
  }
  for (const e of evaluations) {
    if (e.kind !== 'project') continue;
    const title = `${e.year}年度项目支出绩效自评表`;
    out.push({ title, name: `${title}（${e.title}）`, table: projectTable(e, framework, evaluations), notes: footer(e) });
  }
  return out;
}

export async function renderDocx(evaluations: readonly Evaluation[], framework: Framework): Promise<Uint8Array> {
  const department = evaluations.find((e) => e.kind === 'department');
  const tables = attachments(evaluations, framework, department);
  const children: (Paragraph | Table)[] = [];
  if (department) children.push(...reportParagraphs(department, framework, { attachments: tables.map((t) => t.name) }));
  tables.forEach((t, i) => {
    const first = children.length === 0;
    // 附件 are numbered when they follow a report (GB/T 9704 7.3.4); tables alone are just titled.
    children.push(...attachmentHeading(department ? `附件${i + 1}` : undefined, t.title, !first));
    children.push(t.table);
    children.push(...t.notes.map(tableNote));
  });
  if (children.length === 0) children.push(new Paragraph({}));
  const doc = new Document({
    styles: STYLES,
    sections: [{ properties: SECTION_PROPERTIES, footers: { default: pageNumberFooter() }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
