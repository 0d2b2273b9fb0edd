import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs, env, launch, login, open, type Credentials } from './support.js';
import { label, pageShot, pickOption, settled, shotOf, tableRows, toast, until } from './antd.js';

/**
 * The membership programme 会员制度 in the console: tiers and the threshold preview, manual
 * adjustments with a second operator's approval, rules with versions, coupon codes, redemptions,
 * badges — and an analyst who sees all of it and can change none of it.
 */
let browser: Browser;
const run = Date.now().toString(36);
const operator2: Credentials = { email: 'operator2@e2e.kith.dev', password: 'e2e staff passphrase 2024' };
const zh = (n: number) => n.toLocaleString('zh-CN');

interface Tier {
  id: number;
  nameZh: string;
  threshold: number;
}
let memberId: number;
let approvalThreshold: number;

beforeAll(async () => {
  browser = await launch();
  const owner = await apiAs(env().owner);
  // The approver: an operator other than the one who asks.
  const staff = await owner.post('/staff', { ...operator2, name: '运营 李娜', role: 'operator' });
  if (staff.status !== 201 && staff.status !== 409)
    throw new Error(`creating the second operator failed: ${staff.status}`);
  // The demo sets up a programme; a Kith without one gets the least the flows need.
  if ((await owner.get('/loyalty/tiers')).body.items.length === 0) {
    for (const [nameZh, nameEn, threshold] of [
      ['普通会员', 'Member', 0],
      ['银卡会员', 'Silver', 300],
      ['金卡会员', 'Gold', 1000],
    ] as const) {
      expect((await owner.post('/loyalty/tiers', { nameZh, nameEn, threshold })).status).toBe(201);
    }
  }
  if ((await owner.get('/loyalty/rules')).body.items.length === 0) {
    const rule = {
      kind: 'check_in',
      enabled: true,
      filters: {},
      points: { mode: 'fixed', amount: 2 },
      growth: { mode: 'fixed', amount: 1 },
      tierMultiplier: false,
      limits: { perDay: 1 },
    };
    expect((await owner.post('/loyalty/rules', { name: '每日签到', definition: rule })).status).toBe(201);
  }
  approvalThreshold = (await owner.get('/loyalty/programme')).body.approvalThreshold;
  memberId = (await owner.get('/members?limit=20&sort=last_active_at')).body.items.find(
    (m: { erasedAt: string | null }) => !m.erasedAt,
  ).id;
});
afterAll(async () => {
  await browser?.close();
});

const balanceOf = async (id: number) =>
  (await (await apiAs(env().operator)).get(`/members/${id}/loyalty`)).body.points.balance as number;

