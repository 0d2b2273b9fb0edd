import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../kernel/db/database.js';
import { createKith, type Kith } from '../app.js';
import { createLogger } from '../kernel/logger.js';
import { openTestDatabase, testConfig } from '../../test/harness.js';

/** The console is served from a folder of built files; here a tiny fake build stands in for it. */
let database: Database & { dropAll(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.dropAll();
});

async function kithServing(dir: string) {
  const kith = await createKith({ config: testConfig(), database, log: createLogger('silent'), consoleDir: dir });
  return { kith, dispose: () => kith.close() };
}

describe('console static files', () => {
  let dir: string;
  let kith: Kith;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-console-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><div id="root"></div><script type="module" src="/assets/index-Ab12Cd.js"></script>',
    );
    fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd.js'), 'console.log("kith")');
    fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd.js.br'), zlib.brotliCompressSync('console.log("kith")'));
    fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(os.tmpdir(), 'kith-secret.txt'), 'outside');
    ({ kith, dispose } = await kithServing(dir));
  });
  afterAll(async () => {
    await dispose?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const get = (url: string) => kith.http.app.inject({ method: 'GET', url });

  it('serves index.html at / uncached, with a content security policy', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).toContain('<div id="root">');
  });

  it('caches hashed assets for good and other files for an hour', async () => {
    const js = await get('/assets/index-Ab12Cd.js');
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const br = await kith.http.app.inject({
      method: 'GET',
      url: '/assets/index-Ab12Cd.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe('console.log("kith")');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg');
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('answers deep links of the console with index.html, so a reload on /members/42 works', async () => {
    for (const url of ['/members/42', '/overview?from=2024-03-01', '/members/duplicates']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('keeps unknown API paths and missing assets as 404s, never HTML', async () => {
    const api = await get('/api/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(api.json()).toMatchObject({ code: 'NOT_FOUND', detail: 'No route GET /api/v1/nothing-here' });
    const asset = await get('/assets/index-gone.js');
    expect(asset.statusCode).toBe(404);
    expect(asset.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await get('/robots.txt')).statusCode).toBe(404);
  });

  it('never serves a file from outside the console folder', async () => {
    for (const url of ['/../kith-secret.txt', '/%2e%2e/kith-secret.txt', '/assets/..%2f..%2fkith-secret.txt']) {
      const res = await get(url);
      expect(res.body, url).not.toContain('outside');
    }
  });

  it('still answers the API and health next to the console', async () => {
    expect((await get('/healthz')).json()).toMatchObject({ status: 'ok' });
    expect((await get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await get('/api/openapi.json')).statusCode).toBe(200);
  });
});

describe('console not built', () => {
  it('says how to build it instead of a blank page', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-console-empty-'));
    const { kith, dispose } = await kithServing(empty);
    try {
      const res = await kith.http.app.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('npm run build:web');
      expect((await kith.http.app.inject({ method: 'GET', url: '/members' })).body).toContain('npm run build:web');
    } finally {
      await dispose();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
