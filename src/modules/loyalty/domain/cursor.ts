import { invalid } from '../../../kernel/errors.js';

/**
 * Lists that page newest first by id carry the last id seen as the cursor: ids only grow, so a
 * page starts right after the previous one whatever was added meanwhile.
 */
export function idCursor(cursor: string): number {
  const id = Number(cursor);
  if (!/^\d{1,16}$/.test(cursor) || !Number.isSafeInteger(id))
    throw invalid('cursor', 'is not a cursor returned by this list');
  return id;
}
