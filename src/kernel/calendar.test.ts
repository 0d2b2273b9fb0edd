import { describe, expect, it } from 'vitest';
import { addDays, dayStart, daysBetween, isCalendarDate, localDay } from './calendar.js';

describe('days in the workspace time zone', () => {
  it.each([
    ['2024-03-02', 'Asia/Shanghai', '2024-03-01T16:00:00.000Z'],
    ['2024-03-02', 'UTC', '2024-03-02T00:00:00.000Z'],
    ['2024-03-10', 'America/New_York', '2024-03-10T05:00:00.000Z'], // the day clocks go forward
    ['2024-03-11', 'America/New_York', '2024-03-11T04:00:00.000Z'],
  ])('day %s starts in %s at %s', (date, tz, iso) => {
    expect(dayStart(tz, date).toISOString()).toBe(iso);
  });

  it('reads the local day of an instant', () => {
    expect(localDay('Asia/Shanghai', new Date('2024-03-01T17:30:00Z'))).toBe('2024-03-02');
    expect(localDay('Asia/Shanghai', new Date('2024-03-01T15:59:59Z'))).toBe('2024-03-01');
  });

  it('knows real calendar dates and counts days between them', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-1')).toBe(false);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(3); // both ends included
  });
});
