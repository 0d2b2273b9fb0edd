import { sql } from 'kysely';
import { PREPARED, type Tx } from '../../kernel/db/database.js';
import { arrayLiteral } from '../../kernel/db/array-literal.js';

/**
 * SQL of the points ledger, its lots, the maintained balances and the monthly growth rollup.
 * Locks are always taken in the same order — the member's account row first, then their lots — so
 * concurrent postings, expiry runs and merges wait for each other instead of deadlocking.
 */
export interface PostingRow {
  memberId: number;
  kind: 'earn' | 'spend' | 'expire' | 'adjust' | 'reverse';
  points: number;
  growth: number;
  reason: string;
  ruleId?: number | null;
  ruleVersion?: number | null;
  activityId?: number | null;
  orderId?: number | null;
  redemptionId?: number | null;
  reversesId?: number | null;
  key: string;
  occurredAt: Date;
  expiresAt?: Date | null;
  details?: unknown;
  actor: string;
}

/**
 * What a credit returns of each new posting: enough to know who gained growth, and the member's
 * earned tier and lifetime growth after the credit (which members a promotion can move).
 */
export interface CreditedPosting {
  id: number;
  member_id: number;
  growth: number;
  tier_id: number | null;
  growth_lifetime: number;
}

export interface InsertedPosting {
  id: number;
  member_id: number;
  points: number;
  growth: number;
  idempotency_key: string;
  occurred_at: Date;
  expires_at: Date | null;
}

/**
 * Postings as one typed array per column, the parameters of `loyalty_posting_rows`, which turns
 * them back into rows (0013_loyalty_credit_arrays.sql): times as milliseconds since the epoch, the
 * details as one JSON array with element i for posting i.
 */
function postingParams(rows: PostingRow[]) {
  type Cell = number | string | null;
  const cols: Cell[][] = Array.from({ length: 15 }, () => []);
  const details: unknown[] = [];
  for (const x of rows) {
    const cells: Cell[] = [
      x.memberId,
      x.kind,
      x.points,
      x.growth,
      x.reason,
      x.ruleId ?? null,
      x.ruleVersion ?? null,
      x.activityId ?? null,
      x.orderId ?? null,
      x.redemptionId ?? null,
      x.reversesId ?? null,
      x.key,
      x.occurredAt.getTime(),
      x.expiresAt?.getTime() ?? null,
      x.actor,
    ];
    for (let c = 0; c < 15; c++) cols[c]!.push(cells[c]!);
    details.push(x.details ?? null);
  }
  const [m, k, p, g, r, ru, rv, a, o, rd, rs, key, at, ex, ac] = cols.map(arrayLiteral);
  return sql`${m}::bigint[], ${k}::text[], ${p}::bigint[], ${g}::bigint[], ${r}::text[], ${ru}::bigint[], ${rv}::int[], ${a}::bigint[],
    ${o}::bigint[], ${rd}::bigint[], ${rs}::bigint[], ${key}::text[], ${at}::float8[], ${ex}::float8[], ${ac}::text[], ${JSON.stringify(details)}::jsonb`;
}

/** Appends postings; those whose idempotency key exists already are skipped. Returns the new ones. */
export async function insertPostings(tx: Tx, rows: PostingRow[]): Promise<InsertedPosting[]> {
  if (rows.length === 0) return [];
  const r = await sql<InsertedPosting>`
    insert into loyalty_ledger (member_id, kind, points, growth, reason, rule_id, rule_version, activity_id, order_id, redemption_id,
      reverses_id, idempotency_key, occurred_at, expires_at, details, actor)
    select m, k, p, g, r, ru, rv, a, o, rd, rs, key, at, ex, d, ac from loyalty_posting_rows(${postingParams(rows)})
    on conflict (idempotency_key) do nothing
    returning id, member_id, points, growth, idempotency_key, occurred_at, expires_at`.execute(tx);
  return r.rows;
}

/**
 * The whole credit path in one call of the SQL function `loyalty_credit` (0013, 0014, 0015), prepared
 * once per connection (one posting by plain statements, a batch by one set-based one): append the
 * postings (skipping known keys), add them to the members' balances and totals (in member order,
 * so concurrent batches lock alike), open a lot for each posting that adds points, and add growth
 * to the monthly rollup. A lot keeps what is left after any debt: with the balance after each
 * posting b, it holds max(0, min(points, b)) — the same as paying the debt off first, posting by
 * posting in id order.
 */
export async function creditPostings(tx: Tx, rows: PostingRow[], tz: string, now: Date): Promise<CreditedPosting[]> {
  if (rows.length === 0) return [];
  const r =
    await sql<CreditedPosting>`${PREPARED} select * from loyalty_credit(${postingParams(rows)}, ${tz}, ${now}::timestamptz)`.execute(
      tx,
    );
  return r.rows;
}

