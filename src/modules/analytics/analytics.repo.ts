import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { AnalyticsRfmLayersTable, AnalyticsSettingsTable } from '../../kernel/db/tables.js';
import type { Tx } from '../../kernel/db/database.js';
import { internalAccountIds } from '../members/index.js';
import { layerSql, type RfmWindow } from './domain/rfm.js';

/**
 * SQL of the analytics reports. Engagement reads the daily rollup; the heatmap and RFM are heavy
 * reports computed set-based over raw activities and orders. Member figures leave the brand's own
 * accounts out (staff, official; members' `internalAccountIds`): the rollups count everyone, so each
 * report subtracts the few such accounts' member-day rows, which it reads by member id. `members`, `activities`, `orders`,
 * `communities` and `community_memberships` belong to other modules and are only read here.
 */
export interface Span {
  from: string;
  to: string;
}

/**
 * Distinct active members of each span, from the gap histogram: a member counts on their first
 * active day of the span, the day whose gap since their previous active day reaches before it.
 * Reads at most one row per day and gap, whatever the number of members.
 */
export async function activeMembers(tx: Tx, communityId: number, spans: Span[]): Promise<number[]> {
  if (spans.length === 0) return [];
  const r = await sql<{ i: number; n: number }>`
    select s.i,
      (coalesce((select sum(g.members) from analytics_active_gaps g
                 where g.community_id = ${communityId} and g.day between s.a and s.b and g.gap > g.day - s.a), 0)
       - (select count(distinct d.member_id) from analytics_member_days d
          where d.member_id in ${internalAccountIds()} and d.community_id = ${communityId}
            and d.day between s.a and s.b and d.meaningful > 0))::int as n
    from json_to_recordset(${JSON.stringify(spans.map((x, i) => ({ i, a: x.from, b: x.to })))}::json) as s(i int, a date, b date)`.execute(
    tx,
  );
  const by = new Map(r.rows.map((x) => [x.i, x.n]));
  return spans.map((_, i) => by.get(i) ?? 0);
}

/** Per day of the span: active members, messages and meaningful activities (days with none are absent). */
export async function dailySeries(tx: Tx, communityId: number, p: Span) {
  const r = await sql<{ day: string; active: number; messages: number; meaningful: number }>`
    select d.day::text as day, (coalesce(g.active, 0) - coalesce(i.active, 0))::int as active,
      (d.messages - coalesce(i.messages, 0))::int as messages, (d.meaningful - coalesce(i.meaningful, 0))::int as meaningful
    from analytics_community_days d
    left join (select day, sum(members) as active from analytics_active_gaps
               where community_id = ${communityId} and day between ${p.from}::date and ${p.to}::date group by day) g on g.day = d.day
    left join (select day, count(*) filter (where meaningful > 0) as active, sum(messages) as messages, sum(meaningful) as meaningful
               from analytics_member_days where member_id in ${internalAccountIds()} and community_id = ${communityId}
                 and day between ${p.from}::date and ${p.to}::date group by day) i on i.day = d.day
    where d.community_id = ${communityId} and d.day between ${p.from}::date and ${p.to}::date`.execute(tx);
  return new Map(r.rows.map((x) => [x.day, { active: x.active, messages: x.messages, meaningful: x.meaningful }]));
}

/** The members with the most meaningful activities in the span (ties by member id): reads member rows. */
export async function topContributors(tx: Tx, communityId: number, p: Span, limit: number) {
  const r = await sql<{ member_id: number; meaningful: number; messages: number; active_days: number }>`
    select member_id, sum(meaningful)::int as meaningful, sum(messages)::int as messages, count(*) filter (where meaningful > 0)::int as active_days
    from analytics_member_days where community_id = ${communityId} and day between ${p.from}::date and ${p.to}::date
      and member_id not in ${internalAccountIds()}
    group by member_id having sum(meaningful) > 0 order by 2 desc, member_id limit ${limit}`.execute(tx);
  return r.rows;
}

/**
 * Live profiles (not merged, not erased) from the maintained profile counts (migration 0010): created
 * before the span, on each of its days (days with none are absent), and in all.
 */
