import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injector, staffSession, startTestKith, type TestKith } from '../../../test/harness.js';
import { fixedClock } from '../../kernel/clock.js';
import { growthPercent } from './index.js';

/**
 * A hand-built workspace in Asia/Shanghai (UTC+8), "today" = 10 March 2024, period 1–3 March.
 * Times sit on either side of local midnight so a day cut in UTC would give other numbers.
 *
 * Members (created → Shanghai day)                              last active
 *   M1  2024-02-20T03:00Z   before the period                   2024-03-09T10:00Z  (7 and 30 days)
 *   M2  2024-02-29T16:30Z   = 1 Mar 00:30, in                   2024-02-20T00:00Z  (30 days only)
 *   M3  2024-03-01T15:59Z   = 1 Mar 23:59, in                   never
 *   M4  2024-03-01T16:00Z   = 2 Mar, merged into M1: not counted
 *   M5  2024-03-02T01:00Z   = 2 Mar, erased: not counted
 *   M6  2024-03-03T05:00Z   = 3 Mar, in                         2024-03-03T16:00Z  (= 4 Mar 00:00, first instant of the 7 days)
 *   M7  2024-03-05T20:00Z   after the period: in the total only
 * → total 5, at start 1 (M1), at end 4, joined 3, growth (4-1)/1 = 300 %.
 * → new members per day 2 / 0 / 1, total at day end 3 / 3 / 4.
 *
 * Activities                                                     Shanghai day
 *   a1 M1 message   C1  2024-02-29T17:00Z                         1 Mar
 *   a2 M1 message   C1  2024-03-01T15:00Z                         1 Mar
 *   a3 M2 message   C2  2024-03-01T16:00Z                         2 Mar
 *   a4 M2 check-in  C2  2024-03-01T20:00Z                         2 Mar (active, not a message)
 *   a5 M3 message   C1  2024-02-29T15:59Z                         29 Feb: outside
 *   a6 M6 reaction  —   2024-03-03T15:59:59Z                      3 Mar
 *   a7 M6 message   C2  2024-03-03T16:00Z                         4 Mar: outside
 *   a8 M1 check-in  —   2024-03-09T10:00Z                         9 Mar: outside
 * → messages 2 / 1 / 0, active members 1 / 1 / 1.
 * → active (meaningful activity, every kind here is one) in the 7 days to today 2 (M1 a8, M6 a7),
 *   in the 30 days 4 (M1, M2, M3 a5, M6). The workspace's figures come from the analytics rollups
 *   (rebuilt after the rows are written), a community manager's from the rows: both must agree.
 *
 * Memberships                                         C1 joined/left in period   C2
 *   M1 C1 joined 2024-02-20, still in                  –
 *   M2 C1 joined 2024-02-29T16:30Z (1 Mar)             join
 *   M3 C1 joined 2024-03-01T10:00Z, left 2024-03-03T15:00Z (3 Mar 23:00)   join + leave
 *   M1 C2 joined 2024-02-01, left 2024-02-29T15:00Z (29 Feb 23:00)                            –
 *   M2 C2 joined 2024-03-03T16:00Z (4 Mar)                                                     – (after)
 *   M6 C2 joined 2024-03-03T05:00Z                                                             join
 *   M3 C3 (archived) joined in the period: C3 not listed
 * → C1 joined 2 left 1 now 2 (M1, M2); C2 joined 1 left 0 now 2 (M2, M6).
 *
 * A community manager of C2 sees members who ever were in C2 (M1, M2, M6), activities in C2 and
 * community-less ones of those members (a3, a4, a6), and C2 alone.
 */
let kith: TestKith;
let c1: number, c2: number;
// Message text is stored as written, markup included; the console shows it as text.
const TEXTS: Record<number, string> = {
  1: '新品<b>什么时候</b>开售？<script>alert(1)</script>',
  2: '收到，谢谢！',
  3: '今天的手冲很好喝',
};

