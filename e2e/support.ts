import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export interface Credentials {
  email: string;
  password: string;
}
export interface E2EEnv {
  baseUrl: string;
  owner: Credentials;
  operator: Credentials;
  analyst: Credentials;
  artifacts: string;
  /** KITH_DATA_DIR of the Kith under test (its own PostgreSQL). */ dataDir: string;
}

export const env = (): E2EEnv => inject('e2e');

/** Debian's Chromium, headless, as CI has it. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

/**
 * A fresh browser profile. `problems` collects what a user would never want to see behind the
 * scenes: page errors, console errors, and failed requests other than the expected 401 at start.
 */
export async function open(
  browser: Browser,
  opts: { locale?: string; width?: number; height?: number; baseUrl?: string } = {},
): Promise<Session> {
  const context = await browser.newContext({
    baseURL: opts.baseUrl ?? env().baseUrl,
    locale: opts.locale ?? 'zh-CN',
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    deviceScaleFactor: 1,
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 40[13]/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}

/** Signs in through the login page, as a person would. */
export async function login(page: Page, who: Credentials) {
  await page.goto('/login');
  await page.locator('input[autocomplete="username"]').fill(who.email);
  await page.locator('input[autocomplete="current-password"]').fill(who.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** A full-page screenshot under test-artifacts/, once the page has settled. */
export async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(400); // chart animations and antd transitions
  const file = path.join(env().artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The API as the given person, for arranging and checking what the UI did. */
export async function apiAs(who: Credentials) {
  const base = env().baseUrl;
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const call = async (method: string, url: string, body?: unknown) => {
    // Like the console: Kith refuses cookie-borne writes that do not show its own origin.
    const headers = {
      cookie,
      origin: new URL(base).origin,
      'x-kith-request': '1',
      ...(body ? { 'content-type': 'application/json' } : {}),
    };
    const r = await fetch(`${base}/api/v1${url}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body?: unknown) => call('POST', url, body),
    patch: (url: string, body?: unknown) => call('PATCH', url, body),
    put: (url: string, body?: unknown) => call('PUT', url, body),
    delete: (url: string) => call('DELETE', url),
  };
}

export interface EmptyKith {
  baseUrl: string;
  setupLink: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * A Kith of its own with no account at all — `kith start` on a fresh data folder, as an operator's
 * very first start — for the first-run flows (the shared one already has the demo owner). Resolves
 * once it printed the setup link.
 */
export async function startEmptyKith(): Promise<EmptyKith> {
  const root = path.resolve(import.meta.dirname, '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-e2e-empty-'));
  const port = await new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
    srv.on('error', reject);
  });
  // NODE_ENV is `test` under Vitest; the console is already built (global setup), for production.
  const child = spawn(process.execPath, ['bin/kith.mjs', 'start'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      KITH_DATA_DIR: dataDir,
      KITH_LOG_LEVEL: 'warn',
      KITH_PUBLIC_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.removeAllListeners('exit');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const setupLink = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Kith printed no setup link within 3 minutes:\n${out}`)), 180_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /(http\S+\/setup\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Kith exited (${code}) before printing the setup link:\n${out}`));
    });
  }).catch(async (e) => {
    await stop();
    throw e;
  });
  return { baseUrl: new URL(setupLink).origin, setupLink, output: () => out, stop };
}
