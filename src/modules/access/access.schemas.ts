import { Type } from 'typebox';
import { ROLES } from '../../kernel/context.js';
import { PERMISSIONS } from './domain/permissions.js';
import { DateTime, Nullable } from '../../http/schemas.js';

export const RoleSchema = Type.Union([
  Type.Literal('owner'),
  Type.Literal('admin'),
  Type.Literal('operator'),
  Type.Literal('analyst'),
  Type.Literal('community_manager'),
]);
// Kept in step with ROLES by a test.
export const StaffSchema = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String(),
    name: Type.String(),
    role: RoleSchema,
    disabled: Type.Boolean(),
    communityIds: Type.Array(Type.Integer()),
    createdAt: DateTime,
  },
  { $id: 'Staff' },
);
export const MeSchema = Type.Object({
  type: Type.Union([Type.Literal('staff'), Type.Literal('api_key')]),
  id: Type.Integer(),
  label: Type.String(),
  name: Nullable(Type.String({ description: "A staff member's name (null: none given, or an API key)" })),
  role: Type.Optional(RoleSchema),
  communityIds: Nullable(Type.Array(Type.Integer())),
  permissions: Type.Array(Type.String()),
});
export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export const SetupStatusSchema = Type.Object({
  needed: Type.Boolean({ description: 'True while no staff account exists' }),
});
export const SetupBody = Type.Object(
  {
    token: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The one-time token of the setup link `kith start` printed',
    }),
    email: Type.String({ maxLength: 320 }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export const PasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export const CreateStaffBody = Type.Object(
  {
    email: Type.String({ maxLength: 320 }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: RoleSchema,
    password: Type.String({ minLength: 1, maxLength: 256 }),
    communityIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 1000 })),
  },
  { additionalProperties: false },
);
export const UpdateStaffBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    role: Type.Optional(RoleSchema),
    disabled: Type.Optional(Type.Boolean()),
    communityIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 1000 })),
  },
  { additionalProperties: false },
);
export const ScopeSchema = Type.Union(PERMISSIONS.map((p) => Type.Literal(p)));
export const ApiKeySchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    prefix: Type.String(),
    scopes: Type.Array(Type.String()),
    createdAt: DateTime,
    lastUsedAt: Nullable(DateTime),
    revokedAt: Nullable(DateTime),
    createdBy: Nullable(
      Type.Object(
        {
          type: Type.Union([Type.Literal('staff'), Type.Literal('api_key')]),
          id: Type.Integer(),
          name: Type.String(),
        },
        { description: 'Who made the key: a staff account or another key; null when made on the command line' },
      ),
    ),
    active: Type.Boolean({ description: 'Whether the key works now' }),
    inactiveReason: Nullable(
      Type.Union([Type.Literal('revoked'), Type.Literal('parent_revoked'), Type.Literal('creator_disabled')], {
        description:
          'Why it does not: revoked itself, the key that made it was revoked, or the person who made it (or made a key above it) is disabled',
      }),
    ),
  },
  { $id: 'ApiKey' },
);
export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(ScopeSchema, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);
export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  actorType: Type.String(),
  actorId: Nullable(Type.Integer()),
  actorLabel: Type.String(),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Nullable(Type.String()),
  occurredAt: DateTime,
});
export const AuditQuery = Type.Object(
  {
    actorType: Type.Optional(Type.Union([Type.Literal('staff'), Type.Literal('api_key'), Type.Literal('system')])),
    actorId: Type.Optional(Type.Integer({ minimum: 1 })),
    action: Type.Optional(
      Type.String({ maxLength: 100, description: 'Exact action, or a prefix ending in .* (e.g. member.*)' }),
    ),
    targetType: Type.Optional(Type.String({ maxLength: 50 })),
    targetId: Type.Optional(Type.String({ maxLength: 100 })),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
