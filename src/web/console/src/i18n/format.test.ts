import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayIn,
  formatDate,
  formatDateTime,
  formatDay,
  formatFullDay,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRelative,
  timeIn,
  zonedDateTime,
  zonedDayStart,
} from './format';
import { interpolate, pickLocale } from './locale';

// Intl separators are plain or narrow no-break spaces depending on the ICU version; compare without them.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers', () => {
  it.each([
    [1234567, 'zh-CN', '1,234,567'],
    [1234567, 'en', '1,234,567'],
    [0, 'zh-CN', '0'],
  ] as const)('%d in %s is %s', (n, locale, out) => expect(formatNumber(n, locale)).toBe(out));

  it('writes percentages given in %, with the sign of a growth', () => {
    expect(formatPercent(12.5, 'en')).toBe('12.5%');
    expect(formatPercent(12.5, 'zh-CN', { signed: true })).toBe('+12.5%');
    expect(formatPercent(-3, 'en', { signed: true })).toBe('-3%');
    expect(formatPercent(0, 'en', { signed: true })).toBe('0%');
  });

  it('writes money from exact decimal strings with the currency sign', () => {
    expect(formatMoney('198.00', 'CNY', 'zh-CN')).toBe('¥198.00');
    expect(formatMoney('1198.5', 'CNY', 'en')).toBe('CN¥1,198.50');
    expect(formatMoney('12', 'XYZ1', 'en')).toBe('12.00 XYZ1');
  });
});

describe('dates in the workspace time zone', () => {
  // 2024-03-01T16:30Z is already 2 March in Shanghai, still 1 March in UTC.
  const instant = '2024-03-01T16:30:00Z';

  it('shows the day of the workspace, not of the browser', () => {
    expect(formatDate(instant, 'zh-CN', 'Asia/Shanghai')).toBe('2024年3月2日');
    expect(formatDate(instant, 'en', 'UTC')).toBe('Mar 1, 2024');
  });

  it('shows date and time per language', () => {
    expect(plain(formatDateTime(instant, 'zh-CN', 'Asia/Shanghai'))).toBe('2024年3月2日 00:30');
    expect(plain(formatDateTime(instant, 'en', 'Asia/Shanghai'))).toBe('Mar 2, 2024, 12:30 AM');
  });

  it('labels chart days without shifting them', () => {
    expect(formatDay('2024-03-01', 'zh-CN')).toBe('3月1日');
    expect(formatDay('2024-03-01', 'en')).toBe('Mar 1');
    expect(formatFullDay('2024-12-31', 'en')).toBe('Dec 31, 2024');
  });

  it('turns a picked day into the instant it starts in the workspace', () => {
    expect(zonedDayStart('2024-03-02', 'Asia/Shanghai')).toBe('2024-03-01T16:00:00.000Z');
    expect(zonedDayStart('2024-03-02', 'UTC')).toBe('2024-03-02T00:00:00.000Z');
    // New York springs forward on 10 March 2024: that day starts at UTC-5, the next at UTC-4.
    expect(zonedDayStart('2024-03-10', 'America/New_York')).toBe('2024-03-10T05:00:00.000Z');
    expect(zonedDayStart('2024-03-11', 'America/New_York')).toBe('2024-03-11T04:00:00.000Z');
    expect(dayIn('2024-03-01T16:00:00Z', 'Asia/Shanghai')).toBe('2024-03-02');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });

  it('says how long ago, per language', () => {
    const now = new Date('2024-03-10T12:00:00Z');
    expect(formatRelative('2024-03-07T12:00:00Z', now, 'zh-CN')).toBe('3天前');
    expect(formatRelative('2024-03-07T12:00:00Z', now, 'en')).toBe('3 days ago');
    expect(formatRelative('2024-03-09T12:00:00Z', now, 'en')).toBe('yesterday');
    expect(formatRelative('2024-03-10T11:59:40Z', now, 'en')).toBe('now');
  });
});

describe('language', () => {
  it.each([
    [null, ['zh-CN', 'en'], 'zh-CN'],
    [null, ['zh-TW'], 'zh-CN'],
    [null, ['zh'], 'zh-CN'],
    [null, ['en-US', 'zh-CN'], 'en'],
    [null, ['fr-FR'], 'en'],
    [null, [], 'en'],
    ['en', ['zh-CN'], 'en'],
    ['zh-CN', ['en-US'], 'zh-CN'],
    ['de', ['zh-CN'], 'zh-CN'],
  ] as const)('stored %s, browser %j → %s', (stored, langs, out) => expect(pickLocale(stored, langs)).toBe(out));

  it("fills placeholders, writing numbers the language's way", () => {
    expect(interpolate('共 {count} 位会员', { count: 12345 }, 'zh-CN')).toBe('共 12,345 位会员');
    expect(interpolate('Hello {name}', { name: '小林' }, 'en')).toBe('Hello 小林');
    expect(interpolate('Missing {x}', {}, 'en')).toBe('Missing {x}');
  });

  it('chooses the singular or plural form by count', () => {
    expect(interpolate('{count} member|{count} members', { count: 1 }, 'en')).toBe('1 member');
    expect(interpolate('{count} member|{count} members', { count: 2 }, 'en')).toBe('2 members');
    expect(interpolate('{count} member|{count} members', { count: 0 }, 'en')).toBe('0 members');
  });
});

describe('wall-clock times in the workspace zone', () => {
  it('turns a picked date and time into the instant it is there, and back', () => {
    expect(zonedDateTime('2024-03-02', '09:30', 'Asia/Shanghai')).toBe('2024-03-02T01:30:00.000Z');
    expect(zonedDateTime('2024-03-02', '00:00', 'UTC')).toBe('2024-03-02T00:00:00.000Z');
    // New York moves to summer time at 02:00 on 10 March 2024.
    expect(zonedDateTime('2024-03-10', '12:00', 'America/New_York')).toBe('2024-03-10T16:00:00.000Z');
    expect(timeIn('2024-03-02T01:30:00.000Z', 'Asia/Shanghai')).toBe('09:30');
    expect(timeIn('2024-03-02T16:05:00.000Z', 'Asia/Shanghai')).toBe('00:05');
  });
});
