import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import { settleQueuedEvents } from '../../kernel/jobs.js';
import {
  activeDaysOf,
  addContributions,
  contributionUpserts,
  recountCohorts,
  recountGaps,
  syncJoins,
  upsertContributions,
  type JoinChange,
  type MemberDay,
} from './active-days.repo.js';
import {
  contributionChanges,
  replacedContributions,
  type BatchDay,
  type Contribution,
} from './domain/contributions.js';

/**
 * The per-member-per-day rollup, `analytics_member_days`, kept from the activity stream, with what
 * is derived from it: totals per community and day (`analytics_community_days`), and the gap
 * histogram and cohort cells of active member-days (active-days.ts). Each ingested batch is added
 * after it commits; `rebuild` recomputes everything from raw history (after a change of time zone
 * or of the meaningful kinds, or for history loaded before analytics existed); a merge moves a
 * member's rows, and its undo moves them back. The `activities` table belongs to the activity
 * module and is only read here.
 */
const counts = (tz: string, kinds: string[]) => sql`
  select c as community_id, (occurred_at at time zone ${tz})::date as day, member_id,
    count(*)::int as activities,
    count(*) filter (where kind = any(${kinds}::text[]))::int as meaningful,
    count(*) filter (where kind = 'message')::int as messages
  from (
    select member_id, community_id as c, occurred_at, kind from src where community_id is not null
    union all
    select member_id, 0, occurred_at, kind from src
  ) x
  group by 1, 2, 3`;

/** The job queue of the rollup subscriber (see analytics.jobs.ts). */
/** The subscriber that keeps the rollups (analytics.jobs.ts). */
export const ROLLUP_SUBSCRIBER = 'analytics-rollups';

export interface DayRow {
  community_id: number;
  day: string;
  activities: number;
  meaningful: number;
  messages: number;
}

/**
 * Adds the activities with these ids (each id once: the outbox delivers a batch once). One
 * statement adds the batch's counts, finds each member-day the batch makes active with the
 * member's active days before and after it as the rollup was before it (every part of a statement
 * sees the same snapshot), and writes the changes those make to the gaps and cells
 * (domain/contributions.ts, `contributionChanges`, set-based here), without a round trip through
 * Kith. It leaves out, and returns, the members whose stays the batch may open or backdate: when a
 * join day did move, that member's contributions are taken out as they were and put back as they
 * now are. In the live stream no join day moves: one statement per batch (or backlog of batches).
 */
