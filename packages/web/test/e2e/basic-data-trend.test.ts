import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, SCREENSHOT_DIR, TABLET, browserSuite, browserUnavailable, pageHeading, screenshot, signIn } from './harness';

/*
 * The 基础数据表 edited in the browser, and a unit's trend over the years in the dashboard's drill-down, against
 * the real server and its demo world. 岳阳市人大常委会 (seed 004, 2022, published) is the demo's one unit with a
 * full 基础数据表; its 填报人 starts the 2023 self-evaluation from the 2022 report (through the API, as a unit
 * carrying last year's figures forward would), which gives an editable evaluation with the table and the unit a
 * second year for the trend. Screenshots at 1024×768 and 820×1180 go to test-output/screenshots/.
 */
const unavailable = browserUnavailable();
const YUEYANG = '岳阳市人大常委会';
const NEW_YEAR = 2023;

interface EvaluationJson {
  readonly id: string;
  readonly version: number;
  readonly year: number;
  readonly kind: string;
  readonly unit: { readonly id: string; readonly name: string };
  readonly content: Record<string, unknown> & { basicData?: { threePublic?: Record<string, Record<string, string>> } };
}

describe.skipIf(unavailable !== undefined)(`基础数据表 and the unit trend in Chromium${unavailable ? ` — skipped: ${unavailable}` : ''}`, () => {
  const suite = browserSuite();
  let created: Promise<string> | undefined;

  /**
   * 岳阳's 2023 部门整体 draft, made once by its 填报人 from the 2022 content: the same 基础数据表, and new
   * headline figures: 执行数 3852.28 of the same 预算数 4280.31 (3852.28 ÷ 4280.31 = 90.0000…%), 自评 95 分.
   */
  function yueyang2023(page: Page): Promise<string> {
    created ??= (async () => {
      const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
      const list = (await (await page.request.get('/api/evaluations?pageSize=50&kind=department')).json()) as { items: EvaluationJson[] };
      const last = list.items.find((e) => e.year === 2022);
      expect(last?.unit.name).toBe(YUEYANG);
      const detail = (await (await page.request.get(`/api/evaluations/${last?.id}`)).json()) as EvaluationJson;
      const content = structuredClone(detail.content) as Record<string, unknown> & { funds: { rows: Record<string, unknown>[] }; stated: Record<string, unknown> };
      const scored = content.funds.rows.find((r) => r.weight !== undefined);
      expect(scored?.annualBudget).toBe('4280.31');
      if (scored) {
        scored.executed = '3852.28';
        delete scored.statedRate;
        delete scored.statedScore;
      }
      content.year = NEW_YEAR;
      content.stated = { total: '95' };
      const response = await page.request.post('/api/evaluations', { headers: { 'X-CSRF-Token': me.csrfToken }, data: { unitId: detail.unit.id, year: NEW_YEAR, kind: 'department', content } });
      expect(response.status()).toBe(201);
      return ((await response.json()) as EvaluationJson).id;
    })();
    return created;
  }

  const editorHeading = (page: Page) => pageHeading(page, /自评填报/);
  const cell = (page: Page, label: string) => page.getByLabel(label, { exact: true });

  it('edits a 基础数据表 cell, sees the sum and the finding follow, saves and reloads; refuses "12,3a" in words', async () => {
    const { page, errors, close } = await suite.open(DESKTOP);
    try {
      await signIn(page, 'filler_yyrd');
      const id = await yueyang2023(page);
      await page.goto(`/evaluations/${id}/edit`);
      await editorHeading(page).waitFor();
      await page.getByRole('tab', { name: '基础数据表' }).click();

      // Seed 004's table, as imported: 三公经费 2023年决算数 66.81 + 0 + 3.49 = 70.30, as the table states (70.3).
      const reception = cell(page, `3、公务接待 ${NEW_YEAR}年决算数`);
      await expect(reception.inputValue()).resolves.toBe('3.49');
      const sum = page.getByTestId('basic-sum-threePublic-actual');
      await expect.poll(() => sum.textContent()).toBe('70.30');
      expect(await sum.getAttribute('class')).not.toContain('jx-differs');
      // 85 in post for 111 posts: 76.5765…% → 76.58%.
      await expect.poll(() => page.getByTestId('basic-staff-rate').textContent()).toBe('76.58%');

      // 公务接待 3.49 → 13.49: the sum is 66.81 + 0 + 13.49 = 80.30 at once, in red against the stated 70.3 …
      const checked = page.waitForResponse((r) => r.url().endsWith(`/api/evaluations/${id}/check`) && (r.request().postData() ?? '').includes('"13.49"') && r.status() === 200);
      await reception.fill('13.49');
      await expect.poll(() => sum.textContent()).toBe('80.30');
      await expect.poll(() => sum.getAttribute('class')).toContain('jx-differs');
      // … and the server's audit says the same, pointing at the total's cell.
      const check = (await (await checked).json()) as { findings: { rule: string; severity: string; message: string; location?: { path?: string } }[] };
      const finding = check.findings.find((f) => f.rule === 'audit.basic-data' && f.severity === 'error');
      expect(finding?.message).toBe('基础数据表“三公”经费（本年决算数）：66.81 + 0 + 13.49 = 80.3，表列 70.3');
      expect(finding?.location?.path).toBe('basicData.threePublic.total.actual');
      const total = cell(page, `“三公”经费 ${NEW_YEAR}年决算数`);
      await page.getByRole('list', { name: '基础数据表的审查发现' }).getByRole('button', { name: /66\.81 \+ 0 \+ 13\.49 = 80\.3，表列 70\.3/ }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`“三公”经费 ${NEW_YEAR}年决算数`);
      await screenshot(page, 'basic-data-1024');

      // The total corrected to 80.3: the sum agrees, and the 控制率 is 80.3 ÷ 202 = 39.7524…% → 39.75%.
      const agreed = page.waitForResponse((r) => r.url().endsWith(`/api/evaluations/${id}/check`) && (r.request().postData() ?? '').includes('"80.3"') && r.status() === 200);
      await total.fill('80.3');
      await expect.poll(() => sum.getAttribute('class')).not.toContain('jx-differs');
      await page.getByRole('row', { name: /^“三公”经费 .*39\.75%/ }).waitFor();
      const after = (await (await agreed).json()) as typeof check;
      expect(after.findings.filter((f) => f.location?.path === 'basicData.threePublic.total.actual' && f.severity === 'error')).toEqual([]);

      const saved = page.waitForResponse((r) => r.url().endsWith(`/api/evaluations/${id}`) && r.request().method() === 'PUT');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      expect((await saved).status()).toBe(200);
      await page.getByText('已保存为第 2 版').waitFor();

      await page.reload();
      await editorHeading(page).waitFor();
      await page.getByRole('tab', { name: '基础数据表' }).click();
      await expect(cell(page, `3、公务接待 ${NEW_YEAR}年决算数`).inputValue()).resolves.toBe('13.49');
      await expect(cell(page, `“三公”经费 ${NEW_YEAR}年决算数`).inputValue()).resolves.toBe('80.3');
      await expect.poll(() => page.getByTestId('basic-sum-threePublic-actual').textContent()).toBe('80.30');
      const stored = (await (await page.request.get(`/api/evaluations/${id}`)).json()) as EvaluationJson;
      expect(stored.version).toBe(2);
      expect(stored.content.basicData?.threePublic?.reception?.actual).toBe('13.49');
      expect(stored.content.basicData?.threePublic?.total?.actual).toBe('80.3');

      // Not a number: said in words under the cell, and the server's check refuses it with the cell's path.
      const refused = page.waitForResponse((r) => r.url().endsWith(`/api/evaluations/${id}/check`) && (r.request().postData() ?? '').includes('12,3a'));
      const prior = cell(page, `3、公务接待 ${NEW_YEAR - 1}年决算数`);
      await prior.fill('12,3a');
      await page.getByText('应为数字，如 4280.31（不带单位和千分位）').waitFor();
      expect(await prior.getAttribute('aria-invalid')).toBe('true');
      expect((await refused).status()).toBe(422);
      await page.getByRole('list', { name: '基础数据表的审查发现' }).getByRole('button', { name: /应为十进制数字字符串/ }).waitFor();
      // Where the number is unreadable, the sum says so instead of adding the rest.
      await expect.poll(() => page.getByTestId('basic-sum-threePublic-priorActual').textContent()).toBe('？');
      // The table scrolls inside its card; the page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await prior.fill('6.61');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('adds an empty 基础数据表 to a draft that has none, at 820×1180', async () => {
    const { page, errors, close } = await suite.open(TABLET);
    try {
      // Seed 000 (湖南省人大常委会办公厅, 2024, 草稿) came without the table.
      await signIn(page, 'filler_hnrd');
      const list = (await (await page.request.get('/api/evaluations?pageSize=50&kind=department')).json()) as { items: EvaluationJson[] };
      const draft = list.items.find((e) => e.year === 2024);
      await page.goto(`/evaluations/${draft?.id}/edit`);
      await editorHeading(page).waitFor();
      await page.getByRole('tab', { name: '基础数据表' }).click();
      await page.getByRole('button', { name: '添加基础数据表' }).click();
      // 114 in post for 120 posts: 114 ÷ 120 = 95.00%.
      await cell(page, '编制数').fill('120');
      await cell(page, '实际在职人数').fill('114');
      await expect.poll(() => page.getByTestId('basic-staff-rate').textContent()).toBe('95.00%');
      // The 公用经费 lines of the template: 20 + 5.5 = 25.50.
      await cell(page, `公用经费明细 办公经费 2024年预算数`).fill('20');
      await cell(page, `公用经费明细 水费、电费、差旅费 2024年预算数`).fill('5.5');
      await expect.poll(() => page.getByTestId('basic-sum-publicExpense-budget').textContent()).toBe('25.50');
      await page.getByRole('button', { name: '添加项目' }).click();
      await cell(page, '项目支出第 1 项 名称').fill('代表履职经费');
      await cell(page, '项目支出明细 代表履职经费 2024年决算数').fill('31');
      await expect.poll(() => page.getByTestId('basic-sum-projects-actual').textContent()).toBe('31.00');
      await page.getByText('有未保存的修改').waitFor();
      await screenshot(page, 'basic-data-820');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  /** The first row's 下钻 link lies wholly inside the window and is what the browser finds at its centre (not clipped or covered). */
  async function drillLinkVisible(page: Page): Promise<void> {
    const link = page.getByRole('link', { name: /^查看.*的评价$/ }).first();
    await link.scrollIntoViewIfNeeded();
    const box = await link.boundingBox();
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    expect(box).not.toBeNull();
    if (!box) return;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('a')?.textContent ?? null, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(hit).toBe('查看评价');
    // Its card clips nothing of it either.
    const card = await page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '各单位情况' }) }).locator('.ant-card-body').boundingBox();
    expect(box.x + box.width).toBeLessThanOrEqual((card?.x ?? 0) + (card?.width ?? 0));
  }

  it('drills from the dashboard to a unit and shows its years: 执行率 bars and 自评得分 line; 下钻 visible at 1024', async () => {
    // The 2023 draft must exist for 岳阳 to have two years.
    {
      const { page, close } = await suite.open(DESKTOP);
      await signIn(page, 'filler_yyrd');
      await yueyang2023(page);
      await close();
    }
    for (const [label, viewport] of [
      ['1024', DESKTOP],
      ['820', TABLET],
    ] as const) {
      const { page, errors, close } = await suite.open(viewport);
      try {
        await signIn(page, 'npc_hn');
        await page.goto('/dashboard?year=2022');
        await pageHeading(page, '监督看板').waitFor();
        await page.getByRole('link', { name: `${YUEYANG}历年评价` }).waitFor();
        await drillLinkVisible(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        if (label === '1024') {
          // The unit table alone, 下钻 and all (a whole-page picture is in dashboard.test.ts).
          mkdirSync(SCREENSHOT_DIR, { recursive: true });
          await page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '各单位情况' }) }).screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-units-1024.png') });
        }

        await Promise.all([page.waitForURL(/\/dashboard\/units\/[^?]+\?year=2022$/), page.getByRole('link', { name: `${YUEYANG}历年评价` }).click()]);
        await pageHeading(page, YUEYANG).waitFor();
        // 2022 (seed 004): 4280.31 of 4280.31 = 100.00%, 自评 100, 复算 100.
        // 2023 (the draft above): 3852.28 ÷ 4280.31 = 90.00%, 自评 95; 复算 10 × 90% = 9 for 预算执行 plus the
        // 50 + 30 + 10 the report states for the other levels (no 三级指标 to recompute them from) = 99.
        const chart = page.getByRole('img', { name: /^单位历年趋势：/ });
        await chart.locator('canvas').waitFor();
        expect(await chart.getAttribute('aria-label')).toBe('单位历年趋势：2022 年执行率 100.00%、自评得分 100、复算得分 100；2023 年执行率 90.00%、自评得分 95、复算得分 99');
        // The same figures as the API gives them for the unit.
        const unitId = new URL(page.url()).pathname.split('/').at(-1);
        const history = (await (await page.request.get(`/api/dashboard/units/${unitId}`)).json()) as { evaluations: { year: number; kind: string; executionRate: string; statedScore: string; computedScore: string }[] };
        expect(history.evaluations.filter((e) => e.kind === 'department').map((e) => [e.year, e.executionRate, e.statedScore, e.computedScore])).toEqual([
          [2023, '90.0000', '95.00', '99.00'],
          [2022, '100.0000', '100.00', '100.00'],
        ]);
        await page.getByRole('link', { name: `${NEW_YEAR} 年度部门整体支出` }).waitFor();
        // Let ECharts finish its entry animation before the picture.
        await page.waitForTimeout(1200);
        await screenshot(page, `unit-trend-${label}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        // Back to the dashboard of the year the user came from.
        await page.locator('.ant-breadcrumb').getByRole('link', { name: '监督看板' }).click();
        await page.waitForURL(/\/dashboard\?.*year=2022/);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }
  });
});

