import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { KithError, failIfProblems, notFound } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { ACTIVITY_KINDS } from '../activity/index.js';
import type { Benefit } from './domain/benefits.js';
import { proposeThresholds, sortTiers, tierProblems, type Obligation, type TierInput } from './domain/tiers.js';
import { loadProgramme, type Programme } from './programme.repo.js';
import { windowStartMonth } from './domain/calendar.js';
import * as repo from './tiers.repo.js';
import type { TierEvaluationService } from './tier-evaluation.service.js';

export type { TierInput } from './domain/tiers.js';

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
 * The tier list 等级体系: creating, editing and removing tiers and trying and applying new
 * thresholds, one change of the list at a time. A lowered threshold promotes at once.
 */
export function createTierListService(deps: {
  database: Database;
  clock: Clock;
  timeZone: string;
  evaluation: TierEvaluationService;
}) {
  const { database, clock, timeZone: tz, evaluation } = deps;

  async function list(tx: Tx = database.db) {
    const p = await loadProgramme(tx);
    return (await repo.listTiers(tx)).map((t) => tierView(t, p));
  }

  function check(input: TierInput, others: repo.TierRow[]) {
    failIfProblems(tierProblems(input, others, ACTIVITY_KINDS));
  }

  async function create(ctx: ActorContext, input: TierInput): Promise<TierView> {
    return database.transaction(async (tx) => {
      await repo.lockTierList(tx);
      check(input, await repo.listTiers(tx));
      const row = await repo.insertTier(tx, {
        name_zh: input.nameZh.trim(),
        name_en: input.nameEn.trim(),
        threshold: input.threshold,
        keep_threshold: input.keepThreshold ?? null,
        benefits: JSON.stringify(input.benefits ?? []),
        obligations: JSON.stringify(input.obligations ?? []),
        color: input.color ?? '#8c8c8c',
      });
      const p = await loadProgramme(tx);
      const view = tierView(row, p);
      await recordAudit(tx, ctx, {
        action: 'loyalty.tier.create',
        targetType: 'loyalty_tier',
        targetId: row.id,
        after: view,
      });
      if (row.threshold > 0) await evaluation.promoteReaching(tx, p, row.threshold);
      return view;
    });
  }

  async function update(ctx: ActorContext, id: number, input: TierInput): Promise<TierView> {
    return database.transaction(async (tx) => {
      await repo.lockTierList(tx);
      const all = await repo.listTiers(tx);
      const before = all.find((t) => t.id === id);
      if (!before) throw notFound('Tier', id);
      check(
        input,
        all.filter((t) => t.id !== id),
      );
      const p = await loadProgramme(tx);
      const row = await repo.updateTier(tx, id, {
        name_zh: input.nameZh.trim(),
        name_en: input.nameEn.trim(),
        threshold: input.threshold,
        keep_threshold: input.keepThreshold ?? null,
        benefits: JSON.stringify(input.benefits ?? []),
        obligations: JSON.stringify(input.obligations ?? []),
        color: input.color ?? before.color,
        updated_at: clock.now(),
      });
      const view = tierView(row, p);
      await recordAudit(tx, ctx, {
        action: 'loyalty.tier.update',
        targetType: 'loyalty_tier',
        targetId: id,
        before: tierView(before, p),
        after: view,
      });
      // A lowered threshold promotes at once; a raised one waits for the evaluation, with its keep threshold and grace.
      if (row.threshold < before.threshold && row.threshold > 0) await evaluation.promoteReaching(tx, p, row.threshold);
      return view;
    });
  }

  async function remove(ctx: ActorContext, id: number): Promise<void> {
    await database.transaction(async (tx) => {
      await repo.lockTierList(tx);
      const all = await repo.listTiers(tx);
      const before = all.find((t) => t.id === id);
      if (!before) throw notFound('Tier', id);
      if (before.threshold === 0 && all.length > 1)
        throw new KithError('CONFLICT', 'The entry tier can be removed only when it is the last tier');
      if (await repo.tierInUse(tx, id))
        throw new KithError(
          'CONFLICT',
          'Members hold or have held this tier; change its threshold or name instead of removing it',
        );
      await repo.deleteTier(tx, id);
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
    const r = proposeThresholds(
      tiers.map((t) => ({ id: t.id, threshold: t.threshold, keepThreshold: t.keep_threshold })),
      proposed,
    );
    if (r.unknown.length) throw notFound('Tier', r.unknown[0]);
    failIfProblems(r.problems);
    return r;
  }

  /** Members per tier now (by growth in the window) and under proposed thresholds, both computed. */
  async function preview(proposed: ThresholdProposal[]) {
    const tx = database.db;
    const p = await loadProgramme(tx);
    const tiers = sortTiers(await repo.listTiers(tx));
    const start = windowStartMonth(tz, clock.now(), p.qualificationMonths);
    const next = proposedTiers(tiers, proposed).next;
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
      await repo.lockTierList(tx);
      await repo.deferThresholdUniqueness(tx);
      const p = await loadProgramme(tx);
      const tiers = await repo.listTiers(tx);
      const proposal = proposedTiers(tiers, proposed);
      failIfProblems(proposal.keepProblems);
      const next = new Map(proposal.next.map((t) => [t.id, t.threshold]));
      let lowered: number | null = null;
      for (const before of tiers) {
        const threshold = next.get(before.id)!;
        if (threshold === before.threshold) continue;
        if (threshold < before.threshold && threshold > 0) lowered = Math.min(lowered ?? threshold, threshold);
        const row = await repo.updateTier(tx, before.id, { threshold, updated_at: clock.now() });
        await recordAudit(tx, ctx, {
          action: 'loyalty.tier.update',
          targetType: 'loyalty_tier',
          targetId: before.id,
          before: tierView(before, p),
          after: tierView(row, p),
        });
      }
      const promoted = lowered === null ? 0 : await evaluation.promoteReaching(tx, p, lowered);
      return { items: (await repo.listTiers(tx)).map((t) => tierView(t, p)), promoted };
    });
  }

  return { list, create, update, remove, preview, applyThresholds };
}
