import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from '../../src/modules/access/domain/permissions.js';
import { apiKeyHeaders, injector, startTestKith, type TestKith } from '../harness.js';
import { tableFingerprint } from './table-fingerprint.js';

/**
 * One API key per scope, against every route. A key reaches exactly the routes of its one scope
 * (and those open to any caller); every other route answers 403 naming the scope it lacks, staff-
 * only and member-centre routes refuse keys, and a refused request writes nothing. Routes are read
 * from the running app, so a new route is covered the moment it exists.
 */
let kith: TestKith;
const keys = new Map<Permission, Record<string, string>>();
beforeAll(async () => {
  kith = await startTestKith();
  for (const p of PERMISSIONS) keys.set(p, await apiKeyHeaders(kith, [p]));
});
afterAll(async () => {
  await kith?.dispose();
});

// A key id that exists nowhere, so the walk never revokes one of its own keys.
const concrete = (url: string) =>
  url
    .replace(/\/api-keys\/:id/, '/api-keys/999999')
    .replace(/:kind/g, 'members')
    .replace(/:layer/g, 'champions')
    .replace(/:[a-zA-Z]+/g, '1');

describe('API keys with a single scope', () => {
  it('reach only the routes of their scope, and a refusal writes nothing', async () => {
    const inject = injector(kith);
    const wrong: string[] = [];
    let checked = 0;
    const send = (r: { method: string; url: string }, p: Permission) =>
      inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        headers: keys.get(p),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
    for (const p of PERMISSIONS) {
      const routes = kith.http.routes.filter((r) => r.access !== 'public');
      const allowed = (r: (typeof routes)[number]) => r.access === p || r.access === 'authenticated';
      // The refused first, all between two fingerprints: none of them may write anything.
      const before = await tableFingerprint(kith);
      for (const r of routes.filter((x) => !allowed(x))) {
        const res = await send(r, p);
        checked++;
        const label = `key [${p}] ${r.method} ${r.url}`;
        if (res.statusCode !== 403)
          wrong.push(`${label}: expected 403, got ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (r.access !== 'staff' && r.access !== 'member' && !res.json().detail.includes(r.access))
          wrong.push(`${label}: the refusal does not name ${r.access}`);
      }
      const after = await tableFingerprint(kith);
      const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
      if (changed.length) wrong.push(`key [${p}]: refused requests wrote to ${changed.join(', ')}`);
      for (const r of routes.filter(allowed)) {
        const res = await send(r, p);
        checked++;
        if (res.statusCode === 401 || res.statusCode === 403 || res.statusCode >= 500)
          wrong.push(`key [${p}] ${r.method} ${r.url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(PERMISSIONS.length * 100);
  }, 120_000);
});
