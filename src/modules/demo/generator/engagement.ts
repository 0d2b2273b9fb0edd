/**
 * Events and surveys. Registrations open a couple of weeks ahead and cluster right after the
 * announcement; about 70% of registrants show up. Offline events draw almost only local members.
 */
import { COMMUNITIES } from './communities.js';
import { DAY, HOUR, MINUTE, dayOf, timeOnDay, toSecond } from './calendar.js';
import { CI } from './memberships.js';
import type { Act, MemberPlan, MembershipPlan } from './model.js';
import { PERSONAS } from './personas.js';
import { type Rng, stream } from './random.js';
import type { Schedule } from './schedule.js';
import type { Spans } from './spans.js';
import type { Persona } from './types.js';

const SURVEY_WILLINGNESS: Record<Persona, number> = {
  core: 1.6,
  active: 1.3,
  casual: 0.8,
  lurker: 0.35,
  buyer_only: 0.5,
  churned: 0.6,
  dormant: 0.8,
};

/** A plausible moment in [from, to), front-loaded when `skew` > 1 (right after an announcement). */
function momentBetween(rng: Rng, from: number, to: number, skew: number): number {
  const first = dayOf(from);
  const days = dayOf(to - 1) - first + 1;
  const ts = timeOnDay(rng, first + Math.floor(days * rng.next() ** skew), 'message');
  return ts >= from && ts < to ? ts : toSecond(from + (to - from) * rng.next());
}

export function eventActivities(
  seed: number,
  members: MemberPlan[],
  memberships: MembershipPlan[],
  sched: Schedule,
  spans: Spans,
): Act[] {
  const rng = stream(seed, 'events');
  const acts: Act[] = [];
  for (const event of sched.events) {
    const hosts = event.communities.map((k) => CI[k]);
    const opensAt = event.startsAt - (event.format === 'offline' ? 21 : 14) * DAY;
    const closesAt = event.startsAt - 30 * MINUTE;
    const seen = new Set<number>();
    const regs: { ms: MembershipPlan; ts: number }[] = [];
    for (const [rank, community] of hosts.entries()) {
      for (const ms of memberships) {
        const m = members[ms.member];
        if (ms.community !== community || seen.has(m.idx) || m.official) continue;
        const [from, to] = spans.span(ms);
        // Registrants must still be in the group when the event is over.
        if (from >= closesAt || to <= event.startsAt + 3 * HOUR) continue;
        let p = PERSONAS[m.persona].register * (rank === 0 ? 1 : 0.5);
        if (event.city) p *= m.profile.city === event.city ? 1.6 : 0.02;
        if (!rng.chance(p)) continue;
        seen.add(m.idx);
        regs.push({ ms, ts: momentBetween(rng, Math.max(from, opensAt), closesAt, 1.8) });
      }
    }
    regs.sort((a, b) => a.ts - b.ts);
    // First come, first served when seats are limited.
    const accepted = event.capacity === null ? regs : regs.slice(0, event.capacity);
    const props = { eventKey: event.key, eventName: event.name, format: event.format, city: event.city };
    for (const { ms, ts } of accepted) {
      const m = members[ms.member];
      const channel = COMMUNITIES[ms.community].channel;
      acts.push({
        ts,
        member: m.idx,
        community: ms.community,
        channel,
        kind: 'event_registered',
        properties: { ...props },
      });
      if (!rng.chance(PERSONAS[m.persona].attend)) continue;
      const offset = event.format === 'offline' ? rng.int(-30, 15) : rng.int(-5, 25);
      acts.push({
        ts: toSecond(event.startsAt + offset * MINUTE + rng.int(0, 59) * 1000),
        member: m.idx,
        community: ms.community,
        channel,
        kind: 'event_attended',
        properties: { ...props },
      });
    }
  }
  return acts;
}

export function surveyActivities(
  seed: number,
  members: MemberPlan[],
  memberships: MembershipPlan[],
  sched: Schedule,
  spans: Spans,
): Act[] {
  const rng = stream(seed, 'surveys');
  const acts: Act[] = [];
  for (const survey of sched.surveys) {
    const community = CI[survey.community];
    const seen = new Set<number>();
    for (const ms of memberships) {
      const m = members[ms.member];
      if (ms.community !== community || m.official || seen.has(m.idx)) continue;
      const [from, to] = spans.span(ms);
      if (from > survey.sentAt || to <= survey.sentAt) continue;
      if (!rng.chance(survey.reach * SURVEY_WILLINGNESS[m.persona])) continue;
      const ts = toSecond(survey.sentAt + Math.min(6 * DAY, rng.exp(1.2 * DAY)) + rng.int(1, 3600) * 1000);
      if (ts >= to) continue;
      seen.add(m.idx);
      const nps = Math.max(0, Math.min(10, Math.round(rng.normal(survey.npsMean, 2))));
      const answers =
        survey.community === 'tasters'
          ? {
              brewMethod: rng.pick(['手冲', '意式', '冷萃', '法压']),
              acidity: rng.pick(['偏高', '适中', '适中', '偏低']),
              wouldBuy: nps >= 7,
            }
          : { responseSpeed: nps >= 8 ? '满意' : nps >= 6 ? '一般' : '不满意', resolved: nps >= 5 || rng.chance(0.3) };
      acts.push({
        ts,
        member: m.idx,
        community,
        channel: COMMUNITIES[community].channel,
        kind: 'survey_response',
        properties: { surveyId: survey.id, title: survey.title, nps, answers },
      });
    }
  }
  return acts;
}
