import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import { liveMember } from '../members/index.js';
import type { LoyaltyTiersTable, LoyaltyAccountsTable } from '../../kernel/db/tables.js';

/** SQL of tiers, accounts' tier columns, growth windows and the tier history. */
export type TierRow = Selectable<LoyaltyTiersTable>;
export type AccountRow = Selectable<LoyaltyAccountsTable>;

export const listTiers = (tx: Tx) => tx.selectFrom('loyalty_tiers').selectAll().orderBy('threshold').execute();

/** Growth in the window from `startMonth` (null: lifetime) for the given members. */
export async function windowGrowth(
  tx: Tx,
  memberIds: number[],
  startMonth: string | null,
): Promise<Map<number, number>> {
  if (memberIds.length === 0) return new Map();
  const r = await sql<{ member_id: number; growth: number }>`
    select member_id, sum(growth)::bigint as growth from loyalty_growth_monthly
    where member_id = any(${memberIds}::bigint[]) and (${startMonth}::date is null or month >= ${startMonth}::date)
    group by member_id`.execute(tx);
  return new Map(r.rows.map((x) => [x.member_id, x.growth]));
}

/**
 * Of these members, those whose growth in the window reaches `next` of the tier they earned (the
 * next tier's threshold; `nextWithout` for members without a tier) — the only accounts a promotion
 * can move — with that growth. The rest of a batch of ten thousand never leaves the database.
 */
export async function promotionCandidates(
  tx: Tx,
  memberIds: number[],
  startMonth: string | null,
  next: { tierId: number; next: number }[],
  nextWithout: number,
) {
  if (memberIds.length === 0) return [];
  // Lateral: two index probes per member whatever the tables' size (joined plainly, the planner
  // hashes every account and growth month once it expects thousands of members).
  const r = await sql<{ member_id: number; tier_id: number | null; growth: number }>`
    select a.member_id, a.tier_id, g.growth
    from unnest(${memberIds}::bigint[]) as m(id)
    cross join lateral (select member_id, tier_id from loyalty_accounts where member_id = m.id) a
    cross join lateral (
      select coalesce(sum(growth), 0)::bigint as growth from loyalty_growth_monthly
      where member_id = m.id and (${startMonth}::date is null or month >= ${startMonth}::date)) g
    left join unnest(${next.map((n) => n.tierId)}::bigint[], ${next.map((n) => n.next)}::float8[]) as n(tier_id, next) on n.tier_id = a.tier_id
    where g.growth >= case when a.tier_id is null then ${nextWithout}::float8 else coalesce(n.next, 0) end
    order by a.member_id`.execute(tx);
  return r.rows;
}

/** Members whose growth in the window reaches `atLeast` (those a lowered threshold may promote). */
export async function membersWithGrowth(tx: Tx, atLeast: number, startMonth: string | null): Promise<number[]> {
  const r = await sql<{ member_id: number }>`
    select member_id from loyalty_growth_monthly where ${startMonth}::date is null or month >= ${startMonth}::date
    group by member_id having sum(growth) >= ${atLeast} order by member_id`.execute(tx);
  return r.rows.map((x) => x.member_id);
}

export async function accountsOf(tx: Tx, memberIds: number[]): Promise<AccountRow[]> {
  if (memberIds.length === 0) return [];
  return tx
    .selectFrom('loyalty_accounts')
    .selectAll()
    .where('member_id', '=', sql<number>`any(${memberIds}::bigint[])`)
    .orderBy('member_id')
    .execute();
}

/**
 * The next page of accounts after `after`, in member order. Not locked: the evaluation writes only
 * the accounts that change, and only if they still hold what it read (`setEarnedTiers`).
 */
export async function accountsAfter(tx: Tx, after: number, limit: number) {
  // Only the columns the evaluation judges by: every further column is parsed for nothing, and
  // reading whole rows was the largest part of a chunk.
  return tx
    .selectFrom('loyalty_accounts')
    .select(['member_id', 'tier_id', 'tier_since', 'below_keep_since'])
    .where('member_id', '>', after)
    .orderBy('member_id')
    .limit(limit)
    .execute();
}

/** Growth in the window for every member in the id range (after, last]: one range scan. */
export async function windowGrowthRange(
  tx: Tx,
  after: number,
  last: number,
  startMonth: string | null,
): Promise<Map<number, number>> {
  const r = await sql<{ member_id: number; growth: number }>`
    select member_id, sum(growth)::bigint as growth from loyalty_growth_monthly
    where member_id > ${after} and member_id <= ${last} and (${startMonth}::date is null or month >= ${startMonth}::date)
    group by member_id`.execute(tx);
  return new Map(r.rows.map((x) => [x.member_id, x.growth]));
}

