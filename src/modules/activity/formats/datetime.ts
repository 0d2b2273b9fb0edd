import { problemText, type ProblemCode, type ProblemParams } from '../../../web/shared/problems.js';
import { utcFromFields, wallClockToUtc } from '../../../kernel/time-zone.js';

/**
 * Dates as people type them into spreadsheets in China and elsewhere: 2024-03-01, 2024/3/1,
 * 2024年3月1日, with or without a time, or a full ISO timestamp with a zone. Anything without a
 * zone is wall-clock time in the workspace zone. Ambiguous layouts such as 03/01/2024 are refused
 * rather than guessed: a wrong month is worse than a row the user fixes.
 */

export const DATE_FORMATS_DOC = [
  'YYYY-MM-DD',
  'YYYY/M/D',
  'YYYY.M.D',
  'YYYY年M月D日',
  'any of these followed by H:MM or H:MM:SS (e.g. 2024-03-01 09:05:12, 2024/3/1 9:05)',
  'ISO 8601 with a zone (2024-03-01T09:05:12+08:00, 2024-03-01T01:05:12Z)',
];

// One pattern, compiled once: the readers call it for every row of files with a million lines.
const DATE_TIME =
  /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export interface DateParts {
  year: number;
  month: number;
  day: number;
  /** Undefined when the text had no time. */
  hour?: number;
  minute?: number;
  second?: number;
  ms?: number;
  /** Offset in minutes when the text carried a zone (`Z`, `+08:00`). */
  offsetMinutes?: number;
}

export type DateProblem = 'format' | 'impossible';

/** Splits a date text into fields, or says why it cannot: not a date layout, or no such day. */
export function parseDateParts(raw: string): DateParts | DateProblem {
  const m = DATE_TIME.exec(raw.normalize('NFKC').trim());
  if (m === null) return 'format';
  const year = Number(m[1]);
  const month = Number(m[3] ?? m[5]);
  const day = Number(m[4] ?? m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'impossible';
  const parts: DateParts = { year, month, day };
  if (m[7] !== undefined) {
    parts.hour = Number(m[7]);
    parts.minute = Number(m[8]);
    parts.second = m[9] === undefined ? 0 : Number(m[9]);
    parts.ms = m[10] === undefined ? 0 : Math.floor(Number(`0.${m[10]}`) * 1000);
    if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return 'impossible';
  }
  if (m[11] !== undefined) {
    if (m[7] === undefined) return 'format';
    const z = m[11];
    if (z === 'Z' || z === 'z') parts.offsetMinutes = 0;
    else {
      const digits = z.slice(1).replace(':', '');
      const h = Number(digits.slice(0, 2));
      const mm = digits.length > 2 ? Number(digits.slice(2)) : 0;
      if (h > 14 || mm > 59) return 'impossible';
      parts.offsetMinutes = (z[0] === '-' ? -1 : 1) * (h * 60 + mm);
    }
  }
  return parts;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The UTC instant of a parsed date: its own zone if it had one, otherwise `timeZone`'s wall clock. */
export function partsToInstant(p: DateParts, timeZone: string): number {
  if (p.offsetMinutes !== undefined) {
    return (
      utcFromFields(p.year, p.month, p.day, p.hour ?? 0, p.minute ?? 0, p.second ?? 0, p.ms ?? 0) -
      p.offsetMinutes * 60_000
    );
  }
  return wallClockToUtc(timeZone, p.year, p.month, p.day, p.hour ?? 0, p.minute ?? 0, p.second ?? 0, p.ms ?? 0);
}

/**
 * A value read from a cell, or why it cannot be: the reason's code (web/shared/problems.ts, worded
 * by the console) with its parameters, and its English text.
 */
export type Parsed<T> =
  { ok: true; value: T } | { ok: false; problem: string; code: ProblemCode; params?: ProblemParams };

/** A cell refused for `code`: the English text written from the code's template. */
export const refused = (
  code: ProblemCode,
  params?: ProblemParams,
): { ok: false; problem: string; code: ProblemCode; params?: ProblemParams } => ({
  ok: false,
  problem: problemText(code, params),
  code,
  ...(params ? { params } : {}),
});

/** A point in time → ISO UTC (`2024-03-01T01:05:12.000Z`). A bare date means its midnight. */
export function parseTimestamp(raw: string, timeZone: string): Parsed<string> {
  const p = parseDateParts(raw);
  if (p === 'format') return refused('cell.datetime');
  if (p === 'impossible') return refused('cell.datetime_impossible');
  return { ok: true, value: new Date(partsToInstant(p, timeZone)).toISOString() };
}

/**
 * A birthday → `YYYY-MM-DD`. Spreadsheet cells formatted as dates arrive with a midnight time
 * (`1990-05-01 00:00:00`), which is accepted; any other time of day means a wrong column.
 */
export function parseBirthday(raw: string, today: string): Parsed<string> {
  const p = parseDateParts(raw);
  if (p === 'format') return refused('cell.date');
  if (p === 'impossible') return refused('cell.date_impossible');
  if (p.offsetMinutes !== undefined || (p.hour !== undefined && (p.hour !== 0 || p.minute !== 0 || p.second !== 0))) {
    return refused('cell.date');
  }
  const value = `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
  if (p.year < 1900) return refused('cell.before_1900');
  if (value > today) return refused('cell.future');
  return { ok: true, value };
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