export async function addActivities(tx: Tx, ids: number[], tz: string, kinds: string[]): Promise<void> {
  if (ids.length === 0) return;
  const { lo, hi } = idRanges(ids);
  const r = await sql<BatchDay & { moved: boolean }>`
    -- A batch's ids are consecutive but for the odd gap: its rows are read as ranges of the primary
    -- key, not by testing every activity against the list. Each activity is counted in one pass for
    -- its community and the workspace (0); one outside any community for the workspace only.
    with src as (
      select a.member_id, a.community_id, (a.occurred_at at time zone ${tz})::date as day, a.kind
      from unnest(${lo}::bigint[], ${hi}::bigint[]) as q(lo, hi) join activities a on a.id between q.lo and q.hi),
    n as materialized (
      select coalesce(community_id, 0) as community_id, day, member_id,
        count(*)::int as activities,
        count(*) filter (where kind = any(${kinds}::text[]))::int as meaningful,
        count(*) filter (where kind = 'message')::int as messages
      from src
      group by grouping sets ((community_id, day, member_id), (day, member_id))
      having grouping(community_id) = 1 or community_id is not null),
    t as (
      insert into analytics_community_days as d (community_id, day, activities, meaningful, messages)
      select community_id, day, sum(activities)::int, sum(meaningful)::int, sum(messages)::int from n group by 1, 2 order by 1, 2
      on conflict (community_id, day) do update set
        activities = d.activities + excluded.activities, meaningful = d.meaningful + excluded.meaningful, messages = d.messages + excluded.messages),
    u as (
      insert into analytics_member_days as d (community_id, day, member_id, activities, meaningful, messages)
      select community_id, day, member_id, activities, meaningful, messages from n order by 1, 2, 3
      on conflict (community_id, day, member_id) do update set
        activities = d.activities + excluded.activities,
        meaningful = d.meaningful + excluded.meaningful,
        messages = d.messages + excluded.messages
      returning community_id, day, member_id, meaningful),
    -- The statement joins no two of its own results (the planner cannot count their rows and might
    -- pair every row with every other): a day the batch makes active, its meaningful count now all
    -- the batch's (none before), is found by one aggregate over the batch's counts and the upsert's.
    e as (
      select c, m, day, sum(cur) = sum(bat) and sum(bat) > 0 as fresh
      from (
        select community_id as c, member_id as m, day, meaningful as bat, 0 as cur from n
        union all
        select community_id, member_id, day, 0, meaningful from u
      ) x
      group by 1, 2, 3),
    -- Per member and community of the batch: the days it makes active, the stored join day (one
    -- probe; offset 0 keeps the planner from hashing every stored join day instead), and whether
    -- the batch may move it: a join day is stored once, and only an activity before it can move it
    -- (a stay is backdated).
    p as materialized (
      select p.c, p.m, p.fresh, j.joined, j.member_id is null or (p.c <> 0 and (j.joined is null or p.first < j.joined)) as maybe
      from (select c, m, min(day) as first, array_agg(day) filter (where fresh) as fresh from e group by 1, 2) p
      left join lateral (select j.member_id, j.joined from analytics_member_joins j where j.community_id = p.c and j.member_id = p.m offset 0) j on true),
    -- The neighbouring active days walk the member's index from the day and stop at the first
    -- active one, rather than reading every earlier (later) day of a long history.
    b as materialized (
      select p.c, p.m, f.day, p.joined, p.maybe,
        (select y.day from analytics_member_days y
          where y.member_id = p.m and y.community_id = p.c and y.day < f.day and y.meaningful > 0 order by y.day desc limit 1) as prev,
        (select y.day from analytics_member_days y
          where y.member_id = p.m and y.community_id = p.c and y.day > f.day and y.meaningful > 0 order by y.day limit 1) as next
      from p cross join lateral unnest(p.fresh) as f(day)),
    -- contributionChanges over the days of each member: a fresh day's previous one is the latest of
    -- the rollup's and the batch's own; the last fresh day before an active one (next) becomes
    -- that day's previous one, in place of the one before the fresh days.
    s as (
      select c, m, day, joined, prev as was, next, greatest(prev, lag(day) over w) as prev, lead(next) over w is distinct from next as closes
      from b where not maybe window w as (partition by c, m order by day)),
    r as materialized (
      select c, m, day, prev, joined, 1 as sign from s
      union all
      select c, m, next, was, joined, -1 from s where next is not null and closes
      union all
      select c, m, next, day, joined, 1 from s where next is not null and closes),
    ${contributionUpserts()}
    select false as moved, c::int as c, m::int as m, day::text as day, true as fresh, prev::text as prev, next::text as next, joined::text as joined
    from b where maybe
    union all
    select true, c::int, m::int, null, false, null, null, joined::text from p where maybe`.execute(tx);
  if (r.rows.length === 0) return;
  // Members whose join day may have moved, with their fresh days: as before, in Kith.
  const fresh = r.rows.filter((x) => !x.moved);
  const maybe = r.rows.filter((x) => x.moved);
  const moved = await syncJoins(tx, maybe, tz, { moveCells: false });
  const changes = moved.length === 0 ? contributionChanges(fresh) : await withMovedJoins(tx, fresh, maybe, moved);
  if (changes.length === 0) return;
  await upsertContributions(sql`
    select * from json_to_recordset(${JSON.stringify(changes)}::json) as r(c bigint, m bigint, day date, prev date, joined date, sign int)`).execute(
    tx,
  );
}

