import { Type } from 'typebox';
import { Cursor, DateTime, Limit, Nullable, NullableInt } from '../../http/schemas.js';
import { ACTIVITY_KINDS } from '../activity/index.js';
import { ADJUSTMENT_STATUSES, POSTING_KINDS, REDEMPTION_STATUSES, REWARD_TYPES } from '../../web/shared/vocabulary.js';

/** HTTP contracts of the membership programme. */
const Int = (o: object = {}) => Type.Integer({ minimum: 0, maximum: 1_000_000_000, ...o });
const Id = Type.Integer({ minimum: 1, maximum: 9007199254740991 });
const Json = Type.Unknown();

export const ProgrammeSchema = Type.Object({
  qualificationMonths: NullableInt({
    minimum: 1,
    maximum: 120,
    description: 'Growth counts over the current calendar month and the N-1 before it; null = lifetime',
  }),
  evaluationPeriod: Type.Enum(['monthly', 'quarterly'] as const, {
    description: 'How often tiers are evaluated for demotion',
  }),
  keepRatio: Type.Number({
    exclusiveMinimum: 0,
    maximum: 1,
    description: 'A tier is kept while growth ≥ keepRatio × threshold (unless the tier sets its own keep threshold)',
  }),
  graceDays: Type.Integer({
    minimum: 0,
    maximum: 3650,
    description: 'Days below the keep threshold before a demotion',
  }),
  maxDemotionSteps: Type.Integer({ minimum: 1, maximum: 20 }),
  pointsExpiryMonths: NullableInt({
    minimum: 1,
    maximum: 120,
    description: 'Points expire at the end of the N-th month after the month earned; null = never',
  }),
  refundPolicy: Type.Enum(['debt', 'cap'] as const, {
    description: 'Points of a refunded order that were spent already: debt (balance below zero) or cap (stop at zero)',
  }),
  approvalThreshold: Type.Integer({
    minimum: 1,
    maximum: 1_000_000_000,
    description: 'Manual adjustments of at least this many points need a second operator',
  }),
});
export const ProgrammeOut = Type.Object({ ...ProgrammeSchema.properties, updatedAt: DateTime });
export const ProgrammePatch = Type.Partial(ProgrammeSchema, { additionalProperties: false });

export const BenefitSchema = Type.Union(
  [
    Type.Object(
      { type: Type.Literal('points_multiplier'), value: Type.Number({ minimum: 1, maximum: 10 }) },
      { additionalProperties: false },
    ),
    Type.Object(
      { type: Type.Literal('discount'), percent: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100 }) },
      { additionalProperties: false },
    ),
    Type.Object({ type: Type.Literal('exclusive_events') }, { additionalProperties: false }),
    Type.Object({ type: Type.Literal('priority_service') }, { additionalProperties: false }),
    Type.Object(
      { type: Type.Literal('text'), zh: Type.String({ maxLength: 200 }), en: Type.String({ maxLength: 200 }) },
      { additionalProperties: false },
    ),
  ],
  { description: 'A benefit 权益' },
);
export const ObligationSchema = Type.Object(
  {
    type: Type.Literal('min_activities'),
    count: Type.Integer({ minimum: 1, maximum: 100_000 }),
    kinds: Type.Array(Type.String({ maxLength: 32 }), {
      maxItems: ACTIVITY_KINDS.length,
      description: 'Activity kinds that count; empty = all',
    }),
  },
  {
    additionalProperties: false,
    description: 'An obligation 义务: at least `count` activities in each evaluation period',
  },
);

export const TierBody = Type.Object(
  {
    nameZh: Type.String({ minLength: 1, maxLength: 50 }),
    nameEn: Type.String({ minLength: 1, maxLength: 50 }),
    threshold: Int({ description: 'Growth value 成长值 at which the tier starts; the entry tier starts at 0' }),
    keepThreshold: Type.Optional(
      NullableInt({
        minimum: 0,
        maximum: 1_000_000_000,
        description: 'Growth needed to keep the tier; null = keepRatio × threshold',
      }),
    ),
    benefits: Type.Optional(Type.Array(BenefitSchema, { maxItems: 20 })),
    obligations: Type.Optional(Type.Array(ObligationSchema, { maxItems: 5 })),
    color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
  },
  { additionalProperties: false },
);
export const TierSchema = Type.Object({
  id: Type.Integer(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  threshold: Type.Integer(),
  keepThreshold: Nullable(Type.Integer()),
  effectiveKeepThreshold: Type.Integer(),
  benefits: Type.Array(BenefitSchema),
  obligations: Type.Array(ObligationSchema),
  color: Type.String(),
});
export const PreviewBody = Type.Object(
  {
    thresholds: Type.Array(Type.Object({ tierId: Id, threshold: Int() }, { additionalProperties: false }), {
      maxItems: 50,
    }),
  },
  { additionalProperties: false },
);
export const PreviewSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      tierId: Type.Integer(),
      threshold: Type.Integer(),
      members: Type.Integer(),
      proposedThreshold: Type.Integer(),
      proposedMembers: Type.Integer(),
    }),
  ),
});

