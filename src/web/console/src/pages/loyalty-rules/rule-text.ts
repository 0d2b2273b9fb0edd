import type { MessageKey } from '../../i18n/catalog';
import type { MessageValues } from '../../i18n/locale';
import { formatFixed, formatNumber } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';
import type { Award, RuleDefinition } from '../loyalty/types';

/** What a rule gives and how it is limited, as message keys and values (pure, tested). */
export interface Line {
  key: MessageKey;
  values?: MessageValues;
}

/** Yuan without cents when whole: ¥10, ¥12.50. */
export function yuan(amount: number, locale: Locale): string {
  return `¥${Number.isInteger(amount) ? formatNumber(amount, locale) : formatFixed(amount, locale, 2)}`;
}

/** "10 points each time", "1 point per ¥10 spent"; null for no award. */
export function awardLine(a: Award | null, what: 'points' | 'growth', locale: Locale): Line | null {
  if (!a) return null;
  if (a.mode === 'fixed')
    return { key: what === 'points' ? 'award.points.fixed' : 'award.growth.fixed', values: { count: a.amount } };
  return {
    key: what === 'points' ? 'award.points.per' : 'award.growth.per',
    values: { count: a.amount, per: yuan(a.per, locale) },
  };
}

/** The limits, bonuses and checks of a rule, one line each, in the order an operator reads them. */
export function ruleExtras(d: RuleDefinition, locale: Locale): Line[] {
  const out: Line[] = [];
  const l = d.limits;
  if (l.perDay !== undefined) out.push({ key: 'limit.perDay', values: { count: l.perDay } });
  if (l.perWeek !== undefined) out.push({ key: 'limit.perWeek', values: { count: l.perWeek } });
  if (l.lifetime !== undefined) out.push({ key: 'limit.lifetime', values: { count: l.lifetime } });
  if (l.cooldownMinutes !== undefined) out.push({ key: 'limit.cooldown', values: { count: l.cooldownMinutes } });
  if (d.filters.minAmount !== undefined)
    out.push({ key: 'limit.minAmount', values: { amount: yuan(d.filters.minAmount, locale) } });
  if (d.tierMultiplier) out.push({ key: 'limit.tierMultiplier' });
  if (d.firstTimeBonus)
    out.push({ key: 'limit.firstTime', values: { points: d.firstTimeBonus.points, growth: d.firstTimeBonus.growth } });
  if (d.streak)
    out.push({
      key: 'limit.streak',
      values: { bonuses: d.streak.bonuses.map((b) => formatNumber(b, locale)).join(' / ') },
    });
  if (d.antiAbuse?.minTextLength !== undefined)
    out.push({ key: 'limit.minText', values: { count: d.antiAbuse.minTextLength } });
  if (d.antiAbuse?.duplicateWindowMinutes !== undefined)
    out.push({ key: 'limit.duplicate', values: { count: d.antiAbuse.duplicateWindowMinutes } });
  return out;
}
