import type { paths } from '@shared/api/schema';

type ApiReason = NonNullable<NonNullable<paths['/api/v1/members/duplicates']['get']['parameters']['query']>['reason']>;

/** Every reason the duplicate report gives, in the order the filter lists them. */
export const DUPLICATE_REASONS = [
  'phone',
  'email',
  'name_in_community',
  'nickname_in_community',
  'nickname_across_channels',
] as const satisfies readonly ApiReason[];
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

// A reason the API adds must be listed (and labelled) here: this line stops compiling otherwise.
const everyReason: Exclude<ApiReason, DuplicateReason> extends never ? true : never = true;
void everyReason;
