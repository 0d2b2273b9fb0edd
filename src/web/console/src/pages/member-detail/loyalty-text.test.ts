import { describe, expect, it } from 'vitest';
import { historyDetails, needsApproval, postingExtras, reasonText } from './loyalty-text';

const w = {
  number: (n: number) => n.toLocaleString('en'),
  dateTime: (iso: string) => `<${iso.slice(0, 10)}>`,
  obligation: (o: { count: number; kinds: string[] }) => `${o.count}×${o.kinds.join('+') || 'any'}`,
  sep: '; ',
};

describe('tier history details', () => {
  it('reads a promotion and an evaluation demotion', () => {
    expect(historyDetails({ growth: 5200, threshold: 5000, windowMonths: 12 }, w)).toEqual([
      { key: 'history.growth', values: { value: '5,200' } },
      { key: 'history.threshold', values: { value: '5,000' } },
      { key: 'history.window', values: { months: 12 } },
    ]);
    expect(
      historyDetails(
        {
          growth: 800,
          keepThreshold: 900,
          belowSince: '2026-01-02T00:00:00.000Z',
          missedObligations: [{ type: 'min_activities', count: 2, kinds: ['event_attended'] }],
          period: '2026-02',
        },
        w,
      ),
    ).toEqual([
      { key: 'history.growth', values: { value: '800' } },
      { key: 'history.keepThreshold', values: { value: '900' } },
      { key: 'history.period', values: { period: '2026-02' } },
      { key: 'history.belowSince', values: { at: '<2026-01-02>' } },
      { key: 'history.missed', values: { list: '2×event_attended' } },
    ]);
  });

  it('reads a manual assignment, lifetime growth, and shows unknown fields as text', () => {
    expect(historyDetails({ until: null }, w)).toEqual([{ key: 'history.noEnd' }]);
    expect(historyDetails({ until: '2026-06-30T16:00:00.000Z', windowMonths: null }, w)).toEqual([
      { key: 'history.lifetime' },
      { key: 'history.until', values: { at: '<2026-06-30>' } },
    ]);
    expect(historyDetails({ source: '<b>crm</b>', extra: { a: 1 } }, w)).toEqual([
      'source: <b>crm</b>',
      'extra: {"a":1}',
    ]);
    expect(historyDetails(null, w)).toEqual([]);
    expect(historyDetails('text', w)).toEqual([]);
  });
});

describe('reasons', () => {
  it('translates the server’s own reasons and keeps any other text as it is', () => {
    expect(reasonText('growth reached the threshold')).toEqual({ key: 'reason.promoted' });
    expect(reasonText('growth stayed below the keep threshold for 30 days')).toEqual({
      key: 'reason.belowKeep',
      values: { days: 30 },
    });
    expect(reasonText('redeemed: 手冲咖啡豆礼盒')).toEqual({
      key: 'reason.redeemed',
      values: { name: '手冲咖啡豆礼盒' },
    });
    expect(reasonText('<img src=x onerror=alert(1)> 补偿')).toBe('<img src=x onerror=alert(1)> 补偿');
  });

  it('adds what the posting details say', () => {
    expect(
      postingExtras({
        ruleVersion: 2,
        details: {
          base: { points: 10, growth: 10 },
          multiplier: 1.5,
          firstTime: { points: 50, growth: 0 },
          streakDay: 3,
          streakBonus: 5,
        },
      }),
    ).toEqual([
      { key: 'posting.ruleVersion', values: { version: '2' } },
      { key: 'posting.multiplier', values: { value: '1.5' } },
      { key: 'posting.firstTime' },
      { key: 'posting.streak', values: { day: 3, bonus: 5 } },
    ]);
    expect(postingExtras({ ruleVersion: null, details: { adjustment: 4 } })).toEqual([]);
  });
});

describe('approval hint', () => {
  it('waits from the threshold on, either way', () => {
    expect(needsApproval(999, 1000)).toBe(false);
    expect(needsApproval(1000, 1000)).toBe(true);
    expect(needsApproval(-1500, 1000)).toBe(true);
    expect(needsApproval(0, 1)).toBe(false);
    expect(needsApproval(null, 1000)).toBe(false);
  });
});
