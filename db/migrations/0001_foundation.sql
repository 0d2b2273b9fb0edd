-- Kith foundation: staff and access, members, communities, the activity stream, orders,
-- imports, background jobs and the outbox.

-- ───────────── access ─────────────
create table staff_users (
  id bigint generated always as identity primary key,
  email text not null,
  name text not null,
  role text not null check (role in ('owner', 'admin', 'operator', 'analyst', 'community_manager')),
  password_hash text not null,
  disabled_at timestamptz,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index staff_users_email_uq on staff_users (lower(email));

create table staff_sessions (
  id text primary key,                      -- sha256 of the cookie token; the token itself is never stored
  staff_id bigint not null references staff_users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index staff_sessions_staff_idx on staff_sessions (staff_id);

create table login_failures (
  id bigint generated always as identity primary key,
  key text not null,                        -- lower(email) + '|' + ip
  failed_at timestamptz not null default now()
);
create index login_failures_key_idx on login_failures (key, failed_at);

create table api_keys (
  id bigint generated always as identity primary key,
  name text not null,
  prefix text not null,                     -- first characters, shown in lists to recognise a key
  key_hash text not null unique,            -- sha256 of the whole key
  scopes text[] not null,
  created_by bigint references staff_users (id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table audit_log (
  id bigint generated always as identity primary key,
  actor_type text not null check (actor_type in ('staff', 'api_key', 'system')),
  actor_id bigint,
  actor_label text not null,
  action text not null,                     -- e.g. member.update, tag.create, community.archive
  target_type text not null,
  target_id text,
  before jsonb,
  after jsonb,
  request_id text,
  occurred_at timestamptz not null default now()
);
create index audit_log_time_idx on audit_log (occurred_at desc, id desc);
create index audit_log_target_idx on audit_log (target_type, target_id);
create index audit_log_actor_idx on audit_log (actor_type, actor_id);

-- ───────────── communities ─────────────
create table communities (
  id bigint generated always as identity primary key,
  name text not null,
  channel text not null,
  positioning_type text not null check (positioning_type in ('product', 'interest', 'knowledge')),
  goal text not null check (goal in ('after_sales', 'product_feedback', 'interaction', 'brand')),
  stage text not null default 'launch' check (stage in ('launch', 'growth', 'mature')),
  description text not null default '',
  rules_text text not null default '',
  capacity integer check (capacity is null or capacity > 0),
  external_id text,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index communities_external_uq on communities (channel, external_id) where external_id is not null;

create table staff_community_assignments (
  staff_id bigint not null references staff_users (id) on delete cascade,
  community_id bigint not null references communities (id) on delete cascade,
  primary key (staff_id, community_id)
);
create index staff_community_assignments_community_idx on staff_community_assignments (community_id);

-- ───────────── members ─────────────
create table members (
  id bigint generated always as identity primary key,
  name text,
  nickname text,
  avatar_url text,
  gender text not null default 'unknown' check (gender in ('male', 'female', 'other', 'unknown')),
  birthday date,
  phone text,
  email text,
  city text,
  company text,
  attributes jsonb not null default '{}',
  source text,
  consent_marketing boolean not null default false,
  consent_data_processing boolean not null default false,
  lifecycle_stage text not null default 'acquired'
    check (lifecycle_stage in ('acquired', 'activated', 'retained', 'monetised', 'dormant', 'churned')),
  merged_into bigint references members (id),
  erased_at timestamptz,
  last_active_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
) with (fillfactor = 80);  -- room on each page so last-active updates stay HOT (no index rewrites)
create index members_phone_idx on members (phone) where phone is not null;
create index members_email_idx on members (lower(email)) where email is not null;
create index members_name_idx on members (name);
create index members_created_idx on members (created_at, id);
create index members_stage_idx on members (lifecycle_stage);

create table member_identities (
  id bigint generated always as identity primary key,
  member_id bigint not null references members (id),
  channel text not null check (channel in ('wechat', 'wecom', 'qq', 'phone', 'email', 'forum', 'slack', 'discord', 'douyin', 'weibo', 'dingtalk', 'other')),
  external_id text not null,
  display_name text,
  created_at timestamptz not null default now(),
  unique (channel, external_id)
);
create index member_identities_member_idx on member_identities (member_id);

create table tags (
  id bigint generated always as identity primary key,
  name text not null,
  color text not null default '#1677ff',
  created_at timestamptz not null default now()
);
create unique index tags_name_uq on tags (lower(name));

create table member_tags (
  member_id bigint not null references members (id),
  tag_id bigint not null references tags (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (member_id, tag_id)
);
create index member_tags_tag_idx on member_tags (tag_id, member_id);

create table attribute_definitions (
  key text primary key check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  label text not null,
  type text not null check (type in ('string', 'number', 'boolean', 'date', 'enum')),
  options jsonb not null default '[]',
  required boolean not null default false,
  created_at timestamptz not null default now()
);

create table member_merges (
  id bigint generated always as identity primary key,
  survivor_id bigint not null references members (id),
  merged_id bigint not null references members (id),
  snapshot jsonb not null,                  -- everything needed to undo: moved rows and overwritten fields
  merged_by text not null,
  merged_at timestamptz not null default now(),
  undone_at timestamptz,
  undone_by text
);
create index member_merges_survivor_idx on member_merges (survivor_id);
create index member_merges_merged_idx on member_merges (merged_id);

-- ───────────── memberships ─────────────
create table community_memberships (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities (id),
  member_id bigint not null references members (id),
  role text not null default 'member' check (role in ('owner', 'admin', 'core', 'member')),
  join_source text not null default 'manual' check (join_source in ('invited', 'qr_code', 'import', 'manual', 'activity')),
  invited_by_member_id bigint references members (id),
  joined_at timestamptz not null,
  left_at timestamptz,
  check (left_at is null or left_at >= joined_at)
);
create unique index community_memberships_current_uq on community_memberships (community_id, member_id) where left_at is null;
create index community_memberships_member_idx on community_memberships (member_id);
create index community_memberships_joined_idx on community_memberships (community_id, joined_at);
create index community_memberships_left_idx on community_memberships (community_id, left_at) where left_at is not null;

create table community_admins (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities (id) on delete cascade,
  staff_id bigint references staff_users (id) on delete cascade,
  member_id bigint references members (id),
  role text not null check (role in ('owner', 'admin')),
  check ((staff_id is null) <> (member_id is null))
);
create unique index community_admins_staff_uq on community_admins (community_id, staff_id) where staff_id is not null;
create unique index community_admins_member_uq on community_admins (community_id, member_id) where member_id is not null;

-- ───────────── activity stream ─────────────
create table activities (
  id bigint generated always as identity primary key,
  member_id bigint not null references members (id),
  community_id bigint references communities (id),
  channel text not null,
  kind text not null check (kind in ('message', 'reaction', 'check_in', 'join', 'leave', 'event_registered', 'event_attended',
    'purchase', 'refund', 'survey_response', 'content_view', 'referral', 'custom')),
  occurred_at timestamptz not null,
  properties jsonb not null default '{}',
  source text not null,
  external_id text not null,
  created_at timestamptz not null default now()
);
-- The idempotency key: the same (source, external id) is one activity, however often it is sent.
create unique index activities_source_external_uq on activities (source, external_id);
create index activities_member_time_idx on activities (member_id, occurred_at desc);
create index activities_community_time_idx on activities (community_id, occurred_at) where community_id is not null;
create index activities_time_idx on activities (occurred_at);

create table orders (
  id bigint generated always as identity primary key,
  source text not null,
  order_id text not null,                   -- the order number in the source system
  member_id bigint not null references members (id),
  community_id bigint references communities (id),
  amount numeric(14, 2) not null check (amount >= 0),
  refunded_amount numeric(14, 2) not null default 0 check (refunded_amount >= 0),
  currency text not null default 'CNY',
  items jsonb not null default '[]',
  status text not null default 'paid' check (status in ('paid', 'partially_refunded', 'refunded')),
  ordered_at timestamptz not null,
  refunded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (source, order_id)
);
create index orders_member_idx on orders (member_id, ordered_at);
create index orders_time_idx on orders (ordered_at);

-- ───────────── imports ─────────────
create table imports (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('members', 'orders', 'chat')),
  format text not null,
  file_name text not null,
  file_sha256 text not null,
  status text not null default 'running' check (status in ('running', 'completed', 'failed')),
  total_rows integer not null default 0,
  processed_rows integer not null default 0,  -- resume point: rows before it are committed
  created_rows integer not null default 0,
  updated_rows integer not null default 0,
  duplicate_rows integer not null default 0,
  rejected_rows integer not null default 0,
  skipped_rows integer not null default 0,   -- e.g. system notices in a chat log
  options jsonb not null default '{}',
  error text,
  started_by text not null,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create unique index imports_file_uq on imports (kind, file_sha256, (options::text));

create table import_rejections (
  import_id bigint not null references imports (id) on delete cascade,
  line integer not null,
  reason text not null,
  raw text,
  primary key (import_id, line)
);

-- ───────────── jobs and outbox ─────────────
create table outbox_events (
  id bigint generated always as identity primary key,
  topic text not null,
  payload jsonb not null,
  created_at timestamptz not null default now()
);

create table jobs (
  id bigint generated always as identity primary key,
  queue text not null,
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'done', 'failed')),
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 10,
  last_error text,
  dedupe_key text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_ready_idx on jobs (run_at, id) where status = 'queued';
create unique index jobs_dedupe_uq on jobs (queue, dedupe_key) where dedupe_key is not null;
