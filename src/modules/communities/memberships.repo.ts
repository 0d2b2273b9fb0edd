import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import type { JoinSource, MembershipRole } from './domain/community-rules.js';

/** SQL for memberships: one row per stint of a member in a community; current = left_at is null. */
export type StintRow = Awaited<ReturnType<typeof findCurrentStint>> & {};

/**
 * Locks communities in id order (a fixed order, so two batches never wait on each other in a cycle).
 * NO KEY UPDATE, not UPDATE: inserting an activity already holds a KEY SHARE lock on its community
 * (the foreign key check), and two batches each holding one would deadlock upgrading to UPDATE.
 */
export async function lockCommunities(tx: Tx, ids: number[]) {
  if (ids.length === 0) return;
  await sql`select id from communities where id = any(${ids}::bigint[]) order by id for no key update`.execute(tx);
}

export async function currentMemberCount(tx: Tx, communityId: number): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from community_memberships where community_id = ${communityId} and left_at is null`.execute(
    tx,
  );
  return r.rows[0]!.n;
}

export async function currentStintsOf(tx: Tx, communityId: number, memberIds: number[]) {
  if (memberIds.length === 0) return [];
  return tx
    .selectFrom('community_memberships')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('member_id', 'in', memberIds)
    .where('left_at', 'is', null)
    .execute();
}

/** When each of these members last left the community (absent = never left). */
export async function lastLeaves(tx: Tx, communityId: number, memberIds: number[]): Promise<Map<number, Date>> {
  if (memberIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom('community_memberships')
    .select(['member_id', (eb) => eb.fn.max('left_at').as('left_at')])
    .where('community_id', '=', communityId)
    .where('member_id', 'in', memberIds)
    .where('left_at', 'is not', null)
    .groupBy('member_id')
    .execute();
  return new Map(rows.map((r) => [r.member_id, r.left_at as Date]));
}

export interface NewStint {
  communityId: number;
  memberId: number;
  role: MembershipRole;
  joinSource: JoinSource;
  invitedByMemberId: number | null;
  joinedAt: Date;
  leftAt: Date | null;
}

/** Inserts any number of stints in one statement. */
export async function insertStints(tx: Tx, rows: NewStint[]): Promise<StintRow[]> {
  if (rows.length === 0) return [];
  const r = await sql<StintRow>`
    insert into community_memberships (community_id, member_id, role, join_source, invited_by_member_id, joined_at, left_at)
    select * from unnest(
      ${rows.map((x) => x.communityId)}::bigint[], ${rows.map((x) => x.memberId)}::bigint[], ${rows.map((x) => x.role)}::text[],
      ${rows.map((x) => x.joinSource)}::text[], ${rows.map((x) => x.invitedByMemberId)}::bigint[],
      ${rows.map((x) => x.joinedAt.toISOString())}::timestamptz[], ${rows.map((x) => x.leftAt?.toISOString() ?? null)}::timestamptz[])
    returning *`.execute(tx);
  return r.rows;
}

/** Rewrites the span and join source of any number of stints in one statement. */
export async function updateStintSpans(
  tx: Tx,
  rows: { id: number; joinedAt: Date; leftAt: Date | null; joinSource: JoinSource; invitedByMemberId: number | null }[],
) {
  if (rows.length === 0) return;
  await sql`
    update community_memberships m
    set joined_at = u.joined_at, left_at = u.left_at, join_source = u.join_source, invited_by_member_id = u.invited_by
    from unnest(
      ${rows.map((x) => x.id)}::bigint[], ${rows.map((x) => x.joinedAt.toISOString())}::timestamptz[],
      ${rows.map((x) => x.leftAt?.toISOString() ?? null)}::timestamptz[], ${rows.map((x) => x.joinSource)}::text[],
      ${rows.map((x) => x.invitedByMemberId)}::bigint[]) as u(id, joined_at, left_at, join_source, invited_by)
    where m.id = u.id`.execute(tx);
}

/** Which of the given pairs have never had a stint, as `community:member` keys. */
export async function pairsWithoutStints(
  tx: Tx,
  pairs: { communityId: number; memberId: number }[],
): Promise<Set<string>> {
  const json = JSON.stringify(pairs.map((p) => ({ c: p.communityId, m: p.memberId })));
  const r = await sql<{ c: number; m: number }>`
    select distinct q.c, q.m from json_to_recordset(${json}::json) as q(c bigint, m bigint)
    where not exists (select 1 from community_memberships m where m.community_id = q.c and m.member_id = q.m)`.execute(
    tx,
  );
  return new Set(r.rows.map((x) => `${x.c}:${x.m}`));
}

/** Every stint of the given (community, member) pairs. */
export async function stintsOfPairs(tx: Tx, pairs: { communityId: number; memberId: number }[]) {
  if (pairs.length === 0) return [];
  const r = await sql<StintRow>`
    select m.* from community_memberships m
    join (select distinct * from unnest(${pairs.map((p) => p.communityId)}::bigint[], ${pairs.map((p) => p.memberId)}::bigint[])) as p(community_id, member_id)
      on m.community_id = p.community_id and m.member_id = p.member_id`.execute(tx);
  return r.rows;
}

export async function findCurrentStint(db: Tx, communityId: number, memberId: number) {
  return db
    .selectFrom('community_memberships')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('member_id', '=', memberId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
}

export async function closeStint(tx: Tx, id: number, at: Date) {
  return tx
    .updateTable('community_memberships')
    .set({ left_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setStintRole(tx: Tx, id: number, role: MembershipRole) {
  return tx
    .updateTable('community_memberships')
    .set({ role })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setCurrentRoles(
  tx: Tx,
  rows: readonly { communityId: number; memberId: number; role: MembershipRole }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await sql`
    update community_memberships m set role = u.role
    from unnest(${rows.map((x) => x.communityId)}::bigint[], ${rows.map((x) => x.memberId)}::bigint[], ${rows.map((x) => x.role)}::text[])
      as u(community_id, member_id, role)
    where m.community_id = u.community_id and m.member_id = u.member_id and m.left_at is null and m.role <> u.role`.execute(
    tx,
  );
  return Number(r.numAffectedRows ?? 0);
}

/** Current holders of a role in the group, other than `exceptMemberId`. */
export async function currentWithRole(tx: Tx, communityId: number, role: MembershipRole, exceptMemberId: number) {
  return tx
    .selectFrom('community_memberships')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('role', '=', role)
    .where('left_at', 'is', null)
    .where('member_id', '!=', exceptMemberId)
    .execute();
}

export interface MemberPageKey {
  joinedAtMicros: string;
  id: number;
}

/**
 * Current members, most recent joiners first, keyset-paged on (joined_at, id). The key is carried
 * in microseconds, as PostgreSQL stores it, so no row is skipped or repeated between pages.
 */
export async function listCurrentMembers(
  db: Tx,
  communityId: number,
  o: { role?: MembershipRole; after?: MemberPageKey; limit: number },
) {
  let q = db
    .selectFrom('community_memberships as cm')
    .select(['cm.id', 'cm.member_id', 'cm.role', 'cm.join_source', 'cm.invited_by_member_id', 'cm.joined_at'])
    .select(sql<string>`(extract(epoch from cm.joined_at) * 1000000)::bigint::text`.as('joined_at_us'))
    .where('cm.community_id', '=', communityId)
    .where('cm.left_at', 'is', null);
  if (o.role) q = q.where('cm.role', '=', o.role);
  if (o.after) {
    const at = sql`timestamptz 'epoch' + ${o.after.joinedAtMicros}::bigint * interval '1 microsecond'`;
    q = q.where(sql<boolean>`(cm.joined_at, cm.id) < (${at}, ${o.after.id}::bigint)`);
  }
  return q.orderBy('cm.joined_at', 'desc').orderBy('cm.id', 'desc').limit(o.limit).execute();
}

/** Every stint of one member, newest first, limited to `scope` communities when given. */
export async function memberHistory(db: Tx, memberId: number, scope: number[] | null) {
  if (scope && scope.length === 0) return [];
  let q = db
    .selectFrom('community_memberships as cm')
    .innerJoin('communities as c', 'c.id', 'cm.community_id')
    .select([
      'cm.id',
      'cm.community_id',
      'c.name as community_name',
      'c.channel',
      'cm.role',
      'cm.join_source',
      'cm.invited_by_member_id',
      'cm.joined_at',
      'cm.left_at',
    ])
    .where('cm.member_id', '=', memberId);
  if (scope) q = q.where('cm.community_id', 'in', scope);
  return q.orderBy('cm.joined_at', 'desc').orderBy('cm.id', 'desc').execute();
}
