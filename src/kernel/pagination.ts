import { invalid } from './errors.js';

/**
 * Keyset pagination, one cursor format for every list. A page is read one row longer than asked
 * for; when that extra row exists, the cursor carries the key of the page's last row, and the next
 * page starts right after it whatever was added meanwhile: no skipped or repeated rows, and page
 * 1,000 costs what page 1 costs. The cursor is opaque to clients (base64url of a JSON array) and is
 * checked field by field when it comes back, so a forged one is a 400 naming `cursor`, never a
 * database error.
 */

/** How a cursor's field is read back: a row id, any integer, an instant, or text. */
export type CursorField = 'id' | 'int' | 'instant' | 'text';
type FieldValue<F extends CursorField> = F extends 'instant' ? Date : F extends 'text' ? string : number;
export type CursorKey<F extends readonly CursorField[]> = { [I in keyof F]: FieldValue<F[I]> };

const NOT_OURS = 'is not a cursor returned by this list';

export function encodeCursor(key: readonly (number | string | Date)[]): string {
  const json = key.map((v) => (v instanceof Date ? v.toISOString() : v));
  return Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
}

/** Reads a cursor back into its key, checking every field; throws a validation error naming `cursor`. */
export function decodeCursor<const F extends readonly CursorField[]>(cursor: string, fields: F): CursorKey<F> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor', NOT_OURS);
  }
  if (!Array.isArray(parsed) || parsed.length !== fields.length) throw invalid('cursor', NOT_OURS);
  return fields.map((f, i) => readField(f, parsed[i])) as CursorKey<F>;
}

function readField(field: CursorField, v: unknown): number | string | Date {
  switch (field) {
    case 'id':
      if (Number.isSafeInteger(v) && (v as number) > 0) return v as number;
      break;
    case 'int':
      if (Number.isSafeInteger(v)) return v as number;
      break;
    case 'text':
      if (typeof v === 'string') return v;
      break;
    case 'instant': {
      const at = typeof v === 'string' ? new Date(v) : null;
      if (at && Number.isFinite(at.getTime())) return at;
      break;
    }
  }
  throw invalid('cursor', NOT_OURS);
}

/**
 * One page from rows read with `limit + 1`: the first `limit` rows, and the cursor after the last
 * of them when more rows follow.
 */
export function pageOf<R>(
  rows: R[],
  limit: number,
  keyOf: (last: R) => readonly (number | string | Date)[],
): { items: R[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const more = rows.length > limit && items.length > 0;
  return { items, nextCursor: more ? encodeCursor(keyOf(items[items.length - 1]!)) : null };
}
