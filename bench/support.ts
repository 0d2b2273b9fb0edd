import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Kysely } from 'kysely';
import type { DB } from '../src/kernel/db/database.js';
import { openDatabase, type Database } from '../src/kernel/db/database.js';
import { migrate } from '../src/kernel/db/migrator.js';
import { packageRoot } from '../src/kernel/paths.js';

/** A fresh, migrated database of the requested kind for one benchmark run. */
export async function benchDatabase(
  kind: 'embedded' | 'postgres',
  opts: { poolSize?: number } = {},
): Promise<{ database: Database; dispose(): Promise<void> }> {
  if (kind === 'embedded') {
    // Kith's own PostgreSQL server, as `npm start` runs it, in a throwaway data folder (which the
    // server's user must be able to pass through when run as root).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-bench-'));
    fs.chmodSync(dir, 0o755);
    const database = await openDatabase({ dataDir: path.join(dir, 'data'), poolSize: opts.poolSize ?? 8 });
    await migrate(database);
    return {
      database,
      async dispose() {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base =
    process.env.BENCH_DATABASE_URL ??
    execFileSync(path.join(packageRoot, 'scripts/pg-temp.sh'), ['start'], { encoding: 'utf8' }).trim();
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

/**
 * A bench whose Kith path gives wrong results must not print figures as if they were right: every
 * bench checks what it measured (rows created, scores, cells, balances) and fails the run.
 */
export class BenchFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchFailure';
  }
}

export function check(ok: unknown, what: string): asserts ok {
  if (!ok) throw new BenchFailure(what);
}

export function checkEqual<T>(actual: T, expected: T, what: string) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new BenchFailure(`${what}: got ${a.slice(0, 400)}, expected ${e.slice(0, 400)}`);
}

/** Median, fastest and slowest of a side's rounds, and the spread ((slowest − fastest) / median). */
export function spreadOf(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { median: mid, min: s[0]!, max: s.at(-1)!, spread: mid ? (s.at(-1)! - s[0]!) / mid : 0, rounds: s.length };
}

/**
 * Runs two sides in `rounds` rounds, alternating which goes first, so that this shared machine's
 * slow and fast spells fall on both alike; returns each side's time per round (ms, also raw in
 * `ms`) and the per-round ratio Kith/reference. `round` is passed so each round can work on its
 * own slice. The hooks run untimed: `before` and `after` around each round (preparing both sides'
 * inputs, checking what the round wrote), `beforeSide` before each side's turn.
 */
export async function alternate(
  rounds: number,
  kith: (round: number) => Promise<unknown>,
  reference: (round: number) => Promise<unknown>,
  hooks: {
    before?: (round: number) => unknown;
    /** Before each side's turn (a checkpoint, so neither pays for the other's dirty pages). */
    beforeSide?: () => unknown;
    after?: (round: number) => unknown;
  } = {},
) {
  const ms = { kith: [] as number[], reference: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    await hooks.before?.(r);
    const order = r % 2 === 0 ? (['kith', 'reference'] as const) : (['reference', 'kith'] as const);
    for (const side of order) {
      await hooks.beforeSide?.();
      ms[side].push((await timed(() => (side === 'kith' ? kith(r) : reference(r)))).ms);
    }
    await hooks.after?.(r);
  }
  // `ratio`: Kith's time over the reference's (a factor, for queries); `share`: the reference's
  // time over Kith's (Kith's rate as a share of the reference's, for throughput), per round.
  const ratio = spreadOf(ms.kith.map((k, i) => k / ms.reference[i]!));
  const share = spreadOf(ms.kith.map((k, i) => ms.reference[i]! / k));
  return { kith: spreadOf(ms.kith), reference: spreadOf(ms.reference), ratio, share, ms };
}

/** The commit measured: the short hash, marked when the tree has uncommitted changes. */
export function commitMeasured(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: packageRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: packageRoot,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

export interface Figure {
  bench: string;
  figure: string;
  kith: string;
  reference: string;
  /** Kith / reference as the figure states it (a rate share, or a time factor). */
  ratio: string;
  target: string;
  rounds: number;
  /** Spread of the ratio over the rounds, as (max − min) / median. */
  spread: number;
  scale: number;
  db: string;
}

const figures: Figure[] = [];

/** Notes a figure for the summary printed at the end (and for docs/benchmarks.md). */
export function record(f: Figure) {
  figures.push(f);
}

/** The run's figures as a Markdown table, one row per figure, with the commit measured. */
export function figuresTable(): string {
  if (figures.length === 0) return '';
  const commit = commitMeasured();
  const rows = figures.map(
    (f) =>
      `| ${f.bench} | ${f.figure} | ${f.kith} | ${f.reference} | ${f.ratio} | ${f.target} | ${f.rounds} | ${(f.spread * 100).toFixed(0)}% | ${f.scale} | ${f.db} | ${commit} |`,
  );
  return [
    '| bench | figure | Kith | reference | ratio | target | rounds | spread | scale | db | commit |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Jobs that failed or are waiting to retry after an error: a bench's follow-up work must have none. */
export async function failedJobs(db: Kysely<DB>): Promise<{ queue: string; last_error: string | null }[]> {
  return db
    .selectFrom('jobs')
    .select(['queue', 'last_error'])
    .where((eb) => eb.or([eb('status', '=', 'failed'), eb('last_error', 'is not', null)]))
    .limit(5)
    .execute();
}
