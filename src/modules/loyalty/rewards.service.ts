import type { Selectable } from 'kysely';
import type { Database, Tx } from '../../kernel/db/database.js';
import type { LoyaltyRewardsTable, LoyaltyRedemptionsTable } from '../../kernel/db/tables.js';
import type { Clock } from '../../kernel/clock.js';
import { stampOnSwitch } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { KithError, failIfProblems, notFound, type FieldProblem } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { getMemberSummaries, memberInScope, requireMemberFor } from '../members/index.js';
import { decodeCursor, pageOf } from '../../kernel/pagination.js';
import { effectiveTier } from './domain/tiers.js';
import { parseCouponCodes, redemptionRefusal, refusalMessage, type RewardFacts } from './domain/rewards.js';
import type { Ledger } from './ledger.service.js';
import { lockAccount } from './ledger.repo.js';
import { REWARD_TYPES } from '../../web/shared/vocabulary.js';
export { REWARD_TYPES };
import { existingTierIds } from './tiers.repo.js';
import * as repo from './rewards.repo.js';

/** The tier a redeemer stands on now: loyalty's effective tier, or the entry tier without an account. */
const tierOf = (s: Awaited<ReturnType<typeof repo.redeemerStanding>>, now: Date) =>
  effectiveTier(
    s.acct?.tier_id ?? s.entryTierId,
    { tierId: s.acct?.manual_tier_id ?? null, until: s.acct?.manual_until ?? null },
    now,
  ).tierId;

type RewardRow = Selectable<LoyaltyRewardsTable>;
type RedemptionRow = Selectable<LoyaltyRedemptionsTable>;
export type RewardType = (typeof REWARD_TYPES)[number];

export interface RewardInput {
  nameZh: string;
  nameEn: string;
  description?: string;
  type: RewardType;
  cost: number;
  stock?: number | null;
  perMemberLimit?: number | null;
  tierIds?: number[];
  validFrom?: string | null;
  validUntil?: string | null;
}

export const rewardOut = (r: RewardRow) => ({
  id: r.id,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  description: r.description,
  type: r.type as RewardType,
  cost: r.cost,
  stock: r.stock,
  redeemed: r.redeemed,
  available: r.stock === null ? null : r.stock - r.redeemed,
  perMemberLimit: r.per_member_limit,
  tierIds: r.tier_ids,
  validFrom: r.valid_from?.toISOString() ?? null,
  validUntil: r.valid_until?.toISOString() ?? null,
  archived: r.archived_at !== null,
  createdAt: r.created_at.toISOString(),
});
export const redemptionOut = (r: RedemptionRow & { reward_name_zh?: string; reward_name_en?: string }) => ({
  id: r.id,
  rewardId: r.reward_id,
  memberId: r.member_id,
  status: r.status as 'requested' | 'fulfilled' | 'cancelled',
  points: r.points,
  couponCode: r.coupon_code,
  requestedBy: r.requested_by,
  decidedBy: r.decided_by,
  note: r.note,
  createdAt: r.created_at.toISOString(),
  fulfilledAt: r.fulfilled_at?.toISOString() ?? null,
  cancelledAt: r.cancelled_at?.toISOString() ?? null,
  rewardNameZh: r.reward_name_zh ?? null,
  rewardNameEn: r.reward_name_en ?? null,
});

const facts = (r: RewardRow): RewardFacts => ({
  cost: r.cost,
  stock: r.stock,
  redeemed: r.redeemed,
  perMemberLimit: r.per_member_limit,
  tierIds: r.tier_ids,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  archived: r.archived_at !== null,
});

/**
 * Rewards catalogue 奖励 and redemptions 兑换: requested → fulfilled, or cancelled (points given
 * back). A redemption holds the member's account lock and then the reward row, so under any
 * concurrency the stock is never oversold and the balance never overdrawn.
 */
