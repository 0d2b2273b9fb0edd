import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/kernel/db/database.js';
import { migrate } from '../src/kernel/db/migrator.js';
import { packageRoot } from '../src/kernel/paths.js';

/** A fresh, migrated database of the requested kind for one benchmark run. */
export async function benchDatabase(kind: 'pglite' | 'postgres', opts: { poolSize?: number } = {}): Promise<{ database: Database; dispose(): Promise<void> }> {
  if (kind === 'pglite') {
    // On disk, as `npm start` runs it: an in-memory database would also count the data in RSS.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-bench-'));
    const database = await openDatabase({ dataDir: dir });
    await migrate(database);
    return {
      database,
      async dispose() {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.BENCH_DATABASE_URL ?? execFileSync(path.join(packageRoot, 'scripts/pg-temp.sh'), ['start'], { encoding: 'utf8' }).trim();
  const name = `kith_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: opts.poolSize ?? 8 });
  await migrate(database);
  return {
    database,
    async dispose() {
      await database.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** Peak resident set size of this process so far. */
export const peakRss = () => process.resourceUsage().maxRSS * 1024;

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}
