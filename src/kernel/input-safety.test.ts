import { describe, expect, it } from 'vitest';
import {
  MAX_NESTING_DEPTH,
  NUL_PROBLEM,
  SURROGATE_PROBLEM,
  dotPath,
  findUnstorable,
  nestingProblem,
  slashPath,
  textProblem,
} from './input-safety.js';

/** `depth` nested objects around a leaf, built without recursion. */
const nested = (depth: number, leaf: unknown = 1) => {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

describe('textProblem', () => {
  it.each([
    ['plain text', '会员 Amy 👋', null],
    ['an empty string', '', null],
    ['a surrogate pair (an emoji)', '\ud83d\udc4b', null],
    ['a NUL character', 'a\u0000b', NUL_PROBLEM],
    ['a lone high surrogate', 'a\ud800b', SURROGATE_PROBLEM],
    ['a lone high surrogate at the end', 'ab\ud83d', SURROGATE_PROBLEM],
    ['a lone low surrogate', '\udc4bab', SURROGATE_PROBLEM],
    ['two high surrogates in a row', '\ud83d\ud83d\udc4b', SURROGATE_PROBLEM],
  ])('judges %s', (_name, s, expected) => {
    expect(textProblem(s)).toBe(expected);
  });
});

describe('findUnstorable', () => {
  it('accepts ordinary JSON of any kind', () => {
    expect(findUnstorable({ a: [1, 'two', null, true, { b: '三' }], c: '' })).toBeNull();
    expect(findUnstorable('text')).toBeNull();
    expect(findUnstorable(null)).toBeNull();
    expect(findUnstorable(nested(MAX_NESTING_DEPTH))).toBeNull();
  });

  it('names the path of a bad string, a bad key, or a value nested too deep', () => {
    expect(findUnstorable({ items: [{ ok: 'x' }, { properties: { text: 'a\u0000' } }] })).toEqual({
      path: ['items', 1, 'properties', 'text'],
      problem: NUL_PROBLEM,
    });
    expect(findUnstorable({ member: { ['k\ud800']: 1 } })).toEqual({
      path: ['member', 'k\ud800'],
      problem: `field name ${SURROGATE_PROBLEM}`,
    });
    const deep = findUnstorable(nested(MAX_NESTING_DEPTH + 1));
    expect(deep?.problem).toBe(nestingProblem());
    expect(deep?.path).toHaveLength(MAX_NESTING_DEPTH);
    expect(findUnstorable([[[1]]], 2)).toEqual({ path: [0, 0], problem: nestingProblem(2) });
  });

  it('walks 100,000 levels without exhausting the stack', () => {
    let v: unknown = 'x';
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(findUnstorable(v)?.problem).toBe(nestingProblem());
  });

  it('formats paths for problem+json and for item reasons', () => {
    expect(slashPath('body', ['items', 0, 'name'])).toBe('body/items/0/name');
    expect(slashPath('', ['mapping', '姓名'])).toBe('mapping/姓名');
    expect(dotPath(['member', 'displayName'])).toBe('member.displayName');
  });
});
