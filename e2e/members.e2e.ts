import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs, env, launch, login, open, shot } from './support.js';

/**
 * Milliseconds from an action to the first member row in the page, measured inside the page (a
 * MutationObserver, then the next frame for the paint), so the test runner's polling is not counted.
 */
async function timeToFirstRow(page: Page, action: () => Promise<unknown>): Promise<{ rows: number; painted: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __kithT0: number; __kithRows?: Promise<{ rows: number; painted: number }> };
    w.__kithT0 = performance.now();
    w.__kithRows = new Promise((resolve) => {
      const done = () => {
        const rows = performance.now() - w.__kithT0;
        requestAnimationFrame(() => setTimeout(() => resolve({ rows, painted: performance.now() - w.__kithT0 })));
      };
      const mo = new MutationObserver(() => {
        if (document.querySelector('tr[data-row-key]')) {
          mo.disconnect();
          done();
        }
      });
      mo.observe(document.body, { childList: true, subtree: true });
    });
  });
  await action();
  const r = await page.evaluate(
    () => (window as unknown as { __kithRows: Promise<{ rows: number; painted: number }> }).__kithRows,
  );
  return { rows: Math.round(r.rows), painted: Math.round(r.painted) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The member list on the demo data: speed, search, the member's page, tagging, export. */
describe('members', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the first page of members fast on the demo data', async () => {
    const { page, problems } = await open(browser);
    await login(page, env().owner);
    await page.getByTestId('kpi-total').waitFor();
    await page.waitForLoadState('networkidle');
    // The operator is in the console and opens 会员 from the overview: once to warm up (the first
    // visit after sign-in shares the server with the overview's queries), then five measured times.
    const runs: { rows: number; painted: number; api: number }[] = [];
    for (let i = 0; i < 6; i++) {
      await page.evaluate(() => performance.clearResourceTimings());
      const t = await timeToFirstRow(page, () =>
        page.locator('.ant-layout-sider').getByRole('link', { name: '会员' }).click(),
      );
      const api = await page.evaluate(() => {
        const e = performance.getEntriesByType('resource').find((r) => r.name.includes('/api/v1/members?')) as
          PerformanceResourceTiming | undefined;
        return e ? Math.round(e.responseEnd - e.startTime) : -1;
      });
      if (i > 0) runs.push({ ...t, api });
      await page.locator('.ant-layout-sider').getByRole('link', { name: '概览' }).click();
      await page.getByTestId('kpi-total').waitFor();
      await page.waitForLoadState('networkidle');
    }
    // A full reload of /members (console files cached by the browser, session cookie set).
    const reloadStart = Date.now();
    await page.goto('/members');
    await page.locator('tr[data-row-key]').first().waitFor();
    const reload = Date.now() - reloadStart;
    const first = median(runs.map((r) => r.painted));
    console.log(
      [
        '',
        `  Members, first page on the demo data (${runs.length} navigations from the overview):`,
        ...runs.map(
          (r, i) => `    #${i + 1}: rows in the page ${r.rows} ms, painted ${r.painted} ms (API ${r.api} ms)`,
        ),
        `    median ${first} ms until painted (API median ${median(runs.map((r) => r.api))} ms) — target < 300 ms: ${first < 300 ? 'met' : 'MISSED'}`,
        `    full reload of /members until the first row: ${reload} ms`,
        '',
      ].join('\n'),
    );
    expect(median(runs.map((r) => r.api))).toBeLessThan(300);
    // The 300 ms target is printed above; this bound catches a real regression on a busy machine.
    expect(first).toBeLessThan(1000);
    expect(await page.locator('tr[data-row-key]').count()).toBe(20);
    await shot(page, 'members');
    expect(problems).toEqual([]);
  });

  it('finds a member, opens them and tags them', async () => {
    const api = await apiAs(env().operator);
    // Someone with a Chinese name of two or three characters; the operator types the first two.
    const someone = (await api.get('/members?limit=200')).body.items.find(
      (m: { name: string | null }) => m.name && /^\p{Script=Han}{2,3}$/u.test(m.name),
    );
    const fragment = Array.from(someone.name as string)
      .slice(0, 2)
      .join('');
    const { page, problems } = await open(browser);
    await login(page, env().operator);
    await page.goto('/members');
    const search = page
      .getByRole('searchbox')
      .or(page.getByPlaceholder(/^搜索姓名、昵称/))
      .first();
    await search.fill(fragment);
    await search.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === fragment);
    await page.locator(`tr[data-row-key="${someone.id}"]`).waitFor();
    // The export link carries the same filter.
    const exportLink = page.getByRole('link', { name: /导出 CSV/ });
    await expect
      .poll(async () => new URL((await exportLink.getAttribute('href'))!, env().baseUrl).searchParams.get('q'))
      .toBe(fragment);

    await page.locator(`tr[data-row-key="${someone.id}"] a`).first().click();
    await page.waitForURL(new RegExp(`/members/${someone.id}$`));
    await page.getByRole('heading', { name: someone.name }).waitFor();
    await page.getByTestId('activity-timeline').or(page.getByText('还没有行为记录')).first().waitFor();

    const tag = `回访-${Date.now() % 100000}`;
    const picker = page.getByTestId('member-tags').locator('.ant-select');
    await picker.click();
    await page.keyboard.type(tag);
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: `新建标签「${tag}」` })
      .click();
    await page.getByTestId('member-tags').getByText(tag, { exact: true }).waitFor();
    const after = (await api.get(`/members/${someone.id}`)).body;
    expect(after.tags.map((t: { name: string }) => t.name)).toContain(tag);
    await shot(page, 'member-detail');

    // Back returns to the same search.
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/members' && u.searchParams.get('q') === fragment);
    expect(problems).toEqual([]);
  });

  it('pages forward and back through the list', async () => {
    const { page } = await open(browser);
    await login(page, env().operator);
    await page.goto('/members');
    const first = await page.locator('tr[data-row-key]').first().getAttribute('data-row-key');
    await page.getByRole('button', { name: /下一页/ }).click();
    await page.getByText('第 2 页').waitFor();
    await page.waitForFunction(
      (id) => document.querySelector('tr[data-row-key]')?.getAttribute('data-row-key') !== id,
      first,
    );
    await page.getByRole('button', { name: /上一页/ }).click();
    await page.getByText('第 1 页').waitFor();
    await page.waitForFunction(
      (id) => document.querySelector('tr[data-row-key]')?.getAttribute('data-row-key') === id,
      first,
    );
  });

  it('reads well on a 390 px phone', async () => {
    const { page, problems } = await open(browser, { width: 390, height: 844 });
    await login(page, env().analyst);
    for (const [name, url] of [
      ['phone-overview', '/overview'],
      ['phone-members', '/members'],
      ['phone-member-detail', '/members/1'],
    ] as const) {
      await page.goto(url);
      await page.locator('.ant-statistic, tr[data-row-key], .ant-descriptions').first().waitFor();
      // Nothing but the table (which scrolls inside itself) may be wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      await shot(page, name);
    }
    expect(problems).toEqual([]);
  });
});
