import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertTimeZone, wallClockToUtc, zoneOffsetMinutes } from './time-zone.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('wallClockToUtc', () => {
  it.each([
    ['Asia/Shanghai', [2024, 3, 1, 9, 5, 12], '2024-03-01T01:05:12.000Z'],
    ['Asia/Shanghai', [2024, 1, 1, 0, 0, 0], '2023-12-31T16:00:00.000Z'],
    ['UTC', [2024, 2, 29, 23, 59, 59], '2024-02-29T23:59:59.000Z'],
    ['Asia/Kolkata', [2024, 3, 1, 9, 0, 0], '2024-03-01T03:30:00.000Z'],
    // New York: standard time (UTC-5) in winter, daylight time (UTC-4) in summer.
    ['America/New_York', [2024, 1, 15, 9, 0, 0], '2024-01-15T14:00:00.000Z'],
    ['America/New_York', [2024, 7, 4, 9, 0, 0], '2024-07-04T13:00:00.000Z'],
    // Spring forward 2024-03-10: 01:59:59 EST, then 03:00:00 EDT.
    ['America/New_York', [2024, 3, 10, 1, 59, 59], '2024-03-10T06:59:59.000Z'],
    ['America/New_York', [2024, 3, 10, 3, 0, 0], '2024-03-10T07:00:00.000Z'],
    // 02:30 never happened that night: read with the offset before the change (= 03:30 EDT).
    ['America/New_York', [2024, 3, 10, 2, 30, 0], '2024-03-10T07:30:00.000Z'],
    // Fall back 2024-11-03: 01:30 happened twice; the earlier (EDT) instant wins.
    ['America/New_York', [2024, 11, 3, 1, 30, 0], '2024-11-03T05:30:00.000Z'],
    ['America/New_York', [2024, 11, 3, 2, 30, 0], '2024-11-03T07:30:00.000Z'],
    ['Europe/London', [2024, 3, 31, 1, 30, 0], '2024-03-31T01:30:00.000Z'],
    ['Europe/London', [2024, 10, 27, 1, 30, 0], '2024-10-27T00:30:00.000Z'],
    // Lord Howe Island moves its clocks by half an hour.
    ['Australia/Lord_Howe', [2024, 4, 7, 1, 45, 0], '2024-04-06T14:45:00.000Z'],
    // China had daylight saving time 1986–1991.
    ['Asia/Shanghai', [1990, 7, 1, 12, 0, 0], '1990-07-01T03:00:00.000Z'],
  ] as const)('%s %j → %s', (zone, [y, mo, d, h, mi, s], expected) => {
    expect(iso(wallClockToUtc(zone, y, mo, d, h, mi, s))).toBe(expected);
  });

  it('round-trips every instant whose wall time is unambiguous (New York, London, Shanghai)', () => {
    for (const timeZone of ['America/New_York', 'Europe/London', 'Asia/Shanghai']) {
      const fmt = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(1995, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 }), (sec) => {
          const instant = sec * 1000;
          const p = Object.fromEntries(fmt.formatToParts(instant).map((x) => [x.type, Number(x.value)]));
          const back = wallClockToUtc(timeZone, p.year, p.month, p.day, p.hour, p.minute, p.second);
          // In a repeated hour the earlier instant is chosen, so only compare outside one.
          const laterReading = back + 3_600_000;
          const repeated =
            zoneOffsetMinutes(timeZone, back) !== zoneOffsetMinutes(timeZone, laterReading) && instant === laterReading;
          if (!repeated) expect(back).toBe(instant);
        }),
        { numRuns: 2000 },
      );
    }
  });
});

describe('zoneOffsetMinutes', () => {
  it('gives the offset in force at an instant', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', Date.UTC(2024, 0, 1))).toBe(480);
    expect(zoneOffsetMinutes('America/New_York', Date.UTC(2024, 2, 10, 6, 59, 59))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', Date.UTC(2024, 2, 10, 7, 0, 0))).toBe(-240);
  });
});

describe('assertTimeZone', () => {
  it('refuses names Intl does not know', () => {
    expect(() => assertTimeZone('Asia/Shanghai')).not.toThrow();
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(RangeError);
  });
});
