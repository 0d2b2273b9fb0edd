/**
 * Ingest benchmark: activities through the real ingest path (validation, identity resolution,
 * idempotency, orders, memberships, outbox and the audit entry, called exactly as POST /activities
 * calls it), against a raw COPY of the same rows into the same table as the reference.
 *
 * Why the reference is fair: COPY gets as many connections as Kith gets clients (2 on PostgreSQL,
 * 1 on PGlite, client for client), each fed one COPY of its share as buffers prepared before the
 * timer, just as Kith's batches are built before the timer; the two sides work on the same slice
 * of new rows each round, into the same table with the same indexes, which both sides grow, and
 * alternate which goes first so neither always meets the smaller table or the quieter machine;
 * both get the same untimed warm-up round.
 */
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { sql, type RawBuilder } from 'kysely';
import { createKith } from '../src/app.js';
import { loadConfig } from '../src/kernel/config.js';
import { createLogger } from '../src/kernel/logger.js';
import { systemActor } from '../src/kernel/context.js';
import type { Database } from '../src/kernel/db/database.js';
import { MAX_BATCH, type IngestSummary } from '../src/modules/activity/index.js';
import { resolveIdentities } from '../src/modules/members/index.js';
import { applyMembershipActivities } from '../src/modules/communities/index.js';
import { alternate, benchDatabase, check, checkEqual, fmt, mib, peakRss, record, spreadOf, timed } from './support.js';
import type { BenchOptions } from './run.js';

const ROUNDS = 4;
/**
 * Round 0 warms both sides up (V8's compiler, PostgreSQL's caches), checked but not counted; the
 * counted rounds then start with COPY and alternate, two each.
 */
const WARM_UP = 1;
const COMMUNITIES = 8;
const START = Date.UTC(2026, 4, 1);
const DAYS = 180;
/** Member index = members × u^SKEW for a hashed uniform u: a few members make most of the activity. */
const SKEW = 5;
/** The rarest members (highest indexes) are walk-ins: identities first seen in the stream. */
const WALK_IN_SHARE = 0.1;
const SOURCE = 'bench';
/** A full collection after building a round's inputs, so their garbage is not collected on whichever side goes first. */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
const COPY_SOURCE = 'bench-copy';
const COLS = 'activities (member_id, community_id, channel, kind, occurred_at, properties, source, external_id)';
const TEXTS = [
  '大家早上好！',
  '新品什么时候发货？',
  '这款咖啡豆酸度刚好，推荐',
  '打卡',
  '售后回复有点慢',
  '周末的线下活动还有名额吗',
  '👍',
  '谢谢群主分享',
];

