/**
 * Points lots 积分批次: each earning is a lot that expires; a debit takes points from the lots that
 * expire first (FIFO), lots without expiry last, older lots before newer ones on a tie. The rules
 * are pure so they are tested on their own and the repository only carries them out.
 */
export interface Lot {
  id: number;
  remaining: number;
  expiresAt: Date | null;
}

export interface Take {
  id: number;
  amount: number;
}

const expiryKey = (l: Lot) => (l.expiresAt === null ? Infinity : l.expiresAt.getTime());

/** The order in which lots are consumed. */
export function fifoOrder<T extends Lot>(lots: readonly T[]): T[] {
  return [...lots].sort((a, b) => expiryKey(a) - expiryKey(b) || a.id - b.id);
}

/**
 * Takes `amount` points from `lots`. `firstFrom` is consumed before the others (a reversal takes
 * back the points of the lot it reverses first). Returns what each lot gives and the part that no
 * lot could cover.
 */
export function consumeLots(
  lots: readonly Lot[],
  amount: number,
  firstFrom?: number,
): { takes: Take[]; shortfall: number } {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`amount must be a non-negative integer, not ${amount}`);
  const ordered = fifoOrder(lots.filter((l) => l.remaining > 0));
  const own = ordered.findIndex((l) => l.id === firstFrom);
  if (own > 0) ordered.unshift(...ordered.splice(own, 1));
  const takes: Take[] = [];
  let left = amount;
  for (const l of ordered) {
    if (left === 0) break;
    const n = Math.min(l.remaining, left);
    takes.push({ id: l.id, amount: n });
    left -= n;
  }
  return { takes, shortfall: left };
}

/** Lots whose expiry has come by `now` and still hold points. */
export function dueLots<T extends Lot>(lots: readonly T[], now: Date): T[] {
  return lots.filter((l) => l.remaining > 0 && l.expiresAt !== null && l.expiresAt.getTime() <= now.getTime());
}

/**
 * What the lots of a new earning hold when the member is in debt: the debt is paid off first, so
 * the lots keep `amount − debt` (never below zero). `balanceBefore` may be negative only under the
 * 'debt' refund policy.
 */
export function lotRemainingAfterDebt(amount: number, balanceBefore: number): number {
  return Math.max(0, amount + Math.min(0, balanceBefore));
}

/**
 * How much of a reversal of `amount` points is actually taken back. Under 'debt' all of it, and
 * the balance may go below zero; under 'cap' at most what the member still has.
 */
export function reversalAmount(amount: number, balance: number, policy: 'debt' | 'cap'): number {
  return policy === 'debt' ? amount : Math.max(0, Math.min(amount, balance));
}

/**
 * Points that expire, grouped by the instant they do (a lot's `expiresAt`, the one rule every page
 * shows, in the workspace time zone), with the last day they can still be used — the day before
 * that instant, e.g. points expiring at 00:00 on 1 November are usable through 31 October.
 */
export function expiringSchedule(
  lots: readonly Lot[],
  dayOf: (d: Date) => string,
): { expiresAt: string; lastDay: string; points: number }[] {
  const byInstant = new Map<number, number>();
  for (const l of fifoOrder(lots)) {
    if (l.remaining <= 0 || l.expiresAt === null) continue;
    byInstant.set(l.expiresAt.getTime(), (byInstant.get(l.expiresAt.getTime()) ?? 0) + l.remaining);
  }
  return [...byInstant].map(([at, points]) => ({
    expiresAt: new Date(at).toISOString(),
    lastDay: dayOf(new Date(at - 1)),
    points,
  }));
}
