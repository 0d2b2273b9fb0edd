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
  -- An operator's assignment wins while valid.
  manual_tier_id bigint references loyalty_tiers (id),
  manual_until timestamptz,
  manual_reason text,
  updated_at timestamptz not null default now()
) with (fillfactor = 80);
create index loyalty_accounts_tier_idx on loyalty_accounts (tier_id);
create index loyalty_accounts_manual_idx on loyalty_accounts (manual_until) where manual_tier_id is not null;

-- Periodic evaluations: one row per period judged, with how far the run has come (members are
-- evaluated in id order and the cursor commits with each chunk, so a run that stopped resumes, and a
-- finished one is not run again). Accounts that do not change are not written at all.
create table loyalty_evaluations (
  period text primary key,
  after_member_id bigint not null default 0,
  evaluated integer not null default 0,
  promoted integer not null default 0,
  demoted integer not null default 0,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);

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

-- Earned points form lots that expire; spending takes the lots that expire first (FIFO).
-- Invariant: the remaining points of a member's lots add up to max(balance, 0).
create table loyalty_lots (
  posting_id bigint primary key references loyalty_ledger (id),
  member_id bigint not null,                -- always its posting's member (moved with it in merges)
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
  -- No foreign keys to tiers here: an evaluation writes a row per change, and the tiers service
  -- refuses to remove a tier that any history row names.
  from_tier_id bigint,
  to_tier_id bigint,
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

-- The credit path in one statement (see ledger.repo.ts creditPostings): postings appended (known
-- idempotency keys skipped), balances and totals added in member order, a lot for each posting
-- that adds points (holding what is left after any debt: max(0, min(points, balance after it))),
-- growth added to the monthly rollup. In a PL/pgSQL function so its plan is prepared once per
-- connection: planning the five-part statement cost more than running it for a single posting.
create function loyalty_credit(p_rows json, p_tz text, p_now timestamptz)
returns table (id bigint, member_id bigint, points bigint, growth bigint, idempotency_key text, occurred_at timestamptz, expires_at timestamptz)
language plpgsql as $$
#variable_conflict use_column
begin
  return query
  with q as (
    select * from json_to_recordset(p_rows) as q(m bigint, k text, p bigint, g bigint, r text, ru bigint, rv int, a bigint, o bigint,
      rd bigint, rs bigint, key text, at timestamptz, ex timestamptz, d json, ac text)),
  ins as (
    insert into loyalty_ledger as l (member_id, kind, points, growth, reason, rule_id, rule_version, activity_id, order_id, redemption_id,
      reverses_id, idempotency_key, occurred_at, expires_at, details, actor)
    select q.m, q.k, q.p, q.g, q.r, q.ru, q.rv, q.a, q.o, q.rd, q.rs, q.key, q.at, q.ex, q.d::jsonb, q.ac from q
    on conflict (idempotency_key) do nothing
    returning l.id, l.member_id, l.points, l.growth, l.idempotency_key, l.occurred_at, l.expires_at),
  acc as (
    insert into loyalty_accounts as a (member_id, points_balance, growth_lifetime, updated_at)
    select ins.member_id, sum(ins.points), sum(ins.growth), p_now from ins group by ins.member_id order by ins.member_id
    on conflict on constraint loyalty_accounts_pkey do update set
      points_balance = a.points_balance + excluded.points_balance,
      growth_lifetime = a.growth_lifetime + excluded.growth_lifetime,
      updated_at = excluded.updated_at
    returning a.member_id, a.points_balance),
  lots as (
    insert into loyalty_lots (posting_id, member_id, amount, remaining, earned_at, expires_at)
    select i.id, i.member_id, i.points,
      greatest(0, least(i.points, acc.points_balance - coalesce(sum(i.points) over (partition by i.member_id order by i.id desc rows between unbounded preceding and 1 preceding), 0))),
      i.occurred_at, i.expires_at
    from ins i join acc on acc.member_id = i.member_id where i.points > 0
    returning posting_id),
  gm as (
    insert into loyalty_growth_monthly as x (member_id, month, growth)
    select ins.member_id, date_trunc('month', ins.occurred_at at time zone p_tz)::date, sum(ins.growth) from ins where ins.growth <> 0 group by 1, 2 order by 1, 2
    on conflict on constraint loyalty_growth_monthly_pkey do update set growth = x.growth + excluded.growth
    returning x.member_id)
  -- Every data-modifying part of a WITH runs to completion, whether the final select reads it or not.
  select ins.id, ins.member_id, ins.points, ins.growth, ins.idempotency_key, ins.occurred_at, ins.expires_at from ins;
end $$;
