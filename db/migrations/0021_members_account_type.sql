-- A profile can be the brand's own: a staff member's account (员工) or an official account (官方账号)
-- that posts in the groups. They stay in the member list, but member figures — counts, rates and
-- rankings — leave them out (docs/metrics.md). Few rows, so the reports find them through a small
-- partial index and subtract what they did from the rollups.
alter table members add column account_type text not null default 'member'
  check (account_type in ('member', 'staff', 'official'));
create index members_internal_idx on members (id) where account_type <> 'member';
