import { MERGE_CHOOSABLE_FIELDS } from '@shared/vocabulary';
import type { MessageKey } from '../../i18n/catalog';

/**
 * The merge preview names fields as the database does (snake_case) while members come camelCase:
 * this table pairs them, in the order an operator reads a profile.
 */
export const MERGE_FIELDS: { field: string; member: string; label: MessageKey }[] = [
  { field: 'name', member: 'name', label: 'field.name' },
  { field: 'nickname', member: 'nickname', label: 'field.nickname' },
  { field: 'phone', member: 'phone', label: 'field.phone' },
  { field: 'email', member: 'email', label: 'field.email' },
  { field: 'gender', member: 'gender', label: 'field.gender' },
  { field: 'birthday', member: 'birthday', label: 'field.birthday' },
  { field: 'city', member: 'city', label: 'field.city' },
  { field: 'company', member: 'company', label: 'field.company' },
  { field: 'source', member: 'source', label: 'field.source' },
  { field: 'avatar_url', member: 'avatarUrl', label: 'field.avatarUrl' },
  { field: 'lifecycle_stage', member: 'lifecycleStage', label: 'field.lifecycleStage' },
  { field: 'consent_marketing', member: 'consentMarketing', label: 'field.consentMarketing' },
  { field: 'consent_data_processing', member: 'consentDataProcessing', label: 'field.consentDataProcessing' },
  { field: 'attributes', member: 'attributes', label: 'field.attributes' },
  { field: 'created_at', member: 'createdAt', label: 'field.createdAt' },
  { field: 'last_active_at', member: 'lastActiveAt', label: 'field.lastActiveAt' },
];

export interface MergeRow {
  field: string;
  label: MessageKey;
  survivor: unknown;
  merged: unknown;
  result: unknown;
  from: string;
}

/** One row per field the server decided on, with both sides and the outcome. */
export function mergeRows(p: {
  survivor: Record<string, unknown>;
  merged: Record<string, unknown>;
  result: Record<string, unknown>;
  decisions: { field: string; from: string }[];
}): MergeRow[] {
  const from = new Map(p.decisions.map((d) => [d.field, d.from]));
  return MERGE_FIELDS.filter((f) => from.has(f.field)).map((f) => ({
    field: f.field,
    label: f.label,
    survivor: p.survivor[f.member],
    merged: p.merged[f.member],
    result: f.field in p.result ? p.result[f.field] : p.survivor[f.member],
    from: from.get(f.field)!,
  }));
}

/** Fields the operator may decide by hand (the server's list; consent and dates follow the rule). */
export const CHOOSABLE = new Set<string>(MERGE_CHOOSABLE_FIELDS);

/** The merge request's `choices`: each chosen field by its API name. */
export function choicesBody(chosen: Record<string, 'survivor' | 'merged'>): Record<string, 'survivor' | 'merged'> {
  const out: Record<string, 'survivor' | 'merged'> = {};
  for (const f of MERGE_FIELDS) if (chosen[f.field]) out[f.member] = chosen[f.field]!;
  return out;
}

/** Rows where the two profiles differ come first in the operator's eye: the rest can be folded. */
export const differs = (r: MergeRow) => JSON.stringify(r.survivor ?? null) !== JSON.stringify(r.merged ?? null);
