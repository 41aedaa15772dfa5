import { describe, expect, it } from 'vitest';
import { DESKTOP, TABLET, browserSuite, browserUnavailable, pageHeading, screenshot, signIn } from './harness';

/*
 * The web app in a real browser against the real server and its demo world (the five Hunan seed reports, one
 * user per role, every workflow status). Screenshots of each page at 1024×768 and at a tablet's 820×1180 go
 * to test-output/screenshots/.
 */
const unavailable = browserUnavailable();

describe.skipIf(unavailable !== undefined)(`web app in Chromium${unavailable ? ` — skipped: ${unavailable}` : ''}`, () => {
  const suite = browserSuite();

  const open = suite.open;
  const heading = pageHeading;

  // Each role lands on its 工作台 and sees what only that role has to do (demo statuses: demo-world.ts).
  const ROLES = [
    { username: 'filler_hnzf', role: '填报人', year: 2024, item: '已退回，请按审核意见修改', dashboard: false },
    { username: 'head_hnrd', role: '单位负责人', year: 2024, item: /草稿待提交/, dashboard: false },
    { username: 'fin_hn', role: '财政审核', year: 2024, item: '待审核', dashboard: true },
    { username: 'npc_hn', role: '人大监督', year: 2022, item: /审查发现 \d+ 个错误/, dashboard: true },
    { username: 'admin', role: '系统管理员', year: 2024, item: '用户账号', dashboard: true },
  ] as const;

  it.each(ROLES)('$username ($role) signs in and sees the 工作台 with its own tasks', async ({ username, role, year, item, dashboard }) => {
    const { page, errors, close } = await open();
    try {
      await signIn(page, username);
      await expect(heading(page, '工作台').isVisible()).resolves.toBe(true);
      await page.getByRole('banner').locator('.ant-tag').getByText(role, { exact: true }).waitFor();
      const menu = page.getByRole('navigation', { name: '主菜单' });
      await expect(menu.getByRole('link', { name: '评价列表' }).isVisible()).resolves.toBe(true);
      expect(await menu.getByRole('link', { name: '监督看板' }).count()).toBe(dashboard ? 1 : 0);

      await page.goto(`/workbench?year=${year}`);
      await page.getByText(`以下是 ${year} 年度需要您处理的事项`).waitFor();
      await page.getByRole('main').getByText(item).first().waitFor();
      if (username === 'fin_hn') await screenshot(page, 'workbench-1024');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('signs in with the keyboard alone, with a visible focus ring', async () => {
    const { page, close } = await open();
    try {
      await page.goto('/login');
      await page.getByLabel('用户名').waitFor();
      // The user name field has focus on arrival.
      await page.keyboard.type('fin_yy');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Jx-e2e-Test-2026');
      await page.keyboard.press('Enter');
      await heading(page, '工作台').waitFor();
      // The first Tab reaches the skip link; it is drawn with the focus ring.
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? { text: el.textContent, outline: getComputedStyle(el).outlineStyle } : null;
      });
      expect(focused).toEqual({ text: '跳到正文', outline: 'solid' });
    } finally {
      await close();
    }
  });

  it('opens 岳阳市人大常委会 (seed 004): the project-table execution findings lead to their rows', async () => {
    const { page, errors, close } = await open();
    try {
      await signIn(page, 'fin_yy');
      await page.goto('/evaluations?year=2022');
      await heading(page, '评价列表').waitFor();
      // 运行维护经费 claims 100% on 394 of 400.03: the list shows the rate of its amounts.
      const row = page.getByRole('row', { name: /运行维护经费/ });
      await row.getByText('98.49%').waitFor();
      await screenshot(page, 'evaluations-1024');
      await row.getByRole('link', { name: '运行维护经费', exact: true }).click();

      await heading(page, /岳阳市人大常委会/).waitFor();
      const panel = page.getByTestId('findings-panel');
      const finding = panel.getByRole('button', { name: /394 ÷ 400\.03 = 98\.49%/ });
      await finding.waitFor();
      await expect(panel.getByText('audit.execution-rate').count()).resolves.toBeGreaterThan(0);
      // A published evaluation offers no workflow step, and the 自评表 keeps its merged 一级/二级 cells.
      await expect(page.getByRole('button', { name: '审核通过', exact: true }).count()).resolves.toBe(0);
      // 产出指标 spans its 5 rows, 效益指标 its 4, and 数量指标 (within 产出) its 2, as in the printed table.
      const merged = await page.locator('[data-path="indicators"] td[rowspan]').evaluateAll((cells) => cells.map((c) => [c.textContent, c.getAttribute('rowspan')]));
      expect(merged).toEqual([
        ['产出指标', '5'],
        ['数量指标', '2'],
        ['效益指标', '4'],
      ]);
      // The computed score column appears once the check answered.
      await page.getByRole('columnheader', { name: '计算' }).waitFor();

      await finding.click();
      const fundsRow = page.locator('tr[data-path="funds.rows[0]"]');
      await expect.poll(() => fundsRow.getAttribute('class')).toContain('jx-highlight');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('funds.rows[0]');
      await expect(fundsRow.getByText('计算 98.49%').isVisible()).resolves.toBe(true);
      await screenshot(page, 'evaluation-finding-1024', { fullPage: false });

      // The other project whose table claims 100%: 人大监督, 122.18 of 124.
      await page.goto('/evaluations?year=2022');
      await page.getByRole('row', { name: /人大监督/ }).getByRole('link', { name: '人大监督', exact: true }).click();
      await page.getByTestId('findings-panel').getByRole('button', { name: /122\.18 ÷ 124 = 98\.53%/ }).waitFor();

      // The 部门整体 evaluation lists its eight projects.
      await page.getByRole('link', { name: '所属部门整体评价' }).first().click();
      await page.getByRole('heading', { name: /项目支出绩效自评（8 个项目）/ }).waitFor();
      await screenshot(page, 'evaluation-department-1024');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a finance reviewer approves a submitted evaluation after confirming', async () => {
    const { page, errors, close } = await open();
    try {
      await signIn(page, 'fin_hn');
      await page.goto('/evaluations?status=submitted');
      await page.getByRole('row', { name: /安化县人大常委会办公室/ }).getByRole('link', { name: '部门整体支出' }).click();
      await heading(page, /安化县人大常委会办公室/).waitFor();
      await page.getByRole('button', { name: '退回修改', exact: true }).waitFor();
      await page.getByRole('button', { name: '审核通过', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('通过后可以公开').waitFor();
      await dialog.getByRole('button', { name: '审核通过', exact: true }).click();
      await page.getByText('已审核通过').waitFor();
      // Now approved: the next step is 公开, and 审核通过 is gone.
      await page.getByRole('button', { name: '公开', exact: true }).waitFor();
      // (The dialog's own 审核通过 button lingers while it fades out.)
      await expect.poll(() => page.getByRole('button', { name: '审核通过', exact: true }).count()).toBe(0);
      await expect(page.locator('.ant-tag', { hasText: '已审核' }).first().isVisible()).resolves.toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('signing out ends the session: a page behind sign-in goes to the login page and back after it', async () => {
    const { page, close } = await open();
    try {
      await signIn(page, 'filler_yyrd');
      await page.getByRole('button', { name: '退出' }).click();
      await heading(page, '预算绩效自评').waitFor();
      await page.goto('/evaluations?year=2022');
      await page.getByLabel('用户名').waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.getByLabel('用户名').fill('filler_yyrd');
      await page.getByLabel('密码').fill('Jx-e2e-Test-2026');
      await page.getByRole('button', { name: '登录' }).click();
      await heading(page, '评价列表').waitFor();
      expect(new URL(page.url()).search).toBe('?year=2022');
      // A filler of 岳阳 sees 岳阳's evaluations only.
      await expect(page.getByText('安化县人大常委会办公室').count()).resolves.toBe(0);
    } finally {
      await close();
    }
  });

  it('a session that ended on the server (401) sends the user to the login page, and back after signing in', async () => {
    const { page, close } = await open();
    try {
      await signIn(page, 'fin_hn');
      // The cookie is gone, as after an expiry: the next API call answers 401.
      await page.context().clearCookies();
      await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '评价列表' }).click();
      await page.getByLabel('用户名').waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.getByLabel('用户名').fill('fin_hn');
      await page.getByLabel('密码').fill('Jx-e2e-Test-2026');
      await page.getByRole('button', { name: '登录' }).click();
      await heading(page, '评价列表').waitFor();
    } finally {
      await close();
    }
  });

  it('shows the published report to anyone, signed out, with its data for download', async () => {
    const { page, errors, close } = await open();
    try {
      await page.goto('/public');
      await heading(page, '公开的自评报告').waitFor();
      await page.getByText('共 9 份').waitFor();
      await screenshot(page, 'public-1024');
      await page.getByRole('row', { name: /运行维护经费/ }).getByRole('link', { name: '运行维护经费', exact: true }).click();
      await heading(page, '岳阳市人大常委会 · 运行维护经费').waitFor();
      await page.getByRole('cell', { name: '机关全体职工干部满意' }).waitFor();
      await screenshot(page, 'public-report-1024');

      const json = page.getByRole('link', { name: /JSON 数据/ }).first();
      const csv = page.getByRole('link', { name: /绩效指标 CSV/ }).first();
      const jsonResponse = await page.request.get((await json.getAttribute('href')) ?? '');
      expect(jsonResponse.status()).toBe(200);
      const body = (await jsonResponse.json()) as { report: { projectName: string; budget: string; executed: string } };
      expect(body.report).toMatchObject({ projectName: '运行维护经费', budget: '400.030000', executed: '394.000000' });
      const csvResponse = await page.request.get((await csv.getAttribute('href')) ?? '');
      expect(csvResponse.status()).toBe(200);
      expect(csvResponse.headers()['content-type']).toContain('text/csv');
      expect(await csvResponse.text()).toContain('机关全体职工干部满意');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('lays out every page at a tablet width (820×1180) and at 1024×768', async () => {
    for (const [label, viewport] of [
      ['820', TABLET],
      ['1024', DESKTOP],
    ] as const) {
      const { page, errors, close } = await open(viewport);
      try {
        await page.goto('/login');
        await page.getByLabel('用户名').waitFor();
        await screenshot(page, `login-${label}`);
        await signIn(page, 'npc_hn');
        await page.goto('/workbench?year=2022');
        await page.getByText(/审查发现 \d+ 个错误/).first().waitFor();
        if (label === '820') await screenshot(page, 'workbench-820');
        await page.goto('/dashboard?year=2022');
        await heading(page, '监督看板').waitFor();
        await page.locator('canvas').nth(1).waitFor();
        await page.getByRole('heading', { name: '审查发现（按规则）' }).waitFor();
        // Let ECharts finish its entry animation before the picture.
        await page.waitForTimeout(1200);
        await screenshot(page, `dashboard-${label}`);
        if (label === '820') {
          await page.goto('/evaluations?year=2022');
          await page.getByRole('row', { name: /运行维护经费/ }).waitFor();
          await screenshot(page, 'evaluations-820');
          await page.getByRole('row', { name: /运行维护经费/ }).getByRole('link', { name: '运行维护经费', exact: true }).click();
          await page.getByRole('columnheader', { name: '计算' }).waitFor();
          await screenshot(page, 'evaluation-820');
          await page.goto('/public');
          await page.getByText('共 9 份').waitFor();
          await screenshot(page, 'public-820');
        }
        // No page may be wider than the window: a horizontal scroll bar on the page itself means a broken layout.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }
  });
});

