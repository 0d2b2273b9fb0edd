import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import type { LoyaltyRedemptionsTable, LoyaltyRewardsTable } from '../../kernel/db/tables.js';

/**
 * SQL of rewards 奖励 and redemptions 兑换: the catalogue, coupon code pools, and redemptions with
 * their stock counts. Locks are taken in one order everywhere: the member's account (ledger.repo),
 * then the reward row, then the redemption.
 */

export async function listRewards(tx: Tx, q: { archived?: boolean } = {}) {
  let query = tx.selectFrom('loyalty_rewards').selectAll();
  if (!q.archived) query = query.where('archived_at', 'is', null);
  return query.orderBy('cost').orderBy('id').execute();
}

/** A reward; `lock`: for update (its stock or codes change), `share`: for a redemption counting on it. */
export async function findReward(tx: Tx, id: number, lock?: 'update' | 'share') {
  let q = tx.selectFrom('loyalty_rewards').selectAll().where('id', '=', id);
  if (lock === 'update') q = q.forUpdate();
  if (lock === 'share') q = q.forNoKeyUpdate();
  return q.executeTakeFirst();
}

export async function insertReward(tx: Tx, row: Insertable<LoyaltyRewardsTable>) {
  return tx.insertInto('loyalty_rewards').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateReward(tx: Tx, id: number, set: Updateable<LoyaltyRewardsTable>) {
  return tx.updateTable('loyalty_rewards').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** A redemption taken back frees its unit of stock. */
export async function releaseStock(tx: Tx, rewardId: number) {
  await tx
    .updateTable('loyalty_rewards')
    .set((eb) => ({ redeemed: eb('redeemed', '-', 1) }))
    .where('id', '=', rewardId)
    .execute();
}

/** Adds codes to a coupon's pool; the codes that were new. */
export async function insertCouponCodes(tx: Tx, rewardId: number, codes: string[]): Promise<string[]> {
  const r = await sql<{ code: string }>`
        insert into loyalty_coupon_codes (reward_id, code) select ${rewardId}, c from unnest(${codes}::text[]) as c
        on conflict do nothing returning code`.execute(tx);
  return r.rows.map((x) => x.code);
}

/** Hands the next free code of a coupon to a redemption (concurrent redemptions skip each other's). */
export async function takeCouponCode(tx: Tx, rewardId: number, redemptionId: number): Promise<string | null> {
  const c = await sql<{ code: string }>`
          update loyalty_coupon_codes set redemption_id = ${redemptionId}
          where (reward_id, code) = (select reward_id, code from loyalty_coupon_codes where reward_id = ${rewardId} and redemption_id is null order by code limit 1 for update skip locked)
          returning code`.execute(tx);
  return c.rows[0]?.code ?? null;
}

export async function freeCouponCode(tx: Tx, redemptionId: number) {
  await tx
    .updateTable('loyalty_coupon_codes')
    .set({ redemption_id: null })
    .where('redemption_id', '=', redemptionId)
    .execute();
}

export async function redemptionByKey(tx: Tx, key: string) {
  return tx.selectFrom('loyalty_redemptions').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export async function findRedemption(tx: Tx, id: number, lock = false) {
  let q = tx.selectFrom('loyalty_redemptions').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertRedemption(tx: Tx, row: Insertable<LoyaltyRedemptionsTable>) {
  return tx.insertInto('loyalty_redemptions').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateRedemption(tx: Tx, id: number, set: Updateable<LoyaltyRedemptionsTable>) {
  return tx.updateTable('loyalty_redemptions').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Redemptions a member holds (not cancelled), by reward, or of one reward. */
export async function heldRedemptions(tx: Tx, memberId: number): Promise<Map<number, number>> {
  const rows = await tx
    .selectFrom('loyalty_redemptions')
    .select(['reward_id', tx.fn.countAll<number>().as('n')])
    .where('member_id', '=', memberId)
    .where('status', '!=', 'cancelled')
    .groupBy('reward_id')
    .execute();
  return new Map(rows.map((h) => [h.reward_id, Number(h.n)]));
}

export async function heldOf(tx: Tx, memberId: number, rewardId: number): Promise<number> {
  return Number(
    (
      await tx
        .selectFrom('loyalty_redemptions')
        .select(tx.fn.countAll<number>().as('n'))
        .where('member_id', '=', memberId)
        .where('reward_id', '=', rewardId)
        .where('status', '!=', 'cancelled')
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/**
 * What decides whether a member may redeem: their balance, earned and manual tier, and the entry
 * tier a member without an account stands on.
 */
export async function redeemerStanding(tx: Tx, memberId: number) {
  const acct = await tx
    .selectFrom('loyalty_accounts')
    .select(['points_balance', 'tier_id', 'manual_tier_id', 'manual_until'])
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  const entry = await tx.selectFrom('loyalty_tiers').select('id').orderBy('threshold').limit(1).executeTakeFirst();
  return { acct, entryTierId: entry?.id ?? null };
}

/** Redemptions newest first with their reward's names, limited by `where` (the caller's scope). */
export async function redemptionPage(
  tx: Tx,
  q: { status?: string; memberId?: number; rewardId?: number; beforeId?: number; limit: number },
  inScope: RawBuilder<boolean>,
) {
  let query = tx
    .selectFrom('loyalty_redemptions as r')
    .innerJoin('loyalty_rewards as w', 'w.id', 'r.reward_id')
    .selectAll('r')
    .select(['w.name_zh as reward_name_zh', 'w.name_en as reward_name_en']);
  if (q.status) query = query.where('r.status', '=', q.status);
  if (q.memberId) query = query.where('r.member_id', '=', q.memberId);
  if (q.rewardId) query = query.where('r.reward_id', '=', q.rewardId);
  if (q.beforeId !== undefined) query = query.where('r.id', '<', q.beforeId);
  query = query.where(inScope);
  return query.orderBy('r.id', 'desc').limit(q.limit).execute();
}
