import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { fixturePath } from '../../../test/seed-fixtures';
import { runCli } from '../../../test/run-cli';

describe('jixiao render', () => {
  it('writes the .docx and the .xlsx of seed 004 from one evaluation file', async () => {
    const r = await runCli(['render', fixturePath('004'), '--docx', 'out.docx', '--xlsx', 'out.xlsx']);
    expect(r.code).toBe(0);
    expect(Object.keys(r.bytes)).toEqual(['out.docx', 'out.xlsx']);
    // A .docx and an .xlsx are zip files.
    expect(Array.from(r.bytes['out.docx']?.slice(0, 2) ?? [])).toEqual([0x50, 0x4b]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.bytes['out.xlsx'] as Uint8Array) as unknown as ArrayBuffer);
    // 基础数据表, 部门整体支出绩效自评表 and one sheet per project table.
    expect(wb.worksheets).toHaveLength(10);
    expect(r.stdout).toMatch(/^已生成 out\.docx（\d+ KB）$/m);
  });

  it('asks for at least one output, and names a bad field, with exit 2', async () => {
    const none = await runCli(['render', fixturePath('004')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('请至少指定一种输出：--docx、--xlsx 或 --pdf\n');
    const bad = await runCli(['render', 'bad.json', '--docx', 'o.docx'], { 'bad.json': JSON.stringify({ kind: 'project', year: 1999, title: 'x', unit: { name: 'u' } }) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('year：');
  });
});
