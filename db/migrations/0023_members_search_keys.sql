-- Finding people the way operators type (docs/members.md → search):
-- * pinyin: `lxy` / `lixinyi` / `xinyi` → 李欣怡. Each member's pinyin search keys (every prefix of
--   two letters or more of the name's and nickname's spelling and initials, from each syllable on)
--   are worked out by Kith when a profile is written; null means not worked out yet (profiles from
--   before this migration are filled in the background). A search is one GIN containment lookup.
-- * phone: a prefix or a suffix of four digits or more, through pattern indexes on the number and
--   on its reverse (equality uses the first, so the plain phone index goes).
alter table members add column name_pinyin text[];
create index members_name_pinyin_idx on members using gin (name_pinyin);
create index members_name_pinyin_todo_idx on members (id)
  where name_pinyin is null and (name is not null or nickname is not null);
create index members_phone_prefix_idx on members (phone text_pattern_ops) where phone is not null;
create index members_phone_suffix_idx on members (reverse(phone) text_pattern_ops) where phone is not null;
drop index members_phone_idx;
