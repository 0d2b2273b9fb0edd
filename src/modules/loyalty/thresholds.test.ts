import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { injector, startTestKith, staffSession, systemCtx, type TestKith } from '../../../test/harness.js';
import { expectNoDrift, member, standardTiers } from './loyalty.test-support.js';
import { loadProgramme } from './programme.repo.js';

/**
 * Applying the thresholds tried in the preview: all at once, audited per tier, promotions at once
 * for growth that now reaches a higher tier, no demotion before the evaluation. Tiers: bronze 0,
 * silver 100, gold 500. Members: A with 120 growth (silver), B with 300 (silver), C with 40 (bronze).
 */
const clock = fixedClock('2026-12-01T10:00:00+08:00');
let kith: TestKith;
let tiers: Awaited<ReturnType<typeof standardTiers>>;
let A: number, B: number, C: number;

const grow = (memberId: number, growth: number) =>
  kith.database.transaction(async (tx) => {
    const p = await loadProgramme(tx);
    await kith.loyalty.ledger.credit(tx, p, [
      {
        memberId,
        kind: 'earn',
        points: 0,
        growth,
        reason: 'growth for the test',
        key: `g-${memberId}`,
        occurredAt: clock.now(),
        actor: 'test',
      },
    ]);
  });
const tierOf = async (m: number) => (await kith.loyalty.accounts.standing(systemCtx, m)).tier.current?.id;

beforeAll(async () => {
  kith = await startTestKith({ clock });
  tiers = await standardTiers(kith);
  A = await member(kith, '甲');
  B = await member(kith, '乙');
  C = await member(kith, '丙');
  await grow(A, 120);
  await grow(B, 300);
  await grow(C, 40);
});
afterAll(async () => {
  await kith?.dispose();
});

