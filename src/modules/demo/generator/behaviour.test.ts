import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoData } from './index.js';
import { DAY, END, local, ms } from './generator.test-support.js';

let data: DemoData;

beforeAll(() => {
  data = generateDemo();
});

describe('generateDemo: behaviour patterns', () => {
  it('follows the weekday and hour rhythm of a Chinese chat group', () => {
    const messages = data.activities.filter((a) => a.kind === 'message').map((a) => local(a.occurredAt));
    const night = messages.filter((x) => x.hour >= 1 && x.hour < 7).length / messages.length;
    expect(night).toBeLessThan(0.05);
    const evening = messages.filter((x) => x.hour >= 20 && x.hour < 22).length;
    const afternoon = messages.filter((x) => x.hour >= 15 && x.hour < 17).length;
    expect(evening).toBeGreaterThan(afternoon * 1.5);
    const lunch = messages.filter((x) => x.hour === 12).length;
    expect(lunch).toBeGreaterThan(messages.filter((x) => x.hour === 10).length * 1.2);
    const perWeekday = [0, 0, 0, 0, 0, 0, 0];
    for (const x of messages) perWeekday[x.weekday]++;
    expect((perWeekday[2] + perWeekday[3] + perWeekday[4]) / 3).toBeGreaterThan((perWeekday[0] + perWeekday[6]) / 2);
  });

  it('has very different volumes per persona', () => {
    const persona = new Map(data.members.map((m) => [m.key, m.persona]));
    const counts: Record<string, number> = {};
    for (const a of data.activities)
      if (a.kind === 'message') counts[persona.get(a.memberKey)!] = (counts[persona.get(a.memberKey)!] ?? 0) + 1;
    const size = (p: string) => data.members.filter((m) => m.persona === p).length;
    const perHead = (p: string) => (counts[p] ?? 0) / size(p);
    expect(perHead('core')).toBeGreaterThan(perHead('active') * 3);
    expect(perHead('active')).toBeGreaterThan(perHead('lurker') * 20);
  });

  it('has churned members who left and went silent, and dormant ones silent for 60+ days', () => {
    const lastSeen = new Map<string, number>();
    const spoke = new Set<string>();
    for (const a of data.activities) {
      lastSeen.set(a.memberKey, Math.max(lastSeen.get(a.memberKey) ?? 0, ms(a.occurredAt)));
      if (a.kind === 'message') spoke.add(a.memberKey);
    }
    const churned = data.members.filter((m) => m.persona === 'churned');
    const dormant = data.members.filter((m) => m.persona === 'dormant');
    expect(churned.length).toBeGreaterThanOrEqual(200);
    expect(dormant.length).toBeGreaterThanOrEqual(200);
    let churnedWithGroups = 0;
    for (const m of churned) {
      const rows = data.memberships.filter((x) => x.memberKey === m.key);
      if (!rows.length) continue;
      churnedWithGroups++;
      expect(rows.every((x) => x.leftAt !== null)).toBe(true);
      const lastLeave = Math.max(...rows.map((x) => ms(x.leftAt!)));
      expect(lastSeen.get(m.key)!).toBeLessThanOrEqual(lastLeave);
    }
    expect(churnedWithGroups).toBeGreaterThan(200);
    const silentSince = END.getTime() - 60 * DAY;
    for (const m of dormant) if (lastSeen.has(m.key)) expect(lastSeen.get(m.key)!).toBeLessThan(silentSince);
    expect(dormant.filter((m) => spoke.has(m.key)).length).toBeGreaterThan(dormant.length * 0.6);
  });

  it('grows in an S-curve with bursts in the launch week and around 双11', () => {
    const joinsByDate = new Map<string, number>();
    for (const m of data.members) {
      const d = local(m.createdAt).date;
      joinsByDate.set(d, (joinsByDate.get(d) ?? 0) + 1);
    }
    const sum = (from: string, to: string) =>
      [...joinsByDate].filter(([d]) => d >= from && d <= to).reduce((s, [, n]) => s + n, 0);
    const may = sum('2026-05-20', '2026-06-19') / 31;
    const sep = sum('2026-09-01', '2026-09-30') / 30;
    expect(sep).toBeGreaterThan(may * 1.5);
    expect(sum('2026-11-01', '2026-11-11') / 11).toBeGreaterThan(sum('2026-10-01', '2026-10-20') / 20);
    expect(data.communities.find((c) => c.stage === 'launch' && c.channel === 'wechat')!.createdAt > '2026-10-01').toBe(
      true,
    );
  });
});

