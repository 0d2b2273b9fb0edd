import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestKith,
  staffSession,
  apiKeyHeaders,
  systemCtx,
  injector,
  type TestKith,
} from '../../../test/harness.js';

let kith: TestKith;
beforeAll(async () => {
  kith = await startTestKith({ config: { loginMaxAttempts: 3 } });
});
afterAll(async () => {
  await kith?.dispose();
});

const inject = (o: Parameters<ReturnType<typeof injector>>[0]) => injector(kith)(o);

describe('sign-in and sessions', () => {
  it('signs in with an httpOnly SameSite cookie and answers who I am', async () => {
    const s = await staffSession(kith, 'operator');
    const login = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: s.email, password: s.password },
    });
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ type: 'staff', label: s.email, role: 'operator' });
  });

  it('stores the password as argon2id, never in clear', async () => {
    const s = await staffSession(kith, 'analyst');
    const row = await kith.database.db
      .selectFrom('staff_users')
      .select('password_hash')
      .where('id', '=', s.staff.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(s.password);
  });

  it('refuses a wrong password with 401 and rate-limits repeated failures', async () => {
    const s = await staffSession(kith, 'analyst');
    for (let i = 0; i < 3; i++) {
      const r = await inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: s.email, password: 'wrong password!!' },
      });
      expect(r.statusCode).toBe(401);
      expect(r.json().code).toBe('INVALID_CREDENTIALS');
    }
    const blocked = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: s.email, password: s.password },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('logs out: the cookie no longer works', async () => {
    const s = await staffSession(kith, 'operator');
    expect((await inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('changes the password, keeping this session and ending the others', async () => {
    const s = await staffSession(kith, 'operator');
    const other = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: s.email, password: s.password },
    });
    const otherCookie = String(other.headers['set-cookie']).split(';')[0]!;
    const weak = await inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: s.headers,
      payload: { currentPassword: s.password, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe('newPassword');
    const ok = await inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: s.headers,
      payload: { currentPassword: s.password, newPassword: 'a much longer new secret' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: otherCookie } })).statusCode).toBe(
      401,
    );
    const relogin = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: s.email, password: 'a much longer new secret' },
    });
    expect(relogin.statusCode).toBe(200);
  });
});

