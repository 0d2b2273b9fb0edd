import { sql, type Insertable, type Updateable } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import type { LoyaltyBadgesTable } from '../../kernel/db/tables.js';
import { liveMember } from '../members/index.js';
import type { BadgeCriteria } from './domain/badges.js';

/** SQL of badges 徽章 and honour titles: the catalogue, awards (automatic and by hand) and revocation. */

/** Every badge with how many members hold it now. */
export async function badgesWithHolders(tx: Tx) {
  return tx
    .selectFrom('loyalty_badges as b')
    .selectAll('b')
    .select((eb) =>
      eb
        .selectFrom('loyalty_member_badges as mb')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('mb.badge_id', '=', 'b.id')
        .where('mb.revoked_at', 'is', null)
        .as('holders'),
    )
    .orderBy('b.id')
    .execute();
}

export async function insertBadge(tx: Tx, row: Insertable<LoyaltyBadgesTable>) {
  return tx.insertInto('loyalty_badges').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findBadge(tx: Tx, id: number, lock = false) {
  let q = tx.selectFrom('loyalty_badges').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateBadge(tx: Tx, id: number, set: Updateable<LoyaltyBadgesTable>) {
  return tx.updateTable('loyalty_badges').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Badges awarded by their criteria (not archived). */
export async function automaticBadges(tx: Tx) {
  return tx
    .selectFrom('loyalty_badges')
    .selectAll()
    .where('archived_at', 'is', null)
    .where('criteria', 'is not', null)
    .execute();
}

/** Awards the badge to live members with `count` or more matching activities up to `now`; how many. */
export async function awardByActivityCount(
  tx: Tx,
  badgeId: number,
  c: Extract<BadgeCriteria, { type: 'activity_count' }>,
  reason: string,
  now: Date,
): Promise<number> {
  const props = JSON.stringify(c.properties ?? {});
  const r = await sql`
          insert into loyalty_member_badges (badge_id, member_id, period, awarded_at, awarded_by, reason)
          select ${badgeId}, a.member_id, '', ${now}, 'system', ${reason}
          from activities a join members m on m.id = a.member_id and ${liveMember('m')}
          where a.kind = any(${c.kinds}::text[]) and a.occurred_at <= ${now} and a.properties @> ${props}::jsonb
          group by a.member_id having count(*) >= ${c.count}
          on conflict (badge_id, member_id, period) do nothing`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Awards the badge of a month to the live members ranked in its top `top` (ties share a rank) by
 * growth value or by activities in [from, to); how many.
 */
export async function awardMonthlyTop(
  tx: Tx,
  badgeId: number,
  c: Exclude<BadgeCriteria, { type: 'activity_count' }>,
  month: { first: string; from: Date; to: Date; period: string },
  reason: string,
  now: Date,
): Promise<number> {
  const scores =
    c.metric === 'growth'
      ? sql`select member_id, growth as score from loyalty_growth_monthly where month = ${month.first}::date and growth > 0`
      : sql`select member_id, count(*) as score from activities where occurred_at >= ${month.from} and occurred_at < ${month.to}
                ${c.kinds?.length ? sql`and kind = any(${c.kinds}::text[])` : sql``} group by member_id`;
  const r = await sql`
          insert into loyalty_member_badges (badge_id, member_id, period, awarded_at, awarded_by, reason)
          select ${badgeId}, s.member_id, ${month.period}, ${now}, 'system', ${reason}
          from (select member_id, rank() over (order by score desc) as rk from (${scores}) x) s
          join members m on m.id = s.member_id and ${liveMember('m')}
          where s.rk <= ${c.top}
          on conflict (badge_id, member_id, period) do nothing`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

/** Awards a badge by hand; awarding one revoked before gives it back. The award's id. */
export async function upsertAward(
  tx: Tx,
  a: { badgeId: number; memberId: number; period: string; at: Date; by: string; reason: string },
): Promise<number> {
  const r = await tx
    .insertInto('loyalty_member_badges')
    .values({
      badge_id: a.badgeId,
      member_id: a.memberId,
      period: a.period,
      awarded_at: a.at,
      awarded_by: a.by,
      reason: a.reason,
    })
    .onConflict((oc) =>
      oc.columns(['badge_id', 'member_id', 'period']).doUpdateSet({
        revoked_at: null,
        awarded_by: a.by,
        reason: a.reason,
        awarded_at: a.at,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Revokes a member's current award; whether there was one. */
export async function revokeAward(tx: Tx, memberId: number, awardId: number, at: Date): Promise<boolean> {
  const r = await tx
    .updateTable('loyalty_member_badges')
    .set({ revoked_at: at })
    .where('id', '=', awardId)
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A member's current badges, newest first. */
export async function badgesOfMember(tx: Tx, memberId: number) {
  return tx
    .selectFrom('loyalty_member_badges as mb')
    .innerJoin('loyalty_badges as b', 'b.id', 'mb.badge_id')
    .select([
      'mb.id',
      'mb.badge_id',
      'mb.period',
      'mb.awarded_at',
      'mb.awarded_by',
      'mb.reason',
      'b.criteria',
      'b.name_zh',
      'b.name_en',
      'b.color',
      'b.description',
    ])
    .where('mb.member_id', '=', memberId)
    .where('mb.revoked_at', 'is', null)
    .orderBy('mb.awarded_at', 'desc')
    .execute();
}
