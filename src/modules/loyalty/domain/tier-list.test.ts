import { describe, expect, it } from 'vitest';
import { proposeThresholds, tierProblems } from './tiers.js';

const KINDS = ['message', 'check_in'];
const input = { nameZh: '金卡', nameEn: 'Gold', threshold: 500 };

describe('the tier list', () => {
  it('takes a tier with its own threshold above an entry tier at 0', () => {
    expect(tierProblems(input, [{ threshold: 0 }, { threshold: 100 }], KINDS)).toEqual([]);
  });

  it('names every field at fault', () => {
    const paths = tierProblems(
      { ...input, nameEn: ' ', threshold: 100, keepThreshold: 200 },
      [{ threshold: 100 }],
      KINDS,
    ).map((p) => p.path);
    expect(paths).toEqual(['/nameEn', '/threshold', '/threshold', '/keepThreshold']);
  });

  it('tries thresholds together, so two tiers may trade places', () => {
    const tiers = [
      { id: 1, threshold: 0, keepThreshold: null },
      { id: 2, threshold: 100, keepThreshold: null },
      { id: 3, threshold: 200, keepThreshold: 150 },
    ];
    const swap = proposeThresholds(tiers, [
      { tierId: 2, threshold: 200 },
      { tierId: 3, threshold: 100 },
    ]);
    expect(swap.next.map((t) => t.id)).toEqual([1, 3, 2]);
    // Tier 3 keeps members down to 150: a threshold of 100 would sit below that.
    expect(swap.problems).toEqual([]);
    expect(swap.keepProblems).toEqual([
      { path: '/thresholds/1/threshold', message: "must not be below the tier's keep threshold 150; lower that first" },
    ]);
    expect(proposeThresholds(tiers, [{ tierId: 2, threshold: 200 }]).problems[0]?.message).toMatch(/same growth value/);
    expect(proposeThresholds(tiers, [{ tierId: 1, threshold: 10 }]).problems[0]?.message).toMatch(/entry tier/);
    expect(proposeThresholds(tiers, [{ tierId: 9, threshold: 10 }]).unknown).toEqual([9]);
  });
});
