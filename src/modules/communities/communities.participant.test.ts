import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestKith, type TestKith } from '../../../test/harness.js';
import { buildCommunity, buildMember, systemCtx } from './communities.test-support.js';
import { applyMembershipActivities, communitiesMemberParticipant, type MembershipActivity } from './index.js';

let kith: TestKith;
beforeAll(async () => {
  kith = await startTestKith();
});
afterAll(async () => {
  await kith?.dispose();
});

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const allStints = (communityIds: number[]) =>
  kith.database.db
    .selectFrom('community_memberships')
    .selectAll()
    .where('community_id', 'in', communityIds)
    .orderBy('id')
    .execute();
const allAdmins = (communityIds: number[]) =>
  kith.database.db
    .selectFrom('community_admins')
    .selectAll()
    .where('community_id', 'in', communityIds)
    .orderBy('id')
    .execute();
const spans = async (memberId: number, communityId: number) =>
  (await allStints([communityId]))
    .filter((s) => s.member_id === memberId)
    .map((s) => [s.joined_at.toISOString().slice(0, 10), s.left_at?.toISOString().slice(0, 10) ?? null, s.role]);

/**
 * Two profiles of one person (S survives, M is merged into S):
 *   X: M in since 20 Dec as admin, S since 1 Jan     → one current stay from 20 Dec, admin
 *   Y: only M, 1 Feb – 1 Mar, and M invited G there  → moves to S; G's inviter becomes S
 *   Z: S 1–10 Jan, M 5–20 Jan                        → one stay 1–20 Jan
 *   W: S 1–5 Jan, M from 1 Feb                       → two separate stays
 */
async function twoProfiles() {
  const [x, y, z, w] = [
    await buildCommunity(kith),
    await buildCommunity(kith),
    await buildCommunity(kith),
    await buildCommunity(kith),
  ];
  const s = await buildMember(kith, 'S');
  const m = await buildMember(kith, 'M');
  const g = await buildMember(kith, 'G');
  const join = (
    communityId: number,
    memberId: number,
    day: string,
    extra: Partial<MembershipActivity> = {},
  ): MembershipActivity => ({ communityId, memberId, kind: 'join', at: d(day), ...extra });
  const leave = (communityId: number, memberId: number, day: string): MembershipActivity => ({
    communityId,
    memberId,
    kind: 'leave',
    at: d(day),
  });
  await kith.database.transaction((tx) =>
    applyMembershipActivities(tx, [
      join(x.id, m, '2023-12-20'),
      join(x.id, s, '2024-01-01'),
      join(y.id, m, '2024-02-01'),
      leave(y.id, m, '2024-03-01'),
      join(y.id, g, '2024-02-10', { source: 'invited', invitedByMemberId: m }),
      join(z.id, s, '2024-01-01'),
      leave(z.id, s, '2024-01-10'),
      join(z.id, m, '2024-01-05'),
      leave(z.id, m, '2024-01-20'),
      join(w.id, s, '2024-01-01'),
      leave(w.id, s, '2024-01-05'),
      join(w.id, m, '2024-02-01'),
    ]),
  );
  await kith.communities.changeRole(systemCtx, x.id, m, 'admin');
  await kith.communities.update(systemCtx, x.id, { owner: { memberId: m }, admins: [{ memberId: s }] });
  await kith.communities.update(systemCtx, y.id, { admins: [{ memberId: m }] });
  return { x, y, z, w, s, m, g, ids: [x.id, y.id, z.id, w.id] };
}

