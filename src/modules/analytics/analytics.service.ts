import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { KithError, failIfProblems } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { singleFlight } from '../../kernel/single-flight.js';
import { ACTIVITY_KINDS } from '../activity/index.js';
import { getMemberSummaries, requireMemberFor } from '../members/index.js';
import { addDays, daysBetween } from '../../kernel/calendar.js';
import { reportCommunity, reportPeriod, requireWorkspaceReader } from './scope.js';
import {
  DEFAULT_LAYER_TEXT,
  RFM_LAYERS,
  asOfProblem,
  frequencyThresholdsProblem,
  rfmWindow,
  type RfmLayer,
} from './domain/rfm.js';
import { localDay } from '../../kernel/calendar.js';
import { findings, healthParts, healthScore, weakestPart } from './domain/health.js';
import * as repo from './analytics.repo.js';
import * as rollups from './rollups.repo.js';
import { decodeCursor, pageOf } from '../../kernel/pagination.js';

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export interface AnalyticsSettings {
  meaningfulKinds: string[];
  rfmWindowDays: number;
  /** The least orders for F = 2, 3, 4, 5. */
  rfmFrequencyThresholds: number[];
  rollupBasis: string | null;
  /** Activated: at least this many meaningful activities within `activationDays` days of joining. */
  activationMinActivities: number;
  activationDays: number;
  /** Dormant and churned: no meaningful activity for this many days. */
  dormantDays: number;
  churnedDays: number;
  lifecycleUpdatedAt: string | null;
}
/** What an RFM scoring computed: when it ran, as of which workspace day, over which window, how many buyers it scored (maybe 0). */
export interface RfmRun {
  scored: number;
  computedAt: string;
  asOf: string;
  window: { from: string; to: string };
  windowDays: number;
}

export type SettingsPatch = Partial<
  Pick<
    AnalyticsSettings,
    | 'meaningfulKinds'
    | 'rfmWindowDays'
    | 'rfmFrequencyThresholds'
    | 'activationMinActivities'
    | 'activationDays'
    | 'dormantDays'
    | 'churnedDays'
  >
>;

/**
 * Analytics 数据分析: engagement from the daily rollup, community comparison, the time-of-day
 * heatmap, and RFM layering with editable strategies. Definitions in docs/metrics.md; every figure
 * here is computed as written there.
 */
