import { describe, expect, it } from 'vitest';
import { contributionChanges, replacedContributions, type BatchDay } from './contributions.js';

describe('contribution changes of a batch', () => {
  it('adds fresh days with the latest earlier active day, and re-places the active day after each run', () => {
    // The rollup has member 7 active on 1 and 10 November in community 1. The batch adds 30 October,
    // 3 and 5 November (between the two) and 12 November, and more on 1 November (already active).
    const day = (d: string, prev: string | null, next: string | null, fresh = true): BatchDay => ({
      c: 1,
      m: 7,
      day: d,
      fresh,
      prev,
      next,
      joined: '2026-10-01',
    });
    const batch = [
      day('2026-11-12', '2026-11-10', null),
      day('2026-11-05', '2026-11-01', '2026-11-10'),
      day('2026-11-01', null, null, false),
      day('2026-10-30', null, '2026-11-01'),
      day('2026-11-03', '2026-11-01', '2026-11-10'),
    ];
    const got = contributionChanges(batch).map((x) => [x.sign, x.day, x.prev]);
    expect(got).toEqual([
      [1, '2026-10-30', null],
      [-1, '2026-11-01', null],
      [1, '2026-11-01', '2026-10-30'],
      [1, '2026-11-03', '2026-11-01'],
      [1, '2026-11-05', '2026-11-03'], // the batch's own day before it
      [-1, '2026-11-10', '2026-11-01'],
      [1, '2026-11-10', '2026-11-05'],
      [1, '2026-11-12', '2026-11-10'],
    ]);
  });

  it('keeps members and communities apart, and carries the join day', () => {
    const got = contributionChanges([
      { c: 1, m: 7, day: '2026-11-03', fresh: true, prev: null, next: null, joined: '2026-11-01' },
      { c: 0, m: 7, day: '2026-11-02', fresh: true, prev: null, next: null, joined: '2026-10-01' },
      { c: 1, m: 8, day: '2026-11-01', fresh: true, prev: null, next: null, joined: null },
    ]);
    expect(got).toEqual([
      { c: 1, m: 7, day: '2026-11-03', prev: null, joined: '2026-11-01', sign: 1 },
      { c: 0, m: 7, day: '2026-11-02', prev: null, joined: '2026-10-01', sign: 1 },
      { c: 1, m: 8, day: '2026-11-01', prev: null, joined: null, sign: 1 },
    ]);
  });
});

describe('contributions of a member whose join day moved', () => {
  it('takes out the days before the batch under the old join day and puts all back under the new one', () => {
    const got = replacedContributions(
      1,
      7,
      ['2026-11-10', '2026-11-03', '2026-11-12'],
      new Set(['2026-11-03']),
      '2026-11-08',
      '2026-11-01',
    );
    expect(got.map((x) => [x.sign, x.day, x.prev, x.joined])).toEqual([
      [-1, '2026-11-10', null, '2026-11-08'],
      [-1, '2026-11-12', '2026-11-10', '2026-11-08'],
      [1, '2026-11-03', null, '2026-11-01'],
      [1, '2026-11-10', '2026-11-03', '2026-11-01'],
      [1, '2026-11-12', '2026-11-10', '2026-11-01'],
    ]);
  });
});
