import { expect } from 'vitest';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { env, shot } from './support.js';

/**
 * Driving antd widgets the way a person does: open a select by its label, click the option by its
 * text. Dropdowns live at the end of <body>, so the open one is the visible one.
 */
export async function pickOption(page: Page, field: Locator, option: string, search?: string) {
  await field.click();
  // Long lists are virtual: only what is scrolled into view exists, so search a far option first.
  if (search) await page.keyboard.type(search);
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  const item = dropdown.locator('.ant-select-item-option', { hasText: option }).first();
  await item.waitFor({ state: 'visible' });
  await page.waitForTimeout(250); // the dropdown slides in; a click mid-slide can land on its neighbour
  await item.click();
}

/**
 * A button's accessible name, exactly: antd writes two-character Chinese labels with a space
 * (取 消), and an icon adds its own name in front (inbox 归档).
 */
export function label(text: string): RegExp {
  return new RegExp(
    `^(?:[a-z-]+ )?\\s*${[...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}\\s*$`,
  );
}

/** Polls until the expectation holds, with the patience a browser needs (expect.poll waits 1 s by default). */
export function until<T>(fn: () => T | Promise<T>, timeout = 15_000) {
  return expect.poll(fn, { timeout, interval: 100 });
}

/** The success toast antd shows after a save. */
export async function toast(page: Page, text: string | RegExp) {
  await until(() => page.locator('.ant-message-notice').filter({ hasText: text }).count()).toBeGreaterThan(0);
}

/** Rows of the first antd table inside `scope` (the placeholder row of an empty table not counted). */
export function tableRows(scope: Locator | Page): Locator {
  return scope.locator('.ant-table-tbody > tr.ant-table-row');
}

/** Waits for a table inside `scope` to stop loading. */
export async function settled(scope: Locator | Page) {
  await until(() => scope.locator('.ant-spin-spinning').count(), 20_000).toBe(0);
}

/** A screenshot of one element (a dialog: a full-page shot would draw it over a scrolled page). */
export async function shotOf(el: Locator, name: string) {
  await el.page().waitForTimeout(400); // the opening animation
  await el.screenshot({ path: path.join(env().artifacts, `${name}.png`) });
}

/** A full-page screenshot from the top: scrolled, the sticky header would be drawn mid-page. */
export async function pageShot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return shot(page, name);
}

/**
 * Picks `item` from the menu a dropdown button opens and returns the file it downloads. The menu
 * slides in, and a click mid-slide can land beside it and just close it, so a try that brings no
 * download opens the menu again.
 */
export async function downloadFrom(page: Page, button: Locator, item: string) {
  for (let attempt = 1; ; attempt++) {
    await button.click();
    const entry = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').last().getByText(item, { exact: true });
    await entry.waitFor({ state: 'visible' });
    await page.waitForTimeout(250);
    try {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), entry.click()]);
      return download;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}
