import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createKith } from '../app.js';
import { listenProblem } from './start.command.js';
import { openDatabase } from '../kernel/db/database.js';
import { createLogger } from '../kernel/logger.js';
import { packageRoot } from '../kernel/paths.js';
import { testConfig } from '../../test/harness.js';

const dirs: string[] = [];
const tempDataDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-start-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** `kith start` as a child process (sources through tsx, without the console build step). */
function kithStart(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
      cwd: packageRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        KITH_LOG_LEVEL: 'warn',
        KITH_PUBLIC_URL: '',
        DATABASE_URL: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => {
      stdout += String(b);
    });
    child.stderr.on('data', (b) => {
      stderr += String(b);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kith start did not exit:\n${stdout}\n${stderr}`));
    }, 90_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('kith start when it cannot start', () => {
  it('on a busy port: one clear line naming the port and PORT, a non-zero exit, and the data folder unlocked', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as net.AddressInfo).port;
    const dataDir = tempDataDir();
    try {
      const r = await kithStart({ PORT: String(port), HOST: '127.0.0.1', KITH_DATA_DIR: dataDir });
      expect(r.code).toBe(1);
      const lines = r.stderr.split('\n').filter((l) => l.trim());
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toContain(`port ${port}`);
      expect(lines[0]).toContain('PORT');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(fs.existsSync(path.join(dataDir, 'kith.lock'))).toBe(false);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  }, 120_000);

  it('when the database refuses to migrate: the embedded database is closed and unlocked', async () => {
    const dataDir = tempDataDir();
    const db = await openDatabase({ dataDir });
    await sql`create table kith_migrations (name text primary key, checksum text not null, applied_at timestamptz not null default now())`.execute(
      db.db,
    );
    await sql`insert into kith_migrations (name, checksum) values ('9999_from_the_future.sql', 'x')`.execute(db.db);
    await db.close();
    await expect(createKith({ config: testConfig({ dataDir }), log: createLogger('silent') })).rejects.toThrow(
      /migrations this version of Kith does not know/,
    );
    expect(fs.existsSync(path.join(dataDir, 'kith.lock'))).toBe(false);
    // And the folder opens again in this same process.
    const again = await openDatabase({ dataDir });
    await again.close();
  }, 60_000);

  it.each([
    ['EACCES', /not allowed to listen on port 80 on 0\.0\.0\.0 .*PORT=/],
    ['EADDRNOTAVAIL', /cannot listen on HOST=0\.0\.0\.0/],
    ['ENOTFOUND', /cannot listen on HOST=0\.0\.0\.0/],
  ])('names the setting to change when listening fails with %s', (code, message) => {
    expect(listenProblem(Object.assign(new Error('listen'), { code }), { port: 80, host: '0.0.0.0' })?.message).toMatch(
      message,
    );
    expect(listenProblem(new Error('other'), { port: 80, host: '0.0.0.0' })).toBeNull();
  });
});