/** Ids as ranges of consecutive ids: [lo_i, hi_i], each id in exactly one. */
export function idRanges(ids: readonly number[]): { lo: number[]; hi: number[] } {
  const sorted = Float64Array.from(ids).sort();
  const lo: number[] = [];
  const hi: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const id = sorted[i]!;
    if (hi.length > 0 && id <= hi[hi.length - 1]! + 1) hi[hi.length - 1] = Math.max(hi[hi.length - 1]!, id);
    else {
      lo.push(id);
      hi.push(id);
    }
  }
  return { lo, hi };
}

/** The changes of a batch in which some members' join days moved: those members are replaced whole. */
async function withMovedJoins(
  tx: Tx,
  fresh: BatchDay[],
  before: { c: number; m: number; joined: string | null }[],
  moved: JoinChange[],
): Promise<Contribution[]> {
  const k = (x: { c: number; m: number }) => `${x.c}:${x.m}`;
  const movedKeys = new Set(moved.map(k));
  const days = await sql<MemberDay>`
    select d.community_id::int as c, d.member_id::int as m, d.day::text as day
    from json_to_recordset(${JSON.stringify(moved)}::json) as q(c bigint, m bigint)
    join analytics_member_days d on d.member_id = q.m and d.community_id = q.c and d.meaningful > 0`.execute(tx);
  const activeNow = new Map<string, string[]>();
  for (const d of days.rows) {
    const l = activeNow.get(k(d));
    if (l) l.push(d.day);
    else activeNow.set(k(d), [d.day]);
  }
  const wasJoined = new Map(before.map((x) => [k(x), x.joined]));
  return [
    ...contributionChanges(fresh.filter((x) => !movedKeys.has(k(x)))),
    ...moved.flatMap((j) =>
      replacedContributions(
        j.c,
        j.m,
        activeNow.get(k(j)) ?? [],
        new Set(fresh.filter((x) => k(x) === k(j)).map((x) => x.day)),
        wasJoined.get(k(j)) ?? null,
        j.joined,
      ),
    ),
  ];
}

export interface JoinRow {
  c: number;
  m: number;
  joined: string | null;
}
/** What undoing a merge needs: the rows moved and both members' join days before. */
export interface MoveSnapshot {
  rows: DayRow[];
  joins?: JoinRow[];
}

const joinsOf = async (tx: Tx, ids: number[]) =>
  (
    await sql<JoinRow>`
  select community_id::int as c, member_id::int as m, joined::text as joined from analytics_member_joins where member_id = any(${ids}::bigint[])`.execute(
      tx,
    )
  ).rows;

