-- Rewards 奖励 and their redemption, badges 勋章 / honour titles 荣誉称号, and members signing in to
-- their member centre 会员中心.

create table loyalty_rewards (
  id bigint generated always as identity primary key,
  name_zh text not null,
  name_en text not null,
  description text not null default '',
  type text not null check (type in ('gift', 'coupon', 'privilege', 'honour')),
  cost integer not null check (cost >= 0),
  -- How many can be redeemed in all (null: no limit); coupons: the codes uploaded.
  stock integer check (stock is null or stock >= 0),
  -- Redemptions holding stock now (requested or fulfilled); never more than the stock.
  redeemed integer not null default 0 check (redeemed >= 0),
  per_member_limit integer check (per_member_limit is null or per_member_limit >= 1),
  -- Tiers allowed to redeem (empty: every tier).
  tier_ids bigint[] not null default '{}',
  valid_from timestamptz,
  valid_until timestamptz,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (stock is null or redeemed <= stock),
  check (valid_until is null or valid_from is null or valid_until > valid_from)
);

create table loyalty_redemptions (
  id bigint generated always as identity primary key,
  reward_id bigint not null references loyalty_rewards (id),
  member_id bigint not null references members (id),
  status text not null check (status in ('requested', 'fulfilled', 'cancelled')),
  points integer not null,
  spend_posting_id bigint references loyalty_ledger (id),
  refund_posting_id bigint references loyalty_ledger (id),
  coupon_code text,
  idempotency_key text not null,
  requested_by text not null,
  decided_by text,
  note text,
  created_at timestamptz not null default now(),
  fulfilled_at timestamptz,
  cancelled_at timestamptz
);
create unique index loyalty_redemptions_key_uq on loyalty_redemptions (idempotency_key);
create index loyalty_redemptions_member_idx on loyalty_redemptions (member_id, reward_id);
create index loyalty_redemptions_queue_idx on loyalty_redemptions (status, created_at);

-- The code pool of a coupon reward; a redemption takes one code.
create table loyalty_coupon_codes (
  reward_id bigint not null references loyalty_rewards (id),
  code text not null,
  redemption_id bigint references loyalty_redemptions (id),
  created_at timestamptz not null default now(),
  primary key (reward_id, code)
);
create index loyalty_coupon_codes_free_idx on loyalty_coupon_codes (reward_id, code) where redemption_id is null;

create table loyalty_badges (
  id bigint generated always as identity primary key,
  name_zh text not null,
  name_en text not null,
  description text not null default '',
  color text not null default '#faad14',
  -- How the badge is awarded automatically (null: only by hand).
  criteria jsonb,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table loyalty_member_badges (
  id bigint generated always as identity primary key,
  badge_id bigint not null references loyalty_badges (id),
  member_id bigint not null references members (id),
  -- '' for badges held once; the month ('2026-11') for titles of a period, e.g. top contributor.
  period text not null default '',
  awarded_at timestamptz not null,
  awarded_by text not null,
  reason text not null,
  revoked_at timestamptz,
  unique (badge_id, member_id, period)
);
create index loyalty_member_badges_member_idx on loyalty_member_badges (member_id);

-- Members sign in to the member centre with a token an integration issues for them (after its own
-- WeChat / SMS login) or that an operator issues for a preview. Only the token's hash is stored.
create table member_sessions (
  id text primary key,
  member_id bigint not null references members (id),
  created_by text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index member_sessions_member_idx on member_sessions (member_id);

alter table audit_log drop constraint audit_log_actor_type_check;
alter table audit_log add constraint audit_log_actor_type_check check (actor_type in ('staff', 'api_key', 'system', 'member'));
