import type { FieldProblem } from '../../../kernel/errors.js';
import { localDayNumber, localWeekNumber } from './calendar.js';

/**
 * Behaviour rules 行为规则, pure. A rule maps one kind of activity (with filters) to points and
 * growth value, with limits (per day, per week, lifetime, cooldown), a first-time bonus, streak
 * bonuses for consecutive days and anti-abuse checks for messages. Whether an activity earns, and
 * how much, depends only on the rule, the activity and the member's earlier rewarded activities of
 * that rule, so applying the rules again to the same history gives the same postings.
 */
export type Award = { mode: 'fixed'; amount: number } | { mode: 'per_amount'; per: number; amount: number };

export interface RuleDefinition {
  kind: string;
  enabled: boolean;
  filters: {
    communityIds?: number[];
    channels?: string[];
    /** Orders: only from this amount (yuan). */
    minAmount?: number;
    /** Properties that must equal these values. */
    properties?: Record<string, string | number | boolean>;
  };
  points: Award | null;
  growth: Award | null;
  /** Points (not growth) are multiplied by the points multiplier benefit of the member's tier. */
  tierMultiplier: boolean;
  limits: { perDay?: number; perWeek?: number; lifetime?: number; cooldownMinutes?: number };
  firstTimeBonus?: { points: number; growth: number };
  /** Extra points on the k-th consecutive day the rule rewards (the last entry repeats). */
  streak?: { bonuses: number[] };
  /** Messages: shorter texts, or the same text again within the window, earn nothing. */
  antiAbuse?: { minTextLength?: number; duplicateWindowMinutes?: number };
}

export interface RuleVersion {
  ruleId: number;
  version: number;
  validFrom: Date;
  definition: RuleDefinition;
}

export interface ActivityFacts {
  id: number;
  memberId: number;
  communityId: number | null;
  channel: string;
  kind: string;
  occurredAt: number;
  properties: Record<string, unknown>;
}

export interface Earning {
  ruleId: number;
  version: number;
  activityId: number;
  memberId: number;
  occurredAt: number;
  points: number;
  growth: number;
  details: {
    base: { points: number; growth: number };
    multiplier: number;
    firstTime?: { points: number; growth: number };
    streakDay?: number;
    streakBonus?: number;
  };
}

/** One earlier rewarded activity of a rule, as the ledger remembers it. */
export interface Rewarded {
  at: number;
}

export interface MemberRuleHistory {
  /** Rewarded activities of this rule before the ones being evaluated, any order. */
  rewarded: Rewarded[];
  /** Rewarded activities older than `rewarded` holds (counted for lifetime limits and first-time bonuses). */
  olderCount: number;
}

const isInt = (v: unknown, min: number, max: number) =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
const MAX_POINTS = 1_000_000;

function checkAward(a: unknown, path: string, out: FieldProblem[]) {
  if (a === null || a === undefined) return;
  const o = a as Record<string, unknown>;
  if (o.mode === 'fixed') {
    if (!isInt(o.amount, 0, MAX_POINTS))
      out.push({ path: `${path}/amount`, message: `must be a whole number from 0 to ${MAX_POINTS}` });
  } else if (o.mode === 'per_amount') {
    if (!isInt(o.amount, 1, MAX_POINTS))
      out.push({ path: `${path}/amount`, message: `must be a whole number from 1 to ${MAX_POINTS}` });
    if (typeof o.per !== 'number' || !(o.per >= 0.01) || Math.round(o.per * 100) !== o.per * 100)
      out.push({ path: `${path}/per`, message: 'must be an amount of at least 0.01 with at most 2 decimals' });
  } else out.push({ path: `${path}/mode`, message: "must be 'fixed' or 'per_amount'" });
}

