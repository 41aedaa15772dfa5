import ExcelJS from 'exceljs';
import type { Evaluation } from '@jixiao/core';
import { basicDataLayout } from './basic-data-layout';
import { selfEvaluationLayout } from './self-evaluation-layout';
import { SheetNames } from './sheet-names';
import { writeSheet } from './write-sheet';

/**
 * The 附表 of a self-evaluation as one Excel workbook, one sheet per table, laid out like the Hunan
 * templates (seed 004) with their merged cells:
 * - 基础数据表: the 部门整体支出绩效评价基础数据表, when the 部门整体 evaluation has basic data;
 * - 部门整体支出绩效自评表: for each 部门整体 evaluation;
 * - one 项目支出绩效自评表 per project, named after the project.
 * Amounts, rates and scores are numbers with number formats (write-sheet.ts), so the sheet can be summed
 * and checked; jixiao's own .xlsx importer reads the workbook back to the same evaluations.
 */
export async function renderXlsx(evaluations: readonly Evaluation[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jixiao';
  const names = new SheetNames();
  for (const e of evaluations.filter((x) => x.kind === 'department')) {
    if (e.basicData) writeSheet(workbook, names.take('基础数据表'), basicDataLayout(e, e.basicData));
    writeSheet(workbook, names.take('部门整体支出绩效自评表'), selfEvaluationLayout(e));
  }
  for (const e of evaluations.filter((x) => x.kind === 'project')) {
    writeSheet(workbook, names.take(e.title, '项目支出绩效自评表'), selfEvaluationLayout(e));
  }
  // A workbook needs a sheet; an empty export says why it is empty.
  if (workbook.worksheets.length === 0) workbook.addWorksheet('自评表').getCell(1, 1).value = '没有可导出的自评表';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
