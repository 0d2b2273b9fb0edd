import { LIFECYCLE_STAGES, MEMBER_CHANNELS } from '../../i18n/labels';
import { ACCOUNT_TYPES, type CHANNELS } from '@shared/vocabulary';

/**
 * The member list's filter as it lives in the address bar, so a list can be shared, reloaded,
 * and opened from the overview (e.g. ?createdFrom=…&createdTo=…). The same filter drives the
 * table, bulk tagging and the CSV export, so all three act on the same members.
 */
export type MemberSort = 'created_at' | 'last_active_at' | 'name';
export const PAGE_SIZES = [20, 50, 100] as const;

export interface MemberQuery {
  q?: string;
  communityId?: number;
  tagIds: number[];
  tagMatch: 'any' | 'all';
  lifecycleStages: string[];
  channel?: string;
  accountType?: (typeof ACCOUNT_TYPES)[number];
  createdFrom?: string;
  createdTo?: string;
  lastActiveFrom?: string;
  lastActiveTo?: string;
  sort: MemberSort;
  order: 'asc' | 'desc';
  limit: number;
}

const SORTS: MemberSort[] = ['created_at', 'last_active_at', 'name'];
const positiveInt = (s: string | null) => (s && /^\d{1,15}$/.test(s) && Number(s) > 0 ? Number(s) : undefined);
const instant = (s: string | null) =>
  s && !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s) ? s : undefined;

/** Reads the filter from the address; anything unreadable is left out rather than sent to the server. */
export function parseMemberQuery(p: URLSearchParams): MemberQuery {
  const sort = p.get('sort') as MemberSort | null;
  const limit = positiveInt(p.get('limit'));
  const channel = p.get('channel');
  const accountType = ACCOUNT_TYPES.find((x) => x === p.get('accountType'));
  return {
    q: p.get('q')?.trim() || undefined,
    communityId: positiveInt(p.get('communityId')),
    tagIds: [
      ...new Set(
        p
          .getAll('tagIds')
          .map(positiveInt)
          .filter((x): x is number => x !== undefined),
      ),
    ],
    tagMatch: p.get('tagMatch') === 'all' ? 'all' : 'any',
    lifecycleStages: p.getAll('lifecycleStages').filter((s) => (LIFECYCLE_STAGES as readonly string[]).includes(s)),
    channel: channel && (MEMBER_CHANNELS as readonly string[]).includes(channel) ? channel : undefined,
    accountType,
    createdFrom: instant(p.get('createdFrom')),
    createdTo: instant(p.get('createdTo')),
    lastActiveFrom: instant(p.get('lastActiveFrom')),
    lastActiveTo: instant(p.get('lastActiveTo')),
    sort: sort && SORTS.includes(sort) ? sort : 'created_at',
    order: p.get('order') === 'asc' ? 'asc' : 'desc',
    limit: limit && (PAGE_SIZES as readonly number[]).includes(limit) ? limit : 20,
  };
}

/** The address of a filter; defaults are left out so links stay short. */
export function memberQueryToParams(q: MemberQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.communityId) p.set('communityId', String(q.communityId));
  q.tagIds.forEach((id) => p.append('tagIds', String(id)));
  if (q.tagIds.length > 1 && q.tagMatch === 'all') p.set('tagMatch', 'all');
  q.lifecycleStages.forEach((s) => p.append('lifecycleStages', s));
  if (q.channel) p.set('channel', q.channel);
  if (q.accountType) p.set('accountType', q.accountType);
  for (const k of ['createdFrom', 'createdTo', 'lastActiveFrom', 'lastActiveTo'] as const) if (q[k]) p.set(k, q[k]!);
  if (q.sort !== 'created_at') p.set('sort', q.sort);
  if (q.order !== 'desc') p.set('order', q.order);
  if (q.limit !== 20) p.set('limit', String(q.limit));
  return p;
}

/** The filter part only, as GET /members, GET /members/export.csv and the bulk tag filter take it. */
export function memberFilter(q: MemberQuery) {
  return {
    q: q.q,
    communityId: q.communityId,
    tagIds: q.tagIds.length ? q.tagIds : undefined,
    tagMatch: q.tagIds.length > 1 ? q.tagMatch : undefined,
    lifecycleStages: q.lifecycleStages.length ? (q.lifecycleStages as (typeof LIFECYCLE_STAGES)[number][]) : undefined,
    channel: q.channel as (typeof CHANNELS)[number] | undefined,
    accountType: q.accountType,
    createdFrom: q.createdFrom,
    createdTo: q.createdTo,
    lastActiveFrom: q.lastActiveFrom,
    lastActiveTo: q.lastActiveTo,
  };
}

/** How many filters narrow the list (the search text not counted). */
export function activeFilterCount(q: MemberQuery): number {
  return [
    q.communityId,
    q.tagIds.length,
    q.lifecycleStages.length,
    q.channel,
    q.accountType,
    q.createdFrom || q.createdTo,
    q.lastActiveFrom || q.lastActiveTo,
  ].filter(Boolean).length;
}

/** Without undefined values: what a JSON body may carry. */
export function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
