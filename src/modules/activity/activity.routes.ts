import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../kernel/db/database.js';
import { KithError } from '../../kernel/errors.js';
import { Nullable } from '../../http/schemas.js';
import type { IngestService } from './ingest.service.js';
import * as repo from './activity.repo.js';
import * as S from './activity.schemas.js';

const encodeCursor = (at: Date, id: number) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
function decodeCursor(c: string) {
  const [at, id] = Buffer.from(c, 'base64url').toString().split('|');
  const d = new Date(at ?? '');
  if (!id || Number.isNaN(d.getTime()) || !/^\d+$/.test(id))
    throw new KithError('VALIDATION_FAILED', 'cursor: is not a cursor from a previous page', {
      fields: [{ path: 'querystring/cursor', message: 'is invalid' }],
    });
  return { at: d, id: Number(id) };
}

export function activityRoutes(deps: { ingest: IngestService; database: Database }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['activity'];

    app.post(
      '/activities',
      {
        // Each item is checked on its own (NUL, surrogates, nesting included), so one bad item is
        // rejected by its index while the others are written.
        config: { access: 'activities:write', batchItems: 'items' },
        schema: {
          tags,
          summary: 'Ingest a batch of up to 10,000 activities (idempotent per source + externalId)',
          description:
            'Each item is validated on its own. Unknown (channel, externalId) identities create members. Re-sending a batch creates nothing new. If every item is rejected the answer is 400 with each reason.',
          body: S.IngestBody,
          response: { 200: S.IngestResponse },
        },
      },
      async (req) => {
        const r = await deps.ingest.ingest(req.ctx, req.body.items, { source: req.body.source });
        if (r.rejected === r.results.length) {
          const fields = r.results.map((x) => ({
            path: `body/items/${x.index}`,
            message: x.status === 'rejected' ? x.reason : x.status,
          }));
          throw new KithError('VALIDATION_FAILED', `All ${r.rejected} activities were rejected; nothing was written`, {
            fields: fields.slice(0, 1000),
          });
        }
        return r;
      },
    );

    app.get(
      '/activities',
      {
        config: { access: 'activities:read' },
        schema: {
          tags,
          summary: 'The activity stream, newest first (a member timeline with memberId)',
          querystring: S.ActivityQuery,
          response: { 200: Type.Object({ items: Type.Array(S.ActivitySchema), nextCursor: Nullable(Type.String()) }) },
        },
      },
      async (req) => {
        const q = req.query;
        const limit = q.limit ?? 50;
        const rows = await repo.listActivities(deps.database.db, {
          memberId: q.memberId,
          communityId: q.communityId,
          kinds: q.kind as string[] | undefined,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          scope: req.actor!.communityIds,
          before: q.cursor ? decodeCursor(q.cursor) : undefined,
          limit: limit + 1,
        });
        const items = rows.slice(0, limit);
        const last = items[items.length - 1];
        return {
          nextCursor: rows.length > limit && last ? encodeCursor(last.occurred_at, last.id) : null,
          items: items.map((a) => ({
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
      },
    );

    app.get(
      '/orders',
      {
        config: { access: 'activities:read' },
        schema: {
          tags,
          summary: 'Orders built from purchase and refund activities, newest first',
          querystring: Type.Object(
            {
              memberId: Type.Optional(Type.Integer({ minimum: 1 })),
              cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(S.OrderSchema), nextCursor: Nullable(Type.String()) }) },
        },
      },
      async (req) => {
        const limit = req.query.limit ?? 50;
        const rows = await repo.listOrders(deps.database.db, {
          memberId: req.query.memberId,
          scope: req.actor!.communityIds,
          limit: limit + 1,
          beforeId: req.query.cursor ? Number(req.query.cursor) : undefined,
        });
        const items = rows.slice(0, limit);
        return {
          nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null,
          items: items.map((o) => ({
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
      },
    );
  };
}
