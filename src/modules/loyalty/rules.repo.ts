import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import { arrayLiteral } from '../../kernel/db/array-literal.js';
import type { ActivityFacts, RuleDefinition, RuleVersion } from './domain/rules.js';

/**
 * SQL of behaviour rules and of what applying them reads: the activities, the member's earlier
 * rewarded activities of each rule (from the ledger, which is the only memory rules have), earlier
 * messages for anti-abuse, and tier histories for multipliers. `activities` and `orders` belong to
 * the activity module and are only read here.
 */
export async function allVersions(tx: Tx): Promise<Map<number, RuleVersion[]>> {
  const rows = await tx.selectFrom('loyalty_rule_versions').selectAll().orderBy('rule_id').orderBy('version').execute();
  const out = new Map<number, RuleVersion[]>();
  for (const r of rows) {
    const list = out.get(r.rule_id) ?? [];
    list.push({
      ruleId: r.rule_id,
      version: r.version,
      validFrom: r.valid_from,
      definition: r.definition as RuleDefinition,
    });
    out.set(r.rule_id, list);
  }
  return out;
}

export const listRules = (tx: Tx) => tx.selectFrom('loyalty_rules').selectAll().orderBy('id').execute();

/**
 * Activities as rules read them, in the shape of ActivityFacts straight from the statement: times as
 * milliseconds (parsing ten thousand timestamps into Dates was a measurable part of a batch).
 */
const FACTS = sql.raw(`id, member_id as "memberId", community_id as "communityId", channel, kind,
  floor(extract(epoch from occurred_at) * 1000)::float8 as "occurredAt", properties, source`);
type Facts = ActivityFacts & { source: string };

export async function activitiesByIds(tx: Tx, ids: number[]): Promise<Facts[]> {
  if (ids.length === 0) return [];
  const r = await sql<Facts>`select ${FACTS} from activities where id = any(${arrayLiteral(ids)}::bigint[])`.execute(
    tx,
  );
  return r.rows;
}

/** Activities of the given kinds of some members from `from` on (replay). */
export async function activitiesOfMembers(tx: Tx, memberIds: number[], kinds: string[], from: Date) {
  if (memberIds.length === 0 || kinds.length === 0) return [];
  const r = await sql<Facts>`
    select ${FACTS} from activities
    where member_id = any(${arrayLiteral(memberIds)}::bigint[]) and occurred_at >= ${from} and kind = any(${kinds}::text[])`.execute(
    tx,
  );
  return r.rows;
}

/** Members with activities from `from` on, in id order. */
export async function membersActiveSince(tx: Tx, from: Date, kinds: string[]): Promise<number[]> {
  const r = await sql<{ member_id: number }>`
    select distinct member_id from activities where occurred_at >= ${from} and kind = any(${kinds}::text[]) order by member_id`.execute(
    tx,
  );
  return r.rows.map((x) => x.member_id);
}

/**
 * Rewarded activities (net points or growth above zero) of (member, rule) pairs, each from its
 * own start up to `to`. One index probe per pair (loyalty_ledger_rule_idx), so a batch reads only
 * the rules its activities fall under and only as far back as each rule looks.
 */
export async function rewardedIn(tx: Tx, pairs: { memberId: number; ruleId: number; from: Date }[], to: Date) {
  if (pairs.length === 0) return [];
  // Lateral: one index probe per pair whatever the ledger's size. Joined plainly, the planner hashes
  // the whole ledger once it expects thousands of pairs, and a batch's cost grows with the ledger.
  const r = await sql<{ member_id: number; rule_id: number; activity_id: number; at: number }>`
    select q.m as member_id, q.r as rule_id, x.activity_id, x.at
    from unnest(${arrayLiteral(pairs.map((p) => p.memberId))}::bigint[], ${arrayLiteral(pairs.map((p) => p.ruleId))}::bigint[], ${arrayLiteral(pairs.map((p) => p.from.toISOString()))}::timestamptz[]) as q(m, r, f)
    cross join lateral (
      select l.activity_id, floor(extract(epoch from min(l.occurred_at)) * 1000)::float8 as at from loyalty_ledger l
      where l.member_id = q.m and l.rule_id = q.r and l.occurred_at >= q.f and l.occurred_at < ${to}
      group by l.activity_id
      having sum(l.points) > 0 or sum(l.growth) > 0) x`.execute(tx);
  return r.rows;
}

/** How many rewarded activities each (member, rule) pair had before its `before`. */
export async function rewardedCountsBefore(tx: Tx, pairs: { memberId: number; ruleId: number; before: Date }[]) {
  if (pairs.length === 0) return [];
  const r = await sql<{ member_id: number; rule_id: number; n: number }>`
    select q.m as member_id, q.r as rule_id, x.n
    from unnest(${arrayLiteral(pairs.map((p) => p.memberId))}::bigint[], ${arrayLiteral(pairs.map((p) => p.ruleId))}::bigint[], ${arrayLiteral(pairs.map((p) => p.before.toISOString()))}::timestamptz[]) as q(m, r, b)
    cross join lateral (
      select count(*)::bigint as n from (
        select l.activity_id from loyalty_ledger l
        where l.member_id = q.m and l.rule_id = q.r and l.occurred_at < q.b
        group by l.activity_id having sum(l.points) > 0 or sum(l.growth) > 0) y) x
    where x.n > 0`.execute(tx);
  return r.rows;
}

