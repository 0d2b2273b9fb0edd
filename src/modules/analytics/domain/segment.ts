import type { MemberFilter } from '../../members/index.js';

/**
 * A segment a report is narrowed to: members' own filter (tags, lifecycle stages, channel — the
 * member list's conditions, so a segment counts whom the list shows) and loyalty's effective tier
 * read at `at`. An empty segment is every profile, erased ones included, as the unfiltered figures.
 */
export interface Segment {
  members: MemberFilter | null;
  tierId?: number;
  at: Date;
}
export const hasFilter = (f: Segment) => f.members !== null || f.tierId !== undefined;

/** A segment as the lifecycle reports take it in their query: one tag, stage, channel or tier. */
export interface SegmentQuery {
  tagId?: number;
  lifecycleStage?: string;
  channel?: string;
  tierId?: number;
}

/**
 * The report's segment in members' own filter (the member list's conditions), plus the tier, which
 * is loyalty's and read at `at`. Nothing asked: no filter, so the report reads its maintained figures.
 */
export function segmentOf(q: SegmentQuery, at: Date): Segment {
  const members: MemberFilter = {};
  if (q.tagId !== undefined) members.tagIds = [q.tagId];
  if (q.lifecycleStage !== undefined) members.lifecycleStages = [q.lifecycleStage];
  if (q.channel !== undefined) members.channel = q.channel;
  return { members: Object.keys(members).length > 0 ? members : null, tierId: q.tierId, at };
}