describe('memberships when two members are merged', () => {
  it('folds overlapping stays into one coherent history and moves community roles', async () => {
    const { x, y, z, w, s, m, g, ids } = await twoProfiles();
    await kith.members.merge(systemCtx, s, m);

    expect(await spans(s, x.id)).toEqual([['2023-12-20', null, 'admin']]);
    expect(await spans(s, y.id)).toEqual([['2024-02-01', '2024-03-01', 'member']]);
    expect(await spans(s, z.id)).toEqual([['2024-01-01', '2024-01-20', 'member']]);
    expect(await spans(s, w.id)).toEqual([
      ['2024-01-01', '2024-01-05', 'member'],
      ['2024-02-01', null, 'member'],
    ]);
    expect((await allStints(ids)).filter((r) => r.member_id === m)).toEqual([]);
    expect((await allStints([y.id])).find((r) => r.member_id === g)?.invited_by_member_id).toBe(s);
    expect((await kith.communities.stats(systemCtx, x.id)).membersNow).toBe(1);

    const xView = await kith.communities.get(systemCtx, x.id);
    expect(xView.owner).toMatchObject({ memberId: s, role: 'owner' });
    expect(xView.admins).toEqual([]);
    expect((await kith.communities.get(systemCtx, y.id)).admins).toMatchObject([{ memberId: s }]);
  });

  it('undo puts back exactly the rows there were, ids included', async () => {
    const { s, m, ids } = await twoProfiles();
    const stintsBefore = await allStints(ids);
    const adminsBefore = await allAdmins(ids);
    const { mergeId } = await kith.members.merge(systemCtx, s, m);
    await kith.members.undo(systemCtx, mergeId);
    expect(await allStints(ids)).toEqual(stintsBefore);
    expect(await allAdmins(ids)).toEqual(adminsBefore);
  });

  it('refuses to undo when the survivor rejoined a community since, saying what to do', async () => {
    const { x, s, m } = await twoProfiles();
    const { mergeId } = await kith.members.merge(systemCtx, s, m);
    await kith.communities.removeMember(systemCtx, x.id, s);
    await kith.communities.addMembers(systemCtx, x.id, [{ memberId: s }]);
    await expect(kith.members.undo(systemCtx, mergeId)).rejects.toMatchObject({
      code: 'UNDO_NOT_POSSIBLE',
      message: expect.stringContaining(`community ${x.id}`),
    });
  });

  it("exports a member's stays and roles, and keeps them on erasure", async () => {
    const { x, s } = await twoProfiles();
    const exported = (await kith.database.transaction((tx) => communitiesMemberParticipant.exportData(tx, s))) as {
      memberships: { communityId: number; joinedAt: string; leftAt: string | null }[];
      communityRoles: { communityId: number; role: string }[];
    };
    expect(exported.memberships).toHaveLength(3); // S alone: in X, Z and W
    expect(exported.memberships.find((e) => e.communityId === x.id)).toMatchObject({
      joinedAt: '2024-01-01T00:00:00.000Z',
      leftAt: null,
      communityName: x.name,
    });
    expect(exported.communityRoles).toEqual([{ communityId: x.id, communityName: x.name, role: 'admin' }]);
    await kith.database.transaction((tx) => communitiesMemberParticipant.erase(tx, s));
    expect(await kith.communities.memberHistory(systemCtx, s)).toHaveLength(3);
  });
});

describe('current-member counts (migration 0020)', () => {
  it('equal a recount of current stays after every change made in this file: joins, leaves, roles, merges and their undo, erasure', async () => {
    const { s, m } = await twoProfiles();
    const merged = await kith.members.merge(systemCtx, s, m);
    await kith.members.undo(systemCtx, merged.mergeId);
    await kith.members.merge(systemCtx, s, m);
    const rows = (
      await sql<{ id: number; kept: number; counted: number }>`
      select c.id, coalesce(n.members, 0) as kept,
        (select count(*)::int from community_memberships x where x.community_id = c.id and x.left_at is null) as counted
      from communities c left join community_member_counts n on n.community_id = c.id order by c.id`.execute(
        kith.database.db,
      )
    ).rows;
    expect(rows.filter((r) => r.kept !== r.counted)).toEqual([]);
    expect(rows.filter((r) => r.counted > 0).length).toBeGreaterThan(4);
  });
});
