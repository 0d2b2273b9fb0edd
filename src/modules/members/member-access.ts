import type { Tx } from '../../kernel/db/database.js';
import type { ActorContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors.js';
import { findMember, memberInScopeSql, visibleMemberIds } from './members.repo.js';
import { requireLive, scopeOf } from './service-support.js';

/**
 * For other modules that act on one member (points, tiers…): the member must exist and be in the
 * actor's scope (a community manager sees only members of their communities). `live` also refuses
 * members merged away or erased, for writes. When the member is reached through something of
 * theirs (a redemption, an adjustment), `notFoundAs` names that thing: out of scope, it answers
 * "Redemption 12 was not found" exactly as a missing one, and never names the member behind it.
 */
export async function requireMemberFor(
  tx: Tx,
  ctx: ActorContext,
  memberId: number,
  opts: { live: boolean; notFoundAs?: [what: string, id: number] },
) {
  const m = await findMember(tx, memberId, scopeOf(ctx));
  if (!m && opts.notFoundAs) throw notFound(...opts.notFoundAs);
  if (!opts.live) {
    if (!m) throw notFound('Member', memberId);
    return m;
  }
  return requireLive(m, memberId);
}

/**
 * Which of `ids` the actor may see: all of them for workspace-wide actors, otherwise those who are
 * or were in one of a community manager's communities. Ids that do not exist are simply absent, so
 * a caller answers "no member N" alike for a missing member and one outside the scope — the
 * manager learns nothing about people outside their communities.
 */
export async function membersVisibleTo(tx: Tx, ctx: ActorContext, ids: number[]): Promise<Set<number>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  return new Set(await visibleMemberIds(tx, unique, scopeOf(ctx)));
}

/**
 * For other modules' lists of rows about members: true when the row's member (`memberIdColumn`) is
 * in the actor's scope, i.e. belongs or once belonged to one of a community manager's communities.
 */
export function memberInScope(ctx: ActorContext, memberIdColumn: string) {
  return memberInScopeSql(scopeOf(ctx), memberIdColumn);
}
