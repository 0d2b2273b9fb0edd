import type { ApiAnswer, ApiBody } from '@shared/api/answers';

export type Programme = ApiAnswer<'/api/v1/loyalty/programme', 'get'>;
export type ProgrammePatch = ApiBody<'/api/v1/loyalty/programme', 'patch'>;
export type Tier = ApiAnswer<'/api/v1/loyalty/tiers', 'get'>['items'][number];
export type TierInput = ApiBody<'/api/v1/loyalty/tiers', 'post'>;
export type Benefit = Tier['benefits'][number];
export type Obligation = Tier['obligations'][number];
export type PreviewRow = ApiAnswer<'/api/v1/loyalty/tiers/preview', 'post'>['items'][number];
export type Evaluation = ApiAnswer<'/api/v1/loyalty/evaluate', 'post'>;
export type Verify = ApiAnswer<'/api/v1/loyalty/verify', 'get'>;

export type Rule = ApiAnswer<'/api/v1/loyalty/rules', 'get'>['items'][number];
export type RuleDefinition = Rule['definition'];
export type RuleVersion = Rule['versions'][number];
export type Award = NonNullable<RuleDefinition['points']>;
export type RuleInput = ApiBody<'/api/v1/loyalty/rules', 'post'>;
export type Replay = ApiAnswer<'/api/v1/loyalty/replay', 'post'>;

export type Reward = ApiAnswer<'/api/v1/loyalty/rewards', 'get'>['items'][number];
export type RewardInput = ApiBody<'/api/v1/loyalty/rewards', 'post'>;
export type RewardType = Reward['type'];
export type CodesResult = ApiAnswer<'/api/v1/loyalty/rewards/{id}/codes', 'post'>;
export type Redemption = ApiAnswer<'/api/v1/loyalty/redemptions', 'get'>['items'][number];
/** A redemption as redeeming returns it (lists add the member's name). */
export type NewRedemption = ApiAnswer<'/api/v1/members/{id}/loyalty/redemptions', 'post'>;
export type CatalogueItem = ApiAnswer<'/api/v1/members/{id}/loyalty/rewards', 'get'>['items'][number];
export type RedemptionStatus = Redemption['status'];
export type Adjustment = ApiAnswer<'/api/v1/loyalty/adjustments', 'get'>['items'][number];
export type AdjustmentStatus = Adjustment['status'];

export type Badge = ApiAnswer<'/api/v1/loyalty/badges', 'get'>['items'][number];
export type BadgeInput = ApiBody<'/api/v1/loyalty/badges', 'post'>;
export type BadgeCriteria = NonNullable<Badge['criteria']>;

export type Standing = ApiAnswer<'/api/v1/members/{id}/loyalty', 'get'>;
export type HistoryEntry = Standing['history'][number];
export type Posting = ApiAnswer<'/api/v1/members/{id}/loyalty/ledger', 'get'>['items'][number];
export type MemberBadge = ApiAnswer<'/api/v1/members/{id}/loyalty/badges', 'get'>['items'][number];
