import type { paths } from '@shared/api/schema';

/** Answers and bodies of the membership programme's API, as the generated schema types them. */
export type Ok<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch' | 'delete'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;
type Body<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;

export type Programme = Ok<'/api/v1/loyalty/programme', 'get'>;
export type ProgrammePatch = Body<'/api/v1/loyalty/programme', 'patch'>;
export type Tier = Ok<'/api/v1/loyalty/tiers', 'get'>['items'][number];
export type TierInput = Body<'/api/v1/loyalty/tiers', 'post'>;
export type Benefit = Tier['benefits'][number];
export type Obligation = Tier['obligations'][number];
export type PreviewRow = Ok<'/api/v1/loyalty/tiers/preview', 'post'>['items'][number];
export type Evaluation = Ok<'/api/v1/loyalty/evaluate', 'post'>;
export type Verify = Ok<'/api/v1/loyalty/verify', 'get'>;

export type Rule = Ok<'/api/v1/loyalty/rules', 'get'>['items'][number];
export type RuleDefinition = Rule['definition'];
export type RuleVersion = Rule['versions'][number];
export type Award = NonNullable<RuleDefinition['points']>;
export type RuleInput = Body<'/api/v1/loyalty/rules', 'post'>;
export type Replay = Ok<'/api/v1/loyalty/replay', 'post'>;

export type Reward = Ok<'/api/v1/loyalty/rewards', 'get'>['items'][number];
export type RewardInput = Body<'/api/v1/loyalty/rewards', 'post'>;
export type RewardType = Reward['type'];
export type CodesResult = Ok<'/api/v1/loyalty/rewards/{id}/codes', 'post'>;
export type Redemption = Ok<'/api/v1/loyalty/redemptions', 'get'>['items'][number];
/** A redemption as redeeming returns it (lists add the member's name). */
export type NewRedemption = Ok<'/api/v1/members/{id}/loyalty/redemptions', 'post'>;
export type CatalogueItem = Ok<'/api/v1/members/{id}/loyalty/rewards', 'get'>['items'][number];
export type RedemptionStatus = Redemption['status'];
export type Adjustment = Ok<'/api/v1/loyalty/adjustments', 'get'>['items'][number];
export type AdjustmentStatus = Adjustment['status'];

export type Badge = Ok<'/api/v1/loyalty/badges', 'get'>['items'][number];
export type BadgeInput = Body<'/api/v1/loyalty/badges', 'post'>;
export type BadgeCriteria = NonNullable<Badge['criteria']>;

export type Standing = Ok<'/api/v1/members/{id}/loyalty', 'get'>;
export type HistoryEntry = Standing['history'][number];
export type Posting = Ok<'/api/v1/members/{id}/loyalty/ledger', 'get'>['items'][number];
export type MemberBadge = Ok<'/api/v1/members/{id}/loyalty/badges', 'get'>['items'][number];
