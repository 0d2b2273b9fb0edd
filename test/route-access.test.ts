import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/kernel/context.js';
import { ROLE_PERMISSIONS, isPermission } from '../src/modules/access/domain/permissions.js';
import { injector, startTestKith, staffSession, type TestKith } from './harness.js';

/**
 * The access matrix: every API route, called by every role. A role without the route's permission
 * must get 403; nobody signed out gets past 401. Routes are read from the running app, so a new
 * route is covered the moment it exists.
 */
let kith: TestKith;
const headers = new Map<Role, Record<string, string>>();
beforeAll(async () => {
  kith = await startTestKith();
  for (const role of ROLES) headers.set(role, (await staffSession(kith, role)).headers);
});
afterAll(async () => {
  await kith?.dispose();
});

const concrete = (url: string) => url.replace(/:kind/g, 'members').replace(/:[a-zA-Z]+/g, '1');

describe('route access matrix', () => {
  it('declares an access level on every API route', () => {
    expect(kith.http.routes.length).toBeGreaterThan(20);
    for (const r of kith.http.routes)
      expect(['public', 'authenticated', 'staff', 'member'].includes(r.access) || isPermission(r.access)).toBe(true);
  });

  it('refuses signed-out callers on every non-public route', async () => {
    const inject = injector(kith);
    for (const r of kith.http.routes.filter((x) => x.access !== 'public')) {
      const res = await inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('refuses each role the routes its permissions do not cover, and lets the others through', async () => {
    const inject = injector(kith);
    const checked: string[] = [];
    for (const r of kith.http.routes) {
      if (!isPermission(r.access)) continue;
      for (const role of ROLES) {
        const res = await inject({
          method: r.method as 'GET',
          url: concrete(r.url),
          headers: headers.get(role),
          payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        const allowed = ROLE_PERMISSIONS[role].has(r.access);
        if (allowed) {
          expect(res.statusCode, `${role} ${r.method} ${r.url}`).not.toBe(401);
          if (res.statusCode === 403)
            expect(res.json().detail, `${role} ${r.method} ${r.url}`).not.toMatch(/does not allow/);
        } else {
          expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
          expect(res.json().detail).toContain(r.access);
        }
        checked.push(`${role} ${r.method} ${r.url}`);
      }
    }
    expect(checked.length).toBeGreaterThan(100);
  });

  it('keeps the member centre to members: every staff role is refused there', async () => {
    const inject = injector(kith);
    const memberRoutes = kith.http.routes.filter((r) => r.access === 'member');
    expect(memberRoutes.length).toBeGreaterThan(3);
    for (const r of memberRoutes) {
      for (const role of ROLES) {
        const res = await inject({
          method: r.method as 'GET',
          url: concrete(r.url),
          headers: headers.get(role),
          payload: r.method === 'GET' ? undefined : {},
        });
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
      }
    }
  });
});
