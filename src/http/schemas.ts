import { Type, type TSchema } from 'typebox';

/** Shared contract pieces used by many modules' routes. */
export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 9007199254740991 }) });
export const Cursor = Type.Optional(
  Type.String({ maxLength: 200, description: 'Opaque cursor from the previous page' }),
);
export const Limit = (max = 200, dflt = 50) => Type.Optional(Type.Integer({ minimum: 1, maximum: max, default: dflt }));
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export const DateTime = Type.String({ format: 'date-time' });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Ok = Type.Object({ ok: Type.Boolean() });
/**
 * A whole number or null, as one JSON Schema type list (`type: ['integer', 'null']`) rather than a
 * union: with type coercion on (for query strings), a union would turn a null body value into 0
 * before trying null, while a type list coerces only when neither type matches.
 */
export const NullableInt = (opts: { minimum?: number; maximum?: number; description?: string } = {}) =>
  Type.Unsafe<number | null>({ type: ['integer', 'null'], ...opts });