describe('generateDemo: orders, events and check-ins', () => {
  const purchases = () => data.activities.filter((a) => a.kind === 'purchase');

  it('writes orders with SY ids, CNY amounts that add up, Pareto spend and a 双11 spike', () => {
    const orders = purchases();
    expect(orders.length).toBeGreaterThan(3000);
    const ids = new Set<string>();
    const spend = new Map<string, number>();
    for (const o of orders) {
      const p = o.properties as {
        orderId: string;
        amount: string;
        currency: string;
        items: { sku: string; name: string; quantity: number; price: string }[];
      };
      expect(p.orderId).toMatch(/^SY\d{8}\d{5,}$/);
      expect(p.orderId.slice(2, 10)).toBe(local(o.occurredAt).date.replaceAll('-', ''));
      expect(ids.has(p.orderId)).toBe(false);
      ids.add(p.orderId);
      expect(p.currency).toBe('CNY');
      expect(p.amount).toMatch(/^\d+\.\d{2}$/);
      const total = p.items.reduce((s, i) => s + Math.round(Number(i.price) * 100) * i.quantity, 0);
      expect(Math.round(Number(p.amount) * 100)).toBe(total);
      spend.set(o.memberKey, (spend.get(o.memberKey) ?? 0) + Number(p.amount));
    }
    const perMember = [...spend.values()].sort((a, b) => b - a);
    const top10 = perMember.slice(0, Math.ceil(perMember.length / 10)).reduce((s, x) => s + x, 0);
    expect(top10 / perMember.reduce((s, x) => s + x, 0)).toBeGreaterThan(0.35);
    const counts = new Map<string, number>();
    for (const o of orders) counts.set(o.memberKey, (counts.get(o.memberKey) ?? 0) + 1);
    const once = [...counts.values()].filter((n) => n === 1).length / counts.size;
    expect(once).toBeGreaterThan(0.35);
    expect([...counts.values()].some((n) => n >= 10)).toBe(true);
    const onDate = (d: string) => orders.filter((o) => local(o.occurredAt).date === d).length;
    expect(onDate('2026-11-11')).toBeGreaterThan((orders.length / 185) * 4);
  });

  it('refunds about 3% of orders, after the purchase and never more than paid', () => {
    const byOrder = new Map(purchases().map((o) => [o.properties.orderId as string, o]));
    const refunds = data.activities.filter((a) => a.kind === 'refund');
    expect(refunds.length / byOrder.size).toBeGreaterThan(0.02);
    expect(refunds.length / byOrder.size).toBeLessThan(0.05);
    for (const r of refunds) {
      const order = byOrder.get(r.properties.orderId as string)!;
      expect(order).toBeDefined();
      expect(order.memberKey).toBe(r.memberKey);
      expect(ms(r.occurredAt)).toBeGreaterThan(ms(order.occurredAt));
      expect(Number(r.properties.amount)).toBeLessThanOrEqual(Number(order.properties.amount));
      expect(Number(r.properties.amount)).toBeGreaterThan(0);
      expect(typeof r.properties.reason).toBe('string');
    }
  });

  it('has 3–4 events with about 70% of registrants attending', () => {
    expect(data.events.length).toBeGreaterThanOrEqual(3);
    const reg = data.activities.filter((a) => a.kind === 'event_registered');
    const att = data.activities.filter((a) => a.kind === 'event_attended');
    const registered = new Set(reg.map((a) => `${a.memberKey}:${a.properties.eventKey}`));
    for (const a of att) expect(registered.has(`${a.memberKey}:${a.properties.eventKey}`)).toBe(true);
    expect(att.length / reg.length).toBeGreaterThan(0.6);
    expect(att.length / reg.length).toBeLessThan(0.82);
    for (const e of data.events) {
      const n = reg.filter((a) => a.properties.eventKey === e.key).length;
      expect(n).toBeGreaterThan(10);
      if (e.capacity) expect(n).toBeLessThanOrEqual(e.capacity);
      for (const a of reg.filter((x) => x.properties.eventKey === e.key)) expect(a.occurredAt < e.startsAt).toBe(true);
    }
  });

  it('has check-in streaks on consecutive days', () => {
    const checkIns = data.activities.filter((a) => a.kind === 'check_in');
    expect(checkIns.length).toBeGreaterThan(5000);
    const longest = Math.max(...checkIns.map((a) => a.properties.streak as number));
    expect(longest).toBeGreaterThanOrEqual(20);
    const last = new Map<string, { date: string; streak: number }>();
    for (const a of checkIns) {
      const date = local(a.occurredAt).date;
      const prev = last.get(a.memberKey);
      const streak = a.properties.streak as number;
      if (streak > 1) {
        expect(prev?.streak).toBe(streak - 1);
        expect(ms(`${date}T00:00:00Z`) - ms(`${prev!.date}T00:00:00Z`)).toBe(DAY);
      }
      last.set(a.memberKey, { date, streak });
    }
  });
});

