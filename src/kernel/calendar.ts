import { wallClockToUtc, zoneOffsetMinutes } from './time-zone.js';

/**
 * Calendar days, ISO weeks (Monday first) and months as a clock in the workspace time zone shows
 * them, fast enough for a million activities (offsets come from the cached zone table). Dates are
 * 'YYYY-MM-DD' strings.
 */
const DAY_MS = 86_400_000;

export const pad = (n: number) => String(n).padStart(2, '0');

/** Calendar fields of `instant` as a clock in `tz` shows it (wd: 0 = Monday). */
export function zonedFields(tz: string, instant: number) {
  const local = new Date(instant + zoneOffsetMinutes(tz, instant) * 60_000);
  return {
    y: local.getUTCFullYear(),
    m: local.getUTCMonth() + 1,
    d: local.getUTCDate(),
    wd: (local.getUTCDay() + 6) % 7,
  };
}

/** The day of `instant` in `tz`. */
export function localDay(tz: string, instant: Date | number): string {
  const f = zonedFields(tz, +instant);
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
  const f = zonedFields(tz, +instant);
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

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === s;
}

/** A date ('YYYY-MM-DD') moved by `days` days. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** The next midnight in `tz` after `now`: the day it starts and the instant (nightly jobs run then). */
export function nextMidnight(tz: string, now: Date): { day: string; at: Date } {
  const day = addDays(localDay(tz, now), 1);
  return { day, at: dayStart(tz, day) };
}
