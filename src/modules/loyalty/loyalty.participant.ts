import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import { KithError } from '../../kernel/errors.js';
import type { MemberDataParticipant } from '../members/index.js';
import { consumeLots } from './domain/lots.js';
import { lockAccounts, openLots, takeFromLots } from './ledger.repo.js';

/**
 * The programme's part in member merges, exports and erasure.
 *
 * Merge: the merged member's postings, lots, tier history, adjustments, redemptions and badges
 * move to the survivor (a badge both hold is kept once);
 * the survivor's balance and growth are recomputed from the ledger (so they stay exact), the monthly
 * growth is rebuilt, and the survivor keeps the higher earned tier of the two. When one of them was
 * in debt, the other's lots pay it (FIFO), as a new earning would. Undo moves every row back by id
 * and recomputes both; it is refused when points moved in the merge were spent or expired since.
 *
 * Erase: the ledger keeps its amounts (balances and the programme's figures must not change), but
 * reasons an operator typed for this member are removed.
 */
interface Snapshot {
  from: Record<string, unknown> | null;
  to: Record<string, unknown> | null;
  postings: number[];
  lots: { id: number; remaining: number }[];
  /** Lot amounts taken to pay a debt at merge time, and each lot's remaining after the merge. */
  debtTakes: { id: number; amount: number }[];
  after: { id: number; remaining: number }[];
  history: number[];
  adjustments: number[];
  redemptions: number[];
  badges: number[];
  /** Badges both held (same badge and period): the merged member's row, removed in the merge. */
  badgeClashes: Record<string, unknown>[];
}

async function accountRecord(tx: Tx, memberId: number) {
  const r = await sql<{
    a: Record<string, unknown>;
  }>`select to_jsonb(a) as a from loyalty_accounts a where member_id = ${memberId}`.execute(tx);
  return r.rows[0]?.a ?? null;
}

