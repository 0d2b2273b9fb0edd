/** Shared by the generator tests: the default data is generated once per test file. */
import type { DemoData } from './index.js';

export const END = new Date('2026-11-20T12:00:00+08:00');
export const DAY = 86_400_000;
export const ms = (iso: string): number => Date.parse(iso);

/** Shanghai wall-clock hour, weekday (0 = Sunday) and date of an ISO instant. */
export function local(iso: string): { hour: number; weekday: number; date: string } {
  const d = new Date(ms(iso) + 8 * 3_600_000);
  return { hour: d.getUTCHours(), weekday: d.getUTCDay(), date: d.toISOString().slice(0, 10) };
}

/**
 * The rules every generated data set must keep, whatever the options: sorted, nothing after the
 * end or before the member existed, in-group activity only while in the group, refunds after and
 * within their order. Returns what broke, so a failure names the offending rows.
 */
export function violations(data: DemoData, end: Date): string[] {
  const out: string[] = [];
  const spans = new Map<string, [number, number][]>();
  for (const x of data.memberships) {
    const k = `${x.memberKey}@${x.communityKey}`;
    spans.set(k, [...(spans.get(k) ?? []), [ms(x.joinedAt), x.leftAt ? ms(x.leftAt) : Infinity]]);
  }
  const created = new Map(data.members.map((m) => [m.key, ms(m.createdAt)]));
  const orders = new Map<unknown, DemoData['activities'][number]>();
  let previous = -Infinity;
  for (const a of data.activities) {
    const t = ms(a.occurredAt);
    if (t < previous) out.push(`${a.externalId} is out of order`);
    previous = t;
    if (t > end.getTime()) out.push(`${a.externalId} is after the end`);
    if (t < created.get(a.memberKey)!) out.push(`${a.externalId} is before ${a.memberKey} was created`);
    if (a.communityKey === null && a.kind !== 'purchase' && a.kind !== 'refund')
      out.push(`${a.externalId} (${a.kind}) has no community`);
    if (
      a.communityKey !== null &&
      !(spans.get(`${a.memberKey}@${a.communityKey}`) ?? []).some(([from, to]) => t >= from && t <= to)
    ) {
      out.push(`${a.externalId} (${a.kind}) is outside ${a.memberKey}'s membership of ${a.communityKey}`);
    }
    if (a.kind === 'purchase') orders.set(a.properties.orderId, a);
    if (a.kind === 'refund') {
      const order = orders.get(a.properties.orderId);
      if (!order || order.memberKey !== a.memberKey || Number(a.properties.amount) > Number(order.properties.amount)) {
        out.push(`${a.externalId} refunds an unknown, later or smaller order`);
      }
    }
  }
  return out;
}
