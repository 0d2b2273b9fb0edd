/**
 * API benchmark: Kith as `npm start` runs it — the real `kith start` in a child process, on its
 * own PostgreSQL in a throwaway data folder — loaded with the analytics bench's community
 * (bench/community-data.ts; 500,000 members and 10,000,000 activities at scale 1), then asked over
 * HTTP by a load tool (autocannon) with signed-in console sessions:
 * 1. cold start: a new data folder to /healthz 200 (the server is created), and at the end the
 *    same folder again (an existing workspace);
 * 2. reads alone: the member list (first page, and a filtered search), the overview and the
 *    engagement dashboard, 50 connections for 30 s each: req/s, p50/p99, errors and timeouts;
 * 3. the same reads (and /healthz) while a 200,000-member import (a CSV uploaded to
 *    POST /imports/members) and a 1,000,000-activity ingest (POST /activities, 2 clients) run:
 *    the upload's answer time, the import's progress read every second, p99 of every read;
 * 4. peak memory of Kith (the child's peak RSS) and of its PostgreSQL (the largest sum of the
 *    server's processes' proportional set sizes, sampled every second).
 * Results are checked before figures are printed: every answer 2xx; the reads return what the
 * database holds; the import creates every member and the ingest every activity.
 * There is no reference side here: the targets are absolute (p99 ≤ 250 ms alone, ≤ 1 s and
 * /healthz ≤ 50 ms under the import and ingest), and the ingest rate against COPY on the same
 * server is the ingest bench's (`npm run bench -- ingest --db embedded`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import autocannon from 'autocannon';
import { createKith } from '../src/app.js';
import { loadConfig } from '../src/kernel/config.js';
import { createLogger } from '../src/kernel/logger.js';
import { systemActor } from '../src/kernel/context.js';
import { openDatabase } from '../src/kernel/db/database.js';
import { packageRoot } from '../src/kernel/paths.js';
import { describeShape, generateCommunity } from './community-data.js';
import { check, checkEqual, fmt, mib, record, timed } from './support.js';
import type { BenchOptions } from './run.js';

const NOW = '2026-12-01T12:00:00+08:00';
const TZ = 'Asia/Shanghai';
/** NOW's day in TZ. */
const TODAY = '2026-12-01';
const dayBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const ctx = { actor: systemActor('bench'), requestId: null };
/** Seconds each read is loaded for (BENCH_API_SECONDS shortens it while working on the bench). */
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 30);
const SKIP_READS = process.env.BENCH_API_SKIP_READS === '1';
/**
 * A stopped data folder filled earlier (by this bench's generator) to copy instead of generating
 * one, while working on the bench: the first start is then on an existing folder, not a new one.
 */
const PREPARED = process.env.BENCH_API_DATA;
const CONNECTIONS = 50;
const INGEST_BATCH = 10_000;
const INGEST_SOURCE = 'bench-api';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/** `kith start` on `dataDir`, timed from the spawn to the first /healthz 200. */
async function startKith(dataDir: string, port: number): Promise<{ child: ChildProcess; ms: number; base: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KITH_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    KITH_LOG_LEVEL: 'warn',
    KITH_TIME_ZONE: TZ,
  };
  delete env.DATABASE_URL;
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(packageRoot, 'bin/kith.mjs'), 'start'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`kith start exited with ${child.exitCode}: ${stderr}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { child, ms: performance.now() - t0, base };
    if (performance.now() - t0 > 120_000) throw new Error(`kith start: no /healthz after 120 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function stopKith(child: ChildProcess): Promise<number> {
  const t0 = performance.now();
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return performance.now() - t0;
}

/** Memory of Kith's process and of its PostgreSQL's processes, sampled every second. */
function memorySampler(kithPid: () => number | undefined, postmasterPidFile: string) {
  let dbPeak = 0;
  let kithPeak = 0;
  const kb = (text: string, field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
  const read = (p: string) => {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return '';
    }
  };
  const sample = () => {
    const kp = kithPid();
    if (kp) kithPeak = Math.max(kithPeak, kb(read(`/proc/${kp}/status`), 'VmHWM'));
    const postmaster = Number(read(postmasterPidFile).split('\n')[0]);
    if (!postmaster) return;
    // The postmaster and its children (backends, writer, checkpointer, …): PSS shares the shared buffers out fairly.
    let pss = kb(read(`/proc/${postmaster}/smaps_rollup`), 'Pss');
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      const stat = read(`/proc/${d}/stat`);
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) pss += kb(read(`/proc/${d}/smaps_rollup`), 'Pss');
    }
    dbPeak = Math.max(dbPeak, pss);
  };
  const timer = setInterval(sample, 1000);
  return { sample, stop: () => clearInterval(timer), peaks: () => ({ kith: kithPeak, db: dbPeak }) };
}

