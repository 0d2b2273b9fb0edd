import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { injector, startTestKith, staffSession, systemCtx, type TestKith } from '../../../test/harness.js';
import {
  addRule,
  balanceOf,
  expectNoDrift,
  ingest,
  member,
  message,
  postings,
  purchase,
  refund,
  standardTiers,
} from './loyalty.test-support.js';

const clock = fixedClock('2026-12-01T10:00:00+08:00');
let kith: TestKith;
let tiers: Awaited<ReturnType<typeof standardTiers>>;
beforeAll(async () => {
  kith = await startTestKith({ clock });
  tiers = await standardTiers(kith);
  await addRule(kith, '群聊发言', {
    limits: { perDay: 3 },
    antiAbuse: { minTextLength: 4, duplicateWindowMinutes: 10 },
    tierMultiplier: true,
  });
  await addRule(kith, '购物', {
    kind: 'purchase',
    points: { mode: 'per_amount', per: 10, amount: 1 },
    growth: { mode: 'per_amount', per: 1, amount: 1 },
  });
});
afterAll(async () => {
  await kith?.dispose();
});

describe('rules on the activity stream', () => {
  it('earns points and growth for new activities through the outbox, with caps and anti-abuse', async () => {
    const m = await member(kith);
    await ingest(kith, [
      message(m, '2026-11-30T09:00:00+08:00', '早上好，今天喝什么'),
      message(m, '2026-11-30T09:01:00+08:00', '早上好，今天喝什么'), // repeated within 10 minutes
      message(m, '2026-11-30T09:02:00+08:00', '好'), // too short
      message(m, '2026-11-30T10:00:00+08:00'),
      message(m, '2026-11-30T11:00:00+08:00'),
      message(m, '2026-11-30T12:00:00+08:00'), // fourth rewarded of the day: over the cap
    ]);
    expect(await postings(kith, m)).toEqual([
      { kind: 'earn', points: 2, growth: 1, reason: '群聊发言', rule_version: 1 },
      { kind: 'earn', points: 2, growth: 1, reason: '群聊发言', rule_version: 1 },
      { kind: 'earn', points: 2, growth: 1, reason: '群聊发言', rule_version: 1 },
    ]);
    expect(await balanceOf(kith, m)).toBe(6);
    // the same batch again: nothing new
    await kith.loyalty.rules.applyToActivities(
      kith.database.db,
      (await sql<{ id: number }>`select id from activities where member_id = ${m}`.execute(kith.database.db)).rows.map(
        (r) => r.id,
      ),
    );
    expect(await postings(kith, m)).toHaveLength(3);
    await expectNoDrift(kith);
  });

  it('promotes as soon as growth crosses a threshold, explains why, publishes tier.promoted and multiplies later points', async () => {
    const m = await member(kith, '老王');
    await ingest(kith, [purchase(m, '2026-11-30T15:00:00+08:00', 'O-1001', '129.90')]);
    const s = await kith.loyalty.accounts.standing(systemCtx, m);
    expect(s.points.balance).toBe(12);
    expect(s.growth.window).toBe(129);
    expect(s.tier.current?.id).toBe(tiers.silver.id);
    expect(s.tier.next).toMatchObject({ tier: { id: tiers.gold.id }, needed: 371 });
    expect(s.history[0]).toMatchObject({
      change: 'promoted',
      fromTierId: null,
      toTierId: tiers.silver.id,
      reason: 'growth reached the threshold',
      details: { growth: 129, threshold: 100 },
    });
    const ev = await sql<{
      payload: { changes: { memberId: number; toTierId: number }[] };
    }>`select payload from outbox_events where topic = 'tier.promoted'`.execute(kith.database.db);
    expect(ev.rows.flatMap((r) => r.payload.changes)).toContainEqual(
      expect.objectContaining({ memberId: m, toTierId: tiers.silver.id }),
    );
    // a message after the promotion earns silver's 1.5× (3 points, floor of 2 × 1.5)
    clock.set('2026-12-01T10:30:00+08:00');
    await ingest(kith, [message(m, '2026-12-01T10:20:00+08:00')]);
    expect((await postings(kith, m)).at(-1)).toMatchObject({ points: 3, growth: 1 });
    await expectNoDrift(kith);
  });

  it('promotes past several tiers at once, and from a tier already held, but not below the next threshold', async () => {
    const [jump, climb, stay] = [await member(kith, '阿杰'), await member(kith, '小梅'), await member(kith, '阿飞')];
    await ingest(kith, [
      purchase(jump, '2026-11-30T16:00:00+08:00', 'O-3001', '620.00'), // no tier → straight to gold
      purchase(climb, '2026-11-30T16:00:00+08:00', 'O-3002', '150.00'), // → silver
      purchase(stay, '2026-11-30T16:00:00+08:00', 'O-3003', '99.00'), // below silver's 100
    ]);
    const tierOf = async (m: number) => (await kith.loyalty.accounts.standing(systemCtx, m)).tier.current?.id ?? null;
    expect([await tierOf(jump), await tierOf(climb)]).toEqual([tiers.gold.id, tiers.silver.id]);
    expect(await tierOf(stay)).not.toBe(tiers.silver.id);
    await ingest(kith, [purchase(climb, '2026-11-30T17:00:00+08:00', 'O-3004', '349.00')]); // 499: still silver
    expect(await tierOf(climb)).toBe(tiers.silver.id);
    await ingest(kith, [purchase(climb, '2026-11-30T18:00:00+08:00', 'O-3005', '1.00')]); // 500: gold
    expect(await tierOf(climb)).toBe(tiers.gold.id);
    expect((await kith.loyalty.accounts.standing(systemCtx, climb)).history[0]).toMatchObject({
      change: 'promoted',
      fromTierId: tiers.silver.id,
      toTierId: tiers.gold.id,
      details: { growth: 500, threshold: 500 },
    });
    await expectNoDrift(kith);
  });

  it('takes back a refunded order\u2019s points and growth in proportion, across partial refunds', async () => {
    const m = await member(kith);
    await ingest(kith, [purchase(m, '2026-11-28T15:00:00+08:00', 'O-2001', '300.00')]);
    expect(await balanceOf(kith, m)).toBe(30);
    await ingest(kith, [refund(m, '2026-11-29T10:00:00+08:00', 'O-2001', '100.00')]);
    expect(await balanceOf(kith, m)).toBe(20);
    await ingest(kith, [refund(m, '2026-11-29T11:00:00+08:00', 'O-2001', '200.00')]);
    const s = await kith.loyalty.accounts.standing(systemCtx, m);
    expect(s.points.balance).toBe(0);
    expect(s.growth.lifetime).toBe(0);
    expect((await postings(kith, m)).map((p) => [p.kind, p.points, p.growth])).toEqual([
      ['earn', 30, 300],
      ['reverse', -10, -100],
      ['reverse', -20, -200],
    ]);
    await expectNoDrift(kith);
  });

  it.each(['debt', 'cap'] as const)('applies the %s policy when refunded points were already spent', async (policy) => {
    await kith.loyalty.accounts.updateProgramme(systemCtx, { refundPolicy: policy });
    const m = await member(kith);
    await ingest(kith, [purchase(m, '2026-11-28T15:00:00+08:00', `O-${policy}`, '500.00')]);
    await kith.database.transaction((tx) =>
      kith.loyalty.ledger.debit(
        tx,
        {
          memberId: m,
          kind: 'spend',
          points: -40,
          growth: 0,
          reason: 'coffee voucher',
          key: `spend-${policy}`,
          occurredAt: clock.now(),
          actor: 'test',
        },
        'exact',
      ),
    );
    await ingest(kith, [refund(m, '2026-11-29T10:00:00+08:00', `O-${policy}`, '500.00')]);
    expect(await balanceOf(kith, m)).toBe(policy === 'debt' ? -40 : 0);
    if (policy === 'debt') {
      // the next earning pays the debt first: its lot keeps only what is left over
      await ingest(kith, [purchase(m, '2026-11-30T15:00:00+08:00', 'O-debt-2', '600.00')]);
      const s = await kith.loyalty.accounts.standing(systemCtx, m);
      expect(s.points.balance).toBe(20);
      expect(s.points.lots.map((l) => l.remaining)).toEqual([20]);
    }
    await expectNoDrift(kith);
    await kith.loyalty.accounts.updateProgramme(systemCtx, { refundPolicy: 'debt' });
  });
});

