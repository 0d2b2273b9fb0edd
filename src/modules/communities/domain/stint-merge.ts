import { higherRole, type MembershipRole } from './community-rules.js';

/**
 * When two member profiles turn out to be one person, their stints in a community are two views of
 * the same presence. The merged member's stints move to the survivor; stints that overlap in time
 * are folded into one, so the survivor never has two stays at once (and never two current ones):
 * - the folded stint keeps the earliest row (its join time, join source and inviter; the
 *   survivor's row when both joined at the same moment),
 * - it ends at the latest leave, or stays current if either stay is current,
 * - it carries the higher role of the two (an admin on either account is an admin).
 * Stints that do not overlap are kept as they are: leaving and rejoining stays visible.
 */
export interface MergeStint {
  id: number;
  communityId: number;
  memberId: number;
  role: MembershipRole;
  joinedAt: Date;
  leftAt: Date | null;
}

export interface StintMergePlan {
  /** The merged member's rows that only change owner. */
  moved: number[];
  /** Rows kept with a new span, role or owner. */
  changed: { id: number; joinedAt: Date; leftAt: Date | null; role: MembershipRole }[];
  /** Rows folded into another stint, to be deleted. */
  absorbed: number[];
}

export function planStintMerge(rows: readonly MergeStint[], survivorId: number): StintMergePlan {
  const plan: StintMergePlan = { moved: [], changed: [], absorbed: [] };
  const byCommunity = new Map<number, MergeStint[]>();
  for (const r of rows) byCommunity.set(r.communityId, [...(byCommunity.get(r.communityId) ?? []), r]);

  for (const list of byCommunity.values()) {
    const sorted = [...list].sort(
      (a, b) =>
        a.joinedAt.getTime() - b.joinedAt.getTime() ||
        Number(b.memberId === survivorId) - Number(a.memberId === survivorId) ||
        a.id - b.id,
    );
    let group: MergeStint[] = [];
    let end: number | null = null; // null = the group is current
    const flush = () => {
      if (group.length === 0) return;
      const keep = group[0]!;
      const leftAt = end === null ? null : new Date(end);
      const role = group.reduce<MembershipRole>((r, s) => higherRole(r, s.role), keep.role);
      const sameSpan = (keep.leftAt?.getTime() ?? null) === (leftAt?.getTime() ?? null) && role === keep.role;
      if (!sameSpan) plan.changed.push({ id: keep.id, joinedAt: keep.joinedAt, leftAt, role });
      else if (keep.memberId !== survivorId) plan.moved.push(keep.id);
      plan.absorbed.push(...group.slice(1).map((s) => s.id));
    };
    for (const s of sorted) {
      const overlaps = group.length > 0 && (end === null || s.joinedAt.getTime() < end);
      if (!overlaps) {
        flush();
        group = [s];
        end = s.leftAt?.getTime() ?? null;
        continue;
      }
      group.push(s);
      end = end === null || s.leftAt === null ? null : Math.max(end, s.leftAt.getTime());
    }
    flush();
  }
  return plan;
}
