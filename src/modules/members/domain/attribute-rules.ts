import type { FieldProblem } from '../../../kernel/errors.js';
import { calendarDateProblem } from './profile-rules.js';

/**
 * Custom attributes (自定义字段): each key a member may carry is defined once for the workspace
 * with a type, and every value written is checked against its definition.
 */
export const ATTRIBUTE_TYPES = ['string', 'number', 'boolean', 'date', 'enum'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface AttributeDefinition {
  key: string;
  label: string;
  type: AttributeType;
  options: string[];
  required: boolean;
}

const MAX_STRING = 2000;

export function valueProblem(def: AttributeDefinition, value: unknown): string | null {
  switch (def.type) {
    case 'string':
      if (typeof value !== 'string') return 'must be text';
      return value.length > MAX_STRING ? `must be at most ${MAX_STRING} characters` : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      if (typeof value !== 'string') return 'must be a date like 2024-05-20';
      return calendarDateProblem(value);
    case 'enum':
      return typeof value === 'string' && def.options.includes(value)
        ? null
        : `must be one of ${def.options.join(', ')}`;
  }
}

/**
 * Applies a merge-patch of attributes (a key set to null is removed) to `current`.
 * Only the keys being written are type-checked: an old value that a later definition change made
 * invalid does not block an unrelated edit. Required keys must be present in the result whenever
 * attributes are written, so an operator editing attributes is asked for the missing ones.
 */
export function applyAttributePatch(
  defs: AttributeDefinition[],
  current: Record<string, unknown>,
  patch: Record<string, unknown>,
): { attributes: Record<string, unknown>; problems: FieldProblem[] } {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const attributes: Record<string, unknown> = { ...current };
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const def = byKey.get(key);
    if (!def) {
      problems.push({ path: `attributes.${key}`, message: 'is not a defined attribute' });
      continue;
    }
    if (value === null) {
      delete attributes[key];
      continue;
    }
    const problem = valueProblem(def, value);
    if (problem) problems.push({ path: `attributes.${key}`, message: problem });
    else attributes[key] = value;
  }
  for (const def of defs) {
    if (
      def.required &&
      (attributes[def.key] === undefined || attributes[def.key] === '') &&
      !problems.some((p) => p.path === `attributes.${def.key}`)
    ) {
      problems.push({ path: `attributes.${def.key}`, message: `is required (${def.label})` });
    }
  }
  return { attributes, problems };
}

/** Checks a definition as created or changed by an operator. */
export function definitionProblems(def: AttributeDefinition): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(def.key))
    problems.push({ path: 'key', message: 'must start with a letter and use only a-z, 0-9 and _ (at most 63)' });
  if (def.label.trim() === '') problems.push({ path: 'label', message: 'must not be empty' });
  if (def.type === 'enum') {
    const trimmed = def.options.map((o) => o.trim());
    if (trimmed.length === 0) problems.push({ path: 'options', message: 'an enum needs at least one option' });
    else if (trimmed.some((o) => o === '')) problems.push({ path: 'options', message: 'options must not be empty' });
    else if (new Set(trimmed).size !== trimmed.length)
      problems.push({ path: 'options', message: 'options must be unique' });
  } else if (def.options.length > 0) {
    problems.push({ path: 'options', message: `only enum attributes have options, not ${def.type}` });
  }
  return problems;
}