/** The evaluation run of a period, created when missing, locked so two runs take turns. */
export async function evaluationRun(tx: Tx, period: string) {
  await tx
    .insertInto('loyalty_evaluations')
    .values({ period })
    .onConflict((oc) => oc.column('period').doNothing())
    .execute();
  return tx
    .selectFrom('loyalty_evaluations')
    .selectAll()
    .where('period', '=', period)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Activities per member in [from, to), counted for each set of kinds an obligation names. */
export async function activityCounts(
  tx: Tx,
  memberIds: number[],
  from: Date,
  to: Date,
  kindSets: string[][],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (memberIds.length === 0 || kindSets.length === 0) return out;
  const r = await sql<{ member_id: number; kind: string; n: number }>`
    select member_id, kind, count(*)::bigint as n from activities
    where member_id = any(${memberIds}::bigint[]) and occurred_at >= ${from} and occurred_at < ${to}
    group by member_id, kind`.execute(tx);
  for (const row of r.rows) {
    const counts = out.get(row.member_id) ?? kindSets.map(() => 0);
    kindSets.forEach((kinds, i) => {
      if (kinds.length === 0 || kinds.includes(row.kind)) counts[i]! += row.n;
    });
    out.set(row.member_id, counts);
  }
  return out;
}

export interface TierChangeRow {
  memberId: number;
  fromTierId: number | null;
  toTierId: number | null;
  change: 'promoted' | 'demoted' | 'manual' | 'manual_ended';
  reason: string;
  details: Record<string, unknown>;
  actor: string;
  effectiveAt: Date;
}

export async function insertHistory(tx: Tx, rows: TierChangeRow[]) {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      m: r.memberId,
      f: r.fromTierId,
      t: r.toTierId,
      c: r.change,
      r: r.reason,
      d: JSON.stringify(r.details),
      a: r.actor,
      at: r.effectiveAt.toISOString(),
    })),
  );
  await sql`
    insert into loyalty_tier_history (member_id, from_tier_id, to_tier_id, change, reason, details, actor, effective_at)
    select m, f, t, c, r, d::jsonb, a, at from json_to_recordset(${json}::json) as q(m bigint, f bigint, t bigint, c text, r text, d text, a text, at timestamptz)`.execute(
    tx,
  );
}

/** Sets the earned tier (and grace state) of many accounts at once. */
export interface EarnedTierUpdate {
  memberId: number;
  tierId: number | null;
  tierSince: Date | null;
  belowKeepSince: Date | null;
  /** When given, the row is written only if it still holds this tier and grace start. */
  expect?: { tierId: number | null; belowKeepSince: Date | null };
}

/** Sets the earned tier (and grace state) of many accounts at once; returns the members written. */
export async function setEarnedTiers(tx: Tx, rows: EarnedTierUpdate[]): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const json = JSON.stringify(
    rows.map((r) => ({
      m: r.memberId,
      t: r.tierId,
      s: r.tierSince?.toISOString() ?? null,
      b: r.belowKeepSince?.toISOString() ?? null,
      x: r.expect ? 1 : 0,
      et: r.expect?.tierId ?? null,
      eb: r.expect?.belowKeepSince?.toISOString() ?? null,
    })),
  );
  const r = await sql<{ member_id: number }>`
    update loyalty_accounts a set tier_id = q.t, tier_since = q.s, below_keep_since = q.b
    from json_to_recordset(${json}::json) as q(m bigint, t bigint, s timestamptz, b timestamptz, x int, et bigint, eb timestamptz)
    where a.member_id = q.m and (q.x = 0 or (a.tier_id is not distinct from q.et and a.below_keep_since is not distinct from q.eb))
    returning a.member_id`.execute(tx);
  return new Set(r.rows.map((x) => x.member_id));
}

export async function historyOf(tx: Tx, memberIds: number[]) {
  if (memberIds.length === 0) return [];
  return tx
    .selectFrom('loyalty_tier_history')
    .selectAll()
    .where('member_id', '=', sql<number>`any(${memberIds}::bigint[])`)
    .orderBy('member_id')
    .orderBy('effective_at')
    .orderBy('id')
    .execute();
}

/** Manual assignments whose end has come. */
export async function endedManualAssignments(tx: Tx, now: Date, limit: number) {
  return tx
    .selectFrom('loyalty_accounts')
    .select(['member_id', 'manual_tier_id', 'manual_until', 'tier_id'])
    .where('manual_tier_id', 'is not', null)
    .where('manual_until', '<=', now)
    .orderBy('member_id')
    .limit(limit)
    .forNoKeyUpdate()
    .execute();
}

