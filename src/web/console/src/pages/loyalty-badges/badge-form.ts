import type { MessageKey } from '../../i18n/catalog';
import type { MessageValues } from '../../i18n/locale';
import type { Badge, BadgeCriteria, BadgeInput } from '../loyalty/types';

/**
 * The badge dialog: the criteria are a choice (by hand only, an activity count, the month's top
 * contributors) with the fields of that choice; property filters are typed rows (text, number,
 * yes/no), since "5" and 5 are different values to the server. Pure, so the mapping is tested.
 */
export type CriteriaKind = 'none' | 'activity_count' | 'top_contributor';
export type PropertyType = 'text' | 'number' | 'boolean';
export interface PropertyRow {
  key: string;
  type: PropertyType;
  value: string;
}

export interface BadgeFormValues {
  nameZh: string;
  nameEn: string;
  description?: string;
  color: string;
  criteria: CriteriaKind;
  kinds: string[];
  count?: number | null;
  properties: PropertyRow[];
  top?: number | null;
  metric: 'growth' | 'activities';
  topKinds: string[];
}

type Props = Record<string, string | number | boolean>;

const rowsOf = (p: Props | undefined): PropertyRow[] =>
  Object.entries(p ?? {}).map(([key, v]) => ({
    key,
    type: typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'text',
    value: String(v),
  }));

/** Rows with a key become the property filter; a number that does not read as one stays text. */
export function propertiesOf(rows: readonly PropertyRow[]): Props | undefined {
  const out: Props = {};
  for (const r of rows ?? []) {
    const key = r?.key?.trim();
    if (!key) continue;
    const n = Number(r.value);
    out[key] =
      r.type === 'boolean'
        ? r.value === 'true'
        : r.type === 'number' && r.value.trim() !== '' && Number.isFinite(n)
          ? n
          : (r.value ?? '');
  }
  return Object.keys(out).length ? out : undefined;
}

export function badgeFormValues(b: Badge | null): BadgeFormValues {
  const base: BadgeFormValues = {
    nameZh: '',
    nameEn: '',
    description: '',
    color: '#faad14',
    criteria: 'none',
    kinds: [],
    count: null,
    properties: [],
    top: 10,
    metric: 'growth',
    topKinds: [],
  };
  if (!b) return base;
  const c = b.criteria;
  return {
    ...base,
    nameZh: b.nameZh,
    nameEn: b.nameEn,
    description: b.description,
    color: b.color,
    criteria: c?.type ?? 'none',
    ...(c?.type === 'activity_count' ? { kinds: [...c.kinds], count: c.count, properties: rowsOf(c.properties) } : {}),
    ...(c?.type === 'top_contributor' ? { top: c.top, metric: c.metric, topKinds: [...(c.kinds ?? [])] } : {}),
  };
}

export function badgeCriteria(v: BadgeFormValues): BadgeCriteria | null {
  if (v.criteria === 'activity_count') {
    const properties = propertiesOf(v.properties);
    return { type: 'activity_count', kinds: v.kinds ?? [], count: v.count ?? 1, ...(properties ? { properties } : {}) };
  }
  if (v.criteria === 'top_contributor') {
    return {
      type: 'top_contributor',
      top: v.top ?? 10,
      metric: v.metric,
      ...(v.metric === 'activities' && v.topKinds?.length ? { kinds: v.topKinds } : {}),
    };
  }
  return null;
}

export function badgeBody(v: BadgeFormValues, archived?: boolean): BadgeInput {
  return {
    nameZh: v.nameZh.trim(),
    nameEn: v.nameEn.trim(),
    description: v.description?.trim() ?? '',
    color: v.color,
    criteria: badgeCriteria(v),
    ...(archived === undefined ? {} : { archived }),
  };
}

/** The dialog field a server problem is about: `/criteria/kinds` is "kinds" or "topKinds" by the choice. */
export function badgeFieldName(segments: string[], v: Pick<BadgeFormValues, 'criteria'>): (string | number)[] | null {
  const [head, sub] = segments;
  if (head === 'nameZh' || head === 'nameEn' || head === 'description' || head === 'color') return [head];
  if (head !== 'criteria') return null;
  if (sub === 'kinds') return [v.criteria === 'top_contributor' ? 'topKinds' : 'kinds'];
  if (sub === 'count' || sub === 'top' || sub === 'metric') return [sub];
  return ['criteria'];
}

export interface Line {
  key: MessageKey;
  values?: MessageValues;
}

/** The criteria in words: "by hand only", "5 or more: attended an event", "top 10 by growth each month". */
export function criteriaLine(c: BadgeCriteria | null, kindName: (k: string) => string, sep: string): Line {
  if (!c) return { key: 'badges.manual' };
  if (c.type === 'activity_count') {
    const props = Object.entries(c.properties ?? {})
      .map(([k, v]) => `${k} = ${String(v)}`)
      .join(sep);
    return {
      key: props ? 'criteria.countWith' : 'criteria.count',
      values: { count: c.count, kinds: c.kinds.map(kindName).join(sep), ...(props ? { props } : {}) },
    };
  }
  if (c.metric === 'growth') return { key: 'criteria.topGrowth', values: { top: c.top } };
  return c.kinds?.length
    ? { key: 'criteria.topKinds', values: { top: c.top, kinds: c.kinds.map(kindName).join(sep) } }
    : { key: 'criteria.topActivities', values: { top: c.top } };
}
