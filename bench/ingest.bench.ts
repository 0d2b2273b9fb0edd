/**
 * Ingest benchmark: N activities for N/10 members through the real ingest path (validation,
 * identity resolution, idempotency, orders, memberships, outbox), then the same batches again
 * (must create nothing), then a raw COPY of the same rows into the same table as the reference.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import { createKith } from '../src/app.js';
import { loadConfig } from '../src/kernel/config.js';
import { createLogger } from '../src/kernel/logger.js';
import { systemActor } from '../src/kernel/context.js';
import type { Database } from '../src/kernel/db/database.js';
import { benchDatabase, fmt, mib, peakRss, timed } from './support.js';
import type { BenchOptions } from './run.js';

const BATCH = 10_000;
const START = Date.UTC(2026, 4, 1);
const SPAN_MS = 180 * 24 * 3600_000;
const TEXTS = ['大家早上好！', '新品什么时候发货？', '这款咖啡豆酸度刚好，推荐', '打卡', '售后回复有点慢', '周末的线下活动还有名额吗', '👍', '谢谢群主分享'];

/** Activity `i` of the run, as an API client would send it. Deterministic. */
function item(i: number, members: number, communities: number[]) {
  const m = (i * 7919) % members;
  const r = i % 100;
  const kind = r < 78 ? 'message' : r < 88 ? 'check_in' : r < 95 ? 'reaction' : 'purchase';
  const at = new Date(START + Math.floor((i / 1_000_000) * SPAN_MS) + (i % 997) * 1000).toISOString();
  const base = {
    externalId: `e${i}`,
    kind,
    occurredAt: at,
    member: { channel: 'wechat', externalId: `wx_${m}`, displayName: `会员${m}` },
  };
  if (kind === 'purchase') {
    return { ...base, properties: { orderId: `SY${i}`, amount: `${49 + (i % 300)}.00`, currency: 'CNY', items: [{ sku: 'BEAN-1', quantity: 1 }] } };
  }
  return {
    ...base,
    communityId: communities[m % communities.length],
    properties: kind === 'message' ? { text: TEXTS[i % TEXTS.length] } : {},
  };
}

