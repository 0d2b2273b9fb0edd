import { decodeCursor, pageOf } from '../../kernel/pagination.js';
import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { KithError, invalid, notFound, type FieldProblem } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import type { JoinSource, MembershipRole } from './domain/community-rules.js';
import * as communities from './communities.repo.js';
import * as repo from './memberships.repo.js';
import { requirePermission, scopeOf, visibleOr404 } from './community-views.js';
import { memberProblems } from './member-checks.js';
import { getMemberSummaries, membersVisibleTo } from '../members/index.js';

/** A member's stay in a community as the API shows it. */
export interface Membership {
  membershipId: number;
  communityId: number;
  memberId: number;
  role: MembershipRole;
  joinSource: JoinSource;
  invitedByMemberId: number | null;
  joinedAt: Date;
  leftAt: Date | null;
}

export interface AddMemberItem {
  memberId: number;
  role?: MembershipRole;
  /** Defaults to `invited` when an inviter is named, otherwise `manual`. */
  source?: Exclude<JoinSource, 'activity'>;
  invitedByMemberId?: number | null;
  /** When they joined, for recording past joins; defaults to now. */
  joinedAt?: Date;
}

export const toMembership = (r: repo.StintRow): Membership => ({
  membershipId: r.id,
  communityId: r.community_id,
  memberId: r.member_id,
  role: r.role as MembershipRole,
  joinSource: r.join_source as JoinSource,
  invitedByMemberId: r.invited_by_member_id,
  joinedAt: r.joined_at,
  leftAt: r.left_at,
});
const auditView = (m: Membership) => JSON.parse(JSON.stringify(m)) as unknown;

const fail = (problems: FieldProblem[]) =>
  new KithError('VALIDATION_FAILED', problems.map((p) => `${p.path}: ${p.message}`).join('; '), { fields: problems });

