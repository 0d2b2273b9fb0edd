import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import { countedMember, internalAccountIds } from '../members/index.js';

/**
 * The overview's SQL. Everything here is read-only and reads other modules' tables, joined where
 * the figure naturally is a join:
 *   - members (members module): totals, growth, last-active counts;
 *   - activities (activity module): messages and active members per day;
 *   - communities, community_memberships (communities module): joins and leaves, and the scope of
 *     a community manager.
 * Days are cut by PostgreSQL with `at time zone`, exactly like the communities trend, so a figure
 * here and the list behind it agree on which day an instant belongs to.
 */

/** Communities a community manager is limited to, or null for workspace-wide staff. */
export type Scope = number[] | null;

/** A member counted in member figures (live, not the brand's own account) that the actor may see. */
function visibleMember(scope: Scope): RawBuilder<boolean> {
  if (scope === null) return countedMember('m');
  return sql<boolean>`${countedMember('m')} and exists (select 1 from community_memberships sc where sc.member_id = m.id and sc.community_id = any(${scope}::bigint[]))`;
}

/** Activities a community manager may see: in their communities, or community-less ones of their members. */
function visibleActivity(scope: Scope): RawBuilder<boolean> {
  if (scope === null) return sql<boolean>`true`;
  return sql<boolean>`(a.community_id = any(${scope}::bigint[]) or (a.community_id is null and exists (
    select 1 from community_memberships sc where sc.member_id = a.member_id and sc.community_id = any(${scope}::bigint[]))))`;
}

/** The instant a workspace day starts. */
const dayStart = (date: string | RawBuilder<unknown>, tz: string) =>
  sql<Date>`((${date})::date::timestamp at time zone ${tz})`;

export interface MemberTotals {
  total: number;
  atStart: number;
  atEnd: number;
  joined: number;
  active7: number;
  active30: number;
}

export interface Bounds {
  periodStart: Date;
  periodEnd: Date;
  since7: Date;
  since30: Date;
  days: { date: string; start: Date; end: Date }[];
}

/** The instants the period, its days and the 7 and 30 days up to today start and end at, cut in the workspace's zone. */
export async function bounds(
  tx: Tx,
  p: { from: string; to: string; today: string; timeZone: string },
): Promise<Bounds> {
  const tz = p.timeZone;
  const r = await sql<{ date: string; start: Date; end: Date; since7: Date; since30: Date }>`
    select to_char(d, 'YYYY-MM-DD') as date, ${dayStart(sql`d::date`, tz)} as start, ${dayStart(sql`d::date + 1`, tz)} as end,
      ${dayStart(sql`${p.today}::date - 6`, tz)} as since7, ${dayStart(sql`${p.today}::date - 29`, tz)} as since30
    from generate_series(${p.from}::date, ${p.to}::date, interval '1 day') as d order by d`.execute(tx);
  const first = r.rows[0]!;
  return {
    periodStart: first.start,
    periodEnd: r.rows.at(-1)!.end,
    since7: first.since7,
    since30: first.since30,
    days: r.rows.map((x) => ({ date: x.date, start: x.start, end: x.end })),
  };
}

/**
 * Member counts of a community manager's scope, counted from the rows (the workspace's come from
 * the analytics rollups): live members now, before the period, at its end, created within it, and
 * active — meaningful activity they may see, the definition every report uses — in the last 7 and
 * 30 days up to the end of today.
 */
export async function scopedTotals(
  tx: Tx,
  p: { from: string; to: string; today: string; timeZone: string; scope: number[]; kinds: string[] },
): Promise<MemberTotals> {
  const tz = p.timeZone;
  const active = (since: RawBuilder<Date>) => sql<number>`(
    select count(distinct a.member_id) from activities a join members m on m.id = a.member_id and ${visibleMember(p.scope)}
    where a.occurred_at >= ${since} and a.occurred_at < ${dayStart(sql`${p.today}::date + 1`, tz)} and a.kind = any(${p.kinds}::text[]) and ${visibleActivity(p.scope)})`;
  const r = await sql<MemberTotals>`
    with b as (select ${dayStart(p.from, tz)} as start_at, ${dayStart(sql`${p.to}::date + 1`, tz)} as end_at)
    select
      count(m.id)::int as total,
      count(m.id) filter (where m.created_at < b.start_at)::int as "atStart",
      count(m.id) filter (where m.created_at < b.end_at)::int as "atEnd",
      count(m.id) filter (where m.created_at >= b.start_at and m.created_at < b.end_at)::int as joined,
      ${active(dayStart(sql`${p.today}::date - 6`, tz))}::int as active7,
      ${active(dayStart(sql`${p.today}::date - 29`, tz))}::int as active30
    from b left join members m on ${visibleMember(p.scope)}
    group by b.start_at, b.end_at`.execute(tx);
  return r.rows[0]!;
}

