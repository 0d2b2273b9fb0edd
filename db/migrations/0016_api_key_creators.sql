-- API keys: which key made a key. A key (or a person) grants only scopes it holds itself, and a key
-- works only while everyone up its line of creators still could: revoking a key stops the keys it
-- made, disabling a person stops the keys they made, and a person's lost permissions leave their
-- keys too. `created_by` (a staff account) was already kept; keys made by another key now name it.
alter table api_keys add column created_by_key bigint references api_keys (id);
create index api_keys_created_by_key_idx on api_keys (created_by_key) where created_by_key is not null;