describe('points spending and expiry', () => {
  it('refuses to overdraw, spends the lots that expire first, and expires the rest at the end of the 12th month', async () => {
    const m = await member(kith);
    await ingest(kith, [
      purchase(m, '2025-03-10T12:00:00+08:00', 'O-old', '100.00'),
      purchase(m, '2025-09-10T12:00:00+08:00', 'O-new', '200.00'),
    ]);
    const spend = (points: number, key: string) =>
      kith.database.transaction((tx) =>
        kith.loyalty.ledger.debit(
          tx,
          {
            memberId: m,
            kind: 'spend',
            points: -points,
            growth: 0,
            reason: 'gift',
            key,
            occurredAt: clock.now(),
            actor: 'test',
          },
          'exact',
        ),
      );
    await expect(spend(31, 's1')).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    await spend(15, 's2');
    expect(await spend(15, 's2')).toBeNull(); // same key: posted once
    let s = await kith.loyalty.accounts.standing(systemCtx, m);
    expect(s.points.lots.map((l) => l.remaining)).toEqual([0, 15].filter((x) => x > 0));
    expect(s.points.expiring.map((e) => [e.lastDay, e.points])).toEqual([['2026-09-30', 15]]);
    expect(s.points.expiring[0]!.expiresAt).toBe(s.points.lots.find((l) => l.remaining === 15)?.expiresAt); // one instant
    // March 2025's lot was spent; September's expires at the end of September 2026
    expect(await kith.loyalty.ledger.expireDue(new Date('2026-09-30T23:59:59+08:00'))).toBe(0);
    expect(await kith.loyalty.ledger.expireDue(new Date('2026-10-01T00:00:00+08:00'))).toBe(1);
    expect(await kith.loyalty.ledger.expireDue(new Date('2026-10-02T00:00:00+08:00'))).toBe(0);
    s = await kith.loyalty.accounts.standing(systemCtx, m);
    expect(s.points.balance).toBe(0);
    expect((await postings(kith, m)).filter((p) => p.kind === 'expire')).toMatchObject([
      { kind: 'expire', points: -15 },
    ]);
    await expectNoDrift(kith);
  });
});

