import os from 'node:os';
import { sql, type Transaction } from 'kysely';
import type { Database, DB, Tx } from './db/database.js';
import type { Logger } from './logger.js';
import type { Clock } from './clock.js';

/**
 * Background jobs and domain events, on the database itself (works on PGlite and PostgreSQL, and
 * across several copies of Kith through `FOR UPDATE SKIP LOCKED`).
 *
 * Exactly once in effect: a job's handler runs inside the same transaction that marks the job done.
 * If the process dies half-way, the transaction rolls back and the job is picked up again, so its
 * database effects land once. Handlers that touch the outside world must be idempotent.
 *
 * Domain events: `publish(tx, topic, payload)` writes the event to `outbox_events` and one job per
 * subscriber of the topic, in the caller's transaction, so an event exists if and only if the change
 * that caused it committed.
 */
export interface JobRecord {
  id: number;
  queue: string;
  payload: unknown;
  attempts: number;
}
export interface DomainEvent<P = unknown> {
  id: number;
  topic: string;
  payload: P;
}

declare const PAYLOAD: unique symbol;
/**
 * An event's topic, carrying the type of its payload. The module that publishes an event declares
 * it (`export const ACTIVITY_INGESTED = topic<{ ids: number[] }>('activity.ingested')`) at its door;
 * publishing checks the payload against it, and a subscriber typed with it reads the payload typed.
 */
export type Topic<P> = string & { readonly [PAYLOAD]?: P };
export const topic = <P>(name: string): Topic<P> => name as Topic<P>;

export interface JobHandler {
  queue: string;
  handle(tx: Transaction<DB>, payload: any, job: JobRecord): Promise<void>;
  /** Optional: runs up to `max` ready jobs of the queue at once (see `EventSubscriber.handleMany`). */
  many?: { max: number; handle(tx: Transaction<DB>, payloads: any[], jobs: JobRecord[]): Promise<void> };
}
export interface EventSubscriber<P = any> {
  /** Stable name: it is the queue name of this subscriber's jobs. */
  name: string;
  topics: Topic<P>[];
  handle(tx: Transaction<DB>, event: DomainEvent<P>): Promise<void>;
  /**
   * Optional, for a subscriber whose work on several events together costs less than on each
   * alone (it adds up counts the events share): the worker then claims up to `max` of its ready
   * events at once and hands them over together, in one transaction. It must have the same effect
   * as `handle` on each. Only a backlog groups: an event found alone is handled alone.
   */
  handleMany?: { max: number; handle(tx: Transaction<DB>, events: DomainEvent<P>[]): Promise<void> };
}

