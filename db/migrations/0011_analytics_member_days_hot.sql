-- Analytics: the daily rollup updated in place. Batches add to today's member-day rows again and
-- again; with an index on `meaningful` (the partial index of 0008 names it in its predicate) every
-- such update wrote a new entry into each of the table's indexes. One index on member, community
-- and day, without a predicate, serves every lookup of a member's days (previous and next active
-- day, merges, segments, the funnel); the free fifth of each page lets the updates stay on it.
drop index analytics_member_days_active_idx;
drop index analytics_member_days_member_idx;
create index analytics_member_days_member_idx on analytics_member_days (member_id, community_id, day);
alter table analytics_member_days set (fillfactor = 80);
