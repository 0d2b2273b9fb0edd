import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of every table, as Kysely sees them. Keep in step with db/migrations.
 * `Timestamp` reads as a Date and accepts a Date or ISO string on write.
 */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;
type JsonDefault<T = unknown> = ColumnType<T, string | T | undefined, string | T>;
/** numeric(14,2) read as an exact decimal string. */
type Money = ColumnType<string, string | number, string | number>;
type Id = Generated<number>;

export interface KithMigrationsTable {
  name: string;
  checksum: string;
  applied_at: DefaultTimestamp;
}

export interface StaffUsersTable {
  id: Id;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  disabled_at: Timestamp | null;
  password_changed_at: DefaultTimestamp;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface StaffSessionsTable {
  id: string;
  staff_id: number;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}
export interface LoginFailuresTable {
  id: Id;
  key: string;
  failed_at: DefaultTimestamp;
}
export interface SetupTokensTable {
  singleton: ColumnType<boolean, boolean | undefined, boolean>;
  token_hash: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}
export interface ApiKeysTable {
  id: Id;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string[];
  created_by: number | null;
  created_by_key: number | null;
  created_at: DefaultTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}
export interface AuditLogTable {
  id: Id;
  actor_type: 'staff' | 'api_key' | 'system' | 'member';
  actor_id: number | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  occurred_at: DefaultTimestamp;
}
export interface CommunitiesTable {
  id: Id;
  name: string;
  channel: string;
  positioning_type: string;
  goal: string;
  stage: Generated<string>;
  description: Generated<string>;
  rules_text: Generated<string>;
  capacity: number | null;
  external_id: string | null;
  archived_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface StaffCommunityAssignmentsTable {
  staff_id: number;
  community_id: number;
}
export interface MembersTable {
  id: Id;
  name: string | null;
  nickname: string | null;
  avatar_url: string | null;
  gender: Generated<string>;
  birthday: string | null;
  phone: string | null;
  email: string | null;
  city: string | null;
  company: string | null;
  attributes: JsonDefault<Record<string, unknown>>;
  source: string | null;
  consent_marketing: Generated<boolean>;
  consent_data_processing: Generated<boolean>;
  lifecycle_stage: Generated<string>;
  /** member | staff | official (migration 0021): the brand's own accounts are left out of member figures. */
  account_type: Generated<string>;
  /** Pinyin search keys of name and nickname (migration 0023); null until worked out. */
  name_pinyin: string[] | null;
  merged_into: number | null;
  erased_at: Timestamp | null;
  last_active_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface MemberIdentitiesTable {
  id: Id;
  member_id: number;
  channel: string;
  external_id: string;
  display_name: string | null;
  created_at: DefaultTimestamp;
}
export interface TagsTable {
  id: Id;
  name: string;
  color: Generated<string>;
  created_at: DefaultTimestamp;
}
export interface MemberTagsTable {
  member_id: number;
  tag_id: number;
  created_at: DefaultTimestamp;
}
export interface AttributeDefinitionsTable {
  key: string;
  label: string;
  type: string;
  options: JsonDefault<string[]>;
  required: Generated<boolean>;
  created_at: DefaultTimestamp;
}
export interface MemberMergesTable {
  id: Id;
  survivor_id: number;
  merged_id: number;
  snapshot: Json;
  merged_by: string;
  merged_at: DefaultTimestamp;
  undone_at: Timestamp | null;
  undone_by: string | null;
}
export interface CommunityMembershipsTable {
  id: Id;
  community_id: number;
  member_id: number;
  role: Generated<string>;
  join_source: Generated<string>;
  invited_by_member_id: number | null;
  joined_at: Timestamp;
  left_at: Timestamp | null;
}
export interface CommunityAdminsTable {
  id: Id;
  community_id: number;
  staff_id: number | null;
  member_id: number | null;
  role: string;
}
export interface ActivitiesTable {
  id: Id;
  member_id: number;
  community_id: number | null;
  channel: string;
  kind: string;
  occurred_at: Timestamp;
  properties: JsonDefault<Record<string, unknown>>;
  source: string;
  external_id: string;
  created_at: DefaultTimestamp;
}
export interface OrdersTable {
  id: Id;
  source: string;
  order_id: string;
  member_id: number;
  community_id: number | null;
  amount: Money;
  refunded_amount: ColumnType<string, string | number | undefined, string | number>;
  currency: Generated<string>;
  items: JsonDefault<unknown[]>;
  status: Generated<string>;
  ordered_at: Timestamp;
  refunded_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface ImportsTable {
  id: Id;
  kind: string;
  format: string;
  file_name: string;
  file_sha256: string;
  status: Generated<string>;
  total_rows: Generated<number>;
  processed_rows: Generated<number>;
  created_rows: Generated<number>;
  updated_rows: Generated<number>;
  duplicate_rows: Generated<number>;
  rejected_rows: Generated<number>;
  skipped_rows: Generated<number>;
  options: JsonDefault<Record<string, unknown>>;
  error: string | null;
  started_by: string;
  created_at: DefaultTimestamp;
  finished_at: Timestamp | null;
  upload_path: string | null;
  file_size: number | null;
  owner: string | null;
  heartbeat_at: Timestamp | null;
}
export interface ImportRejectionsTable {
  import_id: number;
  line: number;
  reason: string;
  raw: string | null;
  /** The reasons as codes (migration 0025), when every reason has one. */
  problems: unknown;
}
export interface OutboxEventsTable {
  id: Id;
  topic: string;
  payload: Json;
  created_at: DefaultTimestamp;
}
export interface JobsTable {
  id: Id;
  queue: string;
  payload: JsonDefault;
  status: Generated<string>;
  run_at: DefaultTimestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: DefaultTimestamp;
  finished_at: Timestamp | null;
}

// ───── loyalty ─────
type Int8Default = ColumnType<number, number | undefined, number>;
export interface LoyaltyProgrammeTable {
  id: Generated<number>;
  qualification_months: number | null;
  evaluation_period: Generated<string>;
  keep_ratio: ColumnType<string, string | number | undefined, string | number>;
  grace_days: Generated<number>;
  max_demotion_steps: Generated<number>;
  points_expiry_months: number | null;
  refund_policy: Generated<string>;
  approval_threshold: Generated<number>;
  updated_at: DefaultTimestamp;
}
export interface LoyaltyTiersTable {
  id: Id;
  name_zh: string;
  name_en: string;
  threshold: number;
  keep_threshold: number | null;
  benefits: JsonDefault<unknown[]>;
  obligations: JsonDefault<unknown[]>;
  color: Generated<string>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface LoyaltyAccountsTable {
  member_id: number;
  points_balance: Int8Default;
  growth_lifetime: Int8Default;
  tier_id: number | null;
  tier_since: Timestamp | null;
  below_keep_since: Timestamp | null;
  manual_tier_id: number | null;
  manual_until: Timestamp | null;
  manual_reason: string | null;
  updated_at: DefaultTimestamp;
}
export interface LoyaltyEvaluationsTable {
  period: string;
  after_member_id: Generated<number>;
  evaluated: Generated<number>;
  promoted: Generated<number>;
  demoted: Generated<number>;
  started_at: DefaultTimestamp;
  finished_at: Timestamp | null;
}
export interface LoyaltyRulesTable {
  id: Id;
  name: string;
  current_version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface LoyaltyRuleVersionsTable {
  rule_id: number;
  version: number;
  definition: Json;
  valid_from: Timestamp;
  created_by: string;
  created_at: DefaultTimestamp;
}
export interface LoyaltyLedgerTable {
  id: Id;
  member_id: number;
  kind: string;
  points: Int8Default;
  growth: Int8Default;
  reason: string;
  rule_id: number | null;
  rule_version: number | null;
  activity_id: number | null;
  order_id: number | null;
  redemption_id: number | null;
  reverses_id: number | null;
  idempotency_key: string;
  occurred_at: Timestamp;
  expires_at: Timestamp | null;
  details: Json | null;
  actor: string;
  created_at: DefaultTimestamp;
}
export interface LoyaltyLotsTable {
  posting_id: number;
  member_id: number;
  amount: number;
  remaining: number;
  earned_at: Timestamp;
  expires_at: Timestamp | null;
}
export interface LoyaltyGrowthMonthlyTable {
  member_id: number;
  month: string;
  growth: number;
}
export interface LoyaltyTierHistoryTable {
  id: Id;
  member_id: number;
  from_tier_id: number | null;
  to_tier_id: number | null;
  change: string;
  reason: string;
  details: JsonDefault<Record<string, unknown>>;
  actor: string;
  effective_at: Timestamp;
}
export interface LoyaltyAdjustmentsTable {
  id: Id;
  member_id: number;
  points: number;
  reason: string;
  status: string;
  requested_by_type: string;
  requested_by_id: number | null;
  requested_by: string;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  posting_id: number | null;
  created_at: DefaultTimestamp;
}

export interface LoyaltyRewardsTable {
  id: Id;
  name_zh: string;
  name_en: string;
  description: Generated<string>;
  type: string;
  cost: number;
  stock: number | null;
  redeemed: Generated<number>;
  per_member_limit: number | null;
  tier_ids: ColumnType<number[], number[] | undefined, number[]>;
  valid_from: Timestamp | null;
  valid_until: Timestamp | null;
  archived_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface LoyaltyRedemptionsTable {
  id: Id;
  reward_id: number;
  member_id: number;
  status: string;
  points: number;
  spend_posting_id: number | null;
  refund_posting_id: number | null;
  coupon_code: string | null;
  idempotency_key: string;
  requested_by: string;
  decided_by: string | null;
  note: string | null;
  created_at: DefaultTimestamp;
  fulfilled_at: Timestamp | null;
  cancelled_at: Timestamp | null;
}
export interface LoyaltyCouponCodesTable {
  reward_id: number;
  code: string;
  redemption_id: number | null;
  created_at: DefaultTimestamp;
}
export interface LoyaltyBadgesTable {
  id: Id;
  name_zh: string;
  name_en: string;
  description: Generated<string>;
  color: Generated<string>;
  criteria: Json | null;
  archived_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface LoyaltyMemberBadgesTable {
  id: Id;
  badge_id: number;
  member_id: number;
  period: Generated<string>;
  awarded_at: Timestamp;
  awarded_by: string;
  reason: string;
  revoked_at: Timestamp | null;
}
export interface MemberSessionsTable {
  id: string;
  member_id: number;
  created_by: string;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface AnalyticsSettingsTable {
  id: Generated<number>;
  meaningful_kinds: ColumnType<string[], string[] | undefined, string[]>;
  rfm_window_days: Generated<number>;
  rfm_frequency_thresholds: Generated<number[]>;
  rollup_basis: string | null;
  updated_at: DefaultTimestamp;
  activation_min_activities: Generated<number>;
  activation_days: Generated<number>;
  dormant_days: Generated<number>;
  churned_days: Generated<number>;
  lifecycle_updated_at: Timestamp | null;
}
export interface AnalyticsMemberDaysTable {
  community_id: number;
  day: string;
  member_id: number;
  activities: number;
  meaningful: number;
  messages: number;
}
export interface AnalyticsRfmLayersTable {
  key: string;
  name_zh: string;
  name_en: string;
  strategy_zh: string;
  strategy_en: string;
  updated_at: DefaultTimestamp;
}
export interface AnalyticsMemberRfmTable {
  member_id: number;
  recency_days: number;
  frequency: number;
  monetary: Money;
  r: number;
  f: number;
  m: number;
  layer: string;
  computed_at: Timestamp;
}

export interface AnalyticsRfmRunTable {
  id: Generated<number>;
  computed_at: Timestamp;
  as_of: string;
  window_from: string;
  window_to: string;
  window_days: number;
  scored: number;
}

export interface AnalyticsCampaignsTable {
  id: Id;
  name: string;
  tag_id: number | null;
  starts_on: string;
  ends_on: string;
  attribution_days: Generated<number>;
  cost: ColumnType<string, string | number | undefined, string | number>;
  currency: Generated<string>;
  notes: Generated<string>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  archived_at: Timestamp | null;
}

export interface OverviewChecklistDismissalsTable {
  staff_id: number;
  dismissed_at: Generated<Date>;
}

export interface DB {
  overview_checklist_dismissals: OverviewChecklistDismissalsTable;
  kith_migrations: KithMigrationsTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  login_failures: LoginFailuresTable;
  setup_tokens: SetupTokensTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  communities: CommunitiesTable;
  staff_community_assignments: StaffCommunityAssignmentsTable;
  members: MembersTable;
  member_identities: MemberIdentitiesTable;
  tags: TagsTable;
  member_tags: MemberTagsTable;
  attribute_definitions: AttributeDefinitionsTable;
  member_merges: MemberMergesTable;
  community_memberships: CommunityMembershipsTable;
  community_member_counts: { community_id: number; members: number };
  community_admins: CommunityAdminsTable;
  activities: ActivitiesTable;
  orders: OrdersTable;
  imports: ImportsTable;
  import_rejections: ImportRejectionsTable;
  outbox_events: OutboxEventsTable;
  jobs: JobsTable;
  loyalty_programme: LoyaltyProgrammeTable;
  loyalty_tiers: LoyaltyTiersTable;
  loyalty_accounts: LoyaltyAccountsTable;
  loyalty_evaluations: LoyaltyEvaluationsTable;
  loyalty_rules: LoyaltyRulesTable;
  loyalty_rule_versions: LoyaltyRuleVersionsTable;
  loyalty_ledger: LoyaltyLedgerTable;
  loyalty_lots: LoyaltyLotsTable;
  loyalty_growth_monthly: LoyaltyGrowthMonthlyTable;
  loyalty_tier_history: LoyaltyTierHistoryTable;
  loyalty_adjustments: LoyaltyAdjustmentsTable;
  loyalty_rewards: LoyaltyRewardsTable;
  loyalty_redemptions: LoyaltyRedemptionsTable;
  loyalty_coupon_codes: LoyaltyCouponCodesTable;
  loyalty_badges: LoyaltyBadgesTable;
  loyalty_member_badges: LoyaltyMemberBadgesTable;
  member_sessions: MemberSessionsTable;
  analytics_settings: AnalyticsSettingsTable;
  analytics_member_days: AnalyticsMemberDaysTable;
  analytics_community_days: {
    community_id: number;
    day: string;
    activities: number;
    meaningful: number;
    messages: number;
  };
  analytics_member_joins: { community_id: number; member_id: number; joined: string | null };
  analytics_profile_counts: { bucket: Date; profiles: number; erased: number };
  analytics_active_gaps: { community_id: number; day: string; gap: number; members: number };
  analytics_cohort_cells: { community_id: number; grain: string; cohort: string; period: number; members: number };
  analytics_rfm_layers: AnalyticsRfmLayersTable;
  analytics_member_rfm: AnalyticsMemberRfmTable;
  analytics_rfm_run: AnalyticsRfmRunTable;
  analytics_campaigns: AnalyticsCampaignsTable;
}
