import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';

/** SQL of the programme's part in member merges, exports and erasure (loyalty.participant.ts). */

/** Tables whose rows follow a member through a merge, each keyed by `id`. */
export type MemberRowTable =
  'loyalty_ledger' | 'loyalty_tier_history' | 'loyalty_adjustments' | 'loyalty_redemptions' | 'loyalty_member_badges';

/** Gives `toId` every row of `fromId` in the table; the ids moved. */
export async function moveMemberRows(tx: Tx, table: MemberRowTable, fromId: number, toId: number): Promise<number[]> {
  const r = await sql<{
    id: number;
  }>`update ${sql.table(table)} set member_id = ${toId} where member_id = ${fromId} returning id`.execute(tx);
  return r.rows.map((x) => x.id);
}

/** Gives the listed rows back to `fromId` (undo of a merge). */
export async function returnMemberRows(tx: Tx, table: MemberRowTable, ids: number[], fromId: number) {
  await sql`update ${sql.table(table)} set member_id = ${fromId} where id = any(${ids}::bigint[])`.execute(tx);
}

export async function moveLots(tx: Tx, fromId: number, toId: number) {
  await sql`update loyalty_lots set member_id = ${toId} where member_id = ${fromId}`.execute(tx);
}

export async function returnLots(tx: Tx, postingIds: number[], fromId: number) {
  await sql`update loyalty_lots set member_id = ${fromId} where posting_id = any(${postingIds}::bigint[])`.execute(tx);
}

/** Open lots of the members with what remains in each. */
export async function lotsOfMembers(tx: Tx, memberIds: number[]) {
  const r = await sql<{
    id: number;
    remaining: number;
  }>`select posting_id as id, remaining from loyalty_lots where member_id = any(${memberIds}::bigint[])`.execute(tx);
  return r.rows;
}

export async function lotsByPosting(tx: Tx, postingIds: number[]) {
  const r = await sql<{
    id: number;
    remaining: number;
  }>`select posting_id as id, remaining from loyalty_lots where posting_id = any(${postingIds}::bigint[])`.execute(tx);
  return r.rows;
}

/** Badges both members hold (same badge and period): the merged member's rows, removed; as they were. */
export async function dropClashingBadges(tx: Tx, fromId: number, toId: number) {
  const r = await sql<{ r: Record<string, unknown> }>`
        delete from loyalty_member_badges f using loyalty_member_badges t
        where f.member_id = ${fromId} and t.member_id = ${toId} and t.badge_id = f.badge_id and t.period = f.period
        returning to_jsonb(f) as r`.execute(tx);
  return r.rows.map((x) => x.r);
}

export async function restoreBadgeRow(tx: Tx, row: Record<string, unknown>) {
  await sql`insert into loyalty_member_badges overriding system value select * from jsonb_populate_record(null::loyalty_member_badges, ${JSON.stringify(row)}::jsonb)`.execute(
    tx,
  );
}

export async function accountRecord(tx: Tx, memberId: number) {
  const r = await sql<{
    a: Record<string, unknown>;
  }>`select to_jsonb(a) as a from loyalty_accounts a where member_id = ${memberId}`.execute(tx);
  return r.rows[0]?.a ?? null;
}

/** Balance, lifetime growth and monthly growth of a member, rebuilt from their ledger rows. */
export async function recompute(tx: Tx, memberId: number, tz: string) {
  await sql`
    update loyalty_accounts a set
      points_balance = coalesce((select sum(points) from loyalty_ledger where member_id = ${memberId}), 0),
      growth_lifetime = coalesce((select sum(growth) from loyalty_ledger where member_id = ${memberId}), 0),
      updated_at = now()
    where member_id = ${memberId}`.execute(tx);
  await sql`delete from loyalty_growth_monthly where member_id = ${memberId}`.execute(tx);
  await sql`
    insert into loyalty_growth_monthly (member_id, month, growth)
    select member_id, date_trunc('month', occurred_at at time zone ${tz})::date, sum(growth)
    from loyalty_ledger where member_id = ${memberId} and growth <> 0 group by 1, 2`.execute(tx);
}

export async function ensureAccount(tx: Tx, memberId: number) {
  await sql`insert into loyalty_accounts (member_id) values (${memberId}) on conflict (member_id) do nothing`.execute(
    tx,
  );
}

export async function pointsBalance(tx: Tx, memberId: number): Promise<number> {
  return (
    (
      await sql<{ b: number }>`select points_balance as b from loyalty_accounts where member_id = ${memberId}`.execute(
        tx,
      )
    ).rows[0]?.b ?? 0
  );
}

