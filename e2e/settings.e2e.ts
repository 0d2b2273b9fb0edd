import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, env, launch, login, open } from './support.js';
import { label, pageShot, pickOption, settled, tableRows, toast, until } from './antd.js';

/**
 * Settings: staff accounts and roles, an API key shown exactly once, and the audit log with its
 * filters and before/after of each entry.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const run = Date.now().toString(36);

describe('settings', () => {
  it('adds a community manager with their communities, and changes their role', async () => {
    const { page, context, problems } = await open(browser);
    await login(page, env().owner);
    await page.goto('/settings');
    await page.waitForURL(/\/settings$/);
    await until(() => tableRows(page).count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: label('添加员工') }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '添加员工账号' });
    await dialog.getByLabel('邮箱').fill(`manager-${run}@e2e.kith.dev`);
    await dialog.getByLabel('姓名').fill(`社群经理 ${run}`);
    await pickOption(page, dialog.getByLabel('角色'), '社群经理');
    await pickOption(page, dialog.getByLabel('负责的社群'), '山野咖啡·成都同城群');
    await dialog.locator('.ant-modal-title').click(); // closes the dropdown, not the dialog
    await dialog.getByLabel('初始密码').fill('short');
    await dialog.getByRole('button', { name: label('添加员工') }).click();
    await until(() => dialog.getByText('新密码至少需要 10 个字符').count()).toBe(1);
    await dialog.getByLabel('初始密码').fill(`a long enough password ${run}`);
    await dialog.getByRole('button', { name: label('添加员工') }).click();
    await toast(page, `已添加员工 社群经理 ${run}`);
    const row = tableRows(page).filter({ hasText: `manager-${run}@e2e.kith.dev` });
    await until(() => row.innerText()).toMatch(/社群经理[\s\S]*山野咖啡·成都同城群[\s\S]*正常/);
    await pageShot(page, 'settings-staff');

    await row.getByRole('button', { name: /编辑/ }).click();
    const edit = page.locator('.ant-modal').filter({ hasText: `编辑 社群经理 ${run}` });
    await pickOption(page, edit.getByLabel('角色'), '运营');
    await edit.getByRole('button', { name: label('保存') }).click();
    await toast(page, '已保存');
    await until(() => row.innerText()).toMatch(/运营[\s\S]*全部社群/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('creates an API key that is shown once, lists it without its secret, and revokes it', async () => {
    const { page, context, problems } = await open(browser);
    await login(page, env().owner);
    await page.goto('/settings/api-keys');
    await page.getByRole('button', { name: label('创建密钥') }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '创建 API 密钥' });
    await dialog.getByLabel('名称').fill(`有赞订单同步 ${run}`);
    await dialog.getByRole('checkbox', { name: '导入文件' }).check();
    await dialog.getByRole('button', { name: label('创建密钥') }).click();

    const shown = page.locator('.ant-modal').filter({ hasText: `密钥「有赞订单同步 ${run}」已创建` });
    const secret = (await shown.getByTestId('api-key-secret').innerText()).trim();
    expect(secret.length).toBeGreaterThan(20);
    expect(await shown.getByText('只显示这一次', { exact: false }).count()).toBe(1);
    expect(await shown.getByRole('button', { name: label('复制') }).count()).toBe(1);
    await pageShot(page, 'settings-api-key-shown');
    // The key works, with exactly its scopes.
    const me = await (
      await fetch(`${env().baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } })
    ).json();
    expect(me.permissions.sort()).toEqual([
      'activities:read',
      'communities:read',
      'imports:write',
      'loyalty:read',
      'members:read',
    ]);
    await shown.getByRole('button', { name: label('我已保存') }).click();
    await until(() => shown.count()).toBe(0);

    const row = tableRows(page).filter({ hasText: `有赞订单同步 ${run}` });
    // Five scopes: the first three are listed, the other two fold into "另有 2 个".
    await until(() => row.innerText()).toMatch(/查看行为[\s\S]*另有 2 个[\s\S]*正常/);
    expect(await page.content()).not.toContain(secret);
    await pageShot(page, 'settings-api-keys');
    await row.getByRole('button', { name: label('吊销') }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('吊销') })
      .click();
    await toast(page, `已吊销「有赞订单同步 ${run}」`);
    await until(() => row.innerText()).toContain('已吊销');
    expect(
      (await fetch(`${env().baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } })).status,
    ).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the audit log with its filters and what each entry changed', async () => {
    // Something to find: a community changed through the API.
    const api = await apiAs(env().operator);
    const c = await api.post('/communities', {
      name: `e2e 审计 ${run}`,
      channel: 'qq',
      positioningType: 'interest',
      goal: 'brand',
      stage: 'launch',
    });
    expect((await api.patch(`/communities/${c.body.id}`, { stage: 'growth', capacity: 300 })).status).toBe(200);

    const { page, context, problems } = await open(browser);
    await login(page, env().owner);
    await page.goto('/settings/audit');
    await until(() => tableRows(page).count()).toBeGreaterThan(3);
    await pickOption(page, page.getByLabel('对象类型'), '社群');
    await until(() => new URL(page.url()).searchParams.get('targetType')).toBe('community');
    await page.getByLabel('对象 ID').fill(String(c.body.id));
    await page.getByLabel('对象 ID').press('Enter');
    await until(() => new URL(page.url()).search).toBe(`?targetType=community&targetId=${c.body.id}`);
    expect(await page.locator('.ant-select').filter({ hasText: '社群' }).count()).toBe(1);
    await settled(page);
    await until(() => tableRows(page).count()).toBe(2);
    expect(await tableRows(page).nth(0).innerText()).toMatch(/community\.update[\s\S]*修改社群/);
    expect(await tableRows(page).nth(1).innerText()).toMatch(/community\.create/);
    await tableRows(page).nth(0).locator('.ant-table-row-expand-icon').click();
    const changes = page.locator('.ant-table-expanded-row');
    await until(() => changes.innerText()).toMatch(/修改\s*stage[\s\S]*launch[\s\S]*growth/);
    expect(await changes.innerText()).toMatch(/capacity[\s\S]*300/);
    expect(await changes.innerText()).not.toContain('positioningType'); // unchanged fields are left out
    await pageShot(page, 'settings-audit');

    // A prefix filter in the address, as one would share it.
    await page.goto('/settings/audit?action=api_key.*');
    await until(() => tableRows(page).count()).toBeGreaterThan(0);
    for (const text of await tableRows(page).allInnerTexts()) expect(text).toMatch(/api_key\./);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says where the data lives and when it was last backed up, after a backup made with the CLI while Kith runs', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kith-e2e-backup-')), 'backup.kith.gz');
    const out = execFileSync(process.execPath, ['bin/kith.mjs', 'backup', file], {
      env: { ...process.env, KITH_DATA_DIR: env().dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    const rows = Number(/tables, ([\d,]+) rows/.exec(out)![1]!.replace(/,/g, ''));
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    const { page, context, problems } = await open(browser);
    await login(page, env().owner);
    await page.goto('/settings/system');
    const card = page.locator('.ant-descriptions');
    await until(() => card.innerText()).toContain(path.join(env().dataDir, 'pg'));
    expect(await card.innerText()).toMatch(/Kith 自带的 PostgreSQL \d+/);
    expect(await card.innerText()).toContain(`cli:`);
    expect((await card.innerText()).replace(/,/g, '')).toContain(`${rows} 行`);
    expect(await page.getByText('npm run kith -- backup').count()).toBe(1);
    await pageShot(page, 'settings-system');
    expect(problems).toEqual([]);
    await context.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
