/**
 * Membership programme benchmark, on PostgreSQL, in one run:
 * 1. postings through the ledger service from 16 concurrent clients, one posting per transaction
 *    (ledger row, balance row under lock, lot), against a hand-written PL/pgSQL function doing the
 *    same three writes, called the same way;
 * 2. the periodic tier evaluation of 1,000,000 members (accounts, growth rollup, an obligation);
 * 3. behaviour rules applied to 1,000,000 activities in the batches ingest hands them over in,
 *    against a hand-written statement making only the same writes (the floor any rules engine
 *    writing these postings stands on);
 * then ledger verification, which must find no drift.
 */
import { sql } from 'kysely';
import { createKith, type Kith } from '../src/app.js';
import { loadConfig } from '../src/kernel/config.js';
import { createLogger } from '../src/kernel/logger.js';
import { systemActor } from '../src/kernel/context.js';
import { fixedClock } from '../src/kernel/clock.js';
import { PREPARED, type Database } from '../src/kernel/db/database.js';
import {
  alternate,
  benchDatabase,
  check,
  checkEqual,
  failedJobs,
  fmt,
  mib,
  peakRss,
  record,
  timed,
} from './support.js';
import type { BenchOptions } from './run.js';

const ctx = { actor: systemActor('bench'), requestId: null };
const CLIENTS = 16;
const NOW = '2026-12-01T03:00:00+08:00';

async function pool<T>(n: number, clients: number, fn: (i: number) => Promise<T>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < n; i = next++) await fn(i);
    }),
  );
}

async function membersBulk(database: Database, n: number): Promise<{ first: number; last: number }> {
  const r = await sql<{ first: number; last: number }>`
    with ins as (insert into members (nickname) select null from generate_series(1, ${n}) returning id)
    select min(id)::bigint as first, max(id)::bigint as last from ins`.execute(database.db);
  return r.rows[0]!;
}

async function postingBench(kith: Kith, database: Database, total: number) {
  const at = new Date(NOW);
  const expires = new Date('2027-12-31T16:00:00Z');
  const programme = await import('../src/modules/loyalty/programme.repo.js').then((x) => x.loadProgramme(database.db));
  // The reference: the same three writes in one hand-written function, one call per posting,
  // prepared once per connection as the service's call is.
  await sql`
    create or replace function bench_post(p_member bigint, p_points bigint, p_key text, p_at timestamptz, p_expires timestamptz) returns void
    language plpgsql as $$
    declare v_id bigint;
    begin
      insert into loyalty_ledger (member_id, kind, points, growth, reason, idempotency_key, occurred_at, expires_at, actor)
      values (p_member, 'earn', p_points, 0, 'bench', p_key, p_at, p_expires, 'bench')
      on conflict (idempotency_key) do nothing returning id into v_id;
      if v_id is null then return; end if;
      insert into loyalty_accounts as a (member_id, points_balance) values (p_member, p_points)
      on conflict (member_id) do update set points_balance = a.points_balance + excluded.points_balance, updated_at = now();
      insert into loyalty_lots (posting_id, member_id, amount, remaining, earned_at, expires_at) values (v_id, p_member, p_points, p_points, p_at, p_expires);
    end $$`.execute(database.db);
  // Each side posts to 10,000 members of its own, so both open the same number of accounts and
  // neither finds the other's.
  const s0 = await membersBulk(database, 10_000);
  const r0 = await membersBulk(database, 10_000);
  const span = s0.last - s0.first + 1;
  const service = (i: number) =>
    database.transaction((tx) =>
      kith.loyalty.ledger.credit(tx, programme, [
        {
          memberId: s0.first + ((i * 7919) % span),
          kind: 'earn',
          points: 1 + (i % 50),
          growth: 0,
          reason: 'bench',
          key: `svc:${i}`,
          occurredAt: at,
          actor: 'bench',
        },
      ]),
    );
  const reference = (i: number) =>
    database.transaction(async (tx) => {
      await sql`${PREPARED} select bench_post(${r0.first + ((i * 7919) % span)}, ${1 + (i % 50)}, ${`ref:${i}`}, ${at}, ${expires})`.execute(
        tx,
      );
    });
  // The two take turns in rounds, each starting first in every other round, so that this shared
  // machine's slow and fast spells fall on both alike.
  const ROUNDS = 10;
  const slice = (round: number) => {
    const from = Math.floor((total * round) / ROUNDS);
    return { from, n: Math.floor((total * (round + 1)) / ROUNDS) - from };
  };
  const a = await alternate(
    ROUNDS,
    (round) => {
      const { from, n } = slice(round);
      return pool(n, CLIENTS, (i) => service(from + i));
    },
    (round) => {
      const { from, n } = slice(round);
      return pool(n, CLIENTS, (i) => reference(from + i));
    },
  );
  // Both sides must have written every posting, once, with its lot, and balances that add up.
  for (const [side, first, prefix] of [
    ['service', s0.first, 'svc:'],
    ['reference', r0.first, 'ref:'],
  ] as const) {
    const c = (
      await sql<{ postings: number; lots: number; points: string; balances: string }>`
      select (select count(*)::int from loyalty_ledger where idempotency_key like ${prefix + '%'}) as postings,
        (select count(*)::int from loyalty_lots l join loyalty_ledger p on p.id = l.posting_id where p.idempotency_key like ${prefix + '%'}) as lots,
        (select coalesce(sum(points), 0)::text from loyalty_ledger where idempotency_key like ${prefix + '%'}) as points,
        (select coalesce(sum(points_balance), 0)::text from loyalty_accounts where member_id between ${first} and ${first + span - 1}) as balances`.execute(
        database.db,
      )
    ).rows[0]!;
    let expected = 0;
    for (let i = 0; i < total; i++) expected += 1 + (i % 50);
    checkEqual(
      { postings: c.postings, lots: c.lots, points: c.points, balances: c.balances },
      { postings: total, lots: total, points: String(expected), balances: String(expected) },
      `postings by the ${side}`,
    );
  }
  const perRound = total / ROUNDS;
  return {
    service: (perRound / a.kith.median) * 1000,
    reference: (perRound / a.reference.median) * 1000,
    share: a.share,
    rounds: ROUNDS,
  };
}