/** Sends every batch through the ingest service from `clients` concurrent callers, like API clients would. */
async function ingestAll(kith: Awaited<ReturnType<typeof createKith>>, total: number, members: number, communities: number[], clients: number) {
  const ctx = { actor: systemActor('bench'), requestId: null };
  let created = 0;
  let duplicates = 0;
  let rejected = 0;
  let next = 0;
  const worker = async () => {
    for (let start = next; start < total; start = next) {
      next += BATCH;
      const items = [];
      for (let i = start; i < Math.min(total, start + BATCH); i++) items.push(item(i, members, communities));
      const r = await kith.ingest.ingest(ctx, items, { source: 'bench', audit: false });
      created += r.created;
      duplicates += r.duplicates;
      rejected += r.rejected;
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  return { created, duplicates, rejected };
}

/** The same rows, already resolved to member ids, as COPY text. */
async function copyRows(database: Database, total: number, members: number, communities: number[]) {
  const ids = await sql<{ external_id: string; member_id: number }>`select external_id, member_id from member_identities where channel = 'wechat'`.execute(database.db);
  const memberOf = new Map(ids.rows.map((r) => [r.external_id, r.member_id]));
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
  function* lines(from: number, to: number) {
    for (let i = from; i < to; i++) {
      const it = item(i, members, communities) as ReturnType<typeof item> & { communityId?: number };
      yield `${memberOf.get(it.member.externalId)}\t${it.communityId ?? '\\N'}\twechat\t${it.kind}\t${it.occurredAt}\t${esc(JSON.stringify(it.properties))}\tbench-copy\t${it.externalId}\n`;
    }
  }
  const cols = 'activities (member_id, community_id, channel, kind, occurred_at, properties, source, external_id)';
  if (database.pool) {
    const client = await database.pool.connect();
    try {
      const t = await timed(async () => {
        await pipeline(Readable.from(lines(0, total)), client.query(copyFrom(`copy ${cols} from stdin`)));
      });
      return t.ms;
    } finally {
      client.release();
    }
  }
  const pgl = database.pglite!;
  const chunk = 200_000;
  let ms = 0;
  for (let s = 0; s < total; s += chunk) {
    const text = [...lines(s, Math.min(total, s + chunk))].join('');
    const blob = new Blob([text]);
    const t = await timed(() => pgl.query(`copy ${cols} from '/dev/blob'`, [], { blob }));
    ms += t.ms;
  }
  return ms;
}

async function runOn(kind: 'pglite' | 'postgres', total: number, clients: number) {
  const members = Math.max(1, Math.round(total / 10));
  const { database, dispose } = await benchDatabase(kind);
  const kith = await createKith({ config: loadConfig({ KITH_LOG_LEVEL: 'silent' }, { jobsEnabled: false }), database, log: createLogger('silent') });
  try {
    const communities: number[] = [];
    for (let c = 0; c < 6; c++) {
      const r = await database.db.insertInto('communities').values({ name: `社群${c}`, channel: 'wechat', positioning_type: 'interest', goal: 'interaction' }).returning('id').executeTakeFirstOrThrow();
      communities.push(r.id);
    }
    const first = await timed(() => ingestAll(kith, total, members, communities, clients));
    const follow = await timed(() => kith.jobs.runOnce());
    const again = await timed(() => ingestAll(kith, total, members, communities, clients));
    const count = await sql<{ n: number }>`select count(*)::int as n from activities`.execute(database.db);
    await sql`truncate activities`.execute(database.db);
    const copyMs = await copyRows(database, total, members, communities);
    const copied = await sql<{ n: number }>`select count(*)::int as n from activities`.execute(database.db);
    const rate = (total / first.ms) * 1000;
    const copyRate = (copied.rows[0]!.n / copyMs) * 1000;
    return {
      kind, total, members, clients, rate, copyRate, ratio: rate / copyRate, againRatio: again.ms / first.ms,
      created: first.value.created, rejected: first.value.rejected, createdAgain: again.value.created, stored: count.rows[0]!.n,
      firstMs: first.ms, againMs: again.ms, copyMs, followMs: follow.ms, followJobs: follow.value,
    };
  } finally {
    await kith.close();
    await dispose();
  }
}

export async function run(opts: BenchOptions) {
  const total = Math.round(1_000_000 * opts.scale);
  const kinds: ('pglite' | 'postgres')[] = opts.db === 'both' ? ['postgres', 'pglite'] : [opts.db];
  console.log(`ingest benchmark: ${fmt(total)} activities for ${fmt(total / 10)} members, batches of ${fmt(BATCH)}`);
  const results = [];
  for (const k of kinds) {
    const r = await runOn(k, total, k === 'postgres' ? 2 : 1);
    results.push(r);
    console.log(`\n[${k}] ${r.clients} concurrent client(s)`);
    console.log(`  ingest path      ${fmt(r.rate)} activities/s  (${(r.firstMs / 1000).toFixed(1)} s, created ${fmt(r.created)}, rejected ${r.rejected}, stored ${fmt(r.stored)})`);
    console.log(`  follow-up jobs   ${r.followJobs} outbox jobs (members' last-active) in ${(r.followMs / 1000).toFixed(1)} s, after the batches committed`);
    console.log(`  re-ingest        ${(r.againMs / 1000).toFixed(1)} s, created ${fmt(r.createdAgain)}  → ${r.againRatio.toFixed(2)}× the first pass (target ≤ 1.5×, 0 created)`);
    console.log(`  raw COPY         ${fmt(r.copyRate)} rows/s  (${(r.copyMs / 1000).toFixed(1)} s)`);
    console.log(`  ingest / COPY    ${(r.ratio * 100).toFixed(0)}%  (target ≥ 50%)`);
  }
  const p = results.find((r) => r.kind === 'postgres');
  const l = results.find((r) => r.kind === 'pglite');
  if (p && l) console.log(`\nPGlite ingest is ${(p.rate / l.rate).toFixed(2)}× slower than PostgreSQL (target ≤ 3×)`);
  if (p) console.log(`PostgreSQL ingest ${fmt(p.rate)}/s (target ≥ 150,000/s)`);
  console.log(`peak RSS ${mib(peakRss())} (limit 2 GiB)`);
}
