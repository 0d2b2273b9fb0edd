import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/harness.js';
import { arrayLiteral } from './array-literal.js';

let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.dropAll();
});

describe('array literals', () => {
  it('round-trip numbers, nulls and strings with quotes, backslashes, commas, braces and Chinese', async () => {
    const texts = [
      'plain',
      'with "quotes"',
      'back\\slash',
      'a,b',
      '{braces}',
      '',
      'NULL',
      '群聊发言 ✓',
      '{"base":{"points":2}}',
      ' spaced ',
    ];
    const r = await sql<{ t: string[]; n: (string | null)[] }>`
      select ${arrayLiteral(texts)}::text[] as t, ${arrayLiteral([1, -2, null, 9007199254740991])}::bigint[]::text[] as n`.execute(
      db.db,
    );
    expect(r.rows[0]!.t).toEqual(texts);
    expect(r.rows[0]!.n).toEqual(['1', '-2', null, '9007199254740991']);
  });

  it('refuses what is not a number', () => {
    expect(() => arrayLiteral([1, Number.NaN])).toThrow(/element 1/);
  });
});