export function createRewardsService(deps: { database: Database; clock: Clock; ledger: Ledger }) {
  const { database, clock, ledger } = deps;
  const db = database.db;

  function check(input: RewardInput): { validFrom: Date | null; validUntil: Date | null } {
    const problems: FieldProblem[] = [];
    if (!input.nameZh.trim()) problems.push({ path: '/nameZh', message: 'must not be empty' });
    if (!input.nameEn.trim()) problems.push({ path: '/nameEn', message: 'must not be empty' });
    const date = (v: string | null | undefined, path: string) => {
      if (!v) return null;
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) problems.push({ path, message: 'must be a date-time' });
      return d;
    };
    const validFrom = date(input.validFrom, '/validFrom');
    const validUntil = date(input.validUntil, '/validUntil');
    if (validFrom && validUntil && validUntil <= validFrom)
      problems.push({ path: '/validUntil', message: 'must be after validFrom' });
    if (input.type === 'coupon' && input.stock !== undefined && input.stock !== null)
      problems.push({ path: '/stock', message: 'a coupon’s stock is its uploaded codes' });
    failIfProblems(problems);
    return { validFrom, validUntil };
  }

  async function checkTiers(tx: Tx, ids: number[]) {
    if (!ids.length) return;
    const found = await existingTierIds(tx, ids);
    const missing = ids.filter((i) => !found.has(i));
    if (missing.length) failIfProblems([{ path: '/tierIds', message: `tiers ${missing.join(', ')} do not exist` }]);
  }

  async function list(q: { archived?: boolean } = {}) {
    return (await repo.listRewards(db, q)).map(rewardOut);
  }

  async function get(id: number) {
    const r = await repo.findReward(db, id);
    if (!r) throw notFound('Reward', id);
    return rewardOut(r);
  }

  async function create(ctx: ActorContext, input: RewardInput) {
    const { validFrom, validUntil } = check(input);
    return database.transaction(async (tx) => {
      await checkTiers(tx, input.tierIds ?? []);
      const r = await repo.insertReward(tx, {
        name_zh: input.nameZh.trim(),
        name_en: input.nameEn.trim(),
        description: input.description ?? '',
        type: input.type,
        cost: input.cost,
        stock: input.type === 'coupon' ? 0 : (input.stock ?? null),
        per_member_limit: input.perMemberLimit ?? null,
        tier_ids: input.tierIds ?? [],
        valid_from: validFrom,
        valid_until: validUntil,
      });
      await recordAudit(tx, ctx, {
        action: 'loyalty.reward.create',
        targetType: 'loyalty_reward',
        targetId: r.id,
        after: rewardOut(r),
      });
      return rewardOut(r);
    });
  }

  async function update(ctx: ActorContext, id: number, input: RewardInput & { archived?: boolean }) {
    const { validFrom, validUntil } = check(input);
    return database.transaction(async (tx) => {
      const before = await repo.findReward(tx, id, 'update');
      if (!before) throw notFound('Reward', id);
      if (before.type !== input.type && (before.type === 'coupon' || input.type === 'coupon'))
        failIfProblems([{ path: '/type', message: 'a coupon cannot become another type, or the other way round' }]);
      await checkTiers(tx, input.tierIds ?? []);
      const stock = input.type === 'coupon' ? before.stock : (input.stock ?? null);
      if (stock !== null && stock < before.redeemed)
        failIfProblems([
          { path: '/stock', message: `${before.redeemed} are redeemed already; the stock cannot be lower` },
        ]);
      const r = await repo.updateReward(tx, id, {
        name_zh: input.nameZh.trim(),
        name_en: input.nameEn.trim(),
        description: input.description ?? '',
        type: input.type,
        cost: input.cost,
        stock,
        per_member_limit: input.perMemberLimit ?? null,
        tier_ids: input.tierIds ?? [],
        valid_from: validFrom,
        valid_until: validUntil,
        archived_at: stampOnSwitch(input.archived, before.archived_at, clock.now()),
        updated_at: clock.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'loyalty.reward.update',
        targetType: 'loyalty_reward',
        targetId: id,
        before: rewardOut(before),
        after: rewardOut(r),
      });
      return rewardOut(r);
    });
  }

  /** Adds codes to a coupon's pool (codes already there are reported, not added twice). */
  async function uploadCodes(ctx: ActorContext, id: number, text: string) {
    const { codes, problems } = parseCouponCodes(text);
    return database.transaction(async (tx) => {
      const r = await repo.findReward(tx, id, 'update');
      if (!r) throw notFound('Reward', id);
      if (r.type !== 'coupon') throw new KithError('CONFLICT', `Reward ${id} is a ${r.type}, not a coupon`);
      const inserted = codes.length ? await repo.insertCouponCodes(tx, id, codes) : [];
      const added = new Set(inserted);
      const already = codes.filter((c) => !added.has(c));
      await repo.updateReward(tx, id, { stock: (r.stock ?? 0) + inserted.length, updated_at: clock.now() });
      await recordAudit(tx, ctx, {
        action: 'loyalty.reward.codes',
        targetType: 'loyalty_reward',
        targetId: id,
        after: { added: inserted.length, duplicates: already.length, rejected: problems.length },
      });
      return { added: inserted.length, alreadyInPool: already, rejected: problems };
    });
  }

  /**
   * Redeems a reward for a member. `key` makes a retried request the same redemption. Order of
   * locks: the member's account, then the reward row — the same for every redemption and cancel.
   */
  async function redeem(ctx: ActorContext, memberId: number, rewardId: number, key: string, requestedBy: string) {
    const now = clock.now();
    return database.transaction(async (tx) => {
      await requireMemberFor(tx, ctx, memberId, { live: true });
      const balance = await lockAccount(tx, memberId);
      const prior = await repo.redemptionByKey(tx, key);
      if (prior) {
        if (prior.member_id !== memberId || prior.reward_id !== rewardId)
          throw new KithError('CONFLICT', 'This idempotency key was used for another redemption');
        return { redemption: redemptionOut(prior), created: false };
      }
      const reward = await repo.findReward(tx, rewardId, 'share');
      if (!reward) throw notFound('Reward', rewardId);
      const tierId = tierOf(await repo.redeemerStanding(tx, memberId), now);
      const held = await repo.heldOf(tx, memberId, rewardId);
      const refusal = redemptionRefusal(facts(reward), { tierId, balance, held }, now);
      if (refusal) throw new KithError(refusal.code, refusalMessage(refusal), { extra: { params: { ...refusal } } });
      await repo.updateReward(tx, rewardId, { redeemed: reward.redeemed + 1 });
      const redemption = await repo.insertRedemption(tx, {
        reward_id: rewardId,
        member_id: memberId,
        status: 'requested',
        points: reward.cost,
        idempotency_key: key,
        requested_by: requestedBy,
      });
      let spendId: number | null = null;
      if (reward.cost > 0) {
        const spent = await ledger.debit(
          tx,
          {
            memberId,
            kind: 'spend',
            points: -reward.cost,
            growth: 0,
            reason: `redeemed: ${reward.name_zh}`,
            redemptionId: redemption.id,
            key: `redeem:${redemption.id}`,
            occurredAt: now,
            actor: requestedBy,
          },
          'exact',
        );
        spendId = spent?.posting.id ?? null;
      }
      let code: string | null = null;
      if (reward.type === 'coupon') {
        code = await repo.takeCouponCode(tx, rewardId, redemption.id);
        if (!code) throw new KithError('OUT_OF_STOCK', 'This reward is out of stock');
      }
      const out = await repo.updateRedemption(tx, redemption.id, { spend_posting_id: spendId, coupon_code: code });
      await recordAudit(tx, ctx, {
        action: 'loyalty.redemption.create',
        targetType: 'member',
        targetId: memberId,
        after: redemptionOut(out),
      });
      return { redemption: redemptionOut(out), created: true };
    });
  }

  async function fulfil(ctx: ActorContext, id: number, note: string) {
    return decide(ctx, id, 'fulfilled', note);
  }

  /** Cancelling gives the points back into the lots they came from and frees the stock (and code). */
  async function cancel(ctx: ActorContext, id: number, note: string) {
    return decide(ctx, id, 'cancelled', note);
  }

  async function decide(ctx: ActorContext, id: number, status: 'fulfilled' | 'cancelled', note: string) {
    return database.transaction(async (tx) => {
      const r0 = await repo.findRedemption(tx, id);
      if (!r0) throw notFound('Redemption', id);
      await requireMemberFor(tx, ctx, r0.member_id, { live: false, notFoundAs: ['Redemption', id] });
      await lockAccount(tx, r0.member_id);
      const r = (await repo.findRedemption(tx, id, true))!;
      if (r.status !== 'requested') throw new KithError('CONFLICT', `Redemption ${id} is already ${r.status}`);
      let refundId: number | null = null;
      if (status === 'cancelled') {
        await repo.releaseStock(tx, r.reward_id);
        await repo.freeCouponCode(tx, id);
        if (r.spend_posting_id) {
          const back = await ledger.restore(tx, r.spend_posting_id, {
            reason: 'redemption cancelled',
            redemptionId: id,
            key: `redeem-cancel:${id}`,
            occurredAt: clock.now(),
            actor: ctx.actor.label,
          });
          refundId = back?.id ?? null;
        }
      }
      const now = clock.now();
      const out = await repo.updateRedemption(tx, id, {
        status,
        decided_by: ctx.actor.label,
        note: note.trim() || null,
        refund_posting_id: refundId,
        ...(status === 'fulfilled' ? { fulfilled_at: now } : { cancelled_at: now, coupon_code: null }),
      });
      await recordAudit(tx, ctx, {
        action: `loyalty.redemption.${status === 'fulfilled' ? 'fulfil' : 'cancel'}`,
        targetType: 'member',
        targetId: r.member_id,
        before: redemptionOut(r),
        after: redemptionOut(out),
      });
      return redemptionOut(out);
    });
  }

  /** Redemptions, newest first, with the member's name; keyset-paged on the id (`nextCursor`). */
  async function listRedemptions(
    ctx: ActorContext,
    q: {
      status?: 'requested' | 'fulfilled' | 'cancelled';
      memberId?: number;
      rewardId?: number;
      limit?: number;
      cursor?: string;
    },
  ) {
    const limit = Math.min(q.limit ?? 100, 500);
    const rows = await repo.redemptionPage(
      db,
      {
        status: q.status,
        memberId: q.memberId,
        rewardId: q.rewardId,
        beforeId: q.cursor ? decodeCursor(q.cursor, ['id'])[0] : undefined,
        limit: limit + 1,
      },
      memberInScope(ctx, 'r.member_id'),
    );
    const { items: page, nextCursor } = pageOf(rows, limit, (last) => [last.id]);
    const names = await getMemberSummaries(db, [...new Set(page.map((r) => r.member_id))]);
    return {
      items: page.map((r) => ({
        ...redemptionOut(r),
        memberName: names.get(r.member_id)?.displayName ?? `#${r.member_id}`,
        memberAvatarUrl: names.get(r.member_id)?.avatarUrl ?? null,
      })),
      nextCursor,
    };
  }

  /** The catalogue as a member sees it, for staff serving them (at the counter, on the phone). */
  async function catalogueForStaff(ctx: ActorContext, memberId: number) {
    await requireMemberFor(db, ctx, memberId, { live: true });
    return catalogueFor(memberId);
  }

  /** Rewards a member sees, each with whether they can redeem it now and why not. */
  async function catalogueFor(memberId: number) {
    const now = clock.now();
    const rewards = await repo.listRewards(db);
    const standing = await repo.redeemerStanding(db, memberId);
    const acct = standing.acct;
    const tierId = tierOf(standing, now);
    const held = await repo.heldRedemptions(db, memberId);
    return rewards
      .filter((r) => !r.valid_until || r.valid_until > now)
      .map((r) => {
        const refusal = redemptionRefusal(
          facts(r),
          { tierId, balance: acct?.points_balance ?? 0, held: held.get(r.id) ?? 0 },
          now,
        );
        return {
          ...rewardOut(r),
          canRedeem: refusal === null,
          refusal: refusal?.code ?? null,
          refusalMessage: refusal ? refusalMessage(refusal) : null,
          refusalParams: refusal ? { ...refusal } : null,
        };
      });
  }

  return {
    list,
    get,
    create,
    update,
    uploadCodes,
    redeem,
    fulfil,
    cancel,
    listRedemptions,
    catalogueFor,
    catalogueForStaff,
  };
}

export type RewardsService = ReturnType<typeof createRewardsService>;
