/**
 * Time in the demo. Communities live on Asia/Shanghai time (UTC+8, no daylight saving), so days,
 * weekdays and hours are computed on the shifted clock and stored as UTC instants.
 */
import { type Rng, weighted } from './random.js';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
const OFFSET = 8 * HOUR;

/** Shanghai calendar day number (days since 1970-01-01 local). */
export const dayOf = (ts: number): number => Math.floor((ts + OFFSET) / DAY);
/** UTC instant of Shanghai midnight starting `day`. */
export const dayStart = (day: number): number => day * DAY - OFFSET;
/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export const weekdayOf = (day: number): number => (day + 4) % 7;
export const hourOf = (ts: number): number => Math.floor(((ts + OFFSET) % DAY) / HOUR);

/** Shanghai date parts, for order numbers and ISO dates. */
export function localDate(ts: number): { y: number; m: number; d: number } {
  const t = new Date(ts + OFFSET);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
export const compactDate = (ts: number): string => {
  const { y, m, d } = localDate(ts);
  return `${y}${pad(m)}${pad(d)}`;
};
export const isoDate = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
/** Shanghai wall-clock time to a UTC instant. */
export const shanghai = (y: number, m: number, d: number, h = 0, min = 0): number =>
  Date.UTC(y, m - 1, d, h, min) - OFFSET;

export interface Window {
  start: number;
  end: number;
  startDay: number;
  endDay: number;
  /** Days in the window, both ends included. */
  days: number;
  /** A point `f` of the way through the window, snapped to Shanghai midnight. */
  dayAt(f: number): number;
}

/** The window starts at Shanghai midnight `months` calendar months before `end`. */
export function buildWindow(end: Date, months: number): Window {
  const endTs = end.getTime();
  const local = new Date(endTs + OFFSET);
  const from = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - months, local.getUTCDate()) - OFFSET;
  const startDay = dayOf(from);
  const endDay = dayOf(endTs);
  const days = endDay - startDay + 1;
  return {
    start: dayStart(startDay),
    end: endTs,
    startDay,
    endDay,
    days,
    dayAt: (f) => startDay + Math.min(days - 1, Math.max(0, Math.round(f * (days - 1)))),
  };
}

/** Relative volume by weekday, Sunday first: busiest mid-week, quieter at weekends. */
export const WEEKDAY_VOLUME = [0.85, 0.95, 1.1, 1.15, 1.1, 0.95, 0.8];

// Hour-of-day weights, 00:00 first. Lunch (12–13) and the evening (20–22) are the peaks; the night
// (01–07) is nearly silent, which is what operators expect when they look at the heatmap.
const MESSAGE_WEEKDAY = [
  0.9, 0.35, 0.15, 0.08, 0.05, 0.1, 0.35, 1.2, 2.2, 2.6, 2.8, 3.0, 4.6, 3.8, 2.4, 2.4, 2.5, 2.6, 2.9, 3.8, 5.6, 5.9,
  4.1, 2.1,
];
const MESSAGE_WEEKEND = [
  1.4, 0.6, 0.25, 0.12, 0.07, 0.08, 0.2, 0.6, 1.3, 2.3, 3.0, 3.3, 3.6, 3.4, 3.2, 3.3, 3.2, 3.0, 2.9, 3.5, 4.6, 4.8, 3.9,
  2.6,
];
const CHECK_IN = [
  0.3, 0.05, 0, 0, 0, 0.1, 1.2, 5, 6, 4, 2, 1, 1.5, 0.8, 0.4, 0.4, 0.4, 0.5, 0.6, 0.8, 1.2, 1.6, 1.8, 1,
];
const JOIN = [
  0.6, 0.2, 0.08, 0.04, 0.03, 0.05, 0.2, 0.8, 1.5, 2.2, 2.6, 2.6, 3.2, 3, 2.5, 2.4, 2.4, 2.5, 2.8, 3.4, 4.2, 4.4, 3.4,
  1.8,
];
const PURCHASE = [
  1.2, 0.5, 0.2, 0.1, 0.05, 0.05, 0.1, 0.4, 0.9, 1.4, 1.8, 1.9, 2.4, 2.2, 1.8, 1.7, 1.7, 1.8, 1.9, 2.4, 3.2, 3.6, 3.0,
  2.0,
];

const hourTable = (w: number[]) => weighted(w.map((x, h) => [h, x] as const));
const tables = {
  message: [hourTable(MESSAGE_WEEKEND), hourTable(MESSAGE_WEEKDAY)],
  check_in: [hourTable(CHECK_IN), hourTable(CHECK_IN)],
  join: [hourTable(JOIN), hourTable(JOIN)],
  purchase: [hourTable(PURCHASE), hourTable(PURCHASE)],
};
export type Rhythm = keyof typeof tables;

/** A believable instant on `day` for this kind of action, to the second. */
export function timeOnDay(rng: Rng, day: number, rhythm: Rhythm): number {
  const wd = weekdayOf(day);
  const hour = tables[rhythm][wd === 0 || wd === 6 ? 0 : 1](rng);
  return dayStart(day) + hour * HOUR + Math.floor(rng.next() * 3600) * 1000;
}

/** Round to whole seconds: chat exports and order systems do not carry milliseconds. */
export const toSecond = (ts: number): number => Math.floor(ts / 1000) * 1000;

/** Latest Shanghai date (month, day) that falls inside the window, as a day number. */
export function lastOccurrence(win: Window, month: number, day: number): number | null {
  const endYear = localDate(win.end).y;
  for (let y = endYear; y >= endYear - 2; y--) {
    const d = dayOf(shanghai(y, month, day));
    if (d >= win.startDay && d <= win.endDay) return d;
  }
  return null;
}

/** The Saturday on or before `day` (Saturdays are when offline salons happen). */
export const saturdayOnOrBefore = (day: number): number => day - ((weekdayOf(day) + 1) % 7);
