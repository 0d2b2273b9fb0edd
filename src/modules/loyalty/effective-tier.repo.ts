import { sql, type RawBuilder } from 'kysely';

/**
 * A member's tier at `now`, as loyalty defines it (domain/tiers.ts `effectiveTier`): the manual
 * assignment while it lasts, else the tier earned by growth value, else — no account, or none
 * earned — the entry tier, the lowest threshold. `account` is the alias of the member's
 * `loyalty_accounts` row, left-joined by the caller (null when the member has none). The one SQL
 * form of the rule: reports of other modules read tiers through it.
 */
export function effectiveTierSql(account: string, now: Date): RawBuilder<number | null> {
  const a = sql.ref(account);
  return sql<number | null>`coalesce(
    case when ${a}.manual_tier_id is not null and (${a}.manual_until is null or ${a}.manual_until > ${now}::timestamptz) then ${a}.manual_tier_id end,
    ${a}.tier_id,
    (select t.id from loyalty_tiers t order by t.threshold limit 1))`;
}
