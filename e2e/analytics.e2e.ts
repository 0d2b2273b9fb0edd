import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, env, launch, login, open } from './support.js';
import { downloadFrom, label, pageShot, pickOption, settled, tableRows, toast, until } from './antd.js';

/**
 * The analytics pages 数据分析 against the demo community: every figure the console shows is the
 * one the API computes, filters change them, tables export, RFM scores on demand and drills into a
 * layer, an analyst reads without the compute buttons, and the pages read in English on a phone.
 */
let browser: Browser;
const zh = (n: number) => n.toLocaleString('zh-CN');
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('analytics', () => {
  it('shows the engagement the API computes, per community, and exports the top contributors', async () => {
    const api = await apiAs(env().operator);
    const { page, context, problems } = await open(browser);
    await login(page, env().operator);
    await page.goto('/analytics');
    const workspace = (await api.get('/analytics/engagement')).body;
    await until(() => page.getByTestId('kpi-active').innerText()).toContain(zh(workspace.activeMembers));
    expect(await page.getByTestId('kpi-mau').innerText()).toContain(zh(workspace.mau));

    // Of the first communities in the menu (no scrolling), the most active: other suites add empty
    // ones at the top, which would have nothing to export.
    const active = new Map<number, number>(
      (await api.get('/analytics/communities')).body.items.map((c: { id: number; active: number }) => [c.id, c.active]),
    );
    const community = [...(await api.get('/communities?limit=5')).body.items].sort(
      (a: { id: number }, b: { id: number }) => (active.get(b.id) ?? 0) - (active.get(a.id) ?? 0),
    )[0];
    await page.getByLabel('社群').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: community.name })
      .first()
      .click();
    const one = (await api.get(`/analytics/engagement?communityId=${community.id}`)).body;
    await until(() => page.getByTestId('kpi-members').innerText()).toContain(zh(one.members));
    await until(() => page.getByTestId('kpi-active').innerText()).toContain(zh(one.activeMembers));

    const top = page.getByTestId('top-contributors');
    await settled(top);
    const expected = (await api.get(`/analytics/top-contributors?communityId=${community.id}`)).body.items;
    await until(() => tableRows(top).count()).toBe(expected.length);
    const download = await downloadFrom(page, top.getByRole('button', { name: label('导出') }), 'CSV');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('会员,有效互动,发言,活跃天数');
    expect(lines).toHaveLength(expected.length + 1);
    expect(lines[1]).toContain(String(expected[0].meaningful));
    await pageShot(page, 'analytics-engagement');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the funnel, the stages and the cohort matrix as the API counts them', async () => {
    const api = await apiAs(env().operator);
    const { page, context, problems } = await open(browser);
    await login(page, env().operator);
    await page.goto('/analytics/lifecycle');
    const funnel = (await api.get('/analytics/funnel')).body;
    const table = page.getByTestId('funnel-table');
    await until(() => tableRows(table).first().innerText()).toMatch(
      new RegExp(
        `合计\\s+${zh(funnel.total.acquired)}\\s+${zh(funnel.total.activated)}\\s+${zh(funnel.total.retained)}\\s+${zh(funnel.total.monetised)}`,
      ),
    );
    await table.getByText('按社群').click();
    const byCommunity = (await api.get('/analytics/funnel?by=community')).body;
    await until(() => tableRows(table).count()).toBe(byCommunity.groups.length);
    await page.getByRole('button', { name: label('立即更新阶段') }).click();
    await toast(page, /已更新/);
    await pageShot(page, 'analytics-lifecycle');

    await page.goto('/analytics/cohorts');
    const cohorts = (await api.get('/analytics/cohorts')).body;
    const matrix = page.getByTestId('cohort-matrix');
    await until(() => tableRows(matrix).count()).toBe(cohorts.cohorts.length);
    const firstWithMembers = cohorts.cohorts.findIndex((c: { size: number }) => c.size > 0);
    expect(await tableRows(matrix).nth(firstWithMembers).locator('td').nth(1).innerText()).toBe(
      zh(cohorts.cohorts[firstWithMembers].size),
    );
    await page.getByText('按月').click();
    const monthly = (await api.get('/analytics/cohorts?grain=month')).body;
    await until(() => tableRows(matrix).count()).toBe(monthly.cohorts.length);
    await pageShot(page, 'analytics-cohorts');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('scores RFM on demand and drills into a layer; an analyst sees no compute button', async () => {
    const { page, context, problems } = await open(browser);
    await login(page, env().operator);
    await page.goto('/analytics/rfm');
    await page.getByRole('button', { name: label('立即计算') }).click();
    await toast(page, /位买家评分/);
    const rfm = (await (await apiAs(env().operator)).get('/analytics/rfm')).body;
    const layers = page.getByTestId('rfm-layers');
    const biggest = [...rfm.layers].sort((a: { members: number }, b: { members: number }) => b.members - a.members)[0];
    const row = tableRows(layers).filter({ hasText: biggest.nameZh });
    await until(() => row.innerText()).toContain(zh(biggest.members));
    await row.getByRole('button', { name: biggest.nameZh }).click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: `「${biggest.nameZh}」的会员` });
    await until(() => tableRows(drawer).count()).toBe(Math.min(50, biggest.members));
    await pageShot(page, 'analytics-rfm');
    expect(problems).toEqual([]);
    await context.close();

    const analyst = await open(browser);
    await login(analyst.page, env().analyst);
    await analyst.page.goto('/analytics/rfm');
    await tableRows(analyst.page.getByTestId('rfm-layers')).first().waitFor();
    expect(await analyst.page.getByRole('button', { name: label('立即计算') }).count()).toBe(0);
    expect(await analyst.page.getByRole('button', { name: label('编辑策略') }).count()).toBe(0);
    await analyst.context.close();
  });

  it('shows revenue by community, tier and layer, and the ROI of a campaign created in the page', async () => {
    const api = await apiAs(env().operator);
    const business = (await api.get('/analytics/business')).body;
    const tag = (await api.get('/members/tags')).body.items[0];
    const { page, context, problems } = await open(browser);
    await login(page, env().operator);
    await page.goto('/analytics/business');
    await until(() => page.getByTestId('kpi-orders').innerText()).toContain(zh(business.totals.orders));
    const name = `e2e 双十一 ${Date.now().toString(36)}`;
    await page.getByRole('button', { name: label('新建营销活动') }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '新建营销活动' });
    await dialog.getByLabel('活动', { exact: true }).fill(name);
    await pickOption(page, dialog.getByLabel('活动标签'), tag.name);
    await dialog.locator('.ant-picker input').first().click();
    await page.keyboard.type('2026-09-01');
    await page.keyboard.press('Enter');
    await page.keyboard.type('2026-11-30');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('投入').fill('1000');
    await dialog.getByRole('button', { name: label('确定') }).click();
    const row = tableRows(page.getByTestId('campaigns')).filter({ hasText: name });
    await row.waitFor();
    const created = (await api.get('/analytics/campaigns')).body.items.find((c: { name: string }) => c.name === name);
    expect(created).toMatchObject({ startsOn: '2026-09-01', endsOn: '2026-11-30', cost: '1000.00', tagId: tag.id });
    const roi = created.figures.roi as number;
    await until(() => row.innerText()).toContain(
      `${(roi * 100).toLocaleString('zh-CN', { maximumFractionDigits: 1 })}%`,
    );
    await pageShot(page, 'analytics-business');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads the communities and their health in English on a 390 px phone', async () => {
    const health = (await (await apiAs(env().operator)).get('/analytics/health')).body;
    const { page, context, problems } = await open(browser, { locale: 'en', width: 390, height: 844 });
    await login(page, env().operator);
    await page.evaluate(() => localStorage.setItem('kith.locale', 'en'));
    await page.goto('/analytics/communities');
    const table = page.getByTestId('health-table');
    // On a phone each community is a block of its own, not a table row scrolled sideways.
    await until(() => table.locator('.ant-list-item').count()).toBe(health.items.length);
    await until(() => page.getByText('Community health').count()).toBeGreaterThan(0);
    expect(await table.locator('.ant-list-item').first().innerText()).toMatch(
      /Growth \S+ · Activity \S+ · Retention \S+/,
    );
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll).toBeLessThanOrEqual(390);
    await pageShot(page, 'analytics-communities-en-390');
    expect(problems).toEqual([]);
    await context.close();
  });
});
