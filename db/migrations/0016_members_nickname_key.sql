-- Duplicate suggestions by nickname (search.repo.ts `duplicateGroups`): live members grouped by
-- their nickname ignoring case and surrounding spaces. The index is in key order with the id, so
-- the workspace-wide grouping is one index-only walk without a sort, and a community's members
-- are matched by key without reading their rows.
create index members_nickname_key_idx on members ((lower(btrim(nickname))), id)
  where merged_into is null and erased_at is null and nickname is not null;