describe('API keys', () => {
  it('shows the key once, stores only its hash, and honours scopes', async () => {
    const admin = await staffSession(kith, 'admin');
    const created = await inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: admin.headers,
      payload: { name: 'shop sync', scopes: ['audit:read'] },
    });
    expect(created.statusCode).toBe(201);
    const { key, apiKey } = created.json();
    expect(key).toMatch(/^kith_/);
    const list = await inject({ method: 'GET', url: '/api/v1/api-keys', headers: admin.headers });
    expect(JSON.stringify(list.json())).not.toContain(key);
    const stored = await kith.database.db
      .selectFrom('api_keys')
      .select('key_hash')
      .where('id', '=', apiKey.id)
      .executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(key);
    const auth = { authorization: `Bearer ${key}` };
    expect((await inject({ method: 'GET', url: '/api/v1/audit', headers: auth })).statusCode).toBe(200);
    const denied = await inject({ method: 'GET', url: '/api/v1/staff', headers: auth });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().detail).toContain('staff:manage');
    await inject({ method: 'DELETE', url: `/api/v1/api-keys/${apiKey.id}`, headers: admin.headers });
    expect((await inject({ method: 'GET', url: '/api/v1/audit', headers: auth })).statusCode).toBe(401);
  });

  it('lets a key or a person grant only scopes they hold, and stops keys whose maker is revoked or disabled', async () => {
    const admin = await staffSession(kith, 'admin');
    const owner = await staffSession(kith, 'owner');
    const create = (headers: Record<string, string>, scopes: string[], name = 'child') =>
      inject({ method: 'POST', url: '/api/v1/api-keys', headers, payload: { name, scopes } });
    const parent = (await create(admin.headers, ['api_keys:manage', 'members:read'], 'parent')).json();
    const parentAuth = { authorization: `Bearer ${parent.key}` };
    // a key with api_keys:manage cannot mint one with more than it has
    const wider = await create(parentAuth, ['api_keys:manage', 'members:read', 'staff:manage', 'audit:read']);
    expect(wider.statusCode).toBe(403);
    expect(wider.json().errors).toEqual([{ path: 'scopes', message: 'not held by you: staff:manage, audit:read' }]);
    expect(await kith.database.db.selectFrom('api_keys').select('id').where('name', '=', 'child').execute()).toEqual(
      [],
    );
    const child = (await create(parentAuth, ['members:read'])).json();
    const childAuth = { authorization: `Bearer ${child.key}` };
    expect((await inject({ method: 'GET', url: '/api/v1/members', headers: childAuth })).statusCode).toBe(200);
    // the list says who made each key
    const list = (await inject({ method: 'GET', url: '/api/v1/api-keys', headers: admin.headers })).json().items as {
      id: number;
      createdBy: unknown;
      active: boolean;
      inactiveReason: string | null;
    }[];
    expect(list.find((k) => k.id === parent.apiKey.id)).toMatchObject({
      createdBy: { type: 'staff', id: admin.staff.id },
      active: true,
    });
    expect(list.find((k) => k.id === child.apiKey.id)).toMatchObject({
      createdBy: { type: 'api_key', id: parent.apiKey.id },
      active: true,
      inactiveReason: null,
    });
    // revoking the parent stops the child
    await inject({ method: 'DELETE', url: `/api/v1/api-keys/${parent.apiKey.id}`, headers: admin.headers });
    expect((await inject({ method: 'GET', url: '/api/v1/members', headers: childAuth })).statusCode).toBe(401);
    const after = (await inject({ method: 'GET', url: '/api/v1/api-keys', headers: admin.headers })).json().items as {
      id: number;
      active: boolean;
      inactiveReason: string | null;
    }[];
    expect(after.find((k) => k.id === child.apiKey.id)).toMatchObject({
      active: false,
      inactiveReason: 'parent_revoked',
    });
    // disabling the person who made a key stops it (and the keys it made)
    const made = (await create(admin.headers, ['members:read', 'api_keys:manage'], 'admin-made')).json();
    const grandchild = (await create({ authorization: `Bearer ${made.key}` }, ['members:read'], 'grandchild')).json();
    const disable = await inject({
      method: 'PATCH',
      url: `/api/v1/staff/${admin.staff.id}`,
      headers: owner.headers,
      payload: { disabled: true },
    });
    expect(disable.statusCode, disable.body).toBe(200);
    expect(
      (await inject({ method: 'GET', url: '/api/v1/members', headers: { authorization: `Bearer ${made.key}` } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await inject({ method: 'GET', url: '/api/v1/members', headers: { authorization: `Bearer ${grandchild.key}` } }))
        .statusCode,
    ).toBe(401);
    const now = (await inject({ method: 'GET', url: '/api/v1/api-keys', headers: owner.headers })).json().items as {
      id: number;
      inactiveReason: string | null;
    }[];
    expect(now.find((k) => k.id === grandchild.apiKey.id)!.inactiveReason).toBe('creator_disabled');
    // enabled again, the keys work again (nothing was revoked)
    await inject({
      method: 'PATCH',
      url: `/api/v1/staff/${admin.staff.id}`,
      headers: owner.headers,
      payload: { disabled: false },
    });
    expect(
      (await inject({ method: 'GET', url: '/api/v1/members', headers: { authorization: `Bearer ${grandchild.key}` } }))
        .statusCode,
    ).toBe(200);
  });

  it("takes from a key the scopes its maker's role no longer holds", async () => {
    const owner = await staffSession(kith, 'owner');
    const admin = await staffSession(kith, 'admin');
    const k = (
      await inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: admin.headers,
        payload: { name: 'sync', scopes: ['members:read', 'staff:manage'] },
      })
    ).json();
    const auth = { authorization: `Bearer ${k.key}` };
    expect((await inject({ method: 'GET', url: '/api/v1/staff', headers: auth })).statusCode).toBe(200);
    await inject({
      method: 'PATCH',
      url: `/api/v1/staff/${admin.staff.id}`,
      headers: owner.headers,
      payload: { role: 'analyst' },
    });
    expect((await inject({ method: 'GET', url: '/api/v1/staff', headers: auth })).statusCode).toBe(403);
    expect((await inject({ method: 'GET', url: '/api/v1/members', headers: auth })).statusCode).toBe(200);
  });

  it('refuses unknown scopes naming the field', async () => {
    const admin = await staffSession(kith, 'admin');
    const r = await inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: admin.headers,
      payload: { name: 'x', scopes: ['everything'] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().errors[0].path).toMatch(/^body\/scopes/);
  });
});

