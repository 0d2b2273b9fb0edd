import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { Jobs } from '../../kernel/jobs.js';
import type { ActorContext } from '../../kernel/context.js';
import { recordAudit } from '../../kernel/audit.js';
import { evaluationPeriodOf, windowStartMonth } from './domain/calendar.js';
import { evaluateTier, promotionTarget, sortTiers, type Obligation, type TierRule } from './domain/tiers.js';
import { loadProgramme, type Programme } from './programme.repo.js';
import * as repo from './tiers.repo.js';
import type { GrownAccount } from './ledger.service.js';
import type { ManualTiersService } from './manual-tiers.service.js';
import { TIER_DEMOTED, TIER_PROMOTED } from './tier-events.js';

const rule = (t: repo.TierRow): TierRule => ({
  id: t.id,
  threshold: t.threshold,
  keepThreshold: t.keep_threshold,
  obligations: t.obligations as Obligation[],
});

/**
 * Tier evaluation 等级评定: promotion as soon as growth crosses a threshold, and the periodic
 * evaluation (demotion with hysteresis and grace, rules in domain/tiers.ts). Changes are written
 * with their history and published as `tier.promoted` / `tier.demoted` with the members that moved.
 */
export function createTierEvaluationService(deps: {
  database: Database;
  clock: Clock;
  jobs: Jobs;
  timeZone: string;
  manual: ManualTiersService;
}) {
  const { database, clock, jobs, timeZone: tz, manual } = deps;

  /** Promotes at once the members whose window growth reaches `threshold` or more: promotion follows a lowered or new threshold. */
  async function promoteReaching(tx: Tx, p: Programme, threshold: number): Promise<number> {
    const start = windowStartMonth(tz, clock.now(), p.qualificationMonths);
    const reach = await repo.membersWithGrowth(tx, threshold, start);
    let promoted = 0;
    for (let i = 0; i < reach.length; i += 5_000) promoted += await promoteIfQualified(tx, reach.slice(i, i + 5_000));
    return promoted;
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
    await repo.saveEvaluationRun(tx, prev.key, {
      after_member_id: ids.at(-1) ?? run.after_member_id,
      evaluated: run.evaluated + result.evaluated,
      promoted: run.promoted + result.promoted,
      demoted: run.demoted + result.demoted,
      finished_at: result.done ? now : null,
    });
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
      await manual.endManualAssignments(tx, now);
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

  return { promoteReaching, promoteOnGrowth, promoteIfQualified, periodToEvaluate, evaluateChunk, evaluate };
}

export type TierEvaluationService = ReturnType<typeof createTierEvaluationService>;