async function seed() {
  const db = kith.database.db;
  const t = (iso: string) => new Date(iso);
  const communities = await db
    .insertInto('communities')
    .values([
      { name: 'Beans club', channel: 'wechat', positioning_type: 'product', goal: 'after_sales' },
      { name: 'Brew lab', channel: 'qq', positioning_type: 'interest', goal: 'interaction' },
      {
        name: 'Old forum',
        channel: 'forum',
        positioning_type: 'knowledge',
        goal: 'brand',
        archived_at: t('2024-01-01T00:00:00Z'),
      },
    ])
    .returning('id')
    .execute();
  [c1, c2] = communities.map((c) => c.id) as [number, number];
  const c3 = communities[2]!.id;
  const member = async (name: string, created: string, lastActive: string | null) =>
    (
      await db
        .insertInto('members')
        .values({ name, created_at: t(created), last_active_at: lastActive ? t(lastActive) : null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const m1 = await member('M1', '2024-02-20T03:00:00Z', '2024-03-09T10:00:00Z');
  const m2 = await member('M2', '2024-02-29T16:30:00Z', '2024-02-20T00:00:00Z');
  const m3 = await member('M3', '2024-03-01T15:59:00Z', null);
  const m4 = await member('M4', '2024-03-01T16:00:00Z', null);
  const m5 = await member('M5', '2024-03-02T01:00:00Z', null);
  const m6 = await member('M6', '2024-03-03T05:00:00Z', '2024-03-03T16:00:00Z');
  await member('M7', '2024-03-05T20:00:00Z', null);
  await db.updateTable('members').set({ merged_into: m1 }).where('id', '=', m4).execute();
  await db
    .updateTable('members')
    .set({ erased_at: t('2024-03-05T00:00:00Z') })
    .where('id', '=', m5)
    .execute();

  const act = (n: number, memberId: number, kind: string, communityId: number | null, at: string) => ({
    member_id: memberId,
    community_id: communityId,
    channel: 'wechat',
    kind,
    occurred_at: t(at),
    source: 'test',
    external_id: `a${n}`,
    properties: { text: TEXTS[n] ?? '' },
  });
  await db
    .insertInto('activities')
    .values([
      act(1, m1, 'message', c1, '2024-02-29T17:00:00Z'),
      act(2, m1, 'message', c1, '2024-03-01T15:00:00Z'),
      act(3, m2, 'message', c2, '2024-03-01T16:00:00Z'),
      act(4, m2, 'check_in', c2, '2024-03-01T20:00:00Z'),
      act(5, m3, 'message', c1, '2024-02-29T15:59:00Z'),
      act(6, m6, 'reaction', null, '2024-03-03T15:59:59Z'),
      act(7, m6, 'message', c2, '2024-03-03T16:00:00Z'),
      act(8, m1, 'check_in', null, '2024-03-09T10:00:00Z'),
    ])
    .execute();

  const stay = (communityId: number, memberId: number, joined: string, left: string | null = null) => ({
    community_id: communityId,
    member_id: memberId,
    joined_at: t(joined),
    left_at: left ? t(left) : null,
  });
  await db
    .insertInto('community_memberships')
    .values([
      stay(c1, m1, '2024-02-20T03:00:00Z'),
      stay(c1, m2, '2024-02-29T16:30:00Z'),
      stay(c1, m3, '2024-03-01T10:00:00Z', '2024-03-03T15:00:00Z'),
      stay(c2, m1, '2024-02-01T00:00:00Z', '2024-02-29T15:00:00Z'),
      stay(c2, m2, '2024-03-03T16:00:00Z'),
      stay(c2, m6, '2024-03-03T05:00:00Z'),
      stay(c3, m3, '2024-03-02T00:00:00Z'),
    ])
    .execute();
}

beforeAll(async () => {
  kith = await startTestKith({ clock: fixedClock('2024-03-10T04:00:00Z'), config: { timeZone: 'Asia/Shanghai' } });
  await seed();
  await kith.analytics.service.rebuildRollups();
});
afterAll(async () => {
  await kith?.dispose();
});

const get = async (url: string, headers: Record<string, string>) =>
  injector(kith)({ method: 'GET', url: `/api/v1${url}`, headers });

describe('overview', () => {
  it('counts members, growth and active members with days cut in the workspace time zone', async () => {
    const { headers } = await staffSession(kith, 'analyst');
    const res = await get('/overview?from=2024-03-01&to=2024-03-03', headers);
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o).toMatchObject({
      timeZone: 'Asia/Shanghai',
      from: '2024-03-01',
      to: '2024-03-03',
      periodStart: '2024-02-29T16:00:00.000Z',
      periodEnd: '2024-03-03T16:00:00.000Z',
      members: { total: 5, atStart: 1, atEnd: 4, joined: 3, growthPercent: 300 },
      active: {
        last7Days: 2,
        last30Days: 4,
        since7Days: '2024-03-03T16:00:00.000Z',
        since30Days: '2024-02-09T16:00:00.000Z',
      },
    });
    expect(o.days).toEqual([
      {
        date: '2024-03-01',
        start: '2024-02-29T16:00:00.000Z',
        end: '2024-03-01T16:00:00.000Z',
        newMembers: 2,
        totalMembers: 3,
        messages: 2,
        activeMembers: 1,
      },
      {
        date: '2024-03-02',
        start: '2024-03-01T16:00:00.000Z',
        end: '2024-03-02T16:00:00.000Z',
        newMembers: 0,
        totalMembers: 3,
        messages: 1,
        activeMembers: 1,
      },
      {
        date: '2024-03-03',
        start: '2024-03-02T16:00:00.000Z',
        end: '2024-03-03T16:00:00.000Z',
        newMembers: 1,
        totalMembers: 4,
        messages: 0,
        activeMembers: 1,
      },
    ]);
    expect(o.communities).toEqual([
      { id: c1, name: 'Beans club', joined: 2, left: 1, membersNow: 2 },
      { id: c2, name: 'Brew lab', joined: 1, left: 0, membersNow: 2 },
    ]);
  });

  it('gives the member list the same answer for the figures it links to', async () => {
    const { headers } = await staffSession(kith, 'analyst');
    const o = (await get('/overview?from=2024-03-01&to=2024-03-03', headers)).json();
    const created = await get(`/members?createdFrom=${o.periodStart}&createdTo=${o.periodEnd}&limit=200`, headers);
    expect(
      created
        .json()
        .items.map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual(['M2', 'M3', 'M6']);
  });

  it('agrees with the engagement report on active members over the same windows', async () => {
    const { headers } = await staffSession(kith, 'analyst');
    const o = (await get('/overview', headers)).json();
    const week = (await get(`/analytics/engagement?from=2024-03-04&to=2024-03-10`, headers)).json();
    const month = (await get(`/analytics/engagement?from=2024-02-10&to=2024-03-10`, headers)).json();
    expect(o.active.last7Days).toBe(2); // M1's check-in on 9 March, M6's message on 4 March (Shanghai)
    expect([week.activeMembers, week.wau, month.wau]).toEqual([2, 2, 2]);
    expect(o.active.last30Days).toBe(month.mau);
    expect(month.activeMembers).toBe(month.mau);
  });

  it('limits a community manager to their communities', async () => {
    const { headers } = await staffSession(kith, 'community_manager', [c2]);
    const o = (await get('/overview?from=2024-03-01&to=2024-03-03', headers)).json();
    expect(o.members).toEqual({ total: 3, atStart: 1, atEnd: 3, joined: 2, growthPercent: 200 });
    expect(o.active).toMatchObject({ last7Days: 2, last30Days: 3 });
    expect(o.days.map((d: { messages: number; activeMembers: number }) => [d.messages, d.activeMembers])).toEqual([
      [0, 0],
      [1, 1],
      [0, 1],
    ]);
    expect(o.communities.map((c: { id: number }) => c.id)).toEqual([c2]);
    // Counted from the rows for a manager of every community that had activity, from the rollups
    // for the workspace: the same members are active (M7, never in a community, had none).
    const all = await staffSession(kith, 'community_manager', [c1, c2]);
    const mine = (await get('/overview?from=2024-03-01&to=2024-03-03', all.headers)).json();
    const ws = (
      await get('/overview?from=2024-03-01&to=2024-03-03', (await staffSession(kith, 'analyst')).headers)
    ).json();
    expect([mine.active.last7Days, mine.active.last30Days]).toEqual([ws.active.last7Days, ws.active.last30Days]);
    expect(mine.days.map((d: { activeMembers: number; messages: number }) => [d.activeMembers, d.messages])).toEqual(
      ws.days.map((d: { activeMembers: number; messages: number }) => [d.activeMembers, d.messages]),
    );
  });

  it('defaults to the 30 days ending today and refuses a bad period naming the field', async () => {
    const { headers } = await staffSession(kith, 'operator');
    const o = (await get('/overview', headers)).json();
    expect([o.from, o.to, o.days.length]).toEqual(['2024-02-10', '2024-03-10', 30]);
    const bad = await get('/overview?from=2024-03-05&to=2024-03-01', headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'to' }] });
    expect((await get('/overview?from=2024-02-30', headers)).json().errors[0].path).toBe('from');
  });

  it('lists the messages behind a day of the chart, newest first, page by page, with member and community', async () => {
    const { headers } = await staffSession(kith, 'analyst');
    const o = (await get('/overview?from=2024-03-01&to=2024-03-03', headers)).json();
    const day1 = o.days[0];
    const first = (await get(`/overview/messages?from=${day1.start}&to=${day1.end}&limit=1`, headers)).json();
    expect(first.items).toEqual([
      {
        id: expect.any(Number),
        occurredAt: '2024-03-01T15:00:00.000Z',
        text: '收到，谢谢！',
        member: { id: expect.any(Number), displayName: 'M1', avatarUrl: null },
        community: { id: c1, name: 'Beans club' },
      },
    ]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await get(
        `/overview/messages?from=${day1.start}&to=${day1.end}&limit=1&cursor=${encodeURIComponent(first.nextCursor)}`,
        headers,
      )
    ).json();
    expect(second.items.map((i: { text: string }) => i.text)).toEqual([TEXTS[1]]);
    expect(second.nextCursor).toBeNull();
    expect(day1.messages).toBe(2);

    const cm = await staffSession(kith, 'community_manager', [c2]);
    const cmDay1 = (await get(`/overview/messages?from=${day1.start}&to=${day1.end}`, cm.headers)).json();
    expect(cmDay1.items).toEqual([]);
    const cmDay2 = (await get(`/overview/messages?from=${o.days[1].start}&to=${o.days[1].end}`, cm.headers)).json();
    expect(cmDay2.items.map((i: { text: string }) => i.text)).toEqual([TEXTS[3]]);
    expect((await get(`/overview/messages?from=${day1.end}&to=${day1.start}`, headers)).statusCode).toBe(400);
    expect(
      (await get(`/overview/messages?from=${day1.start}&to=${day1.end}&cursor=nonsense`, headers)).json().errors[0]
        .path,
    ).toBe('cursor');
  });

  it('tells the console the workspace time zone and today', async () => {
    const { headers } = await staffSession(kith, 'analyst');
    expect((await get('/workspace', headers)).json()).toEqual({
      timeZone: 'Asia/Shanghai',
      today: '2024-03-10',
      now: '2024-03-10T04:00:00.000Z',
    });
  });

  it('has no growth rate when nobody was there at the start', () => {
    expect(growthPercent(0, 5)).toBeNull();
    expect(growthPercent(3, 4)).toBe(33.3);
    expect(growthPercent(4, 3)).toBe(-25);
  });
});