/** Problems of a rule definition, each naming its field (empty when the rule is sound). */
export function ruleProblems(d: RuleDefinition, kinds: readonly string[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!kinds.includes(d.kind)) out.push({ path: '/kind', message: `must be one of ${kinds.join(', ')}` });
  checkAward(d.points, '/points', out);
  checkAward(d.growth, '/growth', out);
  if (!d.points && !d.growth) out.push({ path: '/points', message: 'a rule must give points, growth value or both' });
  for (const k of ['perDay', 'perWeek', 'lifetime', 'cooldownMinutes'] as const) {
    const v = d.limits[k];
    if (v !== undefined && !isInt(v, 1, 1_000_000))
      out.push({ path: `/limits/${k}`, message: 'must be a whole number of at least 1' });
  }
  if (d.firstTimeBonus) {
    if (!isInt(d.firstTimeBonus.points, 0, MAX_POINTS))
      out.push({ path: '/firstTimeBonus/points', message: 'must be a whole number of at least 0' });
    if (!isInt(d.firstTimeBonus.growth, 0, MAX_POINTS))
      out.push({ path: '/firstTimeBonus/growth', message: 'must be a whole number of at least 0' });
  }
  if (d.streak) {
    if (d.streak.bonuses.length < 1 || d.streak.bonuses.length > 31)
      out.push({ path: '/streak/bonuses', message: 'must list 1 to 31 bonuses' });
    d.streak.bonuses.forEach((b, i) => {
      if (!isInt(b, 0, MAX_POINTS))
        out.push({ path: `/streak/bonuses/${i}`, message: 'must be a whole number of at least 0' });
    });
  }
  if (
    d.antiAbuse &&
    (d.antiAbuse.minTextLength !== undefined || d.antiAbuse.duplicateWindowMinutes !== undefined) &&
    d.kind !== 'message'
  ) {
    out.push({ path: '/antiAbuse', message: 'applies to message rules only' });
  }
  if (d.filters.minAmount !== undefined && d.kind !== 'purchase')
    out.push({ path: '/filters/minAmount', message: 'applies to purchase rules only' });
  if ((d.points?.mode === 'per_amount' || d.growth?.mode === 'per_amount') && d.kind !== 'purchase') {
    out.push({ path: '/points/mode', message: "'per_amount' applies to purchase rules only" });
  }
  return out;
}

/** An order amount in cents from an activity's properties (purchases carry "1299.00"). */
export function amountCents(p: Record<string, unknown>): number {
  const v = p.amount;
  const s = typeof v === 'number' ? v.toFixed(2) : typeof v === 'string' ? v : '';
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : 0;
}

function awardOf(a: Award | null, cents: number): number {
  if (!a) return 0;
  if (a.mode === 'fixed') return a.amount;
  return Math.floor(cents / Math.round(a.per * 100)) * a.amount;
}

/** Does the activity fall under the rule's kind and filters? (Anti-abuse and limits come after.) */
export function matchesRule(d: RuleDefinition, a: ActivityFacts): boolean {
  if (!d.enabled || a.kind !== d.kind) return false;
  const f = d.filters;
  if (f.communityIds?.length && (a.communityId === null || !f.communityIds.includes(a.communityId))) return false;
  if (f.channels?.length && !f.channels.includes(a.channel)) return false;
  if (f.minAmount !== undefined && amountCents(a.properties) < Math.round(f.minAmount * 100)) return false;
  if (f.properties) for (const [k, v] of Object.entries(f.properties)) if (a.properties[k] !== v) return false;
  return true;
}

export const messageText = (a: ActivityFacts) =>
  typeof a.properties.text === 'string' ? a.properties.text.trim() : '';

/** Message anti-abuse: too short, or the member sent the same text within the window before. */
export function abuseReason(
  d: RuleDefinition,
  a: ActivityFacts,
  earlierMessages: readonly { at: number; text: string }[],
): 'too_short' | 'repeated' | null {
  const aa = d.antiAbuse;
  if (!aa || a.kind !== 'message') return null;
  const text = messageText(a);
  if (aa.minTextLength !== undefined && [...text].length < aa.minTextLength) return 'too_short';
  if (aa.duplicateWindowMinutes !== undefined) {
    const from = a.occurredAt - aa.duplicateWindowMinutes * 60_000;
    for (const m of earlierMessages) if (m.at >= from && m.at < a.occurredAt && m.text === text) return 'repeated';
  }
  return null;
}

/**
 * How far before an activity a rule needs the member's rewarded activities of that rule: the
 * local day (a day cap, and the day a streak bonus is decided on), the local week (a week cap), the
 * cooldown, the streak's days. A margin of a day covers time zones and daylight saving. Earlier
 * rewards only count for `needsLifetimeCount`.
 */
export function lookbackMs(d: RuleDefinition): number {
  const day = 86_400_000;
  const l = d.limits;
  return Math.max(
    l.perDay !== undefined || d.streak ? 2 * day : 0,
    l.perWeek !== undefined ? 9 * day : 0,
    (l.cooldownMinutes ?? 0) * 60_000,
    d.streak ? (d.streak.bonuses.length + 2) * day : 0,
  );
}

/** Does the rule need how many rewarded activities a member had in all (a lifetime cap, a first-time bonus)? */
export const needsLifetimeCount = (d: RuleDefinition) =>
  d.limits.lifetime !== undefined || d.firstTimeBonus !== undefined;

/**
 * Evaluates the activities of one member under one rule (each activity under the version in force
 * at its time), in time order, carrying the
 * member's rewarded history forward as earnings are made. `multiplierAt(t)` is the points
 * multiplier of the member's tier at time t; `messagesBefore` gives earlier messages for
 * anti-abuse. Returns the earnings (activities that earn nothing are left out).
 */
