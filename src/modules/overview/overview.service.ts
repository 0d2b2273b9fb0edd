import { decodeCursor, pageOf } from '../../kernel/pagination.js';
import type { Database } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import { communityScope, type ActorContext } from '../../kernel/context.js';
import { KithError, invalid } from '../../kernel/errors.js';
import { singleFlight } from '../../kernel/single-flight.js';
import { getMemberSummaries } from '../members/index.js';
import { addDays, localDay } from '../../kernel/calendar.js';
import { resolveDayPeriod } from './domain/period.js';
import * as repo from './overview.repo.js';

/** What the overview asks the analytics module (its door, handed in by app.ts: analytics reads overview's day helpers). */
export interface OverviewAnalytics {
  settings(): Promise<{ meaningfulKinds: string[] }>;
  workspaceGlance(
    p: { from: string; to: string },
    spans: { from: string; to: string }[],
  ): Promise<{
    series: Map<string, { active: number; messages: number }>;
    active: number[];
    profiles: { before: number; total: number; byDay: Map<string, number> };
  }>;
}

export interface OverviewDeps {
  database: Database;
  clock: Clock;
  timeZone: string;
  analytics: OverviewAnalytics;
}

export interface OverviewQuery {
  from?: string;
  to?: string;
}

export interface MessagesQuery {
  from: string;
  to: string;
  cursor?: string;
  limit?: number;
}

export interface MessageItem {
  id: number;
  occurredAt: Date;
  member: { id: number; displayName: string; avatarUrl: string | null };
  community: { id: number; name: string } | null;
  /** The message as the member wrote it: plain text, to be shown as text, never as HTML. */
  text: string;
}

/** Messages page newest first on (occurred at, id). */
function messagesAfter(cursor: string): { at: Date; id: number } {
  const [at, id] = decodeCursor(cursor, ['instant', 'id']);
  return { at, id };
}

export interface Overview {
  timeZone: string;
  from: string;
  to: string;
  periodStart: Date;
  periodEnd: Date;
  members: { total: number; atStart: number; atEnd: number; joined: number; growthPercent: number | null };
  active: { last7Days: number; last30Days: number; since7Days: Date; since30Days: Date };
  days: repo.DayRow[];
  communities: repo.CommunityFlow[];
}

/** Longest period the overview draws day by day. */
export const MAX_OVERVIEW_DAYS = 366;

/** Growth over the period as a share of the members at its start; none when there were none. */
export function growthPercent(atStart: number, atEnd: number): number | null {
  if (atStart === 0) return null;
  return Math.round(((atEnd - atStart) / atStart) * 1000) / 10;
}

/**
 * The workspace at a glance: member total and growth, active members, messages and active members
 * per day, joins and leaves per community. A community manager sees their communities only.
 * Active means meaningful activity, as in every report (docs/metrics.md).
 */
