import { describe, expect, it } from 'vitest';
import { findings, healthParts, healthScore, weakestPart } from './health.js';

describe('community health', () => {
  it('scores each part and weighs the ones present', () => {
    // 100 → 110 members (+10 % → 75), 33 of 110 active (30 % → 60), 20 of 40 retained (50).
    const parts = healthParts({
      membersStart: 100,
      membersEnd: 110,
      active: 33,
      activePrevious: 40,
      retained: 20,
      sentiment: null,
    });
    expect(parts.map((p) => p.score)).toEqual([75, 60, 50, null]);
    expect(healthScore(parts)).toBe(Math.round((75 * 30 + 60 * 40 + 50 * 30) / 100)); // 61.5 → 62
    expect(weakestPart(parts)).toBe('retention');
  });

  it("finds every weak part, weakest first, with the community's own figures", () => {
    const x = { membersStart: 200, membersEnd: 190, active: 19, activePrevious: 40, retained: 10, sentiment: null };
    // −5 % → 37.5; 19 of 190 = 10 % → 20; 10 of 40 = 25 % → 25.
    expect(findings(healthParts(x), x)).toEqual([
      { part: 'activity', score: 20, params: { active: 19, members: 190, rate: 10 } },
      { part: 'retention', score: 25, params: { previous: 40, retained: 10, rate: 25 } },
      { part: 'growth', score: 38, params: { start: 200, end: 190, change: -5 } },
    ]);
    const healthy = {
      membersStart: 100,
      membersEnd: 120,
      active: 80,
      activePrevious: 50,
      retained: 45,
      sentiment: null,
    };
    expect(findings(healthParts(healthy), healthy)).toEqual([]);
  });

  it('caps the parts and leaves out what cannot be measured', () => {
    const parts = healthParts({
      membersStart: 0,
      membersEnd: 12,
      active: 12,
      activePrevious: 0,
      retained: 0,
      sentiment: null,
    });
    expect(parts.map((p) => p.score)).toEqual([100, 100, null, null]);
    expect(healthScore(parts)).toBe(100);
    expect(weakestPart(parts)).toBeNull();
    expect(
      healthScore(
        healthParts({ membersStart: 0, membersEnd: 0, active: 0, activePrevious: 0, retained: 0, sentiment: null }),
      ),
    ).toBeNull();
    expect(
      healthParts({ membersStart: 10, membersEnd: 5, active: 0, activePrevious: 3, retained: 0, sentiment: 40 }).map(
        (p) => p.score,
      ),
    ).toEqual([0, 0, 0, 40]);
  });
});
