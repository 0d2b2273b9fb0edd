-- Communities: the rules the communities module relies on, held by the database too.

-- The channels a community can live on (the API refuses others; this keeps imports and scripts honest).
alter table communities add constraint communities_channel_check
  check (channel in ('wechat', 'wecom', 'qq', 'forum', 'email', 'weibo', 'douyin', 'kuaishou', 'dingtalk', 'slack', 'discord', 'other'));

-- Importers find a chat's community by its group name on the channel.
create index communities_channel_name_idx on communities (channel, lower(name));

-- A community has one owner (群主), staff or member.
create unique index community_admins_owner_uq on community_admins (community_id) where role = 'owner';

-- Merging members finds their admin rows and the memberships they invited others into.
create index community_admins_member_idx on community_admins (member_id) where member_id is not null;
create index community_memberships_invited_by_idx on community_memberships (invited_by_member_id) where invited_by_member_id is not null;

-- Current members newest first, keyset-paged on (joined_at, id).
create index community_memberships_current_joined_idx on community_memberships (community_id, joined_at desc, id desc) where left_at is null;
