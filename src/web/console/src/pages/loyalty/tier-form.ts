import type { MessageKey } from '../../i18n/catalog';
import type { MessageValues } from '../../i18n/locale';
import type { Benefit, Obligation, Tier, TierInput } from './types';

/**
 * The tier dialog: benefits are typed fields (a multiplier, a discount, two switches, texts) that
 * become the API's list of benefits, and back. Pure, so the mapping is tested.
 */
export interface TierFormValues {
  nameZh: string;
  nameEn: string;
  threshold: number;
  keepThreshold?: number | null;
  color: string;
  multiplier?: number | null;
  discount?: number | null;
  exclusiveEvents: boolean;
  priorityService: boolean;
  texts: { zh: string; en: string }[];
  obligations: { count: number; kinds: string[] }[];
}

export function tierFormValues(t: Tier | null): TierFormValues {
  if (!t)
    return {
      nameZh: '',
      nameEn: '',
      threshold: 0,
      keepThreshold: null,
      color: '#8c8c8c',
      multiplier: null,
      discount: null,
      exclusiveEvents: false,
      priorityService: false,
      texts: [],
      obligations: [],
    };
  const find = <K extends Benefit['type']>(type: K) =>
    t.benefits.find((b): b is Extract<Benefit, { type: K }> => b.type === type);
  return {
    nameZh: t.nameZh,
    nameEn: t.nameEn,
    threshold: t.threshold,
    keepThreshold: t.keepThreshold,
    color: t.color,
    multiplier: find('points_multiplier')?.value ?? null,
    discount: find('discount')?.percent ?? null,
    exclusiveEvents: !!find('exclusive_events'),
    priorityService: !!find('priority_service'),
    texts: t.benefits
      .filter((b): b is Extract<Benefit, { type: 'text' }> => b.type === 'text')
      .map((b) => ({ zh: b.zh, en: b.en })),
    obligations: t.obligations.map((o) => ({ count: o.count, kinds: [...o.kinds] })),
  };
}

export function tierBody(v: TierFormValues): TierInput {
  const benefits: Benefit[] = [];
  if (typeof v.multiplier === 'number') benefits.push({ type: 'points_multiplier', value: v.multiplier });
  if (typeof v.discount === 'number') benefits.push({ type: 'discount', percent: v.discount });
  if (v.exclusiveEvents) benefits.push({ type: 'exclusive_events' });
  if (v.priorityService) benefits.push({ type: 'priority_service' });
  for (const x of v.texts ?? []) {
    const zh = x?.zh?.trim() ?? '',
      en = x?.en?.trim() ?? '';
    if (zh || en) benefits.push({ type: 'text', zh, en });
  }
  const obligations: Obligation[] = (v.obligations ?? [])
    .filter((o) => typeof o?.count === 'number')
    .map((o) => ({ type: 'min_activities', count: o.count, kinds: o.kinds ?? [] }));
  return {
    nameZh: v.nameZh.trim(),
    nameEn: v.nameEn.trim(),
    threshold: v.threshold,
    // No keep threshold (keep ratio × threshold) is sent as no field: the API reads a JSON null in
    // this integer field as 0 (its validator coerces types), a missing one as null.
    ...(typeof v.keepThreshold === 'number' ? { keepThreshold: v.keepThreshold } : {}),
    benefits,
    obligations,
    color: v.color,
  };
}

/**
 * The form field a server problem of the tier body is about: `/benefits/2/value` is the benefit
 * sent third — a multiplier, say — so it lands on the multiplier field.
 */
export function tierFieldName(segments: string[], body: TierInput): (string | number)[] | null {
  const [head, index, sub] = segments;
  if (head === 'nameZh' || head === 'nameEn' || head === 'threshold' || head === 'keepThreshold' || head === 'color')
    return [head];
  if (head === 'obligations' && index !== undefined)
    return ['obligations', Number(index), sub === 'kinds' ? 'kinds' : 'count'];
  if (head === 'benefits' && index !== undefined) {
    const b = body.benefits?.[Number(index)];
    if (!b) return null;
    if (b.type === 'points_multiplier') return ['multiplier'];
    if (b.type === 'discount') return ['discount'];
    if (b.type === 'exclusive_events') return ['exclusiveEvents'];
    if (b.type === 'priority_service') return ['priorityService'];
    const nth = (body.benefits ?? []).slice(0, Number(index)).filter((x) => x.type === 'text').length;
    return ['texts', nth, sub === 'en' ? 'en' : 'zh'];
  }
  return null;
}

export interface Line {
  key: MessageKey;
  values?: MessageValues;
}

/** One benefit in words (a text benefit is its own words, in the operator's language). */
export function benefitLine(b: Benefit, locale: 'zh-CN' | 'en'): Line | string {
  switch (b.type) {
    case 'points_multiplier':
      return { key: 'benefit.points_multiplier', values: { value: String(b.value) } };
    case 'discount':
      return { key: 'benefit.discount', values: { percent: String(b.percent) } };
    case 'exclusive_events':
      return { key: 'benefit.exclusive_events' };
    case 'priority_service':
      return { key: 'benefit.priority_service' };
    case 'text':
      return locale === 'zh-CN' ? b.zh || b.en : b.en || b.zh;
  }
}

/** One obligation in words; the kinds come as their names, joined by the caller's separator. */
export function obligationLine(o: Obligation, kindName: (k: string) => string, sep: string): Line {
  return o.kinds.length
    ? { key: 'obligation.kinds', values: { count: o.count, kinds: o.kinds.map(kindName).join(sep) } }
    : { key: 'obligation.any', values: { count: o.count } };
}
