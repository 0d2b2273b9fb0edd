import { addMonths, dayStart, monthOf, pad, zonedFields } from '../../../kernel/calendar.js';

/**
 * The programme's calendar, cut in the workspace time zone: calendar months for the growth window
 * and points expiry, and months or quarters for periodic tier evaluation.
 */
export {
  addMonths,
  dayNumber,
  dayStart,
  localDay,
  localDayNumber,
  localWeekNumber,
  monthOf,
} from '../../../kernel/calendar.js';

/**
 * When points earned at `earnedAt` expire: at the end of the `months`-th calendar month after the
 * month they were earned in (earned in March with 12 → the end of March next year). Null: never.
 */
export function pointsExpiry(tz: string, earnedAt: Date | number, months: number | null): Date | null {
  if (months === null) return null;
  return dayStart(tz, addMonths(monthOf(tz, earnedAt), months + 1));
}

/** The first month of the growth qualification window that ends with `now`'s month; null = lifetime. */
export function windowStartMonth(tz: string, now: Date | number, months: number | null): string | null {
  return months === null ? null : addMonths(monthOf(tz, now), -(months - 1));
}

export type EvaluationPeriod = 'monthly' | 'quarterly';

/** The evaluation period holding `instant`: its key ('2026-12' or '2026-Q4') and bounds. */
export function evaluationPeriodOf(
  tz: string,
  instant: Date | number,
  period: EvaluationPeriod,
): { key: string; start: Date; next: Date } {
  const f = zonedFields(tz, +instant);
  if (period === 'monthly') {
    const m = `${f.y}-${pad(f.m)}-01`;
    return { key: m.slice(0, 7), start: dayStart(tz, m), next: dayStart(tz, addMonths(m, 1)) };
  }
  const q = Math.floor((f.m - 1) / 3);
  const m = `${f.y}-${pad(q * 3 + 1)}-01`;
  return { key: `${f.y}-Q${q + 1}`, start: dayStart(tz, m), next: dayStart(tz, addMonths(m, 3)) };
}
