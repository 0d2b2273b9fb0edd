import { describe, expect, it } from 'vitest';
import {
  abuseReason,
  amountCents,
  evaluateMemberRule,
  matchesRule,
  ruleProblems,
  versionAt,
  type ActivityFacts,
  type RuleDefinition,
  type RuleVersion,
} from './rules.js';

const TZ = 'Asia/Shanghai';
const KINDS = ['message', 'check_in', 'purchase', 'event_attended'];
const base = (over: Partial<RuleDefinition> = {}): RuleDefinition => ({
  kind: 'message',
  enabled: true,
  filters: {},
  points: { mode: 'fixed', amount: 2 },
  growth: { mode: 'fixed', amount: 1 },
  tierMultiplier: false,
  limits: {},
  ...over,
});
const v = (definition: RuleDefinition, version = 1, validFrom = '2020-01-01T00:00:00Z'): RuleVersion => ({
  ruleId: 7,
  version,
  validFrom: new Date(validFrom),
  definition,
});
let nextId = 1;
const act = (at: string, over: Partial<ActivityFacts> = {}): ActivityFacts => ({
  id: nextId++,
  memberId: 1,
  communityId: 10,
  channel: 'wechat',
  kind: 'message',
  occurredAt: Date.parse(at),
  properties: { text: `message ${nextId}` },
  ...over,
});
const run = (versions: RuleVersion[], acts: ActivityFacts[], rewarded: string[] = [], olderCount = 0, multiplier = 1) =>
  evaluateMemberRule(
    versions,
    acts,
    { rewarded: rewarded.map((t) => ({ at: Date.parse(t) })), olderCount },
    {
      timeZone: TZ,
      multiplierAt: () => multiplier,
      messagesBefore: (a) =>
        acts
          .filter((x) => x.occurredAt < a.occurredAt)
          .map((x) => ({ at: x.occurredAt, text: String(x.properties.text ?? '') })),
    },
  );

