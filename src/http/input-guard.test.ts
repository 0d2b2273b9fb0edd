import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH } from '../kernel/input-safety.js';
import { apiKeyHeaders, injector, startTestKith, staffSession, type TestKith } from '../../test/harness.js';

/**
 * Text PostgreSQL cannot store, and nesting deeper than the limit, anywhere in a path parameter,
 * query string or JSON body: a 400 naming the field, never a 500, and nothing written.
 * (test/security/input.test.ts sends the same values to every route.)
 */
let kith: TestKith;
let inject: ReturnType<typeof injector>;
let owner: Record<string, string>;
beforeAll(async () => {
  kith = await startTestKith();
  inject = injector(kith);
  owner = (await staffSession(kith, 'owner')).headers;
});
afterAll(async () => {
  await kith?.dispose();
});

const members = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from members`.execute(kith.database.db)).rows[0]!.n;
const deepJson = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

describe('the input guard', () => {
  it('refuses a NUL in a query value with 400 naming it, as a session and as an API key', async () => {
    const key = await apiKeyHeaders(kith, ['members:read']);
    for (const headers of [owner, key]) {
      const r = await inject({ method: 'GET', url: '/api/v1/members?q=%00', headers });
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'querystring/q', message: expect.stringContaining('NUL') }],
      });
    }
    expect((await inject({ method: 'GET', url: '/api/v1/members?q=%E5%BC%A0', headers: owner })).statusCode).toBe(200);
  });

  it('refuses a NUL or a lone surrogate in a body field, and writes no member', async () => {
    const before = await members();
    const nul = await inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: owner,
      payload: { name: '张\u0000三' },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().errors).toEqual([{ path: 'body/name', message: expect.stringContaining('NUL') }]);
    const lone = await inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: owner,
      payload: { name: '张三', phone: '13800138000', identities: [{ channel: 'qq', externalId: '1\ud800' }] },
    });
    expect(lone.statusCode).toBe(400);
    expect(lone.json().errors).toEqual([
      { path: 'body/identities/0/externalId', message: expect.stringContaining('surrogate') },
    ]);
    const badKey = await inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: owner,
      payload: { name: '张三', attributes: { 'a\u0000': 'x' } },
    });
    expect(badKey.statusCode).toBe(400);
    expect(await members()).toBe(before);
    expect(
      (
        await inject({
          method: 'POST',
          url: '/api/v1/members',
          headers: owner,
          payload: { name: '张三', phone: '13800138000' },
        })
      ).statusCode,
    ).toBe(201);
  });

  it(`refuses a body nested deeper than ${MAX_NESTING_DEPTH} levels, even 10,000 deep`, async () => {
    const r = await inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: { ...owner, 'content-type': 'application/json' },
      payload: `{"name":"x","attributes":${deepJson(10_000)}}`,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].message).toMatch(/deeper than 32 levels/);
  });

  it('refuses a NUL in a path parameter', async () => {
    const r = await inject({ method: 'DELETE', url: '/api/v1/members/attributes/a%00b', headers: owner });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([{ path: 'params/key', message: expect.stringContaining('NUL') }]);
  });
});
