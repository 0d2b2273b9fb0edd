import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { KithError } from '../../kernel/errors.js';
import { Cursor, Nullable } from '../../http/schemas.js';
import type { IngestService } from './ingest.service.js';
import type { ActivityService } from './activity.service.js';
import * as S from './activity.schemas.js';

export function activityRoutes(deps: { ingest: IngestService; activity: ActivityService }): FastifyPluginAsyncTypebox {
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
      async (req) =>
        deps.activity.listActivities(req.ctx, { ...req.query, kind: req.query.kind as string[] | undefined }),
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
              cursor: Cursor,
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(S.OrderSchema), nextCursor: Nullable(Type.String()) }) },
        },
      },
      async (req) => deps.activity.listOrders(req.ctx, req.query),
    );
  };
}