export async function profilesByDay(tx: Tx, p: Span, tz: string) {
  const start = sql`(${p.from}::date::timestamp at time zone ${tz})`;
  const end = sql`((${p.to}::date + 1)::timestamp at time zone ${tz})`;
  // One pass over the counts: the day of a bucket is worked out only for buckets in the span.
  const dayOf = (t: RawBuilder<Date>) =>
    sql`case when ${t} < ${start} then 'before' when ${t} >= ${end} then 'after' else (${t} at time zone ${tz})::date::text end`;
  const r = await sql<{ k: string; n: number }>`
    select k, sum(n)::int as n from (
      select ${dayOf(sql`bucket`)} as k, sum(profiles - erased) as n from analytics_profile_counts group by 1
      union all
      select ${dayOf(sql`ia.created_at`)}, -count(*) from members ia
      where ia.account_type <> 'member' and ia.merged_into is null and ia.erased_at is null group by 1
    ) c group by k`.execute(tx);
  const byDay = new Map<string, number>();
  let before = 0;
  let total = 0;
  for (const x of r.rows) {
    total += x.n;
    if (x.k === 'before') before = x.n;
    else if (x.k !== 'after') byDay.set(x.k, x.n);
  }
  return { before, total, byDay };
}

/**
 * Members at the end of `day`: live profiles created by then (from the maintained profile counts,
 * see migration 0010), or a community's members then.
 */
export async function membersAt(tx: Tx, communityId: number, day: string, tz: string): Promise<number> {
  const end = sql`((${day}::date + 1)::timestamp at time zone ${tz})`;
  const r =
    communityId === 0
      ? await sql<{
          n: number;
        }>`select (coalesce((select sum(profiles - erased) from analytics_profile_counts where bucket < ${end}), 0)
                   - (select count(*) from members ia where ia.account_type <> 'member' and ia.merged_into is null
                        and ia.erased_at is null and ia.created_at < ${end}))::int as n`.execute(tx)
      : await sql<{ n: number }>`
        select count(distinct member_id)::int as n from community_memberships
        where community_id = ${communityId} and joined_at < ${end} and (left_at is null or left_at >= ${end})
          and member_id not in ${internalAccountIds()}`.execute(tx);
  return r.rows[0]!.n;
}

/** Meaningful activities by weekday (1 = Monday) and hour of the workspace time zone. */
export async function heatmap(tx: Tx, communityId: number, p: Span, tz: string, kinds: string[]) {
  const r = await sql<{ weekday: number; hour: number; n: number }>`
    select extract(isodow from occurred_at at time zone ${tz})::int as weekday, extract(hour from occurred_at at time zone ${tz})::int as hour, count(*)::int as n
    from activities
    where occurred_at >= (${p.from}::date::timestamp at time zone ${tz}) and occurred_at < ((${p.to}::date + 1)::timestamp at time zone ${tz})
      and kind = any(${kinds}::text[]) ${communityId === 0 ? sql`` : sql`and community_id = ${communityId}`}
      and member_id not in ${internalAccountIds()}
    group by 1, 2 order by 1, 2`.execute(tx);
  return r.rows;
}

