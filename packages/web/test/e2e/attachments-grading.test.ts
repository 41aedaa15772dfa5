import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rgbPng } from '../../../server/test/png';
import { DESKTOP, SCREENSHOT_DIR, TABLET, browserSuite, browserUnavailable, pageHeading, screenshot, signIn } from './harness';

/*
 * 佐证材料 and 自评工作考核评分 in a real browser against the real server and its demo world: the 填报人 of
 * 湖南省人大常委会办公厅 (seed 000, a 草稿) uploads a PDF and a PNG in the editor's 附件 tab beside two files
 * that are refused, each on its own line; downloads one back byte for byte; deletes one. Then 岳阳市财政局's
 * 财政审核 grades 岳阳市人大常委会's evaluation (seed 004) on the 考核评分表, sees the total follow, saves and
 * finds the grade kept after a reload; a 人大监督 sees it read-only.
 */
const unavailable = browserUnavailable();

/** A one-page PDF, written out with its cross-reference table so that any reader opens it. */
function makePdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 20 40 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const PDF = makePdf('Jixiao notice 2024');
/** 16×16 pixels of one blue. */
const PNG = rgbPng(16, 16, () => [22, 119, 255]);
const NOTICE = '2024年度部门整体支出绩效自评通知（盖章扫描件）';

/** No sideways scrolling of the page itself (wide tables scroll inside their cards). */
const noHorizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The line of the upload progress that names this file. */
const progressLine = (page: Page, name: string): Locator => page.getByTestId('attachment-progress').locator('li', { hasText: name });

