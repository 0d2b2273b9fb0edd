import { describe, expect, it } from 'vitest';
import { planStintMerge, type MergeStint } from './stint-merge.js';

const d = (day: number) => new Date(Date.UTC(2024, 0, day));
const SURVIVOR = 1,
  MERGED = 2;
const s = (
  id: number,
  memberId: number,
  from: number,
  to: number | null,
  role: MergeStint['role'] = 'member',
  communityId = 10,
): MergeStint => ({ id, communityId, memberId, role, joinedAt: d(from), leftAt: to === null ? null : d(to) });

describe('planStintMerge: one coherent history when two profiles are one person', () => {
  it("moves the merged member's stints where the survivor never was", () => {
    expect(planStintMerge([s(5, MERGED, 1, 3), s(6, MERGED, 5, null, 'member', 11)], SURVIVOR)).toEqual({
      moved: [5, 6],
      changed: [],
      absorbed: [],
    });
  });

  it('keeps separate stays apart: leaving and rejoining stays visible', () => {
    expect(planStintMerge([s(1, SURVIVOR, 1, 3), s(2, MERGED, 5, null)], SURVIVOR)).toEqual({
      moved: [2],
      changed: [],
      absorbed: [],
    });
  });

  it('folds two current stints into one, from the earlier join, with the higher role', () => {
    const plan = planStintMerge([s(1, SURVIVOR, 5, null, 'admin'), s(2, MERGED, 2, null, 'member')], SURVIVOR);
    expect(plan).toEqual({
      moved: [],
      changed: [{ id: 2, joinedAt: d(2), leftAt: null, role: 'admin' }],
      absorbed: [1],
    });
    // Nothing but the owner changes when the earlier row already has the higher role.
    expect(planStintMerge([s(1, SURVIVOR, 5, null), s(2, MERGED, 2, null, 'admin')], SURVIVOR)).toEqual({
      moved: [2],
      changed: [],
      absorbed: [1],
    });
  });

  it('a current stint absorbs an overlapping past one and stays current', () => {
    const plan = planStintMerge([s(1, SURVIVOR, 1, null), s(2, MERGED, 3, 8)], SURVIVOR);
    expect(plan).toEqual({ moved: [], changed: [], absorbed: [2] });
  });

  it('overlapping past stints become one ending at the later leave; a chain folds whole', () => {
    const plan = planStintMerge(
      [s(1, SURVIVOR, 1, 5), s(2, MERGED, 4, 9), s(3, SURVIVOR, 8, 12), s(4, MERGED, 20, null)],
      SURVIVOR,
    );
    expect(plan).toEqual({
      moved: [4],
      changed: [{ id: 1, joinedAt: d(1), leftAt: d(12), role: 'member' }],
      absorbed: [2, 3],
    });
  });

  it("on the same join moment the survivor's row is kept", () => {
    expect(planStintMerge([s(7, MERGED, 1, null), s(3, SURVIVOR, 1, null)], SURVIVOR)).toEqual({
      moved: [],
      changed: [],
      absorbed: [7],
    });
  });
});