export function evaluateMemberRule(
  versions: readonly RuleVersion[],
  activities: readonly ActivityFacts[],
  history: MemberRuleHistory,
  ctx: {
    timeZone: string;
    multiplierAt: (t: number) => number;
    messagesBefore: (a: ActivityFacts) => readonly { at: number; text: string }[];
  },
): Earning[] {
  const tz = ctx.timeZone;
  const out: Earning[] = [];
  const rewarded = history.rewarded.map((r) => r.at).sort((x, y) => x - y);
  const days = new Map<number, number>();
  const weeks = new Map<number, number>();
  for (const t of rewarded) {
    const dn = localDayNumber(tz, t);
    days.set(dn, (days.get(dn) ?? 0) + 1);
    const wk = localWeekNumber(tz, t);
    weeks.set(wk, (weeks.get(wk) ?? 0) + 1);
  }
  const sorted = [...activities].sort((x, y) => x.occurredAt - y.occurredAt || x.id - y.id);
  for (const a of sorted) {
    const rule = versionAt(versions, a.occurredAt);
    if (!rule) continue;
    const d = rule.definition;
    if (!matchesRule(d, a) || (d.antiAbuse && a.kind === 'message' && abuseReason(d, a, ctx.messagesBefore(a))))
      continue;
    const before = countBefore(rewarded, a.occurredAt);
    const lifetime = history.olderCount + before;
    const day = localDayNumber(tz, a.occurredAt);
    const week = localWeekNumber(tz, a.occurredAt);
    const l = d.limits;
    if (l.lifetime !== undefined && lifetime >= l.lifetime) continue;
    if (l.perDay !== undefined && (days.get(day) ?? 0) >= l.perDay) continue;
    if (l.perWeek !== undefined && (weeks.get(week) ?? 0) >= l.perWeek) continue;
    if (
      l.cooldownMinutes !== undefined &&
      before > 0 &&
      a.occurredAt - rewarded[before - 1]! < l.cooldownMinutes * 60_000
    )
      continue;

    const cents = amountCents(a.properties);
    const multiplier = d.tierMultiplier ? ctx.multiplierAt(a.occurredAt) : 1;
    const base = { points: awardOf(d.points, cents), growth: awardOf(d.growth, cents) };
    let points = Math.floor(base.points * multiplier);
    let growth = base.growth;
    const details: Earning['details'] = { base, multiplier };
    if (d.firstTimeBonus && lifetime === 0) {
      details.firstTime = { ...d.firstTimeBonus };
      points += d.firstTimeBonus.points;
      growth += d.firstTimeBonus.growth;
    }
    if (d.streak && (days.get(day) ?? 0) === 0) {
      let k = 1;
      while (k < d.streak.bonuses.length && (days.get(day - k) ?? 0) > 0) k++;
      const bonus = d.streak.bonuses[k - 1]!;
      details.streakDay = k;
      details.streakBonus = bonus;
      points += bonus;
    }
    // Only postings are remembered (the ledger is the history), so an activity that earns nothing
    // does not count against limits either.
    if (points === 0 && growth === 0) continue;
    out.push({
      ruleId: rule.ruleId,
      version: rule.version,
      activityId: a.id,
      memberId: a.memberId,
      occurredAt: a.occurredAt,
      points,
      growth,
      details,
    });
    rewarded.splice(before, 0, a.occurredAt);
    days.set(day, (days.get(day) ?? 0) + 1);
    weeks.set(week, (weeks.get(week) ?? 0) + 1);
  }
  return out;
}

/** How many sorted times are strictly before `t` (binary search). */
function countBefore(sorted: readonly number[], t: number): number {
  let lo = 0,
    hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rule version in force at `t`: the newest whose validFrom is not after it. */
export function versionAt(versions: readonly RuleVersion[], t: number): RuleVersion | null {
  let best: RuleVersion | null = null;
  for (const v of versions) if (v.validFrom.getTime() <= t && (!best || v.version > best.version)) best = v;
  return best;
}

/** A definition with every optional part filled in as stored: enabled, no filters or limits. */
export function normaliseRule(d: RuleDefinition): RuleDefinition {
  return {
    kind: d.kind,
    enabled: d.enabled ?? true,
    filters: d.filters ?? {},
    points: d.points ?? null,
    growth: d.growth ?? null,
    tierMultiplier: d.tierMultiplier ?? false,
    limits: d.limits ?? {},
    ...(d.firstTimeBonus && { firstTimeBonus: d.firstTimeBonus }),
    ...(d.streak && { streak: d.streak }),
    ...(d.antiAbuse && { antiAbuse: d.antiAbuse }),
  };
}
