import { sql } from 'kysely';
import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import { topic, type Jobs } from '../../kernel/jobs.js';
import type { ActorContext } from '../../kernel/context.js';
import { KithError, failIfProblems, notFound } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { ACTIVITY_KINDS } from '../activity/index.js';
import { requireMemberFor } from '../members/index.js';
import { evaluationPeriodOf, windowStartMonth } from './domain/calendar.js';
import { benefitProblems, obligationProblems, type Benefit } from './domain/benefits.js';
import { evaluateTier, promotionTarget, sortTiers, type Obligation, type TierRule } from './domain/tiers.js';
import { loadProgramme, type Programme } from './programme.repo.js';

import * as repo from './tiers.repo.js';
import { lockAccounts } from './ledger.repo.js';
import type { GrownAccount } from './ledger.service.js';

/** A tier change of one or more members, as the evaluation or a growth posting made it. */
export interface TierChangedPayload {
  changes: { memberId: number; fromTierId: number | null; toTierId: number | null; at: string }[];
}
export const TIER_PROMOTED = topic<TierChangedPayload>('tier.promoted');
export const TIER_DEMOTED = topic<TierChangedPayload>('tier.demoted');

export interface TierView {
  id: number;
  nameZh: string;
  nameEn: string;
  threshold: number;
  keepThreshold: number | null;
  effectiveKeepThreshold: number;
  benefits: Benefit[];
  obligations: Obligation[];
  color: string;
}
export interface ThresholdProposal {
  tierId: number;
  threshold: number;
}
export interface TierInput {
  nameZh: string;
  nameEn: string;
  threshold: number;
  keepThreshold?: number | null;
  benefits?: Benefit[];
  obligations?: Obligation[];
  color?: string;
}

const rule = (t: repo.TierRow): TierRule => ({
  id: t.id,
  threshold: t.threshold,
  keepThreshold: t.keep_threshold,
  obligations: t.obligations as Obligation[],
});

export function tierView(t: repo.TierRow, p: Programme): TierView {
  return {
    id: t.id,
    nameZh: t.name_zh,
    nameEn: t.name_en,
    threshold: t.threshold,
    keepThreshold: t.keep_threshold,
    effectiveKeepThreshold: t.keep_threshold ?? Math.ceil((t.threshold * p.keepRatioMilli) / 1000),
    benefits: t.benefits as Benefit[],
    obligations: t.obligations as Obligation[],
    color: t.color,
  };
}

/**
 * Tiers 会员等级: the tier list, promotion as soon as growth crosses a threshold, periodic
 * evaluation (demotion with hysteresis and grace), manual assignment, and the history that
 * explains each change. Changes are published as `tier.promoted` / `tier.demoted` events with
 * the list of members that changed.
 */