export function createOverviewService(deps: OverviewDeps) {
  const { database, clock, timeZone, analytics } = deps;
  // Staff opening the overview at once share one computation per scope and period.
  const shared = singleFlight<Overview>();

  /**
   * Workspace-wide staff read the analytics rollups and profile counts: the page costs the same
   * with a thousand members or a million. Stored per day and community, they cannot give the
   * distinct members of several communities together, so a community manager's figures are
   * counted from the rows of their communities.
   */
  async function workspaceFigures(period: { from: string; to: string; today: string }, b: repo.Bounds) {
    const g = await analytics.workspaceGlance(period, [
      { from: addDays(period.today, -6), to: period.today },
      { from: addDays(period.today, -29), to: period.today },
    ]);
    let total = g.profiles.before;
    const days = b.days.map((d): repo.DayRow => {
      const created = g.profiles.byDay.get(d.date) ?? 0;
      total += created;
      const s = g.series.get(d.date);
      return {
        ...d,
        newMembers: created,
        totalMembers: total,
        messages: s?.messages ?? 0,
        activeMembers: s?.active ?? 0,
      };
    });
    const totals: repo.MemberTotals = {
      total: g.profiles.total,
      atStart: g.profiles.before,
      atEnd: total,
      joined: total - g.profiles.before,
      active7: g.active[0]!,
      active30: g.active[1]!,
    };
    return { totals, days };
  }

  async function scopedFigures(period: { from: string; to: string; today: string }, scope: number[]) {
    const db = database.db;
    const kinds = (await analytics.settings()).meaningfulKinds;
    const totals = await repo.scopedTotals(db, { ...period, timeZone, scope, kinds });
    const days = await repo.scopedDaily(db, { ...period, timeZone, scope, atStart: totals.atStart, kinds });
    return { totals, days };
  }

  async function compute(
    period: { from: string; to: string; today: string },
    scope: number[] | null,
  ): Promise<Overview> {
    const db = database.db;
    const b = await repo.bounds(db, { ...period, timeZone });
    const [{ totals, days }, communities] = await Promise.all([
      scope === null ? workspaceFigures(period, b) : scopedFigures(period, scope),
      repo.communityFlows(db, { ...period, timeZone, scope }),
    ]);
    return {
      timeZone,
      from: period.from,
      to: period.to,
      periodStart: b.periodStart,
      periodEnd: b.periodEnd,
      members: {
        total: totals.total,
        atStart: totals.atStart,
        atEnd: totals.atEnd,
        joined: totals.joined,
        growthPercent: growthPercent(totals.atStart, totals.atEnd),
      },
      active: { last7Days: totals.active7, last30Days: totals.active30, since7Days: b.since7, since30Days: b.since30 },
      days,
      communities,
    };
  }

  return {
    timeZone,

    async overview(ctx: ActorContext, q: OverviewQuery): Promise<Overview> {
      const { period, problems } = resolveDayPeriod(q, {
        timeZone,
        now: clock.now(),
        defaultDays: 30,
        maxDays: MAX_OVERVIEW_DAYS,
      });
      if (problems.length)
        throw new KithError('VALIDATION_FAILED', problems.map((p) => `${p.path}: ${p.message}`).join('; '), {
          fields: problems,
        });
      const scope = communityScope(ctx.actor);
      return shared(`${scope === null ? '*' : scope.join(',')}|${period.from}|${period.to}|${period.today}`, () =>
        compute(period, scope),
      );
    },

    /** Messages of a period with who wrote them and where: the list behind the messages chart. */
    async messages(ctx: ActorContext, q: MessagesQuery): Promise<{ items: MessageItem[]; nextCursor: string | null }> {
      const from = new Date(q.from);
      const to = new Date(q.to);
      if (!(from < to)) throw invalid('to', 'must be after from');
      const limit = q.limit ?? 50;
      const rows = await repo.messages(database.db, {
        from,
        to,
        scope: communityScope(ctx.actor),
        before: q.cursor ? messagesAfter(q.cursor) : null,
        limit: limit + 1,
      });
      const { items: page, nextCursor } = pageOf(rows, limit, (r) => [r.occurredAt, r.id]);
      const who = await getMemberSummaries(
        database.db,
        page.map((r) => r.memberId),
      );
      return {
        items: page.map((r) => {
          const m = who.get(r.memberId);
          return {
            id: r.id,
            occurredAt: r.occurredAt,
            text: r.text ?? '',
            member: {
              id: r.memberId,
              displayName: m?.displayName ?? `#${r.memberId}`,
              avatarUrl: m?.avatarUrl ?? null,
            },
            community:
              r.communityId !== null ? { id: r.communityId, name: r.communityName ?? `#${r.communityId}` } : null,
          };
        }),
        nextCursor,
      };
    },

    /** What the console needs to cut days and show times like the server does. */
    workspace() {
      const now = clock.now();
      return { timeZone, today: localDay(timeZone, now), now };
    },
  };
}

export type OverviewService = ReturnType<typeof createOverviewService>;
