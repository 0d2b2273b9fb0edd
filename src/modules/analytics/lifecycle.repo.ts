import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import { effectiveTierSql } from '../loyalty/index.js';
import { internalAccountIds, liveMember, memberMatches } from '../members/index.js';
import { hasFilter, type Segment } from './domain/segment.js';
import type { Grain } from './domain/cohorts.js';

/**
 * SQL of the lifecycle reports: cohort retention (from the cohort cells, or from the daily rollup
 * for a segment of members), the acquisition → activation → retention → monetisation funnel, and
 * the nightly lifecycle stage of every member (written by members). `members`, `member_tags`, `member_identities`,
 * `community_memberships`, `loyalty_*` and `orders` belong to other modules and are only read here.
 */

/** Conditions on member id `m` for the segment. */
function filterSql(f: Segment, m: RawBuilder<unknown>) {
  const c: RawBuilder<unknown>[] = [sql`true`];
  if (f.members !== null) c.push(memberMatches(f.members, m));
  if (f.tierId !== undefined) {
    c.push(
      sql`(select ${effectiveTierSql('la', f.at)} from (select ${m} as member_id) x left join loyalty_accounts la on la.member_id = x.member_id) = ${f.tierId}`,
    );
  }
  return sql.join(c, sql` and `);
}

/**
 * The members who joined in [from, to] (days) with their join day: for the workspace, live and
 * erased profiles created then (merged ones live on in their survivor); for a community, members
 * whose first stay there began then.
 */
function joiners(communityId: number, from: string, to: string, tz: string, f: Segment) {
  const start = sql`(${from}::date::timestamp at time zone ${tz})`;
  const end = sql`((${to}::date + 1)::timestamp at time zone ${tz})`;
  return communityId === 0
    ? sql`select id as m, created_at as joined_at, (created_at at time zone ${tz})::date as joined from members
        where merged_into is null and created_at >= ${start} and created_at < ${end} and ${filterSql(f, sql`members.id`)}`
    : sql`select m, joined_at, (joined_at at time zone ${tz})::date as joined from (
          select member_id as m, min(joined_at) as joined_at from community_memberships where community_id = ${communityId} group by member_id) j
        where joined_at >= ${start} and joined_at < ${end} and ${filterSql(f, sql`j.m`)}`;
}

/**
 * Cohort sizes: members who joined in each week or month of [from, to]. The workspace's, unfiltered,
 * are summed from the maintained profile counts (migration 0010): the same profiles `joiners` reads.
 */
export async function cohortSizes(
  tx: Tx,
  communityId: number,
  grain: Grain,
  from: string,
  to: string,
  tz: string,
  f: Segment,
) {
  const r =
    communityId === 0 && !hasFilter(f)
      ? await sql<{ cohort: string; n: number }>`
        select date_trunc(${grain}, bucket at time zone ${tz})::date::text as cohort, sum(profiles)::int as n from analytics_profile_counts
        where bucket >= (${from}::date::timestamp at time zone ${tz}) and bucket < ((${to}::date + 1)::timestamp at time zone ${tz})
        group by 1 having sum(profiles) <> 0`.execute(tx)
      : await sql<{ cohort: string; n: number }>`
        select date_trunc(${grain}, joined)::date::text as cohort, count(*)::int as n from (${joiners(communityId, from, to, tz, f)}) j group by 1`.execute(
          tx,
        );
  return new Map(r.rows.map((x) => [x.cohort, x.n]));
}

type Cells = Map<string, Map<number, number>>;
const toCells = (rows: { cohort: string; period: number; n: number }[]): Cells => {
  const cells: Cells = new Map();
  for (const x of rows) {
    if (!cells.has(x.cohort)) cells.set(x.cohort, new Map());
    cells.get(x.cohort)!.set(x.period, x.n);
  }
  return cells;
};

/** Active members per cohort and period, read from the maintained cohort cells. */
export async function cohortCells(tx: Tx, communityId: number, grain: Grain, from: string, to: string): Promise<Cells> {
  const r = await sql<{ cohort: string; period: number; n: number }>`
    select cohort::text, period, members as n from analytics_cohort_cells
    where community_id = ${communityId} and grain = ${grain} and cohort between ${from}::date and ${to}::date and members > 0`.execute(
    tx,
  );
  return toCells(r.rows);
}

