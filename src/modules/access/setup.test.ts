import { afterAll, describe, expect, it } from 'vitest';
import { startTestKith, injector, onPostgres, type TestKith } from '../../../test/harness.js';
import { fixedClock } from '../../kernel/clock.js';
import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';

// Setup happens once per database, so each story gets its own Kith with no staff account.
const started: TestKith[] = [];
async function fresh(opts: { clock?: Clock; config?: Partial<Config> } = {}) {
  const kith = await startTestKith(opts);
  started.push(kith);
  return { kith, inject: injector(kith) };
}
afterAll(async () => {
  await Promise.all(started.map((k) => k.dispose()));
});

const owner = { email: 'lin.yue@example.com', name: '林悦', password: 'tea garden at dawn 2024' };
const staffCount = async (kith: TestKith) =>
  (await kith.database.db.selectFrom('staff_users').select('id').execute()).length;

describe(`first-run setup (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('says whether setup is needed, and nothing else', async () => {
    const { kith, inject } = await fresh();
    const before = await inject({ method: 'GET', url: '/api/v1/setup' });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ needed: true });
    const token = await kith.access.issueSetupToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    const stored = await kith.database.db.selectFrom('setup_tokens').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await inject({ method: 'POST', url: '/api/v1/setup', payload: { token, ...owner } })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
  });

  it('refuses a wrong token and creates nothing', async () => {
    const { kith, inject } = await fresh();
    await kith.access.issueSetupToken();
    const r = await inject({ method: 'POST', url: '/api/v1/setup', payload: { token: 'x'.repeat(43), ...owner } });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('SETUP_TOKEN_INVALID');
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(await staffCount(kith)).toBe(0);
    expect((await inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });
  });

  it('refuses a token replaced by a newer one, and an expired one', async () => {
    const clock = fixedClock('2024-03-10T04:00:00Z');
    const { kith, inject } = await fresh({ clock });
    const old = await kith.access.issueSetupToken();
    const token = await kith.access.issueSetupToken();
    expect(
      (await inject({ method: 'POST', url: '/api/v1/setup', payload: { token: old, ...owner } })).json().code,
    ).toBe('SETUP_TOKEN_INVALID');
    clock.advance(24 * 3600_000 + 1);
    const r = await inject({ method: 'POST', url: '/api/v1/setup', payload: { token, ...owner } });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('SETUP_TOKEN_INVALID');
    expect(await staffCount(kith)).toBe(0);
    // Restarting Kith prints a new link, which works.
    const again = await kith.access.issueSetupToken();
    expect(
      (await inject({ method: 'POST', url: '/api/v1/setup', payload: { token: again, ...owner } })).statusCode,
    ).toBe(200);
  });

  it('checks the email and password like any new account, naming the field, and keeps the token', async () => {
    const { kith, inject } = await fresh();
    const token = await kith.access.issueSetupToken();
    const post = (body: Record<string, string>) =>
      inject({ method: 'POST', url: '/api/v1/setup', payload: { token, ...owner, ...body } });
    const short = await post({ password: 'short' });
    expect(short.statusCode).toBe(400);
    // The reason comes as a code with its figures (the console words it) and in English.
    expect(short.json().errors).toEqual([
      {
        path: 'password',
        message: 'must be at least 10 characters long',
        code: 'password.too_short',
        params: { min: 10 },
      },
    ]);
    const named = await post({ password: 'lin.yue is my name' });
    expect(named.json().errors[0]).toMatchObject({
      path: 'password',
      message: 'must not contain the account name',
      code: 'password.contains_account',
    });
    const email = await post({ email: 'not an email' });
    expect(email.statusCode).toBe(400);
    expect(email.json().errors[0].path).toBe('email');
    const blank = await post({ name: '   ' });
    expect(blank.json().errors[0].path).toBe('name');
    const extra = await inject({ method: 'POST', url: '/api/v1/setup', payload: { token, ...owner, role: 'admin' } });
    expect(extra.statusCode).toBe(400);
    expect(await staffCount(kith)).toBe(0);
    expect((await post({})).statusCode).toBe(200);
  });

  it('creates the owner, signs them in with an httpOnly SameSite cookie, audits it, and cannot run twice', async () => {
    const { kith, inject } = await fresh();
    const token = await kith.access.issueSetupToken();
    const r = await inject({
      method: 'POST',
      url: '/api/v1/setup',
      headers: { 'x-request-id': 'setup-request-1' },
      payload: { token, ...owner },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ type: 'staff', label: owner.email, role: 'owner', communityIds: null });
    expect(r.json().permissions).toContain('staff:manage');
    const setCookie = String(r.headers['set-cookie']);
    expect(setCookie).toMatch(/^kith_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/i); // KITH_COOKIE_SECURE is off in tests, as in the login
    const cookie = setCookie.split(';')[0]!;
    const me = await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ type: 'staff', label: owner.email, role: 'owner' });

    const row = await kith.database.db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: owner.email, name: owner.name, role: 'owner', disabled_at: null });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await kith.database.db.selectFrom('setup_tokens').selectAll().execute()).toEqual([]);
    // The owner signs in with the password chosen at setup.
    expect(
      (
        await inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: owner.email, password: owner.password },
        })
      ).statusCode,
    ).toBe(200);

    const audit = await inject({ method: 'GET', url: '/api/v1/audit?action=staff.setup', headers: { cookie } });
    const entries = audit.json().items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorType: 'staff',
      actorId: row.id,
      actorLabel: owner.email,
      action: 'staff.setup',
      targetType: 'staff',
      targetId: String(row.id),
      requestId: 'setup-request-1',
      after: { email: owner.email, name: owner.name, role: 'owner', disabled: false },
    });
    const text = JSON.stringify(entries[0]);
    expect(text).not.toContain(owner.password);
    expect(text).not.toContain(token);
    expect(text).not.toContain('argon2');

    const again = await inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { token, ...owner, email: 'second@example.com' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONFLICT');
    await expect(kith.access.issueSetupToken()).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await staffCount(kith)).toBe(1);
  });

  it('makes exactly one owner out of concurrent setups with the valid token', async () => {
    const { kith, inject } = await fresh();
    const token = await kith.access.issueSetupToken();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        inject({ method: 'POST', url: '/api/v1/setup', payload: { token, ...owner, email: `racer${i}@example.com` } }),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const staff = await kith.database.db.selectFrom('staff_users').select(['email', 'role']).execute();
    expect(staff).toHaveLength(1);
    expect(staff[0]!.email).toBe(results.find((r) => r.statusCode === 200)!.json().label);
    expect(await kith.database.db.selectFrom('staff_sessions').select('id').execute()).toHaveLength(1);
    expect(
      await kith.database.db.selectFrom('audit_log').select('id').where('action', '=', 'staff.setup').execute(),
    ).toHaveLength(1);
  });

  it('rate-limits wrong tokens per address, so the token cannot be guessed', async () => {
    const { kith, inject } = await fresh({ config: { loginMaxAttempts: 3 } });
    const token = await kith.access.issueSetupToken();
    const from = (remoteAddress: string, t: string) =>
      inject({ method: 'POST', url: '/api/v1/setup', remoteAddress, payload: { token: t, ...owner } });
    for (let i = 0; i < 3; i++) expect((await from('10.0.0.7', `guess-${i}`)).statusCode).toBe(403);
    const blocked = await from('10.0.0.7', token);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('RATE_LIMITED');
    expect(blocked.headers['retry-after']).toBe(String(15 * 60));
    expect(await staffCount(kith)).toBe(0);
    // Another address is not held back by the guesser, and the token still works there.
    expect((await from('10.0.0.8', token)).statusCode).toBe(200);
  });
});
