-- Duplicate suggestions by nickname (search.repo.ts `duplicateGroups`): live members grouped by
-- their nickname ignoring case and surrounding spaces. Key order with the id, and the nickname
-- itself carried along, make the workspace-wide grouping one index-only walk without a sort
-- (an expression index alone cannot serve an index-only scan of a query naming the column).
create index members_nickname_key_idx on members ((lower(btrim(nickname))), id) include (nickname)
  where merged_into is null and erased_at is null and nickname is not null;
