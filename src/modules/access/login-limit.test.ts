import { afterAll, describe, expect, it, vi } from 'vitest';
import { startTestKith, staffSession, injector, type TestKith } from '../../../test/harness.js';
import type { Config } from '../../kernel/config.js';

// Counts password verifications: the limit is about how many guesses are *evaluated*.
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      verifications.count++;
      return real.verify(...args);
    },
  };
});

const started: TestKith[] = [];
afterAll(async () => {
  await Promise.all(started.map((k) => k.dispose()));
});
async function kithWith(config: Partial<Config> = {}) {
  const k = await startTestKith({ config: { loginMaxAttempts: 5, ...config } });
  started.push(k);
  return k;
}
const login = (kith: TestKith, email: string, password: string, headers: Record<string, string> = {}) =>
  injector(kith)({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { email, password } });

describe('the sign-in limit', () => {
  it('evaluates at most the limit of 200 parallel wrong guesses, answers the rest 429, then refuses the right password too', async () => {
    const kith = await kithWith();
    const s = await staffSession(kith, 'operator');
    const before = verifications.count;
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => login(kith, s.email, `wrong guess ${i}`)));
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((c) => c === 401)).toHaveLength(5);
    expect(statuses.filter((c) => c === 429)).toHaveLength(195);
    expect(verifications.count - before).toBe(5);
    const locked = await login(kith, s.email, s.password);
    expect(locked.statusCode).toBe(429);
    expect(verifications.count - before).toBe(5);
    const rows = await kith.database.db.selectFrom('login_failures').select('key').execute();
    expect(rows).toHaveLength(5);
  });

  it('counts nothing against a successful sign-in', async () => {
    const kith = await kithWith({ loginMaxAttempts: 2 });
    const s = await staffSession(kith, 'operator');
    for (let i = 0; i < 4; i++) expect((await login(kith, s.email, s.password)).statusCode).toBe(200);
    expect((await login(kith, s.email, 'wrong')).statusCode).toBe(401);
    expect((await login(kith, s.email, s.password)).statusCode).toBe(200);
  });
});

describe('behind a reverse proxy (KITH_TRUST_PROXY)', () => {
  // app.inject connects from 127.0.0.1, standing in for the proxy.
  const lockOut = async (kith: TestKith, email: string, headers: Record<string, string>) => {
    for (let i = 0; i < 5; i++) expect((await login(kith, email, 'wrong', headers)).statusCode).toBe(401);
    expect((await login(kith, email, 'wrong', headers)).statusCode).toBe(429);
  };

  it('limits two clients of one trusted proxy separately, by their X-Forwarded-For', async () => {
    const kith = await kithWith({ trustProxy: ['127.0.0.1'] });
    const s = await staffSession(kith, 'operator');
    await lockOut(kith, s.email, { 'x-forwarded-for': '203.0.113.7' });
    const other = await login(kith, s.email, s.password, { 'x-forwarded-for': '198.51.100.9' });
    expect(other.statusCode).toBe(200);
    // The audit records the client's address, not the proxy's.
    const last = await kith.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'auth.login')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.after).toMatchObject({ ip: '198.51.100.9' });
  });

  it('with a hop count, takes the address the nearest proxy saw', async () => {
    const kith = await kithWith({ trustProxy: 1 });
    const s = await staffSession(kith, 'operator');
    await lockOut(kith, s.email, { 'x-forwarded-for': '10.9.9.9, 203.0.113.7' });
    expect((await login(kith, s.email, s.password, { 'x-forwarded-for': '10.9.9.9, 198.51.100.9' })).statusCode).toBe(
      200,
    );
  });

  it('without the setting, a forged X-Forwarded-For does not escape the limit', async () => {
    const kith = await kithWith();
    const s = await staffSession(kith, 'operator');
    await lockOut(kith, s.email, { 'x-forwarded-for': '203.0.113.7' });
    expect((await login(kith, s.email, s.password, { 'x-forwarded-for': '198.51.100.9' })).statusCode).toBe(429);
  });

  it('with an untrusted peer, ignores its X-Forwarded-For', async () => {
    const kith = await kithWith({ trustProxy: ['10.0.0.0/8'] });
    const s = await staffSession(kith, 'operator');
    await lockOut(kith, s.email, { 'x-forwarded-for': '203.0.113.7' });
    expect((await login(kith, s.email, s.password, { 'x-forwarded-for': '198.51.100.9' })).statusCode).toBe(429);
  });
});
