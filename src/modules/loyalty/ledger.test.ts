import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { onPostgres, startTestKith, systemCtx, type TestKith } from '../../../test/harness.js';
import { loadProgramme } from './programme.repo.js';
import { expectNoDrift, member } from './loyalty.test-support.js';

/**
 * The ledger's invariants under any sequence of postings, and under concurrency: the balance is the
 * sum of the postings, never below zero unless the refund policy allows debt, lots add up to the
 * balance, and a posting sent again changes nothing.
 */
const clock = fixedClock('2026-01-15T10:00:00+08:00');
let kith: TestKith;
beforeAll(async () => {
  kith = await startTestKith({ clock });
});
afterAll(async () => {
  await kith?.dispose();
});

type Op =
  | { t: 'earn'; n: number }
  | { t: 'spend'; n: number }
  | { t: 'reverse'; of: number }
  | { t: 'expire'; months: number }
  | { t: 'again' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('earn' as const), n: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ t: fc.constant('spend' as const), n: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ t: fc.constant('reverse' as const), of: fc.nat(20) }),
  fc.record({ t: fc.constant('expire' as const), months: fc.integer({ min: 1, max: 8 }) }),
  fc.constant({ t: 'again' as const }),
);

describe('ledger properties', () => {
  it.each(['debt', 'cap'] as const)(
    'keeps balance = sum of postings and lots, never negative without debt, idempotent (%s)',
    async (policy) => {
      await kith.loyalty.accounts.updateProgramme(
        { actor: { type: 'system', id: null, label: 'test', communityIds: null }, requestId: null },
        { refundPolicy: policy, pointsExpiryMonths: 3 },
      );
      let runId = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
          const run = `${policy}-${++runId}`;
          const m = await member(kith);
          clock.set('2026-01-15T10:00:00+08:00');
          const earns: { id: number; key: string }[] = [];
          let last: (() => Promise<unknown>) | null = null;
          for (const [i, o] of ops.entries()) {
            const key = `${run}:${i}`;
            const now = clock.now();
            const p = () =>
              kith.database.transaction(async (tx) => {
                const programme = await loadProgramme(tx);
                const l = kith.loyalty.ledger;
                if (o.t === 'earn') {
                  const [row] = await l.credit(tx, programme, [
                    {
                      memberId: m,
                      kind: 'earn',
                      points: o.n,
                      growth: o.n,
                      reason: 'earn',
                      key,
                      occurredAt: now,
                      actor: 'test',
                    },
                  ]);
                  if (row) earns.push({ id: row.id, key });
                } else if (o.t === 'spend') {
                  await l
                    .debit(
                      tx,
                      {
                        memberId: m,
                        kind: 'spend',
                        points: -o.n,
                        growth: 0,
                        reason: 'spend',
                        key,
                        occurredAt: now,
                        actor: 'test',
                      },
                      'exact',
                    )
                    .catch((e) => {
                      if (e.code !== 'INSUFFICIENT_POINTS') throw e;
                    });
                } else if (o.t === 'reverse' && earns.length) {
                  const e = earns[o.of % earns.length]!;
                  const orig = await tx
                    .selectFrom('loyalty_ledger')
                    .select(['points', 'growth'])
                    .where('id', '=', e.id)
                    .executeTakeFirstOrThrow();
                  await l.debit(
                    tx,
                    {
                      memberId: m,
                      kind: 'reverse',
                      points: -orig.points,
                      growth: -orig.growth,
                      reason: 'reverse',
                      reversesId: e.id,
                      key: `rev:${e.key}`,
                      occurredAt: now,
                      actor: 'test',
                    },
                    policy,
                    e.id,
                  );
                } else if (o.t === 'expire') {
                  clock.advance(o.months * 31 * 86_400_000);
                  await l.expireChunk(tx, clock.now(), 1000);
                }
              });
            if (o.t === 'again' && last) await last();
            else if (o.t !== 'again') {
              await p();
              last = p;
            }
            const bal = (
              await sql<{ b: number; s: number }>`
          select a.points_balance as b, (select coalesce(sum(points), 0)::bigint from loyalty_ledger where member_id = ${m}) as s
          from loyalty_accounts a where a.member_id = ${m}`.execute(kith.database.db)
            ).rows[0];
            if (bal) {
              expect(bal.b).toBe(bal.s);
              if (policy === 'cap') expect(bal.b).toBeGreaterThanOrEqual(0);
            }
          }
          const v = await kith.loyalty.accounts.verify(systemCtx);
          expect(v.drift).toEqual([]);
          expect(v.growthDrift).toEqual([]);
        }),
        { numRuns: onPostgres ? 25 : 40 },
      );
    },
  );
});

