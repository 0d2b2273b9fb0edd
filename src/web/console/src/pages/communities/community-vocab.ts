import type { Translate } from '../../i18n/I18nProvider';
import { hasMessage } from '../../i18n/I18nProvider';
import {
  COMMUNITY_CHANNELS,
  COMMUNITY_GOALS,
  COMMUNITY_STAGES,
  MEMBERSHIP_ROLES,
  POSITIONING_TYPES,
} from '@shared/vocabulary';
export { POSITIONING_TYPES, COMMUNITY_GOALS, COMMUNITY_STAGES, COMMUNITY_CHANNELS, MEMBERSHIP_ROLES };

/**
 * The words of a community's positioning (社群定位) as the API spells them, and their names in the
 * operator's language. Kept in the order the requirements list them.
 */

export type PositioningType = (typeof POSITIONING_TYPES)[number];
export type CommunityGoal = (typeof COMMUNITY_GOALS)[number];
export type CommunityStage = (typeof COMMUNITY_STAGES)[number];
export type CommunityChannel = (typeof COMMUNITY_CHANNELS)[number];
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

type Group = 'positioning' | 'goal' | 'communityStage' | 'communityStageHint';

/** The name of a positioning value; a value the console has no text for is shown as sent. */
export function communityLabel(t: Translate, group: Group, value: string): string {
  const key = `${group}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

/** Stages follow a community's life: new (blue), growing (green), settled (gold). */
export const STAGE_COLORS: Record<string, string> = { launch: 'blue', growth: 'green', mature: 'gold' };
export const ROLE_COLORS: Record<string, string> = { owner: 'gold', admin: 'blue', core: 'purple', member: 'default' };
