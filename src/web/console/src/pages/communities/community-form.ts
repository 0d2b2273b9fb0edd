import type { AdminRef, CommunityDetail, CommunityInput } from './types';
import type { CommunityChannel, CommunityGoal, CommunityStage, PositioningType } from './community-vocab';

/** A person chosen in the form: `staff:3` or `member:42`. */
export type PersonKey = `staff:${number}` | `member:${number}`;

/** What the community form holds; text as typed, capacity empty for "no limit". */
export interface CommunityFormValues {
  name: string;
  channel: CommunityChannel;
  positioningType: PositioningType;
  goal: CommunityGoal;
  stage: CommunityStage;
  capacity?: number | null;
  externalId?: string;
  description?: string;
  rules?: string;
  owner?: PersonKey | null;
  admins?: PersonKey[];
}

export const COMMUNITY_FORM_FIELDS = [
  'name',
  'channel',
  'positioningType',
  'goal',
  'stage',
  'capacity',
  'externalId',
  'description',
  'rules',
  'owner',
  'admins',
] as const;

const ref = (key: PersonKey): AdminRef => {
  const [kind, id] = key.split(':');
  return kind === 'staff' ? { staffId: Number(id) } : { memberId: Number(id) };
};
export const personKeyOf = (r: { staffId: number | null; memberId: number | null }): PersonKey | null =>
  r.staffId !== null ? `staff:${r.staffId}` : r.memberId !== null ? `member:${r.memberId}` : null;

/**
 * The request body of a create or an edit: text trimmed, an empty external id or capacity meaning
 * none, owner and admins as references. The owner is not repeated among the admins.
 */
export function communityBody(v: CommunityFormValues): CommunityInput & { stage: CommunityStage } {
  const externalId = v.externalId?.trim() ?? '';
  const owner = v.owner ?? null;
  return {
    name: v.name.trim(),
    channel: v.channel,
    positioningType: v.positioningType,
    goal: v.goal,
    stage: v.stage,
    capacity: typeof v.capacity === 'number' ? v.capacity : null,
    externalId: externalId === '' ? null : externalId,
    description: v.description?.trim() ?? '',
    rules: v.rules?.trim() ?? '',
    owner: owner ? ref(owner) : null,
    admins: [...new Set(v.admins ?? [])].filter((k) => k !== owner).map(ref),
  };
}

/** The form filled from a community (edit), or the defaults of a new one. */
export function communityFormValues(c: CommunityDetail | null): Partial<CommunityFormValues> {
  if (!c) return { stage: 'launch', admins: [], owner: null };
  return {
    name: c.name,
    channel: c.channel,
    positioningType: c.positioningType,
    goal: c.goal,
    stage: c.stage,
    capacity: c.capacity,
    externalId: c.externalId ?? '',
    description: c.description,
    rules: c.rules,
    owner: c.owner ? personKeyOf(c.owner) : null,
    admins: c.admins.map(personKeyOf).filter((k): k is PersonKey => k !== null),
  };
}
