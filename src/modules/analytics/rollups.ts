import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';

/**
 * The per-member-per-day rollup, `analytics_member_days`, kept from the activity stream: each
 * ingested batch adds its counts in one statement after it commits; `rebuild` recomputes it from
 * raw history (after a change of time zone or of the meaningful kinds, or for history loaded
 * before analytics existed); a merge moves a member's rows, and its undo moves them back. The
 * `activities` table belongs to the activity module and is only read here.
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
export const ROLLUP_QUEUE = 'event:analytics-rollups';

export interface DayRow { community_id: number; day: string; activities: number; meaningful: number; messages: number }

/**
 * Moves a merged member's rows onto the survivor, adding counts where both had the same day, and
 * returns the rows moved: undoing the merge takes exactly them back (`unmoveMember`).
 */
export async function moveMember(tx: Tx, fromId: number, toId: number): Promise<DayRow[]> {
  const gone = (await sql<DayRow>`
    delete from analytics_member_days where member_id = ${fromId}
    returning community_id, day::text as day, activities, meaningful, messages`.execute(tx)).rows;
  await addRows(tx, toId, gone, 1);
  return gone;
}

export async function unmoveMember(tx: Tx, rows: DayRow[], fromId: number, toId: number): Promise<void> {
  await addRows(tx, toId, rows, -1);
  await sql`delete from analytics_member_days where member_id = ${toId} and activities = 0 and meaningful = 0 and messages = 0`.execute(tx);
  await addRows(tx, fromId, rows, 1);
}

async function addRows(tx: Tx, memberId: number, rows: DayRow[], sign: 1 | -1): Promise<void> {
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

/** Adds the activities with these ids to the rollup (each id once: the outbox delivers a batch once). */
export async function addActivities(tx: Tx, ids: number[], tz: string, kinds: string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    with src as (select member_id, community_id, occurred_at, kind from activities where id = any(${ids}::bigint[]))
    insert into analytics_member_days as d (community_id, day, member_id, activities, meaningful, messages)
    select * from (${counts(tz, kinds)}) n order by 1, 2, 3
    on conflict (community_id, day, member_id) do update set
      activities = d.activities + excluded.activities,
      meaningful = d.meaningful + excluded.meaningful,
      messages = d.messages + excluded.messages`.execute(tx);
}

/** Recomputes the rollup rows of some members (or all, when `memberIds` is null) from raw activities. */
export async function rebuild(tx: Tx, tz: string, kinds: string[], memberIds: number[] | null): Promise<void> {
  if (memberIds === null) {
    // A consistent cut: no batch commits while the rollup is rebuilt, and the rollup jobs of batches
    // committed before it are done by the rebuild itself.
    await sql`lock table activities in share mode`.execute(tx);
    await sql`update jobs set status = 'done', finished_at = now() where queue = ${ROLLUP_QUEUE} and status = 'queued'`.execute(tx);
    await sql`truncate analytics_member_days`.execute(tx);
    await sql`
      with src as (select member_id, community_id, occurred_at, kind from activities)
      insert into analytics_member_days (community_id, day, member_id, activities, meaningful, messages)
      ${counts(tz, kinds)}`.execute(tx);
    return;
  }
  if (memberIds.length === 0) return;
  await sql`delete from analytics_member_days where member_id = any(${memberIds}::bigint[])`.execute(tx);
  await sql`
    with src as (select member_id, community_id, occurred_at, kind from activities where member_id = any(${memberIds}::bigint[]))
    insert into analytics_member_days (community_id, day, member_id, activities, meaningful, messages)
    ${counts(tz, kinds)}`.execute(tx);
}
