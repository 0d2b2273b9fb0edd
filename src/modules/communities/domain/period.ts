import { addDays, dayStart, isCalendarDate, localDay } from '../../../kernel/calendar.js';
import { KithError, type FieldProblem } from '../../../kernel/errors.js';

/**
 * Reporting periods. Operators think in days of their own time zone ("joins on 2 March"), so a
 * bare date means that whole day in the workspace time zone, while a full timestamp means that
 * exact instant. A period is half-open: [from, to).
 */
export interface Period {
  from: Date;
  to: Date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Reads one bound; `end` = the bound closes the period, so a date includes that whole day. */
function bound(raw: string, field: string, tz: string, end: boolean, problems: FieldProblem[]): Date | null {
  if (DATE.test(raw)) {
    if (!isCalendarDate(raw)) {
      problems.push({ path: field, message: 'is not a calendar date' });
      return null;
    }
    return dayStart(tz, end ? addDays(raw, 1) : raw);
  }
  const t = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(t)) {
    problems.push({
      path: field,
      message: 'must be a date (YYYY-MM-DD) or a date-time with a zone (2024-03-01T08:00:00+08:00)',
    });
    return null;
  }
  return new Date(t);
}

export interface PeriodOptions {
  timeZone: string;
  now: Date;
  /** Length of the period when `from` is not given: that many days ending with `to` (default today). */
  defaultDays: number;
  /** Longest period accepted, in days (a daily series longer than this is refused). */
  maxDays?: number;
}

export function resolvePeriod(input: { from?: string; to?: string }, o: PeriodOptions): Period {
  const problems: FieldProblem[] = [];
  const today = localDay(o.timeZone, o.now);
  const to =
    input.to !== undefined
      ? bound(input.to, 'to', o.timeZone, true, problems)
      : dayStart(o.timeZone, addDays(today, 1));
  let from: Date | null = null;
  if (input.from !== undefined) from = bound(input.from, 'from', o.timeZone, false, problems);
  else if (to)
    from = dayStart(o.timeZone, addDays(localDay(o.timeZone, new Date(to.getTime() - 1)), 1 - o.defaultDays));
  if (from && to && from >= to) problems.push({ path: 'to', message: 'must be after from' });
  // An hour of slack: a period of whole local days may be 25 hours longer across a DST change.
  if (from && to && o.maxDays && to.getTime() - from.getTime() > o.maxDays * DAY_MS + 3_600_000) {
    problems.push({ path: 'to', message: `the period may cover at most ${o.maxDays} days` });
  }
  if (problems.length) {
    throw new KithError('VALIDATION_FAILED', problems.map((p) => `${p.path}: ${p.message}`).join('; '), {
      fields: problems,
    });
  }
  return { from: from!, to: to! };
}