describe('applying proposed thresholds', () => {
  it('saves them together, promotes whom the lowered gold now admits, and demotes nobody before the evaluation', async () => {
    expect([await tierOf(A), await tierOf(B), await tierOf(C)]).toEqual([
      tiers.silver.id,
      tiers.silver.id,
      tiers.bronze.id,
    ]);
    const preview = await kith.loyalty.tiers.preview([
      { tierId: tiers.silver.id, threshold: 200 },
      { tierId: tiers.gold.id, threshold: 250 },
    ]);
    const owner = await staffSession(kith, 'owner');
    const r = await injector(kith)({
      method: 'POST',
      url: '/api/v1/loyalty/tiers/thresholds',
      headers: owner.headers,
      payload: {
        thresholds: [
          { tierId: tiers.silver.id, threshold: 200 },
          { tierId: tiers.gold.id, threshold: 250 },
        ],
      },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items.map((t: { threshold: number }) => t.threshold)).toEqual([0, 200, 250]);
    // B (300) reaches gold at 250 now; A (120) is below silver's 200 but keeps silver until an evaluation says otherwise.
    expect(r.json().promoted).toBe(1);
    expect([await tierOf(A), await tierOf(B), await tierOf(C)]).toEqual([
      tiers.silver.id,
      tiers.gold.id,
      tiers.bronze.id,
    ]);
    expect((await kith.loyalty.accounts.standing(systemCtx, B)).history[0]).toMatchObject({
      change: 'promoted',
      toTierId: tiers.gold.id,
      details: { growth: 300, threshold: 250 },
    });
    // What the preview said gold would hold, it holds: B.
    expect(preview.find((x) => x.tierId === tiers.gold.id)!.proposedMembers).toBe(1);
    const audit = await sql<{ target_id: string; before: { threshold: number }; after: { threshold: number } }>`
      select target_id, before, after from audit_log where action = 'loyalty.tier.update' order by id`.execute(
      kith.database.db,
    );
    expect(audit.rows.map((x) => [Number(x.target_id), x.before.threshold, x.after.threshold])).toEqual([
      [tiers.silver.id, 100, 200],
      [tiers.gold.id, 500, 250],
    ]);
    await expectNoDrift(kith);
  });

  it('lets two tiers trade places in one go, and refuses a list that cannot hold, naming the field', async () => {
    const swapped = await kith.loyalty.tiers.applyThresholds(systemCtx, [
      { tierId: tiers.silver.id, threshold: 250 },
      { tierId: tiers.gold.id, threshold: 200 },
    ]);
    expect(swapped.items.map((t) => [t.id, t.threshold])).toEqual([
      [tiers.bronze.id, 0],
      [tiers.gold.id, 200],
      [tiers.silver.id, 250],
    ]);
    await kith.loyalty.tiers.applyThresholds(systemCtx, [
      { tierId: tiers.silver.id, threshold: 100 },
      { tierId: tiers.gold.id, threshold: 500 },
    ]);
    await expect(
      kith.loyalty.tiers.applyThresholds(systemCtx, [{ tierId: tiers.silver.id, threshold: 500 }]),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: '/thresholds' }] });
    await expect(
      kith.loyalty.tiers.applyThresholds(systemCtx, [{ tierId: tiers.bronze.id, threshold: 5 }]),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      kith.loyalty.tiers.applyThresholds(systemCtx, [{ tierId: 999_999, threshold: 5 }]),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const withKeep = await kith.loyalty.tiers.update(systemCtx, tiers.gold.id, {
      nameZh: '金牌会员',
      nameEn: 'Gold',
      threshold: 500,
      keepThreshold: 450,
    });
    expect(withKeep.keepThreshold).toBe(450);
    await expect(
      kith.loyalty.tiers.applyThresholds(systemCtx, [
        { tierId: tiers.silver.id, threshold: 120 },
        { tierId: tiers.gold.id, threshold: 400 },
      ]),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: '/thresholds/1/threshold' }] });
    // Nothing of a refused list was saved.
    expect((await kith.loyalty.tiers.list()).map((t) => t.threshold)).toEqual([0, 100, 500]);
  });

  it('is for those who manage the programme: an analyst is refused', async () => {
    const analyst = await staffSession(kith, 'analyst');
    const r = await injector(kith)({
      method: 'POST',
      url: '/api/v1/loyalty/tiers/thresholds',
      headers: analyst.headers,
      payload: { thresholds: [] },
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('editing one tier', () => {
  it('takes one change of the tier list at a time: of two tiers created at once at one threshold, one is refused naming the field', async () => {
    const make = (name: string) =>
      kith.loyalty.tiers.create(systemCtx, { nameZh: name, nameEn: name, threshold: 5_000 });
    const results = await Promise.allSettled([make('Platinum'), make('Diamond')]);
    const made = results.filter((r) => r.status === 'fulfilled');
    expect(made).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: '/threshold' }],
    });
    await kith.loyalty.tiers.remove(systemCtx, (made[0] as PromiseFulfilledResult<{ id: number }>).value.id);
    expect((await kith.loyalty.tiers.list()).map((t) => t.threshold)).toEqual([0, 100, 500]);
  });

  it('promotes at once whom a lowered threshold admits, and demotes nobody when it is raised again', async () => {
    expect(await tierOf(A)).toBe(tiers.silver.id); // 120 growth
    const gold = { nameZh: '金牌会员', nameEn: 'Gold', keepThreshold: null };
    await kith.loyalty.tiers.update(systemCtx, tiers.gold.id, { ...gold, threshold: 110 });
    expect(await tierOf(A)).toBe(tiers.gold.id);
    expect((await kith.loyalty.accounts.standing(systemCtx, A)).history[0]).toMatchObject({
      change: 'promoted',
      toTierId: tiers.gold.id,
      details: { growth: 120, threshold: 110 },
    });
    await kith.loyalty.tiers.update(systemCtx, tiers.gold.id, { ...gold, threshold: 500 });
    expect(await tierOf(A)).toBe(tiers.gold.id);
    expect(await tierOf(C)).toBe(tiers.bronze.id);
    await expectNoDrift(kith);
  });
});
