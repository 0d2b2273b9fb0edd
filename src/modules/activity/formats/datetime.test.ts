import { describe, expect, it } from 'vitest';
import { localDay } from '../../../kernel/calendar.js';
import { parseBirthday, parseDateParts, parseTimestamp } from './datetime.js';

describe('parseTimestamp', () => {
  it.each([
    ['2024-03-01', '2024-02-29T16:00:00.000Z'],
    ['2024/3/1', '2024-02-29T16:00:00.000Z'],
    ['2024.3.1', '2024-02-29T16:00:00.000Z'],
    ['2024年3月1日', '2024-02-29T16:00:00.000Z'],
    ['2024年3月1日 9:05', '2024-03-01T01:05:00.000Z'],
    ['2024-03-01 09:05:12', '2024-03-01T01:05:12.000Z'],
    ['2024-03-01 9:05:12', '2024-03-01T01:05:12.000Z'],
    ['2024/3/1 9:05', '2024-03-01T01:05:00.000Z'],
    ['2024-03-01T09:05:12', '2024-03-01T01:05:12.000Z'],
    ['2024-03-01 09:05:12.250', '2024-03-01T01:05:12.250Z'],
    ['  2024-03-01 09:05:12  ', '2024-03-01T01:05:12.000Z'],
    ['２０２４－０３－０１ ０９：０５', '2024-03-01T01:05:00.000Z'],
    ['2024-03-01T09:05:12+08:00', '2024-03-01T01:05:12.000Z'],
    ['2024-03-01T01:05:12Z', '2024-03-01T01:05:12.000Z'],
    ['2024-03-01T01:05:12.5z', '2024-03-01T01:05:12.500Z'],
    ['2024-03-01 04:05:12-0500', '2024-03-01T09:05:12.000Z'],
    ['2024-03-01T09:05:12+08', '2024-03-01T01:05:12.000Z'],
  ])('%s → %s (Asia/Shanghai)', (raw, iso) => {
    expect(parseTimestamp(raw, 'Asia/Shanghai')).toEqual({ ok: true, value: iso });
  });

  it('reads wall-clock times in the zone passed in, across daylight saving time', () => {
    expect(parseTimestamp('2024-07-04 09:00', 'America/New_York')).toEqual({
      ok: true,
      value: '2024-07-04T13:00:00.000Z',
    });
    expect(parseTimestamp('2024-01-04 09:00', 'America/New_York')).toEqual({
      ok: true,
      value: '2024-01-04T14:00:00.000Z',
    });
    expect(parseTimestamp('2024-07-04T09:00:00Z', 'America/New_York')).toEqual({
      ok: true,
      value: '2024-07-04T09:00:00.000Z',
    });
  });

  it.each([
    ['2024-02-30', 'is not a real date and time'],
    ['2023-02-29 10:00', 'is not a real date and time'],
    ['2024-13-01', 'is not a real date and time'],
    ['2024-03-01 24:00', 'is not a real date and time'],
    ['2024-03-01 09:60', 'is not a real date and time'],
    ['2024-03-01T09:00+15:00', 'is not a real date and time'],
    ['03/01/2024', 'is not a date and time (use YYYY-MM-DD HH:MM:SS)'],
    ['2024-3/1', 'is not a date and time (use YYYY-MM-DD HH:MM:SS)'],
    ['2024-03-01Z', 'is not a date and time (use YYYY-MM-DD HH:MM:SS)'],
    ['yesterday', 'is not a date and time (use YYYY-MM-DD HH:MM:SS)'],
    ['45352', 'is not a date and time (use YYYY-MM-DD HH:MM:SS)'],
  ])('refuses %s', (raw, problem) => {
    expect(parseTimestamp(raw, 'Asia/Shanghai')).toMatchObject({ ok: false, problem });
  });

  it('accepts 29 February in leap years only', () => {
    expect(parseDateParts('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDateParts('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseDateParts('1900-02-29')).toBe('impossible');
  });
});

describe('parseBirthday', () => {
  const today = '2024-06-01';
  it.each([
    ['1990-05-01', '1990-05-01'],
    ['1990/5/1', '1990-05-01'],
    ['1990年5月1日', '1990-05-01'],
    ['1990-05-01 00:00:00', '1990-05-01'],
    ['1900-01-01', '1900-01-01'],
    ['2024-06-01', '2024-06-01'],
  ])('%s → %s', (raw, value) => {
    expect(parseBirthday(raw, today)).toEqual({ ok: true, value });
  });

  it.each([
    ['2024-02-30', 'is not a real date'],
    ['2024-06-02', 'is in the future'],
    ['1899-12-31', 'is before 1900'],
    ['1990-05-01 13:00', 'is not a date (use YYYY-MM-DD)'],
    ['1990-05-01T00:00:00Z', 'is not a date (use YYYY-MM-DD)'],
    ['5月1日', 'is not a date (use YYYY-MM-DD)'],
  ])('refuses %s: %s', (raw, problem) => {
    expect(parseBirthday(raw, today)).toMatchObject({ ok: false, problem });
  });
});

describe('todayIn', () => {
  it('is the calendar date in the zone, not in UTC', () => {
    const now = new Date('2024-05-31T17:00:00Z');
    expect(localDay('Asia/Shanghai', now)).toBe('2024-06-01');
    expect(localDay('America/New_York', now)).toBe('2024-05-31');
  });
});
