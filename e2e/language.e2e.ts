import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { env, launch, login, open, shot } from './support.js';

/** English for an English browser; the switch in the header changes every label and format, and sticks. */
describe('language', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('switches between English and Chinese, dates and antd included, and remembers it', async () => {
    const { page, problems } = await open(browser, { locale: 'en-US' });
    await page.goto('/login');
    await page.getByText('Run your customer communities').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await login(page, env().owner);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();

    await page.goto('/members');
    await page.locator('tr[data-row-key]').first().waitFor();
    await page.getByRole('columnheader', { name: 'Lifecycle stage' }).waitFor();
    const enDate = await page.locator('tr[data-row-key]').first().locator('td').last().innerText();
    expect(enDate).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    expect(await page.getByPlaceholder('Start date').count()).toBeGreaterThan(0); // antd's own texts
    await shot(page, 'members-en');

    await page.locator('header .ant-segmented').getByText('中文').click();
    await page.getByRole('columnheader', { name: '生命周期阶段' }).waitFor();
    const zhDate = await page.locator('tr[data-row-key]').first().locator('td').last().innerText();
    expect(zhDate).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(await page.getByPlaceholder('开始日期').count()).toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    await page.reload();
    await page.getByRole('columnheader', { name: '生命周期阶段' }).waitFor();
    expect(await page.locator('.ant-layout-sider').getByText('会员', { exact: true }).count()).toBe(1);

    await page.locator('header .ant-segmented').getByText('English').click();
    await page.locator('.ant-layout-sider').getByText('Members').waitFor();
    expect(problems).toEqual([]);
  });
});
