/**
 * Orders and refunds. Order counts are Pareto-like (many one-time buyers, a few champions) so RFM
 * has spread; 618 and 双11 pull extra orders (双11 with the midnight rush); about 3% are refunded
 * later, and some refunds come with a complaint in the after-sales group.
 */
import { DAY, HOUR, compactDate, dayOf, dayStart, timeOnDay, toSecond } from './calendar.js';
import { PRODUCTS, type Product } from './catalog.js';
import { CI } from './memberships.js';
import type { Act, MemberPlan } from './model.js';
import { PERSONAS } from './personas.js';
import { type Rng, stream, weighted } from './random.js';
import type { Promo, Schedule } from './schedule.js';
import type { Spans } from './spans.js';
import { REFUND_REASONS, fill } from './templates.js';
import { message } from './social.js';

const regular = weighted(PRODUCTS.filter((p) => p.kind !== 'machine').map((p) => [p, p.weight] as const));
const machine = weighted(PRODUCTS.filter((p) => p.kind === 'machine').map((p) => [p, p.weight] as const));
const grinder = PRODUCTS.find((p) => p.kind === 'grinder')!;
const itemCount = weighted([
  [1, 55],
  [2, 30],
  [3, 15],
] as const);
const quantity = weighted([
  [1, 75],
  [2, 17],
  [3, 5],
  [4, 2],
  [5, 1],
] as const);

export const money = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

interface Order {
  ts: number;
  machine: boolean;
  promo: Promo | null;
}

export function commerceActivities(seed: number, members: MemberPlan[], sched: Schedule, spans: Spans): Act[] {
  const rng = stream(seed, 'orders');
  const { win } = sched;
  const purchases: Act[] = [];
  const promos = sched.promos.filter((p) => p.key !== 'launch');
  const launch = sched.promos.find((p) => p.key === 'launch') ?? null;

  for (const m of members) {
    if (m.official || m.partner) continue;
    const profile = PERSONAS[m.persona];
    const lo = Math.max(m.arrival, win.start);
    const hi = Math.min(m.activeUntil, win.end);
    if (hi - lo < HOUR) continue;
    const buyer = m.machineFirst || rng.chance(profile.buyer);
    const orders: Order[] = [];
    if (buyer) {
      const first = m.machineFirst
        ? m.arrival
        : m.persona === 'buyer_only'
          ? lo + rng.exp(0.3 * DAY)
          : lo + rng.exp(20 * DAY);
      if (first < hi) {
        orders.push({ ts: toSecond(first), machine: m.machineFirst, promo: null });
        const count = Math.max(1, Math.round(Math.floor((1 - rng.next()) ** (-1 / 1.3)) * profile.orders));
        for (let i = 1; i < Math.min(count, 40); i++) {
          const ts = timeOnDay(rng, dayOf(first + rng.next() * (hi - first)), 'purchase');
          if (ts > first && ts < hi) orders.push({ ts, machine: false, promo: null });
        }
      }
    }
    // Promotions convert buyers again and some non-buyers for the first time.
    for (const promo of promos) {
      if (!rng.chance(buyer ? (m.persona === 'core' ? 0.6 : 0.35) : 0.06)) continue;
      const day = rng.chance(0.45)
        ? promo.peakDays[0]
        : rng.chance(0.4)
          ? promo.peakDays[1]
          : rng.int(promo.fromDay, promo.toDay);
      const midnight = promo.key === 'double11' && day === promo.peakDays[0] && rng.chance(0.5);
      const ts = midnight ? dayStart(day) + rng.int(0, 5999) * 1000 : timeOnDay(rng, day, 'purchase');
      if (ts >= lo && ts < hi) orders.push({ ts, machine: rng.chance(0.05), promo });
    }
    // Engaged members try the new beans in launch week.
    if (launch && (m.persona === 'core' || m.persona === 'active') && rng.chance(0.25)) {
      const ts = timeOnDay(rng, rng.int(launch.fromDay, launch.toDay), 'purchase');
      if (ts >= lo && ts < hi) orders.push({ ts, machine: false, promo: launch });
    }

    const wechat = m.identities.some((i) => i.channel === 'wechat');
    for (const order of orders) {
      const items = basket(rng, m, order, sched.launchDay);
      const amount = items.reduce((s, i) => s + i.fen * i.quantity, 0);
      const channel = wechat && rng.chance(m.miniProgram ? 0.9 : 0.55) ? 'wechat' : 'other';
      // Group-buy links shared in the WeChat groups attribute the order to that group.
      let community = -1;
      for (const key of ['tasters', 'chengdu'] as const) {
        if (channel === 'wechat' && community < 0 && spans.inGroup(m.idx, CI[key], order.ts) && rng.chance(0.35))
          community = CI[key];
      }
      purchases.push({
        ts: order.ts,
        member: m.idx,
        community,
        channel,
        kind: 'purchase',
        properties: {
          orderId: '',
          amount: money(amount),
          currency: 'CNY',
          items: items.map((i) => ({
            sku: i.product.sku,
            name: i.product.name,
            quantity: i.quantity,
            price: money(i.fen),
          })),
        },
      });
    }
  }

  // Order numbers: SY + Shanghai date + a daily sequence with gaps (other customers order too).
  purchases.sort((a, b) => a.ts - b.ts || a.member - b.member);
  const seq = new Map<string, number>();
  for (const p of purchases) {
    const date = compactDate(p.ts);
    const next = (seq.get(date) ?? rng.int(3, 40)) + 1 + Math.floor(rng.exp(4));
    seq.set(date, next);
    p.properties.orderId = `SY${date}${String(next).padStart(5, '0')}`;
  }
  return [...purchases, ...refunds(rng, members, purchases, sched, spans)];
}

