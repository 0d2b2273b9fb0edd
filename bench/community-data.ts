/**
 * A deterministic community for the analytics benchmark, generated set-based in SQL:
 * - `members` profiles joining over the year before `now`, at every hour of the day; a few merged
 *   into another profile (keeping their orders, as imported orders naming an old profile do) and a
 *   few erased;
 * - `communities` communities of unequal size; each member belongs to 1–3 of them (half to one),
 *   joining the first when the profile is made and the others up to 60 days later;
 * - 20 activities per member on average, skewed: a member's rank comes from an exponential of a
 *   hashed uniform, so the top tenth of members make most of the activity. An activity falls in
 *   one of its member's communities, or (15%) in none; it happens at any time of day between the
 *   member's joining (of that community) and `now`, so local days differ by time zone;
 * - 2 orders per member on average, from the first 60% of the same ranking (active members buy
 *   more), 70% of them carrying one of the buyer's communities, 3% fully and 5% partly refunded;
 *   a buyer's shop history starts 90 days before their profile (imported with it), so orders fall
 *   on both sides of the start of a year's RFM window.
 * Every choice is a hash of the row's number (`hashint8extended`), so a scale always gives the
 * same rows. Returns the shape of what was generated, for the bench to print and check.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../src/kernel/db/database.js';

/** A uniform in [0, 1) from a hash of `x` and a seed: independent for different seeds. */
const u = (x: RawBuilder<unknown>, seed: number) =>
  sql`((hashint8extended((${x})::bigint, ${sql.lit(seed)}) & 9007199254740991)::float8 / 9007199254740992)`;

/** A member rank in [0, n) favouring small ranks: ranks below n/10 take ln(1 + (e^b − 1)/10)/b of the draws (71% for b = 8, 56% for b = 6). */
const skewedRank = (x: RawBuilder<unknown>, seed: number, n: number | RawBuilder<unknown>, b: number) =>
  sql`least(floor(${n}::float8 * (exp(${sql.lit(b)} * ${u(x, seed)}) - 1) / (exp(${sql.lit(b)}) - 1))::bigint, ${n}::bigint - 1)`;

/** Ranks map onto profiles through a multiplication by a prime above any member count: a bijection, so activity is not ordered by join date. */
const PRIME = 1_000_003;

export interface CommunityShape {
  members: number;
  communities: number;
  activities: number;
  orders: number;
  /** Share of all activity made by the 10% most active members. */
  topTenthShare: number;
  /** Memberships per member on average, and how many members are in 1, 2, 3 communities. */
  membershipsPerMember: number;
  membershipsHistogram: Record<string, number>;
  /** Share of activities carrying a community. */
  inCommunity: number;
  /** Of those, the share in a community their member belongs to (100% by construction). */
  inOwnCommunity: number;
  /** Share of activities whose day in `tz` differs from their UTC day. */
  localDayDiffers: number;
  ordersWithCommunity: number;
  /** Share of orders placed more than 364 days before `now` (before a year's window). */
  ordersBeforeYear: number;
  ordersRefunded: number;
  ordersPartlyRefunded: number;
  mergedMembers: number;
  erasedMembers: number;
  /** Scopes that can hold cohort cells: the workspace and each community with meaningful activity by its members. */
  cohortScopes: number;
}

const KIND_MIX = [
  ...Array(10).fill('message'),
  ...Array(3).fill('reaction'),
  'check_in',
  'check_in',
  'content_view',
  'content_view',
  'event_registered',
  'event_attended',
  'survey_response',
] as string[];