/**
 * Adds deltas to members' accounts (creating them), in member order so concurrent batches lock in
 * the same order. Returns each balance before the change.
 */
export async function addToAccounts(
  tx: Tx,
  deltas: { memberId: number; points: number; growth: number }[],
  now: Date,
): Promise<Map<number, number>> {
  if (deltas.length === 0) return new Map();
  const json = JSON.stringify(
    [...deltas].sort((a, b) => a.memberId - b.memberId).map((d) => ({ m: d.memberId, p: d.points, g: d.growth })),
  );
  const delta = new Map(deltas.map((d) => [d.memberId, d.points]));
  const r = await sql<{ member_id: number; points_balance: number }>`
    insert into loyalty_accounts as a (member_id, points_balance, growth_lifetime, updated_at)
    select m, p, g, ${now} from json_to_recordset(${json}::json) as q(m bigint, p bigint, g bigint) order by m
    on conflict (member_id) do update set
      points_balance = a.points_balance + excluded.points_balance,
      growth_lifetime = a.growth_lifetime + excluded.growth_lifetime,
      updated_at = excluded.updated_at
    returning member_id, points_balance`.execute(tx);
  return new Map(r.rows.map((x) => [x.member_id, x.points_balance - delta.get(x.member_id)!]));
}

/** Locks a member's account for a debit (creating it when missing); returns the balance. */
export async function lockAccount(tx: Tx, memberId: number): Promise<number> {
  await sql`insert into loyalty_accounts (member_id) values (${memberId}) on conflict (member_id) do nothing`.execute(
    tx,
  );
  const r = await sql<{
    points_balance: number;
  }>`select points_balance from loyalty_accounts where member_id = ${memberId} for no key update`.execute(tx);
  return r.rows[0]!.points_balance;
}

/** Locks the accounts of several members, in member order. */
export async function lockAccounts(tx: Tx, memberIds: number[]): Promise<void> {
  if (memberIds.length === 0) return;
  await sql`select member_id from loyalty_accounts where member_id = any(${[...new Set(memberIds)].sort((a, b) => a - b)}::bigint[]) order by member_id for no key update`.execute(
    tx,
  );
}

export async function openLots(tx: Tx, memberId: number) {
  const r = await sql<{
    posting_id: number;
    remaining: number;
    expires_at: Date | null;
    earned_at: Date;
    amount: number;
  }>`
    select posting_id, remaining, expires_at, earned_at, amount from loyalty_lots
    where member_id = ${memberId} and remaining > 0
    order by coalesce(expires_at, 'infinity'::timestamptz), posting_id`.execute(tx);
  return r.rows;
}

export async function takeFromLots(tx: Tx, takes: { id: number; amount: number }[]) {
  if (takes.length === 0) return;
  const json = JSON.stringify(takes.map((t) => ({ id: t.id, n: t.amount })));
  await sql`
    update loyalty_lots l set remaining = l.remaining - q.n
    from json_to_recordset(${json}::json) as q(id bigint, n bigint) where l.posting_id = q.id`.execute(tx);
}

/** Adds growth to the monthly rollup. */
export async function addGrowthMonthly(tx: Tx, rows: { memberId: number; month: string; growth: number }[]) {
  const merged = new Map<string, { memberId: number; month: string; growth: number }>();
  for (const r of rows) {
    if (r.growth === 0) continue;
    const k = `${r.memberId}|${r.month}`;
    const e = merged.get(k);
    if (e) e.growth += r.growth;
    else merged.set(k, { ...r });
  }
  if (merged.size === 0) return;
  const json = JSON.stringify(
    [...merged.values()]
      .sort((a, b) => a.memberId - b.memberId || a.month.localeCompare(b.month))
      .map((r) => ({ m: r.memberId, mo: r.month, g: r.growth })),
  );
  await sql`
    insert into loyalty_growth_monthly as x (member_id, month, growth)
    select m, mo, g from json_to_recordset(${json}::json) as q(m bigint, mo date, g bigint) order by m, mo
    on conflict (member_id, month) do update set growth = x.growth + excluded.growth`.execute(tx);
}