/** The same cells for a segment, computed from the daily rollup of its joiners (no maintained cells to read). */
export async function segmentCohortCells(
  tx: Tx,
  communityId: number,
  grain: Grain,
  from: string,
  to: string,
  tz: string,
  f: Segment,
): Promise<Cells> {
  const r = await sql<{ cohort: string; period: number; n: number }>`
    with j as materialized (${joiners(communityId, from, to, tz, f)}),
    p as (
      select distinct d.member_id, date_trunc(${grain}, j.joined)::date as cohort, date_trunc(${grain}, d.day)::date as at
      from j join analytics_member_days d on d.member_id = j.m and d.community_id = ${communityId} and d.meaningful > 0
      where d.day >= date_trunc(${grain}, j.joined)::date)
    select cohort::text, case ${grain} when 'week' then (at - cohort) / 7
      else ((extract(year from at) - extract(year from cohort)) * 12 + extract(month from at) - extract(month from cohort))::int end as period,
      count(*)::int as n
    from p group by 1, 2`.execute(tx);
  return toCells(r.rows);
}

/** The day a member's `minActivities`-th meaningful activity within `withinDays` of joining fell on (null: not activated). */
const activationDay = (
  m: RawBuilder<unknown>,
  c: RawBuilder<unknown>,
  joined: RawBuilder<unknown>,
  r: { minActivities: number; withinDays: number },
) => sql`(
  select min(day) from (
    select d.day, sum(d.meaningful) over (order by d.day) as run from analytics_member_days d
    where d.member_id = ${m} and d.community_id = ${c} and d.meaningful > 0 and d.day between ${joined} and ${joined} + ${r.withinDays - 1}::int) z
  where run >= ${r.minActivities})`;

export interface FunnelRules {
  minActivities: number;
  withinDays: number;
  retentionDays: number;
  retentionPeriod: number;
  today: string;
}
export type FunnelBy = 'community' | 'channel' | 'source';
export interface FunnelRow {
  key: string | null;
  acquired: number;
  activated: number;
  retained: number;
  monetised: number;
  buyers: number;
  activation_pending: number;
  retention_pending: number;
}

/**
 * The funnel of members who joined in [from, to], grouped by `by` (or one total row):
 * - activated: at least `minActivities` meaningful activities within `withinDays` days of joining
 *   (the join day is day 1); the activation day is the day the last of them fell on;
 * - retained: activated, and active in the `retentionPeriod`-th window of `retentionDays` days
 *   after the activation day (days a + k·L … a + k·L + L − 1);
 * - monetised: retained, and at least one order at or after joining that was not fully refunded;
 * - buyers: joiners with such an order, whatever the steps before.
 * Pending counts: joiners whose activation window, or activated members whose retention window,
 * has not ended by today, who may still convert. Grouped rows read the joins of each community.
 */
