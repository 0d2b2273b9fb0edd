import type { MessageKey } from '../../i18n/catalog';
import type { MessageValues } from '../../i18n/locale';

/**
 * Words for the member's programme tab, pure and tested: what a tier change's `details` say, the
 * server's fixed reasons in the operator's language (any other reason — an operator's own words, a
 * rule's name — is shown as the text it is), and whether an adjustment will wait for approval.
 */
export interface Line {
  key: MessageKey;
  values?: MessageValues;
}
export type Said = Line | string;

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export interface Writers {
  number: (n: number) => string;
  dateTime: (iso: string) => string;
  /** An obligation { count, kinds } in words. */
  obligation: (o: { count: number; kinds: string[] }) => string;
  sep: string;
}

/** The `details` of a tier history entry, one readable line each (unknown fields as "key: value"). */
export function historyDetails(details: unknown, w: Writers): Said[] {
  if (!isObj(details)) return [];
  const out: Said[] = [];
  const d = details;
  if (isNum(d.growth)) out.push({ key: 'history.growth', values: { value: w.number(d.growth) } });
  if (isNum(d.threshold)) out.push({ key: 'history.threshold', values: { value: w.number(d.threshold) } });
  if (isNum(d.keepThreshold)) out.push({ key: 'history.keepThreshold', values: { value: w.number(d.keepThreshold) } });
  if ('windowMonths' in d)
    out.push(
      isNum(d.windowMonths)
        ? { key: 'history.window', values: { months: d.windowMonths } }
        : { key: 'history.lifetime' },
    );
  if (isStr(d.period)) out.push({ key: 'history.period', values: { period: d.period } });
  if (isStr(d.belowSince)) out.push({ key: 'history.belowSince', values: { at: w.dateTime(d.belowSince) } });
  if (Array.isArray(d.missedObligations) && d.missedObligations.length) {
    const missed = d.missedObligations.filter(
      (o): o is { count: number; kinds: string[] } => isObj(o) && isNum(o.count) && Array.isArray(o.kinds),
    );
    if (missed.length) out.push({ key: 'history.missed', values: { list: missed.map(w.obligation).join(w.sep) } });
  }
  if ('until' in d)
    out.push(isStr(d.until) ? { key: 'history.until', values: { at: w.dateTime(d.until) } } : { key: 'history.noEnd' });
  const known = new Set([
    'growth',
    'threshold',
    'keepThreshold',
    'windowMonths',
    'period',
    'belowSince',
    'missedObligations',
    'until',
  ]);
  for (const [k, v] of Object.entries(d)) {
    if (known.has(k) || v === null || v === undefined) continue;
    out.push(`${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  return out;
}

/** A reason the server writes itself, in the operator's language; other reasons as they are. */
export function reasonText(reason: string): Said {
  const r = reason.trim();
  const fixed: Record<string, MessageKey> = {
    'growth reached the threshold': 'reason.promoted',
    'the manual assignment ended': 'reason.manualEnded',
    'ended by an operator': 'reason.endedByOperator',
    'points expired': 'reason.expired',
    'order refunded': 'reason.refunded',
    'redemption cancelled': 'reason.redemptionCancelled',
  };
  if (fixed[r]) return { key: fixed[r] };
  let m = /^growth stayed below the keep threshold for (\d+) days$/.exec(r);
  if (m) return { key: 'reason.belowKeep', values: { days: Number(m[1]) } };
  m = /^obligations not met for (\d+) days$/.exec(r);
  if (m) return { key: 'reason.obligations', values: { days: Number(m[1]) } };
  m = /^redeemed: ([\s\S]+)$/.exec(r);
  if (m) return { key: 'reason.redeemed', values: { name: m[1]! } };
  m = /^replay: ([\s\S]+)$/.exec(r);
  if (m) return { key: 'reason.replay', values: { name: m[1]! } };
  return reason;
}

/** What posting `details` add to the reason: the rule version, tier multiplier, first-time and streak bonuses. */
export function postingExtras(p: { ruleVersion: number | null; details: unknown }): Line[] {
  const out: Line[] = [];
  if (p.ruleVersion !== null) out.push({ key: 'posting.ruleVersion', values: { version: String(p.ruleVersion) } });
  const d = isObj(p.details) ? p.details : {};
  if (isNum(d.multiplier) && d.multiplier !== 1)
    out.push({ key: 'posting.multiplier', values: { value: String(d.multiplier) } });
  if (isObj(d.firstTime)) out.push({ key: 'posting.firstTime' });
  if (isNum(d.streakDay) && isNum(d.streakBonus) && d.streakBonus > 0)
    out.push({ key: 'posting.streak', values: { day: d.streakDay, bonus: d.streakBonus } });
  return out;
}

/**
 * Whether an adjustment of `points` will post at once or wait for a second operator: from the
 * programme's approval threshold on (either sign), it waits.
 */
export function needsApproval(points: number | null | undefined, threshold: number): boolean {
  return typeof points === 'number' && points !== 0 && Math.abs(points) >= threshold;
}
