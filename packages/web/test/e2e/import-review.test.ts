import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, TABLET, browserSuite, browserUnavailable, pageHeading, screenshot, signIn } from './harness';

/*
 * 导入与审查 and 审核 in a real browser against the real server and its demo world: a finance reviewer drops
 * seed 004 in and checks its execution findings against the report's text; then the workflow round trip of
 * the demo's submitted evaluation (安化, seed 002) through the review pages: 退回 with a per-field comment,
 * 提交 again by the unit head, 审核通过, 公开, and the report on the public page.
 */
const unavailable = browserUnavailable();
const SEED_004 = fileURLToPath(new URL('../../../server/demo/004_cbe60655ee86d378.txt', import.meta.url));

describe.skipIf(unavailable !== undefined)(`import and review in Chromium${unavailable ? ` — skipped: ${unavailable}` : ''}`, () => {
  const suite = browserSuite();

  const open = suite.open;
  const heading = pageHeading;

  /** Whether the chosen passage of the original text is inside the text pane's visible part. */
  const chosenInView = (page: Page) =>
    page.getByTestId('original-text').evaluate((box) => {
      const chosen = box.querySelector('[data-chosen="true"]');
      if (!chosen) return false;
      const outer = box.getBoundingClientRect();
      const inner = chosen.getBoundingClientRect();
      return inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
    });

  it('fin_yy imports seed 004 into 岳阳 for 2023 and checks the project-table execution findings against the text', async () => {
    const { page, errors, close } = await open();
    try {
      await signIn(page, 'fin_yy');
      await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '导入与审查' }).click();
      await heading(page, '导入与审查').waitFor();
      await page.goto('/import?year=2023');
      await heading(page, '导入与审查').waitFor();
      const unit = page.getByRole('combobox', { name: '单位' });
      await unit.click();
      await unit.fill('岳阳市人大常委会');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.ant-select', { has: unit }).textContent()).toContain('岳阳市人大常委会');
      await expect(page.locator('.ant-select', { has: page.getByRole('combobox', { name: '预算年度' }) }).textContent()).resolves.toContain('2023');

      await page.locator('.ant-upload-drag input[type=file]').setInputFiles(SEED_004);
      const progress = page.getByTestId('import-progress');
      await progress.getByText('004_cbe60655ee86d378.txt').waitFor();
      await progress.locator('li[data-status="done"]').waitFor({ timeout: 60_000 });
      await expect(progress.getByTestId('import-status').textContent()).resolves.toBe('已完成');

      const findings = page.getByTestId('import-findings');
      const operations = findings.getByRole('button', { name: /394 ÷ 400\.03 = 98\.49%/ });
      const supervision = findings.getByRole('button', { name: /122\.18 ÷ 124 = 98\.53%/ });
      await operations.waitFor();
      await supervision.waitFor();
      // The extracted evaluations with their figures: 运行维护经费 among the projects.
      const evaluations = page.getByTestId('import-evaluations');
      await evaluations.getByRole('row', { name: /运行维护经费/ }).waitFor();
      await expect(evaluations.getByRole('row', { name: /运行维护经费/ }).textContent()).resolves.toContain('400.03');

      // The original text is far longer than its pane; the finding brings its table row into view, marked.
      const text = page.getByTestId('original-text');
      await text.locator('[data-block]').first().waitFor();
      await supervision.click();
      await expect.poll(() => text.locator('[data-chosen="true"]').first().textContent()).toContain('124');
      await expect.poll(() => chosenInView(page), { timeout: 5000 }).toBe(true);
      await operations.click();
      await expect.poll(() => text.locator('[data-chosen="true"]').first().textContent()).toContain('400.03');
      await expect.poll(() => chosenInView(page), { timeout: 5000 }).toBe(true);
      await expect(operations.getAttribute('aria-pressed')).resolves.toBe('true');
      // …and the evaluation it concerns is marked in the table of what was read.
      await expect(evaluations.getByRole('row', { name: /运行维护经费/ }).getAttribute('class')).resolves.toContain('jx-highlight');
      // Seed 004 is 岳阳's: the 自评工作考核评分表 scored from the report, with its deductions.
      await expect(page.getByTestId('import-rubric').textContent()).resolves.toMatch(/自评工作考核（自动评分）.*扣/);
      await screenshot(page, 'import-review-1024x768', { fullPage: false });
      await screenshot(page, 'import-review-1024x768-full');

      // A reviewer audits; only the unit's 填报人 may accept, so there is no 采用为草稿 here.
      await expect(page.getByRole('button', { name: '采用为草稿', exact: true }).count()).resolves.toBe(0);

      await page.setViewportSize(TABLET);
      await operations.click();
      await expect.poll(() => chosenInView(page), { timeout: 5000 }).toBe(true);
      await screenshot(page, 'import-review-820x1180', { fullPage: false });
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 180_000);

  it('a file that cannot be read fails alone, with its Chinese reason, and the next file still imports', async () => {
    const { page, errors, close } = await open();
    try {
      await signIn(page, 'filler_yyrd');
      await page.goto('/import?year=2022');
      await heading(page, '导入与审查').waitFor();
      await page.locator('.ant-upload-drag input[type=file]').setInputFiles([
        { name: '截断的报告.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\u0003\u0004 not really a zip') },
        { name: '004_cbe60655ee86d378.txt', mimeType: 'text/plain', buffer: readFileSync(SEED_004) },
      ]);
      const progress = page.getByTestId('import-progress');
      await progress.locator('li[data-status="failed"]').getByText(/截断的报告\.docx/).first().waitFor({ timeout: 60_000 });
      await progress.locator('li[data-status="done"]').waitFor({ timeout: 60_000 });
      // The seed says 2022 and goes to 岳阳's own unit: the filler may accept it as the unit's drafts — but
      // 岳阳's 2022 evaluations are published, so the server refuses and says why.
      await progress.locator('li[data-status="done"]').getByRole('button', { name: /004_/ }).click();
      await page.getByRole('button', { name: '采用为草稿', exact: true }).click();
      await page.getByText(/不是“草稿”或“退回修改”/).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the workflow round trip through the review pages: return with a field comment, resubmit, approve, publish', async () => {
    const reviewer = await open();
    let evaluationPath: string;
    try {
      const { page } = reviewer;
      await signIn(page, 'fin_hn');
      await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '审核' }).click();
      await heading(page, '审核').waitFor();
      const row = page.getByTestId('review-queue').getByRole('row', { name: /安化县人大常委会办公室.*部门整体/ });
      await row.waitFor();
      await screenshot(page, 'review-queue-1024x768');
      await page.setViewportSize(TABLET);
      await screenshot(page, 'review-queue-820x1180');
      await page.setViewportSize(DESKTOP);
      await row.getByRole('link').first().click();
      await heading(page, /安化县人大常委会办公室/).waitFor();
      evaluationPath = new URL(page.url()).pathname.replace('/review/', '/evaluations/');

      // Clicking an indicator row's cell names the field the next comment is about.
      const panel = page.getByTestId('return-panel');
      const indicatorCell = page.locator('[data-path="indicators[0].actual"]').first();
      await indicatorCell.click();
      await expect.poll(() => panel.textContent()).toContain('绩效指标第 1 行');
      await panel.getByRole('textbox', { name: '意见' }).fill('实际完成值没有写明数量，请按指标值的单位填写完成数。');
      await panel.getByRole('button', { name: /添加意见/ }).click();
      await panel.getByText('实际完成值没有写明数量').waitFor();
      await panel.getByRole('textbox', { name: '意见' }).fill('请补充预算执行差异的原因。');
      await panel.getByRole('button', { name: /添加意见/ }).click();
      // Without a mouse: the field is chosen in the list, the comment added with the keyboard alone.
      const field = panel.getByRole('combobox', { name: '针对' });
      await field.focus();
      await page.keyboard.type('资金情况');
      await page.keyboard.press('Enter');
      await expect.poll(() => panel.textContent()).toMatch(/资金情况“[^”]+”/);
      // While the list is open a Tab picks its active option and keeps the focus (rc-select); on a loaded machine the
      // list may still be open when the choice already shows. Each key waits for the state it should have given.
      await expect.poll(() => field.getAttribute('aria-expanded')).toBe('false');
      const focused = () => page.evaluate(() => (document.activeElement?.hasAttribute('data-comment-body') ? 'body' : (document.activeElement?.textContent ?? '').trim()));
      await page.keyboard.press('Tab');
      await expect.poll(focused).toBe('body');
      await page.keyboard.type('项目支出执行数与基础数据表不一致，请核对。');
      await expect.poll(() => panel.getByRole('textbox', { name: '意见' }).inputValue()).toBe('项目支出执行数与基础数据表不一致，请核对。');
      await page.keyboard.press('Tab');
      await expect.poll(focused).toBe('添加意见');
      await page.keyboard.press('Enter');
      await panel.getByText('项目支出执行数与基础数据表不一致，请核对。').waitFor();
      await indicatorCell.click();
      await screenshot(page, 'review-detail-1024x768', { fullPage: false });
      await screenshot(page, 'review-detail-1024x768-full');
      await page.setViewportSize(TABLET);
      await screenshot(page, 'review-detail-820x1180', { fullPage: false });
      await screenshot(page, 'review-detail-820x1180-full');
      await page.setViewportSize(DESKTOP);

      await panel.getByRole('button', { name: /退回修改（3 条意见）/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('将带 3 条意见退回单位修改').waitFor();
      await dialog.getByRole('button', { name: /退\s*回/ }).click();
      await page.getByText('已退回修改').first().waitFor();
      await page.locator('.ant-tag', { hasText: '退回修改' }).first().waitFor();
      expect(reviewer.errors).toEqual([]);
    } finally {
      await reviewer.close();
    }

    const head = await open();
    try {
      const { page } = head;
      await signIn(page, 'head_ahrd');
      await page.goto(evaluationPath);
      await heading(page, /安化县人大常委会办公室/).waitFor();
      // The comment is shown with the field it is about.
      await page.getByText('实际完成值没有写明数量，请按指标值的单位填写完成数。').waitFor();
      await page.getByRole('button', { name: /绩效指标第 1 行/ }).first().waitFor();
      await page.getByRole('button', { name: '提交', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
      // 安化's report has errors: the head submits knowingly when asked.
      const knowingly = page.getByRole('button', { name: '仍要提交' });
      const submitted = page.getByText('已提交，等待财政部门审核');
      await Promise.race([knowingly.waitFor(), submitted.waitFor()]);
      if (await knowingly.isVisible()) await knowingly.click();
      await submitted.waitFor();
      expect(head.errors).toEqual([]);
    } finally {
      await head.close();
    }

    const approver = await open();
    try {
      const { page } = approver;
      await signIn(page, 'fin_hn');
      await page.goto('/review');
      await page.getByTestId('review-queue').getByRole('row', { name: /安化县人大常委会办公室.*部门整体/ }).getByRole('link').first().click();
      await heading(page, /安化县人大常委会办公室/).waitFor();
      await page.getByRole('button', { name: '审核通过', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: '审核通过', exact: true }).click();
      await page.getByText('已审核通过').waitFor();
      await page.getByRole('button', { name: '公开', exact: true }).click();
      await page.getByRole('dialog').getByText('任何人都可以查看').waitFor();
      await page.getByRole('dialog').getByRole('button', { name: /公\s*开/ }).click();
      await page.getByText('已公开').first().waitFor();
      expect(approver.errors).toEqual([]);
    } finally {
      await approver.close();
    }

    const visitor = await open();
    try {
      const { page } = visitor;
      await page.goto('/public');
      await page.getByText('安化县人大常委会办公室').first().waitFor();
      expect(visitor.errors).toEqual([]);
    } finally {
      await visitor.close();
    }
  }, 240_000);
});
