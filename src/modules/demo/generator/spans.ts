/**
 * When a member can act in a group: from joining (or the window start) until leaving, going quiet,
 * or the end of the window. Every generated in-group activity goes through these checks.
 */
import type { MemberPlan, MembershipPlan } from './model.js';
import type { Window } from './calendar.js';

export interface Spans {
  byMember: MembershipPlan[][];
  /** [from, to): the part of a membership inside the window where the member still acts. */
  span(ms: MembershipPlan): [number, number];
  /** The membership that makes `ts` a valid time for this member to act in `community`, if any. */
  inGroup(member: number, community: number, ts: number): MembershipPlan | null;
}

export function buildSpans(win: Window, members: MemberPlan[], memberships: MembershipPlan[]): Spans {
  const byMember: MembershipPlan[][] = members.map(() => []);
  for (const ms of memberships) byMember[ms.member].push(ms);
  const span = (ms: MembershipPlan): [number, number] => [
    Math.max(ms.joinedAt, win.start),
    Math.min(ms.leftAt ?? Infinity, members[ms.member].activeUntil, win.end),
  ];
  const inGroup = (member: number, community: number, ts: number): MembershipPlan | null => {
    for (const ms of byMember[member]) {
      if (ms.community !== community) continue;
      const [from, to] = span(ms);
      if (ts >= from && ts < to) return ms;
    }
    return null;
  };
  return { byMember, span, inGroup };
}
