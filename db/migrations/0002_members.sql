-- Members: search by a fragment of a Chinese name, and the orders the member list sorts by.
-- The plans these serve, on 1,000,000 members, are in src/modules/members/QUERIES.md.

-- Name search. Chinese names are two or three characters, and an operator types one or two of them
-- (小林 should find 小林子). A trigram index cannot serve a fragment shorter than three characters,
-- and pg_trgm is not available in the embedded database, so the index holds every single character
-- and every pair of adjacent characters of the name and nickname, lower-cased. A search looks up
-- the pairs of the fragment (or its one character) and checks the survivors with ILIKE.
create function member_name_grams(t text) returns text[]
language sql immutable parallel safe as $$
  select coalesce(array_agg(distinct substr(x.s, i, n)), '{}')
  from (select lower(coalesce(t, '')) as s) x
  cross join lateral generate_series(1, length(x.s)) as i
  cross join (values (1), (2)) as w(n)
  where i + n - 1 <= length(x.s)
$$;

-- The grams a fragment must have: its adjacent pairs, or the character itself when it is one.
create function member_query_grams(q text) returns text[]
language sql immutable parallel safe as $$
  select case when length(q) < 2 then array[lower(q)]
    else array(select distinct substr(lower(q), i, 2) from generate_series(1, length(q) - 1) as i) end
$$;

create index members_name_grams_idx on members
  using gin (member_name_grams(coalesce(name, '') || ' ' || coalesce(nickname, '')))
  where merged_into is null and erased_at is null;

-- Keyset sorts of the list. Never-active members sort as the oldest activity, unnamed ones by
-- nickname; the expressions match the ORDER BY of search.repo.ts exactly.
create index members_last_active_sort_idx on members ((coalesce(last_active_at, '-infinity'::timestamptz)), id)
  where merged_into is null and erased_at is null;
create index members_name_sort_idx on members ((coalesce(name, nickname, '')), id)
  where merged_into is null and erased_at is null;

-- Following merges back: which members were merged into this one (erasure, personal-data requests).
create index members_merged_into_idx on members (merged_into) where merged_into is not null;
