import type { Database } from '../../kernel/db/database.js';
import type { ActorContext } from '../../kernel/context.js';
import { decodeCursor, pageOf } from '../../kernel/pagination.js';
import * as repo from './activity.repo.js';

export interface ActivityListQuery {
  memberId?: number;
  communityId?: number;
  kind?: string[];
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/**
 * Reading the stream: activities newest first (a member's timeline with `memberId`) and the orders
 * built from purchases and refunds, both limited to what the actor may see and keyset-paged.
 */
export function createActivityService(deps: { database: Database }) {
  const db = deps.database.db;

  async function listActivities(ctx: ActorContext, q: ActivityListQuery) {
    const limit = q.limit ?? 50;
    const before = q.cursor ? decodeCursor(q.cursor, ['instant', 'id']) : undefined;
    const rows = await repo.listActivities(db, {
      memberId: q.memberId,
      communityId: q.communityId,
      kinds: q.kind,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      scope: ctx.actor.communityIds,
      before: before && { at: before[0], id: before[1] },
      limit: limit + 1,
    });
    const page = pageOf(rows, limit, (a) => [a.occurred_at, a.id]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((a) => ({
        id: a.id,
        memberId: a.member_id,
        communityId: a.community_id,
        channel: a.channel,
        kind: a.kind,
        occurredAt: a.occurred_at.toISOString(),
        properties: a.properties,
        source: a.source,
        externalId: a.external_id,
      })),
    };
  }

  async function listOrders(ctx: ActorContext, q: { memberId?: number; cursor?: string; limit?: number }) {
    const limit = q.limit ?? 50;
    const rows = await repo.listOrders(db, {
      memberId: q.memberId,
      scope: ctx.actor.communityIds,
      limit: limit + 1,
      beforeId: q.cursor ? decodeCursor(q.cursor, ['id'])[0] : undefined,
    });
    const page = pageOf(rows, limit, (o) => [o.id]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((o) => ({
        id: o.id,
        source: o.source,
        orderId: o.order_id,
        memberId: o.member_id,
        communityId: o.community_id,
        amount: o.amount,
        refundedAmount: o.refunded_amount,
        currency: o.currency,
        items: o.items as unknown[],
        status: o.status,
        orderedAt: o.ordered_at.toISOString(),
        refundedAt: o.refunded_at?.toISOString() ?? null,
      })),
    };
  }

  return { listActivities, listOrders };
}

export type ActivityService = ReturnType<typeof createActivityService>;
