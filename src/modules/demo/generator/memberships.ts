/**
 * Who is in which group, from when to when. Joins follow each member's arrival; some members leave
 * (after-sales groups churn the most), a few come back, churned members leave everything, full
 * groups turn newcomers away, and invited joins point at a real inviter who was in the group.
 */
import { COMMUNITIES, type CommunityKey } from './communities.js';
import { DAY, HOUR, MINUTE, toSecond } from './calendar.js';
import type { MemberPlan, MembershipPlan } from './model.js';
import { PERSONAS } from './personas.js';
import { type Rng, lowerBound, stream, weighted } from './random.js';
import type { Schedule } from './schedule.js';

export const CI = Object.fromEntries(COMMUNITIES.map((c, i) => [c.key, i])) as Record<CommunityKey, number>;
const joinSourceOf = COMMUNITIES.map((c) => weighted(c.joinSources));

export function planMemberships(seed: number, members: MemberPlan[], sched: Schedule): MembershipPlan[] {
  const rng = stream(seed, 'memberships');
  const { win, opened } = sched;
  const out: MembershipPlan[] = [];
  const add = (
    member: number,
    key: CommunityKey,
    joinedAt: number,
    joinSource: MembershipPlan['joinSource'],
    role: MembershipPlan['role'] = 'member',
  ) => {
    out.push({
      member,
      community: CI[key],
      role,
      joinSource,
      inviter: null,
      joinedAt: toSecond(joinedAt),
      leftAt: null,
      leaveHow: null,
      dropped: false,
    });
  };

  // Brand staff own the groups from the day they open.
  const [xiaoye, ajie] = members.filter((m) => m.official);
  for (const k of ['aftersales', 'tasters', 'fans', 'chengdu'] as const)
    add(xiaoye.idx, k, opened[k], 'manual', 'owner');
  for (const k of ['pourover', 'partners'] as const) add(ajie.idx, k, opened[k], 'manual', 'owner');
  add(xiaoye.idx, 'pourover', opened.pourover + HOUR, 'manual', 'admin');
  for (const k of ['aftersales', 'fans'] as const) add(ajie.idx, k, opened[k] + HOUR, 'manual', 'admin');

  for (const m of members) {
    if (m.official) continue;
    const profile = PERSONAS[m.persona];
    // Nobody joins anything once they have gone quiet or are about to leave for good.
    const bound = Math.min(win.end, m.silentAt ?? Infinity, m.churnAt !== null ? m.churnAt - DAY : Infinity);
    const has = new Set<CommunityKey>();
    const tryAdd = (key: CommunityKey, at: number, source?: MembershipPlan['joinSource']) => {
      if (has.has(key) || at >= bound || at < opened[key]) return false;
      has.add(key);
      // Everything before the window came in with the imported group history.
      add(m.idx, key, at, at < win.start ? 'import' : (source ?? joinSourceOf[CI[key]](rng)));
      return true;
    };
    const open = (key: CommunityKey, at: number) => opened[key] <= at;
    const chengdu = m.profile.city === '成都';

    let firstJoin = m.arrival;
    if (m.legacy) {
      const options: [CommunityKey, number][] =
        m.persona === 'buyer_only'
          ? [['aftersales', 1]]
          : [
              ['fans', 60],
              ['aftersales', 30],
              ['pourover', 25],
            ];
      const avail = options.filter(([k]) => open(k, m.arrival));
      if (avail.length) tryAdd(weighted(avail)(rng), m.arrival, 'import');
    } else if (m.persona === 'buyer_only') {
      // Bought a machine, the package card QR brings them to after-sales a few days later.
      if (open('aftersales', m.arrival) && rng.chance(0.33)) {
        m.machineFirst = true;
        firstJoin = m.arrival + (2 + rng.exp(3)) * DAY;
        tryAdd('aftersales', firstJoin, 'qr_code');
      }
    } else {
      const key = pickGroup(rng, m.arrival, chengdu, has, opened, 1);
      if (key) tryAdd(key, m.arrival + rng.int(0, 20) * MINUTE);
    }
    if (m.persona === 'buyer_only') m.miniProgram = rng.chance(0.4);

    const extra = rng.chance(profile.more[0]) ? (rng.chance(profile.more[1] / profile.more[0]) ? 2 : 1) : 0;
    for (let i = 0; i < extra; i++) {
      let at = Math.max(firstJoin, win.start - 30 * DAY) + (1 + rng.exp(25)) * DAY;
      const key = pickGroup(rng, at + 60 * DAY, chengdu, has, opened, 2);
      if (!key) continue;
      if (opened[key] > at) at = opened[key] + rng.exp(5) * DAY;
      tryAdd(key, at);
    }
    // Engaged members are hand-picked as 新品体验官 when that group opens.
    if ((m.persona === 'core' || m.persona === 'active') && rng.chance(0.16)) {
      tryAdd('tasters', Math.max(m.arrival, opened.tasters) + rng.exp(6) * DAY, 'manual');
    }
    // The new city group pulls in the Chengdu members the brand already knows.
    if (chengdu && m.persona !== 'buyer_only' && rng.chance(0.65)) {
      tryAdd(
        'chengdu',
        Math.max(m.arrival + rng.exp(3) * DAY, opened.chengdu + rng.exp(4) * DAY),
        rng.chance(0.6) ? 'invited' : 'qr_code',
      );
    }
    if (m.partner) tryAdd('partners', Math.max(m.arrival, opened.partners) + rng.exp(5) * DAY, 'manual');
  }

  addLeaves(rng, members, out, win.end);
  out.sort((a, b) => a.joinedAt - b.joinedAt || a.member - b.member || a.community - b.community);
  applyCapacity(out);
  const kept = out.filter((ms) => !ms.dropped);

  // Churned members are gone once their last group is left: no orders or views after that either.
  for (const m of members) {
    if (m.churnAt === null) continue;
    const lefts = kept.filter((ms) => ms.member === m.idx).map((ms) => ms.leftAt ?? 0);
    m.activeUntil = lefts.length ? Math.max(...lefts) : m.churnAt;
  }
  assignRoles(rng, members, kept);
  resolveInvites(rng, members, kept);
  return kept;
}