async function evaluationBench(kith: Kith, database: Database, members: number) {
  const t = kith.loyalty.tiers;
  const tiers = await t.list();
  const [bronze, silver, gold] = tiers;
  const m = await membersBulk(database, members);
  // The steady state an evaluation meets: promotions already happened when growth arrived, so each
  // member holds the tier their growth earned; growth older than the twelve-month window now leaves
  // some of them short (grace starts or runs out), and a few were already in grace.
  const gen = await timed(async () => {
    await sql`
      insert into loyalty_accounts (member_id, tier_id, tier_since, below_keep_since)
      select id, case when (id * 31) % 1200 >= 900 then ${gold!.id}::bigint when (id * 31) % 1200 >= 300 then ${silver!.id}::bigint else ${bronze!.id}::bigint end,
        '2026-01-01'::timestamptz, case when id % 17 = 0 then '2026-09-01'::timestamptz end
      from generate_series(${m.first}::bigint, ${m.last}::bigint) as id`.execute(database.db);
    // One growth posting per member (the ledger stays the truth, so verification must still pass),
    // in one of the last fourteen months: some fall outside the twelve-month window.
    await sql`
      insert into loyalty_ledger (member_id, kind, points, growth, reason, idempotency_key, occurred_at, actor)
      select id, 'earn', 0, (id * 31) % 1200, 'bench growth', 'bench-g:' || id,
        (date '2026-11-15' - make_interval(months => (id % 14)::int))::timestamptz, 'bench'
      from generate_series(${m.first}::bigint, ${m.last}::bigint) as id`.execute(database.db);
    await sql`
      insert into loyalty_growth_monthly (member_id, month, growth)
      select member_id, date_trunc('month', occurred_at at time zone 'Asia/Shanghai')::date, growth
      from loyalty_ledger where idempotency_key like 'bench-g:%'`.execute(database.db);
    await sql`update loyalty_accounts a set growth_lifetime = (a.member_id * 31) % 1200 where a.member_id between ${m.first} and ${m.last}`.execute(
      database.db,
    );
    // Gold's obligation counts November's messages; give them to half of the gold members.
    await sql`
      insert into activities (member_id, channel, kind, occurred_at, properties, source, external_id)
      select id, 'wechat', 'message', '2026-11-10T02:00:00Z'::timestamptz + make_interval(hours => k), '{}', 'bench-eval', id || ':' || k
      from generate_series(${m.first}::bigint, ${m.last}::bigint) as id cross join generate_series(1, 4) as k where id % 20 = 9`.execute(
      database.db,
    );
    await sql`analyze`.execute(database.db);
  });
  const r = await timed(() => t.evaluate(new Date(NOW)));
  const again = await timed(() => t.evaluate(new Date(NOW)));
  return {
    members,
    genMs: gen.ms,
    ms: r.ms,
    result: r.value,
    againMs: again.ms,
    againEvaluated: again.value.evaluated,
  };
}