/** Per community: members at the end, active in the period (from the gap histogram), messages and meaningful activities. */
export async function communityComparison(tx: Tx, p: Span, tz: string) {
  const end = sql`((${p.to}::date + 1)::timestamp at time zone ${tz})`;
  const r = await sql<{
    id: number;
    name: string;
    channel: string;
    stage: string;
    members: number;
    active: number;
    messages: number;
    meaningful: number;
  }>`
    with m as (
      select community_id, count(distinct member_id)::int as members from community_memberships
      where joined_at < ${end} and (left_at is null or left_at >= ${end}) and member_id not in ${internalAccountIds()}
      group by community_id),
    a as (
      select community_id, sum(members)::int as active from analytics_active_gaps
      where community_id <> 0 and day between ${p.from}::date and ${p.to}::date and gap > day - ${p.from}::date group by community_id),
    t as (
      select community_id, sum(messages)::int as messages, sum(meaningful)::int as meaningful from analytics_community_days
      where community_id <> 0 and day between ${p.from}::date and ${p.to}::date group by community_id),
    i as (
      select community_id, count(distinct member_id) filter (where meaningful > 0)::int as active,
        sum(messages)::int as messages, sum(meaningful)::int as meaningful
      from analytics_member_days where member_id in ${internalAccountIds()} and community_id <> 0
        and day between ${p.from}::date and ${p.to}::date group by community_id)
    select c.id, c.name, c.channel, c.stage, coalesce(m.members, 0) as members,
      coalesce(a.active, 0) - coalesce(i.active, 0) as active,
      coalesce(t.messages, 0) - coalesce(i.messages, 0) as messages, coalesce(t.meaningful, 0) - coalesce(i.meaningful, 0) as meaningful
    from communities c left join m on m.community_id = c.id left join a on a.community_id = c.id left join t on t.community_id = c.id
      left join i on i.community_id = c.id
    where c.archived_at is null order by c.id`.execute(tx);
  return r.rows;
}

/**
 * Per community, what its health score needs: members at the start and end of the period, active
 * members in it and in the previous period of the same length, and those active in both (from the
 * gap histogram: |A ∩ B| = |A| + |B| − |A ∪ B|, the union being the two periods together).
 */
export async function healthFigures(tx: Tx, p: Span, prev: Span, tz: string) {
  const startCut = sql`(${p.from}::date::timestamp at time zone ${tz})`;
  const endCut = sql`((${p.to}::date + 1)::timestamp at time zone ${tz})`;
  const r = await sql<{
    id: number;
    name: string;
    stage: string;
    members_start: number;
    members_end: number;
    active: number;
    active_previous: number;
    either: number;
  }>`
    with m as (
      select community_id,
        count(distinct member_id) filter (where joined_at < ${startCut} and (left_at is null or left_at >= ${startCut}))::int as members_start,
        count(distinct member_id) filter (where joined_at < ${endCut} and (left_at is null or left_at >= ${endCut}))::int as members_end
      from community_memberships where member_id not in ${internalAccountIds()} group by community_id),
    a as (
      select community_id,
        coalesce(sum(members) filter (where day >= ${p.from}::date and gap > day - ${p.from}::date), 0)::int as active,
        coalesce(sum(members) filter (where day <= ${prev.to}::date and gap > day - ${prev.from}::date), 0)::int as active_previous,
        coalesce(sum(members) filter (where gap > day - ${prev.from}::date), 0)::int as either
      from analytics_active_gaps where community_id <> 0 and day between ${prev.from}::date and ${p.to}::date group by community_id),
    i as (
      select community_id,
        count(distinct member_id) filter (where day >= ${p.from}::date)::int as active,
        count(distinct member_id) filter (where day <= ${prev.to}::date)::int as active_previous,
        count(distinct member_id)::int as either
      from analytics_member_days where member_id in ${internalAccountIds()} and community_id <> 0 and meaningful > 0
        and day between ${prev.from}::date and ${p.to}::date group by community_id)
    select c.id, c.name, c.stage, coalesce(m.members_start, 0) as members_start, coalesce(m.members_end, 0) as members_end,
      coalesce(a.active, 0) - coalesce(i.active, 0) as active,
      coalesce(a.active_previous, 0) - coalesce(i.active_previous, 0) as active_previous,
      coalesce(a.either, 0) - coalesce(i.either, 0) as either
    from communities c left join m on m.community_id = c.id left join a on a.community_id = c.id left join i on i.community_id = c.id
    where c.archived_at is null order by c.id`.execute(tx);
  return r.rows.map((x) => ({ ...x, retained: x.active + x.active_previous - x.either }));
}

