import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDatabase, onPostgres } from '../../test/harness.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrator.js';
import { createJobs, topic, type EventSubscriber, type Jobs } from './jobs.js';
import type { Tx } from './db/database.js';
import { createLogger } from './logger.js';
import { systemClock, fixedClock } from './clock.js';
import { packageRoot } from './paths.js';

const log = createLogger('silent');

async function publishTicks(database: Database, n: number) {
  const jobs = createJobs({ database, log, clock: systemClock });
  jobs.subscribe({ name: 'crash-test', topics: ['test.tick'], handle: async () => {} });
  for (let i = 0; i < n; i++) await database.transaction((tx) => jobs.publish(tx, 'test.tick', { i }));
}

/** Runs the worker in a child process and SIGKILLs it after `killAfter` handled events. */
function runWorkerAndKill(target: string, killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(packageRoot, 'test/fixtures/job-worker.ts'), target],
      { cwd: packageRoot },
    );
    let handled = 0;
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) if (l.startsWith('handled')) handled++;
      if (handled >= killAfter) child.kill('SIGKILL');
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(handled) : reject(new Error(`worker ended (${code}) before being killed: ${err}`)),
    );
  });
}

describe('jobs and the outbox', () => {
  it('handle every event exactly once in effect when the worker is killed mid-batch', async () => {
    let target: string;
    let reopen: () => Promise<Database>;
    let cleanup = async () => {};
    if (onPostgres) {
      const d = await openTestDatabase();
      await migrate(d);
      await sql`create table effects (event_id bigint not null)`.execute(d.db);
      await publishTicks(d, 40);
      target = (d.pool as unknown as { options: { connectionString: string } }).options.connectionString;
      reopen = async () => d;
      cleanup = () => d.dropAll();
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-jobs-'));
      const d = await openDatabase({ dataDir: dir });
      await migrate(d);
      await sql`create table effects (event_id bigint not null)`.execute(d.db);
      await publishTicks(d, 40);
      await d.close();
      target = dir;
      reopen = () => openDatabase({ dataDir: dir });
    }
    const handledBeforeKill = await runWorkerAndKill(target, 12);
    expect(handledBeforeKill).toBeGreaterThanOrEqual(12);

    const database = await reopen();
    try {
      const mid = await sql<{ n: number }>`select count(*)::int as n from effects`.execute(database.db);
      expect(mid.rows[0]!.n).toBeLessThan(40); // the kill really happened mid-batch
      const jobs = createJobs({ database, log, clock: systemClock });
      jobs.subscribe({
        name: 'crash-test',
        topics: ['test.tick'],
        handle: async (tx, event) => {
          await sql`insert into effects (event_id) values (${event.id})`.execute(tx);
        },
      });
      await jobs.runOnce();
      const r = await sql<{ events: number; effects: number; distinct_effects: number; pending: number }>`
        select (select count(*)::int from outbox_events where topic = 'test.tick') as events,
               (select count(*)::int from effects) as effects,
               (select count(distinct event_id)::int from effects) as distinct_effects,
               (select count(*)::int from jobs where status <> 'done') as pending`.execute(database.db);
      expect(r.rows[0]).toEqual({ events: 40, effects: 40, distinct_effects: 40, pending: 0 });
    } finally {
      if (onPostgres) await cleanup();
      else await database.close();
    }
  }, 120_000);

  it('retry a failing handler with backoff, keeping none of its partial writes, then give up', async () => {
    const database = await openTestDatabase();
    try {
      await migrate(database);
      await sql`create table partial (v int)`.execute(database.db);
      const clock = fixedClock('2025-01-01T00:00:00Z');
      const jobs = createJobs({ database, log, clock });
      let calls = 0;
      jobs.register({
        queue: 'flaky',
        async handle(tx) {
          calls++;
          await sql`insert into partial values (1)`.execute(tx);
          if (calls < 3) throw new Error('temporary failure');
        },
      });
      await database.transaction((tx) => jobs.enqueue(tx, 'flaky', {}, { maxAttempts: 5 }));
      expect(await jobs.runOnce()).toBe(1); // fails, scheduled later
      expect(await jobs.runOnce()).toBe(0); // not due yet
      clock.advance(60_000);
      await jobs.runOnce();
      clock.advance(60_000);
      await jobs.runOnce();
      const rows = await sql<{ n: number }>`select count(*)::int as n from partial`.execute(database.db);
      expect(rows.rows[0]!.n).toBe(1); // only the successful attempt's write stayed
      const job = await database.db
        .selectFrom('jobs')
        .selectAll()
        .where('queue', '=', 'flaky')
        .executeTakeFirstOrThrow();
      expect(job.status).toBe('done');
      expect(job.attempts).toBe(3);

      jobs.register({
        queue: 'broken',
        handle: async () => {
          throw new Error('always');
        },
      });
      await database.transaction((tx) => jobs.enqueue(tx, 'broken', {}, { maxAttempts: 2 }));
      for (let i = 0; i < 3; i++) {
        await jobs.runOnce();
        clock.advance(3600_000);
      }
      const broken = await database.db
        .selectFrom('jobs')
        .selectAll()
        .where('queue', '=', 'broken')
        .executeTakeFirstOrThrow();
      expect(broken.status).toBe('failed');
      expect(broken.last_error).toContain('always');
    } finally {
      await database.dropAll();
    }
  });

  it('hand a backlog of events to a grouping subscriber together, and run the first alone when the group fails', async () => {
    const database = await openTestDatabase();
    try {
      await migrate(database);
      await sql`create table seen (v int)`.execute(database.db);
      const clock = fixedClock('2025-01-01T00:00:00Z');
      const jobs = createJobs({ database, log, clock });
      const groups: number[][] = [];
      const add = async (
        tx: Parameters<Parameters<typeof database.transaction>[0]>[0],
        events: { payload: { v: number } }[],
      ) => {
        if (events.some((e) => e.payload.v === 3)) throw new Error('bad event 3');
        groups.push(events.map((e) => e.payload.v));
        for (const e of events) await sql`insert into seen values (${e.payload.v})`.execute(tx);
      };
      jobs.subscribe({
        name: 'grouping',
        topics: ['t'],
        handle: (tx, e) => add(tx, [e]),
        handleMany: { max: 3, handle: add },
      });
      for (let v = 1; v <= 6; v++) await database.transaction((tx) => jobs.publish(tx, 't', { v }));
      expect(await jobs.runOnce()).toBe(6); // [1, 2, 3] fails: 1 alone; [2, 3, 4] fails: 2 alone; 3 alone fails; [4, 5, 6]
      expect(groups).toEqual([[1], [2], [4, 5, 6]]);
      const rows = await database.db
        .selectFrom('jobs')
        .select(['status', 'attempts', 'last_error'])
        .orderBy('id')
        .execute();
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([
        ['done', 1],
        ['done', 1],
        ['queued', 1],
        ['done', 1],
        ['done', 1],
        ['done', 1],
      ]);
      expect(rows[2]!.last_error).toContain('bad event 3');
      expect(
        (await sql<{ v: number }>`select v from seen order by v`.execute(database.db)).rows.map((r) => r.v),
      ).toEqual([1, 2, 4, 5, 6]);
    } finally {
      await database.dropAll();
    }
  });

  it('write an event only if the change that caused it commits', async () => {
    const database = await openTestDatabase();
    try {
      await migrate(database);
      const jobs = createJobs({ database, log, clock: systemClock });
      jobs.subscribe({ name: 's', topics: ['t'], handle: async () => {} });
      await database.transaction(async (tx) => jobs.publish(tx, 't', { ok: 1 })).catch(() => {});
      await database
        .transaction(async (tx) => {
          await jobs.publish(tx, 't', { ok: 0 });
          throw new Error('rolled back');
        })
        .catch(() => {});
      const events = await database.db.selectFrom('outbox_events').select('payload').execute();
      expect(events.map((e) => e.payload)).toEqual([{ ok: 1 }]);
      expect((await database.db.selectFrom('jobs').selectAll().execute()).length).toBe(1);
    } finally {
      await database.dropAll();
    }
  });
});

describe('typed topics', () => {
  it('checks a payload against its topic at compile time (npm run typecheck fails if not)', () => {
    const TICKED = topic<{ n: number }>('test.ticked');
    const typed = (jobs: Jobs, tx: Tx) => {
      void jobs.publish(tx, TICKED, { n: 1 });
      // @ts-expect-error a payload of another shape is refused
      void jobs.publish(tx, TICKED, { count: 1 });
    };
    const sub: EventSubscriber<{ n: number }> = {
      name: 'test',
      topics: [TICKED],
      handle: async (_tx, e) => {
        expect(typeof e.payload.n).toBe('number');
      },
    };
    expect(typeof typed).toBe('function');
    expect(sub.topics).toEqual(['test.ticked']);
  });
});
