import { invalid } from '../../../kernel/errors.js';

/**
 * Keyset pagination: the cursor carries the last row's sort key and id, so the next page starts
 * right after it whatever was inserted meanwhile — no skipped or repeated members, and page 1,000
 * costs the same as page 1. Opaque to clients (base64url JSON).
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

export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify([k.sort, k.order, k.key, k.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, sort: MemberSort, order: SortOrder): Keyset {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor', 'is not a cursor returned by this list');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 4 ||
    typeof parsed[2] !== 'string' ||
    !Number.isSafeInteger(parsed[3])
  ) {
    throw invalid('cursor', 'is not a cursor returned by this list');
  }
  if (parsed[0] !== sort || parsed[1] !== order) {
    throw invalid(
      'cursor',
      `belongs to a list sorted by ${String(parsed[0])} ${String(parsed[1])}; start again without a cursor after changing the sort`,
    );
  }
  return { sort, order, key: parsed[2], id: parsed[3] };
}