function pickGroup(
  rng: Rng,
  at: number,
  chengdu: boolean,
  has: Set<CommunityKey>,
  opened: Record<CommunityKey, number>,
  round: 1 | 2,
): CommunityKey | null {
  const weights: [CommunityKey, number][] = [
    ['fans', 24],
    ['pourover', round === 1 ? 30 : 34],
    ['aftersales', round === 1 ? 5 : 3],
    ['tasters', round === 1 ? 4 : 5],
    ['chengdu', chengdu ? 80 : 0.6],
  ];
  const avail = weights.filter(([k]) => !has.has(k) && opened[k] <= at);
  return avail.length ? weighted(avail)(rng) : null;
}

function addLeaves(rng: Rng, members: MemberPlan[], out: MembershipPlan[], end: number): void {
  const rejoins: MembershipPlan[] = [];
  for (const ms of out) {
    const m = members[ms.member];
    if (m.official) continue;
    if (m.churnAt !== null) {
      ms.leftAt = toSecond(Math.max(ms.joinedAt + HOUR, m.churnAt - rng.between(0, 4) * DAY));
      ms.leaveHow = 'self';
      continue;
    }
    if (m.persona === 'core' || m.persona === 'dormant') continue;
    const spec = COMMUNITIES[ms.community];
    if (!rng.chance(spec.leaveRate)) continue;
    const leftAt = toSecond(ms.joinedAt + (1 + rng.exp(spec.stayDays)) * DAY);
    if (leftAt >= end) continue;
    ms.leftAt = leftAt;
    // Ads get you removed from the chat groups; that is what the rules text promises.
    ms.leaveHow = (spec.key === 'fans' || spec.key === 'chengdu') && rng.chance(0.12) ? 'removed' : 'self';
    if (ms.leaveHow === 'self' && rng.chance(0.18)) {
      const back = toSecond(leftAt + (5 + rng.exp(15)) * DAY);
      if (back < end)
        rejoins.push({
          ...ms,
          joinSource: rng.chance(0.5) ? 'invited' : 'qr_code',
          joinedAt: back,
          leftAt: null,
          leaveHow: null,
        });
    }
  }
  out.push(...rejoins);
}

/** A full group turns newcomers away: at most `capacity` members at any one time. */
function applyCapacity(sorted: MembershipPlan[]): void {
  COMMUNITIES.forEach((spec, ci) => {
    if (spec.capacity === null) return;
    let present: number[] = [];
    for (const ms of sorted) {
      if (ms.community !== ci) continue;
      present = present.filter((leftAt) => leftAt > ms.joinedAt);
      if (present.length >= spec.capacity) {
        ms.dropped = true;
        continue;
      }
      present.push(ms.leftAt ?? Infinity);
    }
  });
}

function assignRoles(rng: Rng, members: MemberPlan[], kept: MembershipPlan[]): void {
  const admins = new Map<number, number>();
  for (const ms of kept) {
    const m = members[ms.member];
    if (m.official || m.persona !== 'core' || ms.leftAt !== null) continue;
    const n = admins.get(ms.community) ?? 0;
    if (n < 2) {
      ms.role = 'admin';
      admins.set(ms.community, n + 1);
    } else if (rng.chance(0.6)) ms.role = 'core';
  }
}

/** Invited joins need an inviter who was in the group at the time and still active; else it was a QR scan. */
function resolveInvites(rng: Rng, members: MemberPlan[], kept: MembershipPlan[]): void {
  const byCommunity = COMMUNITIES.map((_, ci) => kept.filter((ms) => ms.community === ci));
  const joinTimes = byCommunity.map((list) => list.map((ms) => ms.joinedAt));
  for (const ms of kept) {
    if (ms.joinSource !== 'invited') continue;
    const list = byCommunity[ms.community];
    const limit = lowerBound(joinTimes[ms.community], ms.joinedAt - 3 * HOUR);
    for (let i = 0; i < 60 && limit > 0; i++) {
      const cand = list[rng.int(0, limit - 1)];
      const who = members[cand.member];
      if (cand.member === ms.member || who.official || (cand.leftAt !== null && cand.leftAt <= ms.joinedAt)) continue;
      if (who.activeUntil <= ms.joinedAt || !rng.chance(PERSONAS[who.persona].inviter)) continue;
      ms.inviter = cand.member;
      break;
    }
    if (ms.inviter === null) ms.joinSource = 'qr_code';
  }
}
