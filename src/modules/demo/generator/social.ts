/**
 * Life inside the groups: joins, leaves and referrals, then messages, reactions, check-in streaks
 * and content views, each on the weekday and hour rhythm of a real Chinese chat group.
 */
import { COMMUNITIES } from './communities.js';
import { DAY, HOUR, MINUTE, WEEKDAY_VOLUME, dayOf, hourOf, timeOnDay, toSecond, weekdayOf } from './calendar.js';
import type { Act, MemberPlan, MembershipPlan } from './model.js';
import { PERSONAS } from './personas.js';
import { type Rng, lowerBound, stream, weighted } from './random.js';
import type { Schedule } from './schedule.js';
import type { Spans } from './spans.js';
import { compose, type TemplateGroup } from './templates.js';

const mixOf = COMMUNITIES.map((c) => weighted(c.mix));
// Staff answer questions in the service groups and host topics and announcements elsewhere.
const serviceVoice = weighted<TemplateGroup | 'community'>([
  ['official', 62],
  ['announce', 14],
  ['greeting', 8],
  ['community', 16],
]);
const hostVoice = weighted<TemplateGroup | 'community'>([
  ['announce', 40],
  ['official', 8],
  ['greeting', 12],
  ['community', 40],
]);
const pickEmoji = weighted([
  ['👍', 40],
  ['❤️', 15],
  ['😂', 15],
  ['👏', 10],
  ['☕', 8],
  ['🎉', 6],
  ['🙏', 6],
]);

export const message = (m: MemberPlan, community: number, ts: number, text: string): Act => ({
  ts,
  member: m.idx,
  community,
  channel: COMMUNITIES[community].channel,
  kind: 'message',
  properties: { text, length: codePoints(text) },
});