const Award = Nullable(
  Type.Union([
    Type.Object({ mode: Type.Literal('fixed'), amount: Int() }, { additionalProperties: false }),
    Type.Object(
      { mode: Type.Literal('per_amount'), per: Type.Number({ minimum: 0.01, maximum: 1_000_000 }), amount: Int() },
      { additionalProperties: false, description: '`amount` for every `per` yuan of the order, e.g. 1 point per ¥10' },
    ),
  ]),
);
export const RuleDefinitionSchema = Type.Object(
  {
    kind: Type.String({
      maxLength: 32,
      description: 'The activity kind the rule rewards (message, check_in, purchase, event_attended …)',
    }),
    enabled: Type.Boolean(),
    filters: Type.Object(
      {
        communityIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
        channels: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 20 })),
        minAmount: Type.Optional(Type.Number({ minimum: 0 })),
        properties: Type.Optional(
          Type.Record(
            Type.String({ maxLength: 64 }),
            Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]),
          ),
        ),
      },
      { additionalProperties: false },
    ),
    points: Award,
    growth: Award,
    tierMultiplier: Type.Boolean({ description: "Multiply points by the member's tier points multiplier" }),
    limits: Type.Object(
      {
        perDay: Type.Optional(Type.Integer({ minimum: 1 })),
        perWeek: Type.Optional(Type.Integer({ minimum: 1 })),
        lifetime: Type.Optional(Type.Integer({ minimum: 1 })),
        cooldownMinutes: Type.Optional(Type.Integer({ minimum: 1 })),
      },
      { additionalProperties: false },
    ),
    firstTimeBonus: Type.Optional(Type.Object({ points: Int(), growth: Int() }, { additionalProperties: false })),
    streak: Type.Optional(
      Type.Object(
        {
          bonuses: Type.Array(Int(), {
            minItems: 1,
            maxItems: 31,
            description: 'Extra points on day 1, 2, … of consecutive days; the last repeats',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    antiAbuse: Type.Optional(
      Type.Object(
        {
          minTextLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          duplicateWindowMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 10080 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export const RuleBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    definition: RuleDefinitionSchema,
    validFrom: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'When this version takes effect (default now); replay uses the version in force at each activity',
      }),
    ),
  },
  { additionalProperties: false },
);
export const RuleUpdateBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    definition: RuleDefinitionSchema,
    validFrom: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export const RuleSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  currentVersion: Type.Integer(),
  definition: RuleDefinitionSchema,
  validFrom: DateTime,
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      validFrom: DateTime,
      createdBy: Type.String(),
      definition: RuleDefinitionSchema,
    }),
  ),
});

