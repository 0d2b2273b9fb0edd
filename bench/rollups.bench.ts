/**
 * Rollup-maintenance benchmark, on PostgreSQL: what keeping the analytics rollups up to date costs
 * the live activity stream.
 *
 * Setup (set-based SQL): N members in 12 communities, each a member of one to three of them, and
 * 20·N activities of history over 57 days, rolled up from raw history (`rebuildRollups`).
 *
 * Then rounds of live batches as API clients send them (250, 1,000 and 4,000 items in turn, each
 * member named by its WeChat identity): most items carry the `communityId` of a community the member
 * belongs to, 15% carry none; one member in twenty makes four fifths of them; they fall all through
 * the day on eight days, four already rolled up and four not yet (the history ends before them).
 * Each round sends new activities through ingest and the follow-up jobs twice, alternating which
 * goes first:
 * - rollups on: every follow-up job runs (last active, loyalty rules, the analytics rollups);
 * - rollups off: the same, but the rollup subscriber's jobs are marked done unrun.
 * The figure is the live rate with the rollups on as a share of the rate with them off (target ≥ 80%),
 * the median over the rounds.
 *
 * Checked in the run (a wrong result fails it): every live activity created, no job failed or left
 * behind, and the rollups kept through the on-rounds equal, table by table and row by row, what a
 * full rebuild computes from the same activities.
 */
import { sql } from 'kysely';
import { createKith } from '../src/app.js';
import { loadConfig } from '../src/kernel/config.js';
import { createLogger } from '../src/kernel/logger.js';
import { systemActor } from '../src/kernel/context.js';
import { fixedClock } from '../src/kernel/clock.js';
import type { Database } from '../src/kernel/db/database.js';
import { ROLLUP_SUBSCRIBER } from '../src/modules/analytics/rollups.repo.js';
import { settleQueuedEvents } from '../src/kernel/jobs.js';
import { alternate, benchDatabase, check, checkEqual, fmt, mib, peakRss, record, spreadOf, timed } from './support.js';
import type { BenchOptions } from './run.js';

const TZ = 'Asia/Shanghai';
/** Just after midnight on 2 December: 1 December is a whole day, and no nightly job is due yet. */
const NOW = '2026-12-02T00:30:00+08:00';
const COMMUNITIES = 12;
/** History: 2026-10-02 – 2026-11-27, rolled up before the rounds. */
const HISTORY_FROM = '2026-10-02';
const HISTORY_DAYS = 57;
/** Live days: 2026-11-24 – 2026-12-01; the first four already rolled up, the last four not yet. */
const LIVE_FROM = Date.parse('2026-11-24T00:00:00+08:00');
const LIVE_DAYS = 8;
const ROUNDS = 5;
const BATCH_SIZES = [250, 1000, 4000];
/** Kinds in twentieths: messages mostly; content views are not meaningful. */
const KIND_SLOTS = [
  ...Array(14).fill('message'),
  'reaction',
  'reaction',
  'check_in',
  'content_view',
  'content_view',
  'event_attended',
] as string[];
const TEXTS = ['大家早上好！', '新品什么时候发货？', '打卡', '周末的线下活动还有名额吗', '👍', '谢谢群主分享'];
const HOT_SHARE = 0.8; // of the activities, made by
const HOT_MEMBERS = 1 / 20; // of the members
const IN_COMMUNITY = 0.85;
const ON_SOURCE = 'bench-on';
const OFF_SOURCE = 'bench-off';
const ctx = { actor: systemActor('bench'), requestId: null };

