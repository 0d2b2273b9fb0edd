-- Analytics: the last RFM scoring records what it computed. Scores are taken as of a workspace day
-- (by default today; an earlier day scores imported history), over the whole days of the window
-- ending on it. A scoring that finds no buyer writes no member row, so without this record it left
-- no sign it ran: the run keeps when it ran, the day, the window and how many it scored (maybe 0).
-- One row: every scoring replaces the member rows and this record in the same transaction, so the
-- member rows always carry the run's as-of day.
create table analytics_rfm_run (
  id integer primary key default 1 check (id = 1),
  computed_at timestamptz not null,
  as_of date not null,
  window_from date not null,
  window_to date not null,
  window_days integer not null check (window_days >= 1),
  scored integer not null check (scored >= 0),
  check (window_to = as_of and window_from = as_of - (window_days - 1))
);

-- Scores computed before this record existed were taken at their computed_at with a rolling window:
-- their as-of day is the day they ran in the workspace time zone (the one the rollups were last
-- built for, else Asia/Shanghai, the default), their window the days ending on it.
insert into analytics_rfm_run (computed_at, as_of, window_from, window_to, window_days, scored)
select r.at, r.day, r.day - (s.rfm_window_days - 1), r.day, s.rfm_window_days, r.n
from (
  select max(computed_at) as at, count(*)::int as n,
    (max(computed_at) at time zone coalesce(
      (select nullif(split_part(rollup_basis, '|', 1), '') from analytics_settings where id = 1), 'Asia/Shanghai'))::date as day
  from analytics_member_rfm) r
cross join analytics_settings s
where s.id = 1 and r.n > 0;