const HistoryItem = Type.Object({
  id: Type.Integer(),
  change: Type.Enum(['promoted', 'demoted', 'manual', 'manual_ended'] as const),
  fromTierId: Nullable(Type.Integer()),
  toTierId: Nullable(Type.Integer()),
  reason: Type.String(),
  details: Json,
  actor: Type.String(),
  effectiveAt: DateTime,
});
export const StandingSchema = Type.Object({
  memberId: Type.Integer(),
  points: Type.Object({
    balance: Type.Integer(),
    expiring: Type.Array(
      Type.Object({
        expiresAt: DateTime,
        lastDay: Type.String({
          description: 'The last workspace day the points can be used: the day before expiresAt',
        }),
        points: Type.Integer(),
      }),
      { description: "Points that expire, by the instant they do (the lots' expiresAt)" },
    ),
    lots: Type.Array(
      Type.Object({
        postingId: Type.Integer(),
        amount: Type.Integer(),
        remaining: Type.Integer(),
        earnedAt: DateTime,
        expiresAt: Nullable(DateTime),
      }),
    ),
  }),
  growth: Type.Object({ window: Type.Integer(), lifetime: Type.Integer(), windowMonths: Nullable(Type.Integer()) }),
  tier: Type.Object({
    current: Nullable(TierSchema),
    earned: Nullable(TierSchema),
    manual: Nullable(Type.Object({ tierId: Type.Integer(), until: Nullable(DateTime), reason: Type.String() })),
    since: Nullable(DateTime),
    belowKeepSince: Nullable(DateTime),
    next: Nullable(Type.Object({ tier: TierSchema, needed: Type.Integer(), percent: Type.Integer() })),
  }),
  history: Type.Array(HistoryItem),
});
export const PostingSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(POSTING_KINDS),
  points: Type.Integer(),
  growth: Type.Integer(),
  reason: Type.String(),
  ruleId: Nullable(Type.Integer()),
  ruleVersion: Nullable(Type.Integer()),
  activityId: Nullable(Type.Integer()),
  orderId: Nullable(Type.Integer()),
  redemptionId: Nullable(Type.Integer()),
  reversesId: Nullable(Type.Integer()),
  occurredAt: DateTime,
  expiresAt: Nullable(DateTime),
  details: Json,
  actor: Type.String(),
});
export const LedgerQuery = Type.Object({ cursor: Cursor, limit: Limit(200, 50) });
export const AdjustmentBody = Type.Object(
  {
    points: Type.Integer({
      minimum: -10_000_000,
      maximum: 10_000_000,
      description: 'Points to add (positive) or take (negative)',
    }),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export const AdjustmentSchema = Type.Object({
  id: Type.Integer(),
  memberId: Type.Integer(),
  points: Type.Integer(),
  reason: Type.String(),
  status: Type.Enum(ADJUSTMENT_STATUSES),
  requestedBy: Type.String(),
  requestedByYou: Type.Boolean({
    description: 'The caller asked for it: a second person must approve or reject it, so the caller cannot',
  }),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  decisionNote: Nullable(Type.String()),
  postingId: Nullable(Type.Integer()),
  createdAt: DateTime,
});
export const AdjustmentsQuery = Type.Object({
  status: Type.Optional(Type.Enum(ADJUSTMENT_STATUSES)),
  memberId: Type.Optional(Id),
  limit: Limit(500, 100),
  cursor: Cursor,
});
export const AdjustmentsPage = Type.Object({
  items: Type.Array(
    Type.Object({
      ...AdjustmentSchema.properties,
      memberName: Type.String(),
      memberAvatarUrl: Nullable(Type.String()),
    }),
  ),
  nextCursor: Nullable(Type.String()),
});
export const DecisionBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const ManualTierBody = Type.Object(
  {
    tierId: Id,
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    until: Type.Optional(
      Nullable(Type.String({ format: 'date-time', description: 'When the assignment ends; null = until removed' })),
    ),
  },
  { additionalProperties: false },
);
export const ClearManualQuery = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) });
export const ReplayBody = Type.Object({ from: Type.String({ format: 'date-time' }) }, { additionalProperties: false });
export const ReplaySchema = Type.Object({
  members: Type.Integer(),
  activities: Type.Integer(),
  added: Type.Integer(),
  reversed: Type.Integer(),
});
export const EvaluationSchema = Type.Object({
  period: Type.String(),
  evaluated: Type.Integer(),
  promoted: Type.Integer(),
  demoted: Type.Integer(),
});
export const VerifySchema = Type.Object({
  ok: Type.Boolean(),
  accounts: Type.Integer(),
  postings: Type.Integer(),
  drift: Type.Array(
    Type.Object({
      memberId: Type.Integer(),
      balance: Nullable(Type.Integer()),
      ledgerPoints: Type.Integer(),
      growthLifetime: Nullable(Type.Integer()),
      ledgerGrowth: Type.Integer(),
      lotsRemaining: Type.Integer(),
    }),
  ),
  growthDrift: Type.Array(
    Type.Object({
      memberId: Type.Integer(),
      month: Type.String(),
      rollup: Nullable(Type.Integer()),
      ledger: Nullable(Type.Integer()),
    }),
  ),
});

