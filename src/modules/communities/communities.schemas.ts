import { Type } from 'typebox';
import { Cursor, DateTime, Limit, Nullable, NullableInt } from '../../http/schemas.js';
import {
  ADMIN_ROLES,
  COMMUNITY_CHANNELS,
  COMMUNITY_GOALS,
  COMMUNITY_STAGES,
  JOIN_SOURCES,
  LIMITS,
  MEMBERSHIP_ROLES,
  POSITIONING_TYPES,
} from './domain/community-rules.js';

/** HTTP contracts of communities and memberships. */
const oneOf = <T extends string[]>(values: readonly [...T], description: string) => Type.Enum(values, { description });

export const ChannelSchema = oneOf(COMMUNITY_CHANNELS, 'Where the community lives');
export const PositioningTypeSchema = oneOf(
  POSITIONING_TYPES,
  'Positioning: product 产品型, interest 兴趣型, knowledge 知识型',
);
export const GoalSchema = oneOf(
  COMMUNITY_GOALS,
  'Goal: after-sales 售后服务, product feedback 产品反馈, interaction 用户互动, brand 品牌推广',
);
export const StageSchema = oneOf(COMMUNITY_STAGES, 'Stage: launch 建立前期, growth 成长期, mature 沉淀期');
export const MembershipRoleSchema = oneOf(
  MEMBERSHIP_ROLES,
  'Role in the group: owner 群主, admin 管理员, core 骨干, member 成员',
);
export const JoinSourceSchema = oneOf(
  JOIN_SOURCES,
  'How the member joined; activity = first seen through their activity',
);
const ManualJoinSource = oneOf(['invited', 'qr_code', 'import', 'manual'] as const, 'How the member joined');
const Id = Type.Integer({ minimum: 1, maximum: 9007199254740991 });

export const AdminRefSchema = Type.Object(
  {
    staffId: Type.Optional(Id),
    memberId: Type.Optional(Id),
  },
  { additionalProperties: false, description: 'A staff account or a member: name exactly one' },
);

const CommunityAdmin = Type.Object({
  staffId: Nullable(Type.Integer()),
  memberId: Nullable(Type.Integer()),
  role: oneOf(ADMIN_ROLES, 'owner 群主 or admin 管理员'),
  name: Nullable(Type.String()),
});

const editable = {
  name: Type.String({ minLength: 1, maxLength: LIMITS.name }),
  channel: ChannelSchema,
  positioningType: PositioningTypeSchema,
  goal: GoalSchema,
  stage: StageSchema,
  description: Type.String({ maxLength: LIMITS.description }),
  rules: Type.String({
    maxLength: LIMITS.rules,
    description: 'Community rules 社群规则: speech norms, code of conduct, rewards and penalties',
  }),
  capacity: NullableInt({
    minimum: 1,
    maximum: LIMITS.capacity,
    description: 'Most members at once (500 for a WeChat group); null = no limit',
  }),
  externalId: Nullable(
    Type.String({ maxLength: LIMITS.externalId, description: 'The group id on its channel; unique per channel' }),
  ),
  owner: Nullable(AdminRefSchema),
  admins: Type.Array(AdminRefSchema, { maxItems: 100 }),
};

export const CreateCommunityBody = Type.Object(
  {
    name: editable.name,
    channel: editable.channel,
    positioningType: editable.positioningType,
    goal: editable.goal,
    stage: Type.Optional(editable.stage),
    description: Type.Optional(editable.description),
    rules: Type.Optional(editable.rules),
    capacity: Type.Optional(editable.capacity),
    externalId: Type.Optional(editable.externalId),
    owner: Type.Optional(editable.owner),
    admins: Type.Optional(editable.admins),
  },
  { additionalProperties: false },
);

export const UpdateCommunityBody = Type.Object(
  {
    name: Type.Optional(editable.name),
    channel: Type.Optional(editable.channel),
    positioningType: Type.Optional(editable.positioningType),
    goal: Type.Optional(editable.goal),
    stage: Type.Optional(editable.stage),
    description: Type.Optional(editable.description),
    rules: Type.Optional(editable.rules),
    capacity: Type.Optional(editable.capacity),
    externalId: Type.Optional(editable.externalId),
    owner: Type.Optional(editable.owner),
    admins: Type.Optional(editable.admins),
  },
  { additionalProperties: false },
);

export const PeriodSchema = Type.Object(
  { from: DateTime, to: DateTime },
  { description: 'The period counted: from inclusive, to exclusive' },
);

