import { describe, expect, it } from 'vitest';
import {
  consumeLots,
  dueLots,
  expiringSchedule,
  fifoOrder,
  lotRemainingAfterDebt,
  reversalAmount,
  type Lot,
} from './lots.js';

const d = (s: string) => new Date(s);
const lots: Lot[] = [
  { id: 3, remaining: 50, expiresAt: d('2027-03-01T00:00:00Z') },
  { id: 1, remaining: 30, expiresAt: d('2027-02-01T00:00:00Z') },
  { id: 2, remaining: 20, expiresAt: null },
  { id: 4, remaining: 10, expiresAt: d('2027-02-01T00:00:00Z') },
];

describe('points lots', () => {
  it('consumes the lots that expire first, older first on a tie, never-expiring last', () => {
    expect(fifoOrder(lots).map((l) => l.id)).toEqual([1, 4, 3, 2]);
    expect(consumeLots(lots, 45)).toEqual({
      takes: [
        { id: 1, amount: 30 },
        { id: 4, amount: 10 },
        { id: 3, amount: 5 },
      ],
      shortfall: 0,
    });
  });

  it('takes a reversal from its own lot first, then FIFO, and reports what no lot covers', () => {
    expect(consumeLots(lots, 60, 3)).toEqual({
      takes: [
        { id: 3, amount: 50 },
        { id: 1, amount: 10 },
      ],
      shortfall: 0,
    });
    expect(consumeLots(lots, 125)).toEqual({
      takes: [
        { id: 1, amount: 30 },
        { id: 4, amount: 10 },
        { id: 3, amount: 50 },
        { id: 2, amount: 20 },
      ],
      shortfall: 15,
    });
    expect(consumeLots([], 5)).toEqual({ takes: [], shortfall: 5 });
    expect(() => consumeLots(lots, -1)).toThrow(RangeError);
  });

  it('finds lots due to expire', () => {
    expect(dueLots(lots, d('2027-02-01T00:00:00Z')).map((l) => l.id)).toEqual([1, 4]);
    expect(dueLots(lots, d('2027-01-31T23:59:59Z'))).toEqual([]);
  });

  it('pays debt from new earnings first', () => {
    expect(lotRemainingAfterDebt(100, 0)).toBe(100);
    expect(lotRemainingAfterDebt(100, 40)).toBe(100);
    expect(lotRemainingAfterDebt(100, -30)).toBe(70);
    expect(lotRemainingAfterDebt(100, -300)).toBe(0);
  });

  it('reverses in full under debt and down to zero under cap', () => {
    expect(reversalAmount(100, 30, 'debt')).toBe(100);
    expect(reversalAmount(100, 30, 'cap')).toBe(30);
    expect(reversalAmount(100, 300, 'cap')).toBe(100);
    expect(reversalAmount(100, -5, 'cap')).toBe(0);
  });

  it('says how many points expire at which instant, and the last day they can be used', () => {
    expect(expiringSchedule(lots, (x) => x.toISOString().slice(0, 10)).map((e) => [e.lastDay, e.points])).toEqual([
      ['2027-01-31', 40],
      ['2027-02-28', 50],
    ]);
  });
});
