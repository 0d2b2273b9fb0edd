import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { env, launch, login, open, shot } from './support.js';

/** An analyst reads everything and changes nothing; the server refuses them even if they try. */
describe('an analyst', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sees no write buttons and cannot edit', async () => {
    const { page, problems } = await open(browser);
    await login(page, env().analyst);
    await page.locator('header').getByText('分析师（只读）').waitFor();

    await page.goto('/members?sort=last_active_at');
    await page.locator('tr[data-row-key]').first().waitFor();
    expect(await page.locator('.ant-table-selection-column').count()).toBe(0);
    expect(await page.getByRole('button', { name: /批量打标签|为筛选结果打标签/ }).count()).toBe(0);
    await page.getByRole('link', { name: /导出 CSV/ }).waitFor(); // reading out is allowed

    const id = await page.locator('tr[data-row-key]').first().getAttribute('data-row-key');
    await page.goto(`/members/${id}`);
    await page.locator('.ant-descriptions').waitFor();
    expect(await page.getByRole('combobox', { name: '生命周期阶段' }).count()).toBe(0);
    expect(await page.getByTestId('member-tags').locator('.ant-select').count()).toBe(0);
    expect(await page.getByTestId('member-tags').locator('.ant-tag-close-icon').count()).toBe(0);
    expect(await page.getByRole('button', { name: /与其他会员合并/ }).count()).toBe(0);
    // Personal-data requests are the owner's and admins': an analyst has no such menu.
    expect(await page.getByRole('button', { name: /更多操作/ }).count()).toBe(0);
    expect(await page.getByText('删除个人数据').count()).toBe(0);
    // Contacts stay masked, with no way to show them in full.
    expect(await page.getByTestId('reveal-contact').count()).toBe(0);
    await shot(page, 'analyst-member-detail');

    await page.goto('/members/duplicates');
    await page.locator('tr[data-row-key]').first().waitFor();
    expect(await page.getByRole('button', { name: /对比并合并/ }).count()).toBe(0);

    // Hidden buttons are courtesy: the server is the guard.
    const refused: { status: number; body: { detail: string } } = await page.evaluate(async (memberId) => {
      const r = await fetch(`/api/v1/members/${memberId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lifecycleStage: 'churned' }),
      });
      return { status: r.status, body: await r.json() };
    }, id);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('members:write');
    expect(problems).toEqual([]);
  });
});