/**
 * RFM of every live buyer over orders in the window, written to analytics_member_rfm in one
 * statement, and the run recorded in analytics_rfm_run. The window is whole days of the workspace
 * time zone: from the first instant of `w.from` to the first instant of the day after `w.to` (the
 * as-of day). Recency = whole days from the buyer's last order day to the as-of day; frequency =
 * orders not fully refunded; monetary = what was paid minus refunds; R and M scores by rank
 * quintiles, F by the order-count thresholds (docs/metrics.md); the layer from the grid.
 */
export async function scoreRfm(
  tx: Tx,
  w: RfmWindow,
  tz: string,
  computedAt: Date,
  frequencyThresholds: readonly number[],
): Promise<number> {
  // Every row is replaced: emptied at once, loaded without indexes and both indexes built once
  // after, with the three rank sorts in memory. Readers of a member's RFM wait for the scoring to
  // commit rather than see it half done.
  await sql`set local work_mem = '128MB'`.execute(tx);
  await sql`truncate analytics_member_rfm`.execute(tx);
  await sql`alter table analytics_member_rfm drop constraint analytics_member_rfm_pkey`.execute(tx);
  await sql`drop index analytics_member_rfm_layer_idx`.execute(tx);
  // Orders are summed per member first, and the few merged or erased profiles taken out of the
  // sums after: no join of every order, or of every profile. The day of the last order is taken
  // once per buyer, after the sums.
  const r = await sql`
    with o as (
      select member_id, max(ordered_at) as last_at, count(*)::int as f, sum(amount - refunded_amount) as m from orders
      where ordered_at >= (${w.from}::date::timestamp at time zone ${tz}) and ordered_at < ((${w.to}::date + 1)::timestamp at time zone ${tz})
        and status <> 'refunded'
      group by member_id),
    v as (
      select o.member_id, (${w.to}::date - (o.last_at at time zone ${tz})::date) as rd, o.f, o.m
      from o where o.member_id not in (select id from members where merged_into is not null or erased_at is not null or account_type <> 'member')),
    n as (select count(*) as n from v),
    s as (
      select member_id, rd, f, m,
        (1 + (5 * (rank() over (order by rd desc) - 1)) / n.n)::int as r,
        (1 + width_bucket(f, ${[...frequencyThresholds]}::int[]))::int as fs,
        (1 + (5 * (rank() over (order by m) - 1)) / n.n)::int as ms
      from v cross join n)
    insert into analytics_member_rfm (member_id, recency_days, frequency, monetary, r, f, m, layer, computed_at)
    select member_id, rd, f, m, r, fs, ms, ${sql.raw(layerSql('r', '((fs + ms + 1) / 2)'))}, ${computedAt} from s`.execute(
    tx,
  );
  await sql`alter table analytics_member_rfm add constraint analytics_member_rfm_pkey primary key (member_id)`.execute(
    tx,
  );
  await sql`create index analytics_member_rfm_layer_idx on analytics_member_rfm (layer)`.execute(tx);
  const scored = Number(r.numAffectedRows ?? 0);
  await sql`
    insert into analytics_rfm_run (id, computed_at, as_of, window_from, window_to, window_days, scored)
    values (1, ${computedAt}, ${w.asOf}::date, ${w.from}::date, ${w.to}::date, ${w.days}, ${scored})
    on conflict (id) do update set computed_at = excluded.computed_at, as_of = excluded.as_of, window_from = excluded.window_from,
      window_to = excluded.window_to, window_days = excluded.window_days, scored = excluded.scored`.execute(tx);
  return scored;
}

/** Per R and per M score: the least and most value scored so, and how many buyers hold it. */
export async function scoreRanges(tx: Tx) {
  const r = await sql<{ axis: 'r' | 'm'; score: number; min: string; max: string; buyers: number }>`
    select 'r' as axis, r as score, min(recency_days)::text as min, max(recency_days)::text as max, count(*)::int as buyers
    from analytics_member_rfm group by r
    union all
    select 'm', m, min(monetary)::text, max(monetary)::text, count(*)::int from analytics_member_rfm group by m
    union all
    select 'f', f, min(frequency)::text, max(frequency)::text, count(*)::int from analytics_member_rfm group by f
    order by 1, 2`.execute(tx);
  return r.rows;
}

