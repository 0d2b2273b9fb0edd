import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.js';
import { decodeMemberCursor as decodeCursor, encodeMemberCursor as encodeCursor } from './cursor.js';

describe('CSV cells', () => {
  it.each([
    ['小林子', '小林子'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+8613812345678', `'+8613812345678`],
    ['-1+2', `'-1+2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    [null, ''],
    [true, 'true'],
  ])('%j → %s', (v, want) => {
    expect(csvCell(v)).toBe(want);
  });

  it('ends lines with CRLF', () => {
    expect(csvLine([1, '上海'])).toBe('1,上海\r\n');
  });
});

describe('cursors', () => {
  it('round-trip and refuse another sort order', () => {
    const c = encodeCursor({ sort: 'name', order: 'asc', key: '小林', id: 7 });
    expect(decodeCursor(c, 'name', 'asc')).toEqual({ sort: 'name', order: 'asc', key: '小林', id: 7 });
    expect(() => decodeCursor(c, 'name', 'desc')).toThrow(/sorted by name asc/);
    expect(() => decodeCursor('not-a-cursor', 'name', 'asc')).toThrow(/cursor/);
  });
});
