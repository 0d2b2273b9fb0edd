-- Analytics: the number of member profiles created in each quarter of an hour, kept as profiles
-- are created, merged, erased or deleted, so "members at the end of the period" and the size of
-- every join cohort read a few thousand rows instead of counting a million profiles
-- (docs/metrics.md, "How the figures stay fast").
--
-- A profile counts while it is not merged into another (`profiles`); an erased one still counts as
-- having joined, and `erased` says how many of them are erased. A quarter of an hour is the finest
-- cut any time zone needs: every zone's midnight falls on one, so the day a bucket falls on is the
-- day of every profile in it, whatever the workspace's zone.
--
-- Rows are deltas, appended and never updated, so concurrent imports and ingests never wait for one
-- another on a counter row; the nightly job folds them into one row per bucket. Triggers keep them
-- because every module that writes profiles (import, identity resolution, merge, erasure) must,
-- and one missed path would make the figures drift.
create table analytics_profile_counts (
  bucket timestamptz not null,
  profiles integer not null,
  erased integer not null
);
create index analytics_profile_counts_bucket_idx on analytics_profile_counts (bucket);

create function analytics_count_profiles() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into analytics_profile_counts (bucket, profiles, erased)
    select date_bin('15 minutes', created_at, timestamptz '2000-01-01 00:00+00'), count(*), count(*) filter (where erased_at is not null)
    from new_profiles where merged_into is null group by 1;
  elsif tg_op = 'DELETE' then
    insert into analytics_profile_counts (bucket, profiles, erased)
    select date_bin('15 minutes', created_at, timestamptz '2000-01-01 00:00+00'), -count(*), -count(*) filter (where erased_at is not null)
    from old_profiles where merged_into is null group by 1;
  else
    -- One row at a time: an update names no transition table when it lists its columns.
    insert into analytics_profile_counts (bucket, profiles, erased)
    select date_bin('15 minutes', b, timestamptz '2000-01-01 00:00+00'), sum(p), sum(e) from (
      select old.created_at as b, -1 as p, -(old.erased_at is not null)::int as e where old.merged_into is null
      union all
      select new.created_at, 1, (new.erased_at is not null)::int where new.merged_into is null) x
    group by 1;
  end if;
  return null;
end $$;

create trigger analytics_profiles_inserted after insert on members
  referencing new table as new_profiles for each statement execute function analytics_count_profiles();
create trigger analytics_profiles_deleted after delete on members
  referencing old table as old_profiles for each statement execute function analytics_count_profiles();
create trigger analytics_profiles_changed after update of created_at, merged_into, erased_at on members
  for each row when (old.created_at is distinct from new.created_at or old.merged_into is distinct from new.merged_into
    or (old.erased_at is null) <> (new.erased_at is null))
  execute function analytics_count_profiles();

insert into analytics_profile_counts (bucket, profiles, erased)
select date_bin('15 minutes', created_at, timestamptz '2000-01-01 00:00+00'), count(*), count(*) filter (where erased_at is not null)
from members where merged_into is null group by 1;
