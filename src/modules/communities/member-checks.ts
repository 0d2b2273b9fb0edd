import type { Tx } from '../../kernel/db/database.js';
import type { FieldProblem } from '../../kernel/errors.js';
import { getMemberSummaries } from '../members/index.js';

/**
 * Members named in a request (to add, as inviter, as owner or admin) must be live profiles: not
 * missing or erased, and not merged away, in which case the answer names the profile to use.
 */
export async function memberProblems(tx: Tx, named: { id: number; path: string }[]): Promise<FieldProblem[]> {
  const people = await getMemberSummaries(tx, named.map((n) => n.id));
  const problems: FieldProblem[] = [];
  for (const n of named) {
    const m = people.get(n.id);
    if (!m || m.erased) problems.push({ path: n.path, message: `no member ${n.id}` });
    else if (m.mergedInto !== null) problems.push({ path: n.path, message: `member ${n.id} was merged into member ${m.mergedInto}; use that one` });
  }
  return problems;
}
