import { sql, type Selectable } from 'kysely';
import type { Database, Tx } from '../../kernel/db/database.js';
import type { LoyaltyBadgesTable } from '../../kernel/db/tables.js';
import type { Clock } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { KithError, failIfProblems, notFound } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { ACTIVITY_KINDS } from '../activity/index.js';
import { requireMemberFor } from '../members/index.js';
import { awardReason, criteriaProblems, type BadgeCriteria } from './domain/badges.js';
import { addMonths, dayStart, monthOf } from './domain/calendar.js';

type BadgeRow = Selectable<LoyaltyBadgesTable>;
export interface BadgeInput {
  nameZh: string;
  nameEn: string;
  description?: string;
  color?: string;
  criteria: BadgeCriteria | null;
  archived?: boolean;
}

const badgeOut = (b: BadgeRow & { holders?: number | null }) => ({
  id: b.id,
  nameZh: b.name_zh,
  nameEn: b.name_en,
  description: b.description,
  color: b.color,
  criteria: (b.criteria as BadgeCriteria | null) ?? null,
  archived: b.archived_at !== null,
  holders: Number(b.holders ?? 0),
  createdAt: b.created_at.toISOString(),
});

/** Badges and honour titles: catalogue, automatic awards (nightly), manual awards and revocation. */
export function createBadgesService(deps: { database: Database; clock: Clock; timeZone: string }) {
  const { database, clock, timeZone: tz } = deps;
  const db = database.db;

  function check(input: BadgeInput) {
    const problems = criteriaProblems(input.criteria, ACTIVITY_KINDS);
    if (!input.nameZh.trim()) problems.push({ path: '/nameZh', message: 'must not be empty' });
    if (!input.nameEn.trim()) problems.push({ path: '/nameEn', message: 'must not be empty' });
    failIfProblems(problems);
  }

  async function list() {
    const rows = await db
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
    return rows.map(badgeOut);
  }

  async function create(ctx: ActorContext, input: BadgeInput) {
    check(input);
    return database.transaction(async (tx) => {
      const b = await tx
        .insertInto('loyalty_badges')
        .values({
          name_zh: input.nameZh.trim(),
          name_en: input.nameEn.trim(),
          description: input.description ?? '',
          color: input.color ?? '#faad14',
          criteria: input.criteria ? JSON.stringify(input.criteria) : null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, {
        action: 'loyalty.badge.create',
        targetType: 'loyalty_badge',
        targetId: b.id,
        after: badgeOut(b),
      });
      return badgeOut(b);
    });
  }

  async function update(ctx: ActorContext, id: number, input: BadgeInput) {
    check(input);
    return database.transaction(async (tx) => {
      const before = await tx
        .selectFrom('loyalty_badges')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw notFound('Badge', id);
      const b = await tx
        .updateTable('loyalty_badges')
        .set({
          name_zh: input.nameZh.trim(),
          name_en: input.nameEn.trim(),
          description: input.description ?? '',
          color: input.color ?? before.color,
          criteria: input.criteria ? JSON.stringify(input.criteria) : null,
          archived_at:
            input.archived === undefined
              ? before.archived_at
              : input.archived
                ? (before.archived_at ?? clock.now())
                : null,
          updated_at: clock.now(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, {
        action: 'loyalty.badge.update',
        targetType: 'loyalty_badge',
        targetId: id,
        before: badgeOut(before),
        after: badgeOut(b),
      });
      return badgeOut(b);
    });
  }

  /** Awards every automatic badge whose criteria members now meet; returns how many awards were made. */
  async function awardAutomatic(tx: Tx, now = clock.now()): Promise<number> {
    const badges = await tx
      .selectFrom('loyalty_badges')
      .selectAll()
      .where('archived_at', 'is', null)
      .where('criteria', 'is not', null)
      .execute();
    let n = 0;
    const lastMonth = addMonths(monthOf(tz, now), -1);
    for (const b of badges) {
      const c = b.criteria as BadgeCriteria;
      if (c.type === 'activity_count') {
        const props = JSON.stringify(c.properties ?? {});
        const r = await sql`
          insert into loyalty_member_badges (badge_id, member_id, period, awarded_at, awarded_by, reason)
          select ${b.id}, a.member_id, '', ${now}, 'system', ${awardReason(c, '')}
          from activities a join members m on m.id = a.member_id and m.merged_into is null and m.erased_at is null
          where a.kind = any(${c.kinds}::text[]) and a.occurred_at <= ${now} and a.properties @> ${props}::jsonb
          group by a.member_id having count(*) >= ${c.count}
          on conflict (badge_id, member_id, period) do nothing`.execute(tx);
        n += Number(r.numAffectedRows ?? 0);
      } else {
        const from = dayStart(tz, lastMonth),
          to = dayStart(tz, addMonths(lastMonth, 1));
        const period = lastMonth.slice(0, 7);
        const scores =
          c.metric === 'growth'
            ? sql`select member_id, growth as score from loyalty_growth_monthly where month = ${lastMonth}::date and growth > 0`
            : sql`select member_id, count(*) as score from activities where occurred_at >= ${from} and occurred_at < ${to}
                ${c.kinds?.length ? sql`and kind = any(${c.kinds}::text[])` : sql``} group by member_id`;
        const r = await sql`
          insert into loyalty_member_badges (badge_id, member_id, period, awarded_at, awarded_by, reason)
          select ${b.id}, s.member_id, ${period}, ${now}, 'system', ${awardReason(c, period)}
          from (select member_id, rank() over (order by score desc) as rk from (${scores}) x) s
          join members m on m.id = s.member_id and m.merged_into is null and m.erased_at is null
          where s.rk <= ${c.top}
          on conflict (badge_id, member_id, period) do nothing`.execute(tx);
        n += Number(r.numAffectedRows ?? 0);
      }
    }
    return n;
  }

  async function award(ctx: ActorContext, memberId: number, badgeId: number, reason: string, period = '') {
    if (!reason.trim()) failIfProblems([{ path: '/reason', message: 'say why the member earns it' }]);
    return database.transaction(async (tx) => {
      await requireMemberFor(tx, ctx, memberId, { live: true });
      const b = await tx
        .selectFrom('loyalty_badges')
        .select(['id', 'archived_at'])
        .where('id', '=', badgeId)
        .executeTakeFirst();
      if (!b) failIfProblems([{ path: '/badgeId', message: `badge ${badgeId} does not exist` }]);
      if (b!.archived_at) throw new KithError('CONFLICT', `Badge ${badgeId} is archived`);
      const r = await tx
        .insertInto('loyalty_member_badges')
        .values({
          badge_id: badgeId,
          member_id: memberId,
          period,
          awarded_at: clock.now(),
          awarded_by: ctx.actor.label,
          reason: reason.trim(),
        })
        .onConflict((oc) =>
          oc.columns(['badge_id', 'member_id', 'period']).doUpdateSet({
            revoked_at: null,
            awarded_by: ctx.actor.label,
            reason: reason.trim(),
            awarded_at: clock.now(),
          }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, {
        action: 'loyalty.badge.award',
        targetType: 'member',
        targetId: memberId,
        after: { badgeId, period, reason: reason.trim() },
      });
      return r.id;
    });
  }

  async function revoke(ctx: ActorContext, memberId: number, awardId: number) {
    await database.transaction(async (tx) => {
      await requireMemberFor(tx, ctx, memberId, { live: false });
      const r = await tx
        .updateTable('loyalty_member_badges')
        .set({ revoked_at: clock.now() })
        .where('id', '=', awardId)
        .where('member_id', '=', memberId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw notFound('Badge award', awardId);
      await recordAudit(tx, ctx, {
        action: 'loyalty.badge.revoke',
        targetType: 'member',
        targetId: memberId,
        before: { awardId },
      });
    });
  }

  async function ofMember(ctx: ActorContext, memberId: number) {
    await requireMemberFor(db, ctx, memberId, { live: false });
    const rows = await db
      .selectFrom('loyalty_member_badges as mb')
      .innerJoin('loyalty_badges as b', 'b.id', 'mb.badge_id')
      .select([
        'mb.id',
        'mb.badge_id',
        'mb.period',
        'mb.awarded_at',
        'mb.awarded_by',
        'mb.reason',
        'b.name_zh',
        'b.name_en',
        'b.color',
        'b.description',
      ])
      .where('mb.member_id', '=', memberId)
      .where('mb.revoked_at', 'is', null)
      .orderBy('mb.awarded_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      badgeId: r.badge_id,
      period: r.period,
      awardedAt: r.awarded_at.toISOString(),
      awardedBy: r.awarded_by,
      reason: r.reason,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      color: r.color,
      description: r.description,
    }));
  }

  return { list, create, update, awardAutomatic, award, revoke, ofMember };
}

export type BadgesService = ReturnType<typeof createBadgesService>;
