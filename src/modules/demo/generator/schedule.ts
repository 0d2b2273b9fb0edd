/**
 * The brand's calendar inside the window: when each group opened, the product launch week, the
 * 618 and 双11 promotions, events, content and surveys. Everything is placed relative to the window
 * so any `end` and `months` give a coherent story; with the defaults the dates are the real ones
 * (618 on June 18, 双11 on November 11).
 */
import { COMMUNITIES, type CommunityKey } from './communities.js';
import { CONTENT, EVENTS, SURVEYS, type ContentSpec, type EventSpec, type SurveySpec } from './catalog.js';
import type { Season } from './templates.js';
import { DAY, HOUR, type Window, dayOf, dayStart, lastOccurrence, saturdayOnOrBefore, weekdayOf } from './calendar.js';

export interface Promo {
  key: '618' | 'double11' | 'launch';
  fromDay: number;
  toDay: number;
  peakDays: number[];
  discount: number;
}

export interface ScheduledEvent extends EventSpec {
  startsAt: number;
}
export interface ScheduledContent extends ContentSpec {
  publishedAt: number;
}
export interface ScheduledSurvey extends SurveySpec {
  sentAt: number;
}

export interface Schedule {
  win: Window;
  opened: Record<CommunityKey, number>;
  launchDay: number;
  promos: Promo[];
  events: ScheduledEvent[];
  content: ScheduledContent[];
  surveys: ScheduledSurvey[];
  /** Relative weight of new members arriving on each day of the window (index 0 = start day). */
  arrivalWeights: number[];
  /** Chat multiplier for a community on a day: launch buzz, promotions, event days. */
  chatBoost(community: CommunityKey, day: number): number;
  promoOn(day: number): Promo | null;
  /** What people talk about on `day`: the 双11 run-up, the launch, an upcoming event. */
  seasonsOn(day: number): readonly Season[];
}

