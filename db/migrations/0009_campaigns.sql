-- Campaigns 营销活动: a tagged campaign or event with its dates and cost, so analytics can report the
-- revenue attributed to it and its ROI (docs/metrics.md, "Business impact and campaign ROI").
-- The tag marks the members the campaign reached; orders are attributed by the rule written there.

create table analytics_campaigns (
  id bigint generated always as identity primary key,
  name text not null check (length(btrim(name)) > 0),
  -- Deleting the tag keeps the campaign and its cost; with no tag it has nothing attributed.
  tag_id bigint references tags (id) on delete set null,
  starts_on date not null,
  ends_on date not null,
  -- Orders placed up to this many days after the last day still count.
  attribution_days integer not null default 7 check (attribution_days between 0 and 365),
  cost numeric(14, 2) not null default 0 check (cost >= 0),
  currency text not null default 'CNY',
  notes text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  check (ends_on >= starts_on)
);
create index analytics_campaigns_tag_idx on analytics_campaigns (tag_id);