/** The communities (indexes) member k belongs to: one to three, the first always `k % 12`. */
function communitiesOf(k: number): number[] {
  const a = k % COMMUNITIES;
  const out = [a];
  const r = Math.floor(k / COMMUNITIES);
  if (k % 3 !== 0) out.push((a + 1 + (r % (COMMUNITIES - 1))) % COMMUNITIES);
  if (k % 5 === 0) {
    const c = (a + 1 + ((r + 5) % (COMMUNITIES - 1))) % COMMUNITIES;
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** A small seeded generator (mulberry32), so every run sends the same batches. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function setUp(database: Database, members: number) {
  const db = database.db;
  const cids: number[] = [];
  for (let c = 0; c < COMMUNITIES; c++) {
    cids.push(
      (
        await db
          .insertInto('communities')
          .values({ name: `社群${c}`, channel: 'wechat', positioning_type: 'interest', goal: 'interaction' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  }
  // Profiles created over the four months before the history, each with its WeChat identity.
  await sql`
    insert into members (name, source, created_at)
    select 'b' || g, 'bench', '2026-06-01T00:00:00+08:00'::timestamptz + make_interval(secs => g::double precision * 10540800 / ${members})
    from generate_series(0, ${members - 1}::int) g`.execute(db);
  await sql`create table bench_members as select id, substr(name, 2)::int as k from members where source = 'bench'`.execute(
    db,
  );
  await sql`alter table bench_members add primary key (k)`.execute(db);
  await sql`insert into member_identities (member_id, channel, external_id) select id, 'wechat', 'wx_' || k from bench_members`.execute(
    db,
  );
  const ks: number[] = [];
  const cs: number[] = [];
  for (let k = 0; k < members; k++)
    for (const c of communitiesOf(k)) {
      ks.push(k);
      cs.push(c);
    }
  // Stays opened an hour or more after the profile, before any activity.
  await sql`
    insert into community_memberships (community_id, member_id, joined_at, join_source)
    select (${cids}::bigint[])[1 + u.c], b.id, m.created_at + make_interval(hours => 1 + u.c), 'import'
    from unnest(${ks}::int[], ${cs}::int[]) u(k, c) join bench_members b on b.k = u.k join members m on m.id = b.id`.execute(
    db,
  );
  const history = members * 20;
  const hot = Math.max(1, Math.round(members * HOT_MEMBERS));
  await database.transaction(async (tx) => {
    await sql`select setseed(0.23)`.execute(tx);
    await sql`
      insert into activities (member_id, community_id, channel, kind, occurred_at, properties, source, external_id)
      select b.id, case when x.r < ${IN_COMMUNITY} then (${cids}::bigint[])[1 + x.k % ${COMMUNITIES}] end, 'wechat', (${KIND_SLOTS}::text[])[1 + x.s],
        (${HISTORY_FROM}::date::timestamp + make_interval(secs => x.t * ${HISTORY_DAYS * 86400})) at time zone ${TZ}, '{}', 'bench-history', 'h' || x.i
      from (select i, case when random() < ${HOT_SHARE} then floor(random() * ${hot}) else floor(random() * ${members}) end::int as k,
              random() as r, floor(random() * 20)::int as s, random() as t
            from generate_series(0, ${history - 1}::int) i) x
      join bench_members b on b.k = x.k`.execute(tx);
  });
  await sql`analyze`.execute(db);
  return { cids, history, hot };
}

/** `n` live activities of one side of one round, as API clients send them. Deterministic per seed. */
function liveItems(n: number, seed: number, tag: string, members: number, hot: number, cids: number[]) {
  const rnd = random(seed);
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const k = rnd() < HOT_SHARE ? Math.floor(rnd() * hot) : Math.floor(rnd() * members);
    const own = communitiesOf(k);
    const communityId = rnd() < IN_COMMUNITY ? cids[own[Math.floor(rnd() * own.length)]!] : undefined;
    const at = LIVE_FROM + Math.floor(rnd() * LIVE_DAYS) * 86_400_000 + Math.floor(rnd() * 86_400) * 1000;
    const kind = KIND_SLOTS[Math.floor(rnd() * KIND_SLOTS.length)]!;
    items.push({
      externalId: `${tag}-${i}`,
      kind,
      occurredAt: new Date(at).toISOString(),
      member: { channel: 'wechat', externalId: `wx_${k}` },
      ...(communityId ? { communityId } : {}),
      properties: kind === 'message' ? { text: TEXTS[i % TEXTS.length] } : {},
    });
  }
  return items;
}

/** The rollup tables compared, with the rows that count (the live path leaves zero cells in place; readers ignore them). */
const ROLLUP_TABLES = [
  {
    table: 'analytics_member_days',
    cols: 'community_id, day, member_id, activities, meaningful, messages',
    rows: 'activities <> 0 or meaningful <> 0 or messages <> 0',
  },
  {
    table: 'analytics_community_days',
    cols: 'community_id, day, activities, meaningful, messages',
    rows: 'activities <> 0 or meaningful <> 0 or messages <> 0',
  },
  { table: 'analytics_active_gaps', cols: 'community_id, day, gap, members', rows: 'members <> 0' },
  { table: 'analytics_cohort_cells', cols: 'community_id, grain, cohort, period, members', rows: 'members <> 0' },
] as const;

class Rollback extends Error {}

/**
 * The rollups as the on-rounds kept them against a full rebuild from raw activities.
 *
 * Why the comparison is fair: the rollup has been fed exactly the rebuilt history plus the
 * on-rounds' batches (the off-rounds' rollup jobs were marked done unrun, and nothing the rollup
 * reads besides its batch changed with them: every stay existed before). Deleting the off-rounds'
 * activities inside one transaction leaves exactly that set of activities, so Kith's rebuild over
 * it must give the same rows in every table, in every community and the workspace, on every day,
 * including the days where on- and off-rounds interleaved; the transaction is then rolled back.
 */
async function verify(database: Database, kith: Awaited<ReturnType<typeof createKith>>, expectedKept: number) {
  let compared = 0;
  await database
    .transaction(async (tx) => {
      for (const t of ROLLUP_TABLES)
        await sql`create temp table ${sql.raw(`kept_${t.table}`)} on commit drop as select ${sql.raw(t.cols)} from ${sql.raw(t.table)} where ${sql.raw(t.rows)}`.execute(
          tx,
        );
      await sql`create temp table kept_joins on commit drop as select community_id, member_id, joined from analytics_member_joins`.execute(
        tx,
      );
      // A check that does not go through Kith's rollup code: the workspace totals count every activity kept.
      const raw = (
        await sql<{ total: number; inc: number }>`
      select count(*)::int as total, count(community_id)::int as inc from activities where source <> ${OFF_SOURCE}`.execute(
          tx,
        )
      ).rows[0]!;
      const kept = (
        await sql<{ total: number; inc: number }>`
      select coalesce(sum(activities) filter (where community_id = 0), 0)::int as total, coalesce(sum(activities) filter (where community_id <> 0), 0)::int as inc
      from kept_analytics_community_days`.execute(tx)
      ).rows[0]!;
      checkEqual(raw.total, expectedKept, 'activities of the history and the on-rounds');
      checkEqual(kept, raw, 'rollup totals (workspace, in communities) against the activities counted raw');

      await sql`delete from activities where source = ${OFF_SOURCE}`.execute(tx);
      await kith.analytics.service.rebuildRollupsIn(tx);
      for (const t of ROLLUP_TABLES) {
        const kept = sql.raw(`kept_${t.table}`);
        const d = (
          await sql<{ side: string; row: unknown; n: number }>`
        with a as (select ${sql.raw(t.cols)} from ${kept} except all select ${sql.raw(t.cols)} from ${sql.raw(t.table)} where ${sql.raw(t.rows)}),
        b as (select ${sql.raw(t.cols)} from ${sql.raw(t.table)} where ${sql.raw(t.rows)} except all select ${sql.raw(t.cols)} from ${kept})
        (select 'kept' as side, to_jsonb(a) as row, (select count(*) from a)::int as n from a limit 3)
        union all
        (select 'rebuilt', to_jsonb(b), (select count(*) from b)::int from b limit 3)`.execute(tx)
        ).rows;
        const n = (await sql<{ n: number }>`select count(*)::int as n from ${kept}`.execute(tx)).rows[0]!.n;
        check(
          d.length === 0,
          `${t.table} kept through the on-rounds differs from the rebuild from raw activities: ${d.filter((x) => x.side === 'kept')[0]?.n ?? 0} rows only as kept, ${d.filter((x) => x.side === 'rebuilt')[0]?.n ?? 0} only as rebuilt, e.g. ${d
            .slice(0, 4)
            .map((x) => `${x.side} ${JSON.stringify(x.row)}`)
            .join('; ')}`,
        );
        check(n > 0, `${t.table} is empty`);
        compared += n;
      }
      // Join days are stored for the members the live path met; each must be the one the rebuild stores.
      const j = (
        await sql<{ n: number; c: number }>`
      select count(*)::int as n, count(*) filter (where j.member_id is null or j.joined is distinct from k.joined)::int as c
      from kept_joins k left join analytics_member_joins j using (community_id, member_id)`.execute(tx)
      ).rows[0]!;
      checkEqual(j.c, 0, `stored join days (of ${j.n}) that differ from the rebuild's`);
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return compared;
}

export async function run(opts: BenchOptions) {
  const members = Math.round(200_000 * opts.scale);
  const n = Math.max(2000, Math.round(250_000 * opts.scale)); // per side and round
  const { database, dispose } = await benchDatabase('postgres', { poolSize: 8 });
  const kith = await createKith({
    config: loadConfig({ KITH_LOG_LEVEL: 'silent', KITH_TIME_ZONE: TZ }, { jobsEnabled: false }),
    database,
    clock: fixedClock(NOW),
    log: createLogger('silent'),
  });
  const db = database.db;
  try {
    console.log(
      `rollup maintenance on PostgreSQL (scale ${opts.scale}): ${fmt(members)} members in ${COMMUNITIES} communities, ${fmt(members * 20)} activities of history;`,
    );
    console.log(`   ${ROUNDS} rounds of ${fmt(n)} live activities per side, in batches of ${BATCH_SIZES.join(', ')}`);
    const gen = await timed(() => setUp(database, members));
    const { cids, history, hot } = gen.value;
    const rebuilt = await timed(() => kith.analytics.service.rebuildRollups());
    await kith.jobs.runOnce(); // the start-up jobs, out of the way of the rounds
    console.log(
      `   set up in ${(gen.ms / 1000).toFixed(1)} s, history rolled up in ${(rebuilt.ms / 1000).toFixed(1)} s`,
    );

    const ms = { on: [] as number[], off: [] as number[] };
    const side = async (on: boolean, round: number) => {
      const tag = `${on ? 'on' : 'off'}${round}`;
      const items = liveItems(n, 1000 + round * 2 + (on ? 0 : 1), tag, members, hot, cids);
      const t = performance.now();
      let created = 0;
      for (let s = 0, b = 0; s < items.length; b++) {
        const size = BATCH_SIZES[b % BATCH_SIZES.length]!;
        const r = await kith.ingest.ingest(ctx, items.slice(s, s + size), {
          source: on ? ON_SOURCE : OFF_SOURCE,
          audit: false,
        });
        created += r.created;
        s += size;
      }
      if (!on) await settleQueuedEvents(db, ROLLUP_SUBSCRIBER);
      await kith.jobs.runOnce();
      (on ? ms.on : ms.off).push(performance.now() - t);
      checkEqual(created, n, `activities created in ${tag}`);
    };
    await alternate(
      ROUNDS,
      (r) => side(true, r),
      (r) => side(false, r),
    );

    const jobs = (
      await sql<{ failed: number; errors: number; left: number }>`
      select count(*) filter (where status = 'failed')::int as failed, count(*) filter (where last_error is not null)::int as errors,
        count(*) filter (where status = 'queued' and run_at <= ${new Date(NOW)})::int as left from jobs`.execute(db)
    ).rows[0]!;
    checkEqual(jobs, { failed: 0, errors: 0, left: 0 }, 'jobs failed, with errors, or left queued');
    const bySource = (
      await sql<{
        source: string;
        n: number;
      }>`select source, count(*)::int as n from activities group by 1 order by 1`.execute(db)
    ).rows;
    checkEqual(
      bySource,
      [
        { source: 'bench-history', n: history },
        { source: OFF_SOURCE, n: n * ROUNDS },
        { source: ON_SOURCE, n: n * ROUNDS },
      ],
      'activities by source',
    );
    const compared = await verify(database, kith, history + n * ROUNDS);

    const on = spreadOf(ms.on);
    const off = spreadOf(ms.off);
    const share = spreadOf(ms.on.map((m, i) => ms.off[i]! / m));
    const rate = (m: number) => (n / m) * 1000;
    console.log(
      `\n   rollups off   ${fmt(rate(off.median))} activities/s (median; ${fmt(rate(off.max))} – ${fmt(rate(off.min))})`,
    );
    console.log(
      `   rollups on    ${fmt(rate(on.median))} activities/s (median; ${fmt(rate(on.max))} – ${fmt(rate(on.min))})`,
    );
    console.log(
      `   on as % of off, per round: ${ms.on.map((m, i) => `${((ms.off[i]! / m) * 100).toFixed(0)}%`).join(' ')}`,
    );
    console.log(
      `   median ${(share.median * 100).toFixed(0)}%   spread ${(share.spread * 100).toFixed(0)}%   target ≥ 80%`,
    );
    console.log(
      `   checked: ${fmt(n * ROUNDS * 2)} live activities created, no job failed; ${fmt(compared)} rollup rows kept through the on-rounds equal the rebuild from raw activities`,
    );
    record({
      bench: 'rollups',
      figure: 'live ingest + follow-up jobs, rollups on vs. off (activities/s)',
      kith: fmt(rate(on.median)),
      reference: fmt(rate(off.median)),
      ratio: `${(share.median * 100).toFixed(0)}%`,
      target: '≥ 80%',
      rounds: share.rounds,
      spread: share.spread,
      scale: opts.scale,
      db: 'postgres',
    });
    console.log(`peak RSS ${mib(peakRss())}`);
  } finally {
    await kith.close();
    await dispose();
  }
}
