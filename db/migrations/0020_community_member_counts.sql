-- Current members per community, kept by triggers as stays begin and end, so a page that shows the
-- size of every community (the overview) reads one row per community instead of counting its
-- current memberships (800,000 of them at 500,000 members) on every request.
--
-- Each statement that writes memberships adds its net change per community, in community order.
-- A batch that opens stays already holds its communities' rows in that order (the ingest path
-- locks them before it writes memberships), so the counter adds no wait of its own. Triggers keep
-- it because every path that writes memberships (ingest, imports, the console, merges) must.
create table community_member_counts (
  community_id bigint primary key references communities (id) on delete cascade,
  members integer not null
);

create function community_count_members() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into community_member_counts as t (community_id, members)
    select community_id, count(*) from new_stays where left_at is null group by 1 order by 1
    on conflict (community_id) do update set members = t.members + excluded.members;
  elsif tg_op = 'DELETE' then
    insert into community_member_counts as t (community_id, members)
    select community_id, -count(*) from old_stays where left_at is null group by 1 order by 1
    on conflict (community_id) do update set members = t.members + excluded.members;
  else
    insert into community_member_counts as t (community_id, members)
    select community_id, sum(n) from (
      select community_id, 1 as n from new_stays where left_at is null
      union all
      select community_id, -1 from old_stays where left_at is null) x
    group by 1 having sum(n) <> 0 order by 1
    on conflict (community_id) do update set members = t.members + excluded.members;
  end if;
  return null;
end $$;

create trigger community_members_inserted after insert on community_memberships
  referencing new table as new_stays for each statement execute function community_count_members();
create trigger community_members_deleted after delete on community_memberships
  referencing old table as old_stays for each statement execute function community_count_members();
create trigger community_members_changed after update on community_memberships
  referencing old table as old_stays new table as new_stays for each statement execute function community_count_members();

insert into community_member_counts (community_id, members)
select c.id, count(m.id) from communities c left join community_memberships m on m.community_id = c.id and m.left_at is null group by c.id;