describe.skipIf(unavailable !== undefined)(`佐证材料 and 考核评分 in Chromium${unavailable ? ` — skipped: ${unavailable}` : ''}`, () => {
  const suite = browserSuite();

  it('a 填报人 uploads a PDF and a PNG in 附件, sees refused files fail on their own lines, downloads one back, deletes one', async () => {
    const { page, errors, close } = await suite.open();
    try {
      await signIn(page, 'filler_hnrd');
      const list = (await (await page.request.get('/api/evaluations?pageSize=50')).json()) as { items: { id: string; status: string; kind: string }[] };
      const draft = list.items.find((e) => e.kind === 'department' && e.status === 'draft');
      expect(draft, 'seed 000 is a 草稿 of 湖南省人大常委会办公厅').toBeDefined();
      const id = draft?.id ?? '';

      await page.goto(`/evaluations/${id}/edit`);
      await pageHeading(page, /自评填报/).waitFor();
      await page.getByRole('tab', { name: '附件' }).click();
      const panel = page.getByRole('tabpanel', { name: '附件' });
      await panel.getByTestId('attachment-list').getByText('尚无佐证材料').waitFor();
      // The upload area is reached with the keyboard like a button.
      const dragger = panel.locator('.ant-upload-drag [role="button"]');
      await expect(dragger.getAttribute('tabindex')).resolves.toBe('0');

      await panel.getByLabel(/说明/).fill(NOTICE);
      await panel.locator('.ant-upload-drag input[type=file]').setInputFiles([
        { name: '自评通知.pdf', mimeType: 'application/pdf', buffer: PDF },
        // Text under an extension the server never takes: refused before sending.
        { name: '自查清单.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('单位自查清单\n') },
        // Text under a PDF's name: only the server, reading the bytes, can refuse it.
        { name: '伪装的通知.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是 PDF 文件，只是文字。\n') },
      ]);
      await progressLine(page, '自评通知.pdf').and(page.locator('[data-status="done"]')).waitFor({ timeout: 30_000 });
      await progressLine(page, '伪装的通知.pdf').and(page.locator('[data-status="failed"]')).waitFor({ timeout: 30_000 });
      await expect(progressLine(page, '自查清单.exe').getAttribute('data-status')).resolves.toBe('failed');
      // Each refusal is said in Chinese on its own file's line, and only there.
      await expect(progressLine(page, '自查清单.exe').getByTestId('attachment-error').textContent()).resolves.toMatch(/不支持的佐证材料格式.*PDF/);
      await expect(progressLine(page, '伪装的通知.pdf').getByTestId('attachment-error').textContent()).resolves.toMatch(/不支持的佐证材料格式/);
      await expect(progressLine(page, '自评通知.pdf').getByTestId('attachment-error').count()).resolves.toBe(0);

      await panel.getByLabel(/说明/).fill('');
      await panel.locator('.ant-upload-drag input[type=file]').setInputFiles([{ name: '工作小组文件.png', mimeType: 'image/png', buffer: PNG }]);
      await progressLine(page, '工作小组文件.png').and(page.locator('[data-status="done"]')).waitFor({ timeout: 30_000 });

      // Both listed, newest first, with size, uploader and 说明.
      const table = panel.getByTestId('attachment-list');
      await table.getByRole('link', { name: '工作小组文件.png' }).waitFor();
      await table.getByRole('link', { name: '自评通知.pdf' }).waitFor();
      const rows = table.locator('tbody tr.ant-table-row');
      await expect(rows.count()).resolves.toBe(2);
      await expect(rows.nth(0).textContent()).resolves.toContain('工作小组文件.png');
      const pdfRow = rows.nth(1);
      await expect(pdfRow.textContent()).resolves.toContain(NOTICE);
      await expect(pdfRow.textContent()).resolves.toContain(`${PDF.length} 字节`);
      await expect(pdfRow.textContent()).resolves.toContain('湖南省人大常委会办公厅填报人');
      await expect(page.getByText('尚无佐证材料').count()).resolves.toBe(0);

      // The same bytes again are refused by the server, on that line.
      await panel.locator('.ant-upload-drag input[type=file]').setInputFiles([{ name: '自评通知（重复）.pdf', mimeType: 'application/pdf', buffer: PDF }]);
      await progressLine(page, '自评通知（重复）.pdf').and(page.locator('[data-status="failed"]')).waitFor({ timeout: 30_000 });
      await expect(progressLine(page, '自评通知（重复）.pdf').getByTestId('attachment-error').textContent()).resolves.toMatch(/已上传过相同的文件：自评通知\.pdf/);

      // Downloaded back, the file is the bytes uploaded, under its own name.
      const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('link', { name: '自评通知.pdf' }).click()]);
      expect(download.suggestedFilename()).toBe('自评通知.pdf');
      const saved = readFileSync((await download.path()) ?? '');
      expect(saved.length).toBe(PDF.length);
      expect(saved.equals(PDF)).toBe(true);

      await screenshot(page, 'attachments-editor-1024x768', { fullPage: false });
      await screenshot(page, 'attachments-editor-1024x768-full');
      expect(await noHorizontalOverflow(page)).toBe(true);
      await page.setViewportSize(TABLET);
      await screenshot(page, 'attachments-editor-820x1180', { fullPage: false });
      expect(await noHorizontalOverflow(page)).toBe(true);
      await page.setViewportSize(DESKTOP);

      // Deleted after a confirmation, with the keyboard: the confirmation's button takes focus-visible Enter.
      await table.getByRole('button', { name: '删除 工作小组文件.png' }).click();
      const confirm = page.locator('.ant-popconfirm').filter({ hasText: '删除“工作小组文件.png”？' });
      await confirm.waitFor();
      await confirm.getByRole('button', { name: /删\s*除/ }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('已删除“工作小组文件.png”').waitFor();
      await expect.poll(() => rows.count()).toBe(1);
      await expect(table.getByRole('link', { name: '工作小组文件.png' }).count()).resolves.toBe(0);

      // The detail page lists what is left, read-only, as a link to download.
      await page.goto(`/evaluations/${id}`);
      const card = page.getByTestId('attachments-card');
      await card.getByRole('link', { name: '自评通知.pdf' }).waitFor();
      await expect(card.getByRole('button', { name: /删除/ }).count()).resolves.toBe(0);
      await expect(card.textContent()).resolves.toContain('佐证材料（1）');
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'attachments-detail-1024x768', { fullPage: false });
      expect(await noHorizontalOverflow(page)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 180_000);

  /** The 考核评分表 as the reviewer grades it: 二级指标 → score (sum by hand in the test). */
  const GRADES = [
    ['自评通知', '8'],
    ['工作小组', '2'],
    ['单位自查', '9.5'],
    ['提交报告', '7'],
    ['完整性·正文', '6'],
    ['完整性·附件', '7'],
    ['绩效自评表·权重', '4.5'],
    ['绩效自评表·细化', '5'],
    ['绩效自评表·三级指标', '8.5'],
    ['反映问题情况', '16'],
    ['建议情况', '12.5'],
  ] as const;
  const SUBMISSION_NOTE = '逾期 3 个工作日报送，扣 3 分';
  const scoreInput = (page: Page, level2: string) => page.getByTestId('work-grade').getByRole('spinbutton', { name: new RegExp(`^${level2.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} 评分`) });

  it('岳阳’s 财政审核 grades the 考核评分表, sees the total follow, saves; the grade is kept after a reload and read-only for others', async () => {
    let path: string;
    const reviewer = await suite.open();
    try {
      const { page } = reviewer;
      await signIn(page, 'fin_yy');
      const list = (await (await page.request.get('/api/evaluations?pageSize=50')).json()) as { items: { id: string; status: string; kind: string; unit: { name: string } }[] };
      const yy = list.items.find((e) => e.kind === 'department' && e.unit.name === '岳阳市人大常委会');
      expect(yy, 'seed 004 is 岳阳市人大常委会’s 部门整体 evaluation').toBeDefined();
      path = `/review/${yy?.id ?? ''}`;
      await page.goto(path);
      await pageHeading(page, /岳阳市人大常委会/).waitFor();
      const card = page.getByTestId('work-grade');
      await card.getByTestId('work-grade-table').waitFor();
      await expect(card.textContent()).resolves.toContain('尚未评分');
      // 11 lines of 100 points: 布置工作 10, 实施评价 20, 自评报告 70.
      await expect(card.locator('tbody tr.ant-table-row').count()).resolves.toBe(GRADES.length);
      await expect(card.getByText('布置工作').first().isVisible()).resolves.toBe(true);

      // The standard is one keyboard press away.
      const submission = card.locator('tr.ant-table-row').filter({ has: page.getByText('提交报告', { exact: true }) });
      await submission.getByRole('button', { name: '评分标准' }).focus();
      await page.keyboard.press('Enter');
      await submission.getByText(/每推迟一个工作日报送报告的扣1分/).waitFor();
      await expect(submission.getByRole('button', { name: '收起评分标准' }).getAttribute('aria-expanded')).resolves.toBe('true');

      for (const [level2, value] of GRADES) await scoreInput(page, level2).fill(value);
      await card.getByRole('textbox', { name: '提交报告 说明' }).fill(SUBMISSION_NOTE);
      // 8 + 2 + 9.5 + 7 + 6 + 7 + 4.5 + 5 + 8.5 + 16 + 12.5 = 86
      await expect.poll(() => card.getByTestId('work-grade-total').textContent()).toBe('86');
      // 建议情况 12.5 → 15 adds 2.5: 88.5; a score above the line's points stops the save and says why.
      await scoreInput(page, '建议情况').fill('15');
      await expect.poll(() => card.getByTestId('work-grade-total').textContent()).toBe('88.5');
      await scoreInput(page, '反映问题情况').fill('21');
      await card.getByText('不能超过 20 分').first().waitFor();
      await expect(card.getByRole('button', { name: /保存评分/ }).isDisabled()).resolves.toBe(true);
      await scoreInput(page, '反映问题情况').fill('16');
      await scoreInput(page, '建议情况').fill('12.5');
      await expect.poll(() => card.getByTestId('work-grade-total').textContent()).toBe('86');
      await expect(card.getByText('有未保存的评分').isVisible()).resolves.toBe(true);

      await card.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'work-grade-1024x768', { fullPage: false });
      expect(await noHorizontalOverflow(page)).toBe(true);

      const put = page.waitForResponse((r) => r.url().endsWith('/work-grade') && r.request().method() === 'PUT');
      await card.getByRole('button', { name: /保存评分/ }).click();
      expect((await put).status()).toBe(200);
      await page.getByText('已保存考核评分，合计 86 分').waitFor();
      await card.getByTestId('work-grade-by').getByText('岳阳市财政局审核员').waitFor();
      await expect(card.getByTestId('work-grade-by').textContent()).resolves.toMatch(/所评版本 第 \d+ 版/);
      // The whole card, saved: every line, the 合计 row and the total beside the save button.
      await card.screenshot({ path: join(SCREENSHOT_DIR, 'work-grade-card-1024.png') });

      await page.reload();
      await card.getByTestId('work-grade-table').waitFor();
      await card.getByTestId('work-grade-by').getByText('岳阳市财政局审核员').waitFor();
      // The field shows the step's one decimal place: 8 as "8.0".
      for (const [level2, value] of GRADES) await expect(scoreInput(page, level2).inputValue()).resolves.toBe(value.includes('.') ? value : `${value}.0`);
      await expect(card.getByRole('textbox', { name: '提交报告 说明' }).inputValue()).resolves.toBe(SUBMISSION_NOTE);
      await expect.poll(() => card.getByTestId('work-grade-total').textContent()).toBe('86');
      await expect(card.getByText('有未保存的评分').count()).resolves.toBe(0);
      const stored = (await (await page.request.get(`/api/evaluations/${yy?.id ?? ''}/work-grade`)).json()) as { total: string };
      expect(stored.total.replace(/\.0+$/, '')).toBe('86');

      await screenshot(page, 'work-grade-1024x768-full');
      await page.setViewportSize(TABLET);
      await card.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'work-grade-820x1180', { fullPage: false });
      expect(await noHorizontalOverflow(page)).toBe(true);
      expect(reviewer.errors).toEqual([]);
    } finally {
      await reviewer.close();
    }

    // 人大监督 reads the grade, with no field to change it.
    const supervisor = await suite.open();
    try {
      const { page } = supervisor;
      await signIn(page, 'npc_hn');
      await page.goto(path);
      const card = page.getByTestId('work-grade');
      await card.getByTestId('work-grade-by').getByText('岳阳市财政局审核员').waitFor();
      await expect(card.getByRole('spinbutton').count()).resolves.toBe(0);
      await expect(card.getByTestId('work-grade-total').textContent()).resolves.toBe('86');
      await card.getByText(SUBMISSION_NOTE).waitFor();
      await card.getByText('评分由财政部门审核人员填写，此处只读。').waitFor();
      await card.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'work-grade-readonly-1024x768', { fullPage: false });
      expect(await noHorizontalOverflow(page)).toBe(true);
      expect(supervisor.errors).toEqual([]);
    } finally {
      await supervisor.close();
    }
  }, 180_000);
});