export async function findPostingByKey(tx: Tx, key: string) {
  return tx.selectFrom('loyalty_ledger').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

/** Lots whose expiry has come, oldest first (members only; the caller locks and re-reads). */
export async function dueLotMembers(tx: Tx, now: Date, limit: number): Promise<number[]> {
  const r = await sql<{ member_id: number }>`
    select distinct member_id from (
      select member_id from loyalty_lots where remaining > 0 and expires_at <= ${now} order by expires_at limit ${limit}) x`.execute(
    tx,
  );
  return r.rows.map((x) => x.member_id);
}

export async function dueLotsOf(tx: Tx, memberIds: number[], now: Date) {
  const r = await sql<{ posting_id: number; member_id: number; remaining: number; expires_at: Date }>`
    select posting_id, member_id, remaining, expires_at from loyalty_lots
    where member_id = any(${memberIds}::bigint[]) and remaining > 0 and expires_at <= ${now}
    order by member_id, expires_at, posting_id`.execute(tx);
  return r.rows;
}

export async function zeroLots(tx: Tx, ids: number[]) {
  if (ids.length) await sql`update loyalty_lots set remaining = 0 where posting_id = any(${ids}::bigint[])`.execute(tx);
}

export interface Drift {
  memberId: number;
  balance: number | null;
  ledgerPoints: number;
  growthLifetime: number | null;
  ledgerGrowth: number;
  lotsRemaining: number;
}

/** Accounts whose maintained figures disagree with the ledger (must be none). */
export async function accountDrift(tx: Tx): Promise<Drift[]> {
  const r = await sql<{
    member_id: number;
    balance: number | null;
    lp: number;
    gl: number | null;
    lg: number;
    rem: number;
  }>`
    with l as (select member_id, sum(points)::bigint as lp, sum(growth)::bigint as lg from loyalty_ledger group by member_id),
         lots as (select member_id, sum(remaining)::bigint as rem from loyalty_lots where remaining > 0 group by member_id)
    select coalesce(a.member_id, l.member_id) as member_id, a.points_balance as balance, coalesce(l.lp, 0)::bigint as lp,
      a.growth_lifetime as gl, coalesce(l.lg, 0)::bigint as lg, coalesce(lots.rem, 0)::bigint as rem
    from loyalty_accounts a
    full join l on l.member_id = a.member_id
    left join lots on lots.member_id = coalesce(a.member_id, l.member_id)
    where a.member_id is null
       or a.points_balance <> coalesce(l.lp, 0)
       or a.growth_lifetime <> coalesce(l.lg, 0)
       or coalesce(lots.rem, 0) <> greatest(a.points_balance, 0)
    order by 1 limit 1000`.execute(tx);
  return r.rows.map((x) => ({
    memberId: x.member_id,
    balance: x.balance,
    ledgerPoints: x.lp,
    growthLifetime: x.gl,
    ledgerGrowth: x.lg,
    lotsRemaining: x.rem,
  }));
}

/** Months whose rollup disagrees with the ledger's growth, cut in `tz`. */
export async function growthRollupDrift(
  tx: Tx,
  tz: string,
): Promise<{ memberId: number; month: string; rollup: number | null; ledger: number | null }[]> {
  const r = await sql<{ member_id: number; month: string; rollup: number | null; ledger: number | null }>`
    with l as (
      select member_id, date_trunc('month', occurred_at at time zone ${tz})::date as month, sum(growth)::bigint as g
      from loyalty_ledger where growth <> 0 group by 1, 2)
    select coalesce(x.member_id, l.member_id) as member_id, coalesce(x.month, l.month)::text as month, x.growth as rollup, l.g as ledger
    from loyalty_growth_monthly x full join l on l.member_id = x.member_id and l.month = x.month
    where x.growth is distinct from l.g and not (x.growth = 0 and l.g is null)
    order by 1, 2 limit 1000`.execute(tx);
  return r.rows.map((x) => ({ memberId: x.member_id, month: x.month, rollup: x.rollup, ledger: x.ledger }));
}

/** Serialises manual adjustment requests on one member (see accounts.service requestAdjustment). */
export async function lockMemberAdjustments(tx: Tx, memberId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(4242300, ${memberId % 2147483647}::int)`.execute(tx);
}

/**
 * Absolute points of the adjustments one requester posted on one member since a moment without a
 * second operator (posted at once: no decision recorded). Approved and pending ones were or will be
 * reviewed, so they do not count.
 */
export async function unreviewedAdjustedPoints(
  tx: Tx,
  q: { memberId: number; requesterType: string; requesterId: number | null; since: Date },
): Promise<number> {
  const r = await sql<{ total: string | number | null }>`
    select coalesce(sum(abs(points)), 0) as total from loyalty_adjustments
    where member_id = ${q.memberId} and status = 'posted' and decided_at is null
      and requested_by_type = ${q.requesterType} and requested_by_id is not distinct from ${q.requesterId}::bigint
      and created_at >= ${q.since}`.execute(tx);
  return Number(r.rows[0]?.total ?? 0);
}

/** Points that adjustments waiting for approval would take from a member. */
export async function pendingDebitPoints(tx: Tx, memberId: number): Promise<number> {
  const r = await sql<{ total: string | number | null }>`
    select coalesce(sum(-points), 0) as total from loyalty_adjustments
    where member_id = ${memberId} and status = 'pending' and points < 0`.execute(tx);
  return Number(r.rows[0]?.total ?? 0);
}

export async function getPosting(tx: Tx, id: number) {
  return tx.selectFrom('loyalty_ledger').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
