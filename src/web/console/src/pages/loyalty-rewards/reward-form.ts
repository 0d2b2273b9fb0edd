import { addDays } from '../../i18n/format';
import type { Reward, RewardInput, RewardType } from '../loyalty/types';

/**
 * The reward dialog: validity is picked as whole days in the workspace time zone (from the start
 * of the first day to the end of the last), stock empty means no limit, a coupon's stock is its
 * uploaded codes. Pure, so the mapping is tested; the zone's day arithmetic comes in as functions.
 */
export interface RewardFormValues {
  nameZh: string;
  nameEn: string;
  description?: string;
  type: RewardType;
  cost: number;
  stock?: number | null;
  perMemberLimit?: number | null;
  tierIds: number[];
  /** First and last day it can be redeemed (YYYY-MM-DD), either open. */
  fromDay?: string | null;
  untilDay?: string | null;
}

export interface Days {
  dayStart: (day: string) => string;
  dayOf: (instant: string) => string;
}

export const REWARD_FIELDS = [
  'nameZh',
  'nameEn',
  'description',
  'type',
  'cost',
  'stock',
  'perMemberLimit',
  'tierIds',
  'validFrom',
  'validUntil',
] as const;
/** Server field → form field (validity is two day fields here). */
export function rewardFieldName(segments: string[]): (string | number)[] | null {
  const f = segments[0];
  if (f === 'validFrom') return ['fromDay'];
  if (f === 'validUntil') return ['untilDay'];
  return f && (REWARD_FIELDS as readonly string[]).includes(f) ? [f] : null;
}

/**
 * Stock and per-member limit. "No limit" is sent as no field: the API reads a JSON null in these
 * integer fields as 0 (its validator coerces types) — a stock of 0, sold out — and a missing one
 * as null. A coupon sends no stock at all (its stock is its codes).
 */
function limits(
  type: RewardType,
  stock: number | null | undefined,
  perMember: number | null | undefined,
): Pick<RewardInput, 'stock' | 'perMemberLimit'> {
  return {
    ...(type !== 'coupon' && typeof stock === 'number' ? { stock } : {}),
    ...(typeof perMember === 'number' ? { perMemberLimit: perMember } : {}),
  };
}

/** The last day a reward can be redeemed: the day before the instant it stops. */
const lastDay = (until: string, days: Days) => days.dayOf(new Date(Date.parse(until) - 1).toISOString());

export function rewardFormValues(r: Reward | null, days: Days): RewardFormValues {
  if (!r)
    return {
      nameZh: '',
      nameEn: '',
      description: '',
      type: 'gift',
      cost: 100,
      stock: null,
      perMemberLimit: null,
      tierIds: [],
      fromDay: null,
      untilDay: null,
    };
  return {
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    description: r.description,
    type: r.type,
    cost: r.cost,
    stock: r.type === 'coupon' ? null : r.stock,
    perMemberLimit: r.perMemberLimit,
    tierIds: [...r.tierIds],
    fromDay: r.validFrom ? days.dayOf(r.validFrom) : null,
    untilDay: r.validUntil ? lastDay(r.validUntil, days) : null,
  };
}

/**
 * The PUT/POST body. Days left as they were keep the exact instants the reward had (one set
 * through the API at 09:30 stays at 09:30); changed days become the start and end of those days.
 */
export function rewardBody(
  v: RewardFormValues,
  days: Days,
  before: Reward | null = null,
  archived?: boolean,
): RewardInput {
  const validFrom = !v.fromDay
    ? null
    : before?.validFrom && days.dayOf(before.validFrom) === v.fromDay
      ? before.validFrom
      : days.dayStart(v.fromDay);
  const validUntil = !v.untilDay
    ? null
    : before?.validUntil && lastDay(before.validUntil, days) === v.untilDay
      ? before.validUntil
      : days.dayStart(addDays(v.untilDay, 1));
  return {
    nameZh: v.nameZh.trim(),
    nameEn: v.nameEn.trim(),
    description: v.description?.trim() ?? '',
    type: v.type,
    cost: v.cost,
    ...limits(v.type, v.stock, v.perMemberLimit),
    tierIds: v.tierIds ?? [],
    validFrom,
    validUntil,
    ...(archived === undefined ? {} : { archived }),
  };
}

/** The same reward, archived or back in the catalogue (nothing else changes). */
export function archiveBody(r: Reward, archived: boolean): RewardInput {
  return {
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    description: r.description,
    type: r.type,
    cost: r.cost,
    ...limits(r.type, r.stock, r.perMemberLimit),
    tierIds: r.tierIds,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    archived,
  };
}

/** How many lines of codes a pasted or chosen file holds (blank lines not counted), as the server splits them. */
export function codeCount(text: string): number {
  return text
    .split(/\r?\n/)
    .flatMap((l) => l.split(','))
    .filter((c) => c.trim() !== '').length;
}
