import type { FieldProblem } from '../../../kernel/errors.js';
import type { Obligation } from './tiers.js';

/**
 * What a tier grants 权益 and requires 义务, typed so the programme can act on them (the points
 * multiplier multiplies rule points; the others are shown to members and used by later modules).
 */
export type Benefit =
  | { type: 'points_multiplier'; value: number }
  | { type: 'discount'; percent: number }
  | { type: 'exclusive_events' }
  | { type: 'priority_service' }
  | { type: 'text'; zh: string; en: string };

export function benefitProblems(benefits: Benefit[], path = '/benefits'): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  benefits.forEach((b, i) => {
    const at = `${path}/${i}`;
    if (b.type !== 'text' && seen.has(b.type)) out.push({ path: `${at}/type`, message: `${b.type} is listed twice` });
    seen.add(b.type);
    if (
      b.type === 'points_multiplier' &&
      !(b.value >= 1 && b.value <= 10 && Math.round(b.value * 100) === b.value * 100)
    ) {
      out.push({ path: `${at}/value`, message: 'must be from 1 to 10 with at most 2 decimals' });
    }
    if (b.type === 'discount' && !(b.percent > 0 && b.percent < 100))
      out.push({ path: `${at}/percent`, message: 'must be more than 0 and less than 100' });
    if (b.type === 'text' && (!b.zh.trim() || !b.en.trim()))
      out.push({ path: `${at}`, message: 'needs a Chinese and an English text' });
  });
  return out;
}

export function obligationProblems(
  obligations: Obligation[],
  kinds: readonly string[],
  path = '/obligations',
): FieldProblem[] {
  const out: FieldProblem[] = [];
  obligations.forEach((o, i) => {
    if (!Number.isSafeInteger(o.count) || o.count < 1)
      out.push({ path: `${path}/${i}/count`, message: 'must be a whole number of at least 1' });
    for (const k of o.kinds)
      if (!kinds.includes(k)) out.push({ path: `${path}/${i}/kinds`, message: `${k} is not an activity kind` });
  });
  return out;
}

/** The points multiplier a tier's benefits grant (1 without one). */
export function pointsMultiplier(benefits: readonly Benefit[]): number {
  const b = benefits.find((x) => x.type === 'points_multiplier');
  return b && b.type === 'points_multiplier' ? b.value : 1;
}

export interface TierHistoryEntry {
  change: 'promoted' | 'demoted' | 'manual' | 'manual_ended';
  toTierId: number | null;
  effectiveAt: number;
  manualUntil: number | null;
}

/**
 * The tier a member held at time `t`, replayed from their tier history: promotions and demotions
 * move the earned tier, a manual assignment overrides it until it ends.
 */
export function tierAt(history: readonly TierHistoryEntry[], t: number): number | null {
  let earned: number | null = null;
  let manual: { tierId: number | null; until: number | null } | null = null;
  for (const h of history) {
    if (h.effectiveAt > t) break;
    if (h.change === 'promoted' || h.change === 'demoted') earned = h.toTierId;
    else if (h.change === 'manual') manual = { tierId: h.toTierId, until: h.manualUntil };
    else manual = null;
  }
  if (manual && (manual.until === null || manual.until > t)) return manual.tierId;
  return earned;
}
