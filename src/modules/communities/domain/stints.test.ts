import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planStints, type ObservedActivity, type Stint } from './stints.js';

const t = (day: number) => new Date(Date.UTC(2024, 2, 1) + day * 86_400_000);
const stint = (id: number, from: number, to: number | null, joinSource: Stint['joinSource'] = 'manual'): Stint => ({
  id,
  joinedAt: t(from),
  leftAt: to === null ? null : t(to),
  joinSource,
  invitedByMemberId: null,
});
const ev = (kind: ObservedActivity['kind'], day: number, extra: Partial<ObservedActivity> = {}): ObservedActivity => ({
  kind,
  at: t(day),
  ...extra,
});

/** Applies a plan to a list of stints, giving new ones fresh ids, as the database would. */
function apply(stints: Stint[], activities: ObservedActivity[]): Stint[] {
  const plan = planStints(stints, activities);
  let next = Math.max(0, ...stints.map((s) => s.id!)) + 1;
  const byId = new Map(plan.updates.map((u) => [u.id, u]));
  return [
    ...stints.map((s) => {
      const u = byId.get(s.id!);
      return u
        ? {
            id: u.id,
            joinedAt: u.joinedAt,
            leftAt: u.leftAt,
            joinSource: u.joinSource,
            invitedByMemberId: u.invitedByMemberId,
          }
        : s;
    }),
    ...plan.inserts.map((s) => ({ ...s, id: next++ })),
  ];
}
const spans = (stints: Stint[]) =>
  stints
    .map((s) => [s.joinedAt.getUTCDate(), s.leftAt ? s.leftAt.getUTCDate() : null, s.joinSource] as const)
    .sort((a, b) => a[0] - b[0]);

describe("planStints: what observed activity does to a member's stints", () => {
  const cases: {
    name: string;
    existing: Stint[];
    events: ObservedActivity[];
    expected: (readonly [number, number | null, string])[];
  }[] = [
    {
      name: 'a join opens a stint',
      existing: [],
      events: [ev('join', 1, { source: 'qr_code' })],
      expected: [[2, null, 'qr_code']],
    },
    {
      name: 'a re-sent join for an open stint changes nothing',
      existing: [stint(1, 1, null)],
      events: [ev('join', 1)],
      expected: [[2, null, 'manual']],
    },
    {
      name: 'a later join while in the group changes nothing',
      existing: [stint(1, 1, null)],
      events: [ev('join', 5)],
      expected: [[2, null, 'manual']],
    },
    {
      name: 'join, leave and rejoin make two stints',
      existing: [],
      events: [ev('join', 1), ev('leave', 3), ev('join', 6)],
      expected: [
        [2, 4, 'activity'],
        [7, null, 'activity'],
      ],
    },
    {
      name: 'events are taken in time order, whatever the input order',
      existing: [],
      events: [ev('join', 6), ev('leave', 3), ev('join', 1)],
      expected: [
        [2, 4, 'activity'],
        [7, null, 'activity'],
      ],
    },
    {
      name: 'a leave closes the open stint',
      existing: [stint(1, 1, null)],
      events: [ev('leave', 4)],
      expected: [[2, 5, 'manual']],
    },
    {
      name: 'a leave with nothing open is ignored',
      existing: [stint(1, 1, 3)],
      events: [ev('leave', 6)],
      expected: [[2, 4, 'manual']],
    },
    {
      name: 'a leave before the join is ignored',
      existing: [stint(1, 5, null)],
      events: [ev('leave', 2)],
      expected: [[6, null, 'manual']],
    },
    {
      name: 'a re-sent leave of a rejoin at the same moment changes nothing',
      existing: [stint(1, 1, 4), stint(2, 4, null)],
      events: [ev('leave', 4)],
      expected: [
        [2, 5, 'manual'],
        [5, null, 'manual'],
      ],
    },
    {
      name: 'a message from someone we never saw join makes them a member from then',
      existing: [],
      events: [ev('other', 3), ev('other', 5)],
      expected: [[4, null, 'activity']],
    },
    {
      name: 'messages of a known member change nothing',
      existing: [stint(1, 1, null)],
      events: [ev('other', 3)],
      expected: [[2, null, 'manual']],
    },
    {
      name: 'a message after leaving does not reopen (only joins do)',
      existing: [stint(1, 1, 3)],
      events: [ev('other', 6)],
      expected: [[2, 4, 'manual']],
    },
    {
      name: 'older messages leave a known member alone',
      existing: [stint(1, 10, null, 'activity')],
      events: [ev('other', 4)],
      expected: [[11, null, 'activity']],
    },
    {
      name: 'an older join gives an activity-known stint its real start and source',
      existing: [stint(1, 10, null, 'activity')],
      events: [ev('join', 4, { source: 'invited', invitedByMemberId: 9 })],
      expected: [[5, null, 'invited']],
    },
    {
      name: 'an older join followed by a leave is a stay of its own',
      existing: [stint(1, 10, null, 'activity')],
      events: [ev('join', 4), ev('leave', 6)],
      expected: [
        [5, 7, 'activity'],
        [11, null, 'activity'],
      ],
    },
    {
      name: 'an older join cannot be placed before a recorded join, so it is ignored',
      existing: [stint(1, 10, null, 'manual')],
      events: [ev('join', 4)],
      expected: [[11, null, 'manual']],
    },
    {
      name: 'join and leave at the same moment make a zero-length stint',
      existing: [],
      events: [ev('join', 2), ev('leave', 2)],
      expected: [[3, 3, 'activity']],
    },
  ];
  it.each(cases)('$name', ({ existing, events, expected }) => {
    expect(spans(apply(existing, events))).toEqual(expected);
  });

  it('keeps the inviter of an invited join', () => {
    const plan = planStints([], [ev('join', 1, { source: 'invited', invitedByMemberId: 42 })]);
    expect(plan.inserts[0]).toMatchObject({ joinSource: 'invited', invitedByMemberId: 42 });
  });

  const activity = fc
    .record({
      kind: fc.constantFrom('join', 'leave', 'other') as fc.Arbitrary<ObservedActivity['kind']>,
      day: fc.integer({ min: 0, max: 20 }),
      source: fc.constantFrom('activity', 'manual') as fc.Arbitrary<Stint['joinSource']>,
    })
    .map((a) => ev(a.kind, a.day, a.kind === 'join' ? { source: a.source } : {}));
  const batch = fc.array(activity, { maxLength: 12 });

  const wellFormed = (stints: Stint[]) => {
    const sorted = [...stints].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());
    expect(sorted.filter((s) => s.leftAt === null).length).toBeLessThanOrEqual(1);
    sorted.forEach((s, i) => {
      if (s.leftAt) expect(s.leftAt.getTime()).toBeGreaterThanOrEqual(s.joinedAt.getTime());
      const next = sorted[i + 1];
      if (next) {
        expect(s.leftAt).not.toBeNull();
        expect(next.joinedAt.getTime()).toBeGreaterThanOrEqual(s.leftAt!.getTime());
      }
    });
  };

  it('applying the same batch again changes nothing, and history stays well-formed', () => {
    fc.assert(
      fc.property(batch, batch, (first, second) => {
        const once = apply(apply([], first), second);
        wellFormed(once);
        const again = planStints(once, second);
        expect(again).toEqual({ inserts: [], updates: [] });
      }),
      { numRuns: 500 },
    );
  });
});
