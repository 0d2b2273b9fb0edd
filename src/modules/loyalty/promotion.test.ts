import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { onPostgres, startTestKith, systemCtx, type TestKith } from '../../../test/harness.js';
import {
  addRule,
  expectNoDrift,
  ingest,
  member,
  purchase,
  refund,
  standardTiers,
  uniq,
} from './loyalty.test-support.js';

/**
 * Promotion after a credit reads only the members whose lifetime growth could lift them, on the
 * ground that growth in the qualification window never exceeds lifetime growth. That holds only if
 * taken-back growth is never dated before the growth it takes back — so a refund dated before its
 * order is posted at the order's time. Orders and refunds here fall anywhere across eight months
 * around a three-month window (bronze 0, silver 100, gold 500; 1 growth per ¥1).
 */
const clock = fixedClock('2026-12-01T10:00:00+08:00');
const DAY = 86_400_000;
let kith: TestKith;
beforeAll(async () => {
  kith = await startTestKith({ clock });
  await standardTiers(kith);
  await addRule(kith, '购物', {
    kind: 'purchase',
    points: { mode: 'per_amount', per: 10, amount: 1 },
    growth: { mode: 'per_amount', per: 1, amount: 1 },
  });
  await kith.loyalty.accounts.updateProgramme(systemCtx, { qualificationMonths: 3 });
});
afterAll(async () => {
  await kith?.dispose();
});

const at = (daysAgo: number) => new Date(clock.now().getTime() - daysAgo * DAY).toISOString();
const order = fc.record({
  daysAgo: fc.integer({ min: 0, max: 240 }),
  yuan: fc.integer({ min: 1, max: 400 }),
  // A refund of part or all of the order, dated up to four months before it (bad data) or a month after.
  refund: fc.option(
    fc.record({ percent: fc.integer({ min: 10, max: 100 }), shiftDays: fc.integer({ min: -120, max: 30 }) }),
    { nil: undefined },
  ),
});
type Order = { daysAgo: number; yuan: number; refund?: { percent: number; shiftDays: number } };

/** Growth by month, oldest first, as the rollup holds it. */
async function months(m: number) {
  const r = await sql<{
    growth: number;
  }>`select growth from loyalty_growth_monthly where member_id = ${m} order by month`.execute(kith.database.db);
  return r.rows.map((x) => Number(x.growth));
}

async function expectBoundAndNoMissedPromotion(m: number) {
  // Every run of months from the first sums to at least zero: no window holds more than the lifetime.
  let sum = 0;
  for (const g of await months(m)) expect((sum += g)).toBeGreaterThanOrEqual(0);
  // No member sits below a tier their window growth reaches.
  const s = await kith.loyalty.accounts.standing(systemCtx, m);
  if (s.tier.next) expect(s.growth.window).toBeLessThan(s.tier.next.tier.threshold);
}

async function run(before: Order[], after: Order[]) {
  const m = await member(kith);
  const ids = before.map(() => uniq('O-'));
  const buy = (o: Order, id: string) => purchase(m, at(o.daysAgo), id, `${o.yuan}.00`);
  if (before.length)
    await ingest(
      kith,
      before.map((o, i) => buy(o, ids[i]!)),
    );
  const refunds = before.flatMap((o, i) =>
    o.refund
      ? [
          refund(
            m,
            at(Math.min(240, Math.max(0, o.daysAgo - o.refund.shiftDays))),
            ids[i]!,
            ((o.yuan * o.refund.percent) / 100).toFixed(2),
          ),
        ]
      : [],
  );
  if (refunds.length) await ingest(kith, refunds);
  await expectBoundAndNoMissedPromotion(m);
  for (const o of after) await ingest(kith, [buy(o, uniq('O-'))]);
  await expectBoundAndNoMissedPromotion(m);
  return m;
}

describe('promotion after a credit', () => {
  it('dates the reversal of a refund that claims to precede its order at the order, and says so', async () => {
    // ¥80 in November refunded by a refund dated in July, then ¥60 in November: window 60, lifetime 60.
    // Were the reversal posted in July, the window would hold 140 against a lifetime of 60, and the
    // member left below the silver their window growth reaches.
    const m = await run(
      [{ daysAgo: 10, yuan: 80, refund: { percent: 100, shiftDays: -130 } }],
      [{ daysAgo: 5, yuan: 60 }],
    );
    const s = await kith.loyalty.accounts.standing(systemCtx, m);
    expect([s.growth.window, s.growth.lifetime]).toEqual([60, 60]);
    const reversal = await sql<{ occurred_at: Date; details: Record<string, unknown> }>`
      select occurred_at, details from loyalty_ledger where member_id = ${m} and kind = 'reverse'`.execute(
      kith.database.db,
    );
    expect(reversal.rows.map((r) => r.occurred_at.toISOString())).toEqual([at(10)]);
    expect(reversal.rows[0]!.details).toMatchObject({ refundAt: at(140), datedAtOrder: true });
  });

  it('never leaves a member below a tier their window growth reaches, whatever the dates of orders and refunds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(order, { minLength: 1, maxLength: 5 }),
        fc.array(order, { maxLength: 3 }),
        async (before, after) => {
          await run(before, after);
        },
      ),
      { numRuns: onPostgres ? 15 : 25 },
    );
    await expectNoDrift(kith);
  });
});
