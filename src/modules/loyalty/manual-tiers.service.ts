import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { KithError, failIfProblems } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { requireMemberFor } from '../members/index.js';
import * as repo from './tiers.repo.js';
import { lockAccounts } from './ledger.repo.js';
import { ensureAccount } from './member-data.repo.js';

/**
 * Manual tiers 手动等级: an operator's tier for a member, with a reason and an optional end. It
 * wins while valid; the earned tier stays underneath and applies again when it ends.
 */
export function createManualTiersService(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  /** Manual tiers whose end has come give way to the earned tier, with a history entry at the end time. */
  async function endManualAssignments(tx: Tx, now = clock.now()): Promise<number> {
    const ended = await repo.endedManualAssignments(tx, now, 100_000);
    if (ended.length === 0) return 0;
    await repo.clearManualTiers(
      tx,
      ended.map((e) => e.member_id),
    );
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
      if (!(await repo.existingTierIds(tx, [input.tierId])).size)
        failIfProblems([{ path: '/tierId', message: `tier ${input.tierId} does not exist` }]);
      await ensureAccount(tx, memberId);
      const [before] = await repo.accountsOf(tx, [memberId]);
      await lockAccounts(tx, [memberId]);
      await repo.setManualTier(tx, memberId, { tierId: input.tierId, until, reason, now });
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
      await repo.clearManualTiers(tx, [memberId], now);
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

  return { endManualAssignments, assignManual, clearManual };
}

export type ManualTiersService = ReturnType<typeof createManualTiersService>;
