-- Analytics 数据分析: the settings behind every metric's definition (docs/metrics.md), and the rollups
-- dashboards read instead of raw history, kept up to date as activities arrive.

create table analytics_settings (
  id integer primary key default 1 check (id = 1),
  -- Kinds that make a member "active" (a join, a leave or a refund alone does not).
  meaningful_kinds text[] not null default array['message', 'reaction', 'check_in', 'event_registered', 'event_attended',
    'purchase', 'survey_response', 'referral'],
  -- RFM looks at orders of the last N days.
  rfm_window_days integer not null default 365 check (rfm_window_days >= 1),
  -- The time zone and meaningful kinds the rollups were last rebuilt for; when they differ from
  -- the running settings, Kith rebuilds the rollups from raw history.
  rollup_basis text,
  updated_at timestamptz not null default now()
);
insert into analytics_settings (id) values (1);

-- Per member, per day (workspace time zone), per community: what they did. community_id 0 holds the
-- member's whole day across every community and outside them, so workspace-wide figures read one
-- row per member-day instead of de-duplicating across communities.
create table analytics_member_days (
  community_id bigint not null,
  day date not null,
  member_id bigint not null,
  activities integer not null,
  meaningful integer not null,
  messages integer not null,
  primary key (community_id, day, member_id)
);
create index analytics_member_days_member_idx on analytics_member_days (member_id, day);

-- RFM layers 分层 with their operating strategy; names and strategies are editable.
create table analytics_rfm_layers (
  key text primary key,
  name_zh text not null,
  name_en text not null,
  strategy_zh text not null,
  strategy_en text not null,
  updated_at timestamptz not null default now()
);

-- The latest RFM scoring of every buyer (recomputed on demand and nightly).
create table analytics_member_rfm (
  member_id bigint primary key,
  recency_days integer not null,
  frequency integer not null,
  monetary numeric(14, 2) not null,
  r smallint not null check (r between 1 and 5),
  f smallint not null check (f between 1 and 5),
  m smallint not null check (m between 1 and 5),
  layer text not null,
  computed_at timestamptz not null
);
create index analytics_member_rfm_layer_idx on analytics_member_rfm (layer);
