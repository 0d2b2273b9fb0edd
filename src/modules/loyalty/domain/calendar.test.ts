import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayStart,
  evaluationPeriodOf,
  localDay,
  localDayNumber,
  localWeekNumber,
  dayNumber,
  monthOf,
  pointsExpiry,
  windowStartMonth,
} from './calendar.js';

const SH = 'Asia/Shanghai';

describe('programme calendar', () => {
  it('cuts days and months in the workspace time zone', () => {
    // 16:30 UTC on 31 March is already 1 April in Shanghai.
    expect(localDay(SH, new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(monthOf(SH, new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(monthOf('UTC', new Date('2026-03-31T16:30:00Z'))).toBe('2026-03-01');
    expect(localDayNumber(SH, Date.parse('2026-03-31T16:30:00Z'))).toBe(dayNumber('2026-04-01'));
  });

  it('starts ISO weeks on Monday', () => {
    // 2026-12-06 is a Sunday, 2026-12-07 a Monday.
    expect(localWeekNumber(SH, Date.parse('2026-12-06T12:00:00+08:00'))).toBe(dayNumber('2026-11-30'));
    expect(localWeekNumber(SH, Date.parse('2026-12-07T00:00:00+08:00'))).toBe(dayNumber('2026-12-07'));
  });

  it.each([
    ['2026-01-01', 1, '2026-02-01'],
    ['2026-11-01', 2, '2027-01-01'],
    ['2026-03-01', -3, '2025-12-01'],
    ['2026-01-01', -13, '2024-12-01'],
  ])('moves %s by %i months to %s', (m, n, want) => {
    expect(addMonths(m, n)).toBe(want);
  });

  it('expires points at the end of the N-th month after the month they were earned', () => {
    const earned = new Date('2026-03-15T10:00:00+08:00');
    expect(pointsExpiry(SH, earned, 12)!.toISOString()).toBe(dayStart(SH, '2027-04-01').toISOString());
    expect(pointsExpiry(SH, earned, 12)!.toISOString()).toBe('2027-03-31T16:00:00.000Z');
    expect(pointsExpiry(SH, earned, null)).toBeNull();
  });

  it('opens the growth window N-1 months before the current month, or never for lifetime', () => {
    expect(windowStartMonth(SH, new Date('2026-12-01T08:00:00+08:00'), 12)).toBe('2026-01-01');
    expect(windowStartMonth(SH, new Date('2026-12-01T08:00:00+08:00'), 1)).toBe('2026-12-01');
    expect(windowStartMonth(SH, new Date('2026-12-01T08:00:00+08:00'), null)).toBeNull();
  });

  it('names monthly and quarterly evaluation periods', () => {
    const t = new Date('2026-11-15T00:00:00+08:00');
    expect(evaluationPeriodOf(SH, t, 'monthly')).toEqual({
      key: '2026-11',
      start: dayStart(SH, '2026-11-01'),
      next: dayStart(SH, '2026-12-01'),
    });
    expect(evaluationPeriodOf(SH, t, 'quarterly')).toEqual({
      key: '2026-Q4',
      start: dayStart(SH, '2026-10-01'),
      next: dayStart(SH, '2027-01-01'),
    });
  });
});
