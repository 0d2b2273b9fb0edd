import { Type } from 'typebox';
import { DateTime } from '../../http/schemas.js';
import { ATTRIBUTE_TYPES } from './domain/attribute-rules.js';
import { MemberFilterSchema } from './members.schemas.js';

/** Contracts of tags, bulk tagging and custom attribute definitions. */
const Id = Type.Integer({ minimum: 1, maximum: 9007199254740991 });
const Color = Type.String({ maxLength: 7, description: 'Hex colour, #1677ff or #17f' });

export const TagSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  color: Type.String(),
  memberCount: Type.Integer(),
  createdAt: DateTime,
});
export const CreateTagBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 50 }), color: Type.Optional(Color) },
  { additionalProperties: false },
);
export const UpdateTagBody = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), color: Type.Optional(Color) },
  { additionalProperties: false, minProperties: 1 },
);
export const BulkTagBody = Type.Object(
  {
    memberIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 10000, description: 'Exactly these members…' })),
    filter: Type.Optional(MemberFilterSchema),
    add: Type.Optional(Type.Array(Id, { maxItems: 50 })),
    remove: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export const BulkTagResponse = Type.Object({
  matched: Type.Integer({ description: 'Members selected' }),
  added: Type.Integer({ description: 'Tags newly put on members' }),
  removed: Type.Integer({ description: 'Tags taken off members' }),
});

export const AttributeSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  type: Type.String(),
  options: Type.Array(Type.String()),
  required: Type.Boolean(),
  createdAt: DateTime,
});
export const KeyParam = Type.Object({ key: Type.String({ maxLength: 63 }) });
export const CreateAttributeBody = Type.Object(
  {
    key: Type.String({
      minLength: 1,
      maxLength: 63,
      description: 'Lower-case letters, digits and _, starting with a letter',
    }),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    type: Type.Enum(ATTRIBUTE_TYPES),
    options: Type.Optional(
      Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200, description: 'The allowed values of an enum' }),
    ),
    required: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const UpdateAttributeBody = Type.Object(
  {
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    options: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200 })),
    required: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
