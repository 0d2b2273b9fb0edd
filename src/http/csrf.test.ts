import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestKith,
  staffSession,
  apiKeyHeaders,
  injector,
  SAME_ORIGIN,
  type TestKith,
} from '../../test/harness.js';
import { cookieWriteRefusal, publicWriteRefusal, type RequestFacts } from './csrf.js';

let kith: TestKith;
let inject: ReturnType<typeof injector>;
let owner: Awaited<ReturnType<typeof staffSession>>;

beforeAll(async () => {
  kith = await startTestKith({ config: { publicUrl: 'https://kith.example.com/console' } });
  inject = injector(kith);
  owner = await staffSession(kith, 'owner');
});
afterAll(async () => {
  await kith?.dispose();
});

let n = 0;
async function newMember() {
  const r = await inject({
    method: 'POST',
    url: '/api/v1/members',
    headers: owner.headers,
    payload: { name: `会员 ${++n}`, email: `m${n}-${Date.now()}@example.com` },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as number;
}
const memberState = async (id: number) =>
  (await inject({ method: 'GET', url: `/api/v1/members/${id}`, headers: { cookie: owner.cookie } })).json();
const erase = (id: number, headers: Record<string, string>, payload?: string) =>
  inject({
    method: 'POST',
    url: `/api/v1/members/${id}/erase`,
    headers: { cookie: owner.cookie, ...headers },
    payload,
  });

async function expectRefusedAndUntouched(id: number, res: Awaited<ReturnType<typeof erase>>) {
  expect(res.statusCode, res.body).toBe(403);
  expect(res.json().code).toBe('CSRF_REJECTED');
  expect((await memberState(id)).erasedAt).toBeNull();
}

describe('cookie-borne writes must come from Kith’s own pages', () => {
  it('refuses a form posted from another origin on the same host (text/plain, no custom header), and erases nothing', async () => {
    const id = await newMember();
    await expectRefusedAndUntouched(
      id,
      await erase(id, { origin: 'http://127.0.0.1:8088', 'content-type': 'text/plain' }, 'x=1'),
    );
  });

  it('refuses a foreign Origin even when the request looks like the console’s (JSON, custom header)', async () => {
    const id = await newMember();
    await expectRefusedAndUntouched(
      id,
      await erase(
        id,
        { origin: 'http://evil.localhost', 'x-kith-request': '1', 'content-type': 'application/json' },
        '{}',
      ),
    );
    await expectRefusedAndUntouched(id, await erase(id, { origin: 'null', 'x-kith-request': '1' }));
  });

  it('refuses a write with no Origin unless the browser says same-origin', async () => {
    const id = await newMember();
    await expectRefusedAndUntouched(id, await erase(id, { 'sec-fetch-site': 'cross-site', 'x-kith-request': '1' }));
    await expectRefusedAndUntouched(id, await erase(id, { 'sec-fetch-site': 'same-site', 'x-kith-request': '1' }));
    await expectRefusedAndUntouched(id, await erase(id, { 'x-kith-request': '1' }));
  });

  it('refuses same-origin text/plain and form-urlencoded bodies without the X-Kith-Request header', async () => {
    const id = await newMember();
    await expectRefusedAndUntouched(
      id,
      await erase(id, { origin: SAME_ORIGIN.origin, 'content-type': 'text/plain' }, 'x'),
    );
    await expectRefusedAndUntouched(
      id,
      await erase(id, { origin: SAME_ORIGIN.origin, 'content-type': 'application/x-www-form-urlencoded' }, 'x=1'),
    );
    await expectRefusedAndUntouched(id, await erase(id, { origin: SAME_ORIGIN.origin }));
  });

  it('refuses a multipart upload without the proof, so an import cannot be started from another page', async () => {
    const boundary = '----kithcsrf';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.csv"\r\nContent-Type: text/csv\r\n\r\nname,email\r\n林,lin@example.com\r\n--${boundary}--\r\n`;
    const multipart = { cookie: owner.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` };
    const before = (await inject({ method: 'GET', url: '/api/v1/imports', headers: owner.headers })).json();
    for (const headers of [
      { ...multipart, origin: 'http://127.0.0.1:8088' },
      { ...multipart, origin: SAME_ORIGIN.origin },
    ]) {
      for (const url of ['/api/v1/imports/members', '/api/v1/imports/members/preview']) {
        const r = await inject({ method: 'POST', url, headers, payload });
        expect(r.statusCode, `${url} ${r.body}`).toBe(403);
        expect(r.json().code).toBe('CSRF_REJECTED');
      }
    }
    expect((await inject({ method: 'GET', url: '/api/v1/imports', headers: owner.headers })).json()).toEqual(before);
    // The console's upload (same origin, custom header) is accepted.
    const ok = await inject({
      method: 'POST',
      url: '/api/v1/imports/members/preview',
      headers: { ...multipart, ...SAME_ORIGIN },
      payload,
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('accepts the console’s writes: same-origin JSON, same-origin with the header, and the KITH_PUBLIC_URL origin', async () => {
    const a = await newMember();
    expect((await erase(a, { origin: 'http://localhost', 'content-type': 'application/json' }, '{}')).statusCode).toBe(
      200,
    );
    const b = await newMember();
    expect((await erase(b, { 'sec-fetch-site': 'same-origin', 'x-kith-request': '1' })).statusCode).toBe(200);
    const c = await newMember();
    expect((await erase(c, { origin: 'https://kith.example.com', 'x-kith-request': '1' })).statusCode).toBe(200);
    expect((await memberState(c)).erasedAt).not.toBeNull();
  });

  it('exempts Authorization: Bearer callers (API keys), which no browser attaches by itself', async () => {
    const id = await newMember();
    const key = await apiKeyHeaders(kith, ['members:erase']);
    const r = await inject({
      method: 'POST',
      url: `/api/v1/members/${id}/erase`,
      headers: { ...key, cookie: owner.cookie, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(r.statusCode, r.body).toBe(200);
  });

  it('refuses signing out from another page (the logout clears the cookie) and keeps the session', async () => {
    const s = await staffSession(kith, 'analyst');
    const r = await inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie, origin: 'http://127.0.0.1:8088' },
    });
    expect(r.statusCode).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
    expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(
      200,
    );
  });

  it('refuses a sign-in posted from another origin (login CSRF), and sets no cookie', async () => {
    const s = await staffSession(kith, 'operator');
    const body = { email: s.email, password: s.password };
    for (const headers of [
      { origin: 'http://127.0.0.1:8088' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ]) {
      const r = await inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: body });
      expect(r.statusCode, JSON.stringify(headers)).toBe(403);
      expect(r.json().code).toBe('CSRF_REJECTED');
      expect(r.headers['set-cookie']).toBeUndefined();
    }
    // The console's own sign-in and a script's (no Origin at all) still work.
    expect(
      (
        await inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { origin: 'http://localhost' },
          payload: body,
        })
      ).statusCode,
    ).toBe(200);
    expect((await inject({ method: 'POST', url: '/api/v1/auth/login', payload: body })).statusCode).toBe(200);
  });

  it('refuses a first-run setup posted from another origin', async () => {
    const r = await inject({
      method: 'POST',
      url: '/api/v1/setup',
      headers: { origin: 'http://127.0.0.1:8088' },
      payload: { token: 'x', email: 'o@example.com', name: 'O', password: 'a long enough passphrase 1' },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('CSRF_REJECTED');
  });
});

describe('the rules', () => {
  const base: RequestFacts = {
    origin: undefined,
    secFetchSite: undefined,
    contentType: undefined,
    requestHeader: undefined,
    allowedOrigins: ['http://localhost:3000'],
  };
  it.each([
    [{ origin: 'http://localhost:3000', contentType: 'application/json; charset=utf-8' }, null],
    [{ origin: 'http://localhost:3000', contentType: 'application/merge-patch+json' }, null],
    [{ origin: 'http://localhost:3000', requestHeader: '1' }, null],
    [{ secFetchSite: 'same-origin', requestHeader: '1' }, null],
    [{ origin: 'http://localhost:3001', requestHeader: '1' }, 'another origin'],
    [{ origin: 'http://LOCALHOST:3000/', requestHeader: '1' }, null],
    [{ origin: 'not a url', requestHeader: '1' }, 'another origin'],
    [{ origin: 'http://localhost:3000', contentType: 'text/plain' }, 'neither JSON'],
    [{ origin: 'http://localhost:3000', contentType: 'multipart/form-data; boundary=x' }, 'neither JSON'],
    [{ requestHeader: '1', contentType: 'application/json' }, 'neither an Origin'],
  ] as [Partial<RequestFacts>, string | null][])('cookie write %o → %s', (f, refusal) => {
    const r = cookieWriteRefusal({ ...base, ...f });
    if (refusal === null) expect(r).toBeNull();
    else expect(r).toContain(refusal);
  });

  it('lets scripts sign in (no Origin, no Sec-Fetch-Site) but not other origins', () => {
    expect(publicWriteRefusal(base)).toBeNull();
    expect(publicWriteRefusal({ ...base, secFetchSite: 'none' })).toBeNull();
    expect(publicWriteRefusal({ ...base, origin: 'http://localhost:3000' })).toBeNull();
    expect(publicWriteRefusal({ ...base, origin: 'http://127.0.0.1:3000' })).toContain('another origin');
    expect(publicWriteRefusal({ ...base, secFetchSite: 'cross-site' })).toContain('Sec-Fetch-Site');
  });
});

describe('the API documentation page', () => {
  it('marks its "try it out" requests like the console, so they pass the guard', async () => {
    const js = await inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(js.statusCode).toBe(200);
    expect(js.body).toMatch(/requestInterceptor[\s\S]*X-Kith-Request/);
  });
});
