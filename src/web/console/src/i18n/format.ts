import type { Locale } from './locale';

/**
 * Dates, times, numbers and money as the operator's language writes them. Times are shown in the
 * workspace time zone — the zone the server cuts report days in — so "created on 1 March" in a
 * list and the 1 March bar of a chart are the same day.
 */

const nf = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, opts: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = nf.get(key);
  if (!f) nf.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f;
}

export function formatNumber(n: number, locale: Locale): string {
  return numberFormat(locale).format(n);
}

/** A number with exactly `digits` decimals (12.5 → "12.50"). */
export function formatFixed(n: number, locale: Locale, digits: number): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** A percentage given in % (12.5 → "12.5%"); `signed` writes growth with its sign (+12.5%). */
export function formatPercent(percent: number, locale: Locale, opts: { signed?: boolean } = {}): string {
  return numberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: opts.signed ? 'exceptZero' : 'auto',
  }).format(percent / 100);
}

/** Money arrives as an exact decimal string ("198.00"); shown with the currency's sign. */
export function formatMoney(amount: string | number, currency: string, locale: Locale): string {
  const n = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(n)) return String(amount);
  try {
    return numberFormat(locale, { style: 'currency', currency }).format(n);
  } catch {
    return `${numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)} ${currency}`;
  }
}

const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

// Building an Intl formatter costs far more than using one; a page of members formats hundreds of dates.
const dtf = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = dtf.get(key);
  if (!f) dtf.set(key, (f = new Intl.DateTimeFormat(locale, opts)));
  return f;
}
const rtf = new Map<string, Intl.RelativeTimeFormat>();

/** 2024年3月1日 / Mar 1, 2024 */
export function formatDate(v: string | Date, locale: Locale, timeZone: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeZone }).format(toDate(v));
}

/** 2024年3月1日 09:05 / Mar 1, 2024, 9:05 AM */
export function formatDateTime(v: string | Date, locale: Locale, timeZone: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(toDate(v));
}

/** A calendar day (YYYY-MM-DD) for a chart axis: 3月1日 / Mar 1. */
export function formatDay(date: string, locale: Locale): string {
  return dateFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** A calendar day with its year: 2024年3月1日 / Mar 1, 2024. */
export function formatFullDay(date: string, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** How long ago: 3 天前 / 3 days ago, 昨天 / yesterday; under a minute is "now". */
export function formatRelative(v: string | Date, now: Date, locale: Locale): string {
  const diff = toDate(v).getTime() - now.getTime();
  let f = rtf.get(locale);
  if (!f) rtf.set(locale, (f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return f.format(Math.round(diff / ms), unit);
  }
  return f.format(0, 'second');
}

/** The calendar day of an instant in a time zone, YYYY-MM-DD. */
export function dayIn(v: string | Date, timeZone: string): string {
  return dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(toDate(v));
}

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = dateFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return (
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) -
    Math.floor(instant / 1000) * 1000
  );
}

/**
 * The instant a calendar day starts in a time zone, as an ISO string — what the API's date-time
 * filters take, so a day picked in the console means the same day the server's reports cut.
 */
export function zonedDayStart(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d);
  let guess = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
  guess = midnightUtc - zoneOffsetMs(guess, timeZone); // twice, for a DST change that day
  return new Date(guess).toISOString();
}

/**
 * The instant a wall-clock time (YYYY-MM-DD, HH:mm) is in a time zone, as an ISO string: "in force
 * from 1 March 09:00" picked in the console means 09:00 where the workspace is.
 */
export function zonedDateTime(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - zoneOffsetMs(wall, timeZone);
  guess = wall - zoneOffsetMs(guess, timeZone);
  return new Date(guess).toISOString();
}

/** The wall-clock time (HH:mm) of an instant in a time zone. */
export function timeIn(v: string | Date, timeZone: string): string {
  return dateFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(toDate(v));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}
