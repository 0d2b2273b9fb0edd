import type { Locale } from '../../i18n/locale';
import {
  ACTIVITY_KINDS,
  ADJUSTMENT_STATUSES,
  CHANNELS,
  POSTING_KINDS,
  REDEMPTION_STATUSES,
  REWARD_TYPES,
} from '@shared/vocabulary';
export { ACTIVITY_KINDS, ADJUSTMENT_STATUSES, POSTING_KINDS, REDEMPTION_STATUSES, REWARD_TYPES };

/**
 * The programme's fixed vocabulary (what the server accepts) and how a bilingual name is shown.
 * Pure, so plain Vitest runs the helpers built on it.
 */

/** Channels a rule may be limited to (those members and communities use). */
export const RULE_CHANNELS = CHANNELS;

export const REWARD_COLORS: Record<string, string> = {
  gift: 'magenta',
  coupon: 'orange',
  privilege: 'purple',
  honour: 'gold',
};
export const REDEMPTION_COLORS: Record<string, string> = {
  requested: 'processing',
  fulfilled: 'success',
  cancelled: 'default',
};
export const ADJUSTMENT_COLORS: Record<string, string> = { pending: 'warning', posted: 'success', rejected: 'default' };
export const POSTING_COLORS: Record<string, string> = {
  earn: 'green',
  spend: 'blue',
  expire: 'default',
  adjust: 'purple',
  reverse: 'red',
};

/** A tier, reward or badge name in the operator's language (the other one is a fallback). */
export function nameIn(x: { nameZh: string; nameEn: string }, locale: Locale): string {
  return locale === 'zh-CN' ? x.nameZh || x.nameEn : x.nameEn || x.nameZh;
}

/** A colour the server stored, only when it is one (never a CSS trick). */
export const safeColor = (c: string | null | undefined): string | undefined =>
  c && /^#[0-9a-f]{6}$/i.test(c) ? c : undefined;