async function putJoins(tx: Tx, rows: JoinRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into analytics_member_joins as j (community_id, member_id, joined)
    select c, m, joined from json_to_recordset(${JSON.stringify(rows)}::json) as q(c bigint, m bigint, joined date) order by 1, 2
    on conflict (community_id, member_id) do update set joined = excluded.joined`.execute(tx);
}

/**
 * Moves a merged member's rows onto the survivor, adding counts where both had the same day.
 * Both members' active days are taken out of the derived aggregates first and the survivor's put
 * back after, placed by the earlier of the two join days in each community (a merge keeps the
 * earlier profile creation, and the stays move with it). Returns what undo needs.
 */
export async function moveMember(tx: Tx, fromId: number, toId: number): Promise<MoveSnapshot> {
  const joins = await joinsOf(tx, [fromId, toId]);
  await addContributions(tx, await activeDaysOf(tx, [fromId, toId]), -1);
  const gone = (
    await sql<DayRow>`
    delete from analytics_member_days where member_id = ${fromId}
    returning community_id::int, day::text as day, activities, meaningful, messages`.execute(tx)
  ).rows;
  // The community-day totals do not change: the same activities, another member.
  await addMemberRows(tx, toId, gone, 1);
  const earliest = new Map<number, string | null>();
  for (const j of joins) {
    const was = earliest.get(j.c);
    earliest.set(
      j.c,
      was === undefined ? j.joined : was === null ? j.joined : j.joined === null || was < j.joined ? was : j.joined,
    );
  }
  await sql`delete from analytics_member_joins where member_id = ${fromId}`.execute(tx);
  await putJoins(
    tx,
    [...earliest].map(([c, joined]) => ({ c, m: toId, joined })),
  );
  await addContributions(tx, await activeDaysOf(tx, [toId]), 1);
  return { rows: gone, joins };
}

export async function unmoveMember(
  tx: Tx,
  snapshot: MoveSnapshot,
  fromId: number,
  toId: number,
  tz: string,
): Promise<void> {
  await addContributions(tx, await activeDaysOf(tx, [toId]), -1);
  await addMemberRows(tx, toId, snapshot.rows, -1);
  await sql`delete from analytics_member_days where member_id = ${toId} and activities = 0 and meaningful = 0 and messages = 0`.execute(
    tx,
  );
  await addMemberRows(tx, fromId, snapshot.rows, 1);
  const days = await activeDaysOf(tx, [fromId, toId]);
  if (snapshot.joins) {
    await sql`delete from analytics_member_joins where member_id in (${fromId}, ${toId})`.execute(tx);
    await putJoins(tx, snapshot.joins);
  } else {
    await syncJoins(tx, days, tz, { moveCells: false }); // a merge made before join days were kept
  }
  await addContributions(tx, days, 1);
}

async function addMemberRows(tx: Tx, memberId: number, rows: DayRow[], sign: 1 | -1): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into analytics_member_days as d (community_id, day, member_id, activities, meaningful, messages)
    select c, day, ${memberId}, ${sign} * a, ${sign} * mf, ${sign} * ms
    from json_to_recordset(${JSON.stringify(rows.map((r) => ({ c: r.community_id, day: r.day, a: r.activities, mf: r.meaningful, ms: r.messages })))}::json)
      as q(c bigint, day date, a int, mf int, ms int) order by 1, 2
    on conflict (community_id, day, member_id) do update set
      activities = d.activities + excluded.activities,
      meaningful = d.meaningful + excluded.meaningful,
      messages = d.messages + excluded.messages`.execute(tx);
}

/** Recomputes the rollup and everything derived from it from raw history, at a consistent cut. */
export async function rebuild(tx: Tx, tz: string, kinds: string[]): Promise<void> {
  // No batch commits while the rollup is rebuilt, and the rollup jobs of batches committed before
  // it are done by the rebuild itself.
  await sql`lock table activities in share mode`.execute(tx);
  await settleQueuedEvents(tx, ROLLUP_SUBSCRIBER);
  await sql`truncate analytics_member_days, analytics_community_days`.execute(tx);
  // A bulk load: sorts in memory where they fit, and the secondary indexes built once at the end
  // rather than row by row (the drop and the build are part of this transaction).
  await sql`set local work_mem = '256MB'`.execute(tx);
  await sql`drop index analytics_member_days_member_idx`.execute(tx);
  await sql`
    with src as (select member_id, community_id, occurred_at, kind from activities)
    insert into analytics_member_days (community_id, day, member_id, activities, meaningful, messages)
    ${counts(tz, kinds)}`.execute(tx);
  await sql`create index analytics_member_days_member_idx on analytics_member_days (member_id, community_id, day)`.execute(
    tx,
  );
  await sql`
    insert into analytics_community_days (community_id, day, activities, meaningful, messages)
    select community_id, day, sum(activities)::int, sum(meaningful)::int, sum(messages)::int from analytics_member_days group by 1, 2`.execute(
    tx,
  );
  await recountGaps(tx, tz);
  await recountCohorts(tx, tz, kinds);
  // Statistics of the tables as now filled: without them the planner takes each member's history
  // for a row or two and, adding the next batch, reads and sorts it whole to find the neighbouring
  // active days rather than walking the index to the first.
  await sql`analyze analytics_member_days, analytics_community_days, analytics_active_gaps, analytics_cohort_cells, analytics_member_joins`.execute(
    tx,
  );
}