describe('credit, one posting at a time or as a batch', () => {
  // The credit function takes a single posting by plain statements and a batch by one set-based
  // statement (0014): both must leave exactly the same ledger, balance, lots and growth months,
  // from a balance in debt or not, and a posting sent again must change nothing either way.
  // Earnings fall within half a day of a month's start, where the workspace's month and UTC's differ.
  const earning = fc.record({
    points: fc.integer({ min: 0, max: 300 }),
    growth: fc.integer({ min: 0, max: 40 }),
    month: fc.integer({ min: 2, max: 4 }),
    minutes: fc.integer({ min: -720, max: 720 }),
  });
  let runId = 0;

  async function state(m: number) {
    const db = kith.database.db;
    const ledger = await db
      .selectFrom('loyalty_ledger')
      .select(['kind', 'points', 'growth', 'reason', 'occurred_at', 'expires_at', 'details', 'actor'])
      .where('member_id', '=', m)
      .orderBy('id')
      .execute();
    const lots = await db
      .selectFrom('loyalty_lots')
      .select(['amount', 'remaining', 'earned_at', 'expires_at'])
      .where('member_id', '=', m)
      .orderBy('posting_id')
      .execute();
    const account = await db
      .selectFrom('loyalty_accounts')
      .select(['points_balance', 'growth_lifetime'])
      .where('member_id', '=', m)
      .executeTakeFirst();
    const months = await db
      .selectFrom('loyalty_growth_monthly')
      .select(['month', 'growth'])
      .where('member_id', '=', m)
      .orderBy('month')
      .execute();
    return { ledger, lots, account, months };
  }

  it('leaves the same state both ways', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 200 }),
        fc.array(earning, { minLength: 1, maxLength: 6 }),
        async (debt, earnings) => {
          const run = `same-${++runId}`;
          const [single, batch] = [await member(kith), await member(kith)];
          const rows = (m: number) =>
            earnings.map((e, i) => ({
              memberId: m,
              kind: 'earn' as const,
              points: e.points,
              growth: e.growth,
              reason: 'earn',
              key: `${run}:${m}:${i}`,
              occurredAt: new Date(Date.parse(`2026-0${e.month}-01T00:00:00+08:00`) + e.minutes * 60_000),
              details: { i },
              actor: 'test',
            }));
          const post = async (sending: 'single' | 'batch') => {
            const m = sending === 'single' ? single : batch;
            await kith.database.transaction(async (tx) => {
              const programme = await loadProgramme(tx);
              if (sending === 'single') for (const r of rows(m)) await kith.loyalty.ledger.credit(tx, programme, [r]);
              else await kith.loyalty.ledger.credit(tx, programme, rows(m));
            });
          };
          for (const m of [single, batch]) {
            if (debt > 0)
              await kith.database.transaction((tx) =>
                kith.loyalty.ledger.debit(
                  tx,
                  {
                    memberId: m,
                    kind: 'adjust',
                    points: -debt,
                    growth: 0,
                    reason: 'debt',
                    key: `${run}:${m}:debt`,
                    occurredAt: clock.now(),
                    actor: 'test',
                  },
                  'debt',
                ),
              );
          }
          await post('single');
          await post('batch');
          const want = await state(single);
          expect(await state(batch)).toEqual(want);
          expect(want.account!.points_balance).toBe(earnings.reduce((s, e) => s + e.points, 0) - debt);
          // Sent again, both ways: nothing changes.
          await post('single');
          await post('batch');
          expect(await state(single)).toEqual(want);
          expect(await state(batch)).toEqual(want);
        },
      ),
      { numRuns: onPostgres ? 15 : 25 },
    );
    await expectNoDrift(kith);
  });
});

describe('ledger under concurrency', () => {
  it('never overdraws a balance when many spends race for it', async () => {
    const m = await member(kith);
    await kith.database.transaction(async (tx) =>
      kith.loyalty.ledger.credit(tx, await loadProgramme(tx), [
        {
          memberId: m,
          kind: 'earn',
          points: 200,
          growth: 0,
          reason: 'seed',
          key: `seed-${m}`,
          occurredAt: clock.now(),
          actor: 'test',
        },
      ]),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 48 }, (_, i) =>
        kith.database.transaction((tx) =>
          kith.loyalty.ledger.debit(
            tx,
            {
              memberId: m,
              kind: 'spend',
              points: -10,
              growth: 0,
              reason: 'race',
              key: `race-${m}-${i % 40}`,
              occurredAt: clock.now(),
              actor: 'test',
            },
            'exact',
          ),
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled' && r.value !== null).length;
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toBe(20);
    for (const r of refused) expect((r as PromiseRejectedResult).reason.code).toBe('INSUFFICIENT_POINTS');
    const bal = (
      await sql<{ b: number }>`select points_balance as b from loyalty_accounts where member_id = ${m}`.execute(
        kith.database.db,
      )
    ).rows[0]!.b;
    expect(bal).toBe(0);
    await expectNoDrift(kith);
  });

  it('posts concurrent earnings of many members exactly once each', async () => {
    const ms = await Promise.all(Array.from({ length: 8 }, () => member(kith)));
    await Promise.all(
      Array.from({ length: 32 }, (_, i) =>
        kith.database.transaction(async (tx) =>
          kith.loyalty.ledger.credit(
            tx,
            await loadProgramme(tx),
            ms.map((m, j) => ({
              memberId: m,
              kind: 'earn' as const,
              points: 1 + j,
              growth: 1,
              reason: 'batch',
              key: `batch-${m}-${i % 16}`,
              occurredAt: clock.now(),
              actor: 'test',
            })),
          ),
        ),
      ),
    );
    const rows = (
      await sql<{
        member_id: number;
        b: number;
      }>`select member_id, points_balance as b from loyalty_accounts where member_id = any(${ms}::bigint[]) order by member_id`.execute(
        kith.database.db,
      )
    ).rows;
    const want = new Map(ms.map((m, j) => [m, 16 * (1 + j)]));
    expect(rows.map((r) => [r.member_id, r.b])).toEqual(rows.map((r) => [r.member_id, want.get(r.member_id)]));
    expect(rows).toHaveLength(ms.length);
    await expectNoDrift(kith);
  });
});