describe('membership programme', () => {
  it('an operator adds a tier and sees the preview change, counted by the server', async () => {
    const api = await apiAs(env().operator);
    const before: Tier[] = (await api.get('/loyalty/tiers')).body.items;
    const name = `e2e 传奇 ${run}`;
    const threshold = Math.max(...before.map((x) => x.threshold)) + 100_000; // nobody has that much growth
    const { page, context, problems } = await open(browser);
    await login(page, env().operator);
    await page.goto('/loyalty');
    const tiersCard = page.getByTestId('tiers-card');
    const preview = page.getByTestId('threshold-preview');
    await until(() => tableRows(tiersCard).count()).toBe(before.length);
    await until(() => tableRows(preview).count()).toBe(before.length);
    await page.getByTestId('ledger-health-check').click();
    await page.getByTestId('ledger-health').waitFor();
    expect(await page.getByTestId('ledger-health').innerText()).toMatch(/积分账本核对无误/);

    await tiersCard.getByRole('button', { name: label('添加等级') }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '添加会员等级' });
    await dialog.getByLabel('中文名称').fill(name);
    await dialog.getByLabel('英文名称').fill(`e2e Legend ${run}`);
    await dialog.getByLabel('升级门槛（成长值）').fill(String(threshold));
    await dialog.getByLabel('积分倍数').fill('2.5');
    await dialog.getByRole('button', { name: label('添加权益说明') }).click();
    await dialog.getByLabel('中文说明').fill('专属客服');
    await dialog.getByLabel('英文说明').fill('Own adviser');
    await dialog.getByRole('button', { name: label('添加等级') }).click();
    await toast(page, `已添加等级「${name}」`);
    const row = tableRows(tiersCard).filter({ hasText: name });
    // No keep threshold typed: it follows the keep ratio (not 0).
    await until(() => row.innerText()).toMatch(/按保级比例[\s\S]*积分 2.5 倍[\s\S]*专属客服/);

    // The new tier joins the preview, empty; proposing a low threshold fills it.
    const previewRow = tableRows(preview).filter({ hasText: name });
    await until(() => previewRow.locator('td').nth(1).innerText()).toBe('0');
    const tiers: Tier[] = (await api.get('/loyalty/tiers')).body.items;
    const created = tiers.find((x) => x.nameZh === name)!;
    const taken = new Set(tiers.map((x) => x.threshold));
    const low = [...Array(1000).keys()].find((n) => n > 0 && !taken.has(n))!;
    await preview.getByLabel(`拟定门槛 ${name}`).fill(String(low));
    const expected: { tierId: number; members: number; proposedMembers: number }[] = (
      await api.post('/loyalty/tiers/preview', { thresholds: [{ tierId: created.id, threshold: low }] })
    ).body.items;
    expect(expected.find((x) => x.tierId === created.id)!.proposedMembers).toBeGreaterThan(0);
    for (const x of expected) {
      const r = tableRows(preview).filter({ hasText: tiers.find((y) => y.id === x.tierId)!.nameZh });
      await until(() => r.locator('td').nth(3).locator('strong').innerText()).toBe(zh(x.proposedMembers));
      expect(await r.locator('td').nth(1).innerText()).toBe(zh(x.members));
    }
    expect(await preview.locator('canvas').count()).toBeGreaterThan(0); // the chart
    await pageShot(page, 'loyalty-programme');
    await preview.getByRole('button', { name: /恢复当前门槛/ }).click();
    await until(() => previewRow.locator('td').nth(3).innerText()).toBe('0');

    // Applying a proposal saves it: a threshold still out of reach promotes nobody.
    await preview.getByLabel(`拟定门槛 ${name}`).fill(String(threshold + 500));
    const apply = preview.getByRole('button', { name: /应用这些门槛/ });
    await until(() => apply.isEnabled()).toBe(true);
    await apply.click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /应用这些门槛/ })
      .click();
    await toast(page, '门槛已保存，0 位会员升级');
    await until(() => row.innerText()).toContain(zh(threshold + 500));
    expect((await api.get('/loyalty/tiers')).body.items.find((x: Tier) => x.id === created.id).threshold).toBe(
      threshold + 500,
    );

    // A tier nobody ever reached can go again.
    await row.getByRole('button', { name: `删除 ${name}` }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('删除') })
      .click();
    await toast(page, `已删除等级「${name}」`);
    await until(() => tableRows(tiersCard).count()).toBe(before.length);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a small adjustment posts at once; a large one waits until a second operator approves it', async () => {
    const small = Math.min(37, approvalThreshold - 1);
    const large = approvalThreshold;
    const b0 = await balanceOf(memberId);
    const { page, context, problems } = await open(browser);
    await login(page, env().operator);
    await page.goto(`/members/${memberId}?tab=loyalty`);
    const balance = page.getByTestId('points-balance');
    await until(() => balance.innerText()).toBe(zh(b0));

    const adjust = async (points: number, reason: string, hint: string) => {
      await page.getByRole('button', { name: label('调整积分') }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '的积分' });
      await dialog.getByLabel('积分（正数增加，负数扣减）').fill(String(points));
      await until(() => dialog.getByTestId('approval-hint').innerText()).toContain(hint);
      await dialog.getByLabel('原因').fill(reason);
      await dialog.getByRole('button', { name: label('提交') }).click();
      await until(() => dialog.count()).toBe(0);
    };
    await adjust(small, `e2e 小额补偿 ${run}`, '提交后立即入账');
    await toast(page, `已入账：+${zh(small)} 积分`);
    await until(() => balance.innerText()).toBe(zh(b0 + small));
    await until(() => page.getByTestId('loyalty-ledger').innerText()).toContain(`e2e 小额补偿 ${run}`);

    await adjust(large, `e2e 大额补偿 ${run}`, '需另一位运营');
    await toast(page, '已提交，等待另一位运营审批');
    await page.getByTestId('pending-adjustments').waitFor();
    expect(await balance.innerText()).toBe(zh(b0 + small));

    // The requester is not offered the decision: the row says it waits for someone else.
    await page.goto('/loyalty/adjustments');
    const mine = tableRows(page).filter({ hasText: `e2e 大额补偿 ${run}` });
    await until(() => mine.getByTestId('adjustment-yours').innerText()).toContain('等待其他人审批');
    expect(await mine.getByRole('button', { name: label('批准') }).count()).toBe(0);

    const second = await open(browser);
    await login(second.page, operator2);
    await second.page.goto('/loyalty/adjustments');
    const row = tableRows(second.page).filter({ hasText: `e2e 大额补偿 ${run}` });
    await until(() => row.innerText()).toMatch(/\+\d[\d,]*[\s\S]*待审批/);
    await pageShot(second.page, 'loyalty-adjustments');
    await row.getByRole('button', { name: label('批准') }).click();
    const approve = second.page.locator('.ant-modal').filter({ hasText: '批准为' });
    await approve.getByLabel('备注（选填）').fill('已核对活动签到表');
    await approve.getByRole('button', { name: label('批准') }).click();
    await toast(second.page, '已批准，积分已入账');
    await until(() => row.count()).toBe(0); // out of the pending queue
    await second.page.locator('.ant-card-head .ant-segmented').getByText('已入账').click();
    await until(() => second.page.url()).toContain('status=posted');
    await until(() =>
      tableRows(second.page)
        .filter({ hasText: `e2e 大额补偿 ${run}` })
        .innerText(),
    ).toMatch(new RegExp(`已入账[\\s\\S]*${operator2.email}[\\s\\S]*已核对活动签到表`));
    expect(second.problems).toEqual([]);
    await second.context.close();

    await page.goto(`/members/${memberId}?tab=loyalty`);
    await until(() => balance.innerText()).toBe(zh(b0 + small + large));
    await until(() => page.getByTestId('loyalty-ledger').innerText()).toContain(`e2e 大额补偿 ${run}`);
    await pageShot(page, 'member-loyalty-tab');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an operator versions a rule, uploads coupon codes, redeems and fulfils, and adds a badge', async () => {
    const api = await apiAs(env().operator);
    const { page, context, problems } = await open(browser);
    await login(page, env().operator);

    // A rule, then a change to it: version 2, version 1 kept.
    const ruleName = `e2e 问卷 ${run}`;
    await page.goto('/loyalty/rules');
    await page.getByRole('button', { name: label('新建规则') }).click();
    const create = page.locator('.ant-drawer').filter({ hasText: '新建行为规则' });
    await create.getByLabel('名称').fill(ruleName);
    await pickOption(page, create.getByLabel('行为类型'), '填写问卷');
    await create.getByLabel('积分 数量').fill('15');
    await create.getByLabel('每周最多（次）').fill('1');
    await create.getByRole('button', { name: label('新建规则') }).click();
    await toast(page, `已新建规则「${ruleName}」`);
    const rule = tableRows(page).filter({ hasText: ruleName });
    await until(() => rule.innerText()).toMatch(/v1[\s\S]*每次 15 积分[\s\S]*每周最多 1 次/);
    await rule.getByRole('button', { name: /编\s*辑/ }).click();
    const edit = page.locator('.ant-drawer').filter({ hasText: `编辑规则「${ruleName}」` });
    await edit.getByLabel('积分 数量').fill('20');
    await edit.getByRole('button', { name: label('保存') }).click();
    await toast(page, `已保存为「${ruleName}」的第 2 版`);
    await until(() => rule.innerText()).toMatch(/v2[\s\S]*每次 20 积分/);
    await rule.getByRole('button', { name: /版本记录/ }).click();
    const versions = page.getByTestId('rule-versions');
    await until(() => versions.innerText()).toMatch(/v2[\s\S]*当前版本[\s\S]*每次 20 积分[\s\S]*v1[\s\S]*每次 15 积分/);
    await shotOf(page.locator('.ant-drawer-content-wrapper'), 'loyalty-rule-versions');
    await page.keyboard.press('Escape');
    await pageShot(page, 'loyalty-rules');
    const saved = (await api.get('/loyalty/rules')).body.items.find((r: { name: string }) => r.name === ruleName);
    expect(saved.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // Off again, so the other flows' data earns as before.
    expect(
      (await api.put(`/loyalty/rules/${saved.id}`, { definition: { ...saved.definition, enabled: false } })).status,
    ).toBe(200);

    // Replay from today: confirmed first, then its counts.
    const today = (await api.get('/workspace')).body.today as string;
    await page.getByRole('button', { name: /从某日重算/ }).click();
    const replay = page.locator('.ant-modal').filter({ hasText: '按规则重算积分' });
    await replay.locator('.ant-picker input').click();
    await page.keyboard.type(today);
    await page.keyboard.press('Enter');
    await replay.getByRole('button', { name: label('开始重算') }).click();
    await until(() => replay.getByTestId('replay-result').innerText()).toMatch(
      /涉及 [\d,]+ 位会员的 [\d,]+ 条行为：补发 [\d,]+ 笔，冲回 [\d,]+ 笔/,
    );
    await replay
      .locator('.ant-modal-footer')
      .getByRole('button', { name: label('关闭') })
      .click();

    // Coupon codes from a file: new ones added, the one in the pool and a bad line reported.
    const couponName = `e2e 券 ${run}`;
    const coupon = await api.post('/loyalty/rewards', {
      nameZh: couponName,
      nameEn: `e2e coupon ${run}`,
      type: 'coupon',
      cost: 1,
    });
    expect(coupon.status).toBe(201);
    await api.post(`/loyalty/rewards/${coupon.body.id}/codes`, { codes: `E2E-${run}-A` });
    await page.goto('/loyalty/rewards');
    const reward = tableRows(page).filter({ hasText: couponName });
    await reward.getByRole('button', { name: /上传券码/ }).click();
    const codes = page.locator('.ant-modal').filter({ hasText: '上传券码' });
    await codes.locator('input[type=file]').setInputFiles({
      name: 'codes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`E2E-${run}-A\r\nE2E-${run}-B,E2E-${run}-C\nnot a code\n`),
    });
    await until(() => codes.getByText('共 4 个券码').count()).toBe(1);
    await codes.getByRole('button', { name: label('上传') }).click();
    await until(() => codes.getByTestId('codes-result').innerText()).toMatch(
      /新增 2 个券码[\s\S]*1 个已在券码池中[\s\S]*1 行无法识别[\s\S]*第 3 行/,
    );
    await shotOf(codes, 'loyalty-reward-codes');
    await codes
      .locator('.ant-modal-footer')
      .getByRole('button', { name: label('关闭') })
      .click();
    await until(() => reward.innerText()).toMatch(/剩余 3 \/ 共 3/);

    // A gift with no stock typed is unlimited, also once archived and back.
    const giftName = `e2e 礼品 ${run}`;
    await page.getByRole('button', { name: label('新建奖励') }).click();
    const giftDialog = page.locator('.ant-modal').filter({ hasText: '新建奖励' });
    await giftDialog.getByLabel('中文名称').fill(giftName);
    await giftDialog.getByLabel('英文名称').fill(`e2e gift ${run}`);
    await giftDialog.getByLabel('所需积分').fill('50');
    await giftDialog.getByRole('button', { name: label('新建奖励') }).click();
    await toast(page, `已新建奖励「${giftName}」`);
    const gift = tableRows(page).filter({ hasText: giftName });
    await until(() => gift.innerText()).toMatch(/礼品[\s\S]*50[\s\S]*不限量/);
    await pageShot(page, 'loyalty-rewards');
    await gift.getByRole('button', { name: `归档 ${giftName}` }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('归档') })
      .click();
    await toast(page, `已归档「${giftName}」`);
    await until(() => gift.count()).toBe(0);
    await page.getByRole('switch', { name: '显示已归档' }).click();
    await until(() => gift.innerText()).toMatch(/已归档[\s\S]*不限量/);
    await gift.getByRole('button', { name: `取消归档 ${giftName}` }).click();
    await toast(page, `「${giftName}」已重新上架`);
    await until(() => gift.innerText()).not.toContain('已归档');
    expect(
      (await api.get('/loyalty/rewards')).body.items.find((r: { nameZh: string }) => r.nameZh === giftName),
    ).toMatchObject({ stock: null, perMemberLimit: null, archived: false });

    // Redeemed for the member at the counter, then fulfilled from the queue.
    expect(
      (await api.post(`/members/${memberId}/loyalty/adjustments`, { points: 5, reason: `e2e 兑换用 ${run}` })).body
        .status,
    ).toBe('posted');
    await page.goto(`/members/${memberId}?tab=loyalty`);
    await page.getByRole('button', { name: /代会员兑换/ }).click();
    const redeem = page.locator('.ant-modal').filter({ hasText: '兑换奖励' });
    await pickOption(page, redeem.getByLabel('奖励'), couponName, couponName);
    await redeem.getByRole('button', { name: label('兑换') }).click();
    await until(() => redeem.innerText()).toContain(`券码：E2E-${run}-A`);
    await redeem
      .locator('.ant-modal-footer')
      .getByRole('button', { name: label('关闭') })
      .click();
    await page.goto('/loyalty/redemptions');
    const queued = tableRows(page).filter({ hasText: couponName });
    await until(() => queued.innerText()).toMatch(new RegExp(`E2E-${run}-A[\\s\\S]*待处理`));
    await pageShot(page, 'loyalty-redemptions');
    await queued.getByRole('button', { name: label('发放') }).click();
    await page
      .locator('.ant-modal')
      .filter({ hasText: '确认已发放' })
      .getByRole('button', { name: label('发放') })
      .click();
    await toast(page, '已标记为已发放');
    await until(() => queued.count()).toBe(0);

    // A badge by activity count; awarded by hand, taken back, archived.
    const badgeName = `e2e 活动之星 ${run}`;
    await page.goto('/loyalty/badges');
    await page.getByRole('button', { name: label('新建勋章') }).click();
    const badge = page.locator('.ant-modal').filter({ hasText: '新建勋章' });
    await badge.getByLabel('中文名称').fill(badgeName);
    await badge.getByLabel('英文名称').fill(`e2e Event star ${run}`);
    await badge.getByText('行为次数', { exact: true }).click();
    await pickOption(page, badge.getByLabel('计入的行为'), '参加活动');
    await badge.locator('.ant-modal-title').click();
    await badge.getByLabel('至少次数').fill('2');
    await badge.getByRole('button', { name: label('新建勋章') }).click();
    await toast(page, `已新建勋章「${badgeName}」`);
    const badgeRow = tableRows(page).filter({ hasText: badgeName });
    await until(() => badgeRow.innerText()).toContain('累计 2 次以上：参加活动');
    await pageShot(page, 'loyalty-badges');

    await page.goto(`/members/${memberId}?tab=loyalty`);
    const held = page.getByTestId('member-badges');
    await held.getByRole('button', { name: /授予勋章/ }).click();
    const award = page.locator('.ant-modal').filter({ hasText: '授予勋章' });
    await pickOption(page, award.getByLabel('勋章', { exact: true }), badgeName, badgeName);
    await award.getByLabel('授予原因').fill('<b>组织</b>了三次线下品鉴');
    await award.getByRole('button', { name: label('授予勋章') }).click();
    await toast(page, `已授予「${badgeName}」`);
    // Server text is text: the markup shows as typed.
    await until(() => held.innerText()).toContain('<b>组织</b>了三次线下品鉴');
    await held
      .locator('.kith-award')
      .filter({ hasText: badgeName })
      .getByRole('button', { name: label('收回') })
      .click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('收回') })
      .click();
    await toast(page, `已收回「${badgeName}」`);
    await until(() => held.getByText(badgeName).count()).toBe(0);

    await page.goto('/loyalty/badges');
    await badgeRow.getByRole('button', { name: label('归档') }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('归档') })
      .click();
    await toast(page, `已归档「${badgeName}」`);
    await until(() => badgeRow.innerText()).toContain('已归档');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an analyst sees every programme page and the member tab, and no write button', async () => {
    const { page, context, problems } = await open(browser);
    await login(page, env().analyst);
    const writes =
      /添加等级|立即评定等级|保\s*存|新建规则|从某日重算|编\s*辑|新建奖励|上传券码|归\s*档|发\s*放|取\s*消|批\s*准|驳\s*回|新建勋章|调整积分|指定等级|结束人工等级|代会员兑换|授予勋章|收\s*回|删\s*除/;
    const pages: [string, (p: Page) => Promise<unknown>][] = [
      ['/loyalty', (p) => p.getByTestId('tiers-card').locator('.ant-table-row').first().waitFor()],
      ['/loyalty/rules', (p) => tableRows(p).first().waitFor()],
      ['/loyalty/rewards', (p) => tableRows(p).first().waitFor()],
      ['/loyalty/redemptions?status=all', (p) => p.locator('.ant-table').first().waitFor()],
      ['/loyalty/adjustments?status=all', (p) => p.locator('.ant-table').first().waitFor()],
      ['/loyalty/badges', (p) => tableRows(p).first().waitFor()],
      [`/members/${memberId}?tab=loyalty`, (p) => p.getByTestId('loyalty-standing').waitFor()],
    ];
    for (const [url, ready] of pages) {
      await page.goto(url);
      await ready(page);
      await settled(page);
      expect(await page.getByRole('button', { name: writes }).count(), url).toBe(0);
    }
    await page.goto('/loyalty');
    await page.getByTestId('tiers-card').locator('.ant-table-row').first().waitFor();
    expect(await page.getByLabel('人工调整审批门槛').isDisabled()).toBe(true);
    await page.goto(`/members/${memberId}?tab=loyalty`);
    await page.getByTestId('loyalty-standing').waitFor();
    await pageShot(page, 'analyst-member-loyalty');

    // Hidden buttons are courtesy: the server is the guard.
    const refused = await page.evaluate(async (id) => {
      const r = await fetch(`/api/v1/members/${id}/loyalty/adjustments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ points: 10, reason: 'x' }),
      });
      return r.status;
    }, memberId);
    expect(refused).toBe(403);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches a programme page to English', async () => {
    const { page, context, problems } = await open(browser);
    await login(page, env().analyst);
    await page.goto('/loyalty');
    await page.getByTestId('tiers-card').locator('.ant-table-row').first().waitFor();
    await page.locator('header .ant-segmented').getByText('English').click();
    await page.getByRole('heading', { name: 'Membership programme' }).waitFor();
    await page.getByRole('columnheader', { name: 'Members now' }).waitFor();
    await page.locator('.ant-layout-sider').getByText('Programme & tiers').waitFor();
    await page.getByTestId('ledger-health-check').getByText('Check the points ledger').click();
    await until(() => page.getByTestId('ledger-health').innerText()).toMatch(/Points ledger checked|inconsistenc/);
    // Every label of the page is English now, and the preview names tiers in English (the tier
    // table shows the other language's name too, on purpose).
    const ui = page.locator(
      '.kith-page-header, .ant-card-head, .ant-table-thead, .ant-form-item-label, .ant-form-item-extra, .ant-radio-wrapper, [data-testid=threshold-preview] .ant-table-tbody',
    );
    await until(async () => (await ui.allInnerTexts()).filter((x) => /\p{Script=Han}/u.test(x))).toEqual([]);
    await pageShot(page, 'loyalty-programme-en');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads well on a 390 px phone', async () => {
    const { page, context, problems } = await open(browser, { width: 390, height: 844 });
    await login(page, env().operator);
    for (const [name, url] of [
      ['phone-loyalty-programme', '/loyalty'],
      ['phone-loyalty-rules', '/loyalty/rules'],
      ['phone-loyalty-rewards', '/loyalty/rewards'],
      ['phone-loyalty-adjustments', '/loyalty/adjustments?status=all'],
      ['phone-member-loyalty', `/members/${memberId}?tab=loyalty`],
    ] as const) {
      await page.goto(url);
      await page.locator('.ant-table-row, [data-testid=loyalty-standing]').first().waitFor();
      await settled(page);
      // Nothing but tables (which scroll inside themselves) may be wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      await pageShot(page, name);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
