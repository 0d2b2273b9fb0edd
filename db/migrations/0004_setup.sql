-- First-run setup: while Kith has no staff account, `kith start` prints a one-time link that lets
-- whoever holds it create the owner in the browser. Only the link's holder can, not whoever
-- reaches the server first.

create table setup_tokens (
  -- One token at a time: issuing a new one replaces the old, even when two copies of Kith start
  -- together, and every setup attempt locks the same row.
  singleton boolean primary key default true check (singleton),
  token_hash text not null,                 -- sha256 of the token; the token itself is never stored
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
