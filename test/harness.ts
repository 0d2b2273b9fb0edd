import crypto from 'node:crypto';
import pg from 'pg';
import type { InjectOptions } from 'fastify';
import { loadConfig, type Config } from '../src/kernel/config.js';
import { openDatabase, type Database } from '../src/kernel/db/database.js';
import { createKith, type Kith } from '../src/app.js';
import { createLogger, type Logger } from '../src/kernel/logger.js';
import { systemActor, type ActorContext } from '../src/kernel/context.js';
import type { Clock } from '../src/kernel/clock.js';

/**
 * Test databases: a fresh database per test file (created for it, dropped after) on the server
 * TEST_DATABASE_URL names — the throwaway embedded server test/global-setup.ts starts, unless
 * another PostgreSQL is named — or, with KITH_TEST_PGLITE=1, an in-memory PGlite.
 */
export const onPostgres = !!process.env.TEST_DATABASE_URL;

export async function openTestDatabase(): Promise<Database & { url?: string; dropAll(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const d = await openDatabase({ dataDir: 'memory://' });
    return Object.assign(d, { dropAll: () => d.close() });
  }
  const empty = await createEmptyDatabase('kith_test');
  const d = await openDatabase({ databaseUrl: empty.url, poolSize: 20 });
  return Object.assign(d, {
    url: empty.url,
    dropAll: async () => {
      await d.close();
      await empty.drop();
    },
  });
}

/** A new, empty database on the test server (TEST_DATABASE_URL), with nothing connected to it. */
export async function createEmptyDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({ KITH_LOG_LEVEL: 'silent' }, { jobsEnabled: false, ...overrides });
}

export interface TestKith extends Kith {
  dispose(): Promise<void>;
}

export async function startTestKith(
  opts: { clock?: Clock; config?: Partial<Config>; log?: Logger } = {},
): Promise<TestKith> {
  const database = await openTestDatabase();
  const kith = await createKith({
    config: testConfig(opts.config),
    database,
    clock: opts.clock,
    log: opts.log ?? createLogger('silent'),
  });
  return Object.assign(kith, {
    async dispose() {
      await kith.close();
      await database.dropAll();
    },
  });
}

export const systemCtx: ActorContext = { actor: systemActor('test'), requestId: null };

let counter = 0;

/**
 * What the console's own requests carry besides the cookie: their origin (app.inject's default host
 * is localhost:80) and the X-Kith-Request header. Cookie-borne writes without them are refused as
 * cross-site forgeries (src/http/csrf.ts).
 */
export const SAME_ORIGIN = { origin: 'http://localhost', 'x-kith-request': '1' } as const;

/** Creates a staff account and signs it in; returns the cookie, and headers as the console sends them. */
export async function staffSession(
  kith: Kith,
  role: 'owner' | 'admin' | 'operator' | 'analyst' | 'community_manager',
  communityIds: number[] = [],
) {
  const email = `${role}${++counter}-${crypto.randomBytes(3).toString('hex')}@example.com`;
  const password = 'correct horse battery staple';
  const staff = await kith.access.createStaff(systemCtx, {
    email,
    name: `${role} ${counter}`,
    role,
    password,
    communityIds,
  });
  const res = await kith.http.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return { staff, email, password, cookie, headers: { cookie, ...SAME_ORIGIN } };
}

export async function apiKeyHeaders(kith: Kith, scopes: string[]) {
  const r = await kith.access.createApiKey(systemCtx, { name: `test ${++counter}`, scopes });
  return { authorization: `Bearer ${r.key}` };
}

/** `app.inject` bound to a Kith, typed for tests. */
export const injector = (kith: Kith) => (o: InjectOptions) => kith.http.app.inject(o);
