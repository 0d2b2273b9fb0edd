/**
 * Community health 社群健康度: a composite of documented parts, each scored 0–100, and the findings
 * advice is built from — each weak part with the community's own figures behind it, so two
 * communities with the same weakness read differently. Pure; the console words the advice for the
 * community's stage (seed 001: 建立前期 / 成长期 / 沉淀期) and for each finding in the operator's language.
 *
 * - growth: net member growth over the period, g = (end − start) / start; score 50 + 250·g, so
 *   +20 % scores 100, no change 50, −20 % 0 (a community that starts empty and gains scores 100);
 * - activity: active members in the period ÷ members at its end; half active scores 100;
 * - retention: of the members active in the previous period of the same length, the share active
 *   again in this one; score = share × 100;
 * - sentiment: from the text insight of members' messages, when it exists (null until then).
 * The score is the weighted mean of the parts present (weights 30 / 40 / 30, sentiment 20).
 */
export type Stage = 'launch' | 'growth' | 'mature';
export type Part = 'growth' | 'activity' | 'retention' | 'sentiment';
export const WEIGHTS: Record<Part, number> = { growth: 30, activity: 40, retention: 30, sentiment: 20 };

export interface HealthInput {
  membersStart: number;
  membersEnd: number;
  active: number;
  activePrevious: number;
  retained: number;
  sentiment: number | null;
}
export interface PartScore {
  part: Part;
  value: number | null;
  score: number | null;
}

const clamp = (x: number) => Math.max(0, Math.min(100, x));

export function healthParts(x: HealthInput): PartScore[] {
  const growth =
    x.membersStart === 0 ? (x.membersEnd > 0 ? 1 : null) : (x.membersEnd - x.membersStart) / x.membersStart;
  const activity = x.membersEnd === 0 ? null : x.active / x.membersEnd;
  const retention = x.activePrevious === 0 ? null : x.retained / x.activePrevious;
  return [
    { part: 'growth', value: growth, score: growth === null ? null : clamp(50 + 250 * growth) },
    { part: 'activity', value: activity, score: activity === null ? null : clamp((activity / 0.5) * 100) },
    { part: 'retention', value: retention, score: retention === null ? null : clamp(retention * 100) },
    { part: 'sentiment', value: x.sentiment, score: x.sentiment === null ? null : clamp(x.sentiment) },
  ];
}

/** The weighted mean of the parts that have a score, rounded to a whole number; null when none has. */
export function healthScore(parts: PartScore[]): number | null {
  const present = parts.filter((p) => p.score !== null);
  const weight = present.reduce((s, p) => s + WEIGHTS[p.part], 0);
  return weight === 0 ? null : Math.round(present.reduce((s, p) => s + p.score! * WEIGHTS[p.part], 0) / weight);
}

/** The part with the lowest score below 60, which the advice points at (none when all are healthy). */
export function weakestPart(parts: PartScore[]): Part | null {
  const weak = parts
    .filter((p) => p.score !== null && p.score < 60)
    .sort((a, b) => a.score! - b.score! || WEIGHTS[b.part] - WEIGHTS[a.part]);
  return weak[0]?.part ?? null;
}

/** A weak part (score below 60) and the community's figures behind it, for the console to word. */
export interface Finding {
  part: Part;
  score: number;
  params: Record<string, number>;
}

const percent = (x: number) => Math.round(x * 1000) / 10;

/** Every weak part, weakest first (ties: the heavier part first), with its own figures. */
export function findings(parts: PartScore[], x: HealthInput): Finding[] {
  const params: Record<Part, Record<string, number>> = {
    growth: { start: x.membersStart, end: x.membersEnd, change: percent(parts[0]!.value ?? 0) },
    activity: { active: x.active, members: x.membersEnd, rate: percent(parts[1]!.value ?? 0) },
    retention: { previous: x.activePrevious, retained: x.retained, rate: percent(parts[2]!.value ?? 0) },
    sentiment: { score: Math.round(parts[3]!.value ?? 0) },
  };
  return parts
    .filter((p) => p.score !== null && p.score < 60)
    .sort((a, b) => a.score! - b.score! || WEIGHTS[b.part] - WEIGHTS[a.part])
    .map((p) => ({ part: p.part, score: Math.round(p.score!), params: params[p.part] }));
}
