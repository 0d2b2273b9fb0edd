import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';

/** SQL for moving, restoring, exporting and erasing a member's activities and orders. */

/** Moves every activity and order of `fromId` to `toId`; the ids moved, for undo. */
export async function moveActivityAndOrders(tx: Tx, fromId: number, toId: number) {
  const a = await sql<{
    id: number;
  }>`update activities set member_id = ${toId} where member_id = ${fromId} returning id`.execute(tx);
  const o = await sql<{
    id: number;
  }>`update orders set member_id = ${toId}, updated_at = now() where member_id = ${fromId} returning id`.execute(tx);
  return { activityIds: a.rows.map((r) => r.id), orderIds: o.rows.map((r) => r.id) };
}

/** Gives the listed activities and orders back to `fromId`. */
export async function returnActivityAndOrders(
  tx: Tx,
  s: { activityIds: number[]; orderIds: number[] },
  fromId: number,
) {
  await sql`update activities set member_id = ${fromId} where id = any(${s.activityIds}::bigint[])`.execute(tx);
  await sql`update orders set member_id = ${fromId}, updated_at = now() where id = any(${s.orderIds}::bigint[])`.execute(
    tx,
  );
}

export async function activitiesOf(tx: Tx, memberId: number) {
  return tx
    .selectFrom('activities')
    .select(['id', 'community_id', 'channel', 'kind', 'occurred_at', 'properties', 'source', 'external_id'])
    .where('member_id', '=', memberId)
    .orderBy('occurred_at')
    .execute();
}

export async function ordersOf(tx: Tx, memberId: number) {
  return tx
    .selectFrom('orders')
    .select([
      'source',
      'order_id',
      'community_id',
      'amount',
      'refunded_amount',
      'currency',
      'items',
      'status',
      'ordered_at',
      'refunded_at',
    ])
    .where('member_id', '=', memberId)
    .orderBy('ordered_at')
    .execute();
}

/**
 * What the member wrote is personal; that they were active (kind, time, community) stays as an
 * anonymous count. Order amounts stay for revenue figures; item lists and free text go.
 */
export async function eraseActivityContent(tx: Tx, memberId: number) {
  await sql`
      update activities set properties = jsonb_build_object('erased', true)
        || case when properties ? 'amount' then jsonb_build_object('amount', properties->'amount') else '{}'::jsonb end
        || case when properties ? 'orderId' then jsonb_build_object('orderId', properties->'orderId') else '{}'::jsonb end
        || case when properties ? 'currency' then jsonb_build_object('currency', properties->'currency') else '{}'::jsonb end
      where member_id = ${memberId}`.execute(tx);
  await sql`update orders set items = '[]'::jsonb, updated_at = now() where member_id = ${memberId}`.execute(tx);
}
