import { invalid } from '../../../kernel/errors.js';
import { decodeCursor, encodeCursor } from '../../../kernel/pagination.js';

/**
 * Keyset pagination: the cursor carries the last row's sort key and id, so the next page starts
 * right after it whatever was inserted meanwhile — no skipped or repeated members, and page 1,000
 * costs the same as page 1. The cursor (kernel/pagination) also carries the sort it continues.
 */
export const MEMBER_SORTS = ['created_at', 'last_active_at', 'name'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

export interface Keyset {
  sort: MemberSort;
  order: SortOrder;
  /** The sort key as the database printed it (text keeps timestamps' microseconds). */
  key: string;
  id: number;
}

export function encodeMemberCursor(k: Keyset): string {
  return encodeCursor([k.sort, k.order, k.key, k.id]);
}

/** A cursor only continues the order it was made in: a changed sort starts again from page 1. */
export function decodeMemberCursor(cursor: string, sort: MemberSort, order: SortOrder): Keyset {
  const [s, o, key, id] = decodeCursor(cursor, ['text', 'text', 'text', 'id']);
  if (s !== sort || o !== order) {
    throw invalid(
      'cursor',
      `belongs to a list sorted by ${s} ${o}; start again without a cursor after changing the sort`,
    );
  }
  return { sort, order, key, id };
}