/** Balance, lifetime growth and monthly growth of a member, rebuilt from their ledger rows. */
async function recompute(tx: Tx, memberId: number, tz: string) {
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

/** Lots above max(balance, 0) pay the debt: taken FIFO. */
async function settleDebt(tx: Tx, memberId: number) {
  const bal =
    (
      await sql<{ b: number }>`select points_balance as b from loyalty_accounts where member_id = ${memberId}`.execute(
        tx,
      )
    ).rows[0]?.b ?? 0;
  const lots = await openLots(tx, memberId);
  const excess = lots.reduce((s, l) => s + l.remaining, 0) - Math.max(bal, 0);
  if (excess <= 0) return [];
  const { takes } = consumeLots(
    lots.map((l) => ({ id: l.posting_id, remaining: l.remaining, expiresAt: l.expires_at })),
    excess,
  );
  await takeFromLots(tx, takes);
  return takes;
}

async function ensureAccount(tx: Tx, memberId: number) {
  await sql`insert into loyalty_accounts (member_id) values (${memberId}) on conflict (member_id) do nothing`.execute(
    tx,
  );
}

export function loyaltyMemberParticipant(timeZone: string): MemberDataParticipant {
  return {
    name: 'loyalty',

    async move(tx, fromId, toId): Promise<Snapshot> {
      await lockAccounts(tx, [fromId, toId]);
      const from = await accountRecord(tx, fromId);
      const to = await accountRecord(tx, toId);
      const lots = await sql<{
        id: number;
        remaining: number;
      }>`select posting_id as id, remaining from loyalty_lots where member_id = ${fromId} or member_id = ${toId}`.execute(
        tx,
      );
      const postings = (
        await sql<{
          id: number;
        }>`update loyalty_ledger set member_id = ${toId} where member_id = ${fromId} returning id`.execute(tx)
      ).rows.map((r) => r.id);
      await sql`update loyalty_lots set member_id = ${toId} where member_id = ${fromId}`.execute(tx);
      const history = (
        await sql<{
          id: number;
        }>`update loyalty_tier_history set member_id = ${toId} where member_id = ${fromId} returning id`.execute(tx)
      ).rows.map((r) => r.id);
      const adjustments = (
        await sql<{
          id: number;
        }>`update loyalty_adjustments set member_id = ${toId} where member_id = ${fromId} returning id`.execute(tx)
      ).rows.map((r) => r.id);
      const redemptions = (
        await sql<{
          id: number;
        }>`update loyalty_redemptions set member_id = ${toId} where member_id = ${fromId} returning id`.execute(tx)
      ).rows.map((r) => r.id);
      const badgeClashes = (
        await sql<{ r: Record<string, unknown> }>`
        delete from loyalty_member_badges f using loyalty_member_badges t
        where f.member_id = ${fromId} and t.member_id = ${toId} and t.badge_id = f.badge_id and t.period = f.period
        returning to_jsonb(f) as r`.execute(tx)
      ).rows.map((x) => x.r);
      const badges = (
        await sql<{
          id: number;
        }>`update loyalty_member_badges set member_id = ${toId} where member_id = ${fromId} returning id`.execute(tx)
      ).rows.map((r) => r.id);
      let debtTakes: { id: number; amount: number }[] = [];
      if (from) {
        await ensureAccount(tx, toId);
        // The survivor keeps the higher earned tier; growth decides at the next promotion or evaluation.
        await sql`
          update loyalty_accounts t set tier_id = f.tier_id, tier_since = f.tier_since, below_keep_since = f.below_keep_since
          from loyalty_accounts f
          left join loyalty_tiers ft on ft.id = f.tier_id
          where t.member_id = ${toId} and f.member_id = ${fromId} and f.tier_id is not null
            and coalesce(ft.threshold, 0) > coalesce((select threshold from loyalty_tiers where id = t.tier_id), -1)`.execute(
          tx,
        );
        await sql`delete from loyalty_accounts where member_id = ${fromId}`.execute(tx);
        await sql`delete from loyalty_growth_monthly where member_id = ${fromId}`.execute(tx);
        await recompute(tx, toId, timeZone);
        debtTakes = await settleDebt(tx, toId);
      }
      const after = (
        await sql<{
          id: number;
          remaining: number;
        }>`select posting_id as id, remaining from loyalty_lots where member_id = ${toId}`.execute(tx)
      ).rows;
      return {
        from,
        to,
        postings,
        lots: lots.rows,
        debtTakes,
        after,
        history,
        adjustments,
        redemptions,
        badges,
        badgeClashes,
      };
    },

    async undoMove(tx, snapshot, fromId, toId) {
      const s = snapshot as Snapshot;
      await lockAccounts(tx, [fromId, toId]);
      const now = new Map(
        (
          await sql<{
            id: number;
            remaining: number;
          }>`select posting_id as id, remaining from loyalty_lots where posting_id = any(${s.after.map((l) => l.id)}::bigint[])`.execute(
            tx,
          )
        ).rows.map((r) => [r.id, r.remaining]),
      );
      if (s.after.some((l) => now.get(l.id) !== l.remaining)) {
        throw new KithError(
          'UNDO_NOT_POSSIBLE',
          'Points have been spent or have expired since the merge, so the two members\u2019 points can no longer be told apart. Adjust the points by hand instead.',
        );
      }
      // Lots get back what the merge took for a debt; the ledger rows go back to their member.
      const before = new Map(s.lots.map((l) => [l.id, l.remaining]));
      const restore = s.after
        .filter((l) => before.has(l.id) && before.get(l.id) !== l.remaining)
        .map((l) => ({ id: l.id, amount: l.remaining - before.get(l.id)! }));
      await takeFromLots(tx, restore);
      await sql`update loyalty_ledger set member_id = ${fromId} where id = any(${s.postings}::bigint[])`.execute(tx);
      await sql`update loyalty_lots set member_id = ${fromId} where posting_id = any(${s.postings}::bigint[])`.execute(
        tx,
      );
      await sql`update loyalty_tier_history set member_id = ${fromId} where id = any(${s.history}::bigint[])`.execute(
        tx,
      );
      await sql`update loyalty_adjustments set member_id = ${fromId} where id = any(${s.adjustments}::bigint[])`.execute(
        tx,
      );
      await sql`update loyalty_redemptions set member_id = ${fromId} where id = any(${s.redemptions}::bigint[])`.execute(
        tx,
      );
      await sql`update loyalty_member_badges set member_id = ${fromId} where id = any(${s.badges}::bigint[])`.execute(
        tx,
      );
      for (const b of s.badgeClashes) {
        await sql`insert into loyalty_member_badges overriding system value select * from jsonb_populate_record(null::loyalty_member_badges, ${JSON.stringify(b)}::jsonb)`.execute(
          tx,
        );
      }
      if (s.from) {
        await sql`insert into loyalty_accounts select * from jsonb_populate_record(null::loyalty_accounts, ${JSON.stringify(s.from)}::jsonb)`.execute(
          tx,
        );
        await recompute(tx, fromId, timeZone);
      }
      if (s.to) {
        await sql`
          update loyalty_accounts t set tier_id = o.tier_id, tier_since = o.tier_since, below_keep_since = o.below_keep_since
          from jsonb_populate_record(null::loyalty_accounts, ${JSON.stringify(s.to)}::jsonb) o where t.member_id = ${toId}`.execute(
          tx,
        );
        await recompute(tx, toId, timeZone);
      } else
        await sql`delete from loyalty_accounts where member_id = ${toId} and not exists (select 1 from loyalty_ledger where member_id = ${toId})`.execute(
          tx,
        );
    },

    async exportData(tx, memberId) {
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
    },

    async erase(tx, memberId) {
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
    },
  };
}
