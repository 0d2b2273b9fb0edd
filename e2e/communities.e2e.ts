import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, env, launch, login, open } from './support.js';
import { label, pageShot, pickOption, settled, shotOf, tableRows, toast, until } from './antd.js';

/**
 * Communities in the console: the list with positioning and capacity, creating one (and the
 * server's field errors on the form), a community's members and join/leave trend, archive and
 * back; community managers see only theirs; analysts see no write buttons.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const run = Date.now().toString(36);

describe('communities', () => {
  it('lists the communities with their positioning, and creates one that then heads the list', async () => {
    const { page, context, problems } = await open(browser);
    await login(page, env().operator);
    await page.goto('/communities');
    await until(() => tableRows(page).count()).toBeGreaterThanOrEqual(6);
    const fans = tableRows(page).filter({ hasText: '山野咖啡爱好者交流群' });
    await until(() => fans.innerText()).toMatch(/兴趣型[\s\S]*用户互动[\s\S]*沉淀期[\s\S]*QQ/);
    await pageShot(page, 'communities-list');

    const name = `e2e 手冲研习社 ${run}`;
    const create = page.locator('.kith-page-header').getByRole('button', { name: label('新建社群') });
    await create.click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '新建社群' });
    // The form's own checks first: nothing is sent without a name.
    await dialog.getByRole('button', { name: label('新建社群') }).click();
    await until(() => dialog.getByText('请输入社群名称').count()).toBe(1);
    await dialog.getByLabel('社群名称').fill(name);
    await pickOption(page, dialog.getByLabel('渠道'), '企业微信');
    await pickOption(page, dialog.getByLabel('定位类型'), '知识型');
    await pickOption(page, dialog.getByLabel('社群目标'), '产品反馈');
    await dialog.getByLabel('容量').fill('200');
    await dialog.getByLabel('群 ID').fill(`wr-${run}`);
    await dialog.getByLabel('社群规则').fill('1. 只聊咖啡\n2. 禁止广告');
    await shotOf(dialog.locator('.ant-modal-container, .ant-modal-content').first(), 'community-create-dialog');
    await dialog.getByRole('button', { name: label('新建社群') }).click();
    await toast(page, `已创建社群「${name}」`);
    await settled(page);
    await until(() => tableRows(page).first().innerText()).toContain(name);

    // The server's field problem lands on the field: that group ID is taken on WeCom.
    await until(() => dialog.count()).toBe(0);
    await create.click();
    await dialog.getByLabel('社群名称').fill(`${name} 二群`);
    await pickOption(page, dialog.getByLabel('渠道'), '企业微信');
    await pickOption(page, dialog.getByLabel('定位类型'), '知识型');
    await pickOption(page, dialog.getByLabel('社群目标'), '产品反馈');
    await dialog.getByLabel('群 ID').fill(`wr-${run}`);
    await dialog.getByRole('button', { name: label('新建社群') }).click();
    await until(() => dialog.locator('.ant-form-item-has-error').filter({ hasText: '群 ID' }).innerText()).toMatch(
      /已被同一渠道的另一个社群使用/, // the server's reason, worded in Chinese
    );
    await shotOf(dialog.locator('.ant-modal-container, .ant-modal-content').first(), 'community-create-field-error');
    await dialog.getByRole('button', { name: label('取消') }).click();

    // The browser logs the 409 it was meant to get; nothing else went wrong.
    expect(problems.filter((p) => !p.includes('status of 409'))).toEqual([]);
    await context.close();
  });

  it('opens a community: members with their roles, the join/leave trend, rules; archives and brings it back', async () => {
    const { page, context, problems } = await open(browser);
    await login(page, env().operator);
    await page.goto('/communities');
    await page.getByRole('link', { name: '山野咖啡·售后服务群' }).click();
    await page.waitForURL(/\/communities\/\d+$/);
    await until(() => page.getByRole('heading', { name: '山野咖啡·售后服务群' }).count()).toBe(1);
    const members = page
      .locator('.ant-card')
      .filter({ has: page.locator('.ant-card-head-title', { hasText: /^群成员$/ }) });
    await until(() => tableRows(members).count()).toBe(20);
    // The trend chart draws on a canvas once the days arrive.
    const chart = page.getByRole('img', { name: '入群与退群趋势' });
    await until(() => chart.locator('canvas').count()).toBe(1);
    await until(() => page.getByText('工作日 9:00-21:00 有客服值守', { exact: false }).count()).toBeGreaterThan(0);
    await pageShot(page, 'community-detail');
    // Keyset paging: the next members come below the first twenty.
    await until(() => members.getByRole('button', { name: label('加载更多') }).count()).toBe(1);
    await members.getByRole('button', { name: label('加载更多') }).click();
    await until(() => tableRows(members).count()).toBeGreaterThan(20);

    // Change a member's role, as a person would: the select in their row.
    const row = tableRows(members).filter({ hasText: '成员' }).nth(2);
    const who = (await row.locator('a').first().innerText()).trim();
    await pickOption(page, row.locator('.ant-select'), '骨干');
    await toast(page, `${who} 的角色已改为「骨干」`);

    // Archive and unarchive our own community, not a demo one.
    const api = await apiAs(env().operator);
    const mine = await api.post('/communities', {
      name: `e2e 归档测试 ${run}`,
      channel: 'wechat',
      positioningType: 'interest',
      goal: 'interaction',
    });
    expect(mine.status).toBe(201);
    await page.goto(`/communities/${mine.body.id}`);
    await page.getByRole('button', { name: label('归档') }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('归档') })
      .click();
    await toast(page, '已归档');
    await until(() => page.getByText('不再接收新成员', { exact: false }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: label('取消归档') }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('取消归档') })
      .click();
    await toast(page, '已恢复');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('works on a 390 px phone, read only', async () => {
    const { page, context, problems } = await open(browser, { width: 390, height: 844 });
    await login(page, env().analyst);
    await page.goto('/communities');
    await until(() => tableRows(page).count()).toBeGreaterThanOrEqual(6);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await pageShot(page, 'communities-list-phone');
    await page.getByRole('link', { name: '山野咖啡爱好者交流群' }).click();
    await until(() => page.getByRole('img', { name: '入群与退群趋势' }).locator('canvas').count()).toBe(1);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await pageShot(page, 'community-detail-phone');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows an analyst no write buttons, and no settings at all', async () => {
    const { page, context, problems } = await open(browser);
    await login(page, env().analyst);
    await page.goto('/communities');
    await until(() => tableRows(page).count()).toBeGreaterThanOrEqual(6);
    expect(await page.getByRole('button', { name: label('新建社群') }).count()).toBe(0);
    await page.getByRole('link', { name: '山野咖啡·售后服务群' }).click();
    const members = page
      .locator('.ant-card')
      .filter({ has: page.locator('.ant-card-head-title', { hasText: /^群成员$/ }) });
    await until(() => tableRows(members).count()).toBe(20);
    for (const name of ['编辑', '归档', '添加成员'])
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    expect(await members.locator('.ant-select-selector, .ant-select-content').count()).toBeLessThanOrEqual(1); // the role filter only
    expect(await members.getByRole('button', { name: /移出/ }).count()).toBe(0);
    expect(await page.locator('.ant-menu').getByText('设置').count()).toBe(0);
    expect(await page.locator('.ant-menu').getByText('导入').count()).toBe(0);
    await page.goto('/settings');
    await until(() => page.getByText('没有权限').count()).toBe(1);
    await page.goto('/import');
    await until(() => page.getByText('没有权限').count()).toBe(1);
    // The server is the authority, not the hidden button.
    const api = await apiAs(env().analyst);
    expect(
      (await api.post('/communities', { name: 'x', channel: 'qq', positioningType: 'interest', goal: 'brand' })).status,
    ).toBe(403);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a community manager only the communities assigned to them', async () => {
    const owner = await apiAs(env().owner);
    const list = await owner.get('/communities?limit=100');
    const chengdu = list.body.items.find((c: { name: string }) => c.name === '山野咖啡·成都同城群');
    const cm = { email: `cm-${run}@e2e.kith.dev`, password: `e2e cm password ${run}` };
    expect(
      (await owner.post('/staff', { ...cm, name: '成都群经理', role: 'community_manager', communityIds: [chengdu.id] }))
        .status,
    ).toBe(201);
    const { page, context, problems } = await open(browser);
    await login(page, cm);
    await page.goto('/communities');
    await until(() => tableRows(page).count()).toBe(1);
    expect(await tableRows(page).first().innerText()).toContain('山野咖啡·成都同城群');
    expect(await page.getByRole('button', { name: label('新建社群') }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
