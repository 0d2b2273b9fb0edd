import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { env, launch, login, open } from './support.js';
import { pageShot, pickOption, settled, tableRows, until } from './antd.js';

/**
 * Importing a members CSV through the console: the format and the column mapping are shown, a
 * column can be pointed at another field, the two bad rows are reported with their line numbers
 * before and after the run, and their list can be downloaded.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const run = Date.now().toString(36);
const n = (i: number) => String((Date.now() % 1e7) + i).padStart(8, '0');
// Lines 1 (header) … 6: line 4 has a short phone number and an impossible birthday, line 6 no way to recognise the person.
const csv = [
  '姓名,手机号,邮箱,生日,标签,社群,会员卡等级',
  `导入甲${run},139${n(1)},jia-${run}@example.com,1990-05-01,e2e导入,e2e 导入群 ${run},金卡`,
  `导入乙${run},139${n(2)},,1992/3/7,e2e导入,,银卡`,
  `导入丙${run},1390013,,2024-02-30,,,`,
  `导入丁${run},,yi-${run}@example.com,,,,`,
  `只有名字${run},,,,,,`,
].join('\n');

describe('import', () => {
  it('imports a members CSV: mapping, preview, progress, and both bad rows reported by line', async () => {
    const { page, context, problems } = await open(browser);
    await login(page, env().operator);
    await page.goto('/import');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: `会员-${run}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}`) });

    const check = page
      .locator('.ant-card')
      .filter({ has: page.locator('.ant-card-head-title', { hasText: '检查列映射与预览' }) });
    await until(() =>
      check
        .getByTestId('import-format')
        .innerText()
        .catch(() => ''),
    ).toBe('CSV');
    const mapping = check.locator('.ant-table').first();
    await until(() => tableRows(mapping).count()).toBe(7);
    expect(await tableRows(mapping).filter({ hasText: '手机号' }).first().locator('.ant-select').innerText()).toContain(
      '手机号',
    );
    expect(await tableRows(mapping).filter({ hasText: '会员卡等级' }).locator('.ant-select').innerText()).toContain(
      '不导入',
    );

    // Keep 会员卡等级 as a custom attribute: the preview is read again with that mapping.
    await pickOption(
      page,
      tableRows(mapping).filter({ hasText: '会员卡等级' }).locator('.ant-select'),
      '自定义属性「会员卡等级」',
      '自定义',
    );
    await until(() => tableRows(mapping).filter({ hasText: '会员卡等级' }).innerText()).toContain('手动');
    await settled(check);
    await check.getByRole('tab', { name: /有问题的行（2）/ }).click();
    await until(() => check.locator('[role="tabpanel"]:visible').innerText()).toMatch(/第 4 行[\s\S]*第 6 行/);
    await pageShot(page, 'import-preview');

    // The file names a new tag and a new community: nothing starts before the operator says to make them.
    const run3 = check.getByRole('button', { name: /开始导入 3 行/ });
    expect(await run3.isDisabled()).toBe(true);
    await check.getByTestId('import-new-names').getByText('新建它们并导入').click();
    await run3.click();
    const report = page
      .locator('.ant-card')
      .filter({ has: page.locator('.ant-card-head-title', { hasText: '导入结果' }) });
    await until(() => report.locator('.ant-tag').first().innerText(), 60_000).toBe('已完成');
    await until(() => report.getByTestId('import-created').innerText()).toContain('3');
    expect(await report.getByTestId('import-rejected').innerText()).toContain('2');
    const rejected = report.locator('.ant-card').filter({ hasText: '有问题的行（2）' });
    const lines = await tableRows(rejected).allInnerTexts();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/第 4 行[\s\S]*1390013/);
    expect(lines[1]).toMatch(/第 6 行[\s\S]*没有手机号、邮箱或渠道账号/); // the server's reason, worded in Chinese
    const download = rejected.getByRole('link', { name: /下载问题行/ });
    const href = await download.getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/imports\/\d+\/rejections\.csv$/);
    const csvBack = await (await page.request.get(href!)).text();
    expect(csvBack).toMatch(/^\ufeff?line,reason\r?\n4,[\s\S]*\n6,/);
    await pageShot(page, 'import-report');

    // The import heads the recent list, and the attribute was kept.
    const recent = page
      .locator('.ant-card')
      .filter({ has: page.locator('.ant-card-head-title', { hasText: '最近的导入' }) });
    await until(() => tableRows(recent).first().innerText()).toContain(`会员-${run}.csv`);
    const found = await (await page.request.get(`/api/v1/members?q=${encodeURIComponent(`导入甲${run}`)}`)).json();
    const member = await (await page.request.get(`/api/v1/members/${found.items[0].id}`)).json();
    expect(member.attributes).toMatchObject({ 会员卡等级: '金卡' });

    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows an import started on a file that does not read as failed, saying nothing was written and why', async () => {
    const { page, context, problems } = await open(browser);
    await login(page, env().operator);
    await page.goto('/import');
    // Started through the API (the console previews first and would refuse it): answered at once, read after.
    const started = await page.request.post('/api/v1/imports/members', {
      headers: { 'x-kith-request': '1', origin: new URL(env().baseUrl).origin },
      multipart: {
        file: {
          name: `坏表头-${run}.csv`,
          mimeType: 'text/csv',
          buffer: Buffer.from(`姓\u0000名,手机号\n林五,139${n(7)}\n`),
        },
      },
    });
    expect(started.status()).toBe(202);
    const id = (await started.json()).id;
    await until(async () => (await (await page.request.get(`/api/v1/imports/${id}`)).json()).status).toBe('failed');
    const recent = page
      .locator('.ant-card')
      .filter({ has: page.locator('.ant-card-head-title', { hasText: '最近的导入' }) });
    await page.reload();
    const row = tableRows(recent).filter({ hasText: `坏表头-${run}.csv` });
    await until(() => row.innerText().catch(() => '')).toContain('失败');
    await row.getByRole('button', { name: '查看报告' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '文件无法读取' });
    await until(() => alert.innerText().catch(() => '')).toContain('没有写入任何数据');
    expect(await alert.innerText()).toContain('contains a NUL');
    await pageShot(page, 'import-unreadable');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses nothing silently: a sheet without a key column asks for the mapping first', async () => {
    const { page, context, problems } = await open(browser, { locale: 'en-US' });
    await login(page, env().operator);
    await page.goto('/import');
    await page.locator('input[type="file"]').setInputFiles({
      name: `contacts-${run}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(`Member,Contact\nLin ${run},139${n(9)}\n`),
    });
    const check = page
      .locator('.ant-card')
      .filter({ has: page.locator('.ant-card-head-title', { hasText: 'Check columns and preview' }) });
    await until(() =>
      check
        .getByRole('alert')
        .innerText()
        .catch(() => ''),
    ).toContain('The file lacks a required column');
    expect(await check.getByRole('button', { name: /Import \d+ rows?$/ }).isDisabled()).toBe(true);
    const mapping = check.locator('.ant-table').first();
    await pickOption(page, tableRows(mapping).filter({ hasText: 'Contact' }).locator('.ant-select'), 'Phone');
    await until(() =>
      check
        .getByRole('button', { name: /Import 1 row$/ })
        .isDisabled()
        .catch(() => true),
    ).toBe(false);
    await pageShot(page, 'import-mapping-en');
    expect(problems).toEqual([]);
    await context.close();
  });
});