export interface Jobs {
  register(handler: JobHandler): void;
  subscribe(subscriber: EventSubscriber): void;
  publish<P>(tx: Tx, topic: Topic<P>, payload: NoInfer<P>): Promise<void>;
  enqueue(
    tx: Tx,
    queue: string,
    payload: unknown,
    opts?: { runAt?: Date; dedupeKey?: string; maxAttempts?: number },
  ): Promise<void>;
  /** Runs ready jobs until none is left or `max` ran; returns how many ran (succeeded or failed). */
  runOnce(max?: number): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

const EVENT_QUEUE_PREFIX = 'event:';
/** A subscriber job's payload: the event it runs for (jobs queued by earlier versions also carry `payload`). */
type EventRef = { id: number; topic: string; payload?: unknown };

/**
 * Marks a subscriber's queued event jobs done without running them, in the caller's transaction:
 * for a subscriber whose work for every earlier event a rebuild from raw history has just done.
 */
export async function settleQueuedEvents(tx: Tx, subscriber: string): Promise<void> {
  await sql`update jobs set status = 'done', finished_at = now() where queue = ${EVENT_QUEUE_PREFIX + subscriber} and status = 'queued'`.execute(
    tx,
  );
}

export function createJobs(deps: { database: Database; log: Logger; clock: Clock }): Jobs {
  const { database, log, clock } = deps;
  const handlers = new Map<string, JobHandler>();
  const subscribersByTopic = new Map<string, EventSubscriber[]>();
  const worker = `${os.hostname()}:${process.pid}`;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopping = false;

  function register(handler: JobHandler) {
    if (handlers.has(handler.queue)) throw new Error(`Job queue ${handler.queue} registered twice`);
    handlers.set(handler.queue, handler);
  }

  function subscribe(sub: EventSubscriber) {
    const many = sub.handleMany;
    register({
      queue: EVENT_QUEUE_PREFIX + sub.name,
      handle: async (tx, ref: EventRef) => sub.handle(tx, (await withPayloads(tx, [ref]))[0]!),
      ...(many
        ? {
            many: {
              max: many.max,
              handle: async (tx: Transaction<DB>, refs: EventRef[]) => many.handle(tx, await withPayloads(tx, refs)),
            },
          }
        : {}),
    });
    for (const t of sub.topics) subscribersByTopic.set(t, [...(subscribersByTopic.get(t) ?? []), sub]);
  }

  async function enqueue(
    tx: Tx,
    queue: string,
    payload: unknown,
    opts: { runAt?: Date; dedupeKey?: string; maxAttempts?: number } = {},
  ) {
    await tx
      .insertInto('jobs')
      .values({
        queue,
        payload: JSON.stringify(payload ?? {}),
        run_at: opts.runAt ?? clock.now(),
        dedupe_key: opts.dedupeKey ?? null,
        max_attempts: opts.maxAttempts ?? 10,
      })
      .onConflict((oc) => oc.columns(['queue', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
      .execute();
  }

  async function publish<P>(tx: Tx, topic: Topic<P>, payload: P) {
    const ev = await tx
      .insertInto('outbox_events')
      .values({ topic, payload: JSON.stringify(payload) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const subs = subscribersByTopic.get(topic) ?? [];
    if (subs.length === 0) return;
    const now = clock.now();
    // Each subscriber's job names the event; its payload (an ingest batch's up to 10,000 ids) is
    // stored once, in the outbox, and read back when the job runs.
    const ref = JSON.stringify({ id: ev.id, topic } satisfies EventRef);
    await tx
      .insertInto('jobs')
      .values(subs.map((s) => ({ queue: EVENT_QUEUE_PREFIX + s.name, payload: ref, run_at: now })))
      .execute();
  }

  /** The events named by subscriber jobs, with their payloads from the outbox (older jobs carry theirs). */
  async function withPayloads(tx: Tx, refs: EventRef[]): Promise<DomainEvent[]> {
    const missing = refs.filter((r) => !('payload' in r)).map((r) => r.id);
    const stored = missing.length
      ? new Map(
          (await tx.selectFrom('outbox_events').select(['id', 'payload']).where('id', 'in', missing).execute()).map(
            (e) => [Number(e.id), e.payload],
          ),
        )
      : new Map<number, unknown>();
    return refs.map((r) => {
      if ('payload' in r) return r as DomainEvent;
      if (!stored.has(r.id)) throw new Error(`outbox event ${r.id} (${r.topic}) is missing`);
      return { id: r.id, topic: r.topic, payload: stored.get(r.id) };
    });
  }

  /**
   * Claims one ready job (with more of its queue when its handler takes several) and runs it;
   * returns how many jobs ran, 0 when there was nothing to do.
   */
  async function runOne(): Promise<number> {
    const queues = [...handlers.keys()];
    if (queues.length === 0) return 0;
    let failed: { job: JobRecord & { max_attempts: number }; error: unknown } | null = null;
    const ran = await database.transaction(async (tx) => {
      const claim = (q: string[], limit: number, not?: number) => {
        let query = tx
          .selectFrom('jobs')
          .select(['id', 'queue', 'payload', 'attempts', 'max_attempts'])
          .where('status', '=', 'queued')
          .where('run_at', '<=', clock.now())
          .where('queue', 'in', q);
        if (not !== undefined) query = query.where('id', '<>', not);
        return query.orderBy('run_at').orderBy('id').limit(limit).forUpdate().skipLocked().execute();
      };
      const job = (await claim(queues, 1))[0];
      if (!job) return 0;
      const handler = handlers.get(job.queue)!;
      const more = handler.many && handler.many.max > 1 ? await claim([job.queue], handler.many.max - 1, job.id) : [];
      const attempt = async (group: typeof more): Promise<{ error: unknown } | null> => {
        await sql`savepoint job_run`.execute(tx);
        try {
          if (group.length > 1)
            await handler.many!.handle(
              tx,
              group.map((j) => j.payload),
              group,
            );
          else await handler.handle(tx, job.payload, job);
        } catch (error) {
          // Undo the handler's partial writes but keep the claim.
          await sql`rollback to savepoint job_run`.execute(tx);
          return { error };
        }
        await sql`release savepoint job_run`.execute(tx);
        await tx
          .updateTable('jobs')
          .set((eb) => ({
            status: 'done',
            attempts: eb('attempts', '+', 1),
            finished_at: clock.now(),
            last_error: null,
          }))
          .where(
            'id',
            'in',
            group.map((j) => j.id),
          )
          .execute();
        return null;
      };
      // A group that fails is not charged to its members: the first job is run alone instead, so
      // one bad event neither fails nor holds back the others (they stay queued; their claims end
      // with this transaction).
      if (more.length > 0 && (await attempt([job, ...more])) === null) return 1 + more.length;
      const outcome = await attempt([job]);
      if (outcome === null) return 1;
      const { error } = outcome;
      failed = { job, error };
      const attempts = job.attempts + 1;
      const giveUp = attempts >= job.max_attempts;
      const backoffMs = Math.min(60 * 60_000, 1000 * 2 ** Math.min(attempts, 12));
      await tx
        .updateTable('jobs')
        .set({
          attempts,
          status: giveUp ? 'failed' : 'queued',
          run_at: new Date(clock.now().getTime() + backoffMs),
          last_error: String((error as Error)?.stack ?? error).slice(0, 4000),
          finished_at: giveUp ? clock.now() : null,
        })
        .where('id', '=', job.id)
        .execute();
      return 1;
    });
    if (failed) {
      const f = failed as { job: JobRecord; error: unknown };
      log.warn({ jobId: f.job.id, queue: f.job.queue, worker, err: f.error }, 'job failed');
    }
    return ran;
  }

  async function runOnce(max = Infinity): Promise<number> {
    let n = 0;
    for (let ran = 1; n < max && !stopping && ran > 0;) {
      ran = await runOne();
      n += ran;
    }
    return n;
  }

  function start(intervalMs = 500) {
    stopping = false;
    const tick = async () => {
      timer = null;
      try {
        running = runOnce(500);
        await running;
      } catch (err) {
        log.error({ err }, 'job worker error');
      } finally {
        running = null;
        if (!stopping) timer = setTimeout(tick, intervalMs);
      }
    };
    timer = setTimeout(tick, 10);
  }

  async function stop() {
    stopping = true;
    if (timer) clearTimeout(timer);
    timer = null;
    if (running) await running.catch(() => {});
  }

  return { register, subscribe, publish, enqueue, runOnce, start, stop };
}
