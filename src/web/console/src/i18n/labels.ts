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

/**
 * Who did something, as Kith records it: a person's email stays as it is; Kith's own workers
 * (the points rules, the tier evaluation, the command line…) are named in the operator's language.
 */
export function actorName(t: Translate, actor: string | null | undefined): string {
  if (!actor) return t('common.none');
  const [kind, rest] = actor.includes(':')
    ? [actor.slice(0, actor.indexOf(':')), actor.slice(actor.indexOf(':') + 1)]
    : [actor, ''];
  const key = `actor.${kind}`;
  if (!hasMessage(key)) return actor;
  return rest ? `${t(key)}（${rest}）` : t(key);
}

/** Where a member came from: the values Kith writes itself named, an operator's own text kept. */
export function sourceName(t: Translate, source: string | null | undefined): string {
  if (!source) return t('common.none');
  const key = `memberSource.${source}`;
  return hasMessage(key) ? t(key) : source;
}
