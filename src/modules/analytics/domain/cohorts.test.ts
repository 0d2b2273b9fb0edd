import { describe, expect, it } from 'vitest';
import { cohortStarts, periodsBegun, retentionMatrix, shift, startOf } from './cohorts.js';

describe('cohort calendars', () => {
  it('starts weeks on Monday and months on the first', () => {
    expect(startOf('week', '2026-11-29')).toBe('2026-11-23'); // a Sunday belongs to the week before
    expect(startOf('week', '2026-11-30')).toBe('2026-11-30'); // a Monday starts its own
    expect(startOf('week', '2027-01-01')).toBe('2026-12-28'); // across the year
    expect(startOf('month', '2026-02-28')).toBe('2026-02-01');
  });

  it('shifts by whole weeks and months, month ends included', () => {
    expect(shift('week', '2026-12-28', 1)).toBe('2027-01-04');
    expect(shift('month', '2026-11-01', 3)).toBe('2027-02-01');
    expect(cohortStarts('month', '2026-10-15', '2027-01-02')).toEqual([
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
    ]);
    expect(cohortStarts('week', '2026-11-18', '2026-11-30')).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
  });

  it('counts only periods that have begun', () => {
    expect(periodsBegun('week', '2026-11-16', '2026-11-30')).toBe(3); // 16th, 23rd, 30th
    expect(periodsBegun('week', '2026-11-16', '2026-11-29')).toBe(2);
    expect(periodsBegun('month', '2026-12-01', '2026-11-30')).toBe(0);
  });

  it('builds rates against the cohort size, capped at the periods asked for', () => {
    const cells = new Map([
      [
        '2026-11-16',
        new Map([
          [0, 4],
          [2, 1],
        ]),
      ],
    ]);
    const m = retentionMatrix(
      'week',
      ['2026-11-16', '2026-11-23'],
      new Map([['2026-11-16', 5]]),
      cells,
      '2026-11-30',
      2,
    );
    expect(m).toEqual([
      { cohort: '2026-11-16', size: 5, active: [4, 0], rates: [0.8, 0] },
      { cohort: '2026-11-23', size: 0, active: [0, 0], rates: [0, 0] },
    ]);
  });
});