export function buildSchedule(win: Window): Schedule {
  const opened = {} as Record<CommunityKey, number>;
  for (const c of COMMUNITIES) {
    const o = c.opened;
    let day: number;
    if ('beforeStartDays' in o) day = win.startDay - o.beforeStartDays;
    else if ('windowFraction' in o) day = win.dayAt(o.windowFraction);
    else day = Math.max(win.startDay, win.endDay - o.beforeEndDays);
    // Groups are opened in office hours.
    opened[c.key] = dayStart(day) + 10 * HOUR + ((c.key.length * 7) % 50) * 60_000;
  }

  // New products launch on a Tuesday, about a third of the way in.
  let launchDay = win.dayAt(0.3);
  while (weekdayOf(launchDay) !== 2 && launchDay > win.startDay) launchDay--;

  const promos: Promo[] = [
    { key: 'launch', fromDay: launchDay, toDay: launchDay + 6, peakDays: [launchDay], discount: 0.8 },
  ];
  const d618 = lastOccurrence(win, 6, 18);
  if (d618 !== null)
    promos.push({ key: '618', fromDay: d618 - 17, toDay: d618, peakDays: [d618, d618 - 17], discount: 0.9 });
  const d11 = lastOccurrence(win, 11, 11);
  if (d11 !== null)
    promos.push({ key: 'double11', fromDay: d11 - 18, toDay: d11, peakDays: [d11, d11 - 10], discount: 0.85 });

  const eventDay: Record<string, number> = {
    'tasting-launch': launchDay + 2,
    'salon-shanghai': saturdayOnOrBefore(win.dayAt(0.58)),
    'live-double11': d11 !== null ? d11 - 5 : win.dayAt(0.9),
    'meetup-chengdu': saturdayOnOrBefore(Math.min(win.endDay - 2, dayOf(opened.chengdu) + 20)),
  };
  const eventHour: Record<string, number> = {
    'tasting-launch': 20,
    'salon-shanghai': 14,
    'live-double11': 20,
    'meetup-chengdu': 15,
  };
  const events = EVENTS.map((e) => ({ ...e, startsAt: dayStart(eventDay[e.key]) + eventHour[e.key] * HOUR }))
    // An event needs its groups to exist a week before it, and must be over before the window ends.
    .filter((e) => e.startsAt + 3 * HOUR < win.end && e.communities.every((c) => opened[c] < e.startsAt - 7 * DAY));

  const content = CONTENT.map((c) => ({
    ...c,
    publishedAt: dayStart(win.dayAt(c.at)) + (9 + (c.id.charCodeAt(4) % 4)) * HOUR,
  })).filter((c) => c.communities.some((k) => opened[k] < c.publishedAt));
  const surveys = SURVEYS.map((s) => ({ ...s, sentAt: dayStart(win.dayAt(s.at)) + 19 * HOUR })).filter(
    (s) => opened[s.community] < s.sentAt && s.sentAt < win.end - 7 * DAY,
  );

  const promoOn = (day: number): Promo | null => promos.find((p) => day >= p.fromDay && day <= p.toDay) ?? null;

  // An S-curve (logistic) of cumulative members with bursts on top: launch week and the 双11 run-up.
  const arrivalWeights: number[] = [];
  for (let i = 0; i < win.days; i++) {
    const day = win.startDay + i;
    const x = i / Math.max(1, win.days - 1);
    const e = Math.exp(-7 * (x - 0.5));
    let w = 0.25 + (7 * e) / ((1 + e) * (1 + e));
    const promo = promoOn(day);
    if (promo?.key === 'launch') w *= 2.6;
    else if (promo?.key === 'double11') w *= day >= promo.toDay - 10 ? 2.4 : 1.5;
    else if (promo?.key === '618') w *= 1.3;
    if (day >= dayOf(opened.chengdu) && day < dayOf(opened.chengdu) + 10) w *= 1.4;
    arrivalWeights.push(w);
  }

  const boostOn = (community: CommunityKey, day: number): number => {
    let b = 1;
    const age = (dayStart(day) - opened[community]) / DAY;
    const spec = COMMUNITIES.find((c) => c.key === community);
    if (spec?.stage === 'launch' && age >= 0) b *= 1 + 1.2 * Math.exp(-age / 12);
    const promo = promoOn(day);
    if (promo?.key === 'launch' && (community === 'tasters' || community === 'fans')) b *= 1.5;
    if (promo?.key === 'double11' && community !== 'pourover') b *= promo.peakDays.includes(day) ? 1.8 : 1.25;
    if (promo?.key === '618' && promo.peakDays.includes(day)) b *= 1.3;
    for (const e of events) if (e.communities[0] === community && dayOf(e.startsAt) === day) b *= 1.8;
    return b;
  };
  // Looked up for every member-day, so computed once per community and day.
  const boosts = new Map<CommunityKey, Float64Array>();
  for (const c of COMMUNITIES) {
    const row = new Float64Array(win.days);
    for (let i = 0; i < win.days; i++) row[i] = boostOn(c.key, win.startDay + i);
    boosts.set(c.key, row);
  }
  const chatBoost = (community: CommunityKey, day: number): number => boosts.get(community)![day - win.startDay] ?? 1;

  const seasons: Season[][] = [];
  for (let day = win.startDay; day <= win.endDay; day++) {
    const on: Season[] = [];
    if (d11 !== null && day >= d11 - 25 && day <= d11 + 3) on.push('d11');
    if (day >= launchDay && day <= launchDay + 14) on.push('launch');
    for (const e of events) {
      const eventDay = dayOf(e.startsAt);
      if (e.format === 'online' && day >= eventDay - 10 && day <= eventDay) on.push('online');
      if (e.key === 'meetup-chengdu' && day >= eventDay - 14 && day <= eventDay) on.push('meetup');
    }
    seasons.push(on);
  }
  const seasonsOn = (day: number): readonly Season[] => seasons[day - win.startDay] ?? [];

  return { win, opened, launchDay, promos, events, content, surveys, arrivalWeights, chatBoost, promoOn, seasonsOn };
}
