import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { injector, startTestKith, staffSession, systemCtx, type TestKith } from '../../../test/harness.js';

/**
 * Every figure against a hand-built community whose right answers are worked out by hand in the
 * comments (workspace time zone Asia/Shanghai; the suite runs on PGlite and PostgreSQL alike).
 */
const clock = fixedClock('2026-12-01T12:00:00+08:00');
let kith: TestKith;
let A: number, B: number;
const m: number[] = [];
const P = { from: '2026-11-24', to: '2026-11-30' };

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
  for (let i = 1; i <= 4; i++)
    m[i] = (
      await db
        .insertInto('members')
        .values({ name: `会员${i}`, created_at: '2026-10-01T00:00:00+08:00' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const joined = new Date('2026-10-01T00:00:00+08:00');
  await db
    .insertInto('community_memberships')
    .values([
      { community_id: A, member_id: m[1]!, joined_at: joined },
      { community_id: A, member_id: m[2]!, joined_at: joined },
      { community_id: A, member_id: m[3]!, joined_at: joined },
      { community_id: B, member_id: m[2]!, joined_at: joined },
      { community_id: B, member_id: m[4]!, joined_at: joined },
    ])
    .execute();
  let n = 0;
  const act = (
    member: number,
    kind: string,
    at: string,
    communityId?: number,
    properties: Record<string, unknown> = {},
  ) => ({
    source: 'fixture',
    externalId: `f${++n}`,
    memberId: member,
    kind,
    occurredAt: at,
    channel: 'wechat',
    ...(communityId ? { communityId } : {}),
    properties,
  });
  const r = await kith.ingest.ingest(systemCtx, [
    act(m[1]!, 'message', '2026-11-29T10:00:00+08:00', A, { text: '早' }),
    act(m[1]!, 'message', '2026-11-29T23:30:00+08:00', A, { text: '晚安' }), // 15:30 UTC: still the 29th in Shanghai
    act(m[1]!, 'check_in', '2026-11-30T08:00:00+08:00'),
    act(m[2]!, 'message', '2026-11-30T00:30:00+08:00', B, { text: '新品到了吗' }), // 16:30 UTC on the 29th: the 30th in Shanghai
    act(m[3]!, 'join', '2026-11-30T09:00:00+08:00', A), // not meaningful
    act(m[4]!, 'message', '2026-10-20T09:00:00+08:00', B, { text: '你好' }),
    act(m[4]!, 'purchase', '2026-11-15T12:00:00+08:00', undefined, { orderId: 'O4', amount: '100.00' }),
    act(m[1]!, 'purchase', '2026-11-10T12:00:00+08:00', undefined, { orderId: 'O1a', amount: '50.00' }),
    act(m[1]!, 'purchase', '2026-11-12T12:00:00+08:00', undefined, { orderId: 'O1b', amount: '50.00' }),
    act(m[2]!, 'purchase', '2026-10-05T12:00:00+08:00', undefined, { orderId: 'O2', amount: '300.00' }),
  ]);
  expect(r.rejected).toBe(0);
  await kith.jobs.runOnce();
});
afterAll(async () => {
  await kith?.dispose();
});

describe('engagement', () => {
  it('counts the workspace from the daily rollup, days cut in the workspace time zone', async () => {
    const e = await kith.analytics.service.engagement(systemCtx, P);
    expect(e.days.filter((d) => d.active > 0)).toEqual([
      { day: '2026-11-29', active: 1, messages: 2, meaningful: 2 }, // m1's two messages
      { day: '2026-11-30', active: 2, messages: 1, meaningful: 2 }, // m1's check-in, m2's message; m3's join does not count
    ]);
    expect(e.days).toHaveLength(7);
    expect(e.activeMembers).toBe(2); // m1, m2
    expect(e.dau).toBeCloseTo(3 / 7, 10); // (1 + 2) / 7 days
    expect(e.wau).toBe(2);
    expect(e.mau).toBe(3); // + m4's purchase on 15 November
    expect(e.members).toBe(4);
    expect(e.activeRate).toBeCloseTo(2 / 4, 10); // active in the period ÷ members, as the community comparison
    expect(e.participationRate).toBeCloseTo(3 / 7 / 2, 10); // daily average ÷ active members: not the active rate again
    expect(e.messages).toBe(3);
    expect(e.messagesPerActiveMember).toBeCloseTo(1.5, 10);
    expect(e.interactionsPerActiveMemberPerWeek).toBeCloseTo(2, 10); // 4 meaningful / 2 active / 1 week
    const top = await kith.analytics.service.topContributors(systemCtx, P);
    expect(top.items.map((t) => [t.memberId, t.meaningful, t.activeDays])).toEqual([
      [m[1], 3, 2],
      [m[2], 1, 1],
    ]);
  });

  it('counts one community against its own members', async () => {
    const a = await kith.analytics.service.engagement(systemCtx, { ...P, communityId: A });
    expect(a.days.filter((d) => d.active > 0)).toEqual([{ day: '2026-11-29', active: 1, messages: 2, meaningful: 2 }]); // the check-in was in no community
    expect([a.members, a.activeMembers, a.activeRate, a.participationRate]).toEqual([3, 1, 1 / 3, 1 / 7]);
    const c = await kith.analytics.service.communities(systemCtx, P);
    expect(c.items.map((x) => [x.name, x.members, x.active, x.messages])).toEqual([
      ['手冲爱好者群', 3, 1, 2],
      ['新品体验群', 2, 1, 1],
    ]);
  });

  it("leaves the brand's own accounts (staff, official) out of counts, rates and rankings", async () => {
    const inject = injector(kith);
    const owner = await staffSession(kith, 'owner');
    const mark = async (accountType: string) => {
      const res = await inject({
        method: 'PATCH',
        url: `/api/v1/members/${m[1]}`,
        headers: owner.headers,
        payload: { accountType },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await mark('official'); // m1: two messages in A on the 29th, a check-in on the 30th, two orders
    try {
      const e = await kith.analytics.service.engagement(systemCtx, P);
      expect([e.members, e.activeMembers, e.wau, e.mau, e.messages]).toEqual([3, 1, 1, 2, 1]);
      expect(e.days.filter((d) => d.active > 0)).toEqual([
        { day: '2026-11-30', active: 1, messages: 1, meaningful: 1 },
      ]);
      expect(e.activeRate).toBeCloseTo(1 / 3, 10);
      const top = await kith.analytics.service.topContributors(systemCtx, P);
      expect(top.items.map((t) => t.memberId)).toEqual([m[2]]);
      const c = await kith.analytics.service.communities(systemCtx, P);
      expect(c.items.map((x) => [x.name, x.members, x.active, x.messages])).toEqual([
        ['手冲爱好者群', 2, 0, 0],
        ['新品体验群', 2, 1, 1],
      ]);
      const h = await kith.analytics.service.health(systemCtx, P);
      expect(h.items.find((x) => x.id === A)?.parts.find((p) => p.part === 'activity')?.value).toBe(0);
      expect((await kith.analytics.service.heatmap(systemCtx, P)).cells).toEqual([{ weekday: 1, hour: 0, n: 1 }]);
      await kith.analytics.service.computeRfm();
      expect(await kith.analytics.service.memberRfm(systemCtx, m[1]!)).toBeNull();
      const o = (
        await inject({ method: 'GET', url: '/api/v1/overview?from=2026-11-24&to=2026-11-30', headers: owner.headers })
      ).json();
      expect([o.members.total, o.active.last30Days]).toEqual([3, e.mau]);
      // Still in the member list, said to be the brand's own, and found by that filter.
      const list = (
        await inject({ method: 'GET', url: '/api/v1/members?accountType=official', headers: owner.headers })
      ).json();
      expect(list.items.map((x: { id: number; accountType: string }) => [x.id, x.accountType])).toEqual([
        [m[1], 'official'],
      ]);
    } finally {
      await mark('member');
      await kith.analytics.service.computeRfm();
    }
    expect((await kith.analytics.service.engagement(systemCtx, P)).activeMembers).toBe(2);
  });

  it('maps meaningful activities to weekday and hour', async () => {
    const h = await kith.analytics.service.heatmap(systemCtx, P);
    // 29 November 2026 is a Sunday (7), the 30th a Monday (1)
    expect(h.cells).toEqual([
      { weekday: 1, hour: 0, n: 1 },
      { weekday: 1, hour: 8, n: 1 },
      { weekday: 7, hour: 10, n: 1 },
      { weekday: 7, hour: 23, n: 1 },
    ]);
  });

  it('keeps the rollup and its aggregates equal to a rebuild from raw history', async () => {
    const tables = [
      'analytics_member_days',
      'analytics_community_days',
      'analytics_active_gaps',
      'analytics_cohort_cells',
    ];
    // Cells that went back to zero stay in place and are ignored by the readers.
    const read = async () =>
      Promise.all(
        tables.map(async (t) =>
          (
            await sql.raw<{ members?: number }>(`select * from ${t} order by 1, 2, 3, 4`).execute(kith.database.db)
          ).rows.filter((r) => r.members !== 0),
        ),
      );
    const before = await read();
    await kith.database.transaction(async (tx) => {
      const { rebuild } = await import('./rollups.repo.js');
      await rebuild(tx, 'Asia/Shanghai', (await kith.analytics.service.settings(tx)).meaningfulKinds);
    });
    expect(await read()).toEqual(before);
  });
});

describe('RFM', () => {
  it('scores R and M by rank quintiles with ties shared, F by order-count thresholds, and layers them by the grid', async () => {
    expect(await kith.analytics.service.computeRfm()).toMatchObject({
      scored: 3,
      asOf: '2026-12-01',
      window: { from: '2025-12-02', to: '2026-12-01' },
    });
    // m1: last order 19 days ago, 2 orders, ¥100; m4: 16 days, 1, ¥100; m2: 57 days, 1, ¥300.
    // R (longest ago first): m2 rank 1 → 1, m1 rank 2 → 1 + ⌊5·1/3⌋ = 2, m4 rank 3 → 1 + ⌊10/3⌋ = 4.
    // F by the default thresholds 2, 3, 5, 8 orders: m2, m4 (1 order) → 1, m1 (2 orders) → 2.
    // M: m1, m4 tie at rank 1 → 1, m2 rank 3 → 4.
    // FM = ⌊(F + M + 1) / 2⌋: m1 2, m4 1, m2 3 → m1 (R2, FM2) about_to_sleep, m4 (R4, FM1) promising, m2 (R1, FM3) at_risk.
    const one = await kith.analytics.service.memberRfm(systemCtx, m[1]!);
    expect(one).toMatchObject({
      recencyDays: 19,
      frequency: 2,
      monetary: '100.00',
      r: 2,
      f: 2,
      m: 1,
      layer: 'about_to_sleep',
    });
    expect(await kith.analytics.service.memberRfm(systemCtx, m[4]!)).toMatchObject({
      r: 4,
      f: 1,
      m: 1,
      layer: 'promising',
    });
    expect(await kith.analytics.service.memberRfm(systemCtx, m[2]!)).toMatchObject({
      recencyDays: 57,
      r: 1,
      f: 1,
      m: 4,
      layer: 'at_risk',
    });
    expect(await kith.analytics.service.memberRfm(systemCtx, m[3]!)).toBeNull();
    const r = await kith.analytics.service.rfm(systemCtx);
    expect(r.buyers).toBe(3);
    expect(r.layers.find((l) => l.key === 'at_risk')).toMatchObject({
      members: 1,
      revenue: '300.00',
      nameZh: '流失风险客户',
    });
    expect(r.layers.find((l) => l.key === 'promising')).toMatchObject({ members: 1, revenue: '100.00' });
    expect(r.layers.find((l) => l.key === 'about_to_sleep')).toMatchObject({ members: 1, revenue: '100.00' });
    expect(r.layers.filter((l) => l.members > 0)).toHaveLength(3);
    const drill = await kith.analytics.service.layerMembers(systemCtx, 'at_risk', {});
    expect(drill.items.map((x) => x.memberId)).toEqual([m[2]]);
    // What each score stands for: F from the thresholds, R and M from the buyers scored.
    expect(r.frequencyThresholds).toEqual([2, 3, 5, 8]);
    expect(r.ranges.f.map((x) => [x.score, x.min, x.max, x.buyers])).toEqual([
      [1, '1', '1', 2],
      [2, '2', '2', 1],
      [3, null, null, 0],
      [4, null, null, 0],
      [5, null, null, 0],
    ]);
    expect(r.ranges.r.filter((x) => x.buyers > 0).map((x) => [x.score, x.min, x.max])).toEqual([
      [1, '57', '57'],
      [2, '19', '19'],
      [4, '16', '16'],
    ]);
    expect(r.ranges.m.filter((x) => x.buyers > 0).map((x) => [x.score, x.min, x.max, x.buyers])).toEqual([
      [1, '100.00', '100.00', 2],
      [4, '300.00', '300.00', 1],
    ]);
  });

  it('lets operators set the order counts behind F, refusing thresholds that do not rise', async () => {
    const inject = injector(kith);
    const op = await staffSession(kith, 'owner');
    const bad = await inject({
      method: 'PATCH',
      url: '/api/v1/analytics/settings',
      headers: op.headers,
      payload: { rfmFrequencyThresholds: [2, 2, 5, 8] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('/rfmFrequencyThresholds');
    const ok = await inject({
      method: 'PATCH',
      url: '/api/v1/analytics/settings',
      headers: op.headers,
      payload: { rfmFrequencyThresholds: [3, 4, 5, 6] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    try {
      await kith.analytics.service.computeRfm();
      // m1's 2 orders no longer reach F 2: R2, FM ⌊(1 + 1 + 1) / 2⌋ = 1 → hibernating.
      expect(await kith.analytics.service.memberRfm(systemCtx, m[1]!)).toMatchObject({ f: 1, layer: 'hibernating' });
    } finally {
      await kith.analytics.service.updateSettings(systemCtx, { rfmFrequencyThresholds: [2, 3, 5, 8] });
      await kith.analytics.service.computeRfm();
    }
  });

  it('lets operators edit a layer strategy, audited; analysts read only; managers not at all', async () => {
    const inject = injector(kith);
    const op = await staffSession(kith, 'operator');
    const analyst = await staffSession(kith, 'analyst');
    const cm = await staffSession(kith, 'community_manager', [A]);
    const body = {
      nameZh: '流失风险客户',
      nameEn: 'At risk',
      strategyZh: '一对一回访，送出回归券',
      strategyEn: 'Call back one to one with a come-back coupon',
    };
    let res = await inject({
      method: 'PUT',
      url: '/api/v1/analytics/rfm/layers/at_risk',
      headers: op.headers,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ strategyZh: '一对一回访，送出回归券', members: 1 });
    expect(
      (
        await inject({
          method: 'PUT',
          url: '/api/v1/analytics/rfm/layers/at_risk',
          headers: analyst.headers,
          payload: body,
        })
      ).statusCode,
    ).toBe(403);
    // The layer's members page one at a time with the kernel's cursor; a forged one is a 400 naming it.
    const first = await inject({
      method: 'GET',
      url: '/api/v1/analytics/rfm/layers/at_risk/members?limit=1',
      headers: analyst.headers,
    });
    expect(first.statusCode, first.body).toBe(200);
    const page1 = first.json() as { items: { memberId: number }[]; nextCursor: string | null };
    expect([page1.items.map((i) => i.memberId), page1.nextCursor]).toEqual([[m[2]], null]); // one member, one page
    const forged = await inject({
      method: 'GET',
      url: '/api/v1/analytics/rfm/layers/at_risk/members?cursor=12abc',
      headers: analyst.headers,
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('cursor');
    expect((await inject({ method: 'GET', url: '/api/v1/analytics/rfm', headers: analyst.headers })).statusCode).toBe(
      200,
    );
    expect((await inject({ method: 'GET', url: '/api/v1/analytics/rfm', headers: cm.headers })).statusCode).toBe(403);
    expect(
      (
        await inject({
          method: 'GET',
          url: `/api/v1/analytics/engagement?communityId=${A}&from=2026-11-24&to=2026-11-30`,
          headers: cm.headers,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await inject({ method: 'GET', url: `/api/v1/analytics/engagement?communityId=${B}`, headers: cm.headers }))
        .statusCode,
    ).toBe(403);
    expect(
      (await inject({ method: 'GET', url: '/api/v1/analytics/engagement?from=2026-13-01', headers: op.headers })).json()
        .errors[0].path,
    ).toBe('from');
    const audit = await sql<{
      action: string;
    }>`select action from audit_log where action = 'analytics.rfm_layer.update'`.execute(kith.database.db);
    expect(audit.rows).toHaveLength(1);
    res = await inject({ method: 'POST', url: '/api/v1/analytics/rfm/compute', headers: op.headers });
    expect(res.json()).toMatchObject({ scored: 3, asOf: '2026-12-01' });
    const computed = await sql<{
      actor_label: string;
    }>`select actor_label from audit_log where action = 'analytics.rfm.compute'`.execute(kith.database.db);
    expect(computed.rows.map((r) => r.actor_label)).toEqual([op.email]);
  });
});

describe('merges', () => {
  it('move the merged member\u2019s days onto the survivor and undo restores both', async () => {
    const owner = await staffSession(kith, 'owner');
    const inject = injector(kith);
    const before = (await kith.analytics.service.engagement(systemCtx, P)).days;
    const r = await inject({
      method: 'POST',
      url: `/api/v1/members/${m[1]}/merge`,
      headers: owner.headers,
      payload: { mergedId: m[2] },
    });
    expect(r.statusCode, r.body).toBe(200);
    const merged = await kith.analytics.service.engagement(systemCtx, P);
    expect(merged.activeMembers).toBe(1);
    expect(merged.days.find((d) => d.day === '2026-11-30')).toMatchObject({ active: 1, messages: 1, meaningful: 2 });
    const u = await inject({
      method: 'POST',
      url: `/api/v1/members/merges/${r.json().mergeId}/undo`,
      headers: owner.headers,
      payload: {},
    });
    expect(u.statusCode, u.body).toBe(200);
    expect((await kith.analytics.service.engagement(systemCtx, P)).days).toEqual(before);
  });
});
