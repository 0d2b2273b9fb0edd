import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedServer, type EmbeddedServer } from '../src/kernel/db/embedded-server.js';

/**
 * The suite runs on the PostgreSQL server Kith runs itself, as `npm start` does: one throwaway
 * server for the run, a database per test file (test/harness.ts). TEST_DATABASE_URL points the
 * suite at another PostgreSQL instead (CI: PostgreSQL 15, the oldest supported);
 * KITH_TEST_PGLITE=1 runs it on in-memory PGlite, which Kith keeps only to read data folders of
 * earlier versions.
 */
let server: EmbeddedServer | null = null;
let dir: string | null = null;

export async function setup() {
  if (process.env.TEST_DATABASE_URL || process.env.KITH_TEST_PGLITE === '1') return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-test-pg-'));
  server = await startEmbeddedServer({ dataDir: dir });
  const u = new URL(server.url);
  u.pathname = '/postgres';
  // Forked test workers start after this and inherit it.
  process.env.TEST_DATABASE_URL = u.toString();
}

export async function teardown() {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