interface Load {
  name: string;
  path: string;
  connections: number;
  /** Paths asked in turn instead of `path`: reads no two of which can share a computation. */
  paths?: string[];
}

interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** Runs autocannon against each path concurrently until `until` settles (or for `seconds`). */
async function load(
  base: string,
  cookie: string,
  loads: Load[],
  opts: { seconds?: number; until?: Promise<unknown> },
): Promise<LoadResult[]> {
  const runs = loads.map((l) => {
    let instance: autocannon.Instance | undefined;
    let next = 0;
    const done = new Promise<LoadResult>((resolve, reject) => {
      instance = autocannon(
        {
          url: base + l.path,
          connections: l.connections,
          duration: opts.seconds ?? 3600,
          timeout: 10,
          headers: { cookie },
          ...(l.paths
            ? {
                requests: [
                  { setupRequest: (req: autocannon.Request) => ({ ...req, path: l.paths![next++ % l.paths!.length] }) },
                ],
              }
            : {}),
        },
        (err, r) => {
          if (err) return reject(err);
          resolve({
            name: l.name,
            rps: r.requests.average,
            p50: r.latency.p50,
            p99: r.latency.p99,
            max: r.latency.max,
            requests: r.requests.total,
            errors: r.errors,
            timeouts: r.timeouts,
            non2xx: r.non2xx,
          });
        },
      );
    });
    return { done, stop: () => instance?.stop() };
  });
  if (opts.until) {
    await opts.until.finally(() => runs.forEach((r) => r.stop()));
  }
  return Promise.all(runs.map((r) => r.done));
}

