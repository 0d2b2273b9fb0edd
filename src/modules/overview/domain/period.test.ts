import { describe, expect, it } from 'vitest';
import { localDay } from '../../../kernel/calendar.js';
import { addDays, daysBetween, resolveDayPeriod } from './period.js';

const rules = { timeZone: 'Asia/Shanghai', now: new Date('2024-03-10T17:00:00Z'), defaultDays: 30, maxDays: 366 };

describe('overview period', () => {
  it('cuts today in the workspace time zone: 17:00 UTC is already the next day in Shanghai', () => {
    expect(localDay('Asia/Shanghai', new Date('2024-03-10T17:00:00Z'))).toBe('2024-03-11');
    expect(localDay('UTC', new Date('2024-03-10T17:00:00Z'))).toBe('2024-03-10');
  });

  it.each([
    [{}, { from: '2024-02-11', to: '2024-03-11' }],
    [{ to: '2024-02-29' }, { from: '2024-01-31', to: '2024-02-29' }],
    [
      { from: '2024-03-01', to: '2024-03-01' },
      { from: '2024-03-01', to: '2024-03-01' },
    ],
    [
      { from: '2023-03-11', to: '2024-03-10' },
      { from: '2023-03-11', to: '2024-03-10' },
    ],
  ])('%j gives %j', (input, expected) => {
    const r = resolveDayPeriod(input, rules);
    expect(r.problems).toEqual([]);
    expect({ from: r.period.from, to: r.period.to }).toEqual(expected);
    expect(r.period.today).toBe('2024-03-11');
  });

  it.each([
    [{ from: '2024-02-30' }, 'from'],
    [{ to: '2024-03-01T00:00:00Z' }, 'to'],
    [{ from: '2024-03-05', to: '2024-03-04' }, 'to'],
    [{ from: '2023-01-01', to: '2024-03-01' }, 'to'],
  ])('refuses %j naming %s', (input, field) => {
    const r = resolveDayPeriod(input, rules);
    expect(r.problems.map((p) => p.path)).toEqual([field]);
  });

  it('counts days with both ends included, across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(3);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});
