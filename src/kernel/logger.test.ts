import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from './logger.js';
import { startTestKith, staffSession, type TestKith } from '../../test/harness.js';

describe('secrets in logged URLs', () => {
  it.each([
    ['/setup?token=abc123', '/setup?token=[redacted]'],
    ['/x?q=%E5%B0%8F%E6%9E%97&api_key=kith_abc&limit=5', '/x?q=%E5%B0%8F%E6%9E%97&api_key=[redacted]&limit=5'],
    [
      '/x?access_token=a&Secret=b&password=c&sig=d',
      '/x?access_token=[redacted]&Secret=[redacted]&password=[redacted]&sig=[redacted]',
    ],
    ['/x?tok%65n=abc', '/x?tok%65n=[redacted]'],
    ['/members?sort=last_active_at&cursor=42', '/members?sort=last_active_at&cursor=42'],
    ['/healthz', '/healthz'],
  ])('%s → %s', (url, logged) => expect(redactUrl(url)).toBe(logged));
});

describe('the request log', () => {
  let kith: TestKith;
  const lines: string[] = [];
  afterAll(async () => {
    await kith?.dispose();
  });

  it('never holds the first-run setup token, a password, a cookie or an API key', async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    kith = await startTestKith({ log: createLogger('trace', sink) });
    const token = await kith.access.issueSetupToken();
    await kith.http.app.inject({ method: 'GET', url: `/setup?token=${token}` });
    await kith.http.app.inject({ method: 'GET', url: `/api/v1/setup?token=${token}` });
    await kith.http.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { token, email: 'owner@example.com', name: 'Owner', password: 'a long owner passphrase' },
    });
    const s = await staffSession(kith, 'admin');
    const created = await kith.http.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: s.headers,
      payload: { name: 'shop', scopes: ['audit:read'] },
    });
    const key = created.json().key as string;
    await kith.http.app.inject({
      method: 'GET',
      url: `/api/v1/audit?api_key=${key}`,
      headers: { authorization: `Bearer ${key}` },
    });

    const log = lines.join('');
    expect(log).toContain('incoming request');
    expect(log).toContain('/setup?token=[redacted]');
    for (const secret of [token, 'a long owner passphrase', s.password, s.cookie.split('=')[1]!, key])
      expect(log).not.toContain(secret);
  });
});