/** A uniform in [0, 1) from (i, salt): murmur3's finaliser, so the data is the same on every run. */
function hash(i: number, salt: number): number {
  let h = (i + Math.imul(salt, 0x9e3779b9)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

interface World {
  total: number;
  members: number;
  /** Members below this index were imported before the stream (roster); the rest are walk-ins. */
  known: number;
  communities: number[];
}

const memberOf = (i: number, w: World) => Math.min(w.members - 1, Math.floor(w.members * hash(i, 1) ** SKEW));

/** The 1–3 communities member `m` belongs to; the first is the one the roster import put them in. */
function communitiesOf(m: number, w: World): number[] {
  const k = 1 + Math.floor(hash(m, 2) * 3);
  const base = Math.floor(hash(m, 3) * COMMUNITIES);
  return Array.from({ length: k }, (_, j) => w.communities[(base + j * 3) % COMMUNITIES]!);
}

interface Item {
  externalId: string;
  kind: string;
  occurredAt: string;
  member: { channel: 'wechat'; externalId: string; displayName: string };
  communityId?: number;
  properties: Record<string, unknown>;
}

/**
 * Activity `i` of the run, as an API client would send it. Deterministic. Community activity lands
 * in one of the member's communities; most purchases are made in a community's shop; times follow
 * the run's 180 days and spread over the whole day, so the local day differs from the UTC day for
 * a third of them.
 */
function item(i: number, w: World): Item {
  const m = memberOf(i, w);
  const r = hash(i, 7);
  const kind = r < 0.78 ? 'message' : r < 0.88 ? 'check_in' : r < 0.95 ? 'reaction' : 'purchase';
  const day = Math.floor((i / w.total) * DAYS);
  const at = new Date(START + day * 86_400_000 + Math.floor(hash(i, 8) * 86_400_000)).toISOString();
  const mine = communitiesOf(m, w);
  const inCommunity = kind !== 'purchase' || hash(i, 6) < 0.8;
  const it: Item = {
    externalId: `e${i}`,
    kind,
    occurredAt: at,
    member: { channel: 'wechat', externalId: `wx_${m}`, displayName: `会员${m}` },
    properties:
      kind === 'purchase'
        ? {
            orderId: `SY${i}`,
            amount: `${49 + Math.floor(hash(i, 9) * 300)}.00`,
            currency: 'CNY',
            items: [{ sku: 'BEAN-1', quantity: 1 }],
          }
        : kind === 'message'
          ? { text: TEXTS[Math.floor(hash(i, 10) * TEXTS.length)] }
          : {},
  };
  if (inCommunity) it.communityId = mine[Math.floor(hash(i, 5) * mine.length)];
  return it;
}

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** Rows [from, to) as one buffer of COPY text, members already resolved to their ids. */
function copyBuffer(from: number, to: number, w: World, memberIds: number[]): Buffer {
  let text = '';
  for (let i = from; i < to; i++) {
    const it = item(i, w);
    text += `${memberIds[memberOf(i, w)]}\t${it.communityId ?? '\\N'}\twechat\t${it.kind}\t${it.occurredAt}\t${esc(JSON.stringify(it.properties))}\t${COPY_SOURCE}\t${it.externalId}\n`;
  }
  return Buffer.from(text);
}

/**
 * Each round's slice of rows, cut into batches of at most MAX_BATCH, as many per client: client
 * `c` sends (Kith) or copies (reference) batches c, c + clients, …
 */
function slices(total: number, clients: number) {
  const per = Math.ceil(total / (WARM_UP + ROUNDS));
  return Array.from({ length: WARM_UP + ROUNDS }, (_, r) => {
    const start = r * per;
    const end = Math.min(total, start + per);
    const n = clients * Math.ceil((end - start) / (clients * MAX_BATCH));
    const size = Math.ceil((end - start) / n);
    const perClient: [number, number][][] = Array.from({ length: clients }, () => []);
    for (let b = 0; b < n && start + b * size < end; b++)
      perClient[b % clients]!.push([start + b * size, Math.min(end, start + (b + 1) * size)]);
    return { start, end, perClient };
  });
}

/**
 * Before the stream: communities, and the roster import (members with their WeChat identity, each
 * in their first community). The walk-ins get member rows only for the reference's rows, since
 * COPY needs member ids; Kith creates its own members for them as it meets them.
 */
async function setUp(database: Database, total: number): Promise<{ world: World; copyMemberIds: number[] }> {
  const members = Math.max(10, Math.round(total / 10));
  const world: World = { total, members, known: Math.floor(members * (1 - WALK_IN_SHARE)), communities: [] };
  for (let c = 0; c < COMMUNITIES; c++) {
    const r = await database.db
      .insertInto('communities')
      .values({ name: `社群${c}`, channel: 'wechat', positioning_type: 'interest', goal: 'interaction' })
      .returning('id')
      .executeTakeFirstOrThrow();
    world.communities.push(r.id);
  }
  const copyMemberIds: number[] = new Array(members);
  for (let from = 0; from < world.known; from += MAX_BATCH) {
    const ms = Array.from({ length: Math.min(world.known, from + MAX_BATCH) - from }, (_, k) => from + k);
    await database.transaction(async (tx) => {
      const ids = await resolveIdentities(
        tx,
        ms.map((m) => ({ channel: 'wechat', externalId: `wx_${m}`, displayName: `会员${m}` })),
        { source: 'import:bench' },
      );
      for (const m of ms) copyMemberIds[m] = ids.get(`wechat\u0000wx_${m}`)!;
      await applyMembershipActivities(
        tx,
        ms.map((m) => ({
          communityId: communitiesOf(m, world)[0]!,
          memberId: copyMemberIds[m]!,
          kind: 'join',
          source: 'import',
          at: new Date(START - 30 * 86_400_000),
        })),
      );
    });
  }
  const spare = await sql<{ id: number }>`
    insert into members (nickname, source) select '参照', ${COPY_SOURCE} from generate_series(1, ${members - world.known}::int) returning id`.execute(
    database.db,
  );
  spare.rows.forEach((r, k) => (copyMemberIds[world.known + k] = r.id));
  return { world, copyMemberIds };
}

async function count(database: Database, q: RawBuilder<{ n: number }>) {
  return (await q.execute(database.db)).rows[0]!.n;
}

async function runOn(kind: 'embedded' | 'postgres', total: number, clients: number) {
  const { database, dispose } = await benchDatabase(kind);
  const kith = await createKith({
    config: loadConfig({ KITH_LOG_LEVEL: 'silent' }, { jobsEnabled: false }),
    database,
    log: createLogger('silent'),
  });
  try {
    const { world, copyMemberIds } = await setUp(database, total);
    const plan = slices(total, clients);
    // As POST /activities calls it: the caller's context, the body's source, audit on by default.
    const ctx = { actor: systemActor('api:bench'), requestId: 'bench' };
    const send = (batches: unknown[][][]) =>
      Promise.all(
        batches.map(async (mine) => {
          const got: IngestSummary[] = [];
          for (const b of mine) got.push(await kith.ingest.ingest(ctx, b, { source: SOURCE }));
          return got;
        }),
      ).then((all) =>
        all.flat().reduce(
          (s, x) => ({
            created: s.created + x.created,
            duplicates: s.duplicates + x.duplicates,
            rejected: s.rejected + x.rejected,
          }),
          { created: 0, duplicates: 0, rejected: 0 },
        ),
      );

    let kithIn: Item[][][] = [];
    let copyIn: Buffer[][] = [];
    let sent = { created: 0, duplicates: 0, rejected: 0 };
    let before = { kith: 0, copy: 0, orders: 0 };
    let purchases = 0;
    let purchasesInCommunity = 0;
    const activityOf = new Map<number, number>();
    const reMs: number[] = [];
    const stored = () =>
      Promise.all([
        count(database, sql<{ n: number }>`select count(*)::int as n from activities where source = ${SOURCE}`),
        count(database, sql<{ n: number }>`select count(*)::int as n from activities where source = ${COPY_SOURCE}`),
        count(database, sql<{ n: number }>`select count(*)::int as n from orders where source = ${SOURCE}`),
      ]).then(([k, c, o]) => ({ kith: k, copy: c, orders: o }));

    const result = await alternate(
      WARM_UP + ROUNDS,
      async () => {
        sent = await send(kithIn);
      },
      async () => {
        const pool = database.pool!;
        await Promise.all(
          copyIn.map(async (bufs) => {
            const client = await pool.connect();
            try {
              await pipeline(Readable.from(bufs), client.query(copyFrom(`copy ${COLS} from stdin`)));
            } finally {
              client.release();
            }
          }),
        );
      },
      {
        // Both sides' inputs for the round, built before either is timed.
        async before(r) {
          const s = plan[r]!;
          kithIn = s.perClient.map((bs) =>
            bs.map(([a, b]) => Array.from({ length: b - a }, (_, k) => item(a + k, world))),
          );
          copyIn = s.perClient.map((bs) => bs.map(([a, b]) => copyBuffer(a, b, world, copyMemberIds)));
          for (let i = s.start; i < s.end; i++) {
            const it = item(i, world);
            const m = memberOf(i, world);
            activityOf.set(m, (activityOf.get(m) ?? 0) + 1);
            if (it.kind === 'purchase') {
              purchases++;
              if (it.communityId) purchasesInCommunity++;
            }
          }
          before = await stored();
          collectGarbage();
        },
        // What the round wrote, counted in the database; then the same batches again, which must create nothing.
        async after(r) {
          const s = plan[r]!;
          const rows = s.end - s.start;
          const now = await stored();
          checkEqual(sent.rejected, 0, `${roundName(r)}: activities rejected by ingest`);
          checkEqual(
            now.kith - before.kith,
            rows,
            `${roundName(r)}: activities created by ingest (counted in the database)`,
          );
          checkEqual(sent.created, rows, `${roundName(r)}: activities ingest reported created`);
          checkEqual(now.copy - before.copy, rows, `${roundName(r)}: rows written by COPY (counted in the database)`);
          checkEqual(now.orders, purchases, `${roundName(r)}: orders in the database after the purchases sent so far`);
          const again = await timed(() => send(kithIn));
          reMs.push(again.ms);
          checkEqual(
            again.value,
            { created: 0, duplicates: rows, rejected: 0 },
            `${roundName(r)}: re-ingest of the same batches (created, duplicates, rejected)`,
          );
          checkEqual(await stored(), now, `${roundName(r)}: rows in the database after the re-ingest`);
          kithIn = [];
          copyIn = [];
        },
      },
    );

    // The follow-up jobs the batches published (members' last-active, loyalty, analytics).
    const follow = await timed(() => kith.jobs.runOnce());
    // Every job the batches' events made ran to the end; no job (nightly ones included) failed or had to retry.
    const jobs = (
      await sql<{ queue: string; status: string; n: number; errors: number }>`
      select queue, status, count(*)::int as n, count(last_error)::int as errors from jobs
      where (queue like 'event:%' and status <> 'done') or status = 'failed' or last_error is not null
      group by queue, status order by queue, status`.execute(database.db)
    ).rows;
    checkEqual(jobs, [], 'follow-up jobs not done, or failed on the way (queue, status, count, errors)');
    const eventJobs = await count(
      database,
      sql<{ n: number }>`select count(*)::int as n from jobs where queue like 'event:%'`,
    );
    check(eventJobs > 0, 'the batches published no follow-up jobs');
    // Ingest opens a membership for community activity of a member without one.
    const noStint = await count(
      database,
      sql<{ n: number }>`
      select count(*)::int as n from (select distinct community_id, member_id from activities where source = ${SOURCE} and community_id is not null) p
      where not exists (select 1 from community_memberships m where m.community_id = p.community_id and m.member_id = p.member_id and m.left_at is null)`,
    );
    checkEqual(noStint, 0, 'members active in a community without a membership there');
    const byActivity = await count(
      database,
      sql<{ n: number }>`select count(*)::int as n from community_memberships where join_source = 'activity'`,
    );
    check(byActivity > 0, 'ingest opened no membership for community activity');
    const inCommunity = await count(
      database,
      sql<{ n: number }>`select count(*)::int as n from orders where source = ${SOURCE} and community_id is not null`,
    );
    checkEqual(inCommunity, purchasesInCommunity, 'orders with a community');
    const notTouched = await count(
      database,
      sql<{ n: number }>`
      select count(*)::int as n from (select distinct member_id from activities where source = ${SOURCE}) a
      join members m on m.id = a.member_id where m.last_active_at is null`,
    );
    checkEqual(notTouched, 0, 'members with ingested activity but no last-active time after the follow-up jobs');
    const walkIns = await count(
      database,
      sql<{ n: number }>`select count(*)::int as n from members where source = ${`activity:${SOURCE}`}`,
    );
    const shape = await sql<{ active: number; stints: number; other_day: number }>`
      select (select count(distinct member_id)::int from activities where source = ${SOURCE}) as active,
             (select count(*)::int from community_memberships m where m.left_at is null
               and exists (select 1 from activities a where a.member_id = m.member_id and a.source = ${SOURCE})) as stints,
             (select count(*)::int from activities where source = ${SOURCE}
               and (occurred_at at time zone 'Asia/Shanghai')::date <> (occurred_at at time zone 'UTC')::date) as other_day`.execute(
      database.db,
    );

    const counts = [...activityOf.values()].sort((a, b) => b - a);
    const top = counts.slice(0, Math.ceil(world.members / 10)).reduce((a, b) => a + b, 0);
    // Rates of every round, the warm-up's first; the figures take the counted rounds only.
    const rowsOf = plan.map((s) => s.end - s.start);
    const allKithRates = result.ms.kith.map((ms, r) => (rowsOf[r]! / ms) * 1000);
    const allCopyRates = result.ms.reference.map((ms, r) => (rowsOf[r]! / ms) * 1000);
    const kithRates = allKithRates.slice(WARM_UP);
    const copyRates = allCopyRates.slice(WARM_UP);
    const shares = spreadOf(kithRates.map((k, r) => k / copyRates[r]!));
    const reFactor = spreadOf(reMs.slice(WARM_UP).map((ms, r) => ms / result.ms.kith[WARM_UP + r]!));
    return {
      kind,
      clients,
      world,
      plan,
      allKithRates,
      allCopyRates,
      kithRates,
      copyRates,
      shares,
      reFactor,
      reMs,
      follow,
      walkIns,
      byActivity,
      shape: {
        top10: top / total,
        stintsPerMember: shape.rows[0]!.stints / shape.rows[0]!.active,
        active: shape.rows[0]!.active,
        purchasesInCommunity: purchasesInCommunity / purchases,
        otherDay: shape.rows[0]!.other_day / total,
      },
    };
  } finally {
    await kith.close();
    await dispose();
  }
}

const roundName = (r: number) => (r < WARM_UP ? 'warm-up round' : `round ${r - WARM_UP + 1}`);
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

export async function run(opts: BenchOptions) {
  const total = Math.round(1_000_000 * opts.scale);
  const kinds: ('embedded' | 'postgres')[] = opts.db === 'both' ? ['postgres', 'embedded'] : [opts.db];
  console.log(
    `ingest benchmark: ${fmt(total)} activities for ${fmt(Math.max(10, Math.round(total / 10)))} members in ${COMMUNITIES} communities, a warm-up round and ${ROUNDS} counted rounds alternating which side goes first, batches of at most ${fmt(MAX_BATCH)}`,
  );
  const results = [];
  for (const k of kinds) {
    const r = await runOn(k, total, 2);
    results.push(r);
    const kr = spreadOf(r.kithRates);
    const cr = spreadOf(r.copyRates);
    const s = r.shape;
    console.log(`\n[${k}] ${r.clients} client(s) for Kith, ${r.clients} connection(s) for COPY`);
    console.log(
      `  data             top 10% of members make ${pct(s.top10)} of the activity; ${s.stintsPerMember.toFixed(2)} memberships per active member (${fmt(s.active)});`,
    );
    console.log(
      `                   ${pct(s.purchasesInCommunity)} of purchases in a community; ${pct(s.otherDay)} on another day in Asia/Shanghai than in UTC; ${fmt(r.walkIns)} walk-in members created by ingest`,
    );
    r.plan.forEach((p, i) => {
      const label = i < WARM_UP ? 'warm-up, not counted' : `${roundName(i)}, ${i % 2 ? 'COPY first' : 'Kith first'}`;
      console.log(
        `  ${fmt(p.end - p.start)} rows (${label}): ingest ${fmt(r.allKithRates[i]!)}/s, COPY ${fmt(r.allCopyRates[i]!)}/s → ${pct(r.allKithRates[i]! / r.allCopyRates[i]!)}; re-ingest ${(r.reMs[i]! / 1000).toFixed(2)} s`,
      );
    });
    console.log(
      `  ingest path      ${fmt(kr.median)} activities/s median (spread ${pct(kr.spread)}), every row counted in the database, 0 rejected`,
    );
    console.log(`  raw COPY         ${fmt(cr.median)} rows/s median (spread ${pct(cr.spread)})`);
    console.log(
      `  ingest / COPY    ${pct(r.shares.median)} median over ${r.shares.rounds} rounds (min ${pct(r.shares.min)}, max ${pct(r.shares.max)})  (target ≥ 50%)`,
    );
    console.log(`  re-ingest        ${r.reFactor.median.toFixed(2)}× the first pass, 0 created  (target ≤ 1.5×)`);
    console.log(
      `  follow-up jobs   ${r.follow.value} jobs in ${(r.follow.ms / 1000).toFixed(1)} s, none failed; ${fmt(r.byActivity)} memberships opened by activity`,
    );
    const db = `${k} ×${r.clients}`;
    record({
      bench: 'ingest',
      figure: 'ingest / COPY (rows/s)',
      kith: `${fmt(kr.median)}/s`,
      reference: `${fmt(cr.median)}/s`,
      ratio: pct(r.shares.median),
      target: '≥ 50%',
      rounds: r.shares.rounds,
      spread: r.shares.spread,
      scale: opts.scale,
      db,
    });
    record({
      bench: 'ingest',
      figure: 're-ingest / first pass (time)',
      kith: `${(spreadOf(r.reMs.slice(WARM_UP)).median / 1000).toFixed(2)} s`,
      reference: `${spreadOf(r.kithRates.map((x, i) => (r.plan[WARM_UP + i]!.end - r.plan[WARM_UP + i]!.start) / x)).median.toFixed(2)} s`,
      ratio: `${r.reFactor.median.toFixed(2)}×`,
      target: '≤ 1.5×',
      rounds: r.reFactor.rounds,
      spread: r.reFactor.spread,
      scale: opts.scale,
      db,
    });
  }
  const p = results.find((r) => r.kind === 'postgres');
  const e = results.find((r) => r.kind === 'embedded');
  if (p && e) {
    const ratio = spreadOf(e.kithRates.map((x, i) => x / p.kithRates[i]!));
    console.log(
      `\nKith's own PostgreSQL ingests at ${pct(ratio.median)} of the rate on the PostgreSQL of BENCH_DATABASE_URL`,
    );
    record({
      bench: 'ingest',
      figure: 'embedded / PostgreSQL ingest (rows/s)',
      kith: `${fmt(spreadOf(e.kithRates).median)}/s`,
      reference: `${fmt(spreadOf(p.kithRates).median)}/s`,
      ratio: pct(ratio.median),
      target: '—',
      rounds: ratio.rounds,
      spread: ratio.spread,
      scale: opts.scale,
      db: 'embedded vs postgres',
    });
  }
  if (p) console.log(`PostgreSQL ingest ${fmt(spreadOf(p.kithRates).median)}/s (target ≥ 150,000/s)`);
  console.log(`peak RSS ${mib(peakRss())} (limit 2 GiB)`);
}
