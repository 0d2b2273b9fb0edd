import { Type } from 'typebox';
import { DateTime, Nullable } from '../../http/schemas.js';
import { MemberSchema } from './members.schemas.js';

/** Contracts of merging, undoing merges and personal-data requests. */
const Id = Type.Integer({ minimum: 1, maximum: 9007199254740991 });

export const MergeBody = Type.Object(
  {
    mergedId: Id,
    choices: Type.Optional(
      Type.Record(Type.String({ maxLength: 40 }), Type.Enum(['survivor', 'merged']), {
        description:
          'Fields decided by hand (name, nickname, avatarUrl, gender, birthday, phone, email, city, company, source, lifecycleStage, accountType): whose value the merged profile keeps, instead of the rule',
      }),
    ),
  },
  { additionalProperties: false },
);
export const MergePreviewQuery = Type.Object({ mergedId: Id }, { additionalProperties: false });
export const MergeIdParam = Type.Object({ mergeId: Id });
export const MergeResponse = Type.Object({ mergeId: Type.Integer(), survivor: MemberSchema });
export const MergePreviewResponse = Type.Object({
  survivor: MemberSchema,
  merged: MemberSchema,
  result: Type.Record(Type.String(), Type.Unknown(), { description: "The survivor's profile after the merge" }),
  decisions: Type.Array(
    Type.Object({ field: Type.String(), from: Type.String({ description: 'survivor, merged or both' }) }),
  ),
  moves: Type.Object({ identities: Type.Integer(), tags: Type.Integer() }),
});
export const UndoResponse = Type.Object({
  survivor: MemberSchema,
  restored: MemberSchema,
  keptFields: Type.Array(Type.String(), { description: 'Survivor fields edited since the merge, left as edited' }),
});
export const MergeHistory = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      survivorId: Type.Integer(),
      mergedId: Type.Integer(),
      mergedBy: Type.String(),
      mergedAt: DateTime,
      undoneAt: Nullable(DateTime),
      undoneBy: Nullable(Type.String()),
      undoable: Type.Boolean(),
    }),
  ),
});
export const PersonalDataResponse = Type.Object({
  exportedAt: DateTime,
  member: MemberSchema,
  mergedProfiles: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  merges: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  participants: Type.Record(Type.String(), Type.Unknown(), { description: "Each module's data about the member" }),
});
export const EraseResponse = Type.Object({
  id: Type.Integer(),
  erasedAt: DateTime,
  membersErased: Type.Array(Type.Integer()),
  identitiesTokenised: Type.Integer(),
  tagsRemoved: Type.Integer(),
  mergeSnapshotsDropped: Type.Integer(),
});
