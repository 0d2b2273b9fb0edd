import type { MessageKey } from '../../i18n/catalog';
import type { MessageValues } from '../../i18n/locale';

/**
 * What one activity says, as message keys and values — pure, so the wording is tested without a
 * browser. Properties come from channels and importers: only expected fields of the expected type
 * are used, and text is returned as text for React to escape.
 */
export interface ActivityLine {
  key: MessageKey;
  values?: MessageValues;
}
export interface ActivityText {
  title: ActivityLine;
  details: ActivityLine[];
  body: string | null;
}

type Props = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function describeActivity(
  a: { kind: string; properties: Props; communityId: number | null },
  names: { community: (id: number) => string | null; money: (amount: string, currency: string) => string },
): ActivityText {
  const p = a.properties ?? {};
  const community = a.communityId !== null ? names.community(a.communityId) : null;
  const where: ActivityLine[] = community ? [{ key: 'activity.inCommunity', values: { community } }] : [];
  const kindTitle = { key: `kind.${a.kind}` as MessageKey };
  switch (a.kind) {
    case 'message':
      return {
        title: community ? { key: 'activity.message', values: { community } } : { key: 'activity.messageNoCommunity' },
        details: [],
        body: str(p.text),
      };
    case 'purchase':
    case 'refund': {
      const amount = str(p.amount);
      const currency = str(p.currency) ?? 'CNY';
      const details: ActivityLine[] = [];
      if (str(p.orderId)) details.push({ key: 'activity.order', values: { id: str(p.orderId)! } });
      const items = Array.isArray(p.items)
        ? p.items.map((i) => itemText(i as Props)).filter((x): x is string => !!x)
        : [];
      return {
        title: amount
          ? {
              key: a.kind === 'purchase' ? 'activity.purchase' : 'activity.refund',
              values: { amount: names.money(amount, currency) },
            }
          : kindTitle,
        details: [...details, ...where],
        body: items.length ? items.join('、') : str(p.reason),
      };
    }
    case 'event_registered':
    case 'event_attended':
      return {
        title: kindTitle,
        details: [
          ...(str(p.eventName) ? [{ key: 'activity.event' as MessageKey, values: { name: str(p.eventName)! } }] : []),
          ...where,
        ],
        body: null,
      };
    case 'content_view':
      return {
        title: kindTitle,
        details: [
          ...(str(p.title) ? [{ key: 'activity.content' as MessageKey, values: { title: str(p.title)! } }] : []),
          ...where,
        ],
        body: null,
      };
    case 'survey_response': {
      const details: ActivityLine[] = [];
      if (str(p.title)) details.push({ key: 'activity.survey', values: { name: str(p.title)! } });
      const score = num(p.nps) ?? num(p.score);
      if (score !== null) details.push({ key: 'activity.rating', values: { score } });
      return { title: kindTitle, details: [...details, ...where], body: null };
    }
    case 'reaction':
      return {
        title: str(p.emoji) ? { key: 'activity.emoji', values: { emoji: str(p.emoji)! } } : kindTitle,
        details: where,
        body: null,
      };
    case 'check_in':
      return {
        title: kindTitle,
        details: [
          ...(num(p.streak) ? [{ key: 'activity.streak' as MessageKey, values: { days: num(p.streak)! } }] : []),
          ...where,
        ],
        body: str(p.topic),
      };
    case 'leave':
      return { title: kindTitle, details: where, body: str(p.reason) };
    default:
      return { title: kindTitle, details: where, body: null };
  }
}

/** `挂耳咖啡 · 10片装 ×2`: product and variant as the order file named them, then how many (when more than one, or nothing else is known). */
function itemText(item: Props | null | undefined): string | null {
  if (!item || typeof item !== 'object') return null;
  const label = [str(item.name), str(item.sku)].filter((x): x is string => !!x).join(' · ');
  const q = typeof item.quantity === 'number' && Number.isFinite(item.quantity) ? item.quantity : null;
  if (q !== null && (q > 1 || label === '')) return `${label} ×${q}`.trim();
  return label || null;
}
