import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { injector, startTestKith, staffSession, type TestKith } from '../../../test/harness.js';

/**
 * RFM as of a workspace day (Asia/Shanghai): the window is the 365 whole days ending on the as-of
 * day, recency counts whole days to it, later orders are ignored, and every compute records what it
 * did — also when it scored nobody.
 */
const clock = fixedClock('2025-06-30T10:00:00+08:00');
let kith: TestKith;
let inject: ReturnType<typeof injector>;
let headers: Record<string, string>;

async function member(name: string) {
  return (
    await kith.database.db
      .insertInto('members')
      .values({ name, created_at: '2024-01-01T00:00:00+08:00' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}
let n = 0;
async function order(memberId: number, at: string, amount = '100.00') {
  await kith.database.db
    .insertInto('orders')
    .values({ source: 'test', order_id: `o${++n}`, member_id: memberId, amount, ordered_at: at })
    .execute();
}
const compute = (payload?: Record<string, unknown>) =>
  inject({ method: 'POST', url: '/api/v1/analytics/rfm/compute', headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  kith = await startTestKith({ clock });
  inject = injector(kith);
  headers = (await staffSession(kith, 'operator')).headers;
});
afterAll(async () => {
  await kith?.dispose();
});

describe('RFM as of a day', () => {
  it('records a compute that scores nobody: when it ran, the day and the window, 0 scored', async () => {
    const res = await compute();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      scored: 0,
      computedAt: '2025-06-30T02:00:00.000Z',
      asOf: '2025-06-30',
      window: { from: '2024-07-01', to: '2025-06-30' },
      windowDays: 365,
    });
    const rfm = (await inject({ method: 'GET', url: '/api/v1/analytics/rfm', headers })).json();
    expect(rfm).toMatchObject({
      computedAt: '2025-06-30T02:00:00.000Z',
      buyers: 0,
      run: {
        computedAt: '2025-06-30T02:00:00.000Z',
        asOf: '2025-06-30',
        window: { from: '2024-07-01', to: '2025-06-30' },
        windowDays: 365,
        scored: 0,
      },
    });
  });

  it('cuts the window on workspace days: 23:30 on the first day is in, 23:30 the day before is out', async () => {
    const first = await member('首日晚');
    const firstInstant = await member('首日零点');
    const before = await member('前一天晚');
    await order(first, '2024-07-01T23:30:00+08:00'); // 15:30 UTC on 1 July
    await order(firstInstant, '2024-07-01T00:00:00+08:00'); // 16:00 UTC on 30 June: already 1 July in Shanghai
    await order(before, '2024-06-30T23:30:00+08:00'); // a rolling 365 × 24 h from 10:00 today would take it
    const res = await compute();
    expect(res.json()).toMatchObject({
      scored: 2,
      asOf: '2025-06-30',
      window: { from: '2024-07-01', to: '2025-06-30' },
    });
    const one = (await inject({ method: 'GET', url: `/api/v1/members/${first}/rfm`, headers })).json();
    // Whole workspace days from 1 July 2024 to 30 June 2025, whatever the hour of either.
    expect(one).toMatchObject({ recencyDays: 364, frequency: 1, asOf: '2025-06-30' });
    expect((await inject({ method: 'GET', url: `/api/v1/members/${firstInstant}/rfm`, headers })).json()).toMatchObject(
      { recencyDays: 364 },
    );
    expect((await inject({ method: 'GET', url: `/api/v1/members/${before}/rfm`, headers })).json()).toBeNull();
    await kith.database.db.deleteFrom('orders').execute();
  });

  it('scores, as of a past day, history that today would not, ignoring orders after that day', async () => {
    const a = await member('导入买家甲');
    const b = await member('导入买家乙');
    await order(a, '2023-03-01T12:00:00+08:00', '50.00');
    await order(a, '2023-06-29T21:00:00+08:00', '50.00');
    await order(a, '2023-07-02T09:00:00+08:00', '900.00'); // after the as-of day: ignored
    await order(b, '2022-07-01T08:00:00+08:00', '300.00'); // the first day of the window ending 2023-06-30
    expect((await compute()).json()).toMatchObject({ scored: 0 }); // nothing in the year to today
    const res = await compute({ asOf: '2023-06-30' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      scored: 2,
      computedAt: '2025-06-30T02:00:00.000Z',
      asOf: '2023-06-30',
      window: { from: '2022-07-01', to: '2023-06-30' },
      windowDays: 365,
    });
    expect((await inject({ method: 'GET', url: `/api/v1/members/${a}/rfm`, headers })).json()).toMatchObject({
      recencyDays: 1,
      frequency: 2,
      monetary: '100.00',
      asOf: '2023-06-30',
    });
    expect((await inject({ method: 'GET', url: `/api/v1/members/${b}/rfm`, headers })).json()).toMatchObject({
      recencyDays: 364,
      frequency: 1,
      asOf: '2023-06-30',
    });
    const rfm = (await inject({ method: 'GET', url: '/api/v1/analytics/rfm', headers })).json();
    expect(rfm.run).toMatchObject({ asOf: '2023-06-30', scored: 2 });
    const layer = rfm.layers.find((l: { members: number }) => l.members > 0).key;
    const drill = (
      await inject({ method: 'GET', url: `/api/v1/analytics/rfm/layers/${layer}/members`, headers })
    ).json();
    expect(drill.asOf).toBe('2023-06-30');
  });

  it('keeps today for the nightly scoring', async () => {
    const run = await kith.database.transaction((tx) => kith.analytics.service.scoreRfmIn(tx, clock.now()));
    expect(run).toMatchObject({ scored: 0, asOf: '2025-06-30', window: { from: '2024-07-01', to: '2025-06-30' } });
    await kith.analytics.service.computeRfm({ asOf: '2023-06-30' });
  });

  it('refuses a future or impossible as-of day with a 400 naming the field', async () => {
    for (const asOf of ['2025-07-01', '2025-02-30', '30/06/2025', '1969-12-31']) {
      const res = await compute({ asOf });
      expect(res.statusCode, asOf).toBe(400);
      expect(res.json().errors[0].path, asOf).toBe('asOf');
    }
    // Nothing was recomputed by the refusals.
    expect((await inject({ method: 'GET', url: '/api/v1/analytics/rfm', headers })).json().run.asOf).toBe('2023-06-30');
  });
});