export async function generateCommunity(
  database: Database,
  opts: { members: number; communities?: number; now: string; tz: string; meaningfulKinds: string[] },
): Promise<CommunityShape> {
  const db = database.db;
  const n = opts.members;
  const nc = opts.communities ?? 12;
  const now = opts.now;
  const start = '2025-12-01T00:00:00+08:00';
  const communityIds: number[] = [];
  for (let c = 0; c < nc; c++) {
    communityIds.push(
      (
        await db
          .insertInto('communities')
          .values({ name: `社群${c}`, channel: 'wechat', positioning_type: 'interest', goal: 'interaction' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  }
  const c0 = communityIds[0]!;
  check(
    communityIds.every((id, i) => id === c0 + i),
    'community ids are consecutive',
  );

  const m = (
    await sql<{ first: number; last: number }>`
    with ins as (
      insert into members (nickname, created_at)
      select null, ${start}::timestamptz + (${now}::timestamptz - interval '2 days' - ${start}::timestamptz) * ((g - 1)::float8 / ${n}) + make_interval(secs => 86400 * ${u(sql`g`, 1)})
      from generate_series(1, ${n}::int) g order by g
      returning id)
    select min(id)::bigint as first, max(id)::bigint as last from ins`.execute(db)
  ).rows[0]!;
  check(Number(m.last) - Number(m.first) + 1 === n, 'member ids are consecutive');
  const first = Number(m.first);

  // Each member's plan: their communities (1–3, the first by a skewed draw so communities differ in
  // size, the others 5 and 10 places further round: always distinct among 12) and the time they
  // joined each. Activities and orders are placed from it.
  await sql`drop table if exists bench_member_plan`.execute(db);
  await sql`
    create unlogged table bench_member_plan as
    select j, id, created_at as created, k,
      array(select ${c0}::bigint + (base + t * 5) % ${nc} from generate_series(0, k - 1) t order by t) as comms,
      array(select case when t = 0 then created_at else least(created_at + make_interval(secs => 60 * 86400 * ${u(sql`j * 4 + t`, 3)}), ${now}::timestamptz - interval '1 day') end
            from generate_series(0, k - 1) t order by t) as joins
    from (
      select id - ${first} as j, id, created_at,
        floor(${nc} * power(${u(sql`id - ${first}`, 2)}, 1.6))::int as base,
        case when ${u(sql`id - ${first}`, 4)} < 0.5 then 1 when ${u(sql`id - ${first}`, 4)} < 0.85 then 2 else 3 end as k
      from members where id between ${first} and ${m.last}) x`.execute(db);
  await sql`alter table bench_member_plan add primary key (j)`.execute(db);
  await sql`analyze bench_member_plan`.execute(db);

  await sql`
    insert into community_memberships (community_id, member_id, joined_at, join_source)
    select p.comms[t], p.id, p.joins[t], 'qr_code' from bench_member_plan p cross join lateral generate_subscripts(p.comms, 1) t`.execute(
    db,
  );

  const acts = n * 20;
  const chunk = 1_000_000;
  for (let s = 0; s < acts; s += chunk) {
    await sql`
      insert into activities (member_id, community_id, channel, kind, occurred_at, properties, source, external_id)
      select p.id, case when a.none then null else p.comms[1 + floor(a.v * p.k)::int] end, 'wechat', (${KIND_MIX}::text[])[1 + floor(a.w * ${KIND_MIX.length})::int],
        x.since + (${now}::timestamptz - x.since) * a.t, '{}', 'bench', 'a' || a.i
      from (
        select i, ${skewedRank(sql`i`, 21, n, 8)} as r, ${u(sql`i`, 22)} < 0.15 as none, ${u(sql`i`, 23)} as v, ${u(sql`i`, 24)} as w, ${u(sql`i`, 25)} as t
        from generate_series(${s}::int, ${Math.min(acts, s + chunk) - 1}::int) i) a
      join bench_member_plan p on p.j = (a.r * ${PRIME}) % ${n}
      cross join lateral (select case when a.none then p.created else p.joins[1 + floor(a.v * p.k)::int] end as since) x`.execute(
      db,
    );
  }

  const orders = n * 2;
  await sql`
    insert into orders (source, order_id, member_id, community_id, amount, refunded_amount, status, ordered_at, refunded_at)
    select 'bench', 'o' || o.i, p.id, case when o.c < 0.7 then p.comms[1 + floor(o.c / 0.7 * p.k)::int] end,
      o.amount, case when o.q < 0.03 then o.amount when o.q < 0.08 then round(o.amount * 0.4, 2) else 0 end,
      case when o.q < 0.03 then 'refunded' when o.q < 0.08 then 'partially_refunded' else 'paid' end,
      p.created - interval '90 days' + (${now}::timestamptz - p.created + interval '90 days') * o.t, case when o.q < 0.08 then ${now}::timestamptz end
    from (
      select i, ${skewedRank(sql`i`, 31, Math.max(1, Math.floor(n * 0.6)), 6)} as r, ${u(sql`i`, 32)} as c, ${u(sql`i`, 33)} as q, ${u(sql`i`, 34)} as t,
        round((9.9 + 2000 * power(${u(sql`i`, 35)}, 3))::numeric, 2) as amount
      from generate_series(0, ${orders - 1}::int) i) o
    join bench_member_plan p on p.j = (o.r * ${PRIME}) % ${n}`.execute(db);

  // A few profiles merged into their neighbour (who is never merged itself) and a few erased.
  await sql`update members set merged_into = id - 1 where id between ${first + 1} and ${m.last} and (id - ${first}) % 397 = 11`.execute(
    db,
  );
  await sql`update members set erased_at = ${now}::timestamptz - interval '1 day' where id between ${first} and ${m.last} and (id - ${first}) % 499 = 13`.execute(
    db,
  );
  await sql`drop table bench_member_plan`.execute(db);
  await sql`analyze`.execute(db);

  const shape = (
    await sql<
      Omit<
        CommunityShape,
        'members' | 'communities' | 'activities' | 'orders' | 'topTenthShare' | 'membershipsHistogram'
      >
    >`
    select
      (select count(*)::float8 / ${n} from community_memberships) as "membershipsPerMember",
      (select avg((community_id is not null)::int)::float8 from activities) as "inCommunity",
      (select avg((exists (select 1 from community_memberships cm where cm.community_id = a.community_id and cm.member_id = a.member_id))::int)::float8
         from activities a where community_id is not null) as "inOwnCommunity",
      (select avg(((occurred_at at time zone ${opts.tz})::date <> (occurred_at at time zone 'UTC')::date)::int)::float8 from activities) as "localDayDiffers",
      (select avg((community_id is not null)::int)::float8 from orders) as "ordersWithCommunity",
      (select avg((ordered_at < ${now}::timestamptz - interval '364 days')::int)::float8 from orders) as "ordersBeforeYear",
      (select avg((status = 'refunded')::int)::float8 from orders) as "ordersRefunded",
      (select avg((status = 'partially_refunded')::int)::float8 from orders) as "ordersPartlyRefunded",
      (select count(*)::int from members where merged_into is not null) as "mergedMembers",
      (select count(*)::int from members where erased_at is not null) as "erasedMembers",
      (select 1 + count(distinct a.community_id)::int from activities a
         where a.community_id is not null and a.kind = any(${opts.meaningfulKinds}::text[])
           and exists (select 1 from community_memberships cm where cm.community_id = a.community_id and cm.member_id = a.member_id)) as "cohortScopes"`.execute(
      db,
    )
  ).rows[0]!;
  const top = (
    await sql<{ share: number }>`
    select (sum(k) filter (where rk <= ${Math.ceil(n / 10)}))::float8 / sum(k) as share
    from (select count(*) as k, row_number() over (order by count(*) desc) as rk from activities group by member_id) x`.execute(
      db,
    )
  ).rows[0]!;
  const hist = (
    await sql<{ k: number; members: number }>`
    select k::int, count(*)::int as members from (select member_id, count(*) as k from community_memberships group by 1) x group by 1 order by 1`.execute(
      db,
    )
  ).rows;
  return {
    members: n,
    communities: nc,
    activities: acts,
    orders,
    topTenthShare: top.share,
    membershipsHistogram: Object.fromEntries(hist.map((h) => [String(h.k), h.members])),
    ...shape,
  };
}

function check(ok: boolean, what: string): asserts ok {
  if (!ok) throw new Error(`community data: ${what}`);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The shape as lines for the bench's output. */
export function describeShape(s: CommunityShape): string[] {
  const hist = Object.entries(s.membershipsHistogram)
    .map(([k, v]) => `${k}: ${pct(v / s.members)}`)
    .join(', ');
  return [
    `top 10% of members make ${pct(s.topTenthShare)} of the activity`,
    `${s.membershipsPerMember.toFixed(2)} memberships per member (${hist}) in ${s.communities} communities`,
    `${pct(s.inCommunity)} of activities in a community, ${pct(s.inOwnCommunity)} of those in one their member belongs to`,
    `${pct(s.localDayDiffers)} of activities fall on another day in UTC than in the workspace time zone`,
    `${pct(s.ordersWithCommunity)} of orders carry a community; ${pct(s.ordersRefunded)} refunded, ${pct(s.ordersPartlyRefunded)} partly; ${pct(s.ordersBeforeYear)} placed over a year ago`,
    `${s.mergedMembers} merged and ${s.erasedMembers} erased profiles`,
    `${s.cohortScopes} cohort scopes (the workspace and ${s.cohortScopes - 1} communities)`,
  ];
}