/** The survivor keeps the higher earned tier; growth decides at the next promotion or evaluation. */
export async function keepHigherTier(tx: Tx, fromId: number, toId: number) {
  await sql`
          update loyalty_accounts t set tier_id = f.tier_id, tier_since = f.tier_since, below_keep_since = f.below_keep_since
          from loyalty_accounts f
          left join loyalty_tiers ft on ft.id = f.tier_id
          where t.member_id = ${toId} and f.member_id = ${fromId} and f.tier_id is not null
            and coalesce(ft.threshold, 0) > coalesce((select threshold from loyalty_tiers where id = t.tier_id), -1)`.execute(
    tx,
  );
}

/** The merged member's account and monthly growth go (their rows now count for the survivor). */
export async function dropAccount(tx: Tx, memberId: number) {
  await sql`delete from loyalty_accounts where member_id = ${memberId}`.execute(tx);
  await sql`delete from loyalty_growth_monthly where member_id = ${memberId}`.execute(tx);
}

/** An account put back as the snapshot recorded it. */
export async function restoreAccount(tx: Tx, record: Record<string, unknown>) {
  await sql`insert into loyalty_accounts select * from jsonb_populate_record(null::loyalty_accounts, ${JSON.stringify(record)}::jsonb)`.execute(
    tx,
  );
}

/** The survivor's tier put back as the snapshot recorded it. */
export async function restoreTier(tx: Tx, memberId: number, record: Record<string, unknown>) {
  await sql`
          update loyalty_accounts t set tier_id = o.tier_id, tier_since = o.tier_since, below_keep_since = o.below_keep_since
          from jsonb_populate_record(null::loyalty_accounts, ${JSON.stringify(record)}::jsonb) o where t.member_id = ${memberId}`.execute(
    tx,
  );
}

/** An account made by the merge for a survivor who had none, once its ledger rows are gone again. */
export async function dropEmptyAccount(tx: Tx, memberId: number) {
  await sql`delete from loyalty_accounts where member_id = ${memberId} and not exists (select 1 from loyalty_ledger where member_id = ${memberId})`.execute(
    tx,
  );
}

/** Everything of the programme about a member, for their personal-data export. */
export async function memberProgrammeData(tx: Tx, memberId: number) {
  const account = await accountRecord(tx, memberId);
  const ledger = await tx
    .selectFrom('loyalty_ledger')
    .select(['kind', 'points', 'growth', 'reason', 'occurred_at', 'expires_at', 'rule_id', 'order_id'])
    .where('member_id', '=', memberId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  const tiers = await tx
    .selectFrom('loyalty_tier_history')
    .select(['change', 'from_tier_id', 'to_tier_id', 'reason', 'effective_at'])
    .where('member_id', '=', memberId)
    .orderBy('effective_at')
    .execute();
  const adjustments = await tx
    .selectFrom('loyalty_adjustments')
    .select(['points', 'reason', 'status', 'created_at'])
    .where('member_id', '=', memberId)
    .orderBy('created_at')
    .execute();
  const redemptions = await tx
    .selectFrom('loyalty_redemptions')
    .select(['reward_id', 'status', 'points', 'coupon_code', 'created_at', 'fulfilled_at', 'cancelled_at'])
    .where('member_id', '=', memberId)
    .orderBy('created_at')
    .execute();
  const badges = await tx
    .selectFrom('loyalty_member_badges')
    .select(['badge_id', 'period', 'awarded_at', 'reason', 'revoked_at'])
    .where('member_id', '=', memberId)
    .orderBy('awarded_at')
    .execute();
  return { account, ledger, tiers, adjustments, redemptions, badges };
}

/**
 * Erasure: the ledger keeps its amounts (balances and the programme's figures must not change),
 * but reasons an operator typed for this member are removed.
 */
export async function eraseMemberTexts(tx: Tx, memberId: number) {
  await sql`update loyalty_adjustments set reason = '(erased)', decision_note = null where member_id = ${memberId}`.execute(
    tx,
  );
  await sql`update loyalty_redemptions set note = null where member_id = ${memberId}`.execute(tx);
  await sql`update loyalty_member_badges set reason = '(erased)' where member_id = ${memberId} and awarded_by <> 'system'`.execute(
    tx,
  );
  await sql`update loyalty_ledger set reason = '(erased)' where member_id = ${memberId} and kind = 'adjust'`.execute(
    tx,
  );
  await sql`update loyalty_accounts set manual_reason = case when manual_reason is null then null else '(erased)' end where member_id = ${memberId}`.execute(
    tx,
  );
  await sql`update loyalty_tier_history set reason = '(erased)' where member_id = ${memberId} and change in ('manual', 'manual_ended') and actor <> 'system'`.execute(
    tx,
  );
}
