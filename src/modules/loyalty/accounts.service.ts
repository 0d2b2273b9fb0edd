import type { Database } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { KithError, failIfProblems, forbidden, notFound } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { getMemberSummaries, memberInScope, requireMemberFor } from '../members/index.js';
import { decodeCursor, pageOf } from '../../kernel/pagination.js';
import * as repo from './accounts.repo.js';
import { localDay, windowStartMonth } from './domain/calendar.js';
import { expiringSchedule } from './domain/lots.js';
import { effectiveTier, progressToNext, sortTiers, type Obligation } from './domain/tiers.js';
import type { Ledger } from './ledger.service.js';
import { loadProgramme, saveProgramme, type ProgrammePatch } from './programme.repo.js';
import { tierView } from './tiers.service.js';
import * as ledgerRepo from './ledger.repo.js';
import * as tiersRepo from './tiers.repo.js';

/**
 * The approval threshold applies to what one requester posts on one member without review over
 * this window, not to each request alone: five adjustments of 999 against a threshold of 1,000 are
 * one large adjustment split up, and the fifth (or the second) waits for a second operator.
 */
export const APPROVAL_WINDOW_MS = 24 * 3600_000;

/** `unreviewed`: the points (either sign, as absolute values) the requester already posted on the member unreviewed within the window. */
export function needsApproval(points: number, unreviewed: number, threshold: number): boolean {
  return Math.abs(points) + unreviewed >= threshold;
}

/**
 * A member's standing in the programme (tier, growth, points, lots, history), their ledger, manual
 * adjustments with the second-operator approval of large ones (技术手段和人工审核), the programme
 * settings and ledger verification.
 */
