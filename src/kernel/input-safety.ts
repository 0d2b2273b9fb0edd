/**
 * What text and JSON Kith can store. PostgreSQL refuses a NUL character (U+0000) in `text` and
 * `jsonb`, and an unpaired UTF-16 surrogate (`\ud800` alone) cannot be encoded as UTF-8 at all; a
 * value holding either fails its whole statement, and with it a whole batch or import. Deeply
 * nested JSON costs recursion wherever it is walked (serialising, jsonb parsing, logging). So
 * input is checked here, before it reaches a service: the HTTP layer checks every JSON body,
 * query string and path parameter, the activity batch checks each item, and the importers check
 * each cell and chat message. Pure functions, no I/O.
 */

/** Objects and arrays may nest this deep (the top-level object or array is level 1). */
export const MAX_NESTING_DEPTH = 32;

const NUL = /\u0000/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Cheap pre-check: most strings hold neither kind of character. */
const SUSPECT = /[\u0000\ud800-\udfff]/;

export const NUL_PROBLEM = 'contains a NUL character (U+0000), which cannot be stored';
export const SURROGATE_PROBLEM =
  'contains an unpaired UTF-16 surrogate (e.g. \\ud800 alone), which is not valid Unicode text';
export const nestingProblem = (max = MAX_NESTING_DEPTH) => `nests objects or arrays deeper than ${max} levels`;

/** Why a string cannot be stored, or null when it can. */
export function textProblem(s: string): string | null {
  if (!SUSPECT.test(s)) return null;
  if (NUL.test(s)) return NUL_PROBLEM;
  if (LONE_SURROGATE.test(s)) return SURROGATE_PROBLEM;
  return null;
}

export interface Unstorable {
  /** Keys and indexes from the checked value down to the offending string, key or container. */
  path: (string | number)[];
  problem: string;
}

/**
 * The first string, object key or nesting in `value` that cannot be stored, or null. Walks
 * without recursion, so a 10,000-level document costs a loop, not the stack; it stops going down
 * at the first container deeper than `maxDepth`.
 */
export function findUnstorable(value: unknown, maxDepth = MAX_NESTING_DEPTH): Unstorable | null {
  if (storable(value, 0, maxDepth)) return null;
  const stack: { v: unknown; path: (string | number)[]; depth: number }[] = [{ v: value, path: [], depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { path, problem };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > maxDepth) return { path, problem: nestingProblem(maxDepth) };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i], depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      const problem = textProblem(k);
      if (problem) return { path: [...path, k], problem: `field name ${problem}` };
      stack.push({ v: (v as Record<string, unknown>)[k], path: [...path, k], depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Whether everything in `value` can be stored: the common answer, found without building paths
 * (every activity of a batch passes here; measured 2× faster than the walk below). Recursion is
 * safe: it goes no deeper than `maxDepth` + 1.
 */
function storable(v: unknown, depth: number, maxDepth: number): boolean {
  if (typeof v === 'string') return textProblem(v) === null;
  if (typeof v !== 'object' || v === null) return true;
  if (depth + 1 > maxDepth) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!storable(v[i], depth + 1, maxDepth)) return false;
    return true;
  }
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    if (textProblem(k) !== null || !storable((v as Record<string, unknown>)[k], depth + 1, maxDepth)) return false;
  }
  return true;
}

/** `items/3/properties/text`: the path form of problem+json `errors[].path`. */
export const slashPath = (prefix: string, path: (string | number)[]) =>
  [prefix, ...path].filter((p) => p !== '').join('/');

/** `properties.text`: the form activity item reasons use. */
export const dotPath = (path: (string | number)[]) => path.join('.');
