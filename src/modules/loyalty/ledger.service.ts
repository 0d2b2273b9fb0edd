import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import { KithError } from '../../kernel/errors.js';
import { monthOf, pointsExpiry } from './domain/calendar.js';
import { consumeLots, lotRemainingAfterDebt, reversalAmount } from './domain/lots.js';
import type { Programme } from './programme.repo.js';
import * as repo from './ledger.repo.js';

export type { PostingRow, InsertedPosting, CreditedPosting } from './ledger.repo.js';

/**
 * The points ledger's two write paths. Every posting goes through one of them, so the balance row,
 * the lots and the growth rollup always move with the ledger in the same transaction.
 * - `credit`: postings that add points (earnings, positive adjustments), set-based for batches;
 *   each becomes a lot that expires per the programme (debt is paid off first).
 * - `debit`: one posting that takes points (spend, negative adjustment, reversal), under the
 *   member's account lock, consuming lots FIFO.
 * Growth value rides along on either; `onGrowth` hears which members gained some by a credit,
 * with their earned tier and lifetime growth after it (promotion).
 */
export type DebitMode = 'exact' | 'debt' | 'cap';

/** A member who gained growth value in a credit, as their account stands after it. */
export interface GrownAccount {
  memberId: number;
  tierId: number | null;
  growthLifetime: number;
}

export interface LedgerDeps {
  database: Database;
  clock: Clock;
  timeZone: string;
  onGrowth?: (tx: Tx, grown: GrownAccount[]) => Promise<void>;
}