describe('behaviour rules', () => {
  it('names every problem of a definition by its field', () => {
    const bad = base({
      kind: 'dance',
      points: { mode: 'per_amount', per: 0, amount: 0 },
      growth: null,
      limits: { perDay: 0 },
      antiAbuse: { minTextLength: 3 },
    });
    expect(ruleProblems(bad, KINDS).map((p) => p.path)).toEqual([
      '/kind',
      '/points/amount',
      '/points/per',
      '/limits/perDay',
      '/antiAbuse',
      '/points/mode',
    ]);
    expect(ruleProblems(base(), KINDS)).toEqual([]);
    expect(ruleProblems(base({ points: null, growth: null }), KINDS).map((p) => p.path)).toEqual(['/points']);
  });

  it('matches kind, community, channel, amount and property filters', () => {
    const d = base({
      kind: 'purchase',
      filters: { communityIds: [10], channels: ['wechat'], minAmount: 100, properties: { vip: true } },
    });
    const p = (over: Partial<ActivityFacts>, props: Record<string, unknown> = { amount: '120.00', vip: true }) =>
      matchesRule(d, act('2026-12-01T10:00:00+08:00', { kind: 'purchase', properties: props, ...over }));
    expect(p({})).toBe(true);
    expect(p({ communityId: 11 })).toBe(false);
    expect(p({ communityId: null })).toBe(false);
    expect(p({ channel: 'qq' })).toBe(false);
    expect(p({}, { amount: '99.99', vip: true })).toBe(false);
    expect(p({}, { amount: '120.00' })).toBe(false);
    expect(p({ kind: 'message' })).toBe(false);
    expect(
      matchesRule(
        { ...d, enabled: false },
        act('2026-12-01T10:00:00+08:00', { kind: 'purchase', properties: { amount: '120.00', vip: true } }),
      ),
    ).toBe(false);
  });

  it('gives points per unit of the order amount, floored', () => {
    const d = base({
      kind: 'purchase',
      points: { mode: 'per_amount', per: 10, amount: 1 },
      growth: { mode: 'per_amount', per: 1, amount: 1 },
    });
    const [e] = run([v(d)], [act('2026-12-01T10:00:00+08:00', { kind: 'purchase', properties: { amount: '129.90' } })]);
    expect(e).toMatchObject({ points: 12, growth: 129 });
    expect(amountCents({ amount: 5 })).toBe(500);
    expect(amountCents({ amount: 'x' })).toBe(0);
  });

  it('caps per day in the workspace time zone', () => {
    const d = base({ limits: { perDay: 2 } });
    const acts = [
      '2026-12-01T09:00:00+08:00',
      '2026-12-01T10:00:00+08:00',
      '2026-12-01T23:59:00+08:00',
      '2026-12-02T00:01:00+08:00',
    ].map((t) => act(t));
    expect(run([v(d)], acts).map((e) => e.activityId)).toEqual([acts[0]!.id, acts[1]!.id, acts[3]!.id]);
    // one already rewarded that day, from an earlier batch
    expect(run([v(d)], acts, ['2026-12-01T08:00:00+08:00']).map((e) => e.activityId)).toEqual([
      acts[0]!.id,
      acts[3]!.id,
    ]);
  });

  it('caps per ISO week, for a lifetime, and keeps a cooldown', () => {
    const week = base({ limits: { perWeek: 1 } });
    const acts = [act('2026-12-06T20:00:00+08:00'), act('2026-12-06T21:00:00+08:00'), act('2026-12-07T08:00:00+08:00')];
    expect(run([v(week)], acts).map((e) => e.activityId)).toEqual([acts[0]!.id, acts[2]!.id]);
    expect(run([v(base({ limits: { lifetime: 3 } }))], acts, [], 2)).toHaveLength(1);
    const cool = base({ limits: { cooldownMinutes: 90 } });
    expect(run([v(cool)], acts).map((e) => e.activityId)).toEqual([acts[0]!.id, acts[2]!.id]);
  });

  it('adds a first-time bonus once per member', () => {
    const d = base({ firstTimeBonus: { points: 50, growth: 10 } });
    const acts = [act('2026-12-01T09:00:00+08:00'), act('2026-12-01T10:00:00+08:00')];
    expect(run([v(d)], acts).map((e) => [e.points, e.growth])).toEqual([
      [52, 11],
      [2, 1],
    ]);
    expect(run([v(d)], acts, [], 1).map((e) => e.points)).toEqual([2, 2]);
  });

  it('escalates a streak of consecutive days, and starts again after a gap', () => {
    const d = base({
      kind: 'check_in',
      points: { mode: 'fixed', amount: 5 },
      growth: null,
      limits: { perDay: 1 },
      streak: { bonuses: [0, 2, 5] },
    });
    const days = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-06', '2026-12-07'];
    const acts = days.map((x) => act(`${x}T08:00:00+08:00`, { kind: 'check_in' }));
    expect(run([v(d)], acts).map((e) => [e.details.streakDay, e.points])).toEqual([
      [1, 5],
      [2, 7],
      [3, 10],
      [3, 10],
      [1, 5],
      [2, 7],
    ]);
    // a streak that started in an earlier batch continues
    expect(
      run([v(d)], [acts[2]!], ['2026-12-01T08:00:00+08:00', '2026-12-02T08:00:00+08:00'])[0]!.details.streakDay,
    ).toBe(3);
  });

  it('does not reward too-short or repeated messages', () => {
    const d = base({ antiAbuse: { minTextLength: 4, duplicateWindowMinutes: 10 } });
    const acts = [
      act('2026-12-01T09:00:00+08:00', { properties: { text: '早上好呀各位' } }),
      act('2026-12-01T09:05:00+08:00', { properties: { text: '早上好呀各位' } }), // repeated within 10 minutes
      act('2026-12-01T09:30:00+08:00', { properties: { text: '早上好呀各位' } }), // 30 minutes later: counts
      act('2026-12-01T09:31:00+08:00', { properties: { text: '好的' } }), // too short
    ];
    expect(run([v(d)], acts).map((e) => e.activityId)).toEqual([acts[0]!.id, acts[2]!.id]);
    expect(abuseReason(d, acts[3]!, [])).toBe('too_short');
  });

  it('multiplies points, not growth, by the tier benefit', () => {
    const d = base({ points: { mode: 'fixed', amount: 3 }, tierMultiplier: true });
    expect(run([v(d)], [act('2026-12-01T09:00:00+08:00')], [], 0, 1.5)[0]).toMatchObject({
      points: 4,
      growth: 1,
      details: { multiplier: 1.5 },
    });
  });

  it('uses the version in force at the activity time and gives the same result every time', () => {
    const v1 = v(base(), 1, '2026-01-01T00:00:00Z');
    const v2 = v(base({ points: { mode: 'fixed', amount: 10 } }), 2, '2026-12-01T12:00:00+08:00');
    expect(versionAt([v1, v2], Date.parse('2025-06-01T00:00:00Z'))).toBeNull();
    const acts = [act('2025-12-01T11:00:00+08:00'), act('2026-12-01T11:00:00+08:00'), act('2026-12-01T13:00:00+08:00')];
    const once = run([v1, v2], acts);
    expect(once.map((e) => [e.version, e.points])).toEqual([
      [1, 2],
      [2, 10],
    ]);
    expect(run([v1, v2], [...acts].reverse())).toEqual(once);
  });
});
