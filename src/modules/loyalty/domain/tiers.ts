import type { FieldProblem } from '../../../kernel/errors.js';
import { benefitProblems, obligationProblems, type Benefit } from './benefits.js';

/**
 * Tier evaluation 会员等级评定, pure. Growth value 成长值 decides the tier:
 * - promotion takes effect as soon as growth reaches a higher tier's threshold;
 * - demotion happens only at a periodic evaluation, when growth has stayed below the tier's keep
 *   threshold (hysteresis: keep_ratio × threshold unless set) or an obligation 义务 was missed, for
 *   at least the grace period; at most `maxDemotionSteps` tiers down at once, and never below the
 *   highest tier the member still keeps;
 * - an operator's manual tier wins while it is valid; the earned tier is still kept underneath.
 */
export interface Obligation {
  type: 'min_activities';
  /** At least this many activities in the evaluation period just ended. */
  count: number;
  /** Kinds that count (all when empty). */
  kinds: string[];
}

export interface TierRule {
  id: number;
  threshold: number;
  keepThreshold: number | null;
  obligations: Obligation[];
}

export interface DemotionSettings {
  /** Thousandths: 900 = 90 %. Integers keep the comparison exact. */
  keepRatioMilli: number;
  graceDays: number;
  maxDemotionSteps: number;
}

export const sortTiers = <T extends { threshold: number }>(tiers: readonly T[]): T[] =>
  [...tiers].sort((a, b) => a.threshold - b.threshold);

/** The growth a member must keep to stay in `tier`. */
export function keepThreshold(tier: TierRule, keepRatioMilli: number): number {
  return tier.keepThreshold ?? Math.ceil((tier.threshold * keepRatioMilli) / 1000);
}

/** Index in the sorted tiers of the highest tier whose threshold `growth` reaches; -1 below all. */
export function qualifyingIndex(sorted: readonly TierRule[], growth: number): number {
  let i = -1;
  for (let k = 0; k < sorted.length; k++) if (growth >= sorted[k]!.threshold) i = k;
  return i;
}

/** Index of a tier id in the sorted list; a member without a tier sits at the entry tier (0), or -1 without tiers. */
export function indexOfTier(sorted: readonly TierRule[], tierId: number | null): number {
  if (tierId === null) return sorted.length ? 0 : -1;
  return sorted.findIndex((t) => t.id === tierId);
}

/** The tier a member is promoted to right now, or null when growth does not lift them. */
export function promotionTarget(
  sorted: readonly TierRule[],
  currentTierId: number | null,
  growth: number,
): TierRule | null {
  const q = qualifyingIndex(sorted, growth);
  return q > indexOfTier(sorted, currentTierId) ? sorted[q]! : null;
}

/** Obligations of `tier` the member did not meet; `activityCount(kinds)` counts the period's activities. */
export function missedObligations(tier: TierRule, activityCount: (kinds: string[]) => number): Obligation[] {
  return tier.obligations.filter((o) => activityCount(o.kinds) < o.count);
}

export interface EvaluationInput {
  tierId: number | null;
  growth: number;
  belowKeepSince: Date | null;
  activityCount: (kinds: string[]) => number;
}

export type EvaluationOutcome = {
  tierId: number | null;
  belowKeepSince: Date | null;
  change: null | {
    kind: 'promoted' | 'demoted';
    fromTierId: number | null;
    toTierId: number | null;
    reason: string;
    details: Record<string, unknown>;
  };
};

const DAY_MS = 86_400_000;

/** One member at a periodic evaluation. */
export function evaluateTier(
  sorted: readonly TierRule[],
  s: DemotionSettings,
  m: EvaluationInput,
  now: Date,
): EvaluationOutcome {
  if (sorted.length === 0) return { tierId: null, belowKeepSince: null, change: null };
  const current = Math.max(0, indexOfTier(sorted, m.tierId));
  const q = qualifyingIndex(sorted, m.growth);
  const tierAt = (i: number) => sorted[i]!;
  if (q > current) {
    const to = tierAt(q);
    return {
      tierId: to.id,
      belowKeepSince: null,
      change: {
        kind: 'promoted',
        fromTierId: m.tierId,
        toTierId: to.id,
        reason: 'growth reached the threshold',
        details: { growth: m.growth, threshold: to.threshold },
      },
    };
  }
  const tier = tierAt(current);
  const keep = keepThreshold(tier, s.keepRatioMilli);
  const missed = current === 0 ? [] : missedObligations(tier, m.activityCount);
  const short = current > 0 && (m.growth < keep || missed.length > 0);
  if (!short) return { tierId: m.tierId, belowKeepSince: null, change: null };

  const since = m.belowKeepSince ?? now;
  const graceEnds = new Date(since.getTime() + s.graceDays * DAY_MS);
  if (now < graceEnds) return { tierId: m.tierId, belowKeepSince: since, change: null };

  // Down at most maxDemotionSteps, and no lower than the highest tier below that is still kept.
  const floor = Math.max(0, current - s.maxDemotionSteps);
  let target = floor;
  for (let i = current - 1; i >= floor; i--) {
    const t = tierAt(i);
    if (
      i === 0 ||
      (m.growth >= keepThreshold(t, s.keepRatioMilli) && missedObligations(t, m.activityCount).length === 0)
    ) {
      target = i;
      break;
    }
  }
  const to = tierAt(target);
  const stillShort =
    target > 0 && (m.growth < keepThreshold(to, s.keepRatioMilli) || missedObligations(to, m.activityCount).length > 0);
  const reason =
    m.growth < keep
      ? `growth stayed below the keep threshold for ${s.graceDays} days`
      : `obligations not met for ${s.graceDays} days`;
  return {
    tierId: to.id,
    belowKeepSince: stillShort ? now : null,
    change: {
      kind: 'demoted',
      fromTierId: tier.id,
      toTierId: to.id,
      reason,
      details: { growth: m.growth, keepThreshold: keep, belowSince: since.toISOString(), missedObligations: missed },
    },
  };
}