describe('staff management', () => {
  it('lets an admin create staff but not owners, and audits the write', async () => {
    const admin = await staffSession(kith, 'admin');
    const owner = await inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: admin.headers,
      payload: { email: 'o2@example.com', name: 'O', role: 'owner', password: 'long enough secret' },
    });
    expect(owner.statusCode).toBe(403);
    const op = await inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: admin.headers,
      payload: { email: 'new.op@example.com', name: '小王', role: 'operator', password: 'long enough secret' },
    });
    expect(op.statusCode).toBe(201);
    const dup = await inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: admin.headers,
      payload: { email: 'NEW.op@example.com', name: 'dup', role: 'operator', password: 'long enough secret' },
    });
    expect(dup.statusCode).toBe(409);
    const audit = await inject({
      method: 'GET',
      url: `/api/v1/audit?action=staff.create&targetId=${op.json().id}`,
      headers: admin.headers,
    });
    const entry = audit.json().items[0];
    expect(entry).toMatchObject({
      actorType: 'staff',
      actorLabel: admin.email,
      action: 'staff.create',
      targetType: 'staff',
    });
    expect(entry.after).toMatchObject({ email: 'new.op@example.com', role: 'operator' });
    expect(JSON.stringify(entry)).not.toContain('long enough secret');
    expect(entry.requestId).toBeTruthy();
  });

  it('keeps at least one active owner', async () => {
    const owner = await staffSession(kith, 'owner');
    const second = await staffSession(kith, 'owner');
    const r = await inject({
      method: 'PATCH',
      url: `/api/v1/staff/${second.staff.id}`,
      headers: owner.headers,
      payload: { disabled: true },
    });
    expect(r.statusCode).toBe(200);
    const self = await inject({
      method: 'PATCH',
      url: `/api/v1/staff/${owner.staff.id}`,
      headers: owner.headers,
      payload: { role: 'analyst' },
    });
    expect(self.statusCode).toBe(403);
    // a disabled account's sessions end
    expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: second.headers })).statusCode).toBe(401);
  });
});

describe('errors', () => {
  it('answers unknown routes and bad JSON with problem+json, never a stack', async () => {
    const nf = await inject({ method: 'GET', url: '/api/v1/nope' });
    expect(nf.statusCode).toBe(404);
    expect(nf.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const bad = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/at .*\.js:\d+/);
  });

  it('serves the OpenAPI document and health', async () => {
    const doc = await inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.json().openapi).toBe('3.1.0');
    expect(Object.keys(doc.json().paths)).toContain('/api/v1/auth/login');
    expect((await inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ status: 'ok' });
    const key = await apiKeyHeaders(kith, ['members:read']);
    expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: key })).json().type).toBe('api_key');
    expect(systemCtx.actor.type).toBe('system');
  });
});

describe('member-centre tokens on staff routes', () => {
  it('answers who-am-I and the other staff/API-key routes with a clean 403 pointing to the member centre, never a 500', async () => {
    const owner = await staffSession(kith, 'owner');
    const m = await inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: owner.headers,
      payload: { name: '会员中心', email: `centre-${Date.now()}@example.com` },
    });
    expect(m.statusCode, m.body).toBe(201);
    const { token } = await kith.memberSessions.issueMemberToken(systemCtx, m.json().id, 1);
    const member = { authorization: `Bearer ${token}` };
    for (const url of ['/api/v1/auth/me', '/api/v1/workspace']) {
      const r = await inject({ method: 'GET', url, headers: member });
      expect(r.statusCode, `${url} ${r.body}`).toBe(403);
      expect(r.json()).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringContaining('member centre') });
    }
    // The token itself works where it belongs.
    expect((await inject({ method: 'GET', url: '/api/v1/me/loyalty', headers: member })).statusCode).toBe(200);
  });
});
