import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs, env, launch, login, open, shot } from './support.js';

/**
 * Every page of the console as the owner sees it, in Chinese and English, on a desktop and on a
 * 390 px phone: each shows its title, fits the screen's width (wide tables scroll inside
 * themselves, the page does not), shows no message key in place of its text (codes shown as code,
 * like the audit log's actions, aside), and logs no error.
 * The screenshots (test-artifacts/tour-*.png) are for people to look at.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PAGES: { name: string; path: string | ((ids: Ids) => string) }[] = [
  { name: 'overview', path: '/overview' },
  { name: 'members', path: '/members' },
  { name: 'duplicates', path: '/members/duplicates' },
  { name: 'member-detail', path: (ids) => `/members/${ids.member}` },
  { name: 'communities', path: '/communities' },
  { name: 'community-detail', path: (ids) => `/communities/${ids.community}` },
  { name: 'import', path: '/import' },
  { name: 'engagement', path: '/analytics' },
  { name: 'lifecycle', path: '/analytics/lifecycle' },
  { name: 'cohorts', path: '/analytics/cohorts' },
  { name: 'rfm', path: '/analytics/rfm' },
  { name: 'analytics-communities', path: '/analytics/communities' },
  { name: 'business', path: '/analytics/business' },
  { name: 'programme', path: '/loyalty' },
  { name: 'rules', path: '/loyalty/rules' },
  { name: 'rewards', path: '/loyalty/rewards' },
  { name: 'redemptions', path: '/loyalty/redemptions' },
  { name: 'adjustments', path: '/loyalty/adjustments' },
  { name: 'badges', path: '/loyalty/badges' },
  { name: 'staff', path: '/settings/staff' },
  { name: 'api-keys', path: '/settings/api-keys' },
  { name: 'audit', path: '/settings/audit' },
  { name: 'system', path: '/settings/system' },
];

interface Ids {
  member: number;
  community: number;
}

/**
 * The console's message keys ("members.title"), to catch one shown instead of its text. The
 * catalog is the console's own module, loaded as Vitest loads any source (the e2e build of
 * TypeScript does not compile the console).
 */
const CATALOG_MODULE = '../src/web/console/src/i18n/catalog';
let KEYS: string[] = [];
beforeAll(async () => {
  const { CATALOG } = (await import(CATALOG_MODULE)) as { CATALOG: { en: Record<string, string> } };
  KEYS = Object.keys(CATALOG.en).filter((k) => k.includes('.'));
  expect(KEYS.length).toBeGreaterThan(100);
});

async function problemsOf(page: Page, width: number) {
  return page.evaluate(
    ({ width, keys }) => {
      const found: string[] = [];
      const overflow = document.documentElement.scrollWidth - width;
      if (overflow > 1) found.push(`the page is ${overflow}px wider than the screen`);
      // Visible text outside <code>: the audit log shows action codes (member.update) on purpose.
      const parts: string[] = [];
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const el = n.parentElement;
        if (el && !el.closest('code') && el.checkVisibility()) parts.push(n.textContent ?? '');
      }
      const text = parts.join('\n');
      for (const k of keys)
        if (new RegExp(`(^|[^\\w.])${k.replace(/\./g, '\\.')}($|[^\\w.])`).test(text))
          found.push(`message key shown: ${k}`);
      if (!document.querySelector('main h1, main h2, main h3, main h4, .ant-typography h1, .ant-typography h4'))
        found.push('no title');
      return found;
    },
    { width, keys: KEYS },
  );
}

describe('console tour', () => {
  for (const locale of ['zh-CN', 'en-US'] as const) {
    for (const width of [1280, 390]) {
      it(`shows every page in ${locale} at ${width} px`, async () => {
        const api = await apiAs(env().owner);
        const ids: Ids = {
          member: (await api.get('/members?limit=1')).body.items[0].id,
          community: (await api.get('/communities?limit=1')).body.items[0].id,
        };
        const { page, context, problems } = await open(browser, { locale, width, height: width > 500 ? 800 : 844 });
        await login(page, env().owner);
        const found: string[] = [];
        for (const p of PAGES) {
          await page.goto(typeof p.path === 'string' ? p.path : p.path(ids));
          await shot(page, `tour-${p.name}-${locale === 'zh-CN' ? 'zh' : 'en'}-${width}`);
          for (const f of await problemsOf(page, width)) found.push(`${p.name}: ${f}`);
        }
        expect(found).toEqual([]);
        expect(problems).toEqual([]);
        await context.close();
      }, 600_000);
    }
  }
});
