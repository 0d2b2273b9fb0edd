import type { Tx } from '../../kernel/db/database.js';
import * as repo from './analytics.repo.js';
import type { Clock } from '../../kernel/clock.js';
import type { EventSubscriber, JobHandler, Jobs } from '../../kernel/jobs.js';
import { ACTIVITY_INGESTED, type ActivityIngestedPayload } from '../activity/index.js';
import type { MemberDataParticipant } from '../members/index.js';
import { nextMidnight } from '../../kernel/calendar.js';
import type { AnalyticsService } from './analytics.service.js';
import type { LifecycleService } from './lifecycle.service.js';
import { recountCohortCells } from './active-days.repo.js';
import { compactProfileCounts } from './profile-counts.repo.js';
import * as rollups from './rollups.repo.js';

/**
 * Background work of analytics: each ingested batch is added to the daily rollup after it commits;
 * a rebuild runs at start when the time zone or the meaningful kinds changed since the last one;
 * every night RFM is rescored, the cohort cells recounted, the profile counts folded and the
 * lifecycle stages set.
 */
const REBUILD = 'analytics:rebuild';
const NIGHTLY = 'analytics:nightly';

export function analyticsJobs(deps: {
  jobs: Jobs;
  clock: Clock;
  timeZone: string;
  analytics: AnalyticsService;
  lifecycle: LifecycleService;
}) {
  const { jobs, clock, timeZone: tz, analytics, lifecycle } = deps;

  const addBatches = async (tx: Tx, events: { payload: ActivityIngestedPayload }[]) => {
    const ids = events.flatMap((e) => e.payload.ids ?? []);
    if (!ids.length) return;
    const s = await analytics.settings(tx);
    await rollups.addActivities(tx, ids, tz, s.meaningfulKinds);
  };
  const subscriber: EventSubscriber<ActivityIngestedPayload> = {
    name: rollups.ROLLUP_SUBSCRIBER,
    topics: [ACTIVITY_INGESTED],
    handle: (tx, event) => addBatches(tx, [event]),
    // A backlog of batches is added in one pass: a busy member's day is upserted once for all of
    // them rather than once per batch, and the statements' fixed cost is paid once. Twenty batches
    // are at most 200,000 activities.
    handleMany: { max: 20, handle: addBatches },
  };

  const midnight = () => nextMidnight(tz, clock.now());

  const handlers: JobHandler[] = [
    {
      queue: REBUILD,
      // Queued at start when the basis looked stale; settled again here, under the job's transaction.
      async handle(tx) {
        await analytics.rebuildRollupsIn(tx, { ifStale: true });
      },
    },
    {
      queue: NIGHTLY,
      async handle(tx) {
        await analytics.scoreRfmIn(tx, clock.now());
        await recountCohortCells(tx, tz);
        await compactProfileCounts(tx);
        await lifecycle.updateStagesIn(tx, clock.now());
        const next = midnight();
        await jobs.enqueue(tx, NIGHTLY, {}, { runAt: next.at, dedupeKey: `nightly:${next.day}` });
      },
    },
  ];

  return {
    subscriber,
    handlers,
    async schedule(tx: Tx) {
      const s = await analytics.settings(tx);
      if (s.rollupBasis !== analytics.basisOf(s.meaningfulKinds))
        await jobs.enqueue(
          tx,
          REBUILD,
          {},
          { dedupeKey: `rebuild:${analytics.basisOf(s.meaningfulKinds)}:${s.rollupBasis ?? 'none'}` },
        );
      const next = midnight();
      await jobs.enqueue(tx, NIGHTLY, {}, { runAt: next.at, dedupeKey: `nightly:${next.day}` });
    },
  };
}

/**
 * A merge moves the merged member's rollup rows onto the survivor (and drops both RFM scores until
 * the next scoring); undo takes exactly those rows back.
 */
export function analyticsMemberParticipant(tz: string): MemberDataParticipant {
  return {
    name: 'analytics',
    async move(tx, fromId, toId) {
      const snapshot = await rollups.moveMember(tx, fromId, toId);
      await repo.dropRfmScores(tx, [fromId, toId]);
      return snapshot;
    },
    async undoMove(tx, snapshot, fromId, toId) {
      await rollups.unmoveMember(tx, snapshot as rollups.MoveSnapshot, fromId, toId, tz);
    },
    async exportData(tx, memberId) {
      return { rfm: (await repo.rfmScoreOf(tx, memberId)) ?? null };
    },
    // The rollup holds counts only; they stay, like the activities' anonymous rows.
    async erase(tx, memberId) {
      await repo.dropRfmScores(tx, [memberId]);
    },
  };
}
