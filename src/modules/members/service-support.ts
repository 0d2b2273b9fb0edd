import type { Database } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import { communityScope, type ActorContext } from '../../kernel/context.js';
import { KithError, forbidden, notFound, type FieldProblem } from '../../kernel/errors.js';
import type { MemberDataParticipants } from './participants.js';
import type { MemberRow, Scope } from './members.repo.js';

/** What the members services share: dependencies and the small rules every use case applies. */
export interface MembersServiceDeps {
  database: Database;
  clock: Clock;
  participants: MemberDataParticipants;
  /** Rows per database round trip of the CSV export. */
  exportBatchSize: number;
  timeZone: string;
}

export const scopeOf = (ctx: ActorContext): Scope => communityScope(ctx.actor);

/**
 * A filter on a community is a question about who is in it: a community manager may ask it only of
 * their own communities. The answer does not depend on whether the community exists, so it tells
 * them nothing about the others.
 */
export function requireOwnCommunity(ctx: ActorContext, communityId: number | undefined): void {
  const scope = scopeOf(ctx);
  if (scope !== null && communityId !== undefined && !scope.includes(communityId))
    throw forbidden(`Community ${communityId} is not one of yours`);
}

/** Tags and attribute definitions are shared by every community, so only workspace-wide staff change them. */
export function requireWorkspaceWide(ctx: ActorContext, what: string): void {
  if (scopeOf(ctx) !== null)
    throw forbidden(`${what} are shared by every community; ask an operator or admin to change them`);
}

export { failIfProblems } from '../../kernel/errors.js';

/** A member that can still be changed: found, in scope, not merged away, not erased. */
export function requireLive(m: MemberRow | undefined, id: number): MemberRow {
  if (!m) throw notFound('Member', id);
  if (m.merged_into !== null)
    throw new KithError(
      'CONFLICT',
      `Member ${id} was merged into member ${m.merged_into}; work on member ${m.merged_into} instead`,
    );
  if (m.erased_at !== null)
    throw new KithError('CONFLICT', `Member ${id} was erased; the profile can no longer be changed`);
  return m;
}

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
