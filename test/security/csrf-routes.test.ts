import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injector, startTestKith, staffSession, type TestKith } from '../harness.js';
import { tableFingerprint } from './table-fingerprint.js';

/**
 * Every state-changing route, sent with the owner's session cookie but without the proof that it
 * comes from the console (see src/http/csrf.ts): from another origin, with no origin at all, or
 * as a form a foreign page can post. Each is refused with 403 CSRF_REJECTED and writes nothing.
 * Routes are read from the running app, so a new route is covered the moment it exists.
 */
let kith: TestKith;
let cookie: string;
beforeAll(async () => {
  kith = await startTestKith();
  cookie = (await staffSession(kith, 'owner')).cookie;
});
afterAll(async () => {
  await kith?.dispose();
});

const concrete = (url: string) =>
  url
    .replace(/:kind/g, 'members')
    .replace(/:layer/g, 'champions')
    .replace(/:[a-zA-Z]+/g, '1');

/** The requests another page could make the browser send. */
const FORGERIES: { name: string; headers: Record<string, string>; payload: string }[] = [
  {
    name: 'JSON from another origin',
    headers: { origin: 'http://127.0.0.1:8088', 'content-type': 'application/json' },
    payload: '{}',
  },
  {
    name: 'a form from another origin',
    headers: { origin: 'http://127.0.0.1:8088', 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'a=1',
  },
  {
    name: 'text/plain from the same origin without the console header',
    headers: { origin: 'http://localhost', 'content-type': 'text/plain' },
    payload: '{}',
  },
  {
    name: 'no origin, a same-site page',
    headers: { 'sec-fetch-site': 'same-site', 'content-type': 'application/json', 'x-kith-request': '1' },
    payload: '{}',
  },
  { name: 'no origin and no fetch metadata', headers: { 'content-type': 'application/json' }, payload: '{}' },
];

describe('cookie-borne writes without a same-origin proof, every route', () => {
  it('are refused with CSRF_REJECTED and write nothing', async () => {
    const inject = injector(kith);
    const writes = kith.http.routes.filter((r) => r.method !== 'GET' && r.access !== 'public' && r.access !== 'member');
    expect(writes.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    const before = await tableFingerprint(kith);
    for (const r of writes) {
      for (const f of FORGERIES) {
        const res = await inject({
          method: r.method as 'POST',
          url: concrete(r.url),
          headers: { cookie, host: 'localhost', ...f.headers },
          payload: f.payload,
        });
        if (res.statusCode !== 403 || res.json().code !== 'CSRF_REJECTED')
          wrong.push(`${r.method} ${r.url}, ${f.name}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    const after = await tableFingerprint(kith);
    expect(wrong).toEqual([]);
    expect(Object.keys(after).filter((k) => after[k] !== before[k])).toEqual([]);
  }, 60_000);
});
