-- Membership programme 会员制度: tiers on growth value, the points ledger with expiring lots,
-- behaviour rules with versions, and the tier history that explains every change.

-- The programme's settings: one row.
create table loyalty_programme (
  id integer primary key default 1 check (id = 1),
  -- Growth value counts over the current calendar month and the N-1 before it (workspace time
  -- zone); null counts the whole lifetime.
  qualification_months integer check (qualification_months is null or qualification_months between 1 and 120),
  evaluation_period text not null default 'monthly' check (evaluation_period in ('monthly', 'quarterly')),
  -- A tier is kept while growth stays at or above keep_ratio × its threshold (hysteresis).
  keep_ratio numeric(4, 3) not null default 0.9 check (keep_ratio > 0 and keep_ratio <= 1),
  -- How long a member may stay below the keep threshold (or miss an obligation) before demotion.
  grace_days integer not null default 30 check (grace_days >= 0),
  max_demotion_steps integer not null default 1 check (max_demotion_steps >= 1),
  -- Earned points expire at the end of the N-th calendar month after the month they were earned.
  points_expiry_months integer default 12 check (points_expiry_months is null or points_expiry_months between 1 and 120),
  -- A refund whose points were already spent: 'debt' lets the balance go below zero, 'cap' stops at zero.
  refund_policy text not null default 'debt' check (refund_policy in ('debt', 'cap')),
  -- Manual adjustments of at least this many points (either sign) wait for a second operator.
  approval_threshold integer not null default 1000 check (approval_threshold >= 1),
  updated_at timestamptz not null default now()
);
insert into loyalty_programme (id) values (1);

create table loyalty_tiers (
  id bigint generated always as identity primary key,
  name_zh text not null,
  name_en text not null,
  threshold integer not null check (threshold >= 0),
  -- Explicit keep threshold; null means keep_ratio × threshold.
  keep_threshold integer check (keep_threshold is null or keep_threshold >= 0),
  benefits jsonb not null default '[]',
  obligations jsonb not null default '[]',
  color text not null default '#8c8c8c',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index loyalty_tiers_threshold_uq on loyalty_tiers (threshold);

-- One row per member who has ever earned, spent or been assigned anything. The balance and totals
-- are kept in step with the ledger in the same transaction (row lock); `kith loyalty verify`
-- recomputes them from the ledger.
create table loyalty_accounts (
  member_id bigint primary key references members (id),
  points_balance bigint not null default 0,
  growth_lifetime bigint not null default 0,
  -- The tier earned by growth value (null: the entry tier).
  tier_id bigint references loyalty_tiers (id),
  tier_since timestamptz,
  -- First evaluation that found the member below the keep threshold or short of an obligation.
  below_keep_since timestamptz,
  -- The last periodic evaluation that looked at this account (resumable evaluation runs).
  evaluated_period text,
  -- An operator's assignment wins while valid.
  manual_tier_id bigint references loyalty_tiers (id),
  manual_until timestamptz,
  manual_reason text,
  updated_at timestamptz not null default now()
) with (fillfactor = 80);
create index loyalty_accounts_tier_idx on loyalty_accounts (tier_id);
create index loyalty_accounts_manual_idx on loyalty_accounts (manual_until) where manual_tier_id is not null;

create table loyalty_rules (
  id bigint generated always as identity primary key,
  name text not null,
  current_version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- A rule never changes in place: each edit is a new version, in force from `valid_from`. A posting
-- records the version that produced it; replay uses the version in force at the activity's time.
create table loyalty_rule_versions (
  rule_id bigint not null references loyalty_rules (id),
  version integer not null,
  definition jsonb not null,
  valid_from timestamptz not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (rule_id, version)
);

-- The points ledger 积分, append-only. `points` and `growth` are signed; a posting may move either
-- or both (a rule usually gives both). Every posting has an idempotency key.
create table loyalty_ledger (
  id bigint generated always as identity primary key,
  member_id bigint not null references members (id),
  kind text not null check (kind in ('earn', 'spend', 'expire', 'adjust', 'reverse')),
  points bigint not null default 0,
  growth bigint not null default 0,
  reason text not null,
  rule_id bigint references loyalty_rules (id),
  rule_version integer,
  activity_id bigint,
  order_id bigint references orders (id),
  redemption_id bigint,
  reverses_id bigint references loyalty_ledger (id),
  idempotency_key text not null,
  occurred_at timestamptz not null,
  expires_at timestamptz,
  details jsonb,
  actor text not null,
  created_at timestamptz not null default now()
);
create unique index loyalty_ledger_key_uq on loyalty_ledger (idempotency_key);
create index loyalty_ledger_member_time_idx on loyalty_ledger (member_id, occurred_at desc, id desc);
-- Caps, cooldowns, streaks and first-time bonuses read a member's earlier postings of one rule.
create index loyalty_ledger_rule_idx on loyalty_ledger (member_id, rule_id, occurred_at) include (activity_id, points, growth) where rule_id is not null;
create index loyalty_ledger_order_idx on loyalty_ledger (order_id) where order_id is not null;
create index loyalty_ledger_activity_idx on loyalty_ledger (activity_id) where activity_id is not null;

-- Earned points form lots that expire; spending takes the lots that expire first (FIFO).
-- Invariant: the remaining points of a member's lots add up to max(balance, 0).
create table loyalty_lots (
  posting_id bigint primary key references loyalty_ledger (id),
  member_id bigint not null references members (id),
  amount bigint not null check (amount > 0),
  remaining bigint not null check (remaining >= 0 and remaining <= amount),
  earned_at timestamptz not null,
  expires_at timestamptz
);
create index loyalty_lots_open_idx on loyalty_lots (member_id, (coalesce(expires_at, 'infinity'::timestamptz)), posting_id) where remaining > 0;
create index loyalty_lots_expiry_idx on loyalty_lots (expires_at) where remaining > 0 and expires_at is not null;

-- Growth value per member per calendar month (workspace time zone): the qualification window is a
-- sum of at most a few rows. Maintained with the ledger; verified against it.
create table loyalty_growth_monthly (
  member_id bigint not null references members (id),
  month date not null,
  growth bigint not null,
  primary key (member_id, month)
);

-- Why a member holds the tier they hold: every change with its reason and the values behind it.
create table loyalty_tier_history (
  id bigint generated always as identity primary key,
  member_id bigint not null references members (id),
  from_tier_id bigint references loyalty_tiers (id),
  to_tier_id bigint references loyalty_tiers (id),
  change text not null check (change in ('promoted', 'demoted', 'manual', 'manual_ended')),
  reason text not null,
  details jsonb not null default '{}',
  actor text not null,
  effective_at timestamptz not null
);
create index loyalty_tier_history_member_idx on loyalty_tier_history (member_id, effective_at, id);

-- Manual adjustments 人工调整. Small ones post at once; large ones wait for a second operator.
create table loyalty_adjustments (
  id bigint generated always as identity primary key,
  member_id bigint not null references members (id),
  points bigint not null check (points <> 0),
  reason text not null,
  status text not null check (status in ('pending', 'rejected', 'posted')),
  requested_by_type text not null,
  requested_by_id bigint,
  requested_by text not null,
  decided_by text,
  decided_at timestamptz,
  decision_note text,
  posting_id bigint references loyalty_ledger (id),
  created_at timestamptz not null default now()
);
create index loyalty_adjustments_status_idx on loyalty_adjustments (status, created_at);
create index loyalty_adjustments_member_idx on loyalty_adjustments (member_id);
