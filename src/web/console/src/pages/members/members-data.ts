import { api, call } from '@shared/api/client';
import { memberFilter, parseMemberQuery } from './member-query';
import type { MemberPage } from './types';

/** One page of the member list for an address's query string and a cursor. */
export function fetchMembers(search: string, cursor: string | undefined, signal?: AbortSignal): Promise<MemberPage> {
  const q = parseMemberQuery(new URLSearchParams(search));
  return call(
    api.GET('/api/v1/members', {
      params: { query: { ...memberFilter(q), sort: q.sort, order: q.order, limit: q.limit, cursor } },
      signal,
    }),
  );
}

// A page asked for when the operator clicks 会员, while the page's code loads and mounts: the
// answer is usually there by the time the table is. Kept a few seconds, used once.
const early = new Map<string, Promise<MemberPage>>();

export function prefetchMembers(search = '') {
  if (early.has(search)) return;
  const p = fetchMembers(search, undefined);
  p.catch(() => {}); // a failure is reported when the page asks again
  early.set(search, p);
  setTimeout(() => early.delete(search), 5000);
}

/** The prefetched first page for this query, if there is one (and only once). */
export function takePrefetched(search: string, cursor: string | undefined): Promise<MemberPage> | undefined {
  if (cursor) return undefined;
  const p = early.get(search);
  early.delete(search);
  return p;
}