const communityProps = {
  id: Type.Integer(),
  name: Type.String(),
  channel: ChannelSchema,
  positioningType: PositioningTypeSchema,
  goal: GoalSchema,
  stage: StageSchema,
  description: Type.String(),
  rules: Type.String(),
  capacity: Nullable(Type.Integer()),
  externalId: Nullable(Type.String()),
  owner: Nullable(CommunityAdmin),
  admins: Type.Array(CommunityAdmin),
  archived: Type.Boolean(),
  archivedAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
};
const countProps = {
  membersNow: Type.Integer({ description: 'Members in the community now' }),
  capacityUsePercent: Nullable(Type.Number({ description: 'Members now as a share of the capacity, in %' })),
  joined: Type.Integer({ description: 'Joins within the period' }),
  left: Type.Integer({ description: 'Leaves within the period' }),
};
export const CommunitySchema = Type.Object(communityProps);
export const CommunityWithCountsSchema = Type.Object({ ...communityProps, ...countProps });
export const CommunityDetailSchema = Type.Object({ ...communityProps, ...countProps, period: PeriodSchema });

const periodQuery = {
  from: Type.Optional(
    Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}(T.+)?$',
      description: 'A day (YYYY-MM-DD, in the workspace time zone) or a date-time; default 30 days back',
    }),
  ),
  to: Type.Optional(
    Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}(T.+)?$',
      description: 'A day, included whole, or a date-time, excluded; default today',
    }),
  ),
};
export const PeriodQuery = Type.Object(periodQuery, { additionalProperties: false });

export const ListQuery = Type.Object(
  {
    channel: Type.Optional(ChannelSchema),
    positioningType: Type.Optional(PositioningTypeSchema),
    type: Type.Optional(PositioningTypeSchema),
    goal: Type.Optional(GoalSchema),
    stage: Type.Optional(StageSchema),
    archived: Type.Optional(
      oneOf(
        ['false', 'true', 'all'] as const,
        'Archived communities: false (default) hides them, true shows only them, all shows both',
      ),
    ),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Search in name, description and external id' })),
    ...periodQuery,
    cursor: Cursor,
    limit: Limit(200, 50),
  },
  { additionalProperties: false },
);

export const StatsSchema = Type.Object({
  communityId: Type.Integer(),
  period: PeriodSchema,
  timeZone: Type.String(),
  membersNow: Type.Integer(),
  capacity: Nullable(Type.Integer()),
  capacityUsePercent: Nullable(Type.Number()),
  joined: Type.Integer(),
  left: Type.Integer(),
  net: Type.Integer({ description: 'Joins minus leaves' }),
});

export const TrendSchema = Type.Object({
  communityId: Type.Integer(),
  period: PeriodSchema,
  timeZone: Type.String(),
  days: Type.Array(
    Type.Object({
      date: Type.String({ description: 'The day, in the workspace time zone' }),
      joined: Type.Integer(),
      left: Type.Integer(),
      members: Type.Integer({ description: 'Members at the end of the day' }),
    }),
  ),
});

// ───────────── memberships ─────────────

export const MembershipSchema = Type.Object({
  membershipId: Type.Integer(),
  communityId: Type.Integer(),
  memberId: Type.Integer(),
  role: MembershipRoleSchema,
  joinSource: JoinSourceSchema,
  invitedByMemberId: Nullable(Type.Integer()),
  joinedAt: DateTime,
  leftAt: Nullable(DateTime),
});

export const CurrentMemberSchema = Type.Object({
  membershipId: Type.Integer(),
  memberId: Type.Integer(),
  memberName: Nullable(Type.String()),
  role: MembershipRoleSchema,
  joinSource: JoinSourceSchema,
  invitedByMemberId: Nullable(Type.Integer()),
  joinedAt: DateTime,
});

export const MembersQuery = Type.Object(
  { role: Type.Optional(MembershipRoleSchema), cursor: Cursor, limit: Limit(500, 50) },
  { additionalProperties: false },
);

export const AddMembersBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          memberId: Id,
          role: Type.Optional(MembershipRoleSchema),
          source: Type.Optional(ManualJoinSource),
          invitedByMemberId: Type.Optional(Nullable(Id)),
          joinedAt: Type.Optional(DateTime),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);

export const AddMembersResult = Type.Object({
  added: Type.Array(MembershipSchema),
  alreadyMembers: Type.Array(Type.Integer(), {
    description: 'Members who were in the community already (left unchanged)',
  }),
});

export const RoleBody = Type.Object({ role: MembershipRoleSchema }, { additionalProperties: false });
export const MemberParams = Type.Object({ id: Id, memberId: Id });

export const HistorySchema = Type.Object({
  items: Type.Array(
    Type.Object({
      membershipId: Type.Integer(),
      communityId: Type.Integer(),
      communityName: Type.String(),
      channel: Type.String(),
      role: MembershipRoleSchema,
      joinSource: JoinSourceSchema,
      invitedByMemberId: Nullable(Type.Integer()),
      joinedAt: DateTime,
      leftAt: Nullable(DateTime),
      current: Type.Boolean(),
    }),
  ),
});
