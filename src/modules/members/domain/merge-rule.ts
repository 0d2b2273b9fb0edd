import { MERGE_CHOOSABLE_FIELDS } from '../../../web/shared/vocabulary.js';

/**
 * How two profiles of the same person become one when an operator merges duplicates. The rule,
 * field by field (the survivor is the member kept, the merged one disappears into it):
 *
 * - Contact and profile fields (name, nickname, avatar, birthday, phone, email, city, company,
 *   source, gender): the survivor's value wins when it has one; an empty survivor field (null,
 *   blank, or gender `unknown`) is filled from the merged member.
 * - Consent (marketing, data processing): the stricter answer — given only if both gave it.
 *   Kith must not start messaging someone because a second account once ticked a box.
 * - Custom attributes: shallow merge, the survivor's keys winning.
 * - Lifecycle stage: the livelier of the two (monetised > retained > activated > acquired >
 *   dormant > churned): activity on either account is activity of the person.
 * - Account type: the brand's own (staff / official) when either is: figures must keep leaving
 *   an official account out after it is merged with a profile found for it.
 * - Any of CHOOSABLE_FIELDS: the operator's choice, when they made one, instead of the above.
 * - created_at: the earlier (the person has been a member since then);
 *   last_active_at: the later.
 */
export interface MergeableProfile {
  name: string | null;
  nickname: string | null;
  avatar_url: string | null;
  gender: string;
  birthday: string | null;
  phone: string | null;
  email: string | null;
  city: string | null;
  company: string | null;
  source: string | null;
  attributes: Record<string, unknown>;
  consent_marketing: boolean;
  consent_data_processing: boolean;
  lifecycle_stage: string;
  account_type: string;
  /** ISO timestamps, kept as text so their full precision survives a merge and its undo. */
  created_at: string;
  last_active_at: string | null;
}

export type MergeField = keyof MergeableProfile;

/** The fields an operator may decide by hand when merging (one list for the server and the console). */
export const CHOOSABLE_FIELDS = MERGE_CHOOSABLE_FIELDS satisfies readonly MergeField[];
export type ChoosableField = (typeof CHOOSABLE_FIELDS)[number];
export type MergeChoices = Partial<Record<ChoosableField, 'survivor' | 'merged'>>;
export interface MergeDecision {
  field: MergeField;
  /** Whose value the merged profile holds: one side's, or a combination of both. */
  from: 'survivor' | 'merged' | 'both';
}

const FILL_FIELDS = [
  'name',
  'nickname',
  'avatar_url',
  'birthday',
  'phone',
  'email',
  'city',
  'company',
  'source',
] as const;
const STAGE_LIVELINESS: Record<string, number> = {
  churned: 0,
  dormant: 1,
  acquired: 2,
  activated: 3,
  retained: 4,
  monetised: 5,
};

const isEmpty = (v: string | null) => v === null || v.trim() === '';
const time = (iso: string) => Date.parse(iso);

export function mergeProfiles(
  survivor: MergeableProfile,
  merged: MergeableProfile,
  choices: MergeChoices = {},
): { profile: MergeableProfile; decisions: MergeDecision[] } {
  const profile: MergeableProfile = { ...survivor };
  const decisions: MergeDecision[] = [];
  const take = (field: MergeField, fromMerged: boolean) => {
    if (fromMerged) (profile as unknown as Record<string, unknown>)[field] = merged[field];
    decisions.push({ field, from: fromMerged ? 'merged' : 'survivor' });
  };

  for (const f of FILL_FIELDS) take(f, isEmpty(survivor[f]) && !isEmpty(merged[f]));
  take('gender', survivor.gender === 'unknown' && merged.gender !== 'unknown');

  profile.consent_marketing = survivor.consent_marketing && merged.consent_marketing;
  profile.consent_data_processing = survivor.consent_data_processing && merged.consent_data_processing;
  decisions.push({ field: 'consent_marketing', from: 'both' }, { field: 'consent_data_processing', from: 'both' });

  const mergedAddsKeys = Object.keys(merged.attributes).some((k) => !(k in survivor.attributes));
  profile.attributes = { ...merged.attributes, ...survivor.attributes };
  decisions.push({ field: 'attributes', from: mergedAddsKeys ? 'both' : 'survivor' });

  take(
    'lifecycle_stage',
    (STAGE_LIVELINESS[merged.lifecycle_stage] ?? -1) > (STAGE_LIVELINESS[survivor.lifecycle_stage] ?? -1),
  );
  take('account_type', survivor.account_type === 'member' && merged.account_type !== 'member');
  take('created_at', time(merged.created_at) < time(survivor.created_at));
  take(
    'last_active_at',
    merged.last_active_at !== null &&
      (survivor.last_active_at === null || time(merged.last_active_at) > time(survivor.last_active_at)),
  );
  // The operator's own choices win over the rule, field by field.
  for (const [field, side] of Object.entries(choices) as [ChoosableField, 'survivor' | 'merged'][]) {
    (profile as unknown as Record<string, unknown>)[field] = (side === 'merged' ? merged : survivor)[field];
    const d = decisions.find((x) => x.field === field);
    if (d) d.from = side;
  }
  return { profile, decisions };
}