/**
 * How many members each proposed threshold set would put in each tier: growth in the window per
 * member, counted against the thresholds (ascending); members with no growth sit in the entry tier.
 */
export async function distribution(tx: Tx, thresholds: number[], startMonth: string | null): Promise<number[]> {
  const r = await sql<{ idx: number; n: number }>`
    with g as (
      select member_id, sum(growth) as growth from loyalty_growth_monthly
      where ${startMonth}::date is null or month >= ${startMonth}::date group by member_id),
    live as (select count(*)::bigint as n from members lm where ${liveMember('lm')}),
    grown as (
      select (select count(*) from unnest(${thresholds}::bigint[]) t where t <= g.growth) as idx, count(*)::bigint as n
      from g join members m on m.id = g.member_id and ${liveMember('m')}
      where g.growth > 0 group by 1)
    select idx, n from grown
    union all
    select -1, (select n from live) - coalesce((select sum(n) from grown), 0)`.execute(tx);
  const counts = thresholds.map(() => 0);
  for (const row of r.rows) {
    // Members below every threshold, and those with no growth, are in the entry tier.
    const i = row.idx <= 0 ? 0 : row.idx - 1;
    if (counts.length) counts[i]! += Number(row.n);
  }
  return counts;
}

/** Which of `ids` are tiers. */
export async function existingTierIds(tx: Tx, ids: number[]): Promise<Set<number>> {
  return new Set((await tx.selectFrom('loyalty_tiers').select('id').where('id', 'in', ids).execute()).map((t) => t.id));
}

/**
 * One change of the tier list at a time: creating, editing and removing a tier and applying
 * thresholds all check the whole list before they write, so two of them at once could each pass
 * their check and together break it (two tiers at one threshold).
 */
export async function lockTierList(tx: Tx) {
  await sql`lock table loyalty_tiers in share row exclusive mode`.execute(tx);
}

/** Tiers may trade places within the transaction (the uniqueness is checked at commit; migration 0012). */
export async function deferThresholdUniqueness(tx: Tx) {
  await sql`set constraints loyalty_tiers_threshold_uq deferred`.execute(tx);
}

export async function insertTier(tx: Tx, row: Insertable<LoyaltyTiersTable>) {
  return tx.insertInto('loyalty_tiers').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateTier(tx: Tx, id: number, set: Updateable<LoyaltyTiersTable>) {
  return tx.updateTable('loyalty_tiers').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Whether any member holds or has held the tier (then it cannot be removed). */
export async function tierInUse(tx: Tx, id: number): Promise<boolean> {
  const used = await tx
    .selectFrom('loyalty_accounts')
    .select('member_id')
    .where((eb) => eb.or([eb('tier_id', '=', id), eb('manual_tier_id', '=', id)]))
    .limit(1)
    .executeTakeFirst();
  const inHistory = await tx
    .selectFrom('loyalty_tier_history')
    .select('id')
    .where((eb) => eb.or([eb('from_tier_id', '=', id), eb('to_tier_id', '=', id)]))
    .limit(1)
    .executeTakeFirst();
  return !!(used || inHistory);
}

export async function deleteTier(tx: Tx, id: number) {
  await tx.deleteFrom('loyalty_tiers').where('id', '=', id).execute();
}

/** The evaluation run's progress, committed with each chunk. */
export async function saveEvaluationRun(
  tx: Tx,
  period: string,
  set: { after_member_id: number; evaluated: number; promoted: number; demoted: number; finished_at: Date | null },
) {
  await tx.updateTable('loyalty_evaluations').set(set).where('period', '=', period).execute();
}

/** Members' manual tiers end (their earned tier applies again). */
export async function clearManualTiers(tx: Tx, memberIds: number[], now?: Date) {
  await tx
    .updateTable('loyalty_accounts')
    .set({ manual_tier_id: null, manual_until: null, manual_reason: null, ...(now && { updated_at: now }) })
    .where('member_id', 'in', memberIds)
    .execute();
}

export async function setManualTier(
  tx: Tx,
  memberId: number,
  m: { tierId: number; until: Date | null; reason: string; now: Date },
) {
  await tx
    .updateTable('loyalty_accounts')
    .set({ manual_tier_id: m.tierId, manual_until: m.until, manual_reason: m.reason, updated_at: m.now })
    .where('member_id', '=', memberId)
    .execute();
}
