/**
 * Cohort calendars: a cohort is the members who joined in one week (Monday to Sunday) or calendar
 * month of the workspace time zone; period k is the k-th week or month after it (0: the joining
 * one). Days are YYYY-MM-DD strings; pure, no clock.
 */
export type Grain = 'week' | 'month';

const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The first day of the week (Monday) or month containing `day`. */
export function startOf(grain: Grain, day: string): string {
  const d = utc(day);
  if (grain === 'month') return `${day.slice(0, 7)}-01`;
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return iso(d);
}

/** The start of the period `k` weeks or months after the period starting on `start`. */
export function shift(grain: Grain, start: string, k: number): string {
  const d = utc(start);
  if (grain === 'week') d.setUTCDate(d.getUTCDate() + 7 * k);
  else d.setUTCMonth(d.getUTCMonth() + k);
  return iso(d);
}

/** The cohorts whose periods start from `from`'s period to `to`'s, in order. */
export function cohortStarts(grain: Grain, from: string, to: string): string[] {
  const out: string[] = [];
  for (let s = startOf(grain, from); s <= to; s = shift(grain, s, 1)) out.push(s);
  return out;
}

/** How many periods of the cohort have begun by `today` (0 when the cohort lies in the future). */
export function periodsBegun(grain: Grain, cohort: string, today: string): number {
  let k = 0;
  while (shift(grain, cohort, k) <= today) k++;
  return k;
}

export interface CohortRow {
  cohort: string;
  size: number;
  active: number[];
  rates: number[];
}

/**
 * The retention matrix: for each cohort, its size and, for each period that has begun (at most
 * `periods`), the members active in it and their share of the cohort (0 for an empty cohort).
 */
export function retentionMatrix(
  grain: Grain,
  starts: string[],
  sizes: Map<string, number>,
  cells: Map<string, Map<number, number>>,
  today: string,
  periods: number,
): CohortRow[] {
  return starts.map((cohort) => {
    const size = sizes.get(cohort) ?? 0;
    const n = Math.min(periods, periodsBegun(grain, cohort, today));
    const active = Array.from({ length: n }, (_, k) => cells.get(cohort)?.get(k) ?? 0);
    return { cohort, size, active, rates: active.map((a) => (size === 0 ? 0 : a / size)) };
  });
}
