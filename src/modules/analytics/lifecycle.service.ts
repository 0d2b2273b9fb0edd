import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { failIfProblems, forbidden } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { localDay } from '../../kernel/calendar.js';
import { addDays, isCalendarDate } from '../../kernel/calendar.js';
import { cohortStarts, retentionMatrix, shift, startOf, type Grain } from './domain/cohorts.js';
import type { AnalyticsService } from './analytics.service.js';
import { LIFECYCLE_STAGES, setLifecycleStages } from '../members/index.js';
import { hasFilter, segmentOf, type SegmentQuery } from './domain/segment.js';
import * as repo from './lifecycle.repo.js';
import { reportCommunity, reportPeriod } from './scope.js';

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const MAX_COHORTS = { week: 104, month: 60 } as const;

export interface CohortQuery extends SegmentQuery {
  grain?: Grain;
  from?: string;
  to?: string;
  periods?: number;
  communityId?: number;
}
export interface FunnelQuery extends SegmentQuery {
  from?: string;
  to?: string;
  communityId?: number;
  by?: repo.FunnelBy;
  retention?: Grain;
  retentionPeriod?: number;
}

/**
 * The member lifecycle 获客 → 激活 → 留存 → 变现: cohort retention matrices, the funnel with its
 * conversions, and the lifecycle stage of every member kept by a nightly job. Definitions in
 * docs/metrics.md.
 */
