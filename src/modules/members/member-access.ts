import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import type { ActorContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors.js';
import { findMember } from './members.repo.js';
import { requireLive, scopeOf } from './service-support.js';

/**
 * For other modules that act on one member (points, tiers…): the member must exist and be in the
 * actor's scope (a community manager sees only members of their communities). `live` also refuses
 * members merged away or erased, for writes.
 */
export async function requireMemberFor(tx: Tx, ctx: ActorContext, memberId: number, opts: { live: boolean }) {
  const m = await findMember(tx, memberId, scopeOf(ctx));
  if (!opts.live) {
    if (!m) throw notFound('Member', memberId);
    return m;
  }
  return requireLive(m, memberId);
}

/**
 * For other modules' lists of rows about members: true when the row's member (`memberIdColumn`) is
 * in the actor's scope, i.e. belongs or once belonged to one of a community manager's communities.
 */
export function memberInScope(ctx: ActorContext, memberIdColumn: string) {
  const scope = scopeOf(ctx);
  if (scope === null) return sql<boolean>`true`;
  return sql<boolean>`exists (select 1 from community_memberships sc where sc.member_id = ${sql.ref(memberIdColumn)} and sc.community_id = any(${scope}::bigint[]))`;
}