export function createLedger(deps: LedgerDeps) {
  const { clock, timeZone: tz } = deps;

  async function credit(tx: Tx, programme: Programme, rows: repo.PostingRow[]): Promise<repo.CreditedPosting[]> {
    for (const r of rows)
      if (!Number.isSafeInteger(r.points) || r.points < 0)
        throw new RangeError(`credit of ${r.points} points (key ${r.key})`);
    // Points earned in the same month expire together: compute each month's expiry once.
    const expiryOf = new Map<string, Date | null>();
    const expiry = (at: Date) => {
      const month = monthOf(tz, at);
      if (!expiryOf.has(month)) expiryOf.set(month, pointsExpiry(tz, at, programme.pointsExpiryMonths));
      return expiryOf.get(month)!;
    };
    const withExpiry = rows.map((r) => ({
      ...r,
      expiresAt: r.points > 0 ? (r.expiresAt ?? expiry(r.occurredAt)) : null,
    }));
    const inserted = await repo.creditPostings(tx, withExpiry, tz, clock.now());
    if (inserted.length === 0) return inserted;
    const grown = new Map<number, { gained: number; account: GrownAccount }>();
    for (const p of inserted) {
      const g = grown.get(p.member_id) ?? {
        gained: 0,
        account: { memberId: p.member_id, tierId: p.tier_id, growthLifetime: p.growth_lifetime },
      };
      g.gained += p.growth;
      grown.set(p.member_id, g);
    }
    const grew = [...grown.values()].filter((g) => g.gained > 0).map((g) => g.account);
    if (grew.length && deps.onGrowth) await deps.onGrowth(tx, grew);
    return inserted;
  }

  /**
   * Takes `-row.points` points from the member. `exact` refuses when the balance is short, `cap`
   * takes at most the balance, `debt` takes all and lets the balance go below zero.
   * Returns null when the idempotency key was posted before (nothing changes).
   */
  async function debit(
    tx: Tx,
    row: repo.PostingRow,
    mode: DebitMode,
    firstFromLot?: number,
  ): Promise<{ posting: repo.InsertedPosting; taken: number } | null> {
    const want = -row.points;
    if (!Number.isSafeInteger(want) || want < 0) throw new RangeError(`debit of ${row.points} points (key ${row.key})`);
    const balance = await repo.lockAccount(tx, row.memberId);
    // Under the lock, a second posting with the same key sees the first one.
    if (await repo.findPostingByKey(tx, row.key)) return null;
    let take = want;
    if (mode === 'exact' && balance < want) {
      throw new KithError('INSUFFICIENT_POINTS', `Member ${row.memberId} has ${balance} points; ${want} are needed`, {
        extra: { params: { balance, needed: want } },
      });
    }
    if (mode === 'cap') take = reversalAmount(want, balance, 'cap');
    const lots = await repo.openLots(tx, row.memberId);
    const covered = Math.min(
      take,
      lots.reduce((s, l) => s + l.remaining, 0),
    );
    const { takes } = consumeLots(
      lots.map((l) => ({ id: l.posting_id, remaining: l.remaining, expiresAt: l.expires_at })),
      covered,
      firstFromLot,
    );
    // The lots a debit took are kept with it, so a cancelled redemption gives the points back with their own expiry.
    const details = {
      ...(row.details as object | undefined),
      ...(take !== want && { requested: want, cappedAt: take }),
      lots: takes,
    };
    const [posting] = await repo.insertPostings(tx, [{ ...row, points: -take, expiresAt: null, details }]);
    await repo.takeFromLots(tx, takes);
    await repo.addToAccounts(tx, [{ memberId: row.memberId, points: -take, growth: row.growth }], clock.now());
    if (row.growth !== 0)
      await repo.addGrowthMonthly(tx, [
        { memberId: row.memberId, month: monthOf(tz, row.occurredAt), growth: row.growth },
      ]);
    return { posting: posting!, taken: take };
  }

  /**
   * Gives back the points of an earlier debit (a cancelled redemption) into the lots they came
   * from, so they keep their original expiry (a lot that expired meanwhile expires again at the
   * next run). A debt, if any, is paid first. Null when already given back.
   */
  async function restore(
    tx: Tx,
    debitPostingId: number,
    row: Omit<repo.PostingRow, 'points' | 'growth' | 'kind' | 'memberId'>,
  ): Promise<repo.InsertedPosting | null> {
    const debit = await repo.getPosting(tx, debitPostingId);
    const balance = await repo.lockAccount(tx, debit.member_id);
    if (await repo.findPostingByKey(tx, row.key)) return null;
    const amount = -debit.points;
    const [posting] = await repo.insertPostings(tx, [
      {
        ...row,
        memberId: debit.member_id,
        kind: 'reverse',
        points: amount,
        growth: 0,
        reversesId: debit.id,
        expiresAt: null,
      },
    ]);
    let back = lotRemainingAfterDebt(amount, balance);
    const gives = ((debit.details as { lots?: { id: number; amount: number }[] } | null)?.lots ?? [])
      .map((t) => {
        const n = Math.min(t.amount, back);
        back -= n;
        return { id: t.id, amount: -n };
      })
      .filter((t) => t.amount !== 0);
    await repo.takeFromLots(tx, gives);
    await repo.addToAccounts(tx, [{ memberId: debit.member_id, points: amount, growth: 0 }], clock.now());
    return posting!;
  }

  /** Posts `expire` entries for up to `chunk` lots whose time has come; returns how many expired. */
  async function expireChunk(tx: Tx, now: Date, chunk: number): Promise<number> {
    const members = await repo.dueLotMembers(tx, now, chunk);
    if (members.length === 0) return 0;
    await repo.lockAccounts(tx, members);
    const due = await repo.dueLotsOf(tx, members, now);
    const inserted = await repo.insertPostings(
      tx,
      due.map((l) => ({
        memberId: l.member_id,
        kind: 'expire' as const,
        points: -l.remaining,
        growth: 0,
        reason: 'points expired',
        key: `expire:${l.posting_id}`,
        occurredAt: l.expires_at,
        details: { lot: l.posting_id },
        actor: 'system',
      })),
    );
    const done = new Set(inserted.map((p) => p.idempotency_key));
    const expired = due.filter((l) => done.has(`expire:${l.posting_id}`));
    await repo.zeroLots(
      tx,
      expired.map((l) => l.posting_id),
    );
    const deltas = new Map<number, number>();
    for (const l of expired) deltas.set(l.member_id, (deltas.get(l.member_id) ?? 0) - l.remaining);
    await repo.addToAccounts(
      tx,
      [...deltas].map(([memberId, points]) => ({ memberId, points, growth: 0 })),
      clock.now(),
    );
    return expired.length;
  }

  /** Expires everything due, chunk by chunk, each in its own transaction. */
  async function expireDue(now = clock.now(), chunk = 2000): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await deps.database.transaction((tx) => expireChunk(tx, now, chunk));
      total += n;
      if (n === 0) return total;
    }
  }

  async function verify(tx: Tx) {
    const accounts = await repo.accountDrift(tx);
    const growth = await repo.growthRollupDrift(tx, tz);
    return { ok: accounts.length === 0 && growth.length === 0, accounts, growth };
  }

  return { credit, debit, restore, expireChunk, expireDue, verify };
}

export type Ledger = ReturnType<typeof createLedger>;
