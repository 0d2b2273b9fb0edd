/**
 * Kith's fixed vocabularies: the values the API accepts and stores for channels, kinds, stages and
 * roles. The server validates against these lists and the console offers and labels exactly them,
 * so a value added here is accepted, offered and (a test checks it) named in both languages at once.
 * Standalone on purpose: no imports, so both TypeScript builds compile it as it is.
 */

/** Channels a member has an identity on (members). */
export const CHANNELS = [
  'wechat',
  'wecom',
  'qq',
  'phone',
  'email',
  'forum',
  'slack',
  'discord',
  'douyin',
  'weibo',
  'dingtalk',
  'other',
] as const;

/** Kinds of activity the stream records (activity). */
export const ACTIVITY_KINDS = [
  'message',
  'reaction',
  'check_in',
  'join',
  'leave',
  'event_registered',
  'event_attended',
  'purchase',
  'refund',
  'survey_response',
  'content_view',
  'referral',
  'custom',
] as const;

/** 获客 → 激活 → 留存 → 变现, and the two ways out (members; worked out by analytics). */
export const LIFECYCLE_STAGES = ['acquired', 'activated', 'retained', 'monetised', 'dormant', 'churned'] as const;
export const GENDERS = ['male', 'female', 'other', 'unknown'] as const;
/**
 * What a profile is (members): a member, or the brand's own — a staff member's account 员工 or an
 * official account 官方账号. Member figures (counts, rates, rankings) leave the brand's own out.
 */
export const ACCOUNT_TYPES = ['member', 'staff', 'official'] as const;

/** Where a community lives (communities). */
export const COMMUNITY_CHANNELS = [
  'wechat',
  'wecom',
  'qq',
  'forum',
  'email',
  'weibo',
  'douyin',
  'kuaishou',
  'dingtalk',
  'slack',
  'discord',
  'other',
] as const;
/** 产品型 / 兴趣型 / 知识型 */
export const POSITIONING_TYPES = ['product', 'interest', 'knowledge'] as const;
/** 售后服务 / 产品反馈 / 用户互动 / 品牌推广 */
export const COMMUNITY_GOALS = ['after_sales', 'product_feedback', 'interaction', 'brand'] as const;
export const COMMUNITY_STAGES = ['launch', 'growth', 'mature'] as const;
export const MEMBERSHIP_ROLES = ['owner', 'admin', 'core', 'member'] as const;
export const JOIN_SOURCES = ['invited', 'qr_code', 'import', 'manual', 'activity'] as const;

/** The membership programme's words (loyalty). */
export const REWARD_TYPES = ['gift', 'coupon', 'privilege', 'honour'] as const;
export const REDEMPTION_STATUSES = ['requested', 'fulfilled', 'cancelled'] as const;
export const ADJUSTMENT_STATUSES = ['pending', 'posted', 'rejected'] as const;
export const POSTING_KINDS = ['earn', 'spend', 'expire', 'adjust', 'reverse'] as const;

/**
 * Profile fields an operator may decide by hand when merging two members (database names; members'
 * merge rule and the console's merge dialog both read this list). Consent stays the stricter of the
 * two, dates and attributes follow the rule.
 */
export const MERGE_CHOOSABLE_FIELDS = [
  'name',
  'nickname',
  'avatar_url',
  'gender',
  'birthday',
  'phone',
  'email',
  'city',
  'company',
  'source',
  'lifecycle_stage',
  'account_type',
] as const;
