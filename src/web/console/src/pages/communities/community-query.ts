import {
  COMMUNITY_CHANNELS,
  COMMUNITY_GOALS,
  COMMUNITY_STAGES,
  POSITIONING_TYPES,
  type CommunityChannel,
  type CommunityGoal,
  type CommunityStage,
  type PositioningType,
} from './community-vocab';

/**
 * The community list's filter as it lives in the address bar, so a filtered list can be shared
 * and reloaded. Anything unreadable is dropped rather than sent to the server.
 */
export const COMMUNITY_PAGE_SIZES = [20, 50, 100] as const;
export type ArchivedFilter = 'false' | 'true' | 'all';

export interface CommunityQuery {
  q?: string;
  positioningType?: PositioningType;
  goal?: CommunityGoal;
  stage?: CommunityStage;
  channel?: CommunityChannel;
  archived: ArchivedFilter;
  limit: number;
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;

export function parseCommunityQuery(p: URLSearchParams): CommunityQuery {
  const limit = Number(p.get('limit'));
  return {
    q: p.get('q')?.trim() || undefined,
    positioningType: oneOf(POSITIONING_TYPES, p.get('type')),
    goal: oneOf(COMMUNITY_GOALS, p.get('goal')),
    stage: oneOf(COMMUNITY_STAGES, p.get('stage')),
    channel: oneOf(COMMUNITY_CHANNELS, p.get('channel')),
    archived: oneOf(['false', 'true', 'all'] as const, p.get('archived')) ?? 'false',
    limit: (COMMUNITY_PAGE_SIZES as readonly number[]).includes(limit) ? limit : 20,
  };
}

/** The address of a filter; defaults are left out so links stay short. */
export function communityQueryToParams(q: CommunityQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.positioningType) p.set('type', q.positioningType);
  if (q.goal) p.set('goal', q.goal);
  if (q.stage) p.set('stage', q.stage);
  if (q.channel) p.set('channel', q.channel);
  if (q.archived !== 'false') p.set('archived', q.archived);
  if (q.limit !== 20) p.set('limit', String(q.limit));
  return p;
}

/** How many filters narrow the list (the search text and the archived switch not counted). */
export function activeCommunityFilters(q: CommunityQuery): number {
  return [q.positioningType, q.goal, q.stage, q.channel].filter(Boolean).length;
}
