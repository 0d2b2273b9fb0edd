import type { Tx } from '../../kernel/db/database.js';
import type { JoinSource, MembershipRole } from './domain/community-rules.js';
import { planStints, type ObservedKind, type Stint } from './domain/stints.js';
import * as repo from './memberships.repo.js';

/** One observed activity of a member in a community, as the activity ingest path sees it. */
export interface MembershipActivity {
  communityId: number;
  memberId: number;
  kind: ObservedKind;
  at: Date;
  source?: JoinSource;
  invitedByMemberId?: number | null;
}

export interface MembershipActivityResult {
  /** Stints created (joins, and members first seen through their activity). */
  opened: number;
  /** Stints ended by a leave. */
  closed: number;
  /** Stints whose start moved earlier because older history arrived. */
  backdated: number;
}

/**
 * Keeps memberships in step with the activity stream, inside the caller's (ingest) transaction.
 * The rules per member and community are `planStints` (domain/stints.ts); this does the I/O in a
 * fixed number of statements whatever the batch size: lock the communities, load every stint of
 * the batch's (community, member) pairs, then one update and one insert.
 *
 * Capacity is not enforced: this records what happened on the channel, even in an over-full or
 * archived community. Locking the communities (in id order) makes concurrent batches and console
 * adds for the same community take turns, so two batches never open the same stint twice.
 */
export async function applyMembershipActivities(
  tx: Tx,
  rows: readonly MembershipActivity[],
): Promise<MembershipActivityResult> {
  const result: MembershipActivityResult = { opened: 0, closed: 0, backdated: 0 };
  if (rows.length === 0) return result;
  const byPair = new Map<string, MembershipActivity[]>();
  for (const r of rows) {
    const k = `${r.communityId}:${r.memberId}`;
    const list = byPair.get(k);
    if (list) list.push(r);
    else byPair.set(k, [r]);
  }
  // Most of a chat batch is messages of people already in the group: a pair with only ordinary
  // activity matters only if it has no stint at all, so such pairs are filtered out up front
  // (one anti-join) and neither locked nor loaded.
  const plain = [...byPair.entries()].filter(([, l]) => l.every((a) => a.kind === 'other'));
  if (plain.length) {
    const without = await repo.pairsWithoutStints(
      tx,
      plain.map(([, l]) => ({ communityId: l[0]!.communityId, memberId: l[0]!.memberId })),
    );
    for (const [k] of plain) if (!without.has(k)) byPair.delete(k);
  }
  if (byPair.size === 0) return result;
  await repo.lockCommunities(
    tx,
    [...new Set([...byPair.values()].map((l) => l[0]!.communityId))].sort((a, b) => a - b),
  );
  // Loaded after the lock, so a stint another batch opened meanwhile is seen here.
  const pairs = [...byPair.values()].map((l) => ({ communityId: l[0]!.communityId, memberId: l[0]!.memberId }));
  const existing = new Map<string, Stint[]>();
  for (const s of await repo.stintsOfPairs(tx, pairs)) {
    const k = `${s.community_id}:${s.member_id}`;
    const stint: Stint = {
      id: s.id,
      joinedAt: s.joined_at,
      leftAt: s.left_at,
      joinSource: s.join_source as JoinSource,
      invitedByMemberId: s.invited_by_member_id,
    };
    existing.set(k, [...(existing.get(k) ?? []), stint]);
  }

  const inserts: repo.NewStint[] = [];
  const updates: Parameters<typeof repo.updateStintSpans>[1] = [];
  for (const [k, activities] of byPair) {
    const { communityId, memberId } = activities[0]!;
    const plan = planStints(existing.get(k) ?? [], activities);
    for (const s of plan.inserts) {
      inserts.push({ ...s, communityId, memberId, role: 'member' });
      result.opened++;
      if (s.leftAt) result.closed++;
    }
    for (const u of plan.updates) {
      updates.push(u);
      if (u.closed) result.closed++;
      if (u.backdated) result.backdated++;
    }
  }
  // Updates first: they only close or backdate stints, so the inserts find no open stint in the way.
  await repo.updateStintSpans(tx, updates);
  await repo.insertStints(tx, inserts);
  return result;
}

/**
 * Sets the group role of many members' current stints in one statement, for bulk loads (an
 * import of group rosters, the demo). Members not currently in the community are skipped; the
 * caller audits the load as a whole. Returns how many stints changed.
 */
export async function setMembershipRoles(
  tx: Tx,
  rows: readonly { communityId: number; memberId: number; role: MembershipRole }[],
): Promise<number> {
  return repo.setCurrentRoles(tx, rows);
}