describe('generateDemo: memberships and activity consistency', () => {
  it('keeps memberships coherent: no overlaps, capacity respected, inviters really in the group', () => {
    const byPair = new Map<string, DemoData['memberships']>();
    for (const x of data.memberships) {
      if (x.leftAt) expect(ms(x.leftAt)).toBeGreaterThanOrEqual(ms(x.joinedAt));
      const k = `${x.memberKey}@${x.communityKey}`;
      byPair.set(k, [...(byPair.get(k) ?? []), x]);
    }
    for (const rows of byPair.values()) {
      rows.sort((a, b) => ms(a.joinedAt) - ms(b.joinedAt));
      for (let i = 1; i < rows.length; i++) expect(ms(rows[i].joinedAt)).toBeGreaterThan(ms(rows[i - 1].leftAt!));
    }
    for (const c of data.communities) {
      if (c.capacity === null) continue;
      const events = data.memberships
        .filter((x) => x.communityKey === c.key)
        .flatMap((x) => [[ms(x.joinedAt), 1], ...(x.leftAt ? [[ms(x.leftAt), -1]] : [])] as [number, number][])
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      let present = 0;
      for (const [, delta] of events) {
        present += delta;
        expect(present).toBeLessThanOrEqual(c.capacity);
      }
    }
    const invited = data.memberships.filter((x) => x.joinSource === 'invited');
    expect(invited.length).toBeGreaterThan(300);
    const referrals = new Set(
      data.activities
        .filter((a) => a.kind === 'referral')
        .map((a) => `${a.memberKey}>${a.properties.referredMemberKey}@${a.communityKey}`),
    );
    for (const x of data.memberships) {
      expect(x.invitedByMemberKey !== null).toBe(x.joinSource === 'invited');
      if (!x.invitedByMemberKey) continue;
      expect(x.invitedByMemberKey).not.toBe(x.memberKey);
      const t = ms(x.joinedAt);
      const inviterIn = (byPair.get(`${x.invitedByMemberKey}@${x.communityKey}`) ?? []).some(
        (r) => ms(r.joinedAt) < t && (r.leftAt === null || ms(r.leftAt) > t),
      );
      expect(inviterIn).toBe(true);
      expect(referrals.has(`${x.invitedByMemberKey}>${x.memberKey}@${x.communityKey}`)).toBe(true);
    }
    expect(referrals.size).toBe(invited.length);
  });

  it('only lets members act in a group while they are in it, with matching join and leave activities', () => {
    const spans = new Map<string, [number, number][]>();
    for (const x of data.memberships) {
      const k = `${x.memberKey}@${x.communityKey}`;
      spans.set(k, [...(spans.get(k) ?? []), [ms(x.joinedAt), x.leftAt ? ms(x.leftAt) : Infinity]]);
    }
    const joins = new Set<string>();
    const leaves = new Set<string>();
    const outside: unknown[] = [];
    for (const a of data.activities) {
      if (a.communityKey === null) {
        if (a.kind !== 'purchase' && a.kind !== 'refund') outside.push(a);
        continue;
      }
      const t = ms(a.occurredAt);
      const k = `${a.memberKey}@${a.communityKey}`;
      if (!(spans.get(k) ?? []).some(([from, to]) => t >= from && t <= to)) outside.push(a);
      if (a.kind === 'join') joins.add(`${k}@${t}`);
      if (a.kind === 'leave') leaves.add(`${k}@${t}`);
    }
    expect(outside).toEqual([]);
    const unmatched = data.memberships.filter((x) => {
      const k = `${x.memberKey}@${x.communityKey}`;
      return !joins.has(`${k}@${ms(x.joinedAt)}`) || (x.leftAt !== null && !leaves.has(`${k}@${ms(x.leftAt)}`));
    });
    expect(unmatched).toEqual([]);
    expect(joins.size).toBe(data.memberships.length);
    expect(leaves.size).toBe(data.memberships.filter((x) => x.leftAt).length);
  });

  it('gives messages natural text with its length, including some complaints', () => {
    const messages = data.activities.filter((a) => a.kind === 'message');
    const odd = messages.filter((a) => {
      const text = a.properties.text as string;
      return !text || a.properties.length !== Array.from(text).length || /[{}]/.test(text);
    });
    expect(odd).toEqual([]);
    const texts = messages.map((a) => a.properties.text as string);
    expect(new Set(texts).size).toBeGreaterThan(10_000);
    expect(texts.filter((t) => /售后太慢|包装破损|失望|漏水/.test(t)).length).toBeGreaterThan(50);
    expect(texts.filter((t) => /[A-Za-z]{4,}/.test(t)).length).toBeGreaterThan(500);
  });

  it('says things at the right moment: greetings follow the clock, 双11 talk comes in the run-up', () => {
    const messages = data.activities.filter((a) => a.kind === 'message');
    const at = (text: string) => messages.filter((a) => a.properties.text === text).map((a) => local(a.occurredAt));
    expect(at('早上好').length).toBeGreaterThan(20);
    expect(at('早上好').every((x) => x.hour >= 6 && x.hour < 11)).toBe(true);
    expect(at('晚安').every((x) => x.hour >= 18)).toBe(true);
    expect(at('周五快乐🎉').every((x) => x.weekday === 5)).toBe(true);
    const d11 = messages.filter((a) => (a.properties.text as string).includes('双11'));
    expect(d11.length).toBeGreaterThan(100);
    expect(d11.every((a) => local(a.occurredAt).date >= '2026-10-15')).toBe(true);
    const launch = data.events.find((e) => e.key === 'tasting-launch')!;
    const newBeans = messages.filter((a) => (a.properties.text as string).includes('云南日晒'));
    expect(newBeans.every((a) => ms(a.occurredAt) > ms(launch.startsAt) - 3 * DAY)).toBe(true);
  });
});
