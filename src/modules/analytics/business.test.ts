import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { injector, startTestKith, staffSession, systemCtx, type TestKith } from '../../../test/harness.js';

/**
 * Business impact and campaign ROI against a hand-built fixture whose right answers are worked out
 * by hand in the comments (workspace time zone Asia/Shanghai, UTC+8; the suite runs on PGlite and
 * PostgreSQL alike). Definitions: docs/metrics.md, "Business impact and campaign ROI".
 *
 * Tiers: entry 普通会员 (0), 银卡 Silver (1000), 金卡 Gold (5000).
 *   m1 earned Silver                                  → Silver
 *   m2 earned Silver, manual Gold until 2027-01-01   → Gold (the manual tier while it lasts)
 *   m3 earned none, manual Gold ended 2026-11-20     → entry (the assignment is over)
 *   m4 no loyalty account                            → entry
 * RFM layers: m1 champions, m2 at_risk; m3 and m4 not scored → none.
 *
 * Orders (Shanghai time):
 *   o1  m1  A     100.00  11-01 00:30  (16:30 UTC on 31 October: still 1 November in Shanghai)
 *   o2  m1  A     200.00  11-10 12:00  partly refunded 50.00 → counts 150.00
 *   o3  m2  B     300.00  11-12 12:00  fully refunded → excluded everywhere
 *   o4  m2  —      80.00  11-20 12:00  no community
 *   o5  m3  B     120.00  11-30 23:30
 *   o8  m4  A      40.00  11-05 12:00
 *   o9  m4  A      30.00  11-18 23:30
 *   o10 m4  A      25.00  11-19 00:10
 *   o6  m4  A     500.00  12-01 00:10  (16:10 UTC on 30 November: already December in Shanghai) → outside November
 *   o7  m1  B      60.00  10-31 23:59  → outside November
 */
const clock = fixedClock('2026-12-01T12:00:00+08:00');
const P = { from: '2026-11-01', to: '2026-11-30' };
let kith: TestKith;
let A: number, B: number;
let silver: number, gold: number, entry: number;
let t11: number, salon: number;
const m: number[] = [];

