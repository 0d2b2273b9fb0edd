import type { Tx } from '../../kernel/db/database.js';
import { KithError } from '../../kernel/errors.js';
import type { MemberDataParticipant } from '../members/index.js';
import { higherAdminRole, type AdminRole, type MembershipRole } from './domain/community-rules.js';
import { planStintMerge } from './domain/stint-merge.js';
import * as data from './member-data.repo.js';

/**
 * The communities module's part in member merges, exports and erasure.
 *
 * Merge: the merged member's stints move to the survivor, overlapping stints in one community are
 * folded into one (rules in domain/stint-merge.ts); memberships they invited now name the
 * survivor as inviter; owner/admin rows move, and where both held one in the same community the
 * survivor keeps one row with the higher role. The snapshot keeps every row as it was, so undo
 * puts back the same rows with the same ids.
 *
 * Erase: memberships and community roles are kept. They hold no personal content (who was in
 * which group, when), and the community's member counts of the past must not change.
 */
interface Snapshot {
  memberships: { moved: number[]; inviterOf: number[]; before: data.StintJson[] };
  admins: { moved: number[]; before: data.AdminJson[] };
}

async function move(tx: Tx, fromId: number, toId: number): Promise<Snapshot> {
  const stints = await data.stintsForMerge(tx, fromId, toId);
  const plan = planStintMerge(
    stints.map((r) => ({
      id: r.id,
      communityId: r.community_id,
      memberId: r.member_id,
      role: r.role as MembershipRole,
      joinedAt: new Date(r.joined_at),
      leftAt: r.left_at ? new Date(r.left_at) : null,
    })),
    toId,
  );
  const touched = new Set([...plan.changed.map((c) => c.id), ...plan.absorbed]);
  // Folded rows go first, so the kept row can become current without two current stints at once.
  await data.deleteStints(tx, plan.absorbed);
  await data.rewriteStints(tx, plan.changed, toId);
  await data.reassignStints(tx, plan.moved, fromId, toId);
  const inviterOf = await data.reassignInviter(tx, fromId, toId);

  const admins = await data.adminRowsForMerge(tx, fromId, toId);
  const adminMoved: number[] = [];
  const adminBefore: data.AdminJson[] = [];
  for (const a of admins.filter((x) => x.member_id === fromId)) {
    const mine = admins.find((b) => b.member_id === toId && b.community_id === a.community_id);
    if (!mine) {
      adminMoved.push(a.id);
      continue;
    }
    adminBefore.push(a);
    await data.deleteAdminRows(tx, [a.id]);
    const role = higherAdminRole(a.role as AdminRole, mine.role as AdminRole);
    if (role !== mine.role) {
      adminBefore.push(mine);
      await data.setAdminRole(tx, mine.id, role);
    }
  }
  await data.reassignAdminRows(tx, adminMoved, fromId, toId);
  return {
    memberships: { moved: plan.moved, inviterOf, before: stints.filter((s) => touched.has(s.id)) },
    admins: { moved: adminMoved, before: adminBefore },
  };
}

async function undoMove(tx: Tx, snapshot: unknown, fromId: number, toId: number): Promise<void> {
  const s = snapshot as Snapshot;
  await data.reassignStints(tx, s.memberships.moved, toId, fromId);
  await data.reassignInviter(tx, toId, fromId, s.memberships.inviterOf);
  await data.deleteStints(
    tx,
    s.memberships.before.map((r) => r.id),
  );
  const clashes = await data.openStintClashes(tx, s.memberships.before);
  if (clashes.length) {
    const c = clashes[0]!;
    throw new KithError(
      'UNDO_NOT_POSSIBLE',
      `Member ${c.member_id} joined community ${c.community_id} again after the merge, so their earlier stay there cannot be restored as current. ` +
        'Remove them from that community first, then undo the merge.',
    );
  }
  await data.insertStints(tx, s.memberships.before);
  await data.reassignAdminRows(tx, s.admins.moved, toId, fromId);
  await data.restoreAdminRows(tx, s.admins.before);
}

async function exportData(tx: Tx, memberId: number) {
  const memberships = await data.exportMemberships(tx, memberId);
  const roles = await data.exportAdminRoles(tx, memberId);
  return {
    memberships: memberships.map((m) => ({
      communityId: m.community_id,
      communityName: m.community_name,
      channel: m.channel,
      role: m.role,
      joinSource: m.join_source,
      invitedByMemberId: m.invited_by_member_id,
      joinedAt: m.joined_at.toISOString(),
      leftAt: m.left_at?.toISOString() ?? null,
    })),
    communityRoles: roles.map((r) => ({ communityId: r.community_id, communityName: r.community_name, role: r.role })),
  };
}

export const communitiesMemberParticipant: MemberDataParticipant = {
  name: 'communities',
  move,
  undoMove,
  exportData,
  erase: async () => {},
};
