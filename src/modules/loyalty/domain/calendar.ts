import { wallClockToUtc, zoneOffsetMinutes } from '../../../kernel/time-zone.js';

/**
 * The programme's calendar, cut in the workspace time zone: days for caps and streaks, ISO weeks
 * (Monday first) for weekly caps, calendar months for the growth window and points expiry, and
 * months or quarters for periodic tier evaluation. Dates are 'YYYY-MM-DD' strings.
 */
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** Calendar fields of `instant` as a clock in `tz` shows it. */
function fields(tz: string, instant: number) {
  const local = new Date(instant + zoneOffsetMinutes(tz, instant) * 60_000);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate(), wd: (local.getUTCDay() + 6) % 7 };
}

/** The day of `instant` in `tz`. */
export function localDay(tz: string, instant: Date | number): string {
  const f = fields(tz, +instant);
  return `${f.y}-${pad(f.m)}-${pad(f.d)}`;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date: consecutive days differ by one. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** The day number of `instant`'s day in `tz` (fast path for rule evaluation). */
export function localDayNumber(tz: string, instant: number): number {
  return Math.floor((instant + zoneOffsetMinutes(tz, instant) * 60_000) / DAY_MS);
}

/** The Monday that starts the ISO week of `instant` in `tz`, as a day number. */
export function localWeekNumber(tz: string, instant: number): number {
  const day = localDayNumber(tz, instant);
  // 1970-01-01 was a Thursday: day 0 has weekday 3 (Monday = 0).
  return day - ((day + 3) % 7);
}

/** The first day of the month of `instant` in `tz`. */
export function monthOf(tz: string, instant: Date | number): string {
  const f = fields(tz, +instant);
  return `${f.y}-${pad(f.m)}-01`;
}

/** A month ('YYYY-MM-01') moved by `n` months. */
export function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + (Number(month.slice(5, 7)) - 1) + n;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`;
}

/** The instant a calendar day starts in `tz`. */
export function dayStart(tz: string, date: string): Date {
  return new Date(wallClockToUtc(tz, Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))));
}

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
export function evaluationPeriodOf(tz: string, instant: Date | number, period: EvaluationPeriod): { key: string; start: Date; next: Date } {
  const f = fields(tz, +instant);
  if (period === 'monthly') {
    const m = `${f.y}-${pad(f.m)}-01`;
    return { key: m.slice(0, 7), start: dayStart(tz, m), next: dayStart(tz, addMonths(m, 1)) };
  }
  const q = Math.floor((f.m - 1) / 3);
  const m = `${f.y}-${pad(q * 3 + 1)}-01`;
  return { key: `${f.y}-Q${q + 1}`, start: dayStart(tz, m), next: dayStart(tz, addMonths(m, 3)) };
}
