import { topic } from '../../kernel/jobs.js';

/** A tier change of one or more members, as the evaluation or a growth posting made it. */
export interface TierChangedPayload {
  changes: { memberId: number; fromTierId: number | null; toTierId: number | null; at: string }[];
}
export const TIER_PROMOTED = topic<TierChangedPayload>('tier.promoted');
export const TIER_DEMOTED = topic<TierChangedPayload>('tier.demoted');
