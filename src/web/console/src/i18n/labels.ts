import { hasMessage, type Translate } from './I18nProvider';
import { CHANNELS, LIFECYCLE_STAGES } from '@shared/vocabulary';
export { LIFECYCLE_STAGES };

type Group =
  | 'stage'
  | 'accountType'
  | 'channel'
  | 'gender'
  | 'kind'
  | 'role'
  | 'membershipRole'
  | 'joinSource'
  | 'duplicates.reason';

/**
 * The name of a server value (a lifecycle stage, a channel…) in the operator's language. A value
 * the console has no text for yet is shown as the server sent it rather than hidden.
 */
export function labelOf(t: Translate, group: Group, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  const key = `${group}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export const MEMBER_CHANNELS = CHANNELS;
export type MemberChannel = (typeof MEMBER_CHANNELS)[number];

/** Stage colours follow the funnel: cool while growing, warm when value comes, grey when fading. */
export const STAGE_COLORS: Record<string, string> = {
  acquired: 'blue',
  activated: 'cyan',
  retained: 'green',
  monetised: 'gold',
  dormant: 'default',
  churned: 'red',
};
