import type { JoinSource } from './community-rules.js';

/**
 * A stint is one continuous stay of a member in a community: joined_at … left_at (open while
 * the member is still in). Leaving and coming back makes a second stint, so history is never lost.
 *
 * `planStints` decides what a batch of observed activity (joins, leaves, anything else the member
 * did in the group) means for one member's stints in one community. It is pure: the ingest path
 * loads the stints of every (community, member) in a batch at once, plans each, and writes the
 * plan back in set-based statements.
 *
 * The rules, applied in time order. At the same moment joins come first and leaves last, whatever
 * the input order: the outcome must not depend on how a batch was split or sent again.
 * - join at t: nothing if a stint covers t, ends included (so a re-sent join changes nothing). Otherwise
 *   a new stint opens at t when no stint is open, that is after all known history. A join older
 *   than the known history opens a stint only if a leave in the batch closes it before the next
 *   known stint; otherwise, when that next stint is only known from activity (join source
 *   `activity`), the join is its real start and moves it back; otherwise it is ignored, since we
 *   cannot tell when that earlier stay ended.
 * - leave at t: closes the open stint that started at or before t. Ignored when no stint is open,
 *   when t is before the open stint's join, or when a stint already ended at t (a re-sent leave).
 * - anything else at t: a member with no stint at all gets one (join source `activity`, joined at
 *   t), so imported chat history yields real member counts. A member with stints is left alone:
 *   activity after a leave is not a join, and moving a start back on mere activity would depend
 *   on the order batches arrive in (re-sending a batch must change nothing).
 *
 * Applying the same batch twice changes nothing the second time (tested as a property).
 */
export type ObservedKind = 'join' | 'leave' | 'other';

export interface Stint {
  id: number | null;
  joinedAt: Date;
  leftAt: Date | null;
  joinSource: JoinSource;
  invitedByMemberId: number | null;
}

export interface ObservedActivity {
  kind: ObservedKind;
  at: Date;
  source?: JoinSource;
  invitedByMemberId?: number | null;
}

export interface StintPlan {
  inserts: Omit<Stint, 'id'>[];
  /** Existing stints (by id) with their new state. */
  updates: (Stint & { id: number; closed: boolean; backdated: boolean })[];
}

const KIND_ORDER: Record<ObservedKind, number> = { join: 0, other: 1, leave: 2 };

interface Working extends Stint {
  dirty: boolean;
  closed: boolean;
  backdated: boolean;
}

/** Inclusive at both ends: a join at the very moment of a leave is read as the same stay. */
const covers = (s: Stint, t: number) => s.joinedAt.getTime() <= t && (s.leftAt === null || t <= s.leftAt.getTime());

export function planStints(existing: readonly Stint[], activities: readonly ObservedActivity[]): StintPlan {
  const stints: Working[] = existing.map((s) => ({ ...s, dirty: false, closed: false, backdated: false }));
  const events = [...activities].sort(
    (x, y) => x.at.getTime() - y.at.getTime() || KIND_ORDER[x.kind] - KIND_ORDER[y.kind],
  );
  // For each event, the time of the first leave after it in the batch (or Infinity).
  const nextLeave = new Array<number>(events.length);
  let seen = Infinity;
  for (let k = events.length - 1; k >= 0; k--) {
    nextLeave[k] = seen;
    if (events[k]!.kind === 'leave') seen = events[k]!.at.getTime();
  }

  const nextStintAfter = (t: number) => {
    let best: Working | null = null;
    for (const s of stints) if (s.joinedAt.getTime() > t && (!best || s.joinedAt < best.joinedAt)) best = s;
    return best;
  };
  const open = (t: number, source: JoinSource, invitedBy: number | null) => {
    stints.push({
      id: null,
      joinedAt: new Date(t),
      leftAt: null,
      joinSource: source,
      invitedByMemberId: invitedBy,
      dirty: true,
      closed: false,
      backdated: false,
    });
  };
  const backdate = (s: Working, t: number, source: JoinSource, invitedBy: number | null) => {
    s.joinedAt = new Date(t);
    s.joinSource = source;
    s.invitedByMemberId = invitedBy;
    s.dirty = true;
    s.backdated = true;
  };

  events.forEach((e, k) => {
    const t = e.at.getTime();
    if (e.kind === 'leave') {
      if (stints.some((s) => s.leftAt?.getTime() === t)) return;
      let target: Working | null = null;
      for (const s of stints)
        if (s.leftAt === null && s.joinedAt.getTime() <= t && (!target || s.joinedAt > target.joinedAt)) target = s;
      if (target) {
        target.leftAt = new Date(t);
        target.dirty = true;
        target.closed = true;
      }
      return;
    }
    if (stints.some((s) => covers(s, t))) return;
    const next = nextStintAfter(t);
    const leaveBeforeNext = nextLeave[k]! < (next ? next.joinedAt.getTime() : Infinity);
    if (e.kind === 'join') {
      const source = e.source ?? 'activity';
      if (!next || leaveBeforeNext) open(t, source, e.invitedByMemberId ?? null);
      else if (next.joinSource === 'activity') backdate(next, t, source, e.invitedByMemberId ?? null);
      return;
    }
    if (stints.length === 0) open(t, 'activity', null);
  });

  const plan: StintPlan = { inserts: [], updates: [] };
  for (const s of stints) {
    if (!s.dirty) continue;
    const row = {
      joinedAt: s.joinedAt,
      leftAt: s.leftAt,
      joinSource: s.joinSource,
      invitedByMemberId: s.invitedByMemberId,
    };
    if (s.id === null) plan.inserts.push(row);
    else plan.updates.push({ ...row, id: s.id, closed: s.closed, backdated: s.backdated });
  }
  return plan;
}
