import { describe, expect, it } from 'vitest';
import {
  effectiveTier,
  evaluateTier,
  keepThreshold,
  progressToNext,
  promotionTarget,
  type DemotionSettings,
  type TierRule,
} from './tiers.js';

const bronze: TierRule = { id: 1, threshold: 0, keepThreshold: null, obligations: [] };
const silver: TierRule = { id: 2, threshold: 1000, keepThreshold: null, obligations: [] };
const gold: TierRule = {
  id: 3,
  threshold: 5000,
  keepThreshold: null,
  obligations: [{ type: 'min_activities', count: 4, kinds: ['message', 'check_in'] }],
};
const diamond: TierRule = { id: 4, threshold: 20000, keepThreshold: 15000, obligations: [] };
const tiers = [bronze, silver, gold, diamond];
const s: DemotionSettings = { keepRatioMilli: 900, graceDays: 30, maxDemotionSteps: 1 };
const now = new Date('2026-12-01T00:00:00+08:00');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const active = (n: number) => () => n;

describe('tier evaluation', () => {
  it('keeps growth above 90% of the threshold, or the explicit keep threshold', () => {
    expect(keepThreshold(silver, 900)).toBe(900);
    expect(keepThreshold({ ...silver, threshold: 1001 }, 900)).toBe(901); // rounded up: 900.9 is not kept by 900
    expect(keepThreshold(diamond, 900)).toBe(15000);
  });

  it.each([
    [null, 999, null],
    [null, 1000, 2],
    [2, 4999, null],
    [2, 25000, 4],
    [3, 1200, null],
  ])('promotes from tier %s with growth %i to %s at once', (from, growth, to) => {
    expect(promotionTarget(tiers, from, growth)?.id ?? null).toBe(to);
  });

  it('keeps a member inside the hysteresis band', () => {
    const r = evaluateTier(tiers, s, { tierId: 2, growth: 950, belowKeepSince: null, activityCount: active(0) }, now);
    expect(r).toEqual({ tierId: 2, belowKeepSince: null, change: null });
  });

  it('starts the grace period the first time growth is below the keep threshold', () => {
    const r = evaluateTier(tiers, s, { tierId: 2, growth: 899, belowKeepSince: null, activityCount: active(0) }, now);
    expect(r).toEqual({ tierId: 2, belowKeepSince: now, change: null });
  });

  it('forgives a member who came back above the keep threshold', () => {
    const r = evaluateTier(
      tiers,
      s,
      { tierId: 2, growth: 901, belowKeepSince: daysAgo(40), activityCount: active(0) },
      now,
    );
    expect(r.belowKeepSince).toBeNull();
    expect(r.change).toBeNull();
  });

  it('demotes one tier after the grace period, with the reason and values', () => {
    const r = evaluateTier(
      tiers,
      s,
      { tierId: 4, growth: 100, belowKeepSince: daysAgo(30), activityCount: active(10) },
      now,
    );
    expect(r.tierId).toBe(3);
    expect(r.change).toMatchObject({
      kind: 'demoted',
      fromTierId: 4,
      toTierId: 3,
      details: { growth: 100, keepThreshold: 15000 },
    });
    // still short at gold: the next evaluation may take the member down again
    expect(r.belowKeepSince).toEqual(now);
  });

  it('waits while the grace period runs', () => {
    const r = evaluateTier(
      tiers,
      s,
      { tierId: 4, growth: 100, belowKeepSince: daysAgo(29), activityCount: active(10) },
      now,
    );
    expect(r.change).toBeNull();
    expect(r.belowKeepSince).toEqual(daysAgo(29));
  });

  it('goes further down when configured, but not below the highest tier still kept', () => {
    const three = { ...s, maxDemotionSteps: 3 };
    expect(
      evaluateTier(
        tiers,
        three,
        { tierId: 4, growth: 100, belowKeepSince: daysAgo(31), activityCount: active(10) },
        now,
      ).tierId,
    ).toBe(1);
    expect(
      evaluateTier(
        tiers,
        three,
        { tierId: 4, growth: 950, belowKeepSince: daysAgo(31), activityCount: active(10) },
        now,
      ).tierId,
    ).toBe(2);
    expect(
      evaluateTier(
        tiers,
        { ...three, graceDays: 0 },
        { tierId: 4, growth: 950, belowKeepSince: null, activityCount: active(10) },
        now,
      ).tierId,
    ).toBe(2);
  });

  it('treats missed obligations like low growth', () => {
    const short = evaluateTier(
      tiers,
      s,
      { tierId: 3, growth: 9000, belowKeepSince: daysAgo(31), activityCount: active(3) },
      now,
    );
    expect(short.tierId).toBe(2);
    expect(short.change?.reason).toMatch(/obligations/);
    const met = evaluateTier(
      tiers,
      s,
      { tierId: 3, growth: 9000, belowKeepSince: daysAgo(31), activityCount: active(4) },
      now,
    );
    expect(met.change).toBeNull();
  });

  it('catches up a promotion at evaluation and never demotes the entry tier', () => {
    expect(
      evaluateTier(tiers, s, { tierId: 1, growth: 6000, belowKeepSince: null, activityCount: active(0) }, now).change
        ?.kind,
    ).toBe('promoted');
    expect(
      evaluateTier(tiers, s, { tierId: null, growth: 0, belowKeepSince: daysAgo(90), activityCount: active(0) }, now)
        .change,
    ).toBeNull();
    expect(
      evaluateTier([], s, { tierId: null, growth: 0, belowKeepSince: null, activityCount: active(0) }, now).tierId,
    ).toBeNull();
  });

  it('lets a valid manual tier win and the earned one return after it ends', () => {
    expect(effectiveTier(2, { tierId: 4, until: new Date('2026-12-31T16:00:00Z') }, now)).toEqual({
      tierId: 4,
      manual: true,
    });
    expect(effectiveTier(2, { tierId: 4, until: daysAgo(1) }, now)).toEqual({ tierId: 2, manual: false });
    expect(effectiveTier(2, { tierId: 4, until: null }, now)).toEqual({ tierId: 4, manual: true });
    expect(effectiveTier(2, { tierId: null, until: null }, now)).toEqual({ tierId: 2, manual: false });
  });

  it('shows the progress to the next tier', () => {
    expect(progressToNext(tiers, 2, 3000)).toEqual({ nextTierId: 3, needed: 2000, percent: 50 });
    expect(progressToNext(tiers, null, 250)).toEqual({ nextTierId: 2, needed: 750, percent: 25 });
    expect(progressToNext(tiers, 4, 30000)).toBeNull();
  });
});
