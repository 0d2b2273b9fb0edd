/**
 * Deliberate duplicates: the same person recorded twice, the way it happens in real life (signed
 * up with the same phone from a different channel, typed the same email in another case, or two
 * records with the same name in one group). Duplicate suggestions and merge need these to find.
 */
import type { MemberPlan, MembershipPlan } from './model.js';
import { stream } from './random.js';
import type { DemoDuplicate } from './types.js';

export interface DuplicatePlan {
  a: number;
  b: number;
  reason: DemoDuplicate['reason'];
  community: number | null;
}

export function plantDuplicates(seed: number, members: MemberPlan[], memberships: MembershipPlan[]): DuplicatePlan[] {
  const rng = stream(seed, 'duplicates');
  const total = Math.round(members.length * 0.008);
  const byPhone = Math.round(total * 0.38);
  const byEmail = Math.round(total * 0.32);
  const involved = new Set<number>();
  const regular = members.filter((m) => !m.official && !m.partner);
  const out: DuplicatePlan[] = [];

  const free = (m: MemberPlan) => !involved.has(m.idx);
  const pair = (pool: MemberPlan[], test: (m: MemberPlan) => boolean): [MemberPlan, MemberPlan] | null => {
    for (let i = 0; i < 200; i++) {
      const x = rng.pick(pool);
      const y = rng.pick(pool);
      if (x === y || !free(x) || !free(y) || !test(x)) continue;
      involved.add(x.idx);
      involved.add(y.idx);
      // The older record is the original; the newer one is the accidental second sign-up.
      return x.idx < y.idx ? [x, y] : [y, x];
    }
    return null;
  };

  for (let i = 0; i < byPhone; i++) {
    const p = pair(regular, (m) => m.phone !== null);
    if (!p) break;
    const [a, b] = p[0].phone !== null ? p : [p[1], p[0]];
    b.phone = a.phone;
    if (a.profile.name && rng.chance(0.6)) b.profile.name = a.profile.name;
    b.profile.city = a.profile.city;
    out.push({ a: Math.min(a.idx, b.idx), b: Math.max(a.idx, b.idx), reason: 'same_phone', community: null });
  }
  for (let i = 0; i < byEmail; i++) {
    const p = pair(regular, (m) => m.email !== null);
    if (!p) break;
    const [a, b] = p[0].email !== null ? p : [p[1], p[0]];
    // Some people type their email with a capital first letter on one form and not on the other.
    b.email = rng.chance(0.3) ? a.email!.charAt(0).toUpperCase() + a.email!.slice(1) : a.email;
    if (a.profile.name && rng.chance(0.5)) b.profile.name = a.profile.name;
    out.push({ a: Math.min(a.idx, b.idx), b: Math.max(a.idx, b.idx), reason: 'same_email', community: null });
  }

  const byCommunity = new Map<number, MemberPlan[]>();
  for (const ms of memberships) {
    const m = members[ms.member];
    if (m.official || m.partner) continue;
    const list = byCommunity.get(ms.community) ?? [];
    if (!list.includes(m)) list.push(m);
    byCommunity.set(ms.community, list);
  }
  const communities = [...byCommunity.keys()].filter((k) => byCommunity.get(k)!.length >= 4).sort((x, y) => x - y);
  for (let i = out.length; i < total && communities.length; i++) {
    const community = rng.pick(communities);
    const p = pair(byCommunity.get(community)!, (m) => m.profile.name !== null);
    if (!p) continue;
    const [a, b] = p[0].profile.name !== null ? p : [p[1], p[0]];
    b.profile.name = a.profile.name;
    b.profile.gender = a.profile.gender;
    if (rng.chance(0.4)) b.profile.nickname = a.profile.nickname;
    out.push({ a: Math.min(a.idx, b.idx), b: Math.max(a.idx, b.idx), reason: 'same_name_in_community', community });
  }
  return out;
}