export async function funnel(
  tx: Tx,
  communityId: number,
  by: FunnelBy | null,
  from: string,
  to: string,
  tz: string,
  filter: Segment,
  r: FunnelRules,
  scope: number[] | null,
): Promise<FunnelRow[]> {
  const start = sql`(${from}::date::timestamp at time zone ${tz})`;
  const end = sql`((${to}::date + 1)::timestamp at time zone ${tz})`;
  const scoped = scope === null ? sql`true` : sql`cm.community_id = any(${scope}::bigint[])`;
  const j =
    by === null
      ? sql`select null::text as key, ${communityId}::bigint as c, m, joined_at, joined from (${joiners(communityId, from, to, tz, filter)}) x`
      : sql`
        select ${by === 'community' ? sql`f.community_id::text` : by === 'channel' ? sql`co.channel` : sql`f.join_source`} as key,
          f.community_id as c, f.member_id as m, f.joined_at, (f.joined_at at time zone ${tz})::date as joined
        from (select distinct on (cm.community_id, cm.member_id) cm.community_id, cm.member_id, cm.joined_at, cm.join_source
              from community_memberships cm where ${scoped} ${communityId === 0 ? sql`` : sql`and cm.community_id = ${communityId}`}
              order by cm.community_id, cm.member_id, cm.joined_at) f
        join communities co on co.id = f.community_id
        where f.joined_at >= ${start} and f.joined_at < ${end} and ${filterSql(filter, sql`f.member_id`)}`;
  const res = await sql<FunnelRow>`
    with j as materialized (select * from (${j}) jj where jj.m not in ${internalAccountIds()}),
    a as (
      select j.*, ${activationDay(sql`j.m`, sql`j.c`, sql`j.joined`, r)} as act from j),
    s as (
      select a.*,
        act is not null and exists (select 1 from analytics_member_days d where d.member_id = a.m and d.community_id = a.c and d.meaningful > 0
          and d.day between a.act + ${r.retentionDays * r.retentionPeriod}::int and a.act + ${r.retentionDays * (r.retentionPeriod + 1) - 1}::int) as kept,
        exists (select 1 from orders o where o.member_id = a.m and o.ordered_at >= a.joined_at and o.status <> 'refunded') as bought
      from a)
    select key, count(*)::int as acquired, count(act)::int as activated,
      count(*) filter (where kept)::int as retained, count(*) filter (where kept and bought)::int as monetised,
      count(*) filter (where bought)::int as buyers,
      count(*) filter (where act is null and joined + ${r.withinDays - 1}::int >= ${r.today}::date)::int as activation_pending,
      count(*) filter (where act is not null and not kept and act + ${r.retentionDays * (r.retentionPeriod + 1) - 1}::int >= ${r.today}::date)::int as retention_pending
    from s group by key order by key`.execute(tx);
  return res.rows;
}

/** Live members per lifecycle stage: the workspace's, or a community's current members. */
export async function stageCounts(tx: Tx, communityId: number) {
  const r = await sql<{ stage: string; n: number }>`
    select lifecycle_stage as stage, count(*)::int as n from members m
    where ${liveMember('m')}
      ${communityId === 0 ? sql`` : sql`and exists (select 1 from community_memberships cm where cm.member_id = m.id and cm.community_id = ${communityId} and cm.left_at is null)`}
    group by 1`.execute(tx);
  return r.rows;
}

export interface StageRules {
  minActivities: number;
  withinDays: number;
  dormantDays: number;
  churnedDays: number;
  today: string;
}

/**
 * The live members whose lifecycle stage, worked out from their activity and orders, differs
 * from the one they have (members writes it: setLifecycleStages). In order of precedence:
 * churned / dormant (no meaningful activity — or, never active, no join — for that many days),
 * monetised (an order not fully refunded), retained (activated, and active again 7 or more days
 * after the activation day), activated, acquired.
 */
export async function stageChanges(tx: Tx, r: StageRules, tz: string): Promise<{ id: number; stage: string }[]> {
  const res = await sql<{ id: number; stage: string }>`
    with v as (
      select mb.id, (mb.created_at at time zone ${tz})::date as joined,
        (select max(d.day) from analytics_member_days d where d.member_id = mb.id and d.community_id = 0 and d.meaningful > 0) as last_day
      from members mb where ${liveMember('mb')}),
    w as (
      select v.*, ${activationDay(sql`v.id`, sql`0`, sql`v.joined`, r)} as act from v),
    s as (
      select w.id, case
        when coalesce(last_day, joined) <= ${r.today}::date - ${r.churnedDays}::int then 'churned'
        when coalesce(last_day, joined) <= ${r.today}::date - ${r.dormantDays}::int then 'dormant'
        when exists (select 1 from orders o where o.member_id = w.id and o.status <> 'refunded') then 'monetised'
        when act is not null and last_day >= act + 7 then 'retained'
        when act is not null then 'activated'
        else 'acquired' end as stage
      from w)
    select s.id, s.stage from s join members mb on mb.id = s.id
    where mb.lifecycle_stage is distinct from s.stage`.execute(tx);
  return res.rows;
}

/** Every community's name, for rows grouped by community. */
export async function communityNames(tx: Tx) {
  return tx.selectFrom('communities').select(['id', 'name']).execute();
}

/** When the stages were last worked out (shown beside them). */
export async function markStagesUpdated(tx: Tx, now: Date) {
  await tx.updateTable('analytics_settings').set({ lifecycle_updated_at: now }).where('id', '=', 1).execute();
}
