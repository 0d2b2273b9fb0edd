import type { Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { EventSubscriber, JobHandler, Jobs } from '../../kernel/jobs.js';
import { ACTIVITY_INGESTED, type ActivityIngestedPayload } from '../activity/index.js';
import { nextMidnight } from '../../kernel/calendar.js';
import type { Ledger } from './ledger.service.js';
import type { RulesService } from './rules.service.js';
import type { TiersService } from './tiers.service.js';
import type { BadgesService } from './badges.service.js';

/**
 * The programme's background work:
 * - rules are applied to each ingested batch after it commits (`activity.ingested`);
 * - every night (workspace time zone) due points expire, ended manual tiers give way and automatic
 *   badges are awarded;
 * - at the start of each evaluation period the tier evaluation runs, in chunks that each commit
 *   with the job that ran them, continuing until every account is done.
 */
const DAILY = 'loyalty:daily';
const EVALUATE = 'loyalty:evaluate';
const EXPIRY_CHUNK = 5000;
const EVALUATION_CHUNK = 20_000;
const CHUNKS_PER_JOB = 5;

export function loyaltyRulesSubscriber(rules: RulesService): EventSubscriber<ActivityIngestedPayload> {
  return {
    name: 'loyalty-rules',
    topics: [ACTIVITY_INGESTED],
    async handle(tx, event) {
      const ids = event.payload.ids;
      if (ids?.length) await rules.applyToActivities(tx, ids);
    },
  };
}

export function loyaltyJobs(deps: {
  jobs: Jobs;
  clock: Clock;
  timeZone: string;
  ledger: Ledger;
  tiers: TiersService;
  badges: BadgesService;
}) {
  const { jobs, clock, timeZone: tz, ledger, tiers, badges } = deps;

  async function scheduleDaily(tx: Tx) {
    const next = nextMidnight(tz, clock.now());
    await jobs.enqueue(tx, DAILY, {}, { runAt: next.at, dedupeKey: `daily:${next.day}` });
  }

  async function scheduleEvaluation(tx: Tx) {
    const { current } = await tiers.periodToEvaluate(tx, clock.now());
    // The next run judges the period that is current now; it runs when that period has ended.
    await jobs.enqueue(tx, EVALUATE, {}, { runAt: current.next, dedupeKey: `evaluate:${current.key}` });
  }

  const daily: JobHandler = {
    queue: DAILY,
    async handle(tx) {
      const now = clock.now();
      let n: number;
      do n = await ledger.expireChunk(tx, now, EXPIRY_CHUNK);
      while (n === EXPIRY_CHUNK);
      await tiers.endManualAssignments(tx, now);
      await badges.awardAutomatic(tx, now);
      await scheduleDaily(tx);
    },
  };

  const evaluate: JobHandler = {
    queue: EVALUATE,
    async handle(tx) {
      const now = clock.now();
      for (let i = 0; i < CHUNKS_PER_JOB; i++) {
        const r = await tiers.evaluateChunk(tx, now, EVALUATION_CHUNK);
        if (r.done) {
          await tiers.endManualAssignments(tx, now);
          await scheduleEvaluation(tx);
          return;
        }
      }
      // More to do: a continuation job, committed with this chunk's cursor.
      await jobs.enqueue(tx, EVALUATE, {}, { dedupeKey: `evaluate-continue:${now.toISOString()}:${Date.now()}` });
    },
  };

  return {
    handlers: [daily, evaluate],
    /** Makes sure the next nightly run and the next evaluation are queued (idempotent). */
    async schedule(tx: Tx) {
      await scheduleDaily(tx);
      await scheduleEvaluation(tx);
    },
  };
}
