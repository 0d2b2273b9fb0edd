import { describe, expect, it } from 'vitest';
import { resolvePeriod } from './period.js';
import { KithError } from '../../../kernel/errors.js';

const now = new Date('2024-03-10T02:00:00Z'); // 10:00 on 10 March in Shanghai
const o = { timeZone: 'Asia/Shanghai', now, defaultDays: 30 };

describe('reporting periods in the workspace time zone', () => {
  it('takes days whole: from the start of the first to the end of the last', () => {
    const p = resolvePeriod({ from: '2024-03-01', to: '2024-03-02' }, o);
    expect(p.from.toISOString()).toBe('2024-02-29T16:00:00.000Z');
    expect(p.to.toISOString()).toBe('2024-03-02T16:00:00.000Z');
  });

  it('takes date-times as exact instants', () => {
    const p = resolvePeriod({ from: '2024-03-01T08:00:00+08:00', to: '2024-03-01T10:00:00Z' }, o);
    expect(p).toEqual({ from: new Date('2024-03-01T00:00:00Z'), to: new Date('2024-03-01T10:00:00Z') });
  });

  it('defaults to the last 30 days, today included', () => {
    const p = resolvePeriod({}, o);
    expect(p.from.toISOString()).toBe('2024-02-09T16:00:00.000Z'); // 10 Feb, Shanghai
    expect(p.to.toISOString()).toBe('2024-03-10T16:00:00.000Z'); // end of 10 March, Shanghai
  });

  it.each([
    [{ from: '2024-02-30' }, 'from'],
    [{ to: '2024-03-01T25:00' }, 'to'],
    [{ from: '2024-03-05', to: '2024-03-01' }, 'to'],
    [{ from: '2023-01-01', to: '2024-03-01' }, 'to'],
  ])('refuses %j naming the field %s', (input, field) => {
    try {
      resolvePeriod(input, { ...o, maxDays: 400 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KithError);
      expect((e as KithError).fields?.[0]?.path).toBe(field);
    }
  });
});
