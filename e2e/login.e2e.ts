import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, env, launch, login, open, shot } from './support.js';

/** First visit: the login page, a refused password in the server's words, then the overview. */
describe('first login and the overview', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('speaks Chinese to a Chinese browser and shows why a login was refused', async () => {
    const { page, problems } = await open(browser, { locale: 'zh-CN' });
    await page.goto('/members/1');
    await page.waitForURL(/\/login\?next=%2Fmembers%2F1/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByText('私域社群运营平台').waitFor();
    await shot(page, 'login');

    await page.locator('input[autocomplete="username"]').fill(env().owner.email);
    await page.locator('input[autocomplete="current-password"]').fill('not the password');
    await page.locator('button[type="submit"]').click();
    const alert = page.locator('.ant-alert-error');
    await alert.waitFor();
    const said = await alert.innerText();
    expect(said).toContain('登录失败');
    expect(said).not.toMatch(/undefined|null/);
    expect(said.length).toBeGreaterThan(10); // the server's detail, not just a title

    // Signing in goes back to the page that asked for it.
    await page.locator('input[autocomplete="current-password"]').fill(env().owner.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/members\/1$/);
    expect(problems).toEqual([]);
  });

  it("shows the overview with the server's figures, and each figure opens its list", async () => {
    const { page, problems } = await open(browser);
    await login(page, env().owner);
    await page.waitForURL(/\/overview/);
    const api = await apiAs(env().owner);
    const o = (await api.get('/overview')).body;
    const total = page.getByTestId('kpi-total').locator('.ant-statistic-content');
    await total.waitFor();
    expect((await total.innerText()).replace(/\D/g, '')).toBe(String(o.members.total));
    expect(
      (await page.getByTestId('kpi-active7').locator('.ant-statistic-content').innerText()).replace(/\D/g, ''),
    ).toBe(String(o.active.last7Days));
    await page.locator('canvas').first().waitFor();
    expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(3);
    await shot(page, 'overview');

    // "New in the period" → the member list filtered by the same instants the server counted with.
    await page.getByTestId('kpi-new').getByRole('link').click();
    await page.waitForURL(/\/members\?createdFrom=/);
    const url = new URL(page.url());
    expect(url.searchParams.get('createdFrom')).toBe(o.periodStart);
    expect(url.searchParams.get('createdTo')).toBe(o.periodEnd);
    await page.locator('tr[data-row-key]').first().waitFor();
    const listed = (
      await api.get(`/members?createdFrom=${o.periodStart}&createdTo=${o.periodEnd}&limit=20`)
    ).body.items.map((m: { id: number }) => String(m.id));
    const shown = await page
      .locator('tr[data-row-key]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
    expect(shown).toEqual(listed);

    // Messages of one day: a click on the chart opens them, text shown as text.
    await page.goBack();
    await page.getByTestId('kpi-messages').getByText('查看名单').click();
    await page.getByTestId('day-messages').locator('.kith-message-text').first().waitFor();
    expect(problems).toEqual([]);
  });

  it('signs out', async () => {
    const { page } = await open(browser);
    await login(page, env().owner);
    await page.locator('header button[aria-label="账号"]').click();
    await page.getByText('退出登录').click();
    // The embedded database serves one statement at a time: after the heavy flows of other files
    // (a replay over the demo history), signing out can wait behind them for a while.
    await page.waitForURL(/\/login$/, { timeout: 45_000 });
    await page.goto('/overview');
    await page.waitForURL(/\/login/);
  });
});
