-- Analytics: distinct-member counts over any period, cohort retention and the lifecycle funnel, kept
-- fast at millions of members by aggregates the daily rollup maintains as activities arrive
-- (docs/metrics.md, "How the figures stay fast").

-- Lifecycle definitions: activated = at least N meaningful activities within D days of joining;
-- dormant / churned = no meaningful activity for that many days.
alter table analytics_settings
  add column activation_min_activities integer not null default 3 check (activation_min_activities between 1 and 1000),
  add column activation_days integer not null default 14 check (activation_days between 1 and 365),
  add column dormant_days integer not null default 30 check (dormant_days between 1 and 3650),
  add column churned_days integer not null default 90 check (churned_days between 2 and 3650),
  add column lifecycle_updated_at timestamptz,
  add constraint analytics_settings_churn_after_dormant check (churned_days > dormant_days);

-- Per community (0 = workspace) and day: how many members were active that day, by the gap in days
-- since their previous active day there (400 = none in the 400 days before, or never). The members
-- active at least once in [a, b] are then Σ over days d in [a, b] of the members whose gap exceeds
-- d − a: each member counts on their first active day of the period, without reading member rows.
create table analytics_active_gaps (
  community_id bigint not null,
  day date not null,
  gap smallint not null check (gap between 1 and 400),
  members integer not null,
  primary key (community_id, day, gap)
);

-- Per community (0 = workspace) and day: activity totals, so daily series read one row per day.
create table analytics_community_days (
  community_id bigint not null,
  day date not null,
  activities integer not null,
  meaningful integer not null,
  messages integer not null,
  primary key (community_id, day)
);

-- Cohort retention: members of the cohort that joined in week / month `cohort` (its first day) who
-- were active in the `period`-th week / month after it (0 = the joining one).
create table analytics_cohort_cells (
  community_id bigint not null,
  grain text not null check (grain in ('week', 'month')),
  cohort date not null,
  period integer not null check (period >= 0),
  members integer not null,
  primary key (community_id, grain, cohort, period)
);

-- A member's previous and next active day in a community, for the aggregates above.
create index analytics_member_days_active_idx on analytics_member_days (member_id, community_id, day) where meaningful > 0;

-- The join day each member's cohort cells were placed by, per community (0 = workspace). When an
-- activity backdates a stay (older history arriving later), the member's cells move to the new
-- cohort in the same step that adds the activity.
create table analytics_member_joins (
  community_id bigint not null,
  member_id bigint not null,
  joined date,
  primary key (community_id, member_id)
);
