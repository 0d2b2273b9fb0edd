/**
 * Phones, emails and channel identities. Identities exist on exactly the channels of the member's
 * groups (plus WeChat for mini-program buyers), in each platform's own id format. Everything is
 * unique here; duplicates.ts then plants the deliberate collisions.
 */
import { COMMUNITIES } from './communities.js';
import type { MemberPlan, MembershipPlan } from './model.js';
import { EMAIL_DOMAINS, PHONE_PREFIXES } from './names.js';
import { makePerson } from './people.js';
import { type Rng, stream, weighted } from './random.js';

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const DIGITS = '0123456789';
const pickDomain = weighted(EMAIL_DOMAINS);
const qqLength = weighted([
  [6, 3],
  [7, 4],
  [8, 10],
  [9, 38],
  [10, 45],
] as const);
/** Openids of one official account share a prefix; ours is o + "Sy7q". */
const OPENID_PREFIX = 'oSy7q';

export function assignContacts(seed: number, members: MemberPlan[], memberships: MembershipPlan[]): void {
  const rng = stream(seed, 'contacts');
  const used = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const v = make();
      if (!used.has(v.toLowerCase())) {
        used.add(v.toLowerCase());
        return v;
      }
    }
  };

  const channels = members.map(() => new Set<string>());
  for (const ms of memberships) channels[ms.member].add(COMMUNITIES[ms.community].channel);

  for (const m of members) {
    const ch = channels[m.idx];
    if (m.miniProgram) ch.add('wechat');
    const nick = m.profile.nickname;
    let qq: string | null = null;
    for (const channel of ['wechat', 'wecom', 'qq', 'forum', 'dingtalk']) {
      if (!ch.has(channel)) continue;
      let externalId: string;
      let displayName = nick;
      if (channel === 'wechat') externalId = unique(() => OPENID_PREFIX + rng.chars(23, ID_CHARS));
      else if (channel === 'wecom') externalId = unique(() => 'wm' + rng.chars(30, ID_CHARS));
      else if (channel === 'qq') {
        externalId = qq = unique(() => String(rng.int(1, 9)) + rng.chars(qqLength(rng) - 1, DIGITS));
        // People often use another nickname on QQ, which makes matching across channels harder.
        if (rng.chance(0.15)) displayName = makePerson(rng).nickname;
      } else if (channel === 'forum') externalId = unique(() => handle(rng, m));
      else {
        externalId = unique(() => '01' + rng.chars(14, DIGITS));
        displayName = m.profile.name ?? nick;
      }
      m.identities.push({ channel, externalId, displayName });
    }

    const phoneRate = m.official ? 0 : m.partner ? 1 : m.persona === 'buyer_only' ? 0.95 : 0.72;
    if (rng.chance(phoneRate) || (!m.official && m.identities.length === 0)) {
      m.phone = unique(() => rng.pick(PHONE_PREFIXES) + rng.chars(8, DIGITS));
    }
    const emailRate = m.official ? 0 : m.partner ? 0.7 : 0.3;
    if (rng.chance(emailRate)) m.email = unique(() => email(rng, m, qq));
  }
}

function handle(rng: Rng, m: MemberPlan): string {
  const base =
    m.givenPinyin && rng.chance(0.6)
      ? rng.pick([
          `${m.surnamePinyin}${m.givenPinyin}`,
          `${m.givenPinyin}.${m.surnamePinyin}`,
          `${m.givenPinyin[0]}${m.surnamePinyin}`,
        ])
      : `${rng.pick(['coffee', 'pourover', 'bean', 'latte', 'drip', 'mocha'])}_${(m.english ?? rng.pick(['lin', 'yy', 'zz', 'momo', 'xx'])).toLowerCase()}`;
  return rng.chance(0.55) ? `${base}${rng.int(1, 2025)}` : base;
}

function email(rng: Rng, m: MemberPlan, qq: string | null): string {
  const domain = pickDomain(rng);
  if (domain === 'qq.com' || domain === 'foxmail.com') {
    if (qq && rng.chance(0.7)) return `${qq}@${domain}`;
    if (rng.chance(0.6)) return `${rng.int(1, 9)}${rng.chars(rng.int(7, 9), DIGITS)}@${domain}`;
  }
  let local: string;
  if (m.givenPinyin && m.surnamePinyin) {
    local = rng.pick([
      `${m.surnamePinyin}.${m.givenPinyin}`,
      `${m.givenPinyin}${m.surnamePinyin}`,
      `${m.surnamePinyin}${m.givenPinyin}${rng.int(80, 99)}`,
      `${m.givenPinyin[0]}${m.surnamePinyin}${rng.int(1, 999)}`,
      `${m.surnamePinyin}_${m.givenPinyin}`,
    ]);
  } else {
    local = `${(m.english ?? rng.pick(['coffee', 'sunny', 'happy', 'lazy', 'daily'])).toLowerCase()}${rng.pick(['', '_', '.'])}${rng.int(1, 9999)}`;
  }
  return `${local}@${domain}`;
}
