/**
 * Wall-clock time in a named zone → UTC instant. Spreadsheets and chat exports write times the
 * way a clock on the wall showed them ("2024-03-01 9:05"), with no zone. Kith reads them in the
 * workspace time zone so a 9 o'clock message lands at 9 o'clock in every report, including in
 * zones with daylight saving time, where some wall times happen twice and some never happen.
 *
 * Asking Intl for a zone offset costs microseconds; a million chat lines would spend seconds on
 * it. Offsets change at most once a day, so each zone remembers the offsets of the UTC days it
 * has seen, and the exact second of the change on the rare day that has one.
 */

const DAY = 86_400_000;

interface DayOffsets {
  /** Offset (ms, local minus UTC) at the start of the UTC day. */
  before: number;
  /** Offset at the end of the day; equal to `before` on all but transition days. */
  after: number;
  /** First instant (ms) that has the `after` offset. */
  switchAt: number;
}

class ZoneOffsets {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly days = new Map<number, DayOffsets>();

  constructor(readonly timeZone: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  }

  /** Offset in ms (local minus UTC) in effect at `instant`. */
  offsetAt(instant: number): number {
    const dayIndex = Math.floor(instant / DAY);
    let d = this.days.get(dayIndex);
    if (d === undefined) {
      d = this.computeDay(dayIndex);
      this.days.set(dayIndex, d);
    }
    return instant < d.switchAt ? d.before : d.after;
  }

  private computeDay(dayIndex: number): DayOffsets {
    const start = dayIndex * DAY;
    const end = start + DAY;
    const before = this.rawOffset(start);
    const after = this.rawOffset(end);
    if (before === after) return { before, after, switchAt: end };
    // Find the first second of the new offset by bisection: about 17 Intl calls, once a year.
    let lo = start / 1000;
    let hi = end / 1000;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.rawOffset(mid * 1000) === before) lo = mid;
      else hi = mid;
    }
    return { before, after, switchAt: hi * 1000 };
  }

  private rawOffset(instant: number): number {
    let year = 0,
      month = 1,
      day = 1,
      hour = 0,
      minute = 0,
      second = 0,
      bc = false;
    for (const p of this.fmt.formatToParts(instant)) {
      switch (p.type) {
        case 'year':
          year = Number(p.value);
          break;
        case 'month':
          month = Number(p.value);
          break;
        case 'day':
          day = Number(p.value);
          break;
        case 'hour':
          hour = Number(p.value) % 24;
          break;
        case 'minute':
          minute = Number(p.value);
          break;
        case 'second':
          second = Number(p.value);
          break;
        case 'era':
          bc = p.value.startsWith('B');
          break;
      }
    }
    const local = utcFromFields(bc ? 1 - year : year, month, day, hour, minute, second, 0);
    const whole = instant - (((instant % 1000) + 1000) % 1000);
    return local - whole;
  }
}

const zones = new Map<string, ZoneOffsets>();

function zoneFor(timeZone: string): ZoneOffsets {
  let z = zones.get(timeZone);
  if (z === undefined) {
    try {
      z = new ZoneOffsets(timeZone);
    } catch {
      throw new RangeError(`Unknown time zone "${timeZone}"; use an IANA name such as Asia/Shanghai`);
    }
    zones.set(timeZone, z);
  }
  return z;
}

/** Date.UTC that also handles years 0–99 literally instead of mapping them to 1900–1999. */
export function utcFromFields(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}

/** Offset in minutes (local minus UTC) of `timeZone` at `instant`, e.g. 480 for Asia/Shanghai. */
export function zoneOffsetMinutes(timeZone: string, instant: number): number {
  return zoneFor(timeZone).offsetAt(instant) / 60_000;
}

/**
 * The UTC instant (ms) at which clocks in `timeZone` showed the given wall time. When the wall
 * time happened twice (clocks set back), the earlier instant wins; when it never happened
 * (clocks set forward), it is read with the offset from before the change, so 02:30 on a
 * spring-forward night becomes 03:30 — the same choice calendars and Temporal make.
 */
export function wallClockToUtc(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const zone = zoneFor(timeZone);
  const local = utcFromFields(year, month, day, hour, minute, second, ms);
  const earlier = zone.offsetAt(local - DAY);
  const later = zone.offsetAt(local + DAY);
  const a = local - earlier;
  if (earlier === later) {
    // Nearly always: no change around this time. Still confirm, for zones that changed twice.
    if (zone.offsetAt(a) === earlier) return a;
  }
  const b = local - later;
  const aValid = zone.offsetAt(a) === earlier;
  const bValid = zone.offsetAt(b) === later;
  if (aValid && bValid) return Math.min(a, b);
  if (aValid) return a;
  if (bValid) return b;
  return a;
}

/** Throws a RangeError for names Intl does not know, so a typo in settings fails loudly. */
export function assertTimeZone(timeZone: string): void {
  zoneFor(timeZone);
}
