import { describe, expect, it } from 'vitest';
import { describeActivity } from './activity-text';

const names = {
  community: (id: number) => (id === 3 ? '手冲咖啡交流群' : null),
  money: (a: string, c: string) => `${c} ${a}`,
};

describe('activity wording', () => {
  it('keeps a message body as the text it is, markup included (React escapes it)', () => {
    const r = describeActivity(
      { kind: 'message', communityId: 3, properties: { text: '<img src=x onerror=alert(1)>新品什么时候开售？' } },
      names,
    );
    expect(r.title).toEqual({ key: 'activity.message', values: { community: '手冲咖啡交流群' } });
    expect(r.body).toBe('<img src=x onerror=alert(1)>新品什么时候开售？');
  });

  it('describes a purchase with its amount, order and items', () => {
    const r = describeActivity(
      {
        kind: 'purchase',
        communityId: null,
        properties: {
          orderId: 'SY2026030100012',
          amount: '198.00',
          currency: 'CNY',
          items: [{ name: '云南日晒', quantity: 1 }, { sku: 'BEAN-ETH' }],
        },
      },
      names,
    );
    expect(r.title).toEqual({ key: 'activity.purchase', values: { amount: 'CNY 198.00' } });
    expect(r.details).toEqual([{ key: 'activity.order', values: { id: 'SY2026030100012' } }]);
    expect(r.body).toBe('云南日晒、BEAN-ETH');
  });

  it('shows the variant and quantity an imported order kept', () => {
    const items = [{ name: '挂耳咖啡', sku: '10片装', quantity: 2, unitPrice: '59.00' }, { quantity: 3 }];
    expect(
      describeActivity({ kind: 'purchase', communityId: null, properties: { amount: '148.00', items } }, names).body,
    ).toBe('挂耳咖啡 · 10片装 ×2、×3');
  });

  it('ignores properties of an unexpected type instead of showing [object Object]', () => {
    const r = describeActivity(
      { kind: 'event_attended', communityId: 99, properties: { eventName: { html: '<b>x</b>' } } },
      names,
    );
    expect(r).toEqual({ title: { key: 'kind.event_attended' }, details: [], body: null });
    expect(describeActivity({ kind: 'message', communityId: null, properties: { text: 42 } }, names).body).toBeNull();
  });

  it('names check-in streaks, reactions and surveys', () => {
    expect(
      describeActivity({ kind: 'check_in', communityId: 3, properties: { streak: 12, topic: '每日咖啡打卡' } }, names),
    ).toEqual({
      title: { key: 'kind.check_in' },
      details: [
        { key: 'activity.streak', values: { days: 12 } },
        { key: 'activity.inCommunity', values: { community: '手冲咖啡交流群' } },
      ],
      body: '每日咖啡打卡',
    });
    expect(describeActivity({ kind: 'reaction', communityId: null, properties: { emoji: '👍' } }, names).title).toEqual(
      { key: 'activity.emoji', values: { emoji: '👍' } },
    );
    expect(
      describeActivity(
        { kind: 'survey_response', communityId: null, properties: { title: '新品口味调研', nps: 9 } },
        names,
      ).details,
    ).toEqual([
      { key: 'activity.survey', values: { name: '新品口味调研' } },
      { key: 'activity.rating', values: { score: 9 } },
    ]);
  });
});
