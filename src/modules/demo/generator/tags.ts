/**
 * Tags the way an operator would have applied them: mostly matching behaviour, but not perfectly
 * (nobody tags everyone), so tag-based and behaviour-based segments differ a little, as in life.
 */
import { TAGS } from './communities.js';
import { dayOf } from './calendar.js';
import { CI } from './memberships.js';
import type { Act, MemberPlan, MembershipPlan } from './model.js';
import { stream } from './random.js';
import type { Schedule } from './schedule.js';

export function applyTags(
  seed: number,
  members: MemberPlan[],
  memberships: MembershipPlan[],
  acts: Act[],
  sched: Schedule,
): void {
  const rng = stream(seed, 'tags');
  const n = members.length;
  const spend = new Float64Array(n);
  const orders = new Uint16Array(n);
  const machines = new Uint8Array(n);
  const messages = new Uint32Array(n);
  const attended = new Uint8Array(n);
  const firstOrderDay = new Int32Array(n).fill(-1);
  for (const a of acts) {
    if (a.kind === 'purchase') {
      const p = a.properties as { amount: string; items: { sku: string }[] };
      spend[a.member] += Number(p.amount);
      orders[a.member]++;
      if (firstOrderDay[a.member] < 0) firstOrderDay[a.member] = dayOf(a.ts);
      if (p.items.some((i) => i.sku.startsWith('SY-MC-'))) machines[a.member] = 1;
    } else if (a.kind === 'refund') spend[a.member] -= Number((a.properties as { amount: string }).amount);
    else if (a.kind === 'message') messages[a.member]++;
    else if (a.kind === 'event_attended') attended[a.member]++;
  }
  const groups = members.map(() => new Set<number>());
  for (const ms of memberships) groups[ms.member].add(ms.community);

  const spenders = [...spend].filter((s) => s > 0).sort((x, y) => y - x);
  const highValue = spenders[Math.floor(spenders.length * 0.05)] ?? Infinity;
  const d11 = sched.promos.find((p) => p.key === 'double11');

  for (const m of members) {
    if (m.official) continue;
    const i = m.idx;
    const g = groups[i];
    const machineOwner = machines[i] === 1 || g.has(CI.aftersales);
    if (machineOwner && rng.chance(0.9)) m.tags.add('咖啡机用户');
    if (machineOwner && rng.chance(0.3)) m.tags.add('意式爱好者');
    if (orders[i] >= 2 && rng.chance(0.85)) m.tags.add('复购用户');
    if (spend[i] >= highValue && spend[i] > 0) m.tags.add('高价值');
    if (g.has(CI.tasters) && rng.chance(0.95)) m.tags.add('新品体验官');
    if ((g.has(CI.pourover) && messages[i] >= 3 && rng.chance(0.8)) || (g.has(CI.fans) && rng.chance(0.05)))
      m.tags.add('手冲爱好者');
    if (d11 && firstOrderDay[i] >= d11.fromDay && firstOrderDay[i] <= d11.toDay && !m.legacy && rng.chance(0.9))
      m.tags.add('双11新客');
    if (m.partner) m.tags.add('城市合伙人');
    if (m.persona === 'core' && messages[i] >= 60 && rng.chance(0.7)) m.tags.add('KOC');
    if (m.persona === 'dormant' && rng.chance(0.7)) m.tags.add('沉默用户');
    if (attended[i] >= 2) m.tags.add('活动达人');
  }
}

/** Tags in the catalogue order, so output does not depend on the order rules fired. */
export const orderedTags = (m: MemberPlan): string[] => TAGS.map((t) => t.name).filter((t) => m.tags.has(t));