/** Members' messages in [from, to), for the repeated-message check. */
export async function messagesIn(tx: Tx, memberIds: number[], from: Date, to: Date) {
  if (memberIds.length === 0) return [];
  const r = await sql<{ member_id: number; at: number; text: string | null }>`
    select member_id, floor(extract(epoch from occurred_at) * 1000)::float8 as at, properties->>'text' as text from activities
    where member_id = any(${arrayLiteral(memberIds)}::bigint[]) and kind = 'message' and occurred_at >= ${from} and occurred_at < ${to}`.execute(
    tx,
  );
  return r.rows;
}

/** Net points and growth each (rule, activity) has in the ledger for members from `from` on. */
export async function netByRuleActivity(tx: Tx, memberIds: number[], from: Date) {
  if (memberIds.length === 0) return [];
  const r = await sql<{
    member_id: number;
    rule_id: number;
    activity_id: number;
    points: number;
    growth: number;
    n: number;
    at: Date;
  }>`
    select member_id, rule_id, activity_id, sum(points)::bigint as points, sum(growth)::bigint as growth, count(*)::bigint as n, min(occurred_at) as at
    from loyalty_ledger
    where member_id = any(${memberIds}::bigint[]) and rule_id is not null and occurred_at >= ${from}
    group by member_id, rule_id, activity_id`.execute(tx);
  return r.rows;
}

/** Order row ids of purchases, by (source, order number). */
export async function orderIds(tx: Tx, keys: { source: string; orderId: string }[]) {
  const out = new Map<string, { id: number; amount: string; refunded: string }>();
  if (keys.length === 0) return out;
  const json = JSON.stringify(keys.map((k) => ({ s: k.source, o: k.orderId })));
  const r = await sql<{ id: number; source: string; order_id: string; amount: string; refunded_amount: string }>`
    select o.id, o.source, o.order_id, o.amount, o.refunded_amount from orders o
    join json_to_recordset(${json}::json) as q(s text, o text) on o.source = q.s and o.order_id = q.o`.execute(tx);
  for (const x of r.rows)
    out.set(`${x.source}\u0000${x.order_id}`, { id: x.id, amount: x.amount, refunded: x.refunded_amount });
  return out;
}

/** Earn postings of orders, with how much of each earlier refunds already asked to take back. */
export async function orderEarnings(tx: Tx, orderIds: number[]) {
  if (orderIds.length === 0) return [];
  const r = await sql<{
    id: number;
    member_id: number;
    order_id: number;
    points: number;
    growth: number;
    occurred_at: Date;
    target_points: number;
    target_growth: number;
  }>`
    select e.id, e.member_id, e.order_id, e.points, e.growth, e.occurred_at,
      coalesce(max((r.details->>'targetPoints')::bigint), 0)::bigint as target_points,
      coalesce(max((r.details->>'targetGrowth')::bigint), 0)::bigint as target_growth
    from loyalty_ledger e
    left join loyalty_ledger r on r.reverses_id = e.id and r.kind = 'reverse'
    where e.order_id = any(${orderIds}::bigint[]) and e.kind = 'earn'
    group by e.id, e.member_id, e.order_id, e.points, e.growth, e.occurred_at
    order by e.member_id, e.id`.execute(tx);
  return r.rows;
}

/** Who made each version of each rule: `ruleId:version` → actor label. */
export async function versionAuthors(tx: Tx): Promise<Map<string, string>> {
  const vrows = await tx.selectFrom('loyalty_rule_versions').select(['rule_id', 'version', 'created_by']).execute();
  return new Map(vrows.map((v) => [`${v.rule_id}:${v.version}`, v.created_by]));
}

export async function insertRule(tx: Tx, name: string): Promise<number> {
  return (await tx.insertInto('loyalty_rules').values({ name }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertRuleVersion(
  tx: Tx,
  v: { ruleId: number; version: number; definition: RuleDefinition; validFrom: Date; createdBy: string },
) {
  await tx
    .insertInto('loyalty_rule_versions')
    .values({
      rule_id: v.ruleId,
      version: v.version,
      definition: JSON.stringify(v.definition),
      valid_from: v.validFrom,
      created_by: v.createdBy,
    })
    .execute();
}

/** A rule, locked for its next version. */
export async function lockRule(tx: Tx, id: number) {
  return tx.selectFrom('loyalty_rules').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function ruleVersion(tx: Tx, ruleId: number, version: number) {
  return tx
    .selectFrom('loyalty_rule_versions')
    .selectAll()
    .where('rule_id', '=', ruleId)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
}

export async function updateRule(tx: Tx, id: number, set: { name: string; current_version: number; updated_at: Date }) {
  await tx.updateTable('loyalty_rules').set(set).where('id', '=', id).execute();
}
