/**
 * What a batch of activities changes in the aggregates derived from active member-days (the gap
 * histogram and the cohort cells, see active-days.ts). A day's contribution depends only on the
 * day, the member's previous active day in the community (`prev`) and the join day, so a batch
 * changes exactly:
 * - each day it makes active ("fresh"): added, with `prev` the latest active day before it, the
 *   rollup's or the batch's own;
 * - each existing active day right after fresh ones (`next`): taken out with its old `prev` and
 *   put back with the latest fresh day before it as `prev`.
 * Dates are ISO days ('2026-12-01'), which compare as strings.
 */

/** A member-day of the batch as the rollup held it before: whether the batch makes it active, with its neighbours. */
export interface BatchDay {
  c: number;
  m: number;
  day: string;
  fresh: boolean;
  /** The member's latest active day before `day` in the rollup (fresh days only). */
  prev: string | null;
  /** The member's earliest active day after `day` in the rollup (fresh days only). */
  next: string | null;
  joined: string | null;
}

export interface Contribution {
  c: number;
  m: number;
  day: string;
  prev: string | null;
  joined: string | null;
  sign: 1 | -1;
}

export function contributionChanges(days: readonly BatchDay[]): Contribution[] {
  const byMember = new Map<string, BatchDay[]>();
  for (const d of days) {
    if (!d.fresh) continue;
    const key = `${d.c}:${d.m}`;
    const list = byMember.get(key);
    if (list) list.push(d);
    else byMember.set(key, [d]);
  }
  const out: Contribution[] = [];
  for (const list of byMember.values()) {
    list.sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0));
    let lastFresh: string | null = null;
    for (let i = 0; i < list.length; i++) {
      const d = list[i]!;
      // Fresh days between the same two active days share `prev` and `next`; an earlier fresh day is later than `prev`.
      const prev = lastFresh !== null && (d.prev === null || lastFresh > d.prev) ? lastFresh : d.prev;
      out.push({ c: d.c, m: d.m, day: d.day, prev, joined: d.joined, sign: 1 });
      lastFresh = d.day;
      const closesRun = d.next !== null && list[i + 1]?.next !== d.next;
      if (closesRun) {
        // `d` is the last fresh day before `next`: the rollup's `prev` of `next` was `d.prev`.
        out.push({ c: d.c, m: d.m, day: d.next!, prev: d.prev, joined: d.joined, sign: -1 });
        out.push({ c: d.c, m: d.m, day: d.next!, prev: d.day, joined: d.joined, sign: 1 });
      }
    }
  }
  return out;
}

/**
 * A member whose join day in a community moved with the batch: every active day's contribution is
 * taken out as the aggregates hold it (the days before the batch, placed by the old join day) and
 * put back as it now is (all days, the batch's included, placed by the new one).
 */
export function replacedContributions(
  c: number,
  m: number,
  activeNow: readonly string[],
  fresh: ReadonlySet<string>,
  joinedBefore: string | null,
  joinedNow: string | null,
): Contribution[] {
  const days = [...activeNow].sort();
  const out: Contribution[] = [];
  let prev: string | null = null;
  for (const day of days) {
    if (fresh.has(day)) continue;
    out.push({ c, m, day, prev, joined: joinedBefore, sign: -1 });
    prev = day;
  }
  prev = null;
  for (const day of days) {
    out.push({ c, m, day, prev, joined: joinedNow, sign: 1 });
    prev = day;
  }
  return out;
}