/** Characters as people count them (an emoji is one), without allocating an array per message. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

export function socialActivities(
  seed: number,
  members: MemberPlan[],
  memberships: MembershipPlan[],
  sched: Schedule,
  spans: Spans,
): Act[] {
  const acts: Act[] = [];
  membershipEvents(stream(seed, 'joins'), members, memberships, acts);
  const messages = chat(stream(seed, 'chat'), members, memberships, sched, spans, acts);
  reactions(stream(seed, 'reactions'), members, memberships, sched, spans, messages, acts);
  checkIns(stream(seed, 'check-ins'), members, spans, acts);
  views(stream(seed, 'views'), members, memberships, sched, spans, acts);
  return acts;
}

function membershipEvents(rng: Rng, members: MemberPlan[], memberships: MembershipPlan[], acts: Act[]): void {
  for (const ms of memberships) {
    const channel = COMMUNITIES[ms.community].channel;
    const m = members[ms.member];
    acts.push({
      ts: ms.joinedAt,
      member: m.idx,
      community: ms.community,
      channel,
      kind: 'join',
      properties:
        ms.inviter === null
          ? { joinSource: ms.joinSource }
          : { joinSource: ms.joinSource, invitedByMemberKey: members[ms.inviter].key },
    });
    if (ms.leftAt !== null) {
      acts.push({
        ts: ms.leftAt,
        member: m.idx,
        community: ms.community,
        channel,
        kind: 'leave',
        properties: ms.leaveHow === 'removed' ? { how: 'removed', reason: '违反群规：发广告' } : { how: 'self' },
      });
    }
    if (ms.inviter !== null) {
      // The invite link was shared a little before the newcomer tapped it.
      acts.push({
        ts: toSecond(ms.joinedAt - rng.int(1, 170) * MINUTE),
        member: ms.inviter,
        community: ms.community,
        channel,
        kind: 'referral',
        properties: { referredMemberKey: m.key },
      });
    }
  }
}

function chat(
  rng: Rng,
  members: MemberPlan[],
  memberships: MembershipPlan[],
  sched: Schedule,
  spans: Spans,
  acts: Act[],
): Act[][] {
  const perCommunity: Act[][] = COMMUNITIES.map(() => []);
  const firstGroup = new Map<number, MembershipPlan>();
  for (const ms of memberships) if (!firstGroup.has(ms.member)) firstGroup.set(ms.member, ms);
  // Who can be @mentioned in each group.
  const roster: string[][] = COMMUNITIES.map(() => []);
  for (const ms of memberships)
    if (!members[ms.member].official) roster[ms.community].push(members[ms.member].profile.nickname);

  for (const ms of memberships) {
    const m = members[ms.member];
    const spec = COMMUNITIES[ms.community];
    const [from, to] = spans.span(ms);
    if (to <= from) continue;
    const profile = PERSONAS[m.persona];
    // Staff answer questions, so they talk in proportion to how many members there are.
    let rate = m.official
      ? (spec.key === 'aftersales' || spec.key === 'tasters' ? 5 : 1.5) * Math.min(1, members.length / 4000)
      : profile.message * (firstGroup.get(m.idx) === ms ? 1 : profile.elsewhere) * spec.chat * m.wobble;
    if (m.partner && spec.key === 'partners') rate = Math.max(rate, 0.4);
    const joinDay = dayOf(ms.joinedAt);
    const say = (ts: number, group: TemplateGroup) => {
      const day = dayOf(ts);
      const ctx = {
        hour: hourOf(ts),
        weekday: weekdayOf(day),
        city: m.profile.city,
        nick: m.profile.nickname,
        seasons: sched.seasonsOn(day),
        mention: roster[ms.community].length ? rng.pick(roster[ms.community]) : undefined,
        launched: day >= sched.launchDay,
      };
      const act = message(m, ms.community, ts, compose(rng, group, ctx));
      acts.push(act);
      perCommunity[ms.community].push(act);
    };
    const groupFor = (): TemplateGroup => {
      if (!m.official) return mixOf[ms.community](rng);
      const g = (spec.key === 'aftersales' || spec.key === 'tasters' ? serviceVoice : hostVoice)(rng);
      return g === 'community' ? mixOf[ms.community](rng) : g;
    };

    let said = 0;
    // Newcomers often say hello right after joining.
    if (
      ms.joinedAt >= from &&
      !m.official &&
      rng.chance(m.persona === 'lurker' || m.persona === 'buyer_only' ? 0.08 : 0.35)
    ) {
      const ts = toSecond(ms.joinedAt + rng.int(1, 30) * MINUTE);
      if (ts < to) {
        say(ts, spec.key === 'partners' ? 'greeting' : 'welcome');
        said++;
      }
    }
    for (let day = dayOf(from); day <= dayOf(to - 1); day++) {
      const tenure = 1 + 1.2 * Math.exp(-(day - joinDay) / 7);
      const n = rng.poisson(rate * WEEKDAY_VOLUME[weekdayOf(day)] * sched.chatBoost(spec.key, day) * tenure);
      for (let i = 0; i < n; i++) {
        const ts = timeOnDay(rng, day, 'message');
        if (ts < from || ts >= to) continue;
        say(ts, groupFor());
        said++;
      }
    }
    // Dormant members were visibly active before they went quiet.
    if (m.persona === 'dormant' && said === 0 && firstGroup.get(m.idx) === ms) {
      for (let i = 0; i < 20; i++) {
        const ts = timeOnDay(rng, rng.int(dayOf(from), dayOf(to - 1)), 'message');
        if (ts >= from && ts < to) {
          say(ts, groupFor());
          break;
        }
      }
    }
  }
  for (const list of perCommunity) list.sort((a, b) => a.ts - b.ts);
  return perCommunity;
}

function reactions(
  rng: Rng,
  members: MemberPlan[],
  memberships: MembershipPlan[],
  sched: Schedule,
  spans: Spans,
  messages: Act[][],
  acts: Act[],
): void {
  const times = messages.map((list) => list.map((a) => a.ts));
  for (const ms of memberships) {
    const m = members[ms.member];
    const [from, to] = spans.span(ms);
    if (to <= from) continue;
    const key = COMMUNITIES[ms.community].key;
    const rate = m.official ? 0.3 : PERSONAS[m.persona].react * m.wobble;
    for (let day = dayOf(from); day <= dayOf(to - 1); day++) {
      const n = rng.poisson(rate * WEEKDAY_VOLUME[weekdayOf(day)] * sched.chatBoost(key, day));
      for (let i = 0; i < n; i++) {
        const ts = timeOnDay(rng, day, 'message');
        if (ts < from || ts >= to) continue;
        // React to something said in the last few hours, never to yourself.
        const last = lowerBound(times[ms.community], ts) - 1;
        if (last < 0) continue;
        const target = messages[ms.community][Math.max(0, last - rng.int(0, 12))];
        if (target.member === m.idx || target.ts < ts - 6 * HOUR || target.ts >= ts) continue;
        acts.push({
          ts,
          member: m.idx,
          community: ms.community,
          channel: COMMUNITIES[ms.community].channel,
          kind: 'reaction',
          properties: { emoji: pickEmoji(rng) },
          target,
        });
      }
    }
  }
}

function checkIns(rng: Rng, members: MemberPlan[], spans: Spans, acts: Act[]): void {
  for (const m of members) {
    const profile = PERSONAS[m.persona];
    if (m.official || !rng.chance(profile.checkIn)) continue;
    // One habit, in the check-in group where the member spends the longest.
    let best: MembershipPlan | null = null;
    let bestLength = 0;
    for (const ms of spans.byMember[m.idx]) {
      if (!COMMUNITIES[ms.community].checkIns) continue;
      const [from, to] = spans.span(ms);
      if (to - from > bestLength) {
        best = ms;
        bestLength = to - from;
      }
    }
    if (!best) continue;
    const spec = COMMUNITIES[best.community];
    const [from, to] = spans.span(best);
    let day = dayOf(from) + rng.int(0, 3);
    while (day <= dayOf(to - 1)) {
      const run = rng.geometric(profile.streak * m.wobble);
      let streak = 0;
      for (let i = 0; i < run && day <= dayOf(to - 1); i++, day++) {
        const ts = timeOnDay(rng, day, 'check_in');
        if (ts < from || ts >= to) continue;
        streak++;
        acts.push({
          ts,
          member: m.idx,
          community: best.community,
          channel: spec.channel,
          kind: 'check_in',
          properties: { streak, topic: spec.key === 'pourover' ? '每日签到' : '每日咖啡打卡' },
        });
      }
      day += rng.geometric(profile.gap);
    }
  }
}

function views(
  rng: Rng,
  members: MemberPlan[],
  memberships: MembershipPlan[],
  sched: Schedule,
  spans: Spans,
  acts: Act[],
): void {
  const shared = COMMUNITIES.map((c) =>
    sched.content.filter((x) => x.communities.includes(c.key)).sort((a, b) => a.publishedAt - b.publishedAt),
  );
  const published = shared.map((list) => list.map((c) => c.publishedAt));
  const weights: number[] = [];
  for (const ms of memberships) {
    const m = members[ms.member];
    if (m.official) continue;
    const [from, to] = spans.span(ms);
    const library = shared[ms.community];
    if (to <= from || library.length === 0) continue;
    const rate = PERSONAS[m.persona].view * m.wobble;
    for (let day = dayOf(from); day <= dayOf(to - 1); day++) {
      const n = rng.poisson(rate * WEEKDAY_VOLUME[weekdayOf(day)]);
      for (let i = 0; i < n; i++) {
        const ts = timeOnDay(rng, day, 'message');
        if (ts < from || ts >= to) continue;
        const available = lowerBound(published[ms.community], ts + 1);
        if (available === 0) continue;
        // Mostly what was published in the last few days; older pieces keep a long tail.
        let total = 0;
        for (let j = 0; j < available; j++) {
          weights[j] = Math.exp(-(ts - library[j].publishedAt) / (5 * DAY)) + 0.03;
          total += weights[j];
        }
        let x = rng.next() * total;
        let j = 0;
        while (j < available - 1 && x >= weights[j]) {
          x -= weights[j];
          j++;
        }
        const item = library[j];
        acts.push({
          ts,
          member: m.idx,
          community: ms.community,
          channel: COMMUNITIES[ms.community].channel,
          kind: 'content_view',
          properties: { contentId: item.id, title: item.title, contentType: item.type },
        });
      }
    }
  }
}
