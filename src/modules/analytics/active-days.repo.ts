import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';

/**
 * What an active member-day (a row of `analytics_member_days` with meaningful > 0) adds to the two
 * aggregates derived from it. Each depends only on the row's day, the member's previous active day
 * in the same community (`prev`) and the member's join day there:
 * - `analytics_active_gaps`: one member on `day` with gap `day − prev` (400 when none or further
 *   back), from which distinct active members of any period up to 400 days are summed;
 * - `analytics_cohort_cells`: when the row is the member's first active day of its week (month),
 *   one member in the cell (cohort of the join week (month), weeks (months) since it).
 * A new active day changes its own contribution and the `prev` of the member's next active day:
 * the rollup's batches write exactly those changes (domain/contributions.ts, `upsertContributions`),
 * merges take a member's days out and put them back (`addContributions`), and recounts rebuild the
 * aggregates set-based (`recountGaps`, `recountCohortCells`, `recountCohorts`).
 */
export const MAX_GAP = 400;

/** Every member's join days, set-based: (c, m, joined) with c = 0 for the workspace. */
const joinDays = (tz: string) => sql`
  select 0::bigint as c, id as m, (created_at at time zone ${tz})::date as joined from members
  union all
  select community_id, member_id, (min(joined_at) at time zone ${tz})::date from community_memberships group by 1, 2`;

/** The join day a member's cells are placed by, as last synchronised (`syncJoins`). */
const storedJoin = sql`(select j.joined from analytics_member_joins j where j.community_id = r.c and j.member_id = r.m)`;

/**
 * The upserts adding contributions × sign to both aggregates, as two CTEs (`g`, `k`) reading the
 * rows `r(c, m, day, prev, joined, sign)`, a CTE of the statement they are part of (upserting; zero
 * cells are left in place and ignored by the readers). Weeks and months are cut on the dates as
 * plain timestamps: the same days as through the session's time zone, without converting each.
 */
export function contributionUpserts(parts = { gaps: true, cells: true }) {
  return sql`
    g as (
      insert into analytics_active_gaps as t (community_id, day, gap, members)
      select c, day, least(coalesce(day - prev, ${MAX_GAP}), ${MAX_GAP}), sum(sign)::int from r where ${parts.gaps} group by 1, 2, 3 order by 1, 2, 3
      on conflict (community_id, day, gap) do update set members = t.members + excluded.members),
    k as (
      insert into analytics_cohort_cells as t (community_id, grain, cohort, period, members)
      select c, grain, cohort, period, sum(sign)::int from (
        select c, sign, 'week' as grain, date_trunc('week', joined::timestamp)::date as cohort,
          (date_trunc('week', day::timestamp)::date - date_trunc('week', joined::timestamp)::date) / 7 as period
        from r where joined is not null and (prev is null or prev < date_trunc('week', day::timestamp)::date)
        union all
        select c, sign, 'month', date_trunc('month', joined::timestamp)::date,
          ((extract(year from day) - extract(year from joined)) * 12 + extract(month from day) - extract(month from joined))::int
        from r where joined is not null and (prev is null or prev < date_trunc('month', day::timestamp)::date)
      ) x where period >= 0 and ${parts.cells} group by 1, 2, 3, 4 order by 1, 2, 3, 4
      on conflict (community_id, grain, cohort, period) do update set members = t.members + excluded.members)`;
}

/** From rows `r(c, m, day, prev, joined, sign)`, the statement adding each row's contribution × its sign to both aggregates. */
export function upsertContributions(rows: RawBuilder<unknown>, parts = { gaps: true, cells: true }) {
  return sql`with r as materialized (${rows}), ${contributionUpserts(parts)} select 1`;
}

export interface MemberDay {
  c: number;
  m: number;
  day: string;
}

/** Adds (or with -1 subtracts) the contributions of these active member-days, as the rollup holds them now. */
export async function addContributions(
  tx: Tx,
  rows: MemberDay[],
  sign: 1 | -1,
  parts = { gaps: true, cells: true },
): Promise<void> {
  if (rows.length === 0) return;
  await upsertContributions(
    sql`
    select r.c, r.m, r.day,
      (select max(y.day) from analytics_member_days y where y.member_id = r.m and y.community_id = r.c and y.meaningful > 0 and y.day < r.day) as prev,
      ${storedJoin} as joined, ${sign}::int as sign
    from (select distinct q.c, q.m, q.day from json_to_recordset(${JSON.stringify(rows)}::json) as q(c bigint, m bigint, day date)
          join analytics_member_days x on x.community_id = q.c and x.day = q.day and x.member_id = q.m and x.meaningful > 0) r`,
    parts,
  ).execute(tx);
}

export interface JoinChange {
  c: number;
  m: number;
  joined: string | null;
}

/**
 * Brings the stored join days of these members (in these communities) up to date with their
 * profiles and stays, moving the cohort cells of each one whose join day changed (unless the
 * caller has taken those members' contributions out already: `moveCells: false`). Returns the
 * join days that changed.
 */