export function createAnalyticsService(deps: { database: Database; clock: Clock; timeZone: string }) {
  const { database, clock, timeZone: tz } = deps;
  const db = database.db;

  async function settings(tx: Tx = db): Promise<AnalyticsSettings> {
    const r = await repo.loadSettings(tx);
    return {
      meaningfulKinds: r.meaningful_kinds,
      rfmWindowDays: r.rfm_window_days,
      rfmFrequencyThresholds: r.rfm_frequency_thresholds,
      rollupBasis: r.rollup_basis,
      activationMinActivities: r.activation_min_activities,
      activationDays: r.activation_days,
      dormantDays: r.dormant_days,
      churnedDays: r.churned_days,
      lifecycleUpdatedAt: r.lifecycle_updated_at ? new Date(r.lifecycle_updated_at).toISOString() : null,
    };
  }
  const basisOf = (kinds: string[]) => `${tz}|${[...kinds].sort().join(',')}`;

  async function updateSettings(ctx: ActorContext, patch: SettingsPatch) {
    const problems: { path: string; message: string }[] = [];
    for (const k of patch.meaningfulKinds ?? [])
      if (!(ACTIVITY_KINDS as readonly string[]).includes(k))
        problems.push({ path: '/meaningfulKinds', message: `${k} is not an activity kind` });
    if (patch.meaningfulKinds && patch.meaningfulKinds.length === 0)
      problems.push({ path: '/meaningfulKinds', message: 'name at least one kind' });
    const thresholdsProblem = patch.rfmFrequencyThresholds && frequencyThresholdsProblem(patch.rfmFrequencyThresholds);
    if (thresholdsProblem) problems.push({ path: '/rfmFrequencyThresholds', message: thresholdsProblem });
    await database.transaction(async (tx) => {
      const before = await settings(tx);
      const dormant = patch.dormantDays ?? before.dormantDays;
      if ((patch.churnedDays ?? before.churnedDays) <= dormant)
        problems.push({
          path: patch.churnedDays !== undefined ? '/churnedDays' : '/dormantDays',
          message: `churned must come after dormant (${dormant} days)`,
        });
      failIfProblems(problems);
      await repo.saveSettings(tx, {
        ...(patch.meaningfulKinds && { meaningful_kinds: [...new Set(patch.meaningfulKinds)] }),
        ...(patch.rfmWindowDays !== undefined && { rfm_window_days: patch.rfmWindowDays }),
        ...(patch.rfmFrequencyThresholds && { rfm_frequency_thresholds: patch.rfmFrequencyThresholds }),
        ...(patch.activationMinActivities !== undefined && {
          activation_min_activities: patch.activationMinActivities,
        }),
        ...(patch.activationDays !== undefined && { activation_days: patch.activationDays }),
        ...(patch.dormantDays !== undefined && { dormant_days: patch.dormantDays }),
        ...(patch.churnedDays !== undefined && { churned_days: patch.churnedDays }),
        updated_at: clock.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'analytics.settings.update',
        targetType: 'analytics_settings',
        targetId: 1,
        before,
        after: await settings(tx),
      });
    });
    // The rollup counts meaningful activities: a new definition means recounting history.
    if (patch.meaningfulKinds) await rebuildRollups();
    return settings();
  }

  /** Recomputes the rollups from raw history (`ifStale`: only when the time zone or meaningful kinds changed). */
  async function rebuildRollupsIn(tx: Tx, opts: { ifStale?: boolean } = {}): Promise<boolean> {
    const s = await settings(tx);
    const basis = basisOf(s.meaningfulKinds);
    if (opts.ifStale && s.rollupBasis === basis) return false;
    await rollups.rebuild(tx, tz, s.meaningfulKinds);
    await repo.saveSettings(tx, { rollup_basis: basis });
    return true;
  }
  const rebuildRollups = (opts: { ifStale?: boolean } = {}) => database.transaction((tx) => rebuildRollupsIn(tx, opts));

  const period = (q: { from?: string; to?: string }) => reportPeriod(q, tz, clock);
  const community = reportCommunity;

  // Staff opening the same dashboard at once share one computation (kernel/single-flight.ts).
  const sharedEngagement = singleFlight<Awaited<ReturnType<typeof engagementOf>>>();
  async function engagement(ctx: ActorContext, q: { from?: string; to?: string; communityId?: number }) {
    const p = period(q);
    const c = community(ctx, q.communityId);
    return sharedEngagement(`${c}|${p.from}|${p.to}`, () => engagementOf(c, p));
  }

  async function engagementOf(c: number, p: repo.Span) {
    // Three independent reads of small aggregates, side by side on the pool.
    const [series, [active, wau, mau], members] = await Promise.all([
      repo.dailySeries(db, c, p),
      repo.activeMembers(db, c, [p, { from: addDays(p.to, -6), to: p.to }, { from: addDays(p.to, -29), to: p.to }]),
      repo.membersAt(db, c, p.to, tz),
    ]);
    const n = daysBetween(p.from, p.to);
    const days = Array.from({ length: n }, (_, i) => {
      const day = addDays(p.from, i);
      return { day, ...(series.get(day) ?? { active: 0, messages: 0, meaningful: 0 }) };
    });
    const messages = days.reduce((s, d) => s + d.messages, 0);
    const meaningful = days.reduce((s, d) => s + d.meaningful, 0);
    const dau = ratio(
      days.reduce((s, d) => s + d.active, 0),
      n,
    );
    return {
      period: { from: p.from, to: p.to },
      communityId: c === 0 ? null : c,
      members,
      activeMembers: active!,
      dau,
      wau: wau!,
      mau: mau!,
      // Two different questions (docs/metrics.md): how many of the members were active in the
      // period, and on how many of its days an active member was there, on average.
      activeRate: ratio(active!, members),
      participationRate: ratio(dau, active!),
      messages,
      messagesPerActiveMember: ratio(messages, active!),
      meaningfulActivities: meaningful,
      interactionsPerActiveMemberPerWeek: ratio(meaningful, active!) / (n / 7),
      days,
    };
  }

  /**
   * The workspace's figures the overview shows, read from the rollups and the profile counts, so
   * they cost the same at any size: live profiles before the period, created on each of its days
   * and in all; active members (meaningful activity, as every report counts them) and messages per
   * day; and active members in each of `spans`.
   */
  async function workspaceGlance(p: repo.Span, spans: repo.Span[]) {
    const [series, active, profiles] = await Promise.all([
      repo.dailySeries(db, 0, p),
      repo.activeMembers(db, 0, spans),
      repo.profilesByDay(db, p, tz),
    ]);
    return { series, active, profiles };
  }

  /** The 10 members with the most meaningful activities in the period: a report over member rows. */
  async function topContributors(ctx: ActorContext, q: { from?: string; to?: string; communityId?: number }) {
    const p = period(q);
    const c = community(ctx, q.communityId);
    const top = await repo.topContributors(db, c, p, 10);
    const names = await getMemberSummaries(
      db,
      top.map((t) => t.member_id),
    );
    return {
      period: { from: p.from, to: p.to },
      communityId: c === 0 ? null : c,
      items: top.map((t) => ({
        memberId: t.member_id,
        name: names.get(t.member_id)?.displayName ?? `#${t.member_id}`,
        meaningful: t.meaningful,
        messages: t.messages,
        activeDays: t.active_days,
      })),
    };
  }

  async function heatmap(ctx: ActorContext, q: { from?: string; to?: string; communityId?: number }) {
    const p = period(q);
    const c = community(ctx, q.communityId);
    const s = await settings();
    const cells = await repo.heatmap(db, c, p, tz, s.meaningfulKinds);
    return { period: { from: p.from, to: p.to }, communityId: c === 0 ? null : c, cells };
  }

  async function communities(ctx: ActorContext, q: { from?: string; to?: string }) {
    const p = period(q);
    const scope = ctx.actor.communityIds;
    const rows = (await repo.communityComparison(db, p, tz)).filter((r) => scope === null || scope.includes(r.id));
    return {
      period: { from: p.from, to: p.to },
      items: rows.map((r) => ({
        ...r,
        activeRate: ratio(r.active, r.members),
        messagesPerActiveMember: ratio(r.messages, r.active),
      })),
    };
  }

  /** Each community's health score with its parts and advice (docs/metrics.md). */
  async function health(ctx: ActorContext, q: { from?: string; to?: string }) {
    const p = period(q);
    const n = daysBetween(p.from, p.to);
    const prev = { from: addDays(p.from, -n), to: addDays(p.from, -1) };
    const scope = ctx.actor.communityIds;
    const rows = (await repo.healthFigures(db, p, prev, tz)).filter((r) => scope === null || scope.includes(r.id));
    return {
      period: { from: p.from, to: p.to },
      previous: prev,
      items: rows.map((r) => {
        const input = {
          membersStart: r.members_start,
          membersEnd: r.members_end,
          active: r.active,
          activePrevious: r.active_previous,
          retained: r.retained,
          sentiment: null,
        };
        const parts = healthParts(input);
        const weakest = weakestPart(parts);
        return {
          id: r.id,
          name: r.name,
          stage: r.stage,
          score: healthScore(parts),
          membersStart: r.members_start,
          membersEnd: r.members_end,
          active: r.active,
          activePrevious: r.active_previous,
          retained: r.retained,
          parts,
          weakest,
          advice: { stage: r.stage, findings: findings(parts, input) },
        };
      }),
    };
  }

  async function ensureLayerTexts(tx: Tx) {
    const rows = RFM_LAYERS.map((k) => ({
      key: k,
      name_zh: DEFAULT_LAYER_TEXT[k].nameZh,
      name_en: DEFAULT_LAYER_TEXT[k].nameEn,
      strategy_zh: DEFAULT_LAYER_TEXT[k].strategyZh,
      strategy_en: DEFAULT_LAYER_TEXT[k].strategyEn,
    }));
    await repo.insertMissingLayerTexts(tx, rows);
  }

  /** The as-of day asked for (default today in the workspace time zone), refused with a 400 naming `asOf`. */
  function resolveAsOf(asOf: string | undefined, now: Date): string {
    const today = localDay(tz, now);
    if (asOf === undefined) return today;
    const problem = asOfProblem(asOf, today);
    if (problem) failIfProblems([{ path: 'asOf', message: problem }]);
    return asOf;
  }

  /** Scores every buyer as of a day (default today) inside `tx`; the nightly job keeps today. Returns the run recorded. */
  async function scoreRfmIn(tx: Tx, now = clock.now(), asOf?: string): Promise<RfmRun> {
    const s = await settings(tx);
    const w = rfmWindow(resolveAsOf(asOf, now), s.rfmWindowDays);
    const scored = await repo.scoreRfm(tx, w, tz, now, s.rfmFrequencyThresholds);
    return {
      scored,
      computedAt: now.toISOString(),
      asOf: w.asOf,
      window: { from: w.from, to: w.to },
      windowDays: w.days,
    };
  }

  /** Scoring asked for by a person (audited), the CLI or the benchmark: as of `asOf`, a workspace day, by default today. */
  async function computeRfm(opts: { asOf?: string; now?: Date } = {}, ctx?: ActorContext): Promise<RfmRun> {
    const now = opts.now ?? clock.now();
    resolveAsOf(opts.asOf, now); // refused before any write
    return database.transaction(async (tx) => {
      const run = await scoreRfmIn(tx, now, opts.asOf);
      if (ctx)
        await recordAudit(tx, ctx, { action: 'analytics.rfm.compute', targetType: 'analytics_member_rfm', after: run });
      return run;
    });
  }

  async function lastRun(): Promise<RfmRun | null> {
    const r = await repo.lastRfmRun(db);
    return (
      r && {
        scored: r.scored,
        computedAt: new Date(r.computed_at).toISOString(),
        asOf: r.as_of,
        window: { from: r.window_from, to: r.window_to },
        windowDays: r.window_days,
      }
    );
  }

  async function rfm(ctx: ActorContext) {
    requireWorkspaceReader(ctx, 'RFM layers');
    await database.transaction((tx) => ensureLayerTexts(tx));
    const texts = await repo.layerTexts(db);
    const summary = new Map((await repo.layerSummary(db)).map((x) => [x.layer, x]));
    const run = await lastRun();
    const total = [...summary.values()].reduce((s, x) => s + x.members, 0);
    const s = await settings();
    return {
      computedAt: run?.computedAt ?? null,
      run,
      buyers: total,
      windowDays: s.rfmWindowDays,
      frequencyThresholds: s.rfmFrequencyThresholds,
      ranges: await scoreRangesOf(),
      layers: RFM_LAYERS.map((k) => {
        const t = texts.find((x) => x.key === k)!;
        const s = summary.get(k);
        return {
          key: k,
          nameZh: t.name_zh,
          nameEn: t.name_en,
          strategyZh: t.strategy_zh,
          strategyEn: t.strategy_en,
          members: s?.members ?? 0,
          share: ratio(s?.members ?? 0, total),
          revenue: s?.revenue ?? '0.00',
          avgRecencyDays: s?.avg_recency ?? null,
          avgFrequency: s?.avg_frequency ?? null,
        };
      }),
      grid: await repo.rfmGrid(db),
    };
  }

  /**
   * What each score stands for in the last scoring: R in days since the last order, F in orders, M
   * in money, with the buyers holding it; scores nobody holds are listed with no range.
   */
  async function scoreRangesOf() {
    const rows = await repo.scoreRanges(db);
    const axis = (a: 'r' | 'f' | 'm') =>
      [1, 2, 3, 4, 5].map((score) => {
        const x = rows.find((y) => y.axis === a && y.score === score);
        return { score, min: x?.min ?? null, max: x?.max ?? null, buyers: x?.buyers ?? 0 };
      });
    return { r: axis('r'), f: axis('f'), m: axis('m') };
  }

  async function updateLayer(
    ctx: ActorContext,
    key: string,
    input: { nameZh: string; nameEn: string; strategyZh: string; strategyEn: string },
  ) {
    if (!(RFM_LAYERS as readonly string[]).includes(key))
      throw new KithError('NOT_FOUND', `RFM layer ${key} does not exist`);
    const problems = (['nameZh', 'nameEn', 'strategyZh', 'strategyEn'] as const)
      .filter((f) => !input[f].trim())
      .map((f) => ({ path: `/${f}`, message: 'must not be empty' }));
    failIfProblems(problems);
    await database.transaction(async (tx) => {
      await ensureLayerTexts(tx);
      const before = await repo.layerText(tx, key);
      if (!before) throw new Error(`RFM layer ${key} has no text`);
      await repo.saveLayerText(tx, key, {
        name_zh: input.nameZh.trim(),
        name_en: input.nameEn.trim(),
        strategy_zh: input.strategyZh.trim(),
        strategy_en: input.strategyEn.trim(),
        updated_at: clock.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'analytics.rfm_layer.update',
        targetType: 'rfm_layer',
        targetId: key,
        before,
        after: input,
      });
    });
    return (await rfm(ctx)).layers.find((l) => l.key === key)!;
  }

  async function layerMembers(ctx: ActorContext, layer: string, q: { cursor?: string; limit?: number }) {
    requireWorkspaceReader(ctx, 'RFM layers');
    if (!(RFM_LAYERS as readonly string[]).includes(layer))
      throw new KithError('NOT_FOUND', `RFM layer ${layer} does not exist`);
    const limit = Math.min(q.limit ?? 50, 200);
    const after = q.cursor ? decodeCursor(q.cursor, ['id'])[0] : 0;
    const rows = await repo.layerMembers(db, layer, after, limit + 1);
    const { items: page, nextCursor } = pageOf(rows, limit, (last) => [last.member_id]);
    const names = await getMemberSummaries(
      db,
      page.map((r) => r.member_id),
    );
    return {
      asOf: rows[0]?.as_of ?? (await lastRun())?.asOf ?? null,
      items: page.map((r) => ({
        memberId: r.member_id,
        name: names.get(r.member_id)?.displayName ?? `#${r.member_id}`,
        recencyDays: r.recency_days,
        frequency: r.frequency,
        monetary: r.monetary,
        r: r.r,
        f: r.f,
        m: r.m,
      })),
      nextCursor,
    };
  }

  async function memberRfm(ctx: ActorContext, memberId: number) {
    await requireMemberFor(db, ctx, memberId, { live: false });
    const r = await repo.memberRfm(db, memberId);
    if (!r) return null;
    const t = await repo.layerText(db, r.layer);
    const d = DEFAULT_LAYER_TEXT[r.layer as RfmLayer];
    return {
      recencyDays: r.recency_days,
      frequency: r.frequency,
      monetary: r.monetary,
      r: r.r,
      f: r.f,
      m: r.m,
      layer: r.layer as RfmLayer,
      nameZh: t?.name_zh ?? d.nameZh,
      nameEn: t?.name_en ?? d.nameEn,
      strategyZh: t?.strategy_zh ?? d.strategyZh,
      strategyEn: t?.strategy_en ?? d.strategyEn,
      computedAt: r.computed_at.toISOString(),
      asOf: r.as_of ?? localDay(tz, r.computed_at),
    };
  }

  return {
    settings,
    updateSettings,
    rebuildRollups,
    rebuildRollupsIn,
    engagement,
    workspaceGlance,
    topContributors,
    heatmap,
    health,
    communities,
    computeRfm,
    scoreRfmIn,
    rfm,
    updateLayer,
    layerMembers,
    memberRfm,
    basisOf,
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
