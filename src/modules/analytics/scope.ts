import type { Clock } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { failIfProblems, forbidden } from '../../kernel/errors.js';
import { resolveDayPeriod, type DayPeriod } from '../overview/index.js';

/** The reach of an analytics request: its period of whole days, and the community it may see. */
export const MAX_ANALYTICS_DAYS = 400;

export function reportPeriod(q: { from?: string; to?: string }, tz: string, clock: Clock, defaultDays = 30): DayPeriod {
  const { period, problems } = resolveDayPeriod(q, {
    timeZone: tz,
    now: clock.now(),
    defaultDays,
    maxDays: MAX_ANALYTICS_DAYS,
  });
  failIfProblems(problems);
  return period;
}

/** The community a request reads (0: the workspace). Community managers see their communities only. */
export function reportCommunity(ctx: ActorContext, communityId: number | undefined): number {
  const scope = ctx.actor.communityIds;
  if (scope === null) return communityId ?? 0;
  if (communityId === undefined)
    throw forbidden('Choose one of your communities: workspace-wide figures are for operators and analysts');
  if (!scope.includes(communityId)) throw forbidden(`Community ${communityId} is not one of yours`);
  return communityId;
}

/** Reports over every member (RFM, campaigns) are not for community managers. */
export function requireWorkspaceReader(ctx: ActorContext, what: string): void {
  if (ctx.actor.communityIds !== null) throw forbidden(`${what} cover every member; ask an operator or analyst`);
}