export interface DayRow {
  date: string;
  start: Date;
  end: Date;
  newMembers: number;
  totalMembers: number;
  messages: number;
  activeMembers: number;
}

/**
 * One row per day of the period in a community manager's scope: members created that day and the
 * running total at its end, messages sent, and distinct members with meaningful activity that day.
 */
export async function scopedDaily(
  tx: Tx,
  p: { from: string; to: string; timeZone: string; scope: number[]; atStart: number; kinds: string[] },
): Promise<DayRow[]> {
  const tz = p.timeZone;
  const start = dayStart(p.from, tz);
  const end = dayStart(sql`${p.to}::date + 1`, tz);
  const r = await sql<DayRow>`
    with days as (
      select d::date as day from generate_series(${p.from}::date, ${p.to}::date, interval '1 day') as d
    ), joins as (
      select (m.created_at at time zone ${tz})::date as day, count(*)::int as n
      from members m
      where ${visibleMember(p.scope)} and m.created_at >= ${start} and m.created_at < ${end}
      group by 1
    ), acts as (
      select (a.occurred_at at time zone ${tz})::date as day,
        count(*) filter (where a.kind = 'message')::int as messages,
        count(distinct a.member_id) filter (where a.kind = any(${p.kinds}::text[]))::int as active
      from activities a
      where a.occurred_at >= ${start} and a.occurred_at < ${end} and ${visibleActivity(p.scope)}
        and a.member_id not in ${internalAccountIds()}
      group by 1
    )
    select to_char(days.day, 'YYYY-MM-DD') as date,
      ${dayStart(sql`days.day`, tz)} as start,
      ${dayStart(sql`days.day + 1`, tz)} as end,
      coalesce(joins.n, 0) as "newMembers",
      (${p.atStart} + sum(coalesce(joins.n, 0)) over (order by days.day))::int as "totalMembers",
      coalesce(acts.messages, 0) as messages,
      coalesce(acts.active, 0) as "activeMembers"
    from days
    left join joins on joins.day = days.day
    left join acts on acts.day = days.day
    order by days.day`.execute(tx);
  return r.rows;
}

export interface CommunityFlow {
  id: number;
  name: string;
  joined: number;
  left: number;
  membersNow: number;
}

/**
 * Joins and leaves within the period per community (archived ones left out), busiest first, and
 * current members from the counts the memberships' triggers keep (migration 0020).
 */
export async function communityFlows(
  tx: Tx,
  p: { from: string; to: string; timeZone: string; scope: Scope },
): Promise<CommunityFlow[]> {
  const tz = p.timeZone;
  const start = dayStart(p.from, tz);
  const end = dayStart(sql`${p.to}::date + 1`, tz);
  const r = await sql<CommunityFlow>`
    select c.id, c.name,
      (select count(*) from community_memberships cm
        where cm.community_id = c.id and cm.joined_at >= ${start} and cm.joined_at < ${end})::int as joined,
      (select count(*) from community_memberships cm
        where cm.community_id = c.id and cm.left_at >= ${start} and cm.left_at < ${end})::int as left,
      coalesce(n.members, 0) as "membersNow"
    from communities c
    left join community_member_counts n on n.community_id = c.id
    where c.archived_at is null ${p.scope === null ? sql`` : sql`and c.id = any(${p.scope}::bigint[])`}
    order by joined desc, "membersNow" desc, c.id`.execute(tx);
  return r.rows;
}

export interface MessageRow {
  id: number;
  memberId: number;
  communityId: number | null;
  communityName: string | null;
  occurredAt: Date;
  text: string | null;
}

/**
 * Messages within [from, to), newest first, keyset-paged on (occurred_at, id) — the list behind a
 * day of the messages chart. Served by activities_time_idx.
 */
export async function messages(
  tx: Tx,
  p: { from: Date; to: Date; scope: Scope; before: { at: Date; id: number } | null; limit: number },
): Promise<MessageRow[]> {
  const r = await sql<MessageRow>`
    select a.id, a.member_id as "memberId", a.community_id as "communityId", c.name as "communityName",
      a.occurred_at as "occurredAt", a.properties->>'text' as text
    from activities a
    left join communities c on c.id = a.community_id
    where a.kind = 'message' and a.occurred_at >= ${p.from} and a.occurred_at < ${p.to} and ${visibleActivity(p.scope)}
      ${p.before ? sql`and (a.occurred_at, a.id) < (${p.before.at}::timestamptz, ${p.before.id}::bigint)` : sql``}
    order by a.occurred_at desc, a.id desc
    limit ${p.limit}`.execute(tx);
  return r.rows;
}
