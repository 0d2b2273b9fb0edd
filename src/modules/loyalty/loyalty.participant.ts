import type { Tx } from '../../kernel/db/database.js';
import { KithError } from '../../kernel/errors.js';
import type { MemberDataParticipant } from '../members/index.js';
import { consumeLots } from './domain/lots.js';
import { lockAccounts, openLots, takeFromLots } from './ledger.repo.js';
import * as data from './member-data.repo.js';

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

/** Lots above max(balance, 0) pay the debt: taken FIFO. */
async function settleDebt(tx: Tx, memberId: number) {
  const bal = await data.pointsBalance(tx, memberId);
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

export function loyaltyMemberParticipant(timeZone: string): MemberDataParticipant {
  return {
    name: 'loyalty',

    async move(tx, fromId, toId): Promise<Snapshot> {
      await lockAccounts(tx, [fromId, toId]);
      const from = await data.accountRecord(tx, fromId);
      const to = await data.accountRecord(tx, toId);
      const lots = await data.lotsOfMembers(tx, [fromId, toId]);
      const postings = await data.moveMemberRows(tx, 'loyalty_ledger', fromId, toId);
      await data.moveLots(tx, fromId, toId);
      const history = await data.moveMemberRows(tx, 'loyalty_tier_history', fromId, toId);
      const adjustments = await data.moveMemberRows(tx, 'loyalty_adjustments', fromId, toId);
      const redemptions = await data.moveMemberRows(tx, 'loyalty_redemptions', fromId, toId);
      const badgeClashes = await data.dropClashingBadges(tx, fromId, toId);
      const badges = await data.moveMemberRows(tx, 'loyalty_member_badges', fromId, toId);
      let debtTakes: { id: number; amount: number }[] = [];
      if (from) {
        await data.ensureAccount(tx, toId);
        await data.keepHigherTier(tx, fromId, toId);
        await data.dropAccount(tx, fromId);
        await data.recompute(tx, toId, timeZone);
        debtTakes = await settleDebt(tx, toId);
      }
      const after = await data.lotsOfMembers(tx, [toId]);
      return { from, to, postings, lots, debtTakes, after, history, adjustments, redemptions, badges, badgeClashes };
    },

    async undoMove(tx, snapshot, fromId, toId) {
      const s = snapshot as Snapshot;
      await lockAccounts(tx, [fromId, toId]);
      const now = new Map(
        (
          await data.lotsByPosting(
            tx,
            s.after.map((l) => l.id),
          )
        ).map((r) => [r.id, r.remaining]),
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
      await data.returnMemberRows(tx, 'loyalty_ledger', s.postings, fromId);
      await data.returnLots(tx, s.postings, fromId);
      await data.returnMemberRows(tx, 'loyalty_tier_history', s.history, fromId);
      await data.returnMemberRows(tx, 'loyalty_adjustments', s.adjustments, fromId);
      await data.returnMemberRows(tx, 'loyalty_redemptions', s.redemptions, fromId);
      await data.returnMemberRows(tx, 'loyalty_member_badges', s.badges, fromId);
      for (const b of s.badgeClashes) await data.restoreBadgeRow(tx, b);
      if (s.from) {
        await data.restoreAccount(tx, s.from);
        await data.recompute(tx, fromId, timeZone);
      }
      if (s.to) {
        await data.restoreTier(tx, toId, s.to);
        await data.recompute(tx, toId, timeZone);
      } else await data.dropEmptyAccount(tx, toId);
    },

    exportData: (tx, memberId) => data.memberProgrammeData(tx, memberId),

    erase: (tx, memberId) => data.eraseMemberTexts(tx, memberId),
  };
}