beforeAll(async () => {
  kith = await startTestKith({ clock });
  const db = kith.database.db;
  const community = async (name: string) =>
    (
      await db
        .insertInto('communities')
        .values({ name, channel: 'wechat', positioning_type: 'interest', goal: 'interaction' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  A = await community('手冲爱好者群');
  B = await community('新品体验群');
  for (let i = 1; i <= 5; i++)
    m[i] = (
      await db
        .insertInto('members')
        .values({ name: `会员${i}`, created_at: '2026-10-01T00:00:00+08:00' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const tier = async (name_zh: string, name_en: string, threshold: number) =>
    (
      await db
        .insertInto('loyalty_tiers')
        .values({ name_zh, name_en, threshold })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  entry = await tier('普通会员', 'Member', 0);
  silver = await tier('银卡会员', 'Silver', 1000);
  gold = await tier('金卡会员', 'Gold', 5000);
  await db
    .insertInto('loyalty_accounts')
    .values([
      { member_id: m[1]!, tier_id: silver },
      {
        member_id: m[2]!,
        tier_id: silver,
        manual_tier_id: gold,
        manual_until: '2027-01-01T00:00:00+08:00',
        manual_reason: '大客户',
      },
      {
        member_id: m[3]!,
        tier_id: null,
        manual_tier_id: gold,
        manual_until: '2026-11-20T00:00:00+08:00',
        manual_reason: '活动奖励',
      },
    ])
    .execute();
  const rfm = (member_id: number, layer: string) => ({
    member_id,
    recency_days: 1,
    frequency: 1,
    monetary: '1.00',
    r: 3,
    f: 3,
    m: 3,
    layer,
    computed_at: clock.now(),
  });
  await db
    .insertInto('analytics_member_rfm')
    .values([rfm(m[1]!, 'champions'), rfm(m[2]!, 'at_risk')])
    .execute();

  let n = 0;
  const order = (
    member: number,
    communityId: number | null,
    amount: string,
    at: string,
    refunded = '0',
    currency = 'CNY',
  ) => ({
    source: 'shop',
    order_id: `o${++n}`,
    member_id: member,
    community_id: communityId,
    amount,
    refunded_amount: refunded,
    currency,
    ordered_at: at,
    status: refunded === '0' ? 'paid' : refunded === amount ? 'refunded' : 'partially_refunded',
  });
  await db
    .insertInto('orders')
    .values([
      order(m[1]!, A, '100.00', '2026-11-01T00:30:00+08:00'),
      order(m[1]!, A, '200.00', '2026-11-10T12:00:00+08:00', '50.00'),
      order(m[2]!, B, '300.00', '2026-11-12T12:00:00+08:00', '300.00'),
      order(m[2]!, null, '80.00', '2026-11-20T12:00:00+08:00'),
      order(m[3]!, B, '120.00', '2026-11-30T23:30:00+08:00'),
      order(m[4]!, A, '500.00', '2026-12-01T00:10:00+08:00'),
      order(m[1]!, B, '60.00', '2026-10-31T23:59:00+08:00'),
      order(m[4]!, A, '40.00', '2026-11-05T12:00:00+08:00'),
      order(m[4]!, A, '30.00', '2026-11-18T23:30:00+08:00'),
      order(m[4]!, A, '25.00', '2026-11-19T00:10:00+08:00'),
    ])
    .execute();

  // Referrals: m1 in A and in B, m2 in A inside November; m5 the evening before and m3 just after → 3 referrals by 2 members.
  let k = 0;
  const act = (member: number, communityId: number | null, kind: string, at: string) => ({
    member_id: member,
    community_id: communityId,
    channel: 'wechat',
    kind,
    occurred_at: at,
    source: 'fixture',
    external_id: `a${++k}`,
  });
  await db
    .insertInto('activities')
    .values([
      act(m[1]!, A, 'referral', '2026-11-03T10:00:00+08:00'),
      act(m[1]!, B, 'referral', '2026-11-04T10:00:00+08:00'),
      act(m[2]!, A, 'referral', '2026-11-29T10:00:00+08:00'),
      act(m[5]!, A, 'referral', '2026-10-31T23:00:00+08:00'),
      act(m[3]!, A, 'referral', '2026-12-01T00:05:00+08:00'),
      act(m[1]!, A, 'message', '2026-11-03T10:00:00+08:00'),
    ])
    .execute();

  // Tags and when they were put on.
  const tag = async (name: string) =>
    (await db.insertInto('tags').values({ name }).returning('id').executeTakeFirstOrThrow()).id;
  t11 = await tag('双11');
  salon = await tag('VIP沙龙');
  await db
    .insertInto('member_tags')
    .values([
      { member_id: m[1]!, tag_id: t11, created_at: '2026-10-25T10:00:00+08:00' },
      { member_id: m[2]!, tag_id: t11, created_at: '2026-11-15T10:00:00+08:00' },
      { member_id: m[3]!, tag_id: t11, created_at: '2026-11-01T00:00:00+08:00' },
      { member_id: m[4]!, tag_id: t11, created_at: '2026-11-06T10:00:00+08:00' }, // after o8 (5 November)
      { member_id: m[5]!, tag_id: t11, created_at: '2026-11-25T10:00:00+08:00' }, // after the 双11 window closed
      { member_id: m[2]!, tag_id: salon, created_at: '2026-11-19T10:00:00+08:00' },
      { member_id: m[3]!, tag_id: salon, created_at: '2026-11-20T10:00:00+08:00' },
    ])
    .execute();
});
afterAll(async () => {
  await kith?.dispose();
});

describe('business impact', () => {
  it('totals the period: net of partial refunds, full refunds out, days cut in Shanghai', async () => {
    const b = await kith.analytics.business.impact(systemCtx, P);
    // o1 100 + o2 150 + o4 80 + o5 120 + o8 40 + o9 30 + o10 25 = 545.00 over 7 orders by m1–m4.
    expect(b.totals).toEqual({
      orders: 7,
      revenue: '545.00',
      buyers: 4,
      averageOrderValue: '77.86',
      referrals: 3,
      referrers: 2,
    }); // 545 / 7 = 77.857…
    expect(b.period).toEqual(P);
    expect(b.communityId).toBeNull();
  });

  it('breaks revenue down by community, tier now and RFM layer, each with its share', async () => {
    const b = await kith.analytics.business.impact(systemCtx, P);
    // A: o1 100 + o2 150 + o8 40 + o9 30 + o10 25 = 345 (m1, m4); B: o5 120 (m3; o3 refunded); none: o4 80 (m2).
    expect(b.byCommunity.map((r) => [r.key, r.name, r.orders, r.revenue, r.buyers])).toEqual([
      [A, '手冲爱好者群', 5, '345.00', 2],
      [B, '新品体验群', 1, '120.00', 1],
      [null, 'Unattributed (the order names no community)', 1, '80.00', 1],
    ]);
    expect(b.byCommunity.map((r) => r.share)).toEqual([345 / 545, 120 / 545, 80 / 545]);
    // Silver m1: 250; entry m3 (manual tier over) + m4 (no account): 120 + 40 + 30 + 25 = 215; Gold m2 (manual): 80.
    expect(b.byTier.map((r) => [r.key, r.nameZh, r.nameEn, r.orders, r.revenue, r.buyers])).toEqual([
      [silver, '银卡会员', 'Silver', 2, '250.00', 1],
      [entry, '普通会员', 'Member', 4, '215.00', 2],
      [gold, '金卡会员', 'Gold', 1, '80.00', 1],
    ]);
    // champions m1 250; none m3 + m4 215; at_risk m2 80.
    expect(b.byLayer.map((r) => [r.key, r.orders, r.revenue, r.buyers])).toEqual([
      ['champions', 2, '250.00', 1],
      ['none', 4, '215.00', 2],
      ['at_risk', 1, '80.00', 1],
    ]);
    expect(b.byLayer.find((r) => r.key === 'none')).toMatchObject({ nameZh: '未评分', nameEn: 'Not scored' });
    expect(b.byLayer.find((r) => r.key === 'at_risk')).toMatchObject({ nameZh: '流失风险客户' });
    expect(b.byTier.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 10);
  });

  it('reads one community: its orders and its referrals', async () => {
    const b = await kith.analytics.business.impact(systemCtx, { ...P, communityId: A });
    // o1, o2, o8, o9, o10 = 345.00 by m1 and m4; referrals in A: m1 on the 3rd, m2 on the 29th.
    expect(b.totals).toEqual({
      orders: 5,
      revenue: '345.00',
      buyers: 2,
      averageOrderValue: '69.00',
      referrals: 2,
      referrers: 2,
    });
    expect(b.byCommunity).toEqual([
      { key: A, name: '手冲爱好者群', orders: 5, revenue: '345.00', buyers: 2, share: 1 },
    ]);
    expect(b.byTier.map((r) => [r.key, r.revenue])).toEqual([
      [silver, '250.00'],
      [entry, '95.00'],
    ]);
  });

  it('answers zeros for a period without orders', async () => {
    const b = await kith.analytics.business.impact(systemCtx, { from: '2026-09-01', to: '2026-09-30' });
    expect(b.totals).toEqual({
      orders: 0,
      revenue: '0.00',
      buyers: 0,
      averageOrderValue: '0.00',
      referrals: 0,
      referrers: 0,
    });
    expect([b.byCommunity, b.byTier, b.byLayer]).toEqual([[], [], []]);
  });
});

describe('campaign ROI', () => {
  let c11: number, cSalon: number, cDay: number;
  beforeAll(async () => {
    const s = kith.analytics.business;
    c11 = (
      await s.create(systemCtx, {
        name: '双11大促',
        tagId: t11,
        startsOn: '2026-11-01',
        endsOn: '2026-11-11',
        attributionDays: 7,
        cost: '200.00',
      })
    ).id;
    cSalon = (
      await s.create(systemCtx, {
        name: 'VIP沙龙',
        tagId: salon,
        startsOn: '2026-11-20',
        endsOn: '2026-11-20',
        attributionDays: 10,
      })
    ).id;
    cDay = (
      await s.create(systemCtx, {
        name: '双11当天加推',
        tagId: t11,
        startsOn: '2026-11-10',
        endsOn: '2026-11-10',
        attributionDays: 0,
        cost: '300',
      })
    ).id;
  });

  it('attributes orders of tagged members placed after the tag and inside the window', async () => {
    const c = await kith.analytics.business.get(systemCtx, c11);
    // Window: 1 November 00:00 to the end of 18 November (11 + 7 days), Shanghai.
    // Tagged before it closed: m1, m2, m3, m4 (m5 tagged on the 25th is not) → 4.
    // m1: o1 100 (00:30 on the first day) + o2 150. m4: o8 (5th) was before the tag (6th) → out;
    // o9 30 (23:30 on the 18th) in; o10 (00:10 on the 19th) out. m2: o3 fully refunded, o4 after the window. m3: none.
    expect(c.figures).toMatchObject({ taggedMembers: 4, buyers: 2, conversion: 0.5, orders: 3, revenue: '280.00' });
    // return on spend 280 / 200 = 1.4; ROI (280 − 200) / 200 = 0.4.
    expect(c.figures.returnOnSpend).toBeCloseTo(1.4, 10);
    expect(c.figures.roi).toBeCloseTo(0.4, 10);
    expect(c).toMatchObject({
      name: '双11大促',
      tagName: '双11',
      attributionUntil: '2026-11-18',
      cost: '200.00',
      currency: 'CNY',
      archivedAt: null,
    });
    // The daily series runs 1–18 November, each order on its Shanghai day.
    expect(c.series).toHaveLength(18);
    expect(c.series.filter((d) => d.orders > 0)).toEqual([
      { day: '2026-11-01', orders: 1, revenue: '100.00' },
      { day: '2026-11-10', orders: 1, revenue: '150.00' },
      { day: '2026-11-18', orders: 1, revenue: '30.00' },
    ]);
    expect(c.series[1]).toEqual({ day: '2026-11-02', orders: 0, revenue: '0.00' });
  });

  it('gives no ROI for a campaign that cost nothing', async () => {
    const c = await kith.analytics.business.get(systemCtx, cSalon);
    // Window 20 November to the end of the 30th. m2 (tagged the 19th): o4 80 on the 20th; m3 (tagged the 20th, 10:00): o5 120 on the 30th at 23:30.
    expect(c.figures).toEqual({
      taggedMembers: 2,
      buyers: 2,
      conversion: 1,
      orders: 2,
      revenue: '200.00',
      returnOnSpend: null,
      roi: null,
    });
    expect(c.cost).toBe('0.00');
    // The series stops at the window's end (30 November) although today is 1 December.
    expect(c.series.map((d) => d.day)).toEqual(Array.from({ length: 11 }, (_, i) => `2026-11-${String(20 + i)}`));
  });

  it('counts an order for every campaign it qualifies for', async () => {
    const list = await kith.analytics.business.list(systemCtx);
    const day = list.items.find((x) => x.id === cDay)!;
    // 10 November only: o2 (150) of m1, also attributed to 双11大促. Tagged by the end of the 10th: m1, m3, m4 → 3.
    expect(day.figures).toMatchObject({
      taggedMembers: 3,
      buyers: 1,
      orders: 1,
      revenue: '150.00',
      returnOnSpend: 0.5,
      roi: -0.5,
    }); // (150 − 300) / 300
    expect(day.figures.conversion).toBeCloseTo(1 / 3, 10);
    expect(list.items.find((x) => x.id === c11)!.figures.revenue).toBe('280.00');
    // Newest first by first day: VIP沙龙 (20th), 当天加推 (10th), 双11大促 (1st).
    expect(list.items.map((x) => x.id)).toEqual([cSalon, cDay, c11]);
  });

  it('attributes only orders in the campaign\u2019s currency', async () => {
    await kith.database.db
      .insertInto('orders')
      .values({
        source: 'shop',
        order_id: 'usd1',
        member_id: m[1]!,
        community_id: A,
        amount: '999.00',
        currency: 'USD',
        ordered_at: '2026-11-10T13:00:00+08:00',
      })
      .execute();
    try {
      expect((await kith.analytics.business.get(systemCtx, c11)).figures.revenue).toBe('280.00');
    } finally {
      await kith.database.db.deleteFrom('orders').where('order_id', '=', 'usd1').execute();
    }
  });
});

describe('HTTP', () => {
  it('names the field at fault', async () => {
    const inject = injector(kith);
    const op = await staffSession(kith, 'operator');
    let res = await inject({
      method: 'POST',
      url: '/api/v1/analytics/campaigns',
      headers: op.headers,
      payload: { name: '  ', tagId: 999999, startsOn: '2026-11-10', endsOn: '2026-11-09' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['/name', '/endsOn', '/tagId']);
    res = await inject({
      method: 'POST',
      url: '/api/v1/analytics/campaigns',
      headers: op.headers,
      payload: { name: 'x', tagId: t11, startsOn: '2026-02-30', endsOn: '2026-03-01', cost: '-1', currency: 'rmb' },
    });
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['/startsOn', '/cost', '/currency']);
    res = await inject({
      method: 'POST',
      url: '/api/v1/analytics/campaigns',
      headers: op.headers,
      payload: { tagId: t11, startsOn: '2026-11-01', endsOn: '2026-11-02' },
    });
    expect(res.json().errors[0].path).toBe('body/name');
    res = await inject({ method: 'GET', url: '/api/v1/analytics/business?from=2026-11-31', headers: op.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('from');
    expect(
      (await inject({ method: 'GET', url: '/api/v1/analytics/campaigns/999999', headers: op.headers })).statusCode,
    ).toBe(404);
  });

  it('lets analysts read but not write; keeps community managers to their community and off campaigns', async () => {
    const inject = injector(kith);
    const analyst = await staffSession(kith, 'analyst');
    const cm = await staffSession(kith, 'community_manager', [A]);
    const body = { name: '春季新品', tagId: t11, startsOn: '2026-12-01', endsOn: '2026-12-07' };
    expect(
      (await inject({ method: 'GET', url: '/api/v1/analytics/campaigns', headers: analyst.headers })).statusCode,
    ).toBe(200);
    expect(
      (
        await inject({
          method: 'GET',
          url: `/api/v1/analytics/business?from=${P.from}&to=${P.to}`,
          headers: analyst.headers,
        })
      ).json().totals.revenue,
    ).toBe('545.00');
    expect(
      (await inject({ method: 'POST', url: '/api/v1/analytics/campaigns', headers: analyst.headers, payload: body }))
        .statusCode,
    ).toBe(403);
    expect(
      (await inject({ method: 'POST', url: '/api/v1/analytics/campaigns', headers: cm.headers, payload: body }))
        .statusCode,
    ).toBe(403);
    for (const url of ['/api/v1/analytics/campaigns', '/api/v1/analytics/campaigns/1']) {
      const res = await inject({ method: 'GET', url, headers: cm.headers });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().detail).toMatch(/every member/);
    }
    let res = await inject({
      method: 'GET',
      url: `/api/v1/analytics/business?from=${P.from}&to=${P.to}`,
      headers: cm.headers,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/Choose one of your communities/);
    expect(
      (await inject({ method: 'GET', url: `/api/v1/analytics/business?communityId=${B}`, headers: cm.headers }))
        .statusCode,
    ).toBe(403);
    res = await inject({
      method: 'GET',
      url: `/api/v1/analytics/business?communityId=${A}&from=${P.from}&to=${P.to}`,
      headers: cm.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().totals).toMatchObject({ orders: 5, revenue: '345.00' });
  });

  it('creates, changes and archives a campaign, each write in the audit log with before and after', async () => {
    const inject = injector(kith);
    const op = await staffSession(kith, 'operator');
    let res = await inject({
      method: 'POST',
      url: '/api/v1/analytics/campaigns',
      headers: op.headers,
      payload: {
        name: ' 会员日 ',
        tagId: salon,
        startsOn: '2026-11-20',
        endsOn: '2026-11-21',
        cost: 100,
        notes: '线下',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    expect(res.json()).toMatchObject({
      name: '会员日',
      cost: '100.00',
      attributionDays: 7,
      attributionUntil: '2026-11-28',
      figures: { orders: 1, revenue: '80.00', roi: -0.2 },
    }); // o4 only; (80 − 100) / 100
    res = await inject({
      method: 'PATCH',
      url: `/api/v1/analytics/campaigns/${id}`,
      headers: op.headers,
      payload: { endsOn: '2026-11-19' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('/endsOn');
    res = await inject({
      method: 'PATCH',
      url: `/api/v1/analytics/campaigns/${id}`,
      headers: op.headers,
      payload: { attributionDays: 10, cost: '50' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      attributionUntil: '2026-12-01',
      cost: '50.00',
      figures: { orders: 2, revenue: '200.00', roi: 3 },
    }); // + o5; (200 − 50) / 50
    res = await inject({ method: 'DELETE', url: `/api/v1/analytics/campaigns/${id}`, headers: op.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().archivedAt).not.toBeNull();
    expect(
      (await inject({ method: 'DELETE', url: `/api/v1/analytics/campaigns/${id}`, headers: op.headers })).statusCode,
    ).toBe(200); // twice: no change
    expect(
      (
        await inject({
          method: 'PATCH',
          url: `/api/v1/analytics/campaigns/${id}`,
          headers: op.headers,
          payload: { name: 'again' },
        })
      ).statusCode,
    ).toBe(409);
    const listed = async (q: string) =>
      (await inject({ method: 'GET', url: `/api/v1/analytics/campaigns${q}`, headers: op.headers }))
        .json()
        .items.map((x: { id: number }) => x.id);
    expect(await listed('')).not.toContain(id);
    expect(await listed('?archived=true')).toContain(id);
    expect(
      (await inject({ method: 'GET', url: `/api/v1/analytics/campaigns/${id}`, headers: op.headers })).statusCode,
    ).toBe(200);

    const audit = await sql<{
      action: string;
      actor_label: string;
      before: { cost: string } | null;
      after: { cost: string; archivedAt: string | null };
    }>`
      select action, actor_label, before, after from audit_log where target_type = 'analytics_campaign' and target_id = ${String(id)} order by id`.execute(
      kith.database.db,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'analytics.campaign.create',
      'analytics.campaign.update',
      'analytics.campaign.archive',
    ]);
    expect(audit.rows.every((r) => r.actor_label === op.email)).toBe(true);
    expect(audit.rows.map((r) => [r.before?.cost ?? null, r.after.cost])).toEqual([
      [null, '100.00'],
      ['100.00', '50.00'],
      ['50.00', '50.00'],
    ]);
    expect(audit.rows[2]!.after.archivedAt).not.toBeNull();
  });

  it('keeps a campaign whose tag is deleted, with nothing attributed', async () => {
    const db = kith.database.db;
    const gone = (await db.insertInto('tags').values({ name: '临时' }).returning('id').executeTakeFirstOrThrow()).id;
    await db
      .insertInto('member_tags')
      .values({ member_id: m[1]!, tag_id: gone, created_at: '2026-10-01T00:00:00+08:00' })
      .execute();
    const c = await kith.analytics.business.create(systemCtx, {
      name: '临时活动',
      tagId: gone,
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      cost: '10',
    });
    expect(c.figures.revenue).toBe('250.00');
    await db.deleteFrom('tags').where('id', '=', gone).execute();
    const after = await kith.analytics.business.get(systemCtx, c.id);
    expect(after).toMatchObject({
      tagId: null,
      tagName: null,
      figures: { taggedMembers: 0, orders: 0, revenue: '0.00', roi: -1 },
    });
    await expect(kith.analytics.business.update(systemCtx, c.id, { notes: 'x' })).rejects.toMatchObject({
      fields: [{ path: '/tagId' }],
    });
  });
});