/** A members CSV of `n` rows, as an operator exports one from another tool: nickname, phone, WeChat id, tags, community. */
function membersCsv(file: string, n: number, communities: string[]) {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, '昵称,手机号,微信号,标签,社群\n');
  let chunk = '';
  for (let i = 0; i < n; i++) {
    chunk += `导入会员${i},138${String(i).padStart(8, '0')},wx_import_${i},${i % 3 === 0 ? '老客户' : '新客'},${communities[i % communities.length]}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

export async function run(opts: BenchOptions) {
  if (opts.db === 'postgres')
    console.log("(the API bench always runs on Kith's own PostgreSQL, as `npm start` does; --db is ignored)");
  const members = Math.round(500_000 * opts.scale);
  const importRows = Math.round(200_000 * opts.scale);
  const ingestRows = Math.round(1_000_000 * opts.scale);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-bench-api-'));
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  let kithProcess: ChildProcess | undefined;
  // However the bench ends, the Kith it started stops (and stops its PostgreSQL).
  process.once('exit', () => kithProcess?.kill('SIGTERM'));
  console.log(
    `API benchmark on Kith's own PostgreSQL (scale ${opts.scale}): ${fmt(members)} members, ${fmt(members * 20)} activities; ${CONNECTIONS} signed-in connections, ${SECONDS} s per read`,
  );
  try {
    // `kith start` builds the console first when its sources changed (once after an install or an
    // update): done here beforehand, so the start measured is the server's.
    // @ts-expect-error: a plain ES module of the build scripts, without types
    await (await import('../scripts/build-web.mjs')).buildConsoleIfNeeded();
    // cp -a keeps the owner: run as root, Kith's PostgreSQL runs as the postgres user.
    if (PREPARED) execFileSync('cp', ['-a', PREPARED, dataDir]);
    const cold = await startKith(dataDir, port);
    kithProcess = cold.child;
    const memory = memorySampler(() => kithProcess?.pid, path.join(dataDir, 'pg', 'postmaster.pid'));
    console.log(
      `\n1. cold start, ${PREPARED ? `a copy of ${PREPARED}` : 'new data folder (the server created, migrations run)'} → /healthz 200 in ${(cold.ms / 1000).toFixed(1)} s`,
    );

    // The bench connects to the running server as any CLI command does, and fills it.
    const database = await openDatabase({ dataDir, poolSize: 4 });
    const kith = await createKith({
      config: loadConfig({ KITH_LOG_LEVEL: 'silent', KITH_TIME_ZONE: TZ }, { jobsEnabled: false }),
      database,
      log: createLogger('silent'),
    });
    const db = database.db;
    let analyst: string;
    let key: string;
    let communities: { id: number; name: string }[];
    try {
      const kinds = (await kith.analytics.service.settings()).meaningfulKinds;
      if (!PREPARED) {
        const gen = await timed(() =>
          generateCommunity(database, { members, now: NOW, tz: TZ, meaningfulKinds: kinds }),
        );
        console.log(`   data generated in ${(gen.ms / 1000).toFixed(0)} s:`);
        for (const line of describeShape(gen.value)) console.log(`   - ${line}`);
        const rebuild = await timed(() => kith.analytics.service.rebuildRollups());
        await sql`analyze`.execute(db);
        console.log(`   rollups built from raw history in ${(rebuild.ms / 1000).toFixed(0)} s`);
      }
      const email = `analyst-${Date.now()}@bench.example`;
      const password = 'correct horse battery staple';
      await kith.access.createStaff(ctx, { email, name: '分析师', role: 'analyst', password, communityIds: [] });
      const login = await fetch(`${cold.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      checkEqual(login.status, 200, 'sign-in of the analyst');
      analyst = String(login.headers.get('set-cookie')).split(';')[0]!;
      key = (await kith.access.createApiKey(ctx, { name: 'bench', scopes: ['activities:write', 'imports:write'] })).key;
      communities = (
        await sql<{ id: number; name: string }>`select id::int as id, name from communities order by id`.execute(db)
      ).rows;
    } finally {
      await kith.close();
    }
    const get = async (p: string, headers: Record<string, string> = { cookie: analyst }) => {
      const t0 = performance.now();
      const r = await fetch(cold.base + p, { headers });
      const body = await r.text();
      check(r.status === 200, `GET ${p} answered ${r.status}: ${body.slice(0, 300)}`);
      return { ms: performance.now() - t0, json: JSON.parse(body) as any };
    };

    // What the reads answer, checked against the database once before they are loaded.
    const busiest = (
      await sql<{ c: number; n: number }>`
      select community_id::int as c, count(*)::int as n from community_memberships where left_at is null group by 1 order by 2 desc limit 1`.execute(
        db,
      )
    ).rows[0]!;
    const filtered = `/api/v1/members?communityId=${busiest.c}&sort=last_active_at&order=desc&limit=50`;
    const live = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from members where merged_into is null and erased_at is null`.execute(db)
    ).rows[0]!.n;
    const first = (await get('/api/v1/members')).json;
    checkEqual(first.items.length, 50, 'members: first page size');
    const search = (await get(filtered)).json;
    checkEqual(search.items.length, Math.min(50, busiest.n), `members in community ${busiest.c}: first page size`);
    const inCommunity = (
      await sql<{ n: number }>`
      select count(*)::int as n from community_memberships where left_at is null and community_id = ${busiest.c} and member_id = any(${search.items.map((m: { id: number }) => m.id)}::bigint[])`.execute(
        db,
      )
    ).rows[0]!.n;
    checkEqual(inCommunity, search.items.length, `members listed for community ${busiest.c} that are in it`);
    const overview = (await get('/api/v1/overview')).json;
    checkEqual(overview.members.total, live, 'overview: members (live profiles in the database)');
    const engagement = (await get('/api/v1/analytics/engagement')).json;
    check(
      engagement.activeMembers > 0 && engagement.activeMembers <= live,
      `engagement: implausible active members ${engagement.activeMembers}`,
    );

    const reads: Load[] = [
      { name: 'members, first page', path: '/api/v1/members', connections: CONNECTIONS },
      { name: 'members, filtered (a community, by last active)', path: filtered, connections: CONNECTIONS },
      { name: 'overview', path: '/api/v1/overview', connections: CONNECTIONS },
      { name: 'engagement dashboard', path: '/api/v1/analytics/engagement', connections: CONNECTIONS },
    ];
    // Identical reads arriving together share one computation (kernel/single-flight.ts); these ask
    // 50 different 30-day periods in turn, so every request is computed on its own.
    const periods = Array.from(
      { length: CONNECTIONS },
      (_, k) => `from=${dayBefore(TODAY, 29 + k)}&to=${dayBefore(TODAY, k)}`,
    );
    const distinct: Load[] = [
      {
        name: 'overview, 50 different periods',
        path: '/api/v1/overview',
        connections: CONNECTIONS,
        paths: periods.map((q) => `/api/v1/overview?${q}`),
      },
      {
        name: 'engagement dashboard, 50 different periods',
        path: '/api/v1/analytics/engagement',
        connections: CONNECTIONS,
        paths: periods.map((q) => `/api/v1/analytics/engagement?${q}`),
      },
    ];
    console.log(
      `\n2. reads alone, ${CONNECTIONS} connections for ${SECONDS} s each (checked first: the pages list what the database holds; overview members ${fmt(live)})`,
    );
    const alone: LoadResult[] = [];
    for (const l of SKIP_READS ? [] : [...reads, ...distinct]) {
      const [r] = await load(cold.base, analyst, [l], { seconds: SECONDS });
      alone.push(r!);
      printLoad(r!, 250);
    }

    // 3. The same reads (fewer connections each, 50 in all with /healthz) while an import and an ingest run.
    const csv = path.join(dir, 'members-import.csv');
    membersCsv(
      csv,
      importRows,
      communities.map((c) => c.name),
    );
    const pairs = (
      await sql<{ m: number; c: number }>`
      select cm.member_id::int as m, cm.community_id::int as c from community_memberships cm join members x on x.id = cm.member_id
      where cm.left_at is null and x.merged_into is null and x.erased_at is null order by cm.id limit 100000`.execute(
        database.db,
      )
    ).rows;
    const auth = { authorization: `Bearer ${key}` };
    const progress: { ms: number; processed: number; status: string }[] = [];
    let importId = 0;
    let acceptedMs = 0;
    let ingestMs = 0;
    let ingested = { created: 0, duplicates: 0, rejected: 0 };
    const work = (async () => {
      const form = new FormData();
      form.append('options', JSON.stringify({ timeZone: TZ }));
      form.append('file', new Blob([fs.readFileSync(csv)], { type: 'text/csv' }), 'members-import.csv');
      const t0 = performance.now();
      const started = await fetch(`${cold.base}/api/v1/imports/members`, { method: 'POST', headers: auth, body: form });
      acceptedMs = performance.now() - t0;
      const body = await started.text();
      check(started.status === 202, `import answered ${started.status}: ${body.slice(0, 300)}`);
      importId = JSON.parse(body).id;
      const ingest = (async () => {
        const t = performance.now();
        const batches = Math.ceil(ingestRows / INGEST_BATCH);
        let next = 0;
        const client = async () => {
          for (let b = next++; b < batches; b = next++) {
            const items = [];
            for (let i = b * INGEST_BATCH; i < Math.min(ingestRows, (b + 1) * INGEST_BATCH); i++) {
              const p = pairs[i % pairs.length]!;
              items.push({
                externalId: `api-${i}`,
                kind: i % 10 === 0 ? 'check_in' : 'message',
                channel: 'wechat',
                memberId: p.m,
                communityId: p.c,
                occurredAt: new Date(Date.parse('2026-11-01T00:00:00Z') + (i % 2_000_000) * 1000).toISOString(),
                properties: i % 10 === 0 ? {} : { text: `第${i}条` },
              });
            }
            const r = await fetch(`${cold.base}/api/v1/activities`, {
              method: 'POST',
              headers: { ...auth, 'content-type': 'application/json' },
              body: JSON.stringify({ source: INGEST_SOURCE, items }),
            });
            const s = (await r.json()) as { created: number; duplicates: number; rejected: number };
            check(r.status === 200, `ingest answered ${r.status}: ${JSON.stringify(s).slice(0, 600)}`);
            ingested = {
              created: ingested.created + s.created,
              duplicates: ingested.duplicates + s.duplicates,
              rejected: ingested.rejected + s.rejected,
            };
          }
        };
        await Promise.all([client(), client()]);
        ingestMs = performance.now() - t;
      })();
      ingest.catch(() => {}); // awaited below, after the import: a failure must not go unhandled meanwhile
      // The import's progress, read every second until it ends.
      for (;;) {
        const r = await get(`/api/v1/imports/${importId}`, auth);
        progress.push({ ms: r.ms, processed: r.json.processedRows, status: r.json.status });
        if (r.json.status !== 'running') break;
        await new Promise((res) => setTimeout(res, 1000));
      }
      await ingest;
    })();
    const during = await load(
      cold.base,
      analyst,
      [{ name: '/healthz', path: '/healthz', connections: 10 }, ...reads.map((l) => ({ ...l, connections: 10 }))],
      { until: work },
    );
    await work;
    const report = (await get(`/api/v1/imports/${importId}`, auth)).json;
    checkEqual(
      { status: report.status, rejected: report.rejectedRows, total: report.totalRows },
      { status: 'completed', rejected: 0, total: importRows },
      'the import',
    );
    checkEqual(report.createdRows + report.updatedRows, importRows, 'members the import created or updated');
    checkEqual(
      ingested,
      { created: ingestRows, duplicates: 0, rejected: 0 },
      'the ingest (created, duplicates, rejected)',
    );
    const stored = (
      await sql<{ n: number }>`select count(*)::int as n from activities where source = ${INGEST_SOURCE}`.execute(
        database.db,
      )
    ).rows[0]!.n;
    checkEqual(stored, ingestRows, 'activities of the ingest counted in the database');
    const readsDuring = progress.length;
    const advancing = progress.filter((p, i) => i > 0 && p.processed > progress[i - 1]!.processed).length;
    const worstProgress = Math.max(...progress.map((p) => p.ms));
    console.log(
      `\n3. while a ${fmt(importRows)}-member import and a ${fmt(ingestRows)}-activity ingest (2 clients, batches of ${fmt(INGEST_BATCH)}) run; 50 connections: /healthz 10, each read 10`,
    );
    console.log(
      `   import: upload of ${mib(fs.statSync(csv).size)} answered 202 in ${acceptedMs.toFixed(0)} ms; progress read ${readsDuring} times, slowest ${worstProgress.toFixed(0)} ms, advancing ${advancing} times; ${fmt(report.createdRows)} created, ${fmt(report.updatedRows)} updated`,
    );
    console.log(
      `   ingest: ${fmt(ingestRows)} activities in ${(ingestMs / 1000).toFixed(1)} s = ${fmt(ingestRows / (ingestMs / 1000))}/s over HTTP, under the read load and the import, every row counted in the database`,
    );
    for (const r of during) printLoad(r, r.name === '/healthz' ? 50 : 1000);
    await database.close();

    // 4. Restart on the folder just filled.
    memory.sample();
    const stopMs = await stopKith(kithProcess);
    kithProcess = undefined;
    const warm = await startKith(dataDir, port);
    kithProcess = warm.child;
    console.log(
      `\n4. stop (SIGTERM) took ${(stopMs / 1000).toFixed(1)} s; start on the existing folder → /healthz 200 in ${(warm.ms / 1000).toFixed(1)} s`,
    );
    memory.sample();
    memory.stop();
    const peaks = memory.peaks();
    console.log(
      `   peak RSS of Kith ${mib(peaks.kith)} (the first process, before the restart); PostgreSQL, all its processes (PSS) ${mib(peaks.db)}`,
    );

    const figure = { bench: 'api', scale: opts.scale, db: 'embedded', reference: '—', ratio: '', spread: 0 };
    for (const r of alone)
      record({
        ...figure,
        figure: `${r.name}, alone: p99 (req/s)`,
        kith: `${r.p99} ms (${fmt(r.rps)}/s)`,
        target: 'p99 ≤ 250 ms',
        rounds: r.requests,
      });
    for (const r of during)
      record({
        ...figure,
        figure: `${r.name}, under import + ingest: p99 (req/s)`,
        kith: `${r.p99} ms (${fmt(r.rps)}/s)`,
        target: r.name === '/healthz' ? 'p99 ≤ 50 ms' : 'p99 ≤ 1 s',
        rounds: r.requests,
      });
    record({
      ...figure,
      figure: 'import upload answered (202)',
      kith: `${acceptedMs.toFixed(0)} ms`,
      target: 'at once',
      rounds: 1,
    });
    record({
      ...figure,
      figure: 'cold start, new folder → /healthz',
      kith: `${(cold.ms / 1000).toFixed(1)} s`,
      target: 'a few seconds',
      rounds: 1,
    });
    record({
      ...figure,
      figure: 'start, existing folder → /healthz',
      kith: `${(warm.ms / 1000).toFixed(1)} s`,
      target: 'a few seconds',
      rounds: 1,
    });
    record({
      ...figure,
      figure: 'peak RSS, Kith / PostgreSQL (PSS)',
      kith: `${mib(peaks.kith)} / ${mib(peaks.db)}`,
      target: '—',
      rounds: 1,
    });
    // Timeouts (no answer within 10 s) are a missed target, printed above; any other error or a non-2xx answer is a failure.
    for (const r of [...alone, ...during])
      check(
        r.non2xx === 0 && r.errors === r.timeouts,
        `${r.name}: ${r.non2xx} answers not 2xx, ${r.errors - r.timeouts} errors other than timeouts`,
      );
  } finally {
    if (kithProcess) await stopKith(kithProcess);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function printLoad(r: LoadResult, targetMs: number) {
  const miss = r.p99 > targetMs ? `  MISSES p99 ≤ ${targetMs} ms` : '';
  console.log(
    `   ${r.name.padEnd(48)} ${fmt(r.rps).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(5)} ms   max ${r.max} ms   ${fmt(r.requests)} requests, ${r.timeouts} timeouts${miss}`,
  );
}
