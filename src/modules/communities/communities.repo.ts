import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import type { AdminRole, CommunityFields } from './domain/community-rules.js';
import type { Period } from './domain/period.js';

/** SQL for the community record, its owner and admins, and the per-community counts. */
export type CommunityRow = Awaited<ReturnType<typeof findCommunity>> & {};

const toColumns = (f: CommunityFields) => ({
  name: f.name,
  channel: f.channel,
  positioning_type: f.positioningType,
  goal: f.goal,
  stage: f.stage,
  description: f.description,
  rules_text: f.rules,
  capacity: f.capacity,
  external_id: f.externalId,
});

export async function findCommunity(db: Tx, id: number) {
  return db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the row until the transaction ends: adds to one community queue behind each other. NO KEY UPDATE so foreign-key checks of concurrent activity inserts are not blocked. */
export async function lockCommunity(tx: Tx, id: number) {
  return tx.selectFrom('communities').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

/** `now` omitted: the database clock stamps the row (importers have no clock of their own). */
export async function insertCommunity(tx: Tx, f: CommunityFields, now?: Date) {
  const stamps = now ? { created_at: now, updated_at: now } : {};
  return tx
    .insertInto('communities')
    .values({ ...toColumns(f), ...stamps })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateCommunity(tx: Tx, id: number, f: CommunityFields, now: Date) {
  return tx
    .updateTable('communities')
    .set({ ...toColumns(f), updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setArchived(tx: Tx, id: number, archivedAt: Date | null, now: Date) {
  return tx
    .updateTable('communities')
    .set({ archived_at: archivedAt, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findByExternal(db: Tx, channel: string, externalId: string) {
  return db
    .selectFrom('communities')
    .selectAll()
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** Same name on the same channel, ignoring case; a live community wins over an archived one. */
export async function findByName(db: Tx, channel: string, name: string) {
  return db
    .selectFrom('communities')
    .selectAll()
    .where('channel', '=', channel)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .orderBy(sql`archived_at is not null`)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** A community with this name on any channel, live ones first, then the oldest. */
export async function findByNameAnyChannel(db: Tx, name: string) {
  return db
    .selectFrom('communities')
    .selectAll()
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .orderBy(sql`archived_at is not null`)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Serialises "find or create by name" per (channel, name), so two imports make one community. */
export async function lockName(tx: Tx, channel: string, name: string) {
  await sql`select pg_advisory_xact_lock(4242100, hashtext(${`${channel}\n${name.toLowerCase()}`}))`.execute(tx);
}

export async function externalIdOwner(db: Tx, channel: string, externalId: string): Promise<number | null> {
  const r = await db
    .selectFrom('communities')
    .select('id')
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return r?.id ?? null;
}

export interface CommunityFilter {
  scope: number[] | null;
  channel?: string;
  positioningType?: string;
  goal?: string;
  stage?: string;
  archived: 'active' | 'archived' | 'all';
  q?: string;
  /** Keyset: communities with a smaller id than this (lists run newest first). */
  before?: number;
  limit: number;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listCommunities(db: Tx, f: CommunityFilter) {
  if (f.scope && f.scope.length === 0) return [];
  let q = db.selectFrom('communities').selectAll();
  if (f.scope) q = q.where('id', 'in', f.scope);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.positioningType) q = q.where('positioning_type', '=', f.positioningType);
  if (f.goal) q = q.where('goal', '=', f.goal);
  if (f.stage) q = q.where('stage', '=', f.stage);
  if (f.archived === 'active') q = q.where('archived_at', 'is', null);
  if (f.archived === 'archived') q = q.where('archived_at', 'is not', null);
  if (f.q) {
    const p = likePattern(f.q);
    q = q.where((eb) => eb.or([eb('name', 'ilike', p), eb('description', 'ilike', p), eb('external_id', 'ilike', p)]));
  }
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

export interface CommunityCounts {
  membersNow: number;
  joined: number;
  left: number;
}

/** Members now, and joins and leaves within the period, for several communities in one query. */
export async function countsFor(db: Tx, ids: number[], period: Period): Promise<Map<number, CommunityCounts>> {
  const out = new Map<number, CommunityCounts>();
  if (ids.length === 0) return out;
  const r = await sql<{ id: number; members_now: number; joined: number; left: number }>`
    select c.id,
      (select count(*) from community_memberships m where m.community_id = c.id and m.left_at is null)::int as members_now,
      (select count(*) from community_memberships m
        where m.community_id = c.id and m.joined_at >= ${period.from} and m.joined_at < ${period.to})::int as joined,
      (select count(*) from community_memberships m
        where m.community_id = c.id and m.left_at >= ${period.from} and m.left_at < ${period.to})::int as left
    from unnest(${ids}::bigint[]) as c(id)`.execute(db);
  for (const row of r.rows)
    out.set(Number(row.id), { membersNow: row.members_now, joined: row.joined, left: row.left });
  return out;
}

export interface TrendDay {
  date: string;
  joined: number;
  left: number;
  members: number;
}

/**
 * One row per day of the period, days cut in the workspace time zone by PostgreSQL itself.
 * `members` is the count at the end of the day: those in at the start of the period, plus the
 * running sum of joins minus leaves.
 */
export async function dailyTrend(db: Tx, communityId: number, period: Period, timeZone: string): Promise<TrendDay[]> {
  const r = await sql<{ date: string; joined: number; left: number; members: number }>`
    with days as (
      select d::date as day
      from generate_series(
        (${period.from}::timestamptz at time zone ${timeZone})::date,
        ((${period.to}::timestamptz - interval '1 microsecond') at time zone ${timeZone})::date,
        interval '1 day') as d
    ), joins as (
      select (joined_at at time zone ${timeZone})::date as day, count(*)::int as n
      from community_memberships
      where community_id = ${communityId} and joined_at >= ${period.from} and joined_at < ${period.to}
      group by 1
    ), leaves as (
      select (left_at at time zone ${timeZone})::date as day, count(*)::int as n
      from community_memberships
      where community_id = ${communityId} and left_at >= ${period.from} and left_at < ${period.to}
      group by 1
    ), base as (
      select count(*)::int as n
      from community_memberships
      where community_id = ${communityId} and joined_at < ${period.from} and (left_at is null or left_at >= ${period.from})
    )
    select to_char(days.day, 'YYYY-MM-DD') as date,
      coalesce(joins.n, 0) as joined,
      coalesce(leaves.n, 0) as left,
      (base.n + sum(coalesce(joins.n, 0) - coalesce(leaves.n, 0)) over (order by days.day))::int as members
    from days
    cross join base
    left join joins on joins.day = days.day
    left join leaves on leaves.day = days.day
    order by days.day`.execute(db);
  return r.rows;
}

// ───────────── owner and admins ─────────────

export interface AdminRef {
  staffId: number | null;
  memberId: number | null;
}

/** Owner and admins of several communities, with the name of the staff members among them. */
export async function adminsFor(db: Tx, communityIds: number[]) {
  if (communityIds.length === 0) return [];
  return db
    .selectFrom('community_admins as a')
    .leftJoin('staff_users as s', 's.id', 'a.staff_id')
    .select(['a.id', 'a.community_id', 'a.staff_id', 'a.member_id', 'a.role', 's.name as staff_name'])
    .where('a.community_id', 'in', communityIds)
    .orderBy(sql`a.role = 'owner'`, 'desc')
    .orderBy('a.id')
    .execute();
}

/** Replaces the owner and admins of a community with `entries`. */
export async function setAdmins(tx: Tx, communityId: number, entries: (AdminRef & { role: AdminRole })[]) {
  await tx.deleteFrom('community_admins').where('community_id', '=', communityId).execute();
  if (entries.length === 0) return;
  await tx
    .insertInto('community_admins')
    .values(
      entries.map((e) => ({ community_id: communityId, staff_id: e.staffId, member_id: e.memberId, role: e.role })),
    )
    .execute();
}

export async function existingStaffIds(db: Tx, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('staff_users')
    .select('id')
    .where('id', 'in', ids)
    .where('disabled_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}
