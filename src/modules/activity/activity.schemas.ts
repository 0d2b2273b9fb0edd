import { Type } from 'typebox';
import { DateTime, Nullable } from '../../http/schemas.js';
import { ACTIVITY_KINDS } from './domain/activity-input.js';
import { MAX_BATCH } from './ingest.service.js';

export const IngestBody = Type.Object(
  {
    source: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Default source (idempotency namespace) for items that name none',
      }),
    ),
    items: Type.Array(Type.Unknown(), {
      minItems: 1,
      maxItems: MAX_BATCH,
      description:
        'Activities: { externalId, kind, occurredAt, memberId | member: { channel, externalId, displayName? }, communityId?, channel?, properties?, source? }. Each item is checked on its own and gets its own result.',
    }),
  },
  { additionalProperties: false },
);

export const ItemResultSchema = Type.Object({
  index: Type.Integer(),
  status: Type.Union([Type.Literal('created'), Type.Literal('duplicate'), Type.Literal('rejected')]),
  id: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.String()),
});

export const IngestResponse = Type.Object({
  created: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
  results: Type.Array(ItemResultSchema),
});

export const ActivitySchema = Type.Object({
  id: Type.Integer(),
  memberId: Type.Integer(),
  communityId: Nullable(Type.Integer()),
  channel: Type.String(),
  kind: Type.String(),
  occurredAt: DateTime,
  properties: Type.Record(Type.String(), Type.Unknown()),
  source: Type.String(),
  externalId: Type.String(),
});

export const ActivityQuery = Type.Object(
  {
    memberId: Type.Optional(Type.Integer({ minimum: 1 })),
    communityId: Type.Optional(Type.Integer({ minimum: 1 })),
    kind: Type.Optional(Type.Array(Type.Union(ACTIVITY_KINDS.map((k) => Type.Literal(k))) as never, { maxItems: 13 })),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);

export const OrderSchema = Type.Object({
  id: Type.Integer(),
  source: Type.String(),
  orderId: Type.String(),
  memberId: Type.Integer(),
  communityId: Nullable(Type.Integer()),
  amount: Type.String(),
  refundedAmount: Type.String(),
  currency: Type.String(),
  items: Type.Array(Type.Unknown()),
  status: Type.String(),
  orderedAt: DateTime,
  refundedAt: Nullable(DateTime),
});