export function createAccountsService(deps: { database: Database; clock: Clock; timeZone: string; ledger: Ledger }) {
  const { database, clock, timeZone: tz, ledger } = deps;
  const db = database.db;

  async function standing(ctx: ActorContext, memberId: number) {
    await requireMemberFor(db, ctx, memberId, { live: false });
    const now = clock.now();
    const p = await loadProgramme(db);
    const tierRows = sortTiers(await tiersRepo.listTiers(db));
    const views = new Map(tierRows.map((t) => [t.id, tierView(t, p)]));
    const [a] = await tiersRepo.accountsOf(db, [memberId]);
    const windowGrowth =
      (await tiersRepo.windowGrowth(db, [memberId], windowStartMonth(tz, now, p.qualificationMonths))).get(memberId) ??
      0;
    const earned = a?.tier_id ?? tierRows[0]?.id ?? null;
    const eff = effectiveTier(earned, { tierId: a?.manual_tier_id ?? null, until: a?.manual_until ?? null }, now);
    const rules = tierRows.map((t) => ({
      id: t.id,
      threshold: t.threshold,
      keepThreshold: t.keep_threshold,
      obligations: t.obligations as Obligation[],
    }));
    const lots = await ledgerRepo.openLots(db, memberId);
    const history = await tiersRepo.historyOf(db, [memberId]);
    return {
      memberId,
      points: {
        balance: a?.points_balance ?? 0,
        expiring: expiringSchedule(
          lots.map((l) => ({ id: l.posting_id, remaining: l.remaining, expiresAt: l.expires_at })),
          (d) => localDay(tz, d),
        ),
        lots: lots.map((l) => ({
          postingId: l.posting_id,
          amount: l.amount,
          remaining: l.remaining,
          earnedAt: l.earned_at.toISOString(),
          expiresAt: l.expires_at?.toISOString() ?? null,
        })),
      },
      growth: { window: windowGrowth, lifetime: a?.growth_lifetime ?? 0, windowMonths: p.qualificationMonths },
      tier: {
        current: eff.tierId === null ? null : (views.get(eff.tierId) ?? null),
        earned: earned === null ? null : (views.get(earned) ?? null),
        manual: eff.manual
          ? {
              tierId: a!.manual_tier_id!,
              until: a!.manual_until?.toISOString() ?? null,
              reason: a!.manual_reason ?? '',
            }
          : null,
        since: a?.tier_since?.toISOString() ?? null,
        belowKeepSince: a?.below_keep_since?.toISOString() ?? null,
        next: (() => {
          const pr = progressToNext(rules, earned, windowGrowth);
          return pr ? { tier: views.get(pr.nextTierId)!, needed: pr.needed, percent: pr.percent } : null;
        })(),
      },
      history: history.reverse().map((h) => ({
        id: h.id,
        change: h.change as 'promoted' | 'demoted' | 'manual' | 'manual_ended',
        fromTierId: h.from_tier_id,
        toTierId: h.to_tier_id,
        reason: h.reason,
        details: h.details,
        actor: h.actor,
        effectiveAt: h.effective_at.toISOString(),
      })),
    };
  }

  async function ledgerPage(ctx: ActorContext, memberId: number, q: { cursor?: string; limit?: number }) {
    await requireMemberFor(db, ctx, memberId, { live: false });
    const limit = Math.min(q.limit ?? 50, 200);
    const before = q.cursor ? decodeCursor(q.cursor, ['instant', 'id']) : null;
    const rows = await repo.ledgerRows(db, memberId, before && { at: before[0], id: before[1] }, limit + 1);
    const { items: page, nextCursor } = pageOf(rows, limit, (last) => [last.occurred_at, last.id]);
    return {
      items: page.map((r) => ({
        id: r.id,
        kind: r.kind as 'earn' | 'spend' | 'expire' | 'adjust' | 'reverse',
        points: r.points,
        growth: r.growth,
        reason: r.reason,
        ruleId: r.rule_id,
        ruleVersion: r.rule_version,
        activityId: r.activity_id,
        orderId: r.order_id,
        redemptionId: r.redemption_id,
        reversesId: r.reverses_id,
        occurredAt: r.occurred_at.toISOString(),
        expiresAt: r.expires_at?.toISOString() ?? null,
        details: r.details ?? null,
        actor: r.actor,
      })),
      nextCursor,
    };
  }

  /** An adjustment as the API gives it; `requestedByYou` when the caller asked for it (they may not decide it). */
  const adjustmentOut = (
    r: {
      id: number;
      member_id: number;
      points: number;
      reason: string;
      status: string;
      requested_by: string;
      requested_by_type: string;
      requested_by_id: number | null;
      decided_by: string | null;
      decided_at: Date | null;
      decision_note: string | null;
      posting_id: number | null;
      created_at: Date;
    },
    ctx?: ActorContext,
  ) => ({
    id: r.id,
    memberId: r.member_id,
    points: r.points,
    reason: r.reason,
    status: r.status as 'pending' | 'rejected' | 'posted',
    requestedBy: r.requested_by,
    requestedByYou: ctx !== undefined && isRequester(r, ctx),
    decidedBy: r.decided_by,
    decidedAt: r.decided_at?.toISOString() ?? null,
    decisionNote: r.decision_note,
    postingId: r.posting_id,
    createdAt: r.created_at.toISOString(),
  });

  const isRequester = (r: { requested_by_type: string; requested_by_id: number | null }, ctx: ActorContext) =>
    r.requested_by_type === ctx.actor.type && r.requested_by_id === ctx.actor.id;

  async function postAdjustment(
    tx: Parameters<Parameters<Database['transaction']>[0]>[0],
    adj: { id: number; member_id: number; points: number; reason: string },
    actor: string,
  ) {
    const programme = await loadProgramme(tx);
    const row = {
      memberId: adj.member_id,
      kind: 'adjust' as const,
      points: adj.points,
      growth: 0,
      reason: adj.reason,
      key: `adjust:${adj.id}`,
      occurredAt: clock.now(),
      details: { adjustment: adj.id },
      actor,
    };
    if (adj.points > 0) return (await ledger.credit(tx, programme, [row]))[0]?.id ?? null;
    return (await ledger.debit(tx, row, 'exact'))?.posting.id ?? null;
  }

  /** Small adjustments post at once; from the programme's threshold on they wait for a second operator. */
  async function requestAdjustment(ctx: ActorContext, memberId: number, input: { points: number; reason: string }) {
    const problems = [];
    if (!Number.isSafeInteger(input.points) || input.points === 0 || Math.abs(input.points) > 10_000_000)
      problems.push({ path: '/points', message: 'must be a whole number other than 0, at most 10,000,000 either way' });
    if (!input.reason.trim()) problems.push({ path: '/reason', message: 'say why the points change' });
    failIfProblems(problems);
    return database.transaction(async (tx) => {
      await requireMemberFor(tx, ctx, memberId, { live: true });
      // One request at a time per member, so two halves sent at once both see each other.
      await ledgerRepo.lockMemberAdjustments(tx, memberId);
      const p = await loadProgramme(tx);
      const now = clock.now();
      const unreviewed = await ledgerRepo.unreviewedAdjustedPoints(tx, {
        memberId,
        requesterType: ctx.actor.type,
        requesterId: ctx.actor.id,
        since: new Date(now.getTime() - APPROVAL_WINDOW_MS),
      });
      const pending = needsApproval(input.points, unreviewed, p.approvalThreshold);
      if (input.points < 0) {
        // Refused when asked, not at approval: what the member has, less what other requests
        // waiting for approval would already take, must cover it.
        const balance = await ledgerRepo.lockAccount(tx, memberId);
        const waiting = await ledgerRepo.pendingDebitPoints(tx, memberId);
        if (balance - waiting < -input.points)
          throw new KithError(
            'INSUFFICIENT_POINTS',
            `Member ${memberId} has ${balance} points${waiting ? ` (${waiting} already asked for by requests waiting for approval)` : ''}; ${-input.points} cannot be taken`,
            { extra: { params: { balance, needed: -input.points, waiting } } },
          );
      }
      const adj = await repo.insertAdjustment(tx, {
        member_id: memberId,
        points: input.points,
        reason: input.reason.trim(),
        status: pending ? 'pending' : 'posted',
        requested_by_type: ctx.actor.type,
        requested_by_id: ctx.actor.id,
        requested_by: ctx.actor.label,
        created_at: now,
      });
      let out = adj;
      if (!pending) {
        const postingId = await postAdjustment(tx, adj, ctx.actor.label);
        out = await repo.updateAdjustment(tx, adj.id, { posting_id: postingId });
      }
      await recordAudit(tx, ctx, {
        action: pending ? 'loyalty.adjustment.request' : 'loyalty.adjustment.post',
        targetType: 'member',
        targetId: memberId,
        after: adjustmentOut(out),
      });
      return adjustmentOut(out, ctx);
    });
  }

  async function decide(ctx: ActorContext, id: number, decision: 'approve' | 'reject', note: string) {
    return database.transaction(async (tx) => {
      const adj = await repo.lockAdjustment(tx, id);
      if (!adj) throw notFound('Adjustment', id);
      await requireMemberFor(tx, ctx, adj.member_id, { live: decision === 'approve', notFoundAs: ['Adjustment', id] });
      if (adj.status !== 'pending') throw new KithError('CONFLICT', `Adjustment ${id} was already ${adj.status}`);
      if (isRequester(adj, ctx)) {
        throw forbidden(
          'A large adjustment needs a second operator: someone other than the requester must approve or reject it',
        );
      }
      const postingId = decision === 'approve' ? await postAdjustment(tx, adj, ctx.actor.label) : null;
      const out = await repo.updateAdjustment(tx, id, {
        status: decision === 'approve' ? 'posted' : 'rejected',
        decided_by: ctx.actor.label,
        decided_at: clock.now(),
        decision_note: note.trim() || null,
        posting_id: postingId,
      });
      await recordAudit(tx, ctx, {
        action: `loyalty.adjustment.${decision}`,
        targetType: 'member',
        targetId: adj.member_id,
        before: adjustmentOut(adj),
        after: adjustmentOut(out),
      });
      return adjustmentOut(out, ctx);
    });
  }

  /** Adjustments, newest first, with the member's name; keyset-paged on the id (`nextCursor`). */
  async function listAdjustments(
    ctx: ActorContext,
    q: { status?: 'pending' | 'rejected' | 'posted'; memberId?: number; limit?: number; cursor?: string },
  ) {
    const limit = Math.min(q.limit ?? 100, 500);
    const rows = await repo.adjustmentPage(
      db,
      {
        status: q.status,
        memberId: q.memberId,
        beforeId: q.cursor ? decodeCursor(q.cursor, ['id'])[0] : undefined,
        limit: limit + 1,
      },
      memberInScope(ctx, 'loyalty_adjustments.member_id'),
    );
    const { items: page, nextCursor } = pageOf(rows, limit, (last) => [last.id]);
    const names = await getMemberSummaries(db, [...new Set(page.map((r) => r.member_id))]);
    return {
      items: page.map((r) => ({
        ...adjustmentOut(r, ctx),
        memberName: names.get(r.member_id)?.displayName ?? `#${r.member_id}`,
        memberAvatarUrl: names.get(r.member_id)?.avatarUrl ?? null,
      })),
      nextCursor,
    };
  }

  async function programme() {
    const p = await loadProgramme(db);
    return { ...p, keepRatio: p.keepRatioMilli / 1000, updatedAt: p.updatedAt.toISOString() };
  }

  async function updateProgramme(ctx: ActorContext, patch: ProgrammePatch) {
    if (
      patch.keepRatio !== undefined &&
      !(patch.keepRatio > 0 && patch.keepRatio <= 1 && Math.round(patch.keepRatio * 1000) === patch.keepRatio * 1000)
    ) {
      failIfProblems([{ path: '/keepRatio', message: 'must be more than 0 and at most 1, with at most 3 decimals' }]);
    }
    await database.transaction(async (tx) => {
      const before = await loadProgramme(tx);
      await saveProgramme(tx, patch, clock.now());
      await recordAudit(tx, ctx, {
        action: 'loyalty.programme.update',
        targetType: 'loyalty_programme',
        targetId: 1,
        before,
        after: await loadProgramme(tx),
      });
    });
    return programme();
  }

  /** Recomputes every balance, total, lot sum and monthly growth from the ledger; drift must be zero. */
  async function verify(ctx: ActorContext) {
    // The totals and any drift cover every member: not for a manager of some communities.
    if (ctx.actor.communityIds !== null)
      throw forbidden('Ledger verification covers every member; ask an operator or admin');
    const r = await ledger.verify(db);
    const size = await repo.programmeSize(db);
    return {
      ok: r.ok,
      accounts: size.accounts,
      postings: size.postings,
      drift: r.accounts,
      growthDrift: r.growth,
    };
  }

  return { standing, ledgerPage, requestAdjustment, decide, listAdjustments, programme, updateProgramme, verify };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
