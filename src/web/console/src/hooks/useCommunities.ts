import { api, call } from '@shared/api/client';
import { useRequest } from './useRequest';

export interface CommunityRef {
  id: number;
  name: string;
  archived: boolean;
}

// Community names change rarely; one list per visit serves every filter and timeline.
let cached: Promise<CommunityRef[]> | null = null;

async function loadAll(): Promise<CommunityRef[]> {
  const out: CommunityRef[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(
      api.GET('/api/v1/communities', { params: { query: { archived: 'all', limit: 200, cursor } } }),
    );
    out.push(...page.items.map((c) => ({ id: c.id, name: c.name, archived: c.archived })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Every community the signed-in staff member may see (a community manager: theirs), archived ones included. */
export function useCommunities() {
  return useRequest(() => {
    cached ??= loadAll().catch((e) => {
      cached = null;
      throw e;
    });
    return cached;
  }, []);
}

/** Forget the list (after a sign-out, so the next person does not see the previous one's communities). */
export function forgetCommunities() {
  cached = null;
}
