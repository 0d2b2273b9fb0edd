-- Imports: the uploaded file is kept on disk while its import runs, and the process running it
-- holds a lease, so an import left `running` by a process that died is resumed at the next start
-- (by whichever copy of Kith sees the lease expire), or marked `interrupted` when its file is gone.
alter table imports drop constraint imports_status_check;
alter table imports add constraint imports_status_check check (status in ('running', 'completed', 'failed', 'interrupted'));
alter table imports
  add column upload_path text,          -- the stored upload; null once the import no longer needs it
  add column file_size bigint,
  add column owner text,                -- host:pid of the process running it
  add column heartbeat_at timestamptz;  -- renewed with every committed chunk
create index imports_running_idx on imports (heartbeat_at) where status = 'running';