export function createLifecycleService(deps: {
  database: Database;
  clock: Clock;
  timeZone: string;
  analytics: AnalyticsService;
}) {
  const { database, clock, timeZone: tz, analytics } = deps;
  const db = database.db;
  const today = () => localDay(tz, clock.now());

  async function cohorts(ctx: ActorContext, q: CohortQuery) {
    const grain = q.grain ?? 'week';
    const c = reportCommunity(ctx, q.communityId);
    const to = q.to ?? today();
    const toIsDay = isCalendarDate(to);
    // The default start is counted back from `to`, which can only be done from a real day.
    const from = q.from ?? (toIsDay ? shift(grain, startOf(grain, to), -11) : to);
    const problems = [];
    if (q.from !== undefined && !isCalendarDate(from))
      problems.push({ path: 'from', message: 'must be a calendar day, YYYY-MM-DD' });
    if (!toIsDay) problems.push({ path: 'to', message: 'must be a calendar day, YYYY-MM-DD' });
    failIfProblems(problems);
    if (from > to) problems.push({ path: 'from', message: 'must not come after to' });
    const starts = from > to ? [] : cohortStarts(grain, from, to);
    if (starts.length > MAX_COHORTS[grain])
      problems.push({ path: 'from', message: `at most ${MAX_COHORTS[grain]} ${grain} cohorts at once` });
    failIfProblems(problems);
    const first = starts[0]!,
      last = starts[starts.length - 1]!;
    const lastDay = addDays(shift(grain, last, 1), -1);
    const periods = q.periods ?? 12;
    const filter = segmentOf(q, clock.now());
    const segment = hasFilter(filter);
    const [sizes, cells] = await Promise.all([
      repo.cohortSizes(db, c, grain, first, lastDay, tz, filter),
      segment
        ? repo.segmentCohortCells(db, c, grain, first, lastDay, tz, filter)
        : repo.cohortCells(db, c, grain, first, last),
    ]);
    const rows = retentionMatrix(grain, starts, sizes, cells, today(), periods);
    // Each period's retention over the cohorts that have reached it, weighted by cohort size.
    const average = Array.from({ length: periods }, (_, k) => {
      const reached = rows.filter((r) => r.active.length > k);
      return reached.length === 0
        ? null
        : ratio(
            reached.reduce((s, r) => s + r.active[k]!, 0),
            reached.reduce((s, r) => s + r.size, 0),
          );
    });
    return {
      grain,
      communityId: c === 0 ? null : c,
      from: first,
      to: last,
      periods,
      source: segment ? ('segment' as const) : ('cells' as const),
      cohorts: rows,
      average,
    };
  }

  async function funnel(ctx: ActorContext, q: FunnelQuery) {
    const p = reportPeriod(q, tz, clock);
    // Grouped by community, a community manager sees their own communities.
    const scope = ctx.actor.communityIds;
    const c = q.by && q.communityId === undefined ? 0 : reportCommunity(ctx, q.communityId);
    if (c === 0 && scope !== null && !q.by) throw forbidden('Choose one of your communities');
    const s = await analytics.settings();
    const retention = q.retention ?? 'week';
    const rules: repo.FunnelRules = {
      minActivities: s.activationMinActivities,
      withinDays: s.activationDays,
      retentionDays: retention === 'week' ? 7 : 30,
      retentionPeriod: q.retentionPeriod ?? 1,
      today: today(),
    };
    const rows = await repo.funnel(db, c, q.by ?? null, p.from, p.to, tz, segmentOf(q, clock.now()), rules, scope);
    const names =
      q.by === 'community' ? new Map((await repo.communityNames(db)).map((x) => [String(x.id), x.name])) : null;
    const shape = (r: repo.FunnelRow) => ({
      key: r.key,
      name: names?.get(r.key ?? '') ?? r.key,
      acquired: r.acquired,
      activated: r.activated,
      retained: r.retained,
      monetised: r.monetised,
      buyers: r.buyers,
      activationRate: ratio(r.activated, r.acquired),
      retentionRate: ratio(r.retained, r.activated),
      monetisationRate: ratio(r.monetised, r.retained),
      overallRate: ratio(r.monetised, r.acquired),
      buyerRate: ratio(r.buyers, r.acquired),
      activationPending: r.activation_pending,
      retentionPending: r.retention_pending,
    });
    const sum = (k: keyof repo.FunnelRow) => rows.reduce((a, r) => a + (r[k] as number), 0);
    const total = shape({
      key: null,
      acquired: sum('acquired'),
      activated: sum('activated'),
      retained: sum('retained'),
      monetised: sum('monetised'),
      buyers: sum('buyers'),
      activation_pending: sum('activation_pending'),
      retention_pending: sum('retention_pending'),
    });
    return {
      period: { from: p.from, to: p.to },
      communityId: c === 0 ? null : c,
      by: q.by ?? null,
      rules: {
        activationMinActivities: rules.minActivities,
        activationDays: rules.withinDays,
        retention,
        retentionPeriod: rules.retentionPeriod,
      },
      total,
      groups: q.by ? rows.map(shape) : [],
    };
  }

  /** Members per lifecycle stage (of one community's current members, or the workspace's live members). */
  async function stages(ctx: ActorContext, q: { communityId?: number }) {
    const c = reportCommunity(ctx, q.communityId);
    const rows = await repo.stageCounts(db, c);
    const by = new Map(rows.map((x) => [x.stage, x.n]));
    const total = rows.reduce((s, x) => s + x.n, 0);
    return {
      communityId: c === 0 ? null : c,
      updatedAt: (await analytics.settings()).lifecycleUpdatedAt,
      total,
      stages: LIFECYCLE_STAGES.map((k) => ({ stage: k, members: by.get(k) ?? 0, share: ratio(by.get(k) ?? 0, total) })),
    };
  }

  /** Sets every member's stage (the nightly job runs it inside its transaction). */
  async function updateStagesIn(tx: Tx, now = clock.now()): Promise<number> {
    const s = await analytics.settings(tx);
    const changes = await repo.stageChanges(
      tx,
      {
        minActivities: s.activationMinActivities,
        withinDays: s.activationDays,
        dormantDays: s.dormantDays,
        churnedDays: s.churnedDays,
        today: localDay(tz, now),
      },
      tz,
    );
    const n = await setLifecycleStages(tx, changes);
    await repo.markStagesUpdated(tx, now);
    return n;
  }

  /** Stage update asked for by a person (audited) or a script. */
  async function updateStages(ctx?: ActorContext): Promise<number> {
    return database.transaction(async (tx) => {
      const n = await updateStagesIn(tx);
      if (ctx)
        await recordAudit(tx, ctx, {
          action: 'analytics.lifecycle.update',
          targetType: 'members',
          after: { changed: n },
        });
      return n;
    });
  }

  return { cohorts, funnel, stages, updateStages, updateStagesIn };
}

export type LifecycleService = ReturnType<typeof createLifecycleService>;
