import type { Insertable, RawBuilder, Updateable } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import type { LoyaltyAdjustmentsTable } from '../../kernel/db/tables.js';

/** SQL of members' accounts as staff read them, and of manual adjustments 手动调整 with their approval. */

/** A member's postings newest first, after (older than) `before`. */
export async function ledgerRows(tx: Tx, memberId: number, before: { at: Date; id: number } | null, limit: number) {
  let query = tx.selectFrom('loyalty_ledger').selectAll().where('member_id', '=', memberId);
  if (before)
    query = query.where((eb) =>
      eb.or([eb('occurred_at', '<', before.at), eb.and([eb('occurred_at', '=', before.at), eb('id', '<', before.id)])]),
    );
  return query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function insertAdjustment(tx: Tx, row: Insertable<LoyaltyAdjustmentsTable>) {
  return tx.insertInto('loyalty_adjustments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** An adjustment, locked for its decision. */
export async function lockAdjustment(tx: Tx, id: number) {
  return tx.selectFrom('loyalty_adjustments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateAdjustment(tx: Tx, id: number, set: Updateable<LoyaltyAdjustmentsTable>) {
  return tx.updateTable('loyalty_adjustments').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Adjustments newest first, limited by `inScope` (the caller's members). */
export async function adjustmentPage(
  tx: Tx,
  q: { status?: string; memberId?: number; beforeId?: number; limit: number },
  inScope: RawBuilder<boolean>,
) {
  let query = tx.selectFrom('loyalty_adjustments').selectAll();
  if (q.status) query = query.where('status', '=', q.status);
  if (q.memberId) query = query.where('member_id', '=', q.memberId);
  if (q.beforeId !== undefined) query = query.where('id', '<', q.beforeId);
  query = query.where(inScope);
  return query.orderBy('id', 'desc').limit(q.limit).execute();
}

/** How many accounts and postings the programme holds. */
export async function programmeSize(tx: Tx) {
  const accounts = await tx
    .selectFrom('loyalty_accounts')
    .select(tx.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const postings = await tx
    .selectFrom('loyalty_ledger')
    .select(tx.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { accounts: Number(accounts.n), postings: Number(postings.n) };
}
