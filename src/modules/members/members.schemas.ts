import { Type } from 'typebox';
import { DateTime, Nullable } from '../../http/schemas.js';
import { CHANNELS } from './identity-resolution.js';
import { ACCOUNT_TYPES, GENDERS, LIFECYCLE_STAGES } from './domain/profile-rules.js';
import { MEMBER_SORTS } from './domain/cursor.js';

/** Request and response contracts of the member profile, list and export routes. */
export const ChannelSchema = Type.Enum(CHANNELS);
export const GenderSchema = Type.Enum(GENDERS);
export const AccountTypeSchema = Type.Enum(ACCOUNT_TYPES, {
  description: "member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures)",
});
export const StageSchema = Type.Enum(LIFECYCLE_STAGES, {
  description: 'acquired 获客 → activated 激活 → retained 留存 → monetised 变现; dormant 沉睡, churned 流失',
});
const Text = (max: number) => Type.String({ maxLength: max });
const Id = Type.Integer({ minimum: 1, maximum: 9007199254740991 });
const Attributes = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Custom attributes, checked against the attribute definitions',
});

export const IdentitySchema = Type.Object({
  id: Type.Integer(),
  channel: Type.String(),
  externalId: Type.String(),
  displayName: Nullable(Type.String()),
  createdAt: DateTime,
});
export const MemberSchema = Type.Object({
  id: Type.Integer(),
  name: Nullable(Type.String()),
  nickname: Nullable(Type.String()),
  displayName: Type.String(),
  avatarUrl: Nullable(Type.String()),
  gender: Type.String(),
  birthday: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  city: Nullable(Type.String()),
  company: Nullable(Type.String()),
  attributes: Attributes,
  source: Nullable(Type.String()),
  consentMarketing: Type.Boolean(),
  consentDataProcessing: Type.Boolean(),
  lifecycleStage: Type.String(),
  accountType: AccountTypeSchema,
  mergedInto: Nullable(Type.Integer()),
  erasedAt: Nullable(DateTime),
  lastActiveAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
  identities: Type.Array(IdentitySchema),
  tags: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), color: Type.String() })),
  communities: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() }), {
    description: 'Communities the member belongs to now',
  }),
});

// Nullable where PATCH may clear a field; create treats null and absent alike.
const profileFields = {
  name: Type.Optional(Nullable(Text(100))),
  nickname: Type.Optional(Nullable(Text(100))),
  avatarUrl: Type.Optional(Nullable(Text(2000))),
  gender: Type.Optional(GenderSchema),
  birthday: Type.Optional(Nullable(Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }))),
  phone: Type.Optional(
    Nullable(Type.String({ maxLength: 30, description: 'Mainland mobile (11 digits) or +international' })),
  ),
  email: Type.Optional(Nullable(Text(254))),
  city: Type.Optional(Nullable(Text(100))),
  company: Type.Optional(Nullable(Text(200))),
  source: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'Who or what brought the member in' }))),
  consentMarketing: Type.Optional(Type.Boolean()),
  consentDataProcessing: Type.Optional(Type.Boolean()),
  lifecycleStage: Type.Optional(StageSchema),
  accountType: Type.Optional(AccountTypeSchema),
};
export const IdentityBody = Type.Object(
  {
    channel: ChannelSchema,
    externalId: Type.String({ minLength: 1, maxLength: 200 }),
    displayName: Type.Optional(Nullable(Text(100))),
  },
  { additionalProperties: false },
);
export const CreateMemberBody = Type.Object(
  {
    ...profileFields,
    attributes: Type.Optional(Attributes),
    identities: Type.Optional(Type.Array(IdentityBody, { maxItems: 20 })),
    tagIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export const UpdateMemberBody = Type.Object(
  {
    ...profileFields,
    attributes: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'Merge-patch: a key set to null is removed' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** The filter shared by the list, the export and bulk tagging. */
export const filterFields = {
  q: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'Name or nickname fragment, or an exact phone, email or channel account id',
    }),
  ),
  phone: Type.Optional(Type.String({ maxLength: 30 })),
  email: Type.Optional(Type.String({ maxLength: 254 })),
  tagIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  tagMatch: Type.Optional(Type.Enum(['any', 'all'], { description: 'Members with any (default) or all of tagIds' })),
  communityId: Type.Optional(Id),
  lifecycleStages: Type.Optional(Type.Array(StageSchema, { maxItems: 6 })),
  createdFrom: Type.Optional(DateTime),
  createdTo: Type.Optional(DateTime),
  lastActiveFrom: Type.Optional(DateTime),
  lastActiveTo: Type.Optional(DateTime),
  channel: Type.Optional(ChannelSchema),
  consentMarketing: Type.Optional(Type.Boolean()),
  source: Type.Optional(Type.String({ maxLength: 100 })),
  accountType: Type.Optional(AccountTypeSchema),
};
export const MemberFilterSchema = Type.Object(filterFields, { additionalProperties: false });
const sortFields = {
  sort: Type.Optional(Type.Enum(MEMBER_SORTS, { default: 'created_at' })),
  order: Type.Optional(Type.Enum(['asc', 'desc'], { default: 'desc' })),
};
export const ListQuery = Type.Object(
  {
    ...filterFields,
    ...sortFields,
    cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export const ExportQuery = Type.Object(
  {
    ...filterFields,
    ...sortFields,
    lang: Type.Optional(
      Type.Enum(['zh-CN', 'en'], {
        description:
          'For people: headers and stored values (gender, stage, account type, yes/no) in that language, times in the workspace time zone. Without it: as stored, for integrations and re-import.',
      }),
    ),
  },
  { additionalProperties: false },
);
export const MemberPage = Type.Object({ items: Type.Array(MemberSchema), nextCursor: Nullable(Type.String()) });
export const RevealQuery = Type.Object(
  { reveal: Type.Optional(Type.Literal('contact', { description: 'Show phone and email in full (audited)' })) },
  { additionalProperties: false },
);
export const MemberCount = Type.Object({
  count: Type.Integer(),
  exact: Type.Boolean({
    description: "false: more than 100,000 match and `count` is the database planner's estimate (shown as “about”)",
  }),
});

export const IdentityParams = Type.Object({ id: Id, identityId: Id });
export const Summary = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  avatarUrl: Nullable(Type.String()),
});
export const DuplicatesQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    reason: Type.Optional(
      Type.Enum(['phone', 'email', 'name_in_community', 'nickname_in_community', 'nickname_across_channels']),
    ),
    communityId: Type.Optional(Type.Integer({ minimum: 1, description: 'Only members currently in this community' })),
  },
  { additionalProperties: false },
);
export const DuplicatesResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      a: Summary,
      b: Summary,
      reasons: Type.Array(
        Type.Object({
          reason: Type.String({
            description:
              'phone, email, name_in_community, nickname_in_community or nickname_across_channels (see members QUERIES.md for the rules)',
          }),
          value: Type.String(),
          communityId: Nullable(Type.Integer()),
        }),
      ),
    }),
  ),
});