function basket(
  rng: Rng,
  m: MemberPlan,
  order: Order,
  launchDay: number,
): { product: Product; quantity: number; fen: number }[] {
  const lines = new Map<Product, number>();
  const add = (p: Product, q: number) => lines.set(p, (lines.get(p) ?? 0) + q);
  const launched = dayOf(order.ts) >= launchDay;
  const pickRegular = (): Product => {
    for (;;) {
      const p = regular(rng);
      if (!p.newLaunch || launched) return p;
    }
  };
  if (order.machine) {
    add(machine(rng), 1);
    if (rng.chance(0.2)) add(grinder, 1);
    if (rng.chance(0.5)) add(pickRegular(), 1);
  } else if (order.promo?.key === 'launch') {
    add(
      PRODUCTS.find((p) => p.newLaunch)!,
      rng.int(1, 2),
    );
  } else {
    // Offices buy in bulk; that is where the biggest bean orders come from.
    const bulk = m.profile.company !== null && rng.chance(0.3) ? 2 : 1;
    for (let i = itemCount(rng); i > 0; i--) add(pickRegular(), quantity(rng) * bulk);
  }
  const discount = order.promo?.discount ?? 1;
  return [...lines].map(([product, q]) => ({
    product,
    quantity: q,
    fen: Math.round(product.price * (order.promo?.key === 'launch' && !product.newLaunch ? 1 : discount)),
  }));
}

function refunds(rng: Rng, members: MemberPlan[], purchases: Act[], sched: Schedule, spans: Spans): Act[] {
  const acts: Act[] = [];
  const aftersales = CI.aftersales;
  for (const p of purchases) {
    const m = members[p.member];
    const props = p.properties as {
      orderId: string;
      amount: string;
      items: { sku: string; quantity: number; price: string }[];
    };
    const hasMachine = props.items.some((i) => i.sku.startsWith('SY-MC-'));
    if (!rng.chance(hasMachine ? 0.05 : 0.03)) continue;
    const options = REFUND_REASONS.filter((r) => hasMachine || r.reason !== '咖啡机有异响');
    const why = options[rng.int(0, options.length - 1)];
    const quick = why.reason === '包装破损' || why.reason === '发错口味' || why.reason === '重复下单';
    const ts = toSecond(p.ts + (quick ? 1 + rng.exp(2) : 2 + rng.exp(5)) * DAY);
    if (ts >= Math.min(m.activeUntil, sched.win.end)) continue;
    const total = Math.round(Number(props.amount) * 100);
    // Damaged or wrong items are usually compensated in part, not refunded in full.
    const partial = why.partial && rng.chance(0.6) && total > 2000;
    const fen = partial ? Math.min(total - 100, rng.int(10, 50) * 100) : total;
    const community = p.community >= 0 && spans.inGroup(m.idx, p.community, ts) ? p.community : -1;
    acts.push({
      ts,
      member: m.idx,
      community,
      channel: p.channel,
      kind: 'refund',
      properties: { orderId: props.orderId, amount: money(fen), currency: 'CNY', reason: why.reason },
    });
    m.tags.add('售后跟进');
    const said = toSecond(ts - rng.between(2 * HOUR, DAY));
    if (said > p.ts && spans.inGroup(m.idx, aftersales, said)) {
      acts.push(
        message(m, aftersales, said, fill(rng, why.complaint, { hour: 12, launched: dayOf(said) >= sched.launchDay })),
      );
    }
  }
  return acts;
}