export const RewardBody = Type.Object(
  {
    nameZh: Type.String({ minLength: 1, maxLength: 100 }),
    nameEn: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    type: Type.Enum(REWARD_TYPES, {
      description: 'gift 礼品, coupon 优惠券 (codes from an uploaded pool), privilege 特权, honour 荣誉',
    }),
    cost: Int({ description: 'Points it costs' }),
    stock: Type.Optional(
      NullableInt({
        minimum: 0,
        maximum: 1_000_000_000,
        description: 'How many in all; null = no limit; coupons: the uploaded codes',
      }),
    ),
    perMemberLimit: Type.Optional(NullableInt({ minimum: 1, maximum: 100_000 })),
    tierIds: Type.Optional(Type.Array(Id, { maxItems: 50, description: 'Tiers that may redeem it; empty = all' })),
    validFrom: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
    validUntil: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
    archived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const RewardSchema = Type.Object({
  id: Type.Integer(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  description: Type.String(),
  type: Type.Enum(REWARD_TYPES),
  cost: Type.Integer(),
  stock: Nullable(Type.Integer()),
  redeemed: Type.Integer(),
  available: Nullable(Type.Integer()),
  perMemberLimit: Nullable(Type.Integer()),
  tierIds: Type.Array(Type.Integer()),
  validFrom: Nullable(DateTime),
  validUntil: Nullable(DateTime),
  archived: Type.Boolean(),
  createdAt: DateTime,
});
export const CatalogueItemSchema = Type.Object({
  ...RewardSchema.properties,
  canRedeem: Type.Boolean(),
  refusal: Nullable(Type.String()),
  refusalMessage: Nullable(Type.String()),
  refusalParams: Nullable(
    Type.Record(Type.String(), Type.Unknown(), {
      description: 'The refusal in figures: reason, limit, tierIds, or needed and balance',
    }),
  ),
});
export const CodesBody = Type.Object(
  { codes: Type.String({ maxLength: 2_000_000, description: 'One code per line (or comma-separated)' }) },
  { additionalProperties: false },
);
export const CodesResult = Type.Object({
  added: Type.Integer(),
  alreadyInPool: Type.Array(Type.String()),
  rejected: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() })),
});
export const RedemptionSchema = Type.Object({
  id: Type.Integer(),
  rewardId: Type.Integer(),
  memberId: Type.Integer(),
  status: Type.Enum(REDEMPTION_STATUSES),
  points: Type.Integer(),
  couponCode: Nullable(Type.String()),
  requestedBy: Type.String(),
  decidedBy: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdAt: DateTime,
  fulfilledAt: Nullable(DateTime),
  cancelledAt: Nullable(DateTime),
  rewardNameZh: Nullable(Type.String()),
  rewardNameEn: Nullable(Type.String()),
});
export const RedeemBody = Type.Object(
  {
    rewardId: Id,
    idempotencyKey: Type.String({
      minLength: 8,
      maxLength: 100,
      description: 'The same key for a retried request: it stays one redemption',
    }),
  },
  { additionalProperties: false },
);
export const RedemptionsQuery = Type.Object({
  status: Type.Optional(Type.Enum(REDEMPTION_STATUSES)),
  memberId: Type.Optional(Id),
  rewardId: Type.Optional(Id),
  limit: Limit(500, 100),
  cursor: Cursor,
});
export const RedemptionsPage = Type.Object({
  items: Type.Array(
    Type.Object({
      ...RedemptionSchema.properties,
      memberName: Type.String(),
      memberAvatarUrl: Nullable(Type.String()),
    }),
  ),
  nextCursor: Nullable(Type.String()),
});
const CriteriaSchema = Nullable(
  Type.Union([
    Type.Object(
      {
        type: Type.Literal('activity_count'),
        kinds: Type.Array(Type.String({ maxLength: 32 }), { minItems: 1, maxItems: 13 }),
        count: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
        properties: Type.Optional(
          Type.Record(
            Type.String({ maxLength: 64 }),
            Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]),
          ),
        ),
      },
      { additionalProperties: false, description: 'At least `count` activities of these kinds, e.g. 5 event_attended' },
    ),
    Type.Object(
      {
        type: Type.Literal('top_contributor'),
        top: Type.Integer({ minimum: 1, maximum: 1000 }),
        metric: Type.Enum(['growth', 'activities'] as const),
        kinds: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 13 })),
      },
      {
        additionalProperties: false,
        description: 'The top members of the month just ended (ties included), awarded each month',
      },
    ),
  ]),
);
export const BadgeBody = Type.Object(
  {
    nameZh: Type.String({ minLength: 1, maxLength: 100 }),
    nameEn: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
    criteria: CriteriaSchema,
    archived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const BadgeSchema = Type.Object({
  id: Type.Integer(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  description: Type.String(),
  color: Type.String(),
  criteria: CriteriaSchema,
  archived: Type.Boolean(),
  holders: Type.Integer(),
  createdAt: DateTime,
});
export const MemberBadgeSchema = Type.Object({
  id: Type.Integer(),
  badgeId: Type.Integer(),
  period: Type.String(),
  awardedAt: DateTime,
  awardedBy: Type.String(),
  reason: Type.String(),
  /** For an award the badge made by itself: the criteria it met (reason says the same in English). */
  criteria: Nullable(CriteriaSchema),
  nameZh: Type.String(),
  nameEn: Type.String(),
  color: Type.String(),
  description: Type.String(),
});
export const AwardBody = Type.Object(
  { badgeId: Id, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export const AwardParams = Type.Object({ id: Id, awardId: Id });
