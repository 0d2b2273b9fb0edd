-- Loyalty: a credit also returns each member's earned tier and lifetime growth after it.
-- Promotion after a credit used to read, for every member who gained growth, the account and the
-- growth months of the window: in a rule batch of the bench, 300,000 members probed for no
-- promotion at all, a fifth of the batch's time. The window's growth never exceeds lifetime
-- growth (growth taken back is always dated no earlier than the posting it reverses, so every
-- run of months from the first has a sum of at least zero), so a member whose lifetime growth is
-- below the next tier's threshold cannot be promoted and is not read again. The account row is
-- already in hand in the credit: returning its tier and total costs nothing.
-- The writes are those of 0014, unchanged.
drop function loyalty_credit(bigint[], text[], bigint[], bigint[], text[], bigint[], int[], bigint[], bigint[], bigint[], bigint[], text[],
  float8[], float8[], text[], jsonb, text, timestamptz);

create function loyalty_credit(
  p_member bigint[], p_kind text[], p_points bigint[], p_growth bigint[], p_reason text[], p_rule bigint[], p_rule_version int[],
  p_activity bigint[], p_order bigint[], p_redemption bigint[], p_reverses bigint[], p_key text[], p_at_ms float8[],
  p_expires_ms float8[], p_actor text[], p_details jsonb, p_tz text, p_now timestamptz)
returns table (id bigint, member_id bigint, growth bigint, tier_id bigint, growth_lifetime bigint)
language plpgsql as $$
#variable_conflict use_column
declare
  v_id bigint;
  v_balance bigint;
  v_tier bigint;
  v_lifetime bigint;
  v_at timestamptz;
  v_expires timestamptz;
begin
  if cardinality(p_member) = 1 then
    v_at := to_timestamp(p_at_ms[1] / 1000);
    v_expires := to_timestamp(p_expires_ms[1] / 1000);
    insert into loyalty_ledger as l (member_id, kind, points, growth, reason, rule_id, rule_version, activity_id, order_id, redemption_id,
      reverses_id, idempotency_key, occurred_at, expires_at, details, actor)
    values (p_member[1], p_kind[1], p_points[1], p_growth[1], p_reason[1], p_rule[1], p_rule_version[1], p_activity[1], p_order[1],
      p_redemption[1], p_reverses[1], p_key[1], v_at, v_expires, nullif(p_details -> 0, 'null'::jsonb), p_actor[1])
    on conflict (idempotency_key) do nothing
    returning l.id into v_id;
    if v_id is null then return; end if;
    insert into loyalty_accounts as a (member_id, points_balance, growth_lifetime, updated_at)
    values (p_member[1], p_points[1], p_growth[1], p_now)
    on conflict on constraint loyalty_accounts_pkey do update set
      points_balance = a.points_balance + excluded.points_balance,
      growth_lifetime = a.growth_lifetime + excluded.growth_lifetime,
      updated_at = excluded.updated_at
    returning a.points_balance, a.tier_id, a.growth_lifetime into v_balance, v_tier, v_lifetime;
    if p_points[1] > 0 then
      insert into loyalty_lots (posting_id, member_id, amount, remaining, earned_at, expires_at)
      values (v_id, p_member[1], p_points[1], greatest(0, least(p_points[1], v_balance)), v_at, v_expires);
    end if;
    if p_growth[1] <> 0 then
      insert into loyalty_growth_monthly as x (member_id, month, growth)
      values (p_member[1], date_trunc('month', v_at at time zone p_tz)::date, p_growth[1])
      on conflict on constraint loyalty_growth_monthly_pkey do update set growth = x.growth + excluded.growth;
    end if;
    id := v_id;
    member_id := p_member[1];
    growth := p_growth[1];
    tier_id := v_tier;
    growth_lifetime := v_lifetime;
    return next;
    return;
  end if;

  return query
  with q as (
    select * from loyalty_posting_rows(p_member, p_kind, p_points, p_growth, p_reason, p_rule, p_rule_version, p_activity, p_order,
      p_redemption, p_reverses, p_key, p_at_ms, p_expires_ms, p_actor, p_details)),
  ins as (
    insert into loyalty_ledger as l (member_id, kind, points, growth, reason, rule_id, rule_version, activity_id, order_id, redemption_id,
      reverses_id, idempotency_key, occurred_at, expires_at, details, actor)
    select q.m, q.k, q.p, q.g, q.r, q.ru, q.rv, q.a, q.o, q.rd, q.rs, q.key, q.at, q.ex, q.d, q.ac from q
    on conflict (idempotency_key) do nothing
    returning l.id, l.member_id, l.points, l.growth, l.idempotency_key, l.occurred_at, l.expires_at),
  acc as (
    insert into loyalty_accounts as a (member_id, points_balance, growth_lifetime, updated_at)
    select ins.member_id, sum(ins.points), sum(ins.growth), p_now from ins group by ins.member_id order by ins.member_id
    on conflict on constraint loyalty_accounts_pkey do update set
      points_balance = a.points_balance + excluded.points_balance,
      growth_lifetime = a.growth_lifetime + excluded.growth_lifetime,
      updated_at = excluded.updated_at
    returning a.member_id, a.points_balance, a.tier_id, a.growth_lifetime),
  lots as (
    insert into loyalty_lots (posting_id, member_id, amount, remaining, earned_at, expires_at)
    select i.id, i.member_id, i.points,
      greatest(0, least(i.points, acc.points_balance - coalesce(sum(i.points) over (partition by i.member_id order by i.id desc rows between unbounded preceding and 1 preceding), 0))),
      i.occurred_at, i.expires_at
    from ins i join acc on acc.member_id = i.member_id where i.points > 0
    returning posting_id),
  gm as (
    insert into loyalty_growth_monthly as x (member_id, month, growth)
    select ins.member_id, date_trunc('month', ins.occurred_at at time zone p_tz)::date, sum(ins.growth) from ins where ins.growth <> 0 group by 1, 2 order by 1, 2
    on conflict on constraint loyalty_growth_monthly_pkey do update set growth = x.growth + excluded.growth
    returning x.member_id)
  -- Every data-modifying part of a WITH runs to completion, whether the final select reads it or not.
  -- Only what the callers use comes back: the new ids, who gained growth, and their account after
  -- the batch (promotion).
  select ins.id, ins.member_id, ins.growth, acc.tier_id, acc.growth_lifetime from ins join acc on acc.member_id = ins.member_id;
end $$;
