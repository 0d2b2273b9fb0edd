import { sql } from 'kysely';
import { expect } from 'vitest';
import { systemCtx, type TestKith } from '../../../test/harness.js';
import type { RuleDefinition } from './domain/rules.js';

/**
 * Factories for the programme's tests: a three-tier programme, rules in the `buildRule({...})`
 * style, activities ingested through the real ingest path, and the outbox drained.
 */
let seq = 0;
export const uniq = (p = 'x') => `${p}${Date.now().toString(36)}${++seq}`;

export async function standardTiers(kith: TestKith) {
  const t = kith.loyalty.tiers;
  const bronze = await t.create(systemCtx, { nameZh: '铜牌会员', nameEn: 'Bronze', threshold: 0 });
  const silver = await t.create(systemCtx, {
    nameZh: '银牌会员',
    nameEn: 'Silver',
    threshold: 100,
    benefits: [{ type: 'points_multiplier', value: 1.5 }],
  });
  const gold = await t.create(systemCtx, {
    nameZh: '金牌会员',
    nameEn: 'Gold',
    threshold: 500,
    benefits: [
      { type: 'points_multiplier', value: 2 },
      { type: 'discount', percent: 5 },
    ],
  });
  return { bronze, silver, gold };
}

export function buildRule(over: Partial<RuleDefinition> = {}): RuleDefinition {
  return {
    kind: 'message',
    enabled: true,
    filters: {},
    points: { mode: 'fixed', amount: 2 },
    growth: { mode: 'fixed', amount: 1 },
    tierMultiplier: false,
    limits: {},
    ...over,
  };
}

export async function addRule(
  kith: TestKith,
  name: string,
  over: Partial<RuleDefinition> = {},
  validFrom = '2020-01-01T00:00:00Z',
) {
  return kith.loyalty.rules.create(systemCtx, { name, definition: buildRule(over), validFrom });
}

export async function member(kith: TestKith, name = '小林') {
  const r = await kith.database.db.insertInto('members').values({ name }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Ingests activities for a member and runs the jobs they cause (rules, last active…). */
export async function ingest(kith: TestKith, items: Record<string, unknown>[]) {
  const r = await kith.ingest.ingest(
    systemCtx,
    items.map((i) => ({ source: 'test', channel: 'wechat', externalId: uniq('a'), properties: {}, ...i })),
  );
  expect(r.rejected, JSON.stringify(r.results.filter((x) => x.status === 'rejected'))).toBe(0);
  await kith.jobs.runOnce();
  return r;
}

export const message = (memberId: number, occurredAt: string, text = `今天的咖啡很好喝 ${uniq()}`) => ({
  memberId,
  kind: 'message',
  occurredAt,
  properties: { text },
});
export const purchase = (memberId: number, occurredAt: string, orderId: string, amount: string) => ({
  memberId,
  kind: 'purchase',
  occurredAt,
  properties: { orderId, amount },
});
export const refund = (memberId: number, occurredAt: string, orderId: string, amount: string) => ({
  memberId,
  kind: 'refund',
  occurredAt,
  properties: { orderId, amount },
});

export async function balanceOf(kith: TestKith, memberId: number) {
  const s = await kith.loyalty.accounts.standing(systemCtx, memberId);
  return s.points.balance;
}

export async function expectNoDrift(kith: TestKith) {
  const v = await kith.loyalty.accounts.verify(systemCtx);
  expect(v.drift).toEqual([]);
  expect(v.growthDrift).toEqual([]);
  expect(v.ok).toBe(true);
  return v;
}

export async function postings(kith: TestKith, memberId: number) {
  const r = await sql<{ kind: string; points: number; growth: number; reason: string; rule_version: number | null }>`
    select kind, points, growth, reason, rule_version from loyalty_ledger where member_id = ${memberId} order by occurred_at, id`.execute(
    kith.database.db,
  );
  return r.rows;
}
