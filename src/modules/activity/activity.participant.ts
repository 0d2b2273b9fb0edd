import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import type { MemberDataParticipant } from '../members/index.js';

/** A member's activities and orders follow them through merges, exports and erasure. */
export const activityMemberParticipant: MemberDataParticipant = {
  name: 'activity',

  async move(tx: Tx, fromId: number, toId: number) {
    const a = await sql<{
      id: number;
    }>`update activities set member_id = ${toId} where member_id = ${fromId} returning id`.execute(tx);
    const o = await sql<{
      id: number;
    }>`update orders set member_id = ${toId}, updated_at = now() where member_id = ${fromId} returning id`.execute(tx);
    return { activityIds: a.rows.map((r) => r.id), orderIds: o.rows.map((r) => r.id) };
  },

  async undoMove(tx: Tx, snapshot: unknown, fromId: number) {
    const s = snapshot as { activityIds: number[]; orderIds: number[] };
    await sql`update activities set member_id = ${fromId} where id = any(${s.activityIds}::bigint[])`.execute(tx);
    await sql`update orders set member_id = ${fromId}, updated_at = now() where id = any(${s.orderIds}::bigint[])`.execute(
      tx,
    );
  },

  async exportData(tx: Tx, memberId: number) {
    const activities = await tx
      .selectFrom('activities')
      .select(['id', 'community_id', 'channel', 'kind', 'occurred_at', 'properties', 'source', 'external_id'])
      .where('member_id', '=', memberId)
      .orderBy('occurred_at')
      .execute();
    const orders = await tx
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
    return { activities, orders };
  },

  async erase(tx: Tx, memberId: number) {
    // What the member wrote is personal; that they were active (kind, time, community) stays as an
    // anonymous count. Order amounts stay for revenue figures; item lists and free text go.
    await sql`
      update activities set properties = jsonb_build_object('erased', true)
        || case when properties ? 'amount' then jsonb_build_object('amount', properties->'amount') else '{}'::jsonb end
        || case when properties ? 'orderId' then jsonb_build_object('orderId', properties->'orderId') else '{}'::jsonb end
        || case when properties ? 'currency' then jsonb_build_object('currency', properties->'currency') else '{}'::jsonb end
      where member_id = ${memberId}`.execute(tx);
    await sql`update orders set items = '[]'::jsonb, updated_at = now() where member_id = ${memberId}`.execute(tx);
  },
};