export function createTiersService(deps: { database: Database; clock: Clock; jobs: Jobs; timeZone: string }) {
  const { database, clock, jobs, timeZone: tz } = deps;

  async function list(tx: Tx = database.db) {
    const p = await loadProgramme(tx);
    return (await repo.listTiers(tx)).map((t) => tierView(t, p));
  }

  function check(input: TierInput, others: repo.TierRow[]) {
    const problems = [
      ...benefitProblems(input.benefits ?? []),
      ...obligationProblems(input.obligations ?? [], ACTIVITY_KINDS),
    ];
    if (!input.nameZh.trim()) problems.push({ path: '/nameZh', message: 'must not be empty' });
    if (!input.nameEn.trim()) problems.push({ path: '/nameEn', message: 'must not be empty' });
    if (!Number.isSafeInteger(input.threshold) || input.threshold < 0)
      problems.push({ path: '/threshold', message: 'must be a whole number of at least 0' });
    if (others.some((t) => t.threshold === input.threshold))
      problems.push({ path: '/threshold', message: `another tier already starts at ${input.threshold}` });
    const lowest = Math.min(input.threshold, ...others.map((t) => t.threshold));
    if (lowest !== 0)
      problems.push({ path: '/threshold', message: 'the lowest tier is the entry tier and must start at 0' });
    if (input.keepThreshold != null && input.keepThreshold > input.threshold)
      problems.push({ path: '/keepThreshold', message: 'must not be above the threshold' });
    failIfProblems(problems);
  }

  /**
   * One change of the tier list at a time: creating, editing and removing a tier and applying
   * thresholds all check the whole list before they write, so two of them at once could each pass
   * their check and together break it (two tiers at one threshold).
   */
  const lockTierList = (tx: Tx) => sql`lock table loyalty_tiers in share row exclusive mode`.execute(tx);

  /** Promotes at once the members whose window growth reaches `threshold` or more: promotion follows a lowered or new threshold. */
  async function promoteReaching(tx: Tx, p: Programme, threshold: number): Promise<number> {
    const start = windowStartMonth(tz, clock.now(), p.qualificationMonths);
    const reach = await repo.membersWithGrowth(tx, threshold, start);
    let promoted = 0;
    for (let i = 0; i < reach.length; i += 5_000) promoted += await promoteIfQualified(tx, reach.slice(i, i + 5_000));
    return promoted;
  }

  async function create(ctx: ActorContext, input: TierInput): Promise<TierView> {
    return database.transaction(async (tx) => {
      await lockTierList(tx);
      check(input, await repo.listTiers(tx));
      const row = await tx
        .insertInto('loyalty_tiers')
        .values({
          name_zh: input.nameZh.trim(),
          name_en: input.nameEn.trim(),
          threshold: input.threshold,
          keep_threshold: input.keepThreshold ?? null,
          benefits: JSON.stringify(input.benefits ?? []),
          obligations: JSON.stringify(input.obligations ?? []),
          color: input.color ?? '#8c8c8c',
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const p = await loadProgramme(tx);
      const view = tierView(row, p);
      await recordAudit(tx, ctx, {
        action: 'loyalty.tier.create',
        targetType: 'loyalty_tier',
        targetId: row.id,
        after: view,
      });
      if (row.threshold > 0) await promoteReaching(tx, p, row.threshold);
      return view;
    });
  }

  async function update(ctx: ActorContext, id: number, input: TierInput): Promise<TierView> {
    return database.transaction(async (tx) => {
      await lockTierList(tx);
      const all = await repo.listTiers(tx);
      const before = all.find((t) => t.id === id);
      if (!before) throw notFound('Tier', id);
      check(
        input,
        all.filter((t) => t.id !== id),
      );
      const p = await loadProgramme(tx);
      const row = await tx
        .updateTable('loyalty_tiers')
        .set({
          name_zh: input.nameZh.trim(),
          name_en: input.nameEn.trim(),
          threshold: input.threshold,
          keep_threshold: input.keepThreshold ?? null,
          benefits: JSON.stringify(input.benefits ?? []),
          obligations: JSON.stringify(input.obligations ?? []),
          color: input.color ?? before.color,
          updated_at: clock.now(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const view = tierView(row, p);
      await recordAudit(tx, ctx, {
        action: 'loyalty.tier.update',
        targetType: 'loyalty_tier',
        targetId: id,
        before: tierView(before, p),
        after: view,
      });
      // A lowered threshold promotes at once; a raised one waits for the evaluation, with its keep threshold and grace.
      if (row.threshold < before.threshold && row.threshold > 0) await promoteReaching(tx, p, row.threshold);
      return view;
    });
  }

  async function remove(ctx: ActorContext, id: number): Promise<void> {
    await database.transaction(async (tx) => {
      await lockTierList(tx);
      const all = await repo.listTiers(tx);
      const before = all.find((t) => t.id === id);
      if (!before) throw notFound('Tier', id);
      if (before.threshold === 0 && all.length > 1)
        throw new KithError('CONFLICT', 'The entry tier can be removed only when it is the last tier');
      const used = await tx
        .selectFrom('loyalty_accounts')
        .select('member_id')
        .where((eb) => eb.or([eb('tier_id', '=', id), eb('manual_tier_id', '=', id)]))
        .limit(1)
        .executeTakeFirst();
      const inHistory = await tx
        .selectFrom('loyalty_tier_history')
        .select('id')
        .where((eb) => eb.or([eb('from_tier_id', '=', id), eb('to_tier_id', '=', id)]))
        .limit(1)
        .executeTakeFirst();
      if (used || inHistory)
        throw new KithError(
          'CONFLICT',
          'Members hold or have held this tier; change its threshold or name instead of removing it',
        );
      await tx.deleteFrom('loyalty_tiers').where('id', '=', id).execute();
      await recordAudit(tx, ctx, {
        action: 'loyalty.tier.delete',
        targetType: 'loyalty_tier',
        targetId: id,
        before: tierView(before, await loadProgramme(tx)),
      });
    });
  }

  /** The tiers under proposed thresholds (unnamed tiers keep theirs), refused when they cannot all hold. */
  function proposedTiers(tiers: repo.TierRow[], proposed: ThresholdProposal[]) {
    const want = new Map(proposed.map((x) => [x.tierId, x.threshold]));
    for (const id of want.keys()) if (!tiers.some((t) => t.id === id)) throw notFound('Tier', id);
    const next = sortTiers(tiers.map((t) => ({ id: t.id, threshold: want.get(t.id) ?? t.threshold })));
    if (new Set(next.map((t) => t.threshold)).size !== next.length)
      failIfProblems([{ path: '/thresholds', message: 'two tiers would start at the same growth value' }]);
    if (next.length && next[0]!.threshold !== 0)
      failIfProblems([{ path: '/thresholds', message: 'the entry tier must start at 0' }]);
    return next;
  }

  /** Members per tier now (by growth in the window) and under proposed thresholds, both computed. */
  async function preview(proposed: ThresholdProposal[]) {
    const tx = database.db;
    const p = await loadProgramme(tx);
    const tiers = sortTiers(await repo.listTiers(tx));
    const start = windowStartMonth(tz, clock.now(), p.qualificationMonths);
    const next = proposedTiers(tiers, proposed);
    const current = await repo.distribution(
      tx,
      tiers.map((t) => t.threshold),
      start,
    );
    const after = await repo.distribution(
      tx,
      next.map((t) => t.threshold),
      start,
    );
    const afterById = new Map(next.map((t, i) => [t.id, { threshold: t.threshold, members: after[i]! }]));
    return tiers.map((t, i) => ({
      tierId: t.id,
      threshold: t.threshold,
      members: current[i]!,
      proposedThreshold: afterById.get(t.id)!.threshold,
      proposedMembers: afterById.get(t.id)!.members,
    }));
  }

  /**
   * Saves the thresholds tried in the preview all at once (so two tiers can trade places), each
   * tier's change audited, and promotes at once the members whose growth now reaches a higher tier:
   * promotion follows the threshold as it always does. Raised thresholds demote nobody here;
   * demotion waits for the periodic evaluation, with its keep threshold and grace.
   */
  async function applyThresholds(
    ctx: ActorContext,
    proposed: ThresholdProposal[],
  ): Promise<{ items: TierView[]; promoted: number }> {
    return database.transaction(async (tx) => {
      await lockTierList(tx);
      await sql`set constraints loyalty_tiers_threshold_uq deferred`.execute(tx); // tiers may trade places (migration 0012)
      const p = await loadProgramme(tx);
      const tiers = await repo.listTiers(tx);
      const next = new Map(proposedTiers(tiers, proposed).map((t) => [t.id, t.threshold]));
      failIfProblems(
        proposed.flatMap((x, i) => {
          const keep = tiers.find((t) => t.id === x.tierId)!.keep_threshold;
          return keep !== null && keep > x.threshold
            ? [
                {
                  path: `/thresholds/${i}/threshold`,
                  message: `must not be below the tier's keep threshold ${keep}; lower that first`,
                },
              ]
            : [];
        }),
      );
      let lowered: number | null = null;
      for (const before of tiers) {
        const threshold = next.get(before.id)!;
        if (threshold === before.threshold) continue;
        if (threshold < before.threshold && threshold > 0) lowered = Math.min(lowered ?? threshold, threshold);
        const row = await tx
          .updateTable('loyalty_tiers')
          .set({ threshold, updated_at: clock.now() })
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(tx, ctx, {
          action: 'loyalty.tier.update',
          targetType: 'loyalty_tier',
          targetId: before.id,
          before: tierView(before, p),
          after: tierView(row, p),
        });
      }
      const promoted = lowered === null ? 0 : await promoteReaching(tx, p, lowered);
      return { items: (await repo.listTiers(tx)).map((t) => tierView(t, p)), promoted };
    });
  }

  /**
   * Promotion on crossing a threshold, heard from the ledger after a credit. Growth in the window
   * never exceeds lifetime growth (growth taken back is dated no earlier than what it reverses), so
   * a member whose lifetime growth would not lift them is not read again.
   */
  async function promoteOnGrowth(tx: Tx, grown: GrownAccount[]): Promise<number> {
    const tiers = sortTiers((await repo.listTiers(tx)).map(rule));
    if (tiers.length < 2) return 0;
    const reach = grown
      .filter((a) => promotionTarget(tiers, a.tierId, a.growthLifetime) !== null)
      .map((a) => a.memberId);
    return reach.length ? promoteIfQualified(tx, reach, tiers) : 0;
  }

  /** Promotes those of these members whose growth in the window reaches a higher tier. Returns how many moved up. */
  async function promoteIfQualified(tx: Tx, memberIds: number[], listed?: TierRule[]): Promise<number> {
    const tiers = listed ?? sortTiers((await repo.listTiers(tx)).map(rule));
    if (tiers.length < 2) return 0;
    const p = await loadProgramme(tx);
    const now = clock.now();
    // The growth that lifts a member above each tier (the top tier has none); a member without a tier sits at the entry tier.
    const next = tiers.map((t, i) => ({ tierId: t.id, next: tiers[i + 1]?.threshold ?? Number.MAX_VALUE }));
    const candidates = await repo.promotionCandidates(
      tx,
      memberIds,
      windowStartMonth(tz, now, p.qualificationMonths),
      next,
      next[0]!.next,
    );
    const changes: repo.TierChangeRow[] = [];
    const updates: Parameters<typeof repo.setEarnedTiers>[1] = [];
    for (const a of candidates) {
      const g = a.growth;
      const to = promotionTarget(tiers, a.tier_id, g);
      if (!to) continue;
      updates.push({ memberId: a.member_id, tierId: to.id, tierSince: now, belowKeepSince: null });
      changes.push({
        memberId: a.member_id,
        fromTierId: a.tier_id,
        toTierId: to.id,
        change: 'promoted',
        actor: 'system',
        effectiveAt: now,
        reason: 'growth reached the threshold',
        details: { growth: g, threshold: to.threshold, windowMonths: p.qualificationMonths },
      });
    }
    return (await applyChanges(tx, updates, changes)).size;
  }

  async function applyChanges(
    tx: Tx,
    updates: repo.EarnedTierUpdate[],
    all: repo.TierChangeRow[],
  ): Promise<Set<number>> {
    const written = await repo.setEarnedTiers(tx, updates);
    const changes = all.filter((c) => written.has(c.memberId));
    await repo.insertHistory(tx, changes);
    for (const kind of ['promoted', 'demoted'] as const) {
      const list = changes.filter((c) => c.change === kind);
      if (list.length) {
        await jobs.publish(tx, kind === 'promoted' ? TIER_PROMOTED : TIER_DEMOTED, {
          changes: list.map((c) => ({
            memberId: c.memberId,
            fromTierId: c.fromTierId,
            toTierId: c.toTierId,
            at: c.effectiveAt.toISOString(),
          })),
        });
      }
    }
    return written;
  }

  /** The period an evaluation at `now` judges: the one that ended before `now`'s period began. */
  async function periodToEvaluate(tx: Tx, now: Date) {
    const p = await loadProgramme(tx);
    const current = evaluationPeriodOf(tz, now, p.evaluationPeriod);
    return { programme: p, current, prev: evaluationPeriodOf(tz, current.start.getTime() - 1, p.evaluationPeriod) };
  }

  /**
   * One chunk of the periodic evaluation for the period that ended before `now` (at the start of
   * December the November evaluation: obligations count November's activities). The run's cursor
   * commits with the chunk, so a run that stopped picks up where it was, and a finished run is not
   * run again. Only accounts that change are written.
   */
  async function evaluateChunk(tx: Tx, now: Date, chunk: number) {
    const { programme: p, prev } = await periodToEvaluate(tx, now);
    const run = await repo.evaluationRun(tx, prev.key);
    const result = { period: prev.key, evaluated: 0, promoted: 0, demoted: 0, done: run.finished_at !== null };
    if (result.done) return result;
    const tiers = sortTiers((await repo.listTiers(tx)).map(rule));
    const kindSets = [
      ...new Map(
        tiers.flatMap((t) => t.obligations).map((o) => [JSON.stringify([...o.kinds].sort()), [...o.kinds].sort()]),
      ).values(),
    ];
    const setIndex = new Map(kindSets.map((k, i) => [JSON.stringify(k), i]));
    const accounts = await repo.accountsAfter(tx, run.after_member_id, chunk);
    const ids = accounts.map((a) => a.member_id);
    const growth = ids.length
      ? await repo.windowGrowthRange(
          tx,
          run.after_member_id,
          ids.at(-1)!,
          windowStartMonth(tz, now, p.qualificationMonths),
        )
      : new Map<number, number>();
    const counts = await repo.activityCounts(tx, ids, prev.start, prev.next, kindSets);
    const updates: repo.EarnedTierUpdate[] = [];
    const changes: repo.TierChangeRow[] = [];
    const kindKey = new Map<string[], number>();
    for (const t of tiers)
      for (const o of t.obligations) kindKey.set(o.kinds, setIndex.get(JSON.stringify([...o.kinds].sort()))!);
    for (const a of accounts) {
      const c = counts.get(a.member_id);
      const activityCount = (k: string[]) => c?.[kindKey.get(k) ?? setIndex.get(JSON.stringify([...k].sort()))!] ?? 0;
      const out = evaluateTier(
        tiers,
        p,
        { tierId: a.tier_id, growth: growth.get(a.member_id) ?? 0, belowKeepSince: a.below_keep_since, activityCount },
        now,
      );
      const sameGrace = (out.belowKeepSince?.getTime() ?? null) === (a.below_keep_since?.getTime() ?? null);
      if (!out.change && sameGrace) continue;
      updates.push({
        memberId: a.member_id,
        tierId: out.tierId,
        tierSince: out.change ? now : a.tier_since,
        belowKeepSince: out.belowKeepSince,
        expect: { tierId: a.tier_id, belowKeepSince: a.below_keep_since },
      });
      if (!out.change) continue;
      changes.push({
        memberId: a.member_id,
        fromTierId: out.change.fromTierId,
        toTierId: out.change.toTierId,
        change: out.change.kind,
        reason: out.change.reason,
        details: { ...out.change.details, period: prev.key },
        actor: 'evaluation',
        effectiveAt: now,
      });
    }
    // An account a promotion changed meanwhile is left as it now is; it is judged again next period.
    const written = await applyChanges(tx, updates, changes);
    for (const c of changes)
      if (written.has(c.memberId)) c.change === 'promoted' ? result.promoted++ : result.demoted++;
    result.evaluated = accounts.length;
    result.done = accounts.length < chunk;
    await tx
      .updateTable('loyalty_evaluations')
      .set({
        after_member_id: ids.at(-1) ?? run.after_member_id,
        evaluated: run.evaluated + result.evaluated,
        promoted: run.promoted + result.promoted,
        demoted: run.demoted + result.demoted,
        finished_at: result.done ? now : null,
      })
      .where('period', '=', prev.key)
      .execute();
    return result;
  }

  /** The whole periodic evaluation, chunk by chunk (each its own transaction), then ended manual tiers. */
  async function evaluate(
    now = clock.now(),
    chunk = 20_000,
    ctx?: ActorContext,
  ): Promise<{ period: string; evaluated: number; promoted: number; demoted: number }> {
    const total = { period: '', evaluated: 0, promoted: 0, demoted: 0 };
    for (;;) {
      const r = await database.transaction((tx) => evaluateChunk(tx, now, chunk));
      total.period = r.period;
      total.evaluated += r.evaluated;
      total.promoted += r.promoted;
      total.demoted += r.demoted;
      if (r.done) break;
    }
    await database.transaction(async (tx) => {
      await endManualAssignments(tx, now);
      // Run by a person (the console's "evaluate now", the CLI): audited like any operator write.
      if (ctx)
        await recordAudit(tx, ctx, {
          action: 'loyalty.tier.evaluate',
          targetType: 'loyalty_evaluation',
          targetId: total.period,
          after: total,
        });
    });
    return total;
  }

  /** Manual tiers whose end has come give way to the earned tier, with a history entry at the end time. */
  async function endManualAssignments(tx: Tx, now = clock.now()): Promise<number> {
    const ended = await repo.endedManualAssignments(tx, now, 100_000);
    if (ended.length === 0) return 0;
    await tx
      .updateTable('loyalty_accounts')
      .set({ manual_tier_id: null, manual_until: null, manual_reason: null })
      .where(
        'member_id',
        'in',
        ended.map((e) => e.member_id),
      )
      .execute();
    await repo.insertHistory(
      tx,
      ended.map((e) => ({
        memberId: e.member_id,
        fromTierId: e.manual_tier_id,
        toTierId: e.tier_id,
        change: 'manual_ended' as const,
        reason: 'the manual assignment ended',
        details: {},
        actor: 'system',
        effectiveAt: e.manual_until!,
      })),
    );
    return ended.length;
  }

  /** An operator's tier for a member, with a reason and an optional end; wins while valid. */
  async function assignManual(
    ctx: ActorContext,
    memberId: number,
    input: { tierId: number; reason: string; until?: string | null },
  ) {
    const reason = input.reason.trim();
    if (!reason) failIfProblems([{ path: '/reason', message: 'say why the member gets this tier' }]);
    const until = input.until ? new Date(input.until) : null;
    if (until && Number.isNaN(until.getTime())) failIfProblems([{ path: '/until', message: 'must be a date-time' }]);
    const now = clock.now();
    if (until && until <= now) failIfProblems([{ path: '/until', message: 'must be in the future' }]);
    return database.transaction(async (tx) => {
      await requireMemberFor(tx, ctx, memberId, { live: true });
      const tier = await tx.selectFrom('loyalty_tiers').select('id').where('id', '=', input.tierId).executeTakeFirst();
      if (!tier) failIfProblems([{ path: '/tierId', message: `tier ${input.tierId} does not exist` }]);
      await tx
        .insertInto('loyalty_accounts')
        .values({ member_id: memberId })
        .onConflict((oc) => oc.column('member_id').doNothing())
        .execute();
      const [before] = await repo.accountsOf(tx, [memberId]);
      await lockAccounts(tx, [memberId]);
      await tx
        .updateTable('loyalty_accounts')
        .set({ manual_tier_id: input.tierId, manual_until: until, manual_reason: reason, updated_at: now })
        .where('member_id', '=', memberId)
        .execute();
      await repo.insertHistory(tx, [
        {
          memberId,
          fromTierId: before!.manual_tier_id ?? before!.tier_id,
          toTierId: input.tierId,
          change: 'manual',
          reason,
          actor: ctx.actor.label,
          details: { until: until?.toISOString() ?? null },
          effectiveAt: now,
        },
      ]);
      await recordAudit(tx, ctx, {
        action: 'loyalty.tier.assign',
        targetType: 'member',
        targetId: memberId,
        before: {
          manualTierId: before!.manual_tier_id,
          manualUntil: before!.manual_until,
          manualReason: before!.manual_reason,
        },
        after: { manualTierId: input.tierId, manualUntil: until, manualReason: reason },
      });
    });
  }

  async function clearManual(ctx: ActorContext, memberId: number, reason: string) {
    const now = clock.now();
    return database.transaction(async (tx) => {
      await requireMemberFor(tx, ctx, memberId, { live: true });
      await lockAccounts(tx, [memberId]);
      const [a] = await repo.accountsOf(tx, [memberId]);
      if (!a?.manual_tier_id) throw new KithError('CONFLICT', `Member ${memberId} has no manual tier`);
      await tx
        .updateTable('loyalty_accounts')
        .set({ manual_tier_id: null, manual_until: null, manual_reason: null, updated_at: now })
        .where('member_id', '=', memberId)
        .execute();
      await repo.insertHistory(tx, [
        {
          memberId,
          fromTierId: a.manual_tier_id,
          toTierId: a.tier_id,
          change: 'manual_ended',
          reason: reason.trim() || 'ended by an operator',
          details: {},
          actor: ctx.actor.label,
          effectiveAt: now,
        },
      ]);
      await recordAudit(tx, ctx, {
        action: 'loyalty.tier.unassign',
        targetType: 'member',
        targetId: memberId,
        before: { manualTierId: a.manual_tier_id, manualUntil: a.manual_until },
      });
    });
  }

  return {
    list,
    create,
    update,
    remove,
    preview,
    applyThresholds,
    promoteOnGrowth,
    periodToEvaluate,
    evaluateChunk,
    evaluate,
    endManualAssignments,
    assignManual,
    clearManual,
  };
}

export type TiersService = ReturnType<typeof createTiersService>;
