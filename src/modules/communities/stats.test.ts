import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKith, staffSession, injector, type TestKith } from '../../../test/harness.js';
import { fixedClock } from '../../kernel/clock.js';
import { buildCommunity, buildMembers } from './communities.test-support.js';
import { applyMembershipActivities, type MembershipActivity } from './index.js';

/**
 * One community, five members, times chosen around midnight in Shanghai (UTC+8):
 *   A joined 20 Feb, still in                       (in before the period)
 *   B joined 25 Feb, left 2024-03-01T17:30Z          = 2 March 01:30 in Shanghai
 *   C first seen writing at 2024-03-01T17:30Z        = 2 March in Shanghai, still in
 *   D joined 2024-03-01T15:59Z (1 March 23:59), left 2024-03-03T02:00Z (3 March)
 *   E joined 2024-03-02T16:00Z                       = 3 March 00:00 in Shanghai, still in
 */
async function seed(kith: TestKith) {
  const c = await buildCommunity(kith, { capacity: 10 });
  const [a, b, cc, d, e] = await buildMembers(kith, 5);
  const at = (iso: string) => new Date(iso);
  const rows: MembershipActivity[] = [
    { communityId: c.id, memberId: a!, kind: 'join', at: at('2024-02-20T03:00:00Z') },
    { communityId: c.id, memberId: b!, kind: 'join', at: at('2024-02-25T00:00:00Z') },
    { communityId: c.id, memberId: b!, kind: 'leave', at: at('2024-03-01T17:30:00Z') },
    { communityId: c.id, memberId: cc!, kind: 'other', at: at('2024-03-01T17:30:00Z') },
    { communityId: c.id, memberId: d!, kind: 'join', at: at('2024-03-01T15:59:00Z') },
    { communityId: c.id, memberId: d!, kind: 'leave', at: at('2024-03-03T02:00:00Z') },
    { communityId: c.id, memberId: e!, kind: 'join', at: at('2024-03-02T16:00:00Z') },
  ];
  await kith.database.transaction((tx) => applyMembershipActivities(tx, rows));
  return c;
}

describe('community counts in the workspace time zone (Asia/Shanghai)', () => {
  let kith: TestKith;
  let headers: Record<string, string>;
  let id: number;
  beforeAll(async () => {
    kith = await startTestKith({ clock: fixedClock('2024-03-10T04:00:00Z') });
    headers = (await staffSession(kith, 'analyst')).headers;
    id = (await seed(kith)).id;
  });
  afterAll(async () => {
    await kith?.dispose();
  });
  const get = (url: string) => injector(kith)({ method: 'GET', url: `/api/v1${url}`, headers });

  it('counts members now, joins and leaves of a period, and capacity use', async () => {
    const s = await get(`/communities/${id}/stats?from=2024-03-01&to=2024-03-03`);
    expect(s.statusCode).toBe(200);
    expect(s.json()).toEqual({
      communityId: id,
      timeZone: 'Asia/Shanghai',
      period: { from: '2024-02-29T16:00:00.000Z', to: '2024-03-03T16:00:00.000Z' },
      membersNow: 3,
      capacity: 10,
      capacityUsePercent: 30,
      joined: 3,
      left: 2,
      net: 1,
    });
  });

  it('cuts days at local midnight: 17:30 UTC on 1 March belongs to 2 March', async () => {
    const day2 = (await get(`/communities/${id}/stats?from=2024-03-02&to=2024-03-02`)).json();
    expect(day2).toMatchObject({ joined: 1, left: 1 }); // C joined, B left; D (23:59 on the 1st) and E (00:00 on the 3rd) are not in it
  });

  it('gives a daily series with members at the end of each day', async () => {
    const t = (await get(`/communities/${id}/trend?from=2024-03-01&to=2024-03-03`)).json();
    expect(t.days).toEqual([
      { date: '2024-03-01', joined: 1, left: 0, members: 3 },
      { date: '2024-03-02', joined: 1, left: 1, members: 3 },
      { date: '2024-03-03', joined: 1, left: 1, members: 3 },
    ]);
  });

  it('defaults to the last 30 days and refuses a series longer than 400 days', async () => {
    const t = (await get(`/communities/${id}/trend`)).json();
    expect(t.days).toHaveLength(30);
    expect(t.days.at(-1).date).toBe('2024-03-10');
    expect(t.days.at(-1).members).toBe(3);
    const long = await get(`/communities/${id}/trend?from=2022-01-01&to=2024-03-01`);
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].path).toBe('to');
    expect((await get(`/communities/${id}/stats?from=yesterday`)).statusCode).toBe(400);
  });

  it('shows the same counts in the community list for the asked period', async () => {
    const item = (await get(`/communities?from=2024-03-02&to=2024-03-02&limit=200`))
      .json()
      .items.find((i: { id: number }) => i.id === id);
    expect(item).toMatchObject({ membersNow: 3, capacityUsePercent: 30, joined: 1, left: 1 });
  });
});

describe('the same history in a UTC workspace', () => {
  let kith: TestKith;
  beforeAll(async () => {
    kith = await startTestKith({ clock: fixedClock('2024-03-10T04:00:00Z'), config: { timeZone: 'UTC' } });
  });
  afterAll(async () => {
    await kith?.dispose();
  });

  it('puts 17:30 UTC on 1 March on 1 March', async () => {
    const c = await seed(kith);
    const t = await kith.communities.trend(
      { actor: { type: 'system', id: null, label: 't', communityIds: null }, requestId: null },
      c.id,
      { from: '2024-03-01', to: '2024-03-03' },
    );
    expect(t.days).toEqual([
      { date: '2024-03-01', joined: 2, left: 1, members: 3 },
      { date: '2024-03-02', joined: 1, left: 0, members: 4 },
      { date: '2024-03-03', joined: 0, left: 1, members: 3 },
    ]);
  });
});
