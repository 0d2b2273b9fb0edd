import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: null,
      timeZone: 'Asia/Shanghai',
      cookieSecure: false,
      jobsEnabled: true,
    });
  });

  it('names every invalid setting at once and never prints the database URL', () => {
    let err: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        KITH_TIME_ZONE: 'Mars/Olympus',
        DATABASE_URL: 'mysql://root:hunter2@db/kith',
        KITH_COOKIE_SECURE: 'maybe',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toContain('PORT="eighty" must be a whole number from 0 to 65535');
    expect(msg).toContain('KITH_TIME_ZONE="Mars/Olympus" must be an IANA time zone');
    expect(msg).toContain('DATABASE_URL=<hidden> must start with postgres://');
    expect(msg).toContain('KITH_COOKIE_SECURE="maybe" must be true or false');
    expect(msg).not.toContain('hunter2');
  });

  it('reads PostgreSQL and booleans', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://kith@localhost/kith',
      KITH_JOBS: 'off',
      KITH_COOKIE_SECURE: 'yes',
    });
    expect(c).toMatchObject({ databaseUrl: 'postgres://kith@localhost/kith', jobsEnabled: false, cookieSecure: true });
  });

  it('reads KITH_TRUST_PROXY as off, a hop count or a list of addresses, and refuses anything else by name', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ KITH_TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ KITH_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ KITH_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1, fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.example.com', '99', ',']) {
      expect(() => loadConfig({ KITH_TRUST_PROXY: bad }), bad).toThrow(
        /KITH_TRUST_PROXY=.* must be off, a number of proxy hops/,
      );
    }
  });

  it('refuses a KITH_PUBLIC_URL that is not an http(s) address', () => {
    expect(loadConfig({ KITH_PUBLIC_URL: 'https://kith.example.com' }).publicUrl).toBe('https://kith.example.com');
    expect(() => loadConfig({ KITH_PUBLIC_URL: 'kith.example.com' })).toThrow(
      /KITH_PUBLIC_URL="kith.example.com" must be a URL/,
    );
    expect(() => loadConfig({ KITH_PUBLIC_URL: 'ftp://kith.example.com' })).toThrow(/must start with http/);
  });
});
