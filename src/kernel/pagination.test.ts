import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageOf } from './pagination.js';

describe('keyset cursors', () => {
  it('give back the key they were made from, typed by field', () => {
    const at = new Date('2026-03-01T08:00:00.123Z');
    const c = encodeCursor([at, 42, '小林', -5]);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, ['instant', 'id', 'text', 'int'])).toEqual([at, 42, '小林', -5]);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor!'],
    ['too few fields', encodeCursor([1])],
    ['an id that is not a positive integer', encodeCursor(['x', 0])],
    ['an instant that is no date', encodeCursor(['yesterday', 3])],
    ['an id past the safe range', Buffer.from('["2026-01-01T00:00:00Z",9007199254740993]').toString('base64url')],
  ])('refuse %s with a problem naming cursor', (_, c) => {
    expect(() => decodeCursor(c, ['instant', 'id'])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'cursor' })] }),
    );
  });

  it('cut a page from limit + 1 rows and point after its last row only when more follow', () => {
    const rows = [{ id: 9 }, { id: 8 }, { id: 7 }];
    const more = pageOf(rows, 2, (r) => [r.id]);
    expect(more.items).toEqual([{ id: 9 }, { id: 8 }]);
    expect(decodeCursor(more.nextCursor!, ['id'])).toEqual([8]);
    expect(pageOf(rows, 3, (r) => [r.id])).toEqual({ items: rows, nextCursor: null });
  });
});