export function createMembershipService(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const db = database.db;

  /** Locks the community for the rest of the transaction, after checking the actor may touch it. */
  async function lockVisible(tx: Tx, ctx: ActorContext, communityId: number) {
    return visibleOr404(ctx, await communities.lockCommunity(tx, communityId), communityId);
  }

  /**
   * Adds members to a community. Members already in it are reported, not re-added. The community
   * row is locked first, so concurrent adds queue up and the capacity holds: when the new members
   * would not fit, nobody in the request is added (409 CAPACITY_REACHED).
   */
  async function addMembers(ctx: ActorContext, communityId: number, items: AddMemberItem[]) {
    requirePermission(ctx, 'communities:write');
    const now = clock.now();
    const problems = itemProblems(items, now);
    if (problems.length) throw fail(problems);
    return database.transaction(async (tx) => {
      const community = await lockVisible(tx, ctx, communityId);
      if (community.archived_at) {
        throw new KithError(
          'COMMUNITY_ARCHIVED',
          `Community "${community.name}" is archived and takes no new members; unarchive it first`,
        );
      }
      const ids = items.map((i) => i.memberId);
      problems.push(
        ...(await memberProblems(
          tx,
          ctx,
          items.flatMap((it, i) => [
            { id: it.memberId, path: `items/${i}/memberId` },
            ...(it.invitedByMemberId ? [{ id: it.invitedByMemberId, path: `items/${i}/invitedByMemberId` }] : []),
          ]),
        )),
      );
      const current = new Set((await repo.currentStintsOf(tx, communityId, ids)).map((r) => r.member_id));
      const toAdd = items.filter((i) => !current.has(i.memberId));
      const lastLeft = await repo.lastLeaves(
        tx,
        communityId,
        toAdd.map((i) => i.memberId),
      );
      items.forEach((it, i) => {
        const left = lastLeft.get(it.memberId);
        if (left && !current.has(it.memberId) && (it.joinedAt ?? now) < left) {
          problems.push({
            path: `items/${i}/joinedAt`,
            message: `is before this member last left the community (${left.toISOString()})`,
          });
        }
      });
      if (problems.length) throw fail(problems);
      if (toAdd.length === 0) return { added: [] as Membership[], alreadyMembers: [...current] };

      const count = await repo.currentMemberCount(tx, communityId);
      if (community.capacity !== null && count + toAdd.length > community.capacity) {
        const room = Math.max(0, community.capacity - count);
        throw new KithError(
          'CAPACITY_REACHED',
          `Community "${community.name}" is full: its capacity is ${community.capacity} members, ${count} are in it, ` +
            `so ${room === 0 ? 'no one else' : `only ${room} more`} can join (${toAdd.length} asked for)`,
        );
      }
      const demoted = toAdd.some((i) => i.role === 'owner') ? await demoteOwners(tx, communityId, -1) : [];
      const rows = await repo.insertStints(
        tx,
        toAdd.map((i) => ({
          communityId,
          memberId: i.memberId,
          role: i.role ?? 'member',
          joinSource: i.source ?? (i.invitedByMemberId ? 'invited' : 'manual'),
          invitedByMemberId: i.invitedByMemberId ?? null,
          joinedAt: i.joinedAt ?? now,
          leftAt: null,
        })),
      );
      const added = rows.map(toMembership);
      await recordAudit(tx, ctx, {
        action: 'community.members_add',
        targetType: 'community',
        targetId: communityId,
        after: { added: added.map(auditView), alreadyMembers: [...current], demotedOwners: demoted },
      });
      return { added, alreadyMembers: [...current] };
    });
  }

  /** A group has one owner (群主): making someone owner hands the role over. */
  async function demoteOwners(tx: Tx, communityId: number, newOwnerId: number): Promise<number[]> {
    const owners = await repo.currentWithRole(tx, communityId, 'owner', newOwnerId);
    for (const o of owners) await repo.setStintRole(tx, o.id, 'member');
    return owners.map((o) => o.member_id);
  }

  /** Ends the member's current stint; the stint stays in their history. */
  async function removeMember(ctx: ActorContext, communityId: number, memberId: number): Promise<Membership> {
    requirePermission(ctx, 'communities:write');
    return database.transaction(async (tx) => {
      await lockVisible(tx, ctx, communityId);
      const stint = await repo.findCurrentStint(tx, communityId, memberId);
      if (!stint) throw notFound(`Member ${memberId} in community`, communityId);
      // Never before the join: a join recorded for later today must not make left_at < joined_at.
      const at = new Date(Math.max(clock.now().getTime(), stint.joined_at.getTime()));
      const closed = toMembership(await repo.closeStint(tx, stint.id, at));
      await recordAudit(tx, ctx, {
        action: 'community.member_remove',
        targetType: 'community_membership',
        targetId: stint.id,
        before: auditView(toMembership(stint)),
        after: auditView(closed),
      });
      return closed;
    });
  }

  async function changeRole(
    ctx: ActorContext,
    communityId: number,
    memberId: number,
    role: MembershipRole,
  ): Promise<Membership> {
    requirePermission(ctx, 'communities:write');
    return database.transaction(async (tx) => {
      await lockVisible(tx, ctx, communityId);
      const stint = await repo.findCurrentStint(tx, communityId, memberId);
      if (!stint) throw notFound(`Member ${memberId} in community`, communityId);
      if (stint.role === role) return toMembership(stint);
      const demoted = role === 'owner' ? await demoteOwners(tx, communityId, memberId) : [];
      const after = toMembership(await repo.setStintRole(tx, stint.id, role));
      await recordAudit(tx, ctx, {
        action: 'community.member_role',
        targetType: 'community_membership',
        targetId: stint.id,
        before: { memberId, role: stint.role },
        after: { memberId, role, demotedOwners: demoted },
      });
      return after;
    });
  }

  /** Current members, newest first, with an opaque cursor for the next page. */
  async function listMembers(
    ctx: ActorContext,
    communityId: number,
    q: { role?: MembershipRole; cursor?: string; limit?: number } = {},
  ) {
    visibleOr404(ctx, await communities.findCommunity(db, communityId), communityId);
    const limit = q.limit ?? 50;
    const rows = await repo.listCurrentMembers(db, communityId, {
      role: q.role,
      after: q.cursor ? decodeMembersCursor(q.cursor) : undefined,
      limit: limit + 1,
    });
    const { items: page, nextCursor } = pageOf(rows, limit, (last) => [last.joined_at_us, last.id]);
    const people = await getMemberSummaries(
      db,
      page.map((r) => r.member_id),
    );
    return {
      items: page.map((r) => ({
        membershipId: r.id,
        memberId: r.member_id,
        memberName: people.get(r.member_id)?.displayName ?? null,
        role: r.role as MembershipRole,
        joinSource: r.join_source as JoinSource,
        invitedByMemberId: r.invited_by_member_id,
        joinedAt: r.joined_at,
      })),
      nextCursor,
    };
  }

  /** Every stint of one member, in the communities the actor may see. */
  async function memberHistory(ctx: ActorContext, memberId: number) {
    // Out of scope answers like missing, so a manager cannot probe who exists elsewhere.
    if (!(await membersVisibleTo(db, ctx, [memberId])).has(memberId)) throw notFound('Member', memberId);
    const rows = await repo.memberHistory(db, memberId, scopeOf(ctx));
    return rows.map((r) => ({
      membershipId: r.id,
      communityId: r.community_id,
      communityName: r.community_name,
      channel: r.channel,
      role: r.role as MembershipRole,
      joinSource: r.join_source as JoinSource,
      invitedByMemberId: r.invited_by_member_id,
      joinedAt: r.joined_at,
      leftAt: r.left_at,
      current: r.left_at === null,
    }));
  }

  return { addMembers, removeMember, changeRole, listMembers, memberHistory };
}

function itemProblems(items: AddMemberItem[], now: Date): FieldProblem[] {
  const p: FieldProblem[] = [];
  const seen = new Set<number>();
  if (items.length === 0) p.push({ path: 'items', message: 'must name at least one member' });
  items.forEach((it, i) => {
    if (seen.has(it.memberId)) p.push({ path: `items/${i}/memberId`, message: `member ${it.memberId} is named twice` });
    seen.add(it.memberId);
    if (it.invitedByMemberId && it.source && it.source !== 'invited')
      p.push({
        path: `items/${i}/invitedByMemberId`,
        message: 'only applies to members who were invited (source invited)',
      });
    if (it.invitedByMemberId === it.memberId)
      p.push({ path: `items/${i}/invitedByMemberId`, message: 'a member cannot invite themselves' });
    if (it.joinedAt && it.joinedAt.getTime() > now.getTime())
      p.push({ path: `items/${i}/joinedAt`, message: 'cannot be in the future' });
  });
  if (items.filter((i) => i.role === 'owner').length > 1)
    p.push({ path: 'items', message: 'a group has one owner; name at most one' });
  return p;
}

/** Members page newest first on (joined at in microseconds, as the database printed it, id). */
function decodeMembersCursor(cursor: string): repo.MemberPageKey {
  const [joinedAtMicros, id] = decodeCursor(cursor, ['text', 'id']);
  if (!/^-?\d{1,20}$/.test(joinedAtMicros)) throw invalid('cursor', 'is not a cursor returned by this list');
  return { joinedAtMicros, id };
}