/** The last scoring: when it ran, as of which day, over which window, and how many it scored. */
export async function lastRfmRun(tx: Tx) {
  const r = await sql<{
    computed_at: Date;
    as_of: string;
    window_from: string;
    window_to: string;
    window_days: number;
    scored: number;
  }>`
    select computed_at, as_of::text as as_of, window_from::text as window_from, window_to::text as window_to, window_days, scored
    from analytics_rfm_run where id = 1`.execute(tx);
  return r.rows[0] ?? null;
}

export async function layerSummary(tx: Tx) {
  const r = await sql<{ layer: string; members: number; revenue: string; avg_recency: number; avg_frequency: number }>`
    select layer, count(*)::int as members, sum(monetary)::numeric(16, 2)::text as revenue,
      round(avg(recency_days))::int as avg_recency, round(avg(frequency), 1)::float8 as avg_frequency
    from analytics_member_rfm group by layer`.execute(tx);
  return r.rows;
}

export async function rfmGrid(tx: Tx) {
  const r = await sql<{
    r: number;
    f: number;
    members: number;
  }>`select r, f, count(*)::int as members from analytics_member_rfm group by r, f order by r, f`.execute(tx);
  return r.rows;
}

/** A page of a layer's members, each with the as-of day of the scoring it belongs to (read in the same statement). */
export async function layerMembers(tx: Tx, layer: string, after: number, limit: number) {
  const r = await sql<{
    member_id: number;
    recency_days: number;
    frequency: number;
    monetary: string;
    r: number;
    f: number;
    m: number;
    as_of: string | null;
  }>`
    select x.member_id, x.recency_days, x.frequency, x.monetary::text, x.r, x.f, x.m, run.as_of::text as as_of
    from analytics_member_rfm x left join analytics_rfm_run run on run.id = 1
    where x.layer = ${layer} and x.member_id > ${after} order by x.member_id limit ${limit}`.execute(tx);
  return r.rows;
}

export async function memberRfm(tx: Tx, memberId: number) {
  const r = await sql<{
    recency_days: number;
    frequency: number;
    monetary: string;
    r: number;
    f: number;
    m: number;
    layer: string;
    computed_at: Date;
    as_of: string | null;
  }>`
    select x.recency_days, x.frequency, x.monetary::text, x.r, x.f, x.m, x.layer, x.computed_at, run.as_of::text as as_of
    from analytics_member_rfm x left join analytics_rfm_run run on run.id = 1 where x.member_id = ${memberId}`.execute(
    tx,
  );
  return r.rows[0] ?? null;
}

/** A member's RFM score, as their personal-data export shows it. */
export async function rfmScoreOf(tx: Tx, memberId: number) {
  return tx.selectFrom('analytics_member_rfm').selectAll().where('member_id', '=', memberId).executeTakeFirst();
}

/** Drops members' RFM scores (merged or erased members; the next scoring gives survivors theirs). */
export async function dropRfmScores(tx: Tx, memberIds: number[]) {
  await tx.deleteFrom('analytics_member_rfm').where('member_id', 'in', memberIds).execute();
}

export async function loadSettings(tx: Tx) {
  return tx.selectFrom('analytics_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function saveSettings(tx: Tx, set: Updateable<AnalyticsSettingsTable>) {
  await tx.updateTable('analytics_settings').set(set).where('id', '=', 1).execute();
}

/** The default texts of layers that have none yet (an operator's edits stay). */
export async function insertMissingLayerTexts(tx: Tx, rows: Insertable<AnalyticsRfmLayersTable>[]) {
  await tx
    .insertInto('analytics_rfm_layers')
    .values(rows)
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

export async function layerTexts(tx: Tx) {
  return tx.selectFrom('analytics_rfm_layers').selectAll().execute();
}

export async function layerText(tx: Tx, key: string) {
  return tx.selectFrom('analytics_rfm_layers').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveLayerText(tx: Tx, key: string, set: Updateable<AnalyticsRfmLayersTable>) {
  await tx.updateTable('analytics_rfm_layers').set(set).where('key', '=', key).execute();
}
