import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, env, launch, login, open } from './support.js';
import { until } from './antd.js';

/**
 * A browser is the attacker's tool: the owner is signed in to Kith, then opens a page of another
 * app on the same host (127.0.0.1, another port — the same *site*, so SameSite=Lax still sends the
 * cookie). The page auto-submits forms to Kith's erase route. Kith must refuse them, and its own
 * console must keep working in the same browser.
 */
let browser: Browser;
let attacker: http.Server;
let attackerUrl: string;

/** Pages of the other app: `/form?enctype=…&action=…` submits a form there as soon as it loads. */
function attackerPage(url: URL): string {
  const action = url.searchParams.get('action')!;
  const enctype = url.searchParams.get('enctype')!;
  return `<!doctype html><html><body>
<form id="f" method="POST" action="${action}" enctype="${enctype}"><input name="confirm" value="yes"></form>
<script>document.getElementById('f').submit();</script>
</body></html>`;
}

beforeAll(async () => {
  browser = await launch();
  attacker = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(attackerPage(new URL(req.url!, 'http://127.0.0.1')));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
});

describe('cross-site request forgery', () => {
  it('refuses forms posted from another app on the same host, while the console keeps working', async () => {
    const owner = await apiAs(env().owner);
    const victim = (await owner.get('/members?limit=50')).body.items.find(
      (m: { erasedAt: string | null; name: string | null }) => !m.erasedAt && m.name,
    );
    expect(victim).toBeDefined();

    const { context, page, problems } = await open(browser);
    await login(page, env().owner);
    const cookies = await page.context().cookies(env().baseUrl);
    expect(cookies.map((c) => c.name)).toContain('kith_session');

    // The other app opens in another tab of the same browser (same cookies); what that tab reports
    // while showing Kith's refusals is the attack's noise, not the console's.
    const attackTab = await context.newPage();
    const eraseUrl = `${env().baseUrl}/api/v1/members/${victim.id}/erase`;
    for (const enctype of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const answered = attackTab.waitForResponse((r) => r.url() === eraseUrl && r.request().method() === 'POST');
      await attackTab.goto(`${attackerUrl}/form?${new URLSearchParams({ enctype, action: eraseUrl })}`);
      const res = await answered;
      // The browser did send the cookie: the refusal is the CSRF guard's, not a missing session.
      expect(res.request().headers()['origin']).toBe(attackerUrl);
      expect(res.status(), enctype).toBe(403);
      expect((await res.json()).code).toBe('CSRF_REJECTED');
    }
    await attackTab.close();
    const after = (await owner.get(`/members/${victim.id}`)).body;
    expect(after.erasedAt).toBeNull();
    expect(after.name).toBe(victim.name);

    // The console in the same browser still writes: tagging the member…
    await page.goto(`/members/${victim.id}`);
    await page.getByRole('heading', { name: victim.name }).waitFor();
    const tag = `防伪造-${Date.now() % 100000}`;
    await page.getByTestId('member-tags').locator('.ant-select').click();
    await page.keyboard.type(tag);
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: `新建标签「${tag}」` })
      .click();
    await page.getByTestId('member-tags').getByText(tag, { exact: true }).waitFor();
    expect((await owner.get(`/members/${victim.id}`)).body.tags.map((t: { name: string }) => t.name)).toContain(tag);

    // …and uploading a file (multipart, which must carry the console's header).
    await page.goto('/import');
    const preview = page.waitForResponse((r) => r.url().includes('/api/v1/imports/') && r.url().endsWith('/preview'));
    await page.locator('input[type="file"]').setInputFiles({
      name: 'csrf.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('姓名,邮箱\n防伪造,csrf@example.com\n'),
    });
    const previewed = await preview;
    expect(previewed.request().headers()['x-kith-request']).toBe('1');
    expect(previewed.status()).toBe(200);
    await until(() =>
      page
        .getByTestId('import-format')
        .first()
        .innerText()
        .catch(() => ''),
    ).toBe('CSV');
    expect(problems).toEqual([]);
  });
});
