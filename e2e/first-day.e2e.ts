import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, open, shot, startEmptyKith, type EmptyKith } from './support.js';
import { label, pickOption, settled, tableRows, toast, until } from './antd.js';

/**
 * An operator's first day, on a Kith of its own started empty: the setup link, the getting-started
 * checklist, a first community, a member sheet whose 所在社群 column names that community and a new
 * one (which Kith asks about before creating), then the overview and the engagement report agreeing
 * on active members — and every page visited speaking one language: no English left in Chinese, no
 * Chinese in English, apart from the data itself and a few product words.
 */
describe('first day', () => {
  let browser: Browser;
  let kith: EmptyKith;
  const owner = { name: '林悦', email: 'lin.yue@firstday.example', password: 'morning tea garden 2024' };
  const community = '手冲同好群';
  const newCommunity = '周末新人群';
  const members = ['陈一', '陈二', '陈三', '陈四', '陈五'];
  // What is data, not interface: it may appear in either language.
  // (陈 alone: the avatars show a name's first character.)
  const data = [owner.name, community, newCommunity, ...members, '陈', '第一批会员', '大家好'];

  beforeAll(async () => {
    [browser, kith] = await Promise.all([launch(), startEmptyKith()]);
  });
  afterAll(async () => {
    await browser?.close();
    await kith?.stop();
  });

  it('sets up, follows the checklist, imports with a new community confirmed, and the figures agree in both languages', async () => {
    const { page, problems } = await open(browser, { baseUrl: kith.baseUrl });
    const visited: string[] = [];
    const look = async (name: string) => {
      await settled(page);
      visited.push(name);
      await shot(page, `first-day-${name}`);
      expect(await wrongScript(page, 'zh', data), name).toEqual([]);
    };

    // Setup link → owner → overview with the checklist, nothing done yet.
    await page.goto(kith.setupLink);
    await page.locator('input#name').fill(owner.name);
    await page.locator('input#email').fill(owner.email);
    await page.locator('input#password').fill(owner.password);
    await page.locator('input#confirm').fill(owner.password);
    await page.getByRole('button', { name: '创建并登录' }).click();
    await page.waitForURL(/\/overview$/);
    const checklist = page.getByTestId('getting-started');
    await checklist.waitFor();
    expect(await checklist.getAttribute('data-testid')).toBe('getting-started');
    expect(await page.getByTestId('start-community').getAttribute('data-done')).toBe('false');
    expect(await page.getByTestId('user-name').innerText()).toContain(owner.name); // the name, not the email
    await look('overview-empty');

    // The checklist leads to communities; the list says nothing is there yet.
    await page.getByTestId('start-community').getByRole('link').click();
    await page.waitForURL(/\/communities$/);
    await look('communities-empty');
    await page
      .locator('.kith-page-header')
      .getByRole('button', { name: label('新建社群') })
      .click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '新建社群' });
    await dialog.getByLabel('社群名称').fill(community);
    await pickOption(page, dialog.getByLabel('渠道'), '微信');
    await pickOption(page, dialog.getByLabel('定位类型'), '兴趣型');
    await pickOption(page, dialog.getByLabel('社群目标'), '用户互动');
    await dialog.getByRole('button', { name: label('新建社群') }).click();
    await toast(page, `已创建社群「${community}」`);

    // A sheet in the wizard's own words: 所在社群 is recognised, and the new group is asked about.
    await page.goto('/import');
    await look('import');
    const csv = [
      '姓名,手机号,所在社群',
      ...members.map((m, i) => `${m},1380000${String(1001 + i)},${i < 3 ? community : newCommunity}`),
    ].join('\n');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: '第一批会员.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}`) });
    const check = page
      .locator('.ant-card')
      .filter({ has: page.locator('.ant-card-head-title', { hasText: '检查列映射与预览' }) });
    const mapping = check.locator('.ant-table').first();
    await until(() => tableRows(mapping).count()).toBe(3);
    expect(await tableRows(mapping).filter({ hasText: '所在社群' }).locator('.ant-select').innerText()).toContain(
      '社群',
    );
    const ask = check.getByTestId('import-new-names');
    await ask.waitFor();
    expect(await ask.innerText()).toContain(newCommunity);
    expect(await ask.innerText()).not.toContain(community + ' ·'); // the existing one is not "new"
    const run = check.getByRole('button', { name: /开始导入 5 行/ });
    expect(await run.isDisabled()).toBe(true); // nothing is created before the operator answers
    await look('import-preview');
    await ask.getByText('新建它们并导入').click();
    await run.click();
    const report = page
      .locator('.ant-card')
      .filter({ has: page.locator('.ant-card-head-title', { hasText: '导入结果' }) });
    await until(() => report.locator('.ant-tag').first().innerText(), 60_000).toBe('已完成');
    await until(() => report.getByTestId('import-created').innerText()).toContain('5');

    // Some activity for the figures to count (a channel would send it; here the API does).
    const ids = (await (await page.request.get('/api/v1/members?limit=20')).json()).items.map(
      (m: { id: number }) => m.id,
    );
    const now = Date.now();
    const items = ids.slice(0, 3).map((memberId: number, i: number) => ({
      source: 'first-day',
      externalId: `m-${i}`,
      kind: 'message',
      memberId,
      occurredAt: new Date(now - (i + 1) * 3_600_000).toISOString(),
      channel: 'wechat',
      properties: { text: '大家好' },
    }));
    const sent = await page.request.post('/api/v1/activities', {
      data: { items },
      headers: { 'x-kith-request': '1', origin: kith.baseUrl },
    });
    expect(sent.status(), await sent.text()).toBeLessThan(300);

    // The rollups count the activity in the background (the job queue): wait for them, then look.
    await until(async () => (await (await page.request.get('/api/v1/overview')).json()).active.last30Days, 60_000).toBe(
      3,
    );
    // The overview and the engagement report agree on who was active in the last 30 days.
    await page.goto('/overview');
    await page.getByTestId('kpi-active30').waitFor();
    await until(async () =>
      (await page.getByTestId('kpi-active30').locator('.ant-statistic-content').innerText()).trim(),
    ).toBe('3');
    expect(await page.getByTestId('start-community').getAttribute('data-done')).toBe('true');
    expect(await page.getByTestId('start-members').getAttribute('data-done')).toBe('true');
    await look('overview');
    await page.getByTestId('kpi-active30').getByRole('link').click();
    await page.waitForURL(/\/analytics\?from=/);
    await until(async () =>
      (await page.getByTestId('kpi-active').locator('.ant-statistic-content').innerText()).trim(),
    ).toBe('3');
    expect((await page.getByTestId('kpi-mau').locator('.ant-statistic-content').innerText()).trim()).toBe('3');
    await look('engagement');

    // The same pages in English carry no Chinese but the data.
    await page.locator('header .ant-segmented').getByText('English').click();
    for (const path of ['/overview', '/analytics', '/communities', '/import', '/members']) {
      await page.goto(path);
      await settled(page);
      await page.waitForTimeout(300);
      await shot(page, `first-day-en${path.replace(/\//g, '-')}`);
      expect(await wrongScript(page, 'en', data), path).toEqual([]);
    }
    expect(visited.length).toBeGreaterThan(4);
    expect(problems).toEqual([]);
  });
});

/**
 * Text on the page in the other language's script: Chinese characters on an English page, or
 * English words (three letters or more) on a Chinese one — after taking out the data the operator
 * entered and the few words that are the same in both (product and format names, units).
 */
async function wrongScript(page: Page, lang: 'zh' | 'en', data: string[]): Promise<string[]> {
  let text = await page.locator('body').innerText();
  for (const d of data) text = text.split(d).join(' ');
  const allowed = [
    'Kith',
    'English',
    '中文',
    'WAU',
    'MAU',
    'DAU',
    'RFM',
    'CSV',
    'XLSX',
    'xlsx',
    'csv',
    'BOM',
    'GBK',
    'CRM',
    'Excel',
    'API',
    'SKU',
    'ROI',
    'WeChat',
    'WeCom',
    'QQ',
    'UTF-8',
    'Asia/Shanghai',
  ];
  for (const a of allowed) text = text.split(a).join(' ');
  text = text.replace(/\S+@\S+/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  const found =
    lang === 'en' ? (text.match(/[\p{Script=Han}]+/gu) ?? []) : (text.match(/\b[A-Za-z][A-Za-z'’-]{2,}\b/g) ?? []);
  return [...new Set(found)];
}
