import { addDays, daysBetween, isCalendarDate, localDay } from '../../../kernel/calendar.js';
import type { FieldProblem } from '../../../kernel/errors.js';

/**
 * The overview's reporting period: whole calendar days of the workspace time zone, both ends
 * included ("1 March to 31 March"). Days stay dates here; PostgreSQL turns them into instants with
 * `at time zone`, so the day cut is the database's, the same as the communities trend's.
 */
export interface DayPeriod {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, included, YYYY-MM-DD. */
  to: string;
  /** Today in the workspace time zone; "active in the last 7 days" counts back from it. */
  today: string;
}

export { addDays, daysBetween, isCalendarDate };

export interface PeriodRules {
  timeZone: string;
  now: Date;
  defaultDays: number;
  maxDays: number;
}

/**
 * Reads `from`/`to` as typed by a caller. Without `to` the period ends today; without `from` it is
 * the `defaultDays` days ending with `to`. Problems name the field, for a clear 400.
 */
export function resolveDayPeriod(
  input: { from?: string; to?: string },
  rules: PeriodRules,
): { period: DayPeriod; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const today = localDay(rules.timeZone, rules.now);
  for (const field of ['from', 'to'] as const) {
    const v = input[field];
    if (v !== undefined && !isCalendarDate(v))
      problems.push({ path: field, message: 'must be a calendar date (YYYY-MM-DD)' });
  }
  const to = input.to !== undefined && isCalendarDate(input.to) ? input.to : today;
  const from = input.from !== undefined && isCalendarDate(input.from) ? input.from : addDays(to, 1 - rules.defaultDays);
  if (problems.length === 0) {
    if (from > to) problems.push({ path: 'to', message: 'must not be before from' });
    else if (daysBetween(from, to) > rules.maxDays)
      problems.push({ path: 'to', message: `the period may cover at most ${rules.maxDays} days` });
  }
  return { period: { from, to, today }, problems };
}
