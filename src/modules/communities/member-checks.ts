import type { Tx } from '../../kernel/db/database.js';
import type { ActorContext } from '../../kernel/context.js';
import type { FieldProblem } from '../../kernel/errors.js';
import { getMemberSummaries, membersVisibleTo } from '../members/index.js';

/**
 * Members named in a request (to add, as inviter, as owner or admin) must be live profiles the
 * actor can already see: not missing, erased or outside a community manager's communities — all
 * three answer the same "no member N", so existence does not leak — and not merged away, in which
 * case the answer names the profile to use. Adding someone to a community is never the way into a
 * manager's scope: a manager can name only people who are or were in one of their communities.
 */
export async function memberProblems(
  tx: Tx,
  ctx: ActorContext,
  named: { id: number; path: string }[],
): Promise<FieldProblem[]> {
  const ids = named.map((n) => n.id);
  const people = await getMemberSummaries(tx, ids);
  const visible = await membersVisibleTo(tx, ctx, ids);
  const problems: FieldProblem[] = [];
  for (const n of named) {
    const m = people.get(n.id);
    if (!m || m.erased || !visible.has(n.id)) problems.push({ path: n.path, message: `no member ${n.id}` });
    else if (m.mergedInto !== null)
      problems.push({ path: n.path, message: `member ${n.id} was merged into member ${m.mergedInto}; use that one` });
  }
  return problems;
}
