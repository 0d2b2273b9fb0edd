import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, env, launch, login, open, shot } from './support.js';

/** Two profiles of one person: compare, merge, and undo — from the duplicates list the API suggests. */
describe('merging duplicates', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('merges a suggested pair after the preview, then undoes it', async () => {
    const api = await apiAs(env().operator);
    const pairs = (await api.get('/members/duplicates?limit=200')).body.items;
    expect(pairs.length).toBeGreaterThan(0);
    const { a, b } = pairs[0];

    const { page, problems } = await open(browser);
    await login(page, env().operator);
    await page.goto('/members/duplicates');
    const row = page
      .locator('tr[data-row-key]')
      .filter({ hasText: `#${a.id}` })
      .filter({ hasText: `#${b.id}` });
    await row.getByRole('button', { name: /对比并合并/ }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('merge-preview').waitFor();
    const summary = await dialog.locator('.ant-alert').innerText();
    expect(summary).toContain(`将 ${b.displayName}（#${b.id}） 合并到 ${a.displayName}（#${a.id}）`);
    await shot(page, 'merge-preview');
    // A field the two profiles hold differently can be decided by hand; the result follows it.
    const choice = dialog.locator('[data-testid^="merge-choice-"]').first();
    let chose: string | null = null;
    if (await choice.count()) {
      chose = (await choice.getAttribute('data-testid'))!.replace('merge-choice-', '');
      await choice.locator('.ant-radio-wrapper').nth(1).click();
    }
    // Nothing is merged by looking.
    expect((await api.get(`/members/${b.id}`)).body.mergedInto).toBeNull();

    await dialog.getByRole('button', { name: '确认合并' }).click();
    const notice = page.locator('.ant-notification-notice').filter({ hasText: '合并到' });
    await notice.waitFor();
    expect((await api.get(`/members/${b.id}`)).body.mergedInto).toBe(a.id);
    if (chose) {
      const owner = await apiAs(env().owner); // the audit log is the owner's to read
      const merges = (await owner.get(`/audit?action=member.merge&targetId=${a.id}`)).body.items;
      expect(Object.values(merges[0].after.choices ?? {})).toContain('merged');
    }

    await notice.getByRole('button', { name: /撤销合并/ }).click();
    await page.getByText('已撤销合并，两位会员已恢复原样').waitFor();
    expect((await api.get(`/members/${b.id}`)).body.mergedInto).toBeNull();

    // The member's page keeps the record: merged, then undone.
    await page.goto(`/members/${a.id}`);
    await page
      .getByTestId('merge-history')
      .getByText(/已于 .* 撤销/)
      .first()
      .waitFor();
    expect(problems).toEqual([]);
  });

  it("merges from a member's page with a suggested duplicate", async () => {
    const api = await apiAs(env().operator);
    const pairs = (await api.get('/members/duplicates?limit=200&reason=email')).body.items;
    const { a, b } = pairs[0];
    const { page, problems } = await open(browser);
    await login(page, env().operator);
    await page.goto(`/members/${a.id}`);
    await page.getByRole('button', { name: /与其他会员合并/ }).click();
    const suggestion = page
      .getByTestId('merge-suggestions')
      .locator('div')
      .filter({ hasText: `#${b.id}` })
      .first();
    await suggestion.getByRole('button', { name: /对比并合并/ }).click();
    const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('merge-preview') });
    await dialog.getByTestId('merge-preview').waitFor();
    await dialog.getByRole('button', { name: '确认合并' }).click();
    await page
      .locator('.ant-notification-notice')
      .getByRole('button', { name: /撤销合并/ })
      .click();
    await page.getByText('已撤销合并，两位会员已恢复原样').waitFor();
    expect((await api.get(`/members/${b.id}`)).body.mergedInto).toBeNull();
    expect(problems).toEqual([]);
  });
});