/** The tier that applies now: a manual assignment while valid, otherwise the earned tier. */
export function effectiveTier(
  earnedTierId: number | null,
  manual: { tierId: number | null; until: Date | null },
  now: Date,
): { tierId: number | null; manual: boolean } {
  if (manual.tierId !== null && (manual.until === null || manual.until > now))
    return { tierId: manual.tierId, manual: true };
  return { tierId: earnedTierId, manual: false };
}

/** Progress from the current tier to the next: how much growth is still needed. */
export function progressToNext(
  sorted: readonly TierRule[],
  tierId: number | null,
  growth: number,
): { nextTierId: number; needed: number; percent: number } | null {
  const i = Math.max(0, indexOfTier(sorted, tierId));
  const next = sorted[i + 1];
  if (!next) return null;
  const base = sorted[i]?.threshold ?? 0;
  const span = Math.max(1, next.threshold - base);
  return {
    nextTierId: next.id,
    needed: Math.max(0, next.threshold - growth),
    percent: Math.max(0, Math.min(100, Math.floor(((growth - base) * 100) / span))),
  };
}

/** A tier as an operator writes it. */
export interface TierInput {
  nameZh: string;
  nameEn: string;
  threshold: number;
  keepThreshold?: number | null;
  benefits?: Benefit[];
  obligations?: Obligation[];
  color?: string;
}

/**
 * What is wrong with a tier beside the others of the list: names, a threshold of its own, an entry
 * tier at 0, a keep threshold not above the threshold, and its benefits and obligations.
 */
export function tierProblems(
  input: TierInput,
  others: readonly { threshold: number }[],
  activityKinds: readonly string[],
): FieldProblem[] {
  const problems = [
    ...benefitProblems(input.benefits ?? []),
    ...obligationProblems(input.obligations ?? [], activityKinds),
  ];
  if (!input.nameZh.trim()) problems.push({ path: '/nameZh', message: 'must not be empty' });
  if (!input.nameEn.trim()) problems.push({ path: '/nameEn', message: 'must not be empty' });
  if (!Number.isSafeInteger(input.threshold) || input.threshold < 0)
    problems.push({ path: '/threshold', message: 'must be a whole number of at least 0' });
  if (others.some((t) => t.threshold === input.threshold))
    problems.push({ path: '/threshold', message: `another tier already starts at ${input.threshold}` });
  const lowest = Math.min(input.threshold, ...others.map((t) => t.threshold));
  if (lowest !== 0)
    problems.push({ path: '/threshold', message: 'the lowest tier is the entry tier and must start at 0' });
  if (input.keepThreshold != null && input.keepThreshold > input.threshold)
    problems.push({ path: '/keepThreshold', message: 'must not be above the threshold' });
  return problems;
}

/**
 * Proposed thresholds for a tier list, all at once (unnamed tiers keep theirs): the list they make,
 * or what is wrong with it — two tiers at one threshold, an entry tier not at 0 (`problems`); and,
 * for applying them, thresholds below their tier's keep threshold (`keepProblems`: a preview may
 * show them). Ids not in the list are returned as `unknown`.
 */
export function proposeThresholds(
  tiers: readonly { id: number; threshold: number; keepThreshold: number | null }[],
  proposed: readonly { tierId: number; threshold: number }[],
): {
  next: { id: number; threshold: number }[];
  unknown: number[];
  problems: FieldProblem[];
  keepProblems: FieldProblem[];
} {
  const want = new Map(proposed.map((x) => [x.tierId, x.threshold]));
  const unknown = [...want.keys()].filter((id) => !tiers.some((t) => t.id === id));
  const next = sortTiers(tiers.map((t) => ({ id: t.id, threshold: want.get(t.id) ?? t.threshold })));
  const problems: FieldProblem[] = [];
  if (new Set(next.map((t) => t.threshold)).size !== next.length)
    problems.push({ path: '/thresholds', message: 'two tiers would start at the same growth value' });
  else if (next.length && next[0]!.threshold !== 0)
    problems.push({ path: '/thresholds', message: 'the entry tier must start at 0' });
  const keepProblems: FieldProblem[] = [];
  proposed.forEach((x, i) => {
    const keep = tiers.find((t) => t.id === x.tierId)?.keepThreshold ?? null;
    if (keep !== null && keep > x.threshold)
      keepProblems.push({
        path: `/thresholds/${i}/threshold`,
        message: `must not be below the tier's keep threshold ${keep}; lower that first`,
      });
  });
  return { next, unknown, problems, keepProblems };
}
