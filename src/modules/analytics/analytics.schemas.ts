import { Type } from 'typebox';
import { Cursor, DateTime, Limit, Nullable } from '../../http/schemas.js';
import { RFM_LAYERS } from './domain/rfm.js';

/** HTTP contracts of analytics. */
const Id = Type.Integer({ minimum: 1, maximum: 9007199254740991 });
const Day = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A calendar day of the workspace time zone',
});
export const PeriodQuery = Type.Object({
  from: Type.Optional(
    Type.String({ description: 'First day (YYYY-MM-DD, workspace time zone); default 30 days before `to`' }),
  ),
  to: Type.Optional(Type.String({ description: 'Last day, included (default today)' })),
  communityId: Type.Optional(Id),
});
const PeriodOut = Type.Object({ from: Day, to: Day });
export const EngagementSchema = Type.Object({
  period: PeriodOut,
  communityId: Nullable(Type.Integer()),
  members: Type.Integer({ description: 'Members at the end of the period' }),
  activeMembers: Type.Integer({ description: 'Members with at least one meaningful activity in the period' }),
  dau: Type.Number({ description: "Average daily active members over the period (日均活跃), not one day's count" }),
  wau: Type.Integer({ description: 'Active in the 7 days ending with the last day' }),
  mau: Type.Integer({ description: 'Active in the 30 days ending with the last day' }),
  activeRate: Type.Number({ description: 'Active members in the period / members (活跃率)' }),
  participationRate: Type.Number({
    description:
      "Average daily active members / active members in the period (参与度): the share of the period's days an active member was active on, on average",
  }),
  messages: Type.Integer(),
  messagesPerActiveMember: Type.Number(),
  meaningfulActivities: Type.Integer(),
  interactionsPerActiveMemberPerWeek: Type.Number(),
  days: Type.Array(
    Type.Object({ day: Day, active: Type.Integer(), messages: Type.Integer(), meaningful: Type.Integer() }),
  ),
});
export const TopContributorsSchema = Type.Object({
  period: PeriodOut,
  communityId: Nullable(Type.Integer()),
  items: Type.Array(
    Type.Object({
      memberId: Type.Integer(),
      name: Type.String(),
      meaningful: Type.Integer(),
      messages: Type.Integer(),
      activeDays: Type.Integer(),
    }),
  ),
});
export const HeatmapSchema = Type.Object({
  period: PeriodOut,
  communityId: Nullable(Type.Integer()),
  cells: Type.Array(
    Type.Object({
      weekday: Type.Integer({ description: '1 = Monday … 7 = Sunday' }),
      hour: Type.Integer(),
      n: Type.Integer(),
    }),
  ),
});
export const CommunityComparisonSchema = Type.Object({
  period: PeriodOut,
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      channel: Type.String(),
      stage: Type.String(),
      members: Type.Integer(),
      active: Type.Integer(),
      messages: Type.Integer(),
      meaningful: Type.Integer(),
      activeRate: Type.Number(),
      messagesPerActiveMember: Type.Number(),
    }),
  ),
});
const PartKey = Type.Union([
  Type.Literal('growth'),
  Type.Literal('activity'),
  Type.Literal('retention'),
  Type.Literal('sentiment'),
]);
export const HealthSchema = Type.Object({
  period: PeriodOut,
  previous: PeriodOut,
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      stage: Type.String(),
      score: Nullable(Type.Integer({ description: '0–100, the weighted mean of the parts present' })),
      membersStart: Type.Integer(),
      membersEnd: Type.Integer(),
      active: Type.Integer(),
      activePrevious: Type.Integer(),
      retained: Type.Integer({ description: 'Active in the previous period and again in this one' }),
      parts: Type.Array(Type.Object({ part: PartKey, value: Nullable(Type.Number()), score: Nullable(Type.Number()) })),
      weakest: Nullable(PartKey),
      advice: Type.Object(
        {
          stage: Type.String({ description: 'The community stage the general advice is for (launch, growth, mature)' }),
          findings: Type.Array(
            Type.Object({
              part: PartKey,
              score: Type.Integer(),
              params: Type.Record(Type.String(), Type.Number(), {
                description:
                  "The community's own figures behind it: growth {start, end, change %}, activity {active, members, rate %}, retention {previous, retained, rate %}",
              }),
            }),
            {
              description:
                'Every part scoring below 60, weakest first: what the advice is about (the console words it)',
            },
          ),
        },
        { description: "Codes and figures, not text: the console words them in the operator's language" },
      ),
    }),
  ),
});
const LayerKey = Type.Enum(RFM_LAYERS);
export const LayerSchema = Type.Object({
  key: LayerKey,
  nameZh: Type.String(),
  nameEn: Type.String(),
  strategyZh: Type.String(),
  strategyEn: Type.String(),
  members: Type.Integer(),
  share: Type.Number(),
  revenue: Type.String(),
  avgRecencyDays: Nullable(Type.Integer()),
  avgFrequency: Nullable(Type.Number()),
});
export const RfmComputeBody = Type.Object(
  {
    asOf: Type.Optional(
      Type.String({
        maxLength: 32,
        description: 'Score as of this workspace calendar day (YYYY-MM-DD), today or earlier; default today',
      }),
    ),
  },
  { additionalProperties: false },
);
export const RfmRunSchema = Type.Object({
  scored: Type.Integer({
    description: 'Buyers scored (0: no order, not fully refunded, by a live member in the window)',
  }),
  computedAt: DateTime,
  asOf: Type.String({
    description:
      'The workspace day the scores are taken as of: recency counts whole days to it, later orders are not read',
  }),
  window: Type.Object(
    { from: Day, to: Day },
    { description: 'The whole workspace days whose orders were read, both included' },
  ),
  windowDays: Type.Integer(),
});
const ScoreRanges = Type.Array(
  Type.Object({
    score: Type.Integer(),
    min: Nullable(
      Type.String({ description: 'Least value scored so: days since the last order (R), orders (F), money (M)' }),
    ),
    max: Nullable(Type.String({ description: 'Most value scored so' })),
    buyers: Type.Integer(),
  }),
);
export const RfmSchema = Type.Object({
  computedAt: Nullable(DateTime),
  run: Nullable(RfmRunSchema),
  buyers: Type.Integer(),
  windowDays: Type.Integer(),
  frequencyThresholds: Type.Array(Type.Integer(), {
    description: 'The least orders for F = 2, 3, 4 and 5 (R and M are scored by rank quintiles)',
  }),
  ranges: Type.Object(
    { r: ScoreRanges, f: ScoreRanges, m: ScoreRanges },
    { description: 'What each score stands for in the last scoring, and how many buyers hold it' },
  ),
  layers: Type.Array(LayerSchema),
  grid: Type.Array(Type.Object({ r: Type.Integer(), f: Type.Integer(), members: Type.Integer() })),
});
export const LayerParam = Type.Object({ layer: LayerKey });
export const LayerBody = Type.Object(
  {
    nameZh: Type.String({ minLength: 1, maxLength: 50 }),
    nameEn: Type.String({ minLength: 1, maxLength: 50 }),
    strategyZh: Type.String({ minLength: 1, maxLength: 2000 }),
    strategyEn: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export const LayerMembersQuery = Type.Object({ cursor: Cursor, limit: Limit(200, 50) });
export const LayerMembersSchema = Type.Object({
  asOf: Nullable(Type.String({ description: 'The as-of day of the scores listed (null: never scored)' })),
  items: Type.Array(
    Type.Object({
      memberId: Type.Integer(),
      name: Type.String(),
      recencyDays: Type.Integer(),
      frequency: Type.Integer(),
      monetary: Type.String(),
      r: Type.Integer(),
      f: Type.Integer(),
      m: Type.Integer(),
    }),
  ),
  nextCursor: Nullable(Type.String()),
});
export const MemberRfmSchema = Nullable(
  Type.Object({
    recencyDays: Type.Integer(),
    frequency: Type.Integer(),
    monetary: Type.String(),
    r: Type.Integer(),
    f: Type.Integer(),
    m: Type.Integer(),
    layer: LayerKey,
    nameZh: Type.String(),
    nameEn: Type.String(),
    strategyZh: Type.String(),
    strategyEn: Type.String(),
    computedAt: DateTime,
    asOf: Type.String({ description: 'The workspace day the scores are taken as of' }),
  }),
);
export const SettingsSchema = Type.Object({
  meaningfulKinds: Type.Array(Type.String()),
  rfmWindowDays: Type.Integer(),
  rfmFrequencyThresholds: Type.Array(Type.Integer(), { description: 'The least orders for F = 2, 3, 4 and 5' }),
  rollupBasis: Nullable(Type.String()),
  activationMinActivities: Type.Integer({ description: 'Activated: at least this many meaningful activities …' }),
  activationDays: Type.Integer({ description: '… within this many days of joining' }),
  dormantDays: Type.Integer({ description: 'Dormant: no meaningful activity for this many days' }),
  churnedDays: Type.Integer({ description: 'Churned: no meaningful activity for this many days (more than dormant)' }),
  lifecycleUpdatedAt: Nullable(DateTime),
});
export const SettingsPatch = Type.Object(
  {
    meaningfulKinds: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { minItems: 1, maxItems: 13 })),
    rfmWindowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
    rfmFrequencyThresholds: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 100000 }), {
        minItems: 4,
        maxItems: 4,
        description:
          'The least orders for F = 2, 3, 4 and 5, rising (default 2, 3, 5, 8); applies from the next scoring',
      }),
    ),
    activationMinActivities: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    activationDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    dormantDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
    churnedDays: Type.Optional(Type.Integer({ minimum: 2, maximum: 3650 })),
  },
  { additionalProperties: false },
);
