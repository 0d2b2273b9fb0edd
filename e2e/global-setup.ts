import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Credentials, E2EEnv } from './support.js';

/**
 * Starts Kith the way an operator does — `kith start --demo` on a fresh data folder and a free
 * port — so the run also proves the console build hook, static serving and the demo loader. Then
 * signs in as the demo owner and creates the staff accounts the flows need through the API.
 *
 * KITH_E2E_DATA_DIR=/some/dir keeps the loaded demo between runs (faster local iterations).
 */
const root = path.resolve(import.meta.dirname, '..');
let child: ChildProcess | null = null;
let tmpDir: string | null = null;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function startKith(dataDir: string, port: number): Promise<{ owner: Credentials | null }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['bin/kith.mjs', 'start', '--demo'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        KITH_DATA_DIR: dataDir,
        KITH_LOG_LEVEL: 'warn',
        KITH_PUBLIC_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = p;
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Kith did not start within 6 minutes:\n${out}`)), 360_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (/Kith is running at/.test(out)) {
        clearTimeout(timer);
        const email = /email:\s+(\S+)/.exec(out)?.[1];
        const password = /password:\s+(\S+)/.exec(out)?.[1];
        resolve({ owner: email && password ? { email, password } : null });
      }
    };
    p.stdout!.on('data', onData);
    p.stderr!.on('data', (b: Buffer) => {
      out += b.toString();
    });
    p.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Kith exited (${code}) before it was ready:\n${out}`));
    });
  });
}

async function signIn(baseUrl: string, c: Credentials): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(c),
  });
  if (!res.ok) throw new Error(`login of ${c.email} failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function ensureStaff(baseUrl: string, cookie: string, role: string): Promise<Credentials> {
  // The password policy refuses a password holding the account name (the role, here).
  const c = { email: `${role}@e2e.kith.dev`, password: 'e2e staff passphrase 2024' };
  const res = await fetch(`${baseUrl}/api/v1/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: new URL(baseUrl).origin },
    body: JSON.stringify({ ...c, name: role === 'analyst' ? '数据分析 王敏' : '运营 陈晨', role }),
  });
  if (!res.ok && res.status !== 409) throw new Error(`creating the ${role} failed: ${res.status} ${await res.text()}`);
  return c;
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync('/usr/bin/chromium')) throw new Error('Chromium is missing: apt-get install -y chromium');
  // Build before starting, so the first-start build time does not count against the start timeout.
  // NODE_ENV is `test` under Vitest; Vite would then bundle React and antd in development mode.
  const build = spawnSync(process.execPath, ['scripts/build-web.mjs', '--if-needed'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('the console build failed');

  const keep = process.env.KITH_E2E_DATA_DIR;
  const dataDir = keep ? path.resolve(keep) : (tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-e2e-')));
  const ownerFile = path.join(dataDir, 'e2e-owner.json');
  const port = await freePort();
  const started = Date.now();
  const { owner: printed } = await startKith(dataDir, port);
  if (printed) fs.writeFileSync(ownerFile, JSON.stringify(printed));
  const owner: Credentials = printed ?? JSON.parse(fs.readFileSync(ownerFile, 'utf8'));
  const baseUrl = `http://127.0.0.1:${port}`;
  console.log(
    `e2e: Kith with the demo community ready at ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const cookie = await signIn(baseUrl, owner);
  const env: E2EEnv = {
    baseUrl,
    owner,
    operator: await ensureStaff(baseUrl, cookie, 'operator'),
    analyst: await ensureStaff(baseUrl, cookie, 'analyst'),
    artifacts: path.join(root, 'test-artifacts'),
    dataDir,
  };
  fs.mkdirSync(env.artifacts, { recursive: true });
  project.provide('e2e', env);

  return async () => {
    if (child && child.exitCode === null) {
      child.removeAllListeners('exit');
      await new Promise<void>((resolve) => {
        child!.once('exit', () => resolve());
        child!.kill('SIGTERM');
        setTimeout(() => {
          child?.kill('SIGKILL');
          resolve();
        }, 10_000);
      });
    }
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2EEnv;
  }
}
