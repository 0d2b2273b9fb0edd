import type { Selectable } from 'kysely';
import type { Database, Tx } from '../../kernel/db/database.js';
import type { LoyaltyBadgesTable } from '../../kernel/db/tables.js';
import type { Clock } from '../../kernel/clock.js';
import { stampOnSwitch } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { KithError, failIfProblems, notFound } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { ACTIVITY_KINDS } from '../activity/index.js';
import { requireMemberFor } from '../members/index.js';
import { awardReason, criteriaProblems, type BadgeCriteria } from './domain/badges.js';
import { addMonths, dayStart, monthOf } from './domain/calendar.js';
import * as repo from './badges.repo.js';

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
    const rows = await repo.badgesWithHolders(db);
    return rows.map(badgeOut);
  }

  async function create(ctx: ActorContext, input: BadgeInput) {
    check(input);
    return database.transaction(async (tx) => {
      const b = await repo.insertBadge(tx, {
        name_zh: input.nameZh.trim(),
        name_en: input.nameEn.trim(),
        description: input.description ?? '',
        color: input.color ?? '#faad14',
        criteria: input.criteria ? JSON.stringify(input.criteria) : null,
      });
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
      const before = await repo.findBadge(tx, id, true);
      if (!before) throw notFound('Badge', id);
      const b = await repo.updateBadge(tx, id, {
        name_zh: input.nameZh.trim(),
        name_en: input.nameEn.trim(),
        description: input.description ?? '',
        color: input.color ?? before.color,
        criteria: input.criteria ? JSON.stringify(input.criteria) : null,
        archived_at: stampOnSwitch(input.archived, before.archived_at, clock.now()),
        updated_at: clock.now(),
      });
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
    const badges = await repo.automaticBadges(tx);
    let n = 0;
    const lastMonth = addMonths(monthOf(tz, now), -1);
    for (const b of badges) {
      const c = b.criteria as BadgeCriteria;
      if (c.type === 'activity_count') {
        n += await repo.awardByActivityCount(tx, b.id, c, awardReason(c, ''), now);
      } else {
        const period = lastMonth.slice(0, 7);
        const month = {
          first: lastMonth,
          from: dayStart(tz, lastMonth),
          to: dayStart(tz, addMonths(lastMonth, 1)),
          period,
        };
        n += await repo.awardMonthlyTop(tx, b.id, c, month, awardReason(c, period), now);
      }
    }
    return n;
  }

  async function award(ctx: ActorContext, memberId: number, badgeId: number, reason: string, period = '') {
    if (!reason.trim()) failIfProblems([{ path: '/reason', message: 'say why the member earns it' }]);
    return database.transaction(async (tx) => {
      await requireMemberFor(tx, ctx, memberId, { live: true });
      const b = await repo.findBadge(tx, badgeId);
      if (!b) failIfProblems([{ path: '/badgeId', message: `badge ${badgeId} does not exist` }]);
      if (b!.archived_at) throw new KithError('CONFLICT', `Badge ${badgeId} is archived`);
      const id = await repo.upsertAward(tx, {
        badgeId,
        memberId,
        period,
        at: clock.now(),
        by: ctx.actor.label,
        reason: reason.trim(),
      });
      await recordAudit(tx, ctx, {
        action: 'loyalty.badge.award',
        targetType: 'member',
        targetId: memberId,
        after: { badgeId, period, reason: reason.trim() },
      });
      return id;
    });
  }

  async function revoke(ctx: ActorContext, memberId: number, awardId: number) {
    await database.transaction(async (tx) => {
      await requireMemberFor(tx, ctx, memberId, { live: false });
      if (!(await repo.revokeAward(tx, memberId, awardId, clock.now()))) throw notFound('Badge award', awardId);
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
    const rows = await repo.badgesOfMember(db, memberId);
    return rows.map((r) => ({
      id: r.id,
      badgeId: r.badge_id,
      period: r.period,
      awardedAt: r.awarded_at.toISOString(),
      awardedBy: r.awarded_by,
      reason: r.reason,
      // An award the badge's own criteria made: the console words the criteria rather than the stored text.
      criteria: r.awarded_by === 'system' ? ((r.criteria as BadgeCriteria | null) ?? null) : null,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      color: r.color,
      description: r.description,
    }));
  }

  return { list, create, update, awardAutomatic, award, revoke, ofMember };
}

export type BadgesService = ReturnType<typeof createBadgesService>;
