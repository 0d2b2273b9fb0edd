import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, onPostgres } from '../../../test/harness.js';
import { openDatabase, openPglite, PREPARED, type Database } from './database.js';
import { migrate, readMigrations, MigrationError } from './migrator.js';

let database: Database & { dropAll(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
  await migrate(database);
});
afterAll(async () => {
  await database?.dropAll();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('prepared statements', () => {
  it('runs a marked statement with new values each time, prepared once per connection', async () => {
    const square = (n: number) =>
      database.transaction(async (tx) => {
        const r = await sql<{ v: number; prepared: number }>`${PREPARED} select ${n}::int * ${n}::int as v,
        (select count(*)::int from pg_prepared_statements where statement like '/* kith:prepared */%') as prepared`.execute(
          tx,
        );
        return r.rows[0]!;
      });
    const runs = [];
    for (let n = 1; n <= 4; n++) runs.push(await square(n));
    expect(runs.map((r) => r.v)).toEqual([1, 4, 9, 16]);
    // On PostgreSQL the statement is kept prepared on its connection; PGlite reads the mark as a comment.
    if (onPostgres) for (const r of runs) expect(r.prepared).toBeGreaterThanOrEqual(1);
    else for (const r of runs) expect(r.prepared).toBe(0);
  });

  it('reports an error in a marked statement and runs the next one', async () => {
    await expect(sql`${PREPARED} select 1 / ${0}::int`.execute(database.db)).rejects.toThrow(/division by zero/);
    await expect(sql`${PREPARED} select nosuchcolumn`.execute(database.db)).rejects.toThrow(/nosuchcolumn/);
    const r = await sql<{ v: number }>`${PREPARED} select 1 / ${1}::int as v`.execute(database.db);
    expect(r.rows[0]!.v).toBe(1);
  });
});

describe('transactions', () => {
  it('never interleave two concurrent read-modify-write transactions', async () => {
    await sql`create table counter (n int not null)`.execute(database.db);
    await sql`insert into counter values (0)`.execute(database.db);
    // Each transaction reads, waits, then writes what it read + 1. Interleaved, both would read 0
    // and the count would end at 1 (a lost update). On PGlite the single connection is locked for
    // the whole transaction; on PostgreSQL the row lock does the same job.
    const bump = () =>
      database.transaction(async (tx) => {
        const lock = onPostgres ? sql` for update` : sql``;
        const r = await sql<{ n: number }>`select n from counter${lock}`.execute(tx);
        await sleep(30);
        await sql`update counter set n = ${r.rows[0]!.n + 1}`.execute(tx);
      });
    await Promise.all(Array.from({ length: 8 }, bump));
    const r = await sql<{ n: number }>`select n from counter`.execute(database.db);
    expect(r.rows[0]!.n).toBe(8);
  });

  it('rolls back everything when the transaction fails half-way', async () => {
    await sql`create table half (v text)`.execute(database.db);
    await expect(
      database.transaction(async (tx) => {
        await sql`insert into half values ('a')`.execute(tx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const r = await sql<{ c: number }>`select count(*)::int as c from half`.execute(database.db);
    expect(r.rows[0]!.c).toBe(0);
  });

  it.runIf(!onPostgres)('refuses (instead of deadlocking) a query that bypasses the open transaction', async () => {
    await expect(
      database.transaction(async () => {
        await sql`select 1`.execute(database.db);
      }),
    ).rejects.toThrow(/outside the open transaction/);
    // and the connection is usable afterwards
    expect((await sql<{ x: number }>`select 1 as x`.execute(database.db)).rows[0]!.x).toBe(1);
  });

  it('reads ids and counts as numbers, money as exact strings, dates as calendar text', async () => {
    const r = await sql<{
      a: number;
      b: string;
      c: string;
    }>`select 5000000000::int8 as a, 1299.50::numeric(14,2) as b, '2024-02-29'::date as c`.execute(database.db);
    expect(r.rows[0]).toEqual({ a: 5000000000, b: '1299.50', c: '2024-02-29' });
  });
});

describe('migrations', () => {
  it('are applied once and recorded with a checksum', async () => {
    const again = await migrate(database);
    expect(again.applied).toEqual([]);
    const rows = await database.db.selectFrom('kith_migrations').selectAll().execute();
    expect(rows.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuse to run when an applied migration was edited', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-mig-'));
    fs.writeFileSync(path.join(dir, '0001_a.sql'), 'create table mig_a (x int);');
    const d = await openTestDatabase();
    try {
      await migrate(d, readMigrations(dir));
      fs.writeFileSync(path.join(dir, '0001_a.sql'), 'create table mig_a (x int, y int);');
      const err = await migrate(d, readMigrations(dir)).catch((e) => e);
      expect(err).toBeInstanceOf(MigrationError);
      expect(err.message).toMatch(/0001_a\.sql was changed after it was applied/);
    } finally {
      await d.dropAll();
    }
  });
});

describe("the data folder (Kith's own PostgreSQL server)", () => {
  const folder = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-data-'));
    fs.chmodSync(dir, 0o755); // run as root, the server's own user must pass through
    return path.join(dir, 'data');
  };

  it('keeps data across restarts, lets a second opener share the running server, and stops it with its owner', async () => {
    const dir = folder();
    const a = await openDatabase({ dataDir: dir });
    expect(a.embedded?.owned).toBe(true);
    await sql`create table kept (v text)`.execute(a.db);
    await sql`insert into kept values ('still here')`.execute(a.db);
    expect((fs.statSync(path.join(dir, 'pg-connection.json')).mode & 0o777).toString(8)).toBe('600');
    // A command run beside `kith start` connects to the same server and leaves it running.
    const b = await openDatabase({ dataDir: dir });
    expect(b.embedded?.owned).toBe(false);
    expect((await sql<{ v: string }>`select v from kept`.execute(b.db)).rows[0]!.v).toBe('still here');
    await b.close();
    expect((await sql<{ n: number }>`select count(*)::int as n from kept`.execute(a.db)).rows[0]!.n).toBe(1);
    await a.close();
    const c = await openDatabase({ dataDir: dir });
    expect(c.embedded?.owned).toBe(true);
    expect((await sql<{ v: string }>`select v from kept`.execute(c.db)).rows[0]!.v).toBe('still here');
    await c.close();
  }, 120_000);

  it('moves the database of an earlier Kith (PGlite files in the folder) over, row for row, keeping the old files', async () => {
    const dir = folder();
    const earlier = await openPglite(dir);
    await migrate(earlier);
    await sql`insert into members (nickname) select '会员' || g from generate_series(1, 250) g`.execute(earlier.db);
    await sql`insert into communities (name, channel, positioning_type, goal) values ('老社群', 'wechat', 'interest', 'interaction')`.execute(
      earlier.db,
    );
    const before = (
      await sql<{ n: number; max: number }>`select count(*)::int as n, max(id)::int as max from members`.execute(
        earlier.db,
      )
    ).rows[0]!;
    await earlier.close();

    const moved = await openDatabase({ dataDir: dir });
    try {
      expect(moved.kind).toBe('postgres');
      const after = (
        await sql<{ n: number; max: number }>`select count(*)::int as n, max(id)::int as max from members`.execute(
          moved.db,
        )
      ).rows[0]!;
      expect(after).toEqual(before);
      expect(
        (await sql<{ name: string }>`select name from communities`.execute(moved.db)).rows.map((r) => r.name),
      ).toEqual(['老社群']);
      // New rows continue after the ones carried over.
      const next = (
        await sql<{ id: number }>`insert into members (nickname) values ('新会员') returning id`.execute(moved.db)
      ).rows[0]!.id;
      expect(next).toBe(before.max + 1);
      const kept = fs.readdirSync(dir).filter((f) => f.startsWith('pglite-'));
      expect(kept).toHaveLength(1);
      expect(fs.existsSync(path.join(dir, kept[0]!, 'PG_VERSION'))).toBe(true);
      expect(fs.existsSync(path.join(dir, 'PG_VERSION'))).toBe(false);
    } finally {
      await moved.close();
    }
  }, 180_000);
});