describe('manual adjustments', () => {
  it('posts small ones at once and holds large ones for a second operator', async () => {
    const inject = injector(kith);
    const op1 = await staffSession(kith, 'operator');
    const op2 = await staffSession(kith, 'operator');
    const analyst = await staffSession(kith, 'analyst');
    const m = await member(kith);
    let r = await inject({
      method: 'POST',
      url: `/api/v1/members/${m}/loyalty/adjustments`,
      headers: op1.headers,
      payload: { points: 50, reason: '活动补发' },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ status: 'posted', points: 50 });
    r = await inject({
      method: 'POST',
      url: `/api/v1/members/${m}/loyalty/adjustments`,
      headers: op1.headers,
      payload: { points: 5000, reason: '年度大奖' },
    });
    expect(r.json()).toMatchObject({ status: 'pending', requestedByYou: true });
    const id = r.json().id;
    expect(await balanceOf(kith, m)).toBe(50);
    // Only the other operator is offered the decision.
    const seen = async (s: typeof op1) =>
      (await inject({ method: 'GET', url: `/api/v1/loyalty/adjustments?memberId=${m}`, headers: s.headers }))
        .json()
        .items.find((x: { id: number }) => x.id === id).requestedByYou;
    expect([await seen(op1), await seen(op2)]).toEqual([true, false]);
    r = await inject({
      method: 'POST',
      url: `/api/v1/loyalty/adjustments/${id}/approve`,
      headers: op1.headers,
      payload: {},
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().detail).toMatch(/second operator/);
    r = await inject({
      method: 'POST',
      url: `/api/v1/loyalty/adjustments/${id}/approve`,
      headers: analyst.headers,
      payload: {},
    });
    expect(r.statusCode).toBe(403);
    r = await inject({
      method: 'POST',
      url: `/api/v1/loyalty/adjustments/${id}/approve`,
      headers: op2.headers,
      payload: { note: '已核实' },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'posted', decisionNote: '已核实' });
    expect(await balanceOf(kith, m)).toBe(5050);
    r = await inject({
      method: 'POST',
      url: `/api/v1/loyalty/adjustments/${id}/approve`,
      headers: op2.headers,
      payload: {},
    });
    expect(r.statusCode).toBe(409);
    r = await inject({
      method: 'POST',
      url: `/api/v1/members/${m}/loyalty/adjustments`,
      headers: op1.headers,
      payload: { points: -6000, reason: '' },
    });
    expect(r.statusCode).toBe(400);
    r = await inject({
      method: 'POST',
      url: `/api/v1/members/${m}/loyalty/adjustments`,
      headers: op1.headers,
      payload: { points: -60, reason: '扣回' },
    });
    expect(r.json()).toMatchObject({ status: 'posted' });
    const poor = await member(kith);
    r = await inject({
      method: 'POST',
      url: `/api/v1/members/${poor}/loyalty/adjustments`,
      headers: op1.headers,
      payload: { points: -999, reason: '扣回太多' },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('INSUFFICIENT_POINTS');
    // An impossible large request is refused when it is made, not queued to fail at approval: the
    // balance (4,990) less what requests waiting for approval would take must cover it.
    r = await inject({
      method: 'POST',
      url: `/api/v1/members/${m}/loyalty/adjustments`,
      headers: op1.headers,
      payload: { points: -100000, reason: '扣回' },
    });
    expect([r.statusCode, r.json().code, r.json().params]).toEqual([
      409,
      'INSUFFICIENT_POINTS',
      { balance: 4990, needed: 100000, waiting: 0 },
    ]);
    r = await inject({
      method: 'POST',
      url: `/api/v1/members/${m}/loyalty/adjustments`,
      headers: op1.headers,
      payload: { points: -3000, reason: '扣回' },
    });
    expect(r.json()).toMatchObject({ status: 'pending' });
    const waiting = r.json().id;
    r = await inject({
      method: 'POST',
      url: `/api/v1/members/${m}/loyalty/adjustments`,
      headers: op1.headers,
      payload: { points: -2000, reason: '再扣' },
    });
    expect([r.statusCode, r.json().params?.waiting]).toEqual([409, 3000]);
    await inject({
      method: 'POST',
      url: `/api/v1/loyalty/adjustments/${waiting}/reject`,
      headers: op2.headers,
      payload: {},
    });
    const audit = await sql<{
      action: string;
    }>`select action from audit_log where target_type = 'member' and target_id = ${String(m)} order by id`.execute(
      kith.database.db,
    );
    expect(audit.rows.map((a) => a.action)).toEqual([
      'loyalty.adjustment.post',
      'loyalty.adjustment.request',
      'loyalty.adjustment.approve',
      'loyalty.adjustment.post',
      'loyalty.adjustment.request',
      'loyalty.adjustment.reject',
    ]);
    await expectNoDrift(kith);
  });
});

describe('manual adjustments split into pieces', () => {
  it('counts what one requester posted on a member unreviewed in the last 24 hours toward the threshold', async () => {
    const inject = injector(kith);
    const op1 = await staffSession(kith, 'operator');
    const op2 = await staffSession(kith, 'operator');
    const m = await member(kith);
    const adjust = (who: typeof op1, points: number) =>
      inject({
        method: 'POST',
        url: `/api/v1/members/${m}/loyalty/adjustments`,
        headers: who.headers,
        payload: { points, reason: '补发' },
      });
    // threshold 1,000: one 999 posts; a second 999 from the same operator makes 1,998 and waits
    expect((await adjust(op1, 999)).json()).toMatchObject({ status: 'posted' });
    expect((await adjust(op1, 999)).json()).toMatchObject({ status: 'pending' });
    expect((await adjust(op1, -5)).json()).toMatchObject({ status: 'pending' });
    // another operator is another pair of eyes: their own small adjustment posts
    expect((await adjust(op2, 10)).json()).toMatchObject({ status: 'posted' });
    expect(await balanceOf(kith, m)).toBe(1009);
    // a day later the window has passed
    const was = clock.now();
    clock.set(new Date(was.getTime() + 24 * 3600_000 + 1000).toISOString());
    try {
      expect((await adjust(op1, 999)).json()).toMatchObject({ status: 'posted' });
    } finally {
      clock.set(was.toISOString());
    }
    await expectNoDrift(kith);
  });

  it('lets only one of several pieces sent at once post unreviewed', async () => {
    const inject = injector(kith);
    const op = await staffSession(kith, 'operator');
    const m = await member(kith);
    const rs = await Promise.all(
      Array.from({ length: 5 }, () =>
        inject({
          method: 'POST',
          url: `/api/v1/members/${m}/loyalty/adjustments`,
          headers: op.headers,
          payload: { points: 999, reason: '并发补发' },
        }),
      ),
    );
    expect(rs.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(rs.filter((r) => r.json().status === 'posted')).toHaveLength(1);
    expect(await balanceOf(kith, m)).toBe(999);
  });
});

describe('tiers', () => {
  it('lets a manual tier win until it ends, with the reason in the history and the audit log', async () => {
    const m = await member(kith);
    await kith.loyalty.tiers.assignManual(systemCtx, m, {
      tierId: tiers.gold.id,
      reason: '试用活动 VIP',
      until: '2026-12-31T16:00:00Z',
    });
    let s = await kith.loyalty.accounts.standing(systemCtx, m);
    expect(s.tier.current?.id).toBe(tiers.gold.id);
    expect(s.tier.manual).toMatchObject({ tierId: tiers.gold.id, reason: '试用活动 VIP' });
    expect(
      await kith.database.transaction((tx) =>
        kith.loyalty.tiers.endManualAssignments(tx, new Date('2027-01-01T00:00:01Z')),
      ),
    ).toBe(1);
    s = await kith.loyalty.accounts.standing(systemCtx, m);
    expect(s.tier.current?.id).toBe(tiers.bronze.id);
    expect(s.history.map((h) => h.change)).toEqual(['manual_ended', 'manual']);
    await expect(kith.loyalty.tiers.assignManual(systemCtx, m, { tierId: 99999, reason: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('previews members per tier under proposed thresholds from real growth', async () => {
    const before = await kith.loyalty.tiers.preview([]);
    const silverNow = before.find((x) => x.tierId === tiers.silver.id)!;
    const p = await kith.loyalty.tiers.preview([{ tierId: tiers.silver.id, threshold: 130 }]);
    const silver = p.find((x) => x.tierId === tiers.silver.id)!;
    // 老王 has 129 + 1 growth: still silver at 130; every other member's growth is far from it
    expect(silver.proposedThreshold).toBe(130);
    expect(silver.members).toBe(silverNow.members);
    const strict = (await kith.loyalty.tiers.preview([{ tierId: tiers.silver.id, threshold: 131 }])).find(
      (x) => x.tierId === tiers.silver.id,
    )!;
    expect(strict.proposedMembers).toBe(silverNow.members - 1);
    const total = (k: 'members' | 'proposedMembers') => p.reduce((s, x) => s + x[k], 0);
    expect(total('members')).toBe(total('proposedMembers'));
    const count = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from members where merged_into is null and erased_at is null`.execute(
        kith.database.db,
      )
    ).rows[0]!.n;
    expect(total('members')).toBe(count);
    await expect(kith.loyalty.tiers.preview([{ tierId: tiers.bronze.id, threshold: 10 }])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('demotes at evaluation only after the grace period, one tier at a time, and a second run changes nothing', async () => {
    await kith.loyalty.accounts.updateProgramme(systemCtx, { qualificationMonths: 1, graceDays: 20 });
    const m = await member(kith);
    clock.set('2026-12-05T10:00:00+08:00');
    await kith.loyalty.accounts.requestAdjustment(systemCtx, m, { points: 1, reason: 'setup' });
    await kith.database.transaction((tx) =>
      kith.loyalty.ledger.credit(
        tx,
        {
          qualificationMonths: 1,
          evaluationPeriod: 'monthly',
          keepRatioMilli: 900,
          graceDays: 20,
          maxDemotionSteps: 1,
          pointsExpiryMonths: 12,
          refundPolicy: 'debt',
          approvalThreshold: 1000,
          updatedAt: new Date(),
        },
        [
          {
            memberId: m,
            kind: 'earn',
            points: 0,
            growth: 600,
            reason: 'growth for the test',
            key: `g-${m}`,
            occurredAt: clock.now(),
            actor: 'test',
          },
        ],
      ),
    );
    expect((await kith.loyalty.accounts.standing(systemCtx, m)).tier.current?.id).toBe(tiers.gold.id);
    // January: December's growth is outside a one-month window; the grace period starts
    let r = await kith.loyalty.tiers.evaluate(new Date('2027-01-01T00:10:00+08:00'));
    expect(r.period).toBe('2026-12');
    let s = await kith.loyalty.accounts.standing(systemCtx, m);
    expect(s.tier.current?.id).toBe(tiers.gold.id);
    expect(s.tier.belowKeepSince).toBe(new Date('2027-01-01T00:10:00+08:00').toISOString());
    expect((await kith.loyalty.tiers.evaluate(new Date('2027-01-01T00:20:00+08:00'))).evaluated).toBe(0);
    // February: grace over, one step down (gold → silver), still short so the grace restarts
    r = await kith.loyalty.tiers.evaluate(new Date('2027-02-01T00:10:00+08:00'));
    expect(r.demoted).toBeGreaterThanOrEqual(1);
    s = await kith.loyalty.accounts.standing(systemCtx, m);
    expect(s.tier.current?.id).toBe(tiers.silver.id);
    expect(s.history[0]).toMatchObject({
      change: 'demoted',
      fromTierId: tiers.gold.id,
      toTierId: tiers.silver.id,
      details: { growth: 0, keepThreshold: 450, period: '2027-01' },
    });
    const ev = await sql<{
      n: number;
    }>`select count(*)::int as n from outbox_events where topic = 'tier.demoted'`.execute(kith.database.db);
    expect(ev.rows[0]!.n).toBeGreaterThanOrEqual(1);
    await kith.loyalty.accounts.updateProgramme(systemCtx, { qualificationMonths: null, graceDays: 30 });
    clock.set('2026-12-01T10:30:00+08:00');
  });
});

describe('replay', () => {
  it('recomputes rule postings from history, posts only differences, and twice changes nothing', async () => {
    const m = await member(kith);
    const acts = ['2026-11-20T09:00:00+08:00', '2026-11-20T10:00:00+08:00', '2026-11-21T09:00:00+08:00'].map((t) =>
      message(m, t),
    );
    await ingest(kith, acts);
    const before = await postings(kith, m);
    const first = await kith.loyalty.rules.replay(systemCtx, new Date('2026-11-01T00:00:00+08:00'));
    expect(first.added + first.reversed).toBe(0);
    // a new rule version from 21 November gives 5 points a message
    const rule = (await kith.loyalty.rules.list()).find((x) => x.name === '群聊发言')!;
    await kith.loyalty.rules.update(systemCtx, rule.id, {
      definition: { ...rule.definition, points: { mode: 'fixed', amount: 5 } },
      validFrom: '2026-11-21T00:00:00+08:00',
    });
    const second = await kith.loyalty.rules.replay(systemCtx, new Date('2026-11-01T00:00:00+08:00'));
    expect(second.added).toBeGreaterThan(0);
    const after = await postings(kith, m);
    expect(after.slice(before.length)).toContainEqual(
      expect.objectContaining({ kind: 'earn', points: 3, rule_version: 2 }),
    );
    const third = await kith.loyalty.rules.replay(systemCtx, new Date('2026-11-01T00:00:00+08:00'));
    expect(third.added + third.reversed).toBe(0);
    expect(await postings(kith, m)).toEqual(after);
    await expectNoDrift(kith);
  });
});

describe('members merge', () => {
  it('moves points, lots and history to the survivor and undo puts them back exactly', async () => {
    const inject = injector(kith);
    const owner = await staffSession(kith, 'owner');
    const a = await member(kith, '张三');
    const b = await member(kith, '张三');
    await ingest(kith, [
      purchase(a, '2026-11-29T12:00:00+08:00', 'O-m1', '1000.00'),
      purchase(b, '2026-11-29T13:00:00+08:00', 'O-m2', '80.00'),
    ]);
    const cup = await kith.loyalty.rewards.create(systemCtx, {
      nameZh: '杯子',
      nameEn: 'Cup',
      type: 'gift',
      cost: 3,
      stock: 5,
    });
    await kith.loyalty.rewards.redeem(systemCtx, b, cup.id, `merge-${b}`, 'test');
    const badge = await kith.loyalty.badges.create(systemCtx, {
      nameZh: '老朋友',
      nameEn: 'Old friend',
      criteria: null,
    });
    await kith.loyalty.badges.award(systemCtx, a, badge.id, '三年会员');
    await kith.loyalty.badges.award(systemCtx, b, badge.id, '三年会员');
    const r = await inject({
      method: 'POST',
      url: `/api/v1/members/${a}/merge`,
      headers: owner.headers,
      payload: { mergedId: b },
    });
    expect(r.statusCode, r.body).toBeLessThan(300);
    let s = await kith.loyalty.accounts.standing(systemCtx, a);
    expect(s.points.balance).toBe(105);
    expect(s.growth.lifetime).toBe(1080);
    expect(await kith.loyalty.badges.ofMember(systemCtx, a)).toHaveLength(1);
    expect((await kith.loyalty.rewards.listRedemptions(systemCtx, { memberId: a })).items).toHaveLength(1);
    await expectNoDrift(kith);
    const u = await inject({
      method: 'POST',
      url: `/api/v1/members/merges/${r.json().mergeId}/undo`,
      headers: owner.headers,
      payload: {},
    });
    expect(u.statusCode, u.body).toBeLessThan(300);
    s = await kith.loyalty.accounts.standing(systemCtx, a);
    expect(s.points.balance).toBe(100);
    expect(await balanceOf(kith, b)).toBe(5);
    expect(await kith.loyalty.badges.ofMember(systemCtx, b)).toHaveLength(1);
    expect((await kith.loyalty.rewards.listRedemptions(systemCtx, { memberId: b })).items).toHaveLength(1);
    expect((await kith.loyalty.rewards.listRedemptions(systemCtx, { memberId: a })).items).toHaveLength(0);
    await expectNoDrift(kith);
  });
});

describe('community managers', () => {
  it('see and adjust only members of their communities', async () => {
    const inject = injector(kith);
    const c = await kith.database.db
      .insertInto('communities')
      .values({ name: '门店一群', channel: 'wechat', positioning_type: 'product', goal: 'after_sales' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mine = await member(kith),
      other = await member(kith);
    await kith.database.db
      .insertInto('community_memberships')
      .values({ community_id: c.id, member_id: mine, joined_at: new Date('2026-01-01T00:00:00Z') })
      .execute();
    const cm = await staffSession(kith, 'community_manager', [c.id]);
    expect(
      (await inject({ method: 'GET', url: `/api/v1/members/${mine}/loyalty`, headers: cm.headers })).statusCode,
    ).toBe(200);
    expect(
      (await inject({ method: 'GET', url: `/api/v1/members/${other}/loyalty`, headers: cm.headers })).statusCode,
    ).toBe(404);
    expect(
      (
        await inject({
          method: 'POST',
          url: `/api/v1/members/${other}/loyalty/adjustments`,
          headers: cm.headers,
          payload: { points: 5, reason: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    const r = await inject({
      method: 'POST',
      url: `/api/v1/members/${mine}/loyalty/adjustments`,
      headers: cm.headers,
      payload: { points: 5, reason: '门店补录' },
    });
    expect(r.statusCode, r.body).toBe(201);
    await kith.loyalty.accounts.requestAdjustment(systemCtx, other, { points: 7, reason: 'elsewhere' });
    const list = (await inject({ method: 'GET', url: '/api/v1/loyalty/adjustments', headers: cm.headers })).json()
      .items as { memberId: number }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((a) => a.memberId === mine)).toBe(true);
    expect(
      (
        await inject({
          method: 'PATCH',
          url: '/api/v1/loyalty/programme',
          headers: cm.headers,
          payload: { graceDays: 1 },
        })
      ).statusCode,
    ).toBe(403);
    // ledger verification counts every account in the workspace: not for a manager of some communities
    expect((await inject({ method: 'GET', url: '/api/v1/loyalty/verify', headers: cm.headers })).statusCode).toBe(403);
    // an evaluation a person runs is in the audit log
    const owner = await staffSession(kith, 'owner');
    const ev = await inject({ method: 'POST', url: '/api/v1/loyalty/evaluate', headers: owner.headers });
    expect(ev.statusCode, ev.body).toBe(200);
    const audited = await sql<{
      actor_label: string;
    }>`select actor_label from audit_log where action = 'loyalty.tier.evaluate'`.execute(kith.database.db);
    expect(audited.rows.map((r) => r.actor_label)).toContain(owner.email);
  });
});
