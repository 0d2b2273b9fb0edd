import type { FieldProblem } from '../../../kernel/errors.js';

/**
 * Badges 勋章 and honour titles 荣誉称号: recognition awarded by hand, or automatically by criteria
 * over the activity stream and the ledger.
 * - `activity_count`: at least `count` activities of the kinds (with matching properties), e.g.
 *   "attended 5 offline events", "100 helpful answers";
 * - `top_contributor`: the `top` members by growth value earned (or activities) in the calendar
 *   month just ended, ties included; awarded once per month, e.g. "top contributor of the month".
 */
export type BadgeCriteria =
  | { type: 'activity_count'; kinds: string[]; count: number; properties?: Record<string, string | number | boolean> }
  | { type: 'top_contributor'; top: number; metric: 'growth' | 'activities'; kinds?: string[] };

export function criteriaProblems(
  c: BadgeCriteria | null,
  kinds: readonly string[],
  path = '/criteria',
): FieldProblem[] {
  if (c === null) return [];
  const out: FieldProblem[] = [];
  const checkKinds = (ks: string[] | undefined, required: boolean) => {
    if (required && (!ks || ks.length === 0))
      out.push({ path: `${path}/kinds`, message: 'name at least one activity kind' });
    for (const k of ks ?? [])
      if (!kinds.includes(k)) out.push({ path: `${path}/kinds`, message: `${k} is not an activity kind` });
  };
  if (c.type === 'activity_count') {
    checkKinds(c.kinds, true);
    if (!Number.isSafeInteger(c.count) || c.count < 1)
      out.push({ path: `${path}/count`, message: 'must be a whole number of at least 1' });
  } else if (c.type === 'top_contributor') {
    if (!Number.isSafeInteger(c.top) || c.top < 1 || c.top > 1000)
      out.push({ path: `${path}/top`, message: 'must be from 1 to 1000' });
    if (c.metric === 'activities') checkKinds(c.kinds, false);
    else if (c.kinds?.length) out.push({ path: `${path}/kinds`, message: 'kinds apply to the activities metric only' });
  } else out.push({ path: `${path}/type`, message: "must be 'activity_count' or 'top_contributor'" });
  return out;
}

/** Why a member got an automatic badge, in words for the profile. */
export function awardReason(c: BadgeCriteria, period: string): string {
  if (c.type === 'activity_count') return `${c.count} or more ${c.kinds.join('/')} activities`;
  return `top ${c.top} by ${c.metric === 'growth' ? 'growth value' : 'activities'} in ${period}`;
}
