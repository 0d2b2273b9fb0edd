import { Type } from 'typebox';
import { DateTime, Nullable } from '../../http/schemas.js';
import { LIFECYCLE_STAGES } from '../members/index.js';

/** HTTP contracts of the lifecycle reports: cohorts, the funnel, stages. */
const Id = Type.Integer({ minimum: 1, maximum: 9007199254740991 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Grain = Type.Union([Type.Literal('week'), Type.Literal('month')]);
const Segment = {
  tagId: Type.Optional(Id),
  lifecycleStage: Type.Optional(Type.Enum(LIFECYCLE_STAGES)),
  channel: Type.Optional(Type.String({ maxLength: 32, description: 'Members with an identity on this channel' })),
  tierId: Type.Optional(Id),
};

export const CohortQuery = Type.Object({
  grain: Type.Optional(Grain),
  from: Type.Optional(Type.String({ description: 'A day in the first cohort (default: 11 cohorts before `to`)' })),
  to: Type.Optional(Type.String({ description: 'A day in the last cohort (default today)' })),
  periods: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 104, default: 12, description: 'Periods since joining to show' }),
  ),
  communityId: Type.Optional(Id),
  ...Segment,
});
export const CohortSchema = Type.Object({
  grain: Grain,
  communityId: Nullable(Type.Integer()),
  from: Day,
  to: Day,
  periods: Type.Integer(),
  source: Type.Union([Type.Literal('cells'), Type.Literal('segment')], {
    description: 'cells: the maintained cohort cells; segment: computed for the filtered members',
  }),
  cohorts: Type.Array(
    Type.Object({
      cohort: Day,
      size: Type.Integer({ description: 'Members who joined in the cohort period' }),
      active: Type.Array(Type.Integer(), {
        description: 'Active members in period k since joining (k = 0 …), for the periods that have begun',
      }),
      rates: Type.Array(Type.Number()),
    }),
  ),
  average: Type.Array(Nullable(Type.Number()), {
    description: 'Retention in period k over the cohorts that reached it, weighted by size',
  }),
});

export const FunnelQuery = Type.Object({
  from: Type.Optional(Type.String({ description: 'First day of joining (default 30 days before `to`)' })),
  to: Type.Optional(Type.String()),
  communityId: Type.Optional(Id),
  by: Type.Optional(Type.Union([Type.Literal('community'), Type.Literal('channel'), Type.Literal('source')])),
  retention: Type.Optional(Grain),
  retentionPeriod: Type.Optional(Type.Integer({ minimum: 1, maximum: 52, default: 1 })),
  ...Segment,
});
const Step = Type.Object({
  key: Nullable(Type.String()),
  name: Nullable(Type.String()),
  acquired: Type.Integer(),
  activated: Type.Integer(),
  retained: Type.Integer(),
  monetised: Type.Integer(),
  buyers: Type.Integer(),
  activationRate: Type.Number(),
  retentionRate: Type.Number(),
  monetisationRate: Type.Number(),
  overallRate: Type.Number(),
  buyerRate: Type.Number(),
  activationPending: Type.Integer({ description: 'Joiners whose activation window is still open' }),
  retentionPending: Type.Integer({ description: 'Activated members whose retention window is still open' }),
});
export const FunnelSchema = Type.Object({
  period: Type.Object({ from: Day, to: Day }),
  communityId: Nullable(Type.Integer()),
  by: Nullable(Type.String()),
  rules: Type.Object({
    activationMinActivities: Type.Integer(),
    activationDays: Type.Integer(),
    retention: Grain,
    retentionPeriod: Type.Integer(),
  }),
  total: Step,
  groups: Type.Array(Step),
});

export const StagesQuery = Type.Object({ communityId: Type.Optional(Id) });
export const StagesSchema = Type.Object({
  communityId: Nullable(Type.Integer()),
  updatedAt: Nullable(DateTime),
  total: Type.Integer(),
  stages: Type.Array(
    Type.Object({ stage: Type.Enum(LIFECYCLE_STAGES), members: Type.Integer(), share: Type.Number() }),
  ),
});
