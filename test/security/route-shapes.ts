import type { TestKith } from '../harness.js';

/**
 * Request shapes read from the OpenAPI document of the running app, for tests that walk every
 * route: a minimal valid body per route, and where ids that carry a community scope (members,
 * communities) appear in a route's querystring or body.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  $ref?: string;
  default?: unknown;
};
interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export async function openApiOf(kith: TestKith): Promise<OpenApiDoc> {
  const r = await kith.http.app.inject({ method: 'GET', url: '/api/openapi.json' });
  return r.json() as OpenApiDoc;
}

export function operationOf(doc: OpenApiDoc, method: string, url: string): Operation | undefined {
  return doc.paths[url.replace(/:([a-zA-Z]+)/g, '{$1}')]?.[method.toLowerCase()];
}

/** Field names that hold a member or community id. */
const SCOPED: Record<string, 'member' | 'community'> = {
  memberId: 'member',
  memberIds: 'member',
  invitedByMemberId: 'member',
  mergedId: 'member',
  communityId: 'community',
  communityIds: 'community',
};

function resolve(doc: OpenApiDoc, s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s?.$ref) return s;
  return resolve(doc, doc.components?.schemas?.[s.$ref.split('/').pop()!]);
}

const variants = (s: JsonSchema) => s.anyOf ?? s.oneOf ?? null;
const nonNull = (s: JsonSchema) =>
  !(s.type === 'null' || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'null'));
const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type);

/**
 * Values by field name that pass a field's rules where "x" or 1 would not: ids of things that
 * exist (a tier, a tag, members in scope), keys long enough, texts that are not blank.
 */
export type Known = Record<string, unknown>;

/** A minimal value valid for the schema: required fields only, named ones from `known`. */
export function sample(doc: OpenApiDoc, schema: JsonSchema | undefined, known: Known, name = ''): unknown {
  const s = resolve(doc, schema);
  if (!s) return undefined;
  if (name in known) {
    const v = known[name];
    return typeOf(s) === 'array' && !Array.isArray(v) ? [v] : v;
  }
  const v = variants(s);
  if (v) return sample(doc, v.find(nonNull) ?? v[0], known, name);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x) => sample(doc, x, known) as object));
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = sample(doc, s.properties?.[k], known, k);
      return out;
    }
    case 'array':
      return (s.minItems ?? 0) > 0 ? [sample(doc, s.items, known)] : [];
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'string':
      if (s.format === 'date-time') return '2026-11-15T02:00:00.000Z';
      if (s.format === 'date') return '2026-11-15';
      return 'x'.repeat(Math.max(s.minLength ?? 1, 1));
    default:
      return null;
  }
}

export interface ScopedField {
  in: 'query' | 'body';
  path: string;
  target: 'member' | 'community';
}

/** Where member and community ids go in a route's querystring and body (`items[].memberId`, `owner.memberId`). */
export function scopedIdFields(doc: OpenApiDoc, method: string, url: string): ScopedField[] {
  const op = operationOf(doc, method, url);
  if (!op) return [];
  const out: ScopedField[] = [];
  for (const p of op.parameters ?? [])
    if (p.in === 'query' && SCOPED[p.name]) out.push({ in: 'query', path: p.name, target: SCOPED[p.name]! });
  const walk = (schema: JsonSchema | undefined, path: string, depth: number) => {
    const s = resolve(doc, schema);
    if (!s || depth > 6) return;
    for (const v of variants(s) ?? []) walk(v, path, depth + 1);
    if (s.items) walk(s.items, `${path}[]`, depth + 1);
    for (const [k, child] of Object.entries(s.properties ?? {})) {
      const p = path ? `${path}.${k}` : k;
      if (SCOPED[k]) out.push({ in: 'body', path: p, target: SCOPED[k]! });
      else walk(child, p, depth + 1);
    }
  };
  walk(op.requestBody?.content?.['application/json']?.schema, '', 0);
  return out;
}

/** Required query parameters of a route, with sample values. */
export function requiredQuery(doc: OpenApiDoc, method: string, url: string, known: Known): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of operationOf(doc, method, url)?.parameters ?? []) {
    if (p.in === 'query' && p.required) out[p.name] = String(sample(doc, p.schema, known, p.name));
  }
  return out;
}

/**
 * Bodies for a route: the minimal valid one (`extra` adds fields a route needs beyond its required
 * ones), and one with a field at a path set to a value.
 */
export function buildBodies(doc: OpenApiDoc, method: string, url: string, extra: Record<string, unknown> = {}) {
  const op = operationOf(doc, method, url);
  const schema = op?.requestBody?.content?.['application/json']?.schema;
  const valid = (known: Known) => (schema ? { ...(sample(doc, schema, known) as object), ...extra } : undefined);
  return {
    valid,
    /** The valid body with `path` (e.g. `items[].memberId`) set to `value`, building the containers on the way. */
    withField(path: string, value: number, known: Known): unknown {
      const body = (valid(known) ?? {}) as Record<string, unknown>;
      let node: Record<string, unknown> = body;
      let s = resolve(doc, schema);
      const parts = path.split('.');
      parts.forEach((part, i) => {
        const isArray = part.endsWith('[]');
        const key = isArray ? part.slice(0, -2) : part;
        const pick = (x: JsonSchema | undefined) => {
          const r = resolve(doc, x);
          const v = r && variants(r);
          return v
            ? resolve(
                doc,
                v.find(
                  (y) =>
                    resolve(doc, y)?.properties?.[parts[i + 1]?.replace('[]', '') ?? ''] ||
                    (isArray && typeOf(resolve(doc, y)!) === 'array'),
                ) ?? v.find(nonNull),
              )
            : r;
        };
        const child = pick(s?.properties?.[key]);
        if (i === parts.length - 1) {
          node[key] = key.endsWith('Ids') || typeOf(child ?? {}) === 'array' ? [value] : value;
          return;
        }
        if (isArray) {
          const itemSchema = pick(child?.items);
          const arr = (
            Array.isArray(node[key]) && (node[key] as unknown[]).length ? node[key] : [sample(doc, itemSchema, known)]
          ) as Record<string, unknown>[];
          node[key] = arr;
          node = arr[0]!;
          s = itemSchema;
        } else {
          node[key] = (
            node[key] && typeof node[key] === 'object' ? node[key] : (sample(doc, child, known) ?? {})
          ) as Record<string, unknown>;
          node = node[key] as Record<string, unknown>;
          s = child;
        }
      });
      return body;
    },
  };
}
