-- The getting-started checklist on the overview (概览 → 开始使用): each staff member may put it away
-- once they no longer need it; until then it shows what is done and what is next.
create table overview_checklist_dismissals (
  staff_id bigint primary key references staff_users (id) on delete cascade,
  dismissed_at timestamptz not null default now()
);
