import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { injector, startTestKith, staffSession, systemCtx, type TestKith } from '../../../test/harness.js';
import { loadProgramme } from './programme.repo.js';
import { balanceOf, expectNoDrift, ingest, member, standardTiers, uniq } from './loyalty.test-support.js';

const clock = fixedClock('2026-12-01T10:00:00+08:00');
let kith: TestKith;
let tiers: Awaited<ReturnType<typeof standardTiers>>;
beforeAll(async () => {
  kith = await startTestKith({ clock });
  tiers = await standardTiers(kith);
});
afterAll(async () => {
  await kith?.dispose();
});

async function give(memberId: number, points: number) {
  await kith.database.transaction(async (tx) =>
    kith.loyalty.ledger.credit(tx, await loadProgramme(tx), [
      {
        memberId,
        kind: 'earn',
        points,
        growth: 0,
        reason: 'test',
        key: uniq('give'),
        occurredAt: clock.now(),
        actor: 'test',
      },
    ]),
  );
}
const gift = (over: Record<string, unknown> = {}) =>
  kith.loyalty.rewards.create(systemCtx, {
    nameZh: '定制马克杯',
    nameEn: 'Mug',
    type: 'gift',
    cost: 100,
    stock: 10,
    ...over,
  });

describe('redemptions', () => {
  it('redeems, fulfils and cancels; a cancel gives the points back into their own lots and frees the stock', async () => {
    const m = await member(kith);
    await give(m, 150);
    const reward = await gift({ perMemberLimit: 1 });
    const first = await kith.loyalty.rewards.redeem(systemCtx, m, reward.id, 'k-1', 'test');
    expect(first.created).toBe(true);
    expect((await kith.loyalty.rewards.redeem(systemCtx, m, reward.id, 'k-1', 'test')).created).toBe(false);
    expect(await balanceOf(kith, m)).toBe(50);
    await expect(kith.loyalty.rewards.redeem(systemCtx, m, reward.id, 'k-2', 'test')).rejects.toMatchObject({
      code: 'REDEMPTION_LIMIT',
    });
    expect((await kith.loyalty.rewards.get(reward.id)).available).toBe(9);
    const lotsBefore = (await kith.loyalty.accounts.standing(systemCtx, m)).points.lots;
    await kith.loyalty.rewards.cancel(systemCtx, first.redemption.id, '缺货');
    const s = await kith.loyalty.accounts.standing(systemCtx, m);
    expect(s.points.balance).toBe(150);
    expect(s.points.lots.map((l) => l.postingId)).toEqual([lotsBefore[0]!.postingId]);
    expect((await kith.loyalty.rewards.get(reward.id)).available).toBe(10);
    await expect(kith.loyalty.rewards.cancel(systemCtx, first.redemption.id, '')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const again = await kith.loyalty.rewards.redeem(systemCtx, m, reward.id, 'k-3', 'test');
    expect((await kith.loyalty.rewards.fulfil(systemCtx, again.redemption.id, '已寄出')).status).toBe('fulfilled');
    await expectNoDrift(kith);
  });

  it('refuses what the member may not redeem, saying why', async () => {
    const m = await member(kith);
    await give(m, 500);
    const goldOnly = await gift({ tierIds: [tiers.gold.id] });
    await expect(kith.loyalty.rewards.redeem(systemCtx, m, goldOnly.id, uniq(), 'test')).rejects.toMatchObject({
      code: 'TIER_NOT_ALLOWED',
    });
    const later = await gift({ validFrom: '2027-01-01T00:00:00+08:00' });
    await expect(kith.loyalty.rewards.redeem(systemCtx, m, later.id, uniq(), 'test')).rejects.toMatchObject({
      code: 'REWARD_UNAVAILABLE',
    });
    const dear = await gift({ cost: 600 });
    await expect(kith.loyalty.rewards.redeem(systemCtx, m, dear.id, uniq(), 'test')).rejects.toMatchObject({
      code: 'INSUFFICIENT_POINTS',
    });
    const catalogue = await kith.loyalty.rewards.catalogueFor(m);
    expect(catalogue.find((c) => c.id === goldOnly.id)).toMatchObject({
      canRedeem: false,
      refusal: 'TIER_NOT_ALLOWED',
    });
    expect(catalogue.find((c) => c.id === dear.id)).toMatchObject({ canRedeem: false, refusal: 'INSUFFICIENT_POINTS' });
    await kith.loyalty.tiers.assignManual(systemCtx, m, { tierId: tiers.gold.id, reason: 'VIP 试用' });
    expect((await kith.loyalty.rewards.redeem(systemCtx, m, goldOnly.id, uniq(), 'test')).created).toBe(true);
    expect(await balanceOf(kith, m)).toBe(400);
  });

  it('shows staff the member\u2019s catalogue, words refusals in figures, and pages the queue with names', async () => {
    const inject = injector(kith);
    const operator = await staffSession(kith, 'operator');
    const m = await member(kith);
    await give(m, 150);
    const dear = await gift({ cost: 400 });
    let r = await inject({ method: 'GET', url: `/api/v1/members/${m}/loyalty/rewards`, headers: operator.headers });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items.find((c: { id: number }) => c.id === dear.id)).toMatchObject({
      canRedeem: false,
      refusal: 'INSUFFICIENT_POINTS',
      refusalParams: { needed: 400, balance: 150 },
    });
    r = await inject({
      method: 'POST',
      url: `/api/v1/members/${m}/loyalty/redemptions`,
      headers: operator.headers,
      payload: { rewardId: dear.id, idempotencyKey: uniq() },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'INSUFFICIENT_POINTS', params: { needed: 400, balance: 150 } });
    const cm = await staffSession(kith, 'community_manager', []);
    expect(
      (await inject({ method: 'GET', url: `/api/v1/members/${m}/loyalty/rewards`, headers: cm.headers })).statusCode,
    ).toBe(404);

    const cheap = await gift({ cost: 10, stock: null });
    for (let i = 0; i < 5; i++) await kith.loyalty.rewards.redeem(systemCtx, m, cheap.id, uniq(), 'test');
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      r = await inject({
        method: 'GET',
        url: `/api/v1/loyalty/redemptions?memberId=${m}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers: operator.headers,
      });
      expect(r.statusCode, r.body).toBe(200);
      const page = r.json() as { items: { id: number; memberName: string }[]; nextCursor: string | null };
      expect(page.items.every((x) => x.memberName.length > 0)).toBe(true);
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen); // newest first, none twice
    expect(
      (await inject({ method: 'GET', url: '/api/v1/loyalty/redemptions?cursor=abc', headers: operator.headers })).json()
        .errors[0].path,
    ).toBe('cursor');
  });

  it('hands out coupon codes from the uploaded pool, one each, and never twice', async () => {
    const coupon = await kith.loyalty.rewards.create(systemCtx, {
      nameZh: '满100减20券',
      nameEn: '¥20 off',
      type: 'coupon',
      cost: 10,
    });
    const up = await kith.loyalty.rewards.uploadCodes(
      systemCtx,
      coupon.id,
      'CODE-A\nCODE-B, CODE-C\nCODE-A\nbad code\n',
    );
    expect(up.added).toBe(3);
    expect(up.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect((await kith.loyalty.rewards.uploadCodes(systemCtx, coupon.id, 'CODE-C\nCODE-D')).alreadyInPool).toEqual([
      'CODE-C',
    ]);
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const m = await member(kith);
      await give(m, 10);
      codes.push((await kith.loyalty.rewards.redeem(systemCtx, m, coupon.id, uniq(), 'test')).redemption.couponCode!);
    }
    expect(codes.sort()).toEqual(['CODE-A', 'CODE-B', 'CODE-C', 'CODE-D']);
    const m = await member(kith);
    await give(m, 10);
    await expect(kith.loyalty.rewards.redeem(systemCtx, m, coupon.id, uniq(), 'test')).rejects.toMatchObject({
      code: 'OUT_OF_STOCK',
    });
  });

  it('sells exactly the stock under 200 concurrent redemptions, never overdrawing a balance', async () => {
    const reward = await gift({ cost: 100, stock: 50 });
    const members = await Promise.all(Array.from({ length: 200 }, () => member(kith)));
    // a third of them cannot afford it
    for (const [i, m] of members.entries()) await give(m, i % 3 === 0 ? 60 : 150);
    const results = await Promise.allSettled(
      members.map((m) => kith.loyalty.rewards.redeem(systemCtx, m, reward.id, `race-${m}`, 'test')),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [r.reason.code as string] : []));
    expect(ok).toHaveLength(50);
    expect(new Set(codes)).toEqual(new Set(codes.filter((c) => c === 'OUT_OF_STOCK' || c === 'INSUFFICIENT_POINTS')));
    expect(await kith.loyalty.rewards.get(reward.id)).toMatchObject({ redeemed: 50, available: 0 });
    const neg = await sql<{
      n: number;
    }>`select count(*)::int as n from loyalty_accounts where points_balance < 0`.execute(kith.database.db);
    expect(neg.rows[0]!.n).toBe(0);
    const spent = await sql<{
      n: number;
    }>`select count(*)::int as n from loyalty_ledger where kind = 'spend' and redemption_id in (select id from loyalty_redemptions where reward_id = ${reward.id})`.execute(
      kith.database.db,
    );
    expect(spent.rows[0]!.n).toBe(50);
    await expectNoDrift(kith);
  });
});

describe('badges', () => {
  it('awards badges by criteria each night, top contributors per month with ties, and by hand', async () => {
    const event = await kith.loyalty.badges.create(systemCtx, {
      nameZh: '活动达人',
      nameEn: 'Event regular',
      criteria: { type: 'activity_count', kinds: ['event_attended'], count: 2 },
    });
    const top = await kith.loyalty.badges.create(systemCtx, {
      nameZh: '月度贡献之星',
      nameEn: 'Top contributor of the month',
      criteria: { type: 'top_contributor', top: 1, metric: 'activities', kinds: ['message'] },
    });
    const a = await member(kith),
      b = await member(kith),
      c = await member(kith);
    await ingest(kith, [
      { memberId: a, kind: 'event_attended', occurredAt: '2026-11-03T19:00:00+08:00' },
      { memberId: a, kind: 'event_attended', occurredAt: '2026-11-10T19:00:00+08:00' },
      { memberId: b, kind: 'event_attended', occurredAt: '2026-11-10T19:00:00+08:00' },
      ...[a, a, b, b, c].map((m, i) => ({
        memberId: m,
        kind: 'message',
        occurredAt: `2026-11-2${i}T10:00:00+08:00`,
        properties: { text: `消息 ${i}` },
      })),
    ]);
    const awarded = await kith.database.transaction((tx) => kith.loyalty.badges.awardAutomatic(tx, clock.now()));
    expect(awarded).toBeGreaterThanOrEqual(3);
    expect(await kith.database.transaction((tx) => kith.loyalty.badges.awardAutomatic(tx, clock.now()))).toBe(0);
    const names = async (m: number) =>
      (await kith.loyalty.badges.ofMember(systemCtx, m))
        .map((x) => `${x.nameEn}${x.period ? `@${x.period}` : ''}`)
        .sort();
    expect(await names(a)).toEqual(['Event regular', 'Top contributor of the month@2026-11']);
    expect(await names(b)).toEqual(['Top contributor of the month@2026-11']); // tied with a
    expect(await names(c)).toEqual([]);
    // An automatic award carries the criteria it met (worded by the console), a manual one its reason only.
    expect((await kith.loyalty.badges.ofMember(systemCtx, a)).find((x) => x.nameEn === 'Event regular')).toMatchObject({
      criteria: { type: 'activity_count', kinds: ['event_attended'], count: 2 },
    });
    const id = await kith.loyalty.badges.award(systemCtx, c, event.id, '线下沙龙志愿者');
    expect(await names(c)).toEqual(['Event regular']);
    expect((await kith.loyalty.badges.ofMember(systemCtx, c))[0]).toMatchObject({
      reason: '线下沙龙志愿者',
      criteria: null,
    });
    await kith.loyalty.badges.revoke(systemCtx, c, id);
    expect(await names(c)).toEqual([]);
    expect((await kith.loyalty.badges.list()).find((x) => x.id === top.id)?.holders).toBe(2);
    await expect(
      kith.loyalty.badges.create(systemCtx, {
        nameZh: 'x',
        nameEn: 'x',
        criteria: { type: 'activity_count', kinds: ['dance'], count: 0 },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('member centre', () => {
  it('lets a member see only their own programme and redeem, with a token an integration issued', async () => {
    const inject = injector(kith);
    const owner = await staffSession(kith, 'owner');
    const m = await member(kith),
      other = await member(kith);
    await give(m, 300);
    const reward = await gift({ cost: 120 });
    let r = await inject({
      method: 'POST',
      url: `/api/v1/members/${m}/member-tokens`,
      headers: owner.headers,
      payload: {},
    });
    expect(r.statusCode, r.body).toBe(201);
    const member_ = { authorization: `Bearer ${r.json().token}` };
    r = await inject({ method: 'GET', url: '/api/v1/me/loyalty', headers: member_ });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ memberId: m, points: { balance: 300 } });
    r = await inject({ method: 'GET', url: '/api/v1/me/rewards', headers: member_ });
    expect(r.json().items.find((x: { id: number }) => x.id === reward.id)).toMatchObject({ canRedeem: true });
    r = await inject({
      method: 'POST',
      url: '/api/v1/me/redemptions',
      headers: member_,
      payload: { rewardId: reward.id, idempotencyKey: 'tap-once-123' },
    });
    expect(r.statusCode, r.body).toBe(201);
    r = await inject({
      method: 'POST',
      url: '/api/v1/me/redemptions',
      headers: member_,
      payload: { rewardId: reward.id, idempotencyKey: 'tap-once-123' },
    });
    expect(r.statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/v1/me/loyalty', headers: member_ })).json().points.balance).toBe(
      180,
    );
    expect(
      (await inject({ method: 'GET', url: '/api/v1/me/redemptions', headers: member_ })).json().items,
    ).toHaveLength(1);
    // the member reaches nothing else: staff routes refuse, other members' data is not addressable
    expect(
      (await inject({ method: 'GET', url: `/api/v1/members/${other}/loyalty`, headers: member_ })).statusCode,
    ).toBe(403);
    expect((await inject({ method: 'GET', url: '/api/v1/members', headers: member_ })).statusCode).toBe(403);
    // staff cannot use the member centre as if they were a member
    expect((await inject({ method: 'GET', url: '/api/v1/me/loyalty', headers: owner.headers })).statusCode).toBe(403);
    // a revoked or forged token is refused
    await inject({ method: 'DELETE', url: `/api/v1/members/${m}/member-tokens`, headers: owner.headers });
    expect((await inject({ method: 'GET', url: '/api/v1/me/loyalty', headers: member_ })).statusCode).toBe(401);
    expect(
      (await inject({ method: 'GET', url: '/api/v1/me/loyalty', headers: { authorization: 'Bearer kithm_forged' } }))
        .statusCode,
    ).toBe(401);
    const operator = await staffSession(kith, 'operator');
    expect(
      (
        await inject({
          method: 'POST',
          url: `/api/v1/members/${m}/member-tokens`,
          headers: operator.headers,
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('null in request bodies', () => {
  it('keeps null as null for unlimited stock and the default keep threshold (not 0)', async () => {
    const inject = injector(kith);
    const owner = await staffSession(kith, 'owner');
    let r = await inject({
      method: 'POST',
      url: '/api/v1/loyalty/rewards',
      headers: owner.headers,
      payload: {
        nameZh: '会员日咖啡',
        nameEn: 'Member day coffee',
        type: 'gift',
        cost: 50,
        stock: null,
        perMemberLimit: null,
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ stock: null, available: null, perMemberLimit: null });
    r = await inject({
      method: 'POST',
      url: '/api/v1/loyalty/tiers',
      headers: owner.headers,
      payload: { nameZh: '黑金', nameEn: 'Black', threshold: 9000, keepThreshold: null },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ keepThreshold: null, effectiveKeepThreshold: 8100 });
    r = await inject({
      method: 'POST',
      url: '/api/v1/loyalty/tiers',
      headers: owner.headers,
      payload: { nameZh: '黑金2', nameEn: 'Black 2', threshold: 9500, keepThreshold: 0 },
    });
    expect(r.json()).toMatchObject({ keepThreshold: 0 });
    r = await inject({
      method: 'PATCH',
      url: '/api/v1/loyalty/programme',
      headers: owner.headers,
      payload: { pointsExpiryMonths: null },
    });
    expect(r.json().pointsExpiryMonths).toBeNull();
    r = await inject({
      method: 'PATCH',
      url: '/api/v1/loyalty/programme',
      headers: owner.headers,
      payload: { pointsExpiryMonths: 0 },
    });
    expect(r.statusCode).toBe(400);
  });
});