export async function syncJoins(
  tx: Tx,
  pairs: { c: number; m: number }[],
  tz: string,
  opts = { moveCells: true },
): Promise<JoinChange[]> {
  if (pairs.length === 0) return [];
  const r = await sql<{ c: number; m: number; joined: string | null }>`
    select q.c::int as c, q.m::int as m, q.joined::text as joined from (
      select q.c, q.m, case when q.c = 0 then (select (mb.created_at at time zone ${tz})::date from members mb where mb.id = q.m)
        else (select (min(cm.joined_at) at time zone ${tz})::date from community_memberships cm where cm.member_id = q.m and cm.community_id = q.c) end as joined
      from (select distinct c, m from json_to_recordset(${JSON.stringify(pairs)}::json) as q(c bigint, m bigint)) q) q
    left join analytics_member_joins j on j.community_id = q.c and j.member_id = q.m
    where j.member_id is null or j.joined is distinct from q.joined`.execute(tx);
  if (r.rows.length === 0) return [];
  const days = !opts.moveCells
    ? []
    : (
        await sql<MemberDay>`
    select d.community_id::int as c, d.member_id::int as m, d.day::text as day
    from json_to_recordset(${JSON.stringify(r.rows)}::json) as q(c bigint, m bigint)
    join analytics_member_days d on d.member_id = q.m and d.community_id = q.c and d.meaningful > 0`.execute(tx)
      ).rows;
  const cellsOnly = { gaps: false, cells: true };
  await addContributions(tx, days, -1, cellsOnly);
  await sql`
    insert into analytics_member_joins as j (community_id, member_id, joined)
    select c, m, joined from json_to_recordset(${JSON.stringify(r.rows)}::json) as q(c bigint, m bigint, joined date) order by 1, 2
    on conflict (community_id, member_id) do update set joined = excluded.joined`.execute(tx);
  await addContributions(tx, days, 1, cellsOnly);
  return r.rows;
}

/** Stores every member's join days afresh (before a recount places cells by them). */
async function refreshJoins(tx: Tx, tz: string): Promise<void> {
  await sql`truncate analytics_member_joins`.execute(tx);
  await sql`insert into analytics_member_joins (community_id, member_id, joined) ${joinDays(tz)}`.execute(tx);
}

/** Every active day of these members, in every community: what a merge moves. */
export async function activeDaysOf(tx: Tx, memberIds: number[]): Promise<MemberDay[]> {
  const r = await sql<MemberDay>`
    select community_id::int as c, member_id::int as m, day::text as day from analytics_member_days
    where member_id = any(${memberIds}::bigint[]) and meaningful > 0`.execute(tx);
  return r.rows;
}

const previousDays = (tz: string, withJoin: boolean) => sql`
  select r.c, r.m, r.day, r.prev, ${withJoin ? sql`j.joined` : sql`null::date`} as joined, 1 as sign from (
    select community_id as c, member_id as m, day, lag(day) over (partition by community_id, member_id order by day) as prev
    from analytics_member_days where meaningful > 0) r
  ${withJoin ? sql`left join analytics_member_joins j on j.community_id = r.c and j.member_id = r.m` : sql``}`;

/** Rebuilds the gap histogram from the whole rollup, set-based. */
export async function recountGaps(tx: Tx, tz: string): Promise<void> {
  await sql`truncate analytics_active_gaps`.execute(tx);
  await upsertContributions(previousDays(tz, false), { gaps: true, cells: false }).execute(tx);
}

/**
 * The nightly recount: join days can move after the activity that counted (a history import
 * backdates a stay), so the cohort cells are recounted from the rollup. The share lock waits for
 * batches being added and holds new ones back meanwhile, so none is counted twice or missed.
 */
export async function recountCohortCells(tx: Tx, tz: string): Promise<void> {
  await sql`lock table analytics_member_days in share mode`.execute(tx);
  await refreshJoins(tx, tz);
  await sql`truncate analytics_cohort_cells`.execute(tx);
  await upsertContributions(previousDays(tz, true), { gaps: false, cells: true }).execute(tx);
}

/**
 * Rebuilds the cohort cells from raw activities, set-based (part of a full rebuild, which holds
 * ingest back meanwhile): distinct member-weeks and member-months of meaningful activity, placed
 * by the member's join day.
 */
export async function recountCohorts(tx: Tx, tz: string, kinds: string[]): Promise<void> {
  await refreshJoins(tx, tz);
  await sql`delete from analytics_cohort_cells`.execute(tx);
  await sql`
    insert into analytics_cohort_cells (community_id, grain, cohort, period, members)
    select c, grain, cohort, period, count(*)::int from (
      select distinct c, m, grain, cohort, period from (
        select a.c, a.m, g.grain, date_trunc(g.grain, j.joined)::date as cohort,
          case g.grain when 'week' then (date_trunc('week', a.day)::date - date_trunc('week', j.joined)::date) / 7
            else ((extract(year from a.day) - extract(year from j.joined)) * 12 + extract(month from a.day) - extract(month from j.joined))::int end as period
        from (
          select community_id as c, member_id as m, (occurred_at at time zone ${tz})::date as day from activities
          where community_id is not null and kind = any(${kinds}::text[])
          union all
          select 0, member_id, (occurred_at at time zone ${tz})::date from activities where kind = any(${kinds}::text[])
        ) a
        join analytics_member_joins j on j.community_id = a.c and j.member_id = a.m and j.joined is not null
        cross join (values ('week'), ('month')) g(grain)
      ) x where period >= 0
    ) d group by 1, 2, 3, 4`.execute(tx);
}