async function rulesBench(kith: Kith, database: Database, activities: number) {
  const members = Math.max(1, Math.round(activities / 10));
  const m = await membersBulk(database, members);
  const c = await database.db
    .insertInto('communities')
    .values({ name: '基准社群', channel: 'wechat', positioning_type: 'interest', goal: 'interaction' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const gen = await timed(async () => {
    await sql`
      insert into activities (member_id, community_id, channel, kind, occurred_at, properties, source, external_id)
      -- Skewed as communities are: the member is a hashed uniform number cubed, so the top 10% of
      -- members make about 46% of the activity and the daily caps bite for them.
      select ${m.first}::bigint + least(${members - 1}, floor(${members} * power(((i::bigint * 2654435761) % 1000003) / 1000003.0, 3)))::bigint, ${c.id}, 'wechat',
        case when i % 100 < 80 then 'message' when i % 100 < 95 then 'check_in' else 'event_attended' end,
        '2026-06-01T00:00:00Z'::timestamptz + make_interval(secs => (i::double precision * 15552000 / ${activities})),
        case when i % 100 < 80 then jsonb_build_object('text', '今天的咖啡豆酸度刚好，推荐 ' || (i % 37)) else '{}'::jsonb end,
        'bench-rules', 'r' || i
      from generate_series(0, ${activities - 1}) as i`.execute(database.db);
    await sql`analyze`.execute(database.db);
  });
  const ids = (
    await sql<{ id: number }>`select id from activities where source = 'bench-rules' order by id`.execute(database.db)
  ).rows.map((r) => r.id);
  const BATCH = 10_000;
  const batches: number[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH));
  // The reference, below, writes into copies of the four tables taken now, with the same indexes
  // and the same rows, so both runs start from the same state and neither meets the other's rows.
  for (const t of ['loyalty_ledger', 'loyalty_accounts', 'loyalty_lots', 'loyalty_growth_monthly']) {
    const ref = sql.id(`ref_${t}`);
    await sql`create table ${ref} (like ${sql.id(t)} including all)`.execute(database.db);
    await sql`insert into ${ref} overriding system value select * from ${sql.id(t)}`.execute(database.db);
  }
  await sql`select setval(pg_get_serial_sequence('ref_loyalty_ledger', 'id'), coalesce((select max(id) from ref_loyalty_ledger), 0) + 1, false)`.execute(
    database.db,
  );
  await sql`analyze`.execute(database.db);
  // One client, in arrival order, as the outbox worker applies ingest batches one after another.
  // The writes alone (the reference): one hand-written statement per batch gives every activity
  // the posting its kind's rule gives (no caps, no history read, no evaluation) and makes the same
  // four writes as the ledger — posting, balance, lot, growth month. The two take turns over
  // slices of the batches, alternating who goes first, each round after a checkpoint so neither
  // pays for the other's dirty pages.
  const ROUNDS = Math.min(4, batches.length);
  const slice = (round: number) =>
    batches.slice(Math.floor((batches.length * round) / ROUNDS), Math.floor((batches.length * (round + 1)) / ROUNDS));
  let postings = 0;
  let referencePostings = 0;
  const rounds = await alternate(
    ROUNDS,
    async (round) => {
      for (const b of slice(round))
        postings += (await database.transaction((tx) => kith.loyalty.rules.applyToActivities(tx, b))).postings;
    },
    async (round) => {
      for (const b of slice(round)) {
        referencePostings += (
          await database.transaction((tx) =>
            sql<{ n: number }>`
          with a as (select id, member_id, kind, occurred_at from activities where id = any(${b}::bigint[])),
          ins as (
            insert into ref_loyalty_ledger (member_id, kind, points, growth, reason, rule_id, rule_version, activity_id, idempotency_key, occurred_at, expires_at, details, actor)
            select member_id, 'earn', case kind when 'message' then 2 when 'check_in' then 5 else 50 end, case kind when 'message' then 1 when 'check_in' then 2 else 20 end,
              kind, 1, 1, id, 'ref:' || id, occurred_at,
              (date_trunc('month', occurred_at at time zone 'Asia/Shanghai') + interval '13 months') at time zone 'Asia/Shanghai',
              '{"base": {"points": 2, "growth": 1}, "multiplier": 1}'::jsonb, 'rules'
            from a
            on conflict (idempotency_key) do nothing
            returning id, member_id, points, growth, occurred_at, expires_at),
          acc as (
            insert into ref_loyalty_accounts as x (member_id, points_balance, growth_lifetime, updated_at)
            select member_id, sum(points), sum(growth), now() from ins group by member_id order by member_id
            on conflict (member_id) do update set points_balance = x.points_balance + excluded.points_balance,
              growth_lifetime = x.growth_lifetime + excluded.growth_lifetime, updated_at = excluded.updated_at
            returning x.member_id),
          lots as (
            insert into ref_loyalty_lots (posting_id, member_id, amount, remaining, earned_at, expires_at)
            select id, member_id, points, points, occurred_at, expires_at from ins returning posting_id),
          gm as (
            insert into ref_loyalty_growth_monthly as x (member_id, month, growth)
            select member_id, date_trunc('month', occurred_at at time zone 'Asia/Shanghai')::date, sum(growth) from ins group by 1, 2 order by 1, 2
            on conflict (member_id, month) do update set growth = x.growth + excluded.growth
            returning x.member_id)
          select count(*)::int as n from ins`.execute(tx),
          )
        ).rows[0]!.n;
      }
    },
    { beforeSide: () => sql`checkpoint`.execute(database.db) },
  );
  // What each side says it wrote is what the tables hold; applying a batch again writes nothing.
  const stored = (
    await sql<{
      n: number;
    }>`select count(*)::int as n from loyalty_ledger p join activities a on a.id = p.activity_id where a.source = 'bench-rules'`.execute(
      database.db,
    )
  ).rows[0]!.n;
  checkEqual(stored, postings, 'rule postings stored for the benched activities');
  // Which activities the three rules reward, counted by hand: messages up to 5 a day, one
  // check-in a day (workspace days), every event attended; the bench's texts are long enough and
  // never repeat within 10 minutes for one member.
  const earning = (
    await sql<{ n: number }>`
    with a as (
      select kind, row_number() over (partition by member_id, kind, (occurred_at at time zone 'Asia/Shanghai')::date order by occurred_at, id) as nth
      from activities where source = 'bench-rules')
    select (count(*) filter (where kind = 'message' and nth <= 5) + count(*) filter (where kind = 'check_in' and nth = 1)
      + count(*) filter (where kind = 'event_attended'))::int as n from a`.execute(database.db)
  ).rows[0]!.n;
  const rewarded = (
    await sql<{
      n: number;
    }>`select count(distinct p.activity_id)::int as n from loyalty_ledger p join activities a on a.id = p.activity_id where a.source = 'bench-rules'`.execute(
      database.db,
    )
  ).rows[0]!.n;
  checkEqual(rewarded, earning, 'activities rewarded by the rules (against a hand count of the caps)');
  checkEqual(referencePostings, ids.length, 'postings written by the reference');
  const again = await database.transaction((tx) => kith.loyalty.rules.applyToActivities(tx, batches[0]!));
  checkEqual(again.postings, 0, 'postings from applying a batch a second time');
  const msKith = rounds.kith.median * ROUNDS;
  const msRef = rounds.reference.median * ROUNDS;
  return {
    activities: ids.length,
    genMs: gen.ms,
    ms: msKith,
    postings,
    rate: (ids.length / msKith) * 1000,
    referenceMs: msRef,
    referencePostings,
    referenceRate: (referencePostings / msRef) * 1000,
    share: rounds.share,
    rounds: ROUNDS,
  };
}

export async function run(opts: BenchOptions) {
  const postings = Math.round(50_000 * opts.scale);
  const members = Math.round(1_000_000 * opts.scale);
  const activities = Math.round(1_000_000 * opts.scale);
  const { database, dispose } = await benchDatabase('postgres', { poolSize: CLIENTS + 2 });
  const clock = fixedClock(NOW);
  const kith = await createKith({
    config: loadConfig({ KITH_LOG_LEVEL: 'silent' }, { jobsEnabled: false }),
    database,
    clock,
    log: createLogger('silent'),
  });
  try {
    const t = kith.loyalty.tiers;
    await t.create(ctx, { nameZh: '铜牌会员', nameEn: 'Bronze', threshold: 0 });
    await t.create(ctx, {
      nameZh: '银牌会员',
      nameEn: 'Silver',
      threshold: 300,
      benefits: [{ type: 'points_multiplier', value: 1.5 }],
    });
    await t.create(ctx, {
      nameZh: '金牌会员',
      nameEn: 'Gold',
      threshold: 900,
      benefits: [{ type: 'points_multiplier', value: 2 }],
      obligations: [{ type: 'min_activities', count: 4, kinds: ['message'] }],
    });
    await kith.loyalty.accounts.updateProgramme(ctx, { qualificationMonths: 12, graceDays: 30 });
    const r = kith.loyalty.rules;
    const from = '2020-01-01T00:00:00Z';
    await r.create(ctx, {
      name: '群聊发言',
      validFrom: from,
      definition: {
        kind: 'message',
        enabled: true,
        filters: {},
        points: { mode: 'fixed', amount: 2 },
        growth: { mode: 'fixed', amount: 1 },
        tierMultiplier: true,
        limits: { perDay: 5 },
        antiAbuse: { minTextLength: 4, duplicateWindowMinutes: 10 },
      },
    });
    await r.create(ctx, {
      name: '每日签到',
      validFrom: from,
      definition: {
        kind: 'check_in',
        enabled: true,
        filters: {},
        points: { mode: 'fixed', amount: 5 },
        growth: { mode: 'fixed', amount: 2 },
        tierMultiplier: false,
        limits: { perDay: 1 },
        streak: { bonuses: [0, 1, 2, 3, 5, 8, 10] },
      },
    });
    await r.create(ctx, {
      name: '参加活动',
      validFrom: from,
      definition: {
        kind: 'event_attended',
        enabled: true,
        filters: {},
        points: { mode: 'fixed', amount: 50 },
        growth: { mode: 'fixed', amount: 20 },
        tierMultiplier: false,
        limits: {},
        firstTimeBonus: { points: 100, growth: 0 },
      },
    });

    console.log(`loyalty benchmark on PostgreSQL (scale ${opts.scale})`);
    // BENCH_ONLY=postings|evaluation|rules runs one part (while working on it); the note needs all three.
    const only = process.env.BENCH_ONLY;
    const wanted = (part: string) => !only || only === part;
    if (wanted('postings')) {
      const p = await postingBench(kith, database, postings);
      console.log(`\n1. postings, ${CLIENTS} concurrent clients, one posting per transaction (${fmt(postings)} each)`);
      console.log(
        `   ledger service      ${fmt(p.service)} postings/s (median of ${p.rounds} rounds)   target ≥ 3,000/s`,
      );
      console.log(`   hand-written SQL    ${fmt(p.reference)} postings/s`);
      console.log(
        `   service / SQL       ${(p.share.median * 100).toFixed(0)}% (rounds ${(p.share.min * 100).toFixed(0)}–${(p.share.max * 100).toFixed(0)}%)   target ≥ 70%`,
      );
      record({
        bench: 'loyalty',
        figure: `postings, ${CLIENTS} clients`,
        kith: `${fmt(p.service)}/s`,
        reference: `${fmt(p.reference)}/s`,
        ratio: `${(p.share.median * 100).toFixed(0)}%`,
        target: '≥ 70%, ≥ 3,000/s',
        rounds: p.rounds,
        spread: p.share.spread,
        scale: opts.scale,
        db: 'postgres',
      });
    }
    if (wanted('evaluation')) {
      const e = await evaluationBench(kith, database, members);
      console.log(
        `\n2. tier evaluation of ${fmt(e.members)} members (data generated in ${(e.genMs / 1000).toFixed(1)} s)`,
      );
      console.log(
        `   evaluation          ${(e.ms / 1000).toFixed(1)} s for ${fmt(e.result.evaluated)} accounts: ${fmt(e.result.promoted)} promoted, ${fmt(e.result.demoted)} demoted   target ≤ 20 s`,
      );
      console.log(
        `   second run          ${(e.againMs / 1000).toFixed(1)} s, ${fmt(e.againEvaluated)} accounts evaluated again (must be 0)`,
      );
      checkEqual(e.againEvaluated, 0, 'accounts evaluated again by a second evaluation of the same day');
      check(
        e.result.evaluated > 0 && e.result.demoted > 0,
        `the evaluation changed nothing (${e.result.evaluated} evaluated, ${e.result.demoted} demoted) where growth left the window`,
      );
      record({
        bench: 'loyalty',
        figure: `tier evaluation, ${fmt(e.members)} members`,
        kith: `${(e.ms / 1000).toFixed(1)} s`,
        reference: '—',
        ratio: '—',
        target: '≤ 20 s',
        rounds: 1,
        spread: 0,
        scale: opts.scale,
        db: 'postgres',
      });
    }
    if (wanted('rules')) {
      const a = await rulesBench(kith, database, activities);
      console.log(
        `\n3. rules applied to ${fmt(a.activities)} activities (generated in ${(a.genMs / 1000).toFixed(1)} s), batches of 10,000`,
      );
      console.log(
        `   rules               ${fmt(a.rate)} activities/s  (${(a.ms / 1000).toFixed(1)} s, ${fmt(a.postings)} postings)   target ≥ 50,000/s`,
      );
      console.log(
        `   writes alone (SQL)  ${fmt(a.referenceRate)} postings/s  (${(a.referenceMs / 1000).toFixed(1)} s, ${fmt(a.referencePostings)} postings: a posting for every activity, no rules)`,
      );
      console.log(
        `   rules / writes      ${(a.share.median * 100).toFixed(0)}% (median of ${a.rounds} alternating rounds, ${(a.share.min * 100).toFixed(0)}–${(a.share.max * 100).toFixed(0)}%)`,
      );
      record({
        bench: 'loyalty',
        figure: `rules on ${fmt(a.activities)} activities`,
        kith: `${fmt(a.rate)}/s`,
        reference: `${fmt(a.referenceRate)}/s`,
        ratio: `${(a.share.median * 100).toFixed(0)}%`,
        target: '≥ 50,000/s',
        rounds: a.rounds,
        spread: a.share.spread,
        scale: opts.scale,
        db: 'postgres',
      });
    }

    const v = await timed(() => kith.loyalty.accounts.verify(ctx));
    console.log(
      `\nledger verification   ${fmt(v.value.postings)} postings, ${fmt(v.value.accounts)} accounts in ${(v.ms / 1000).toFixed(1)} s: ${v.value.ok ? 'no drift' : `DRIFT in ${v.value.drift.length} accounts, ${v.value.growthDrift.length} growth months`}`,
    );
    console.log(`peak RSS ${mib(peakRss())}`);
    check(
      v.value.ok,
      `ledger verification found drift in ${v.value.drift.length} accounts and ${v.value.growthDrift.length} growth months`,
    );
    const failed = await failedJobs(database.db);
    checkEqual(failed, [], 'failed jobs');
  } finally {
    await kith.close();
    await dispose();
  }
}
