import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKith, staffSession, type TestKith } from '../../../test/harness.js';
import { addCommunity, join, membersClient, type Headers } from './members.test-support.js';

let kith: TestKith;
let api: ReturnType<typeof membersClient>;
let op: Headers;
beforeAll(async () => {
  kith = await startTestKith();
  api = membersClient(kith);
  op = (await staffSession(kith, 'operator')).headers;
});
afterAll(async () => {
  await kith?.dispose();
});

type Pair = {
  a: { id: number; displayName: string };
  b: { id: number };
  reasons: { reason: string; value: string; communityId: number | null }[];
};
const duplicates = async (query = '') =>
  (await api.inject({ method: 'GET', url: `/api/v1/members/duplicates${query}`, headers: op })).json().items as Pair[];

describe('duplicate suggestions', () => {
  it('pairs members sharing a phone or an email, or the same name in one community, saying why', async () => {
    const a = await api.create(op, { name: '陈晨', phone: '13811112222', email: 'chen@example.com' });
    const b = await api.create(op, { name: '晨晨', phone: '+86 138 1111 2222', email: 'CHEN@example.com' });
    const sameNameHere = await api.create(op, { name: '周杰' });
    const sameNameThere = await api.create(op, { name: '周杰' });
    const sameNameToo = await api.create(op, { name: '周杰' });
    const club = await addCommunity(kith, '摄影俱乐部');
    const other = await addCommunity(kith, '骑行群');
    await join(kith, club, sameNameHere.id);
    await join(kith, club, sameNameToo.id);
    await join(kith, other, sameNameThere.id);

    const pairs = await duplicates();
    expect(pairs).toContainEqual({
      a: { id: a.id, displayName: '陈晨', avatarUrl: null },
      b: { id: b.id, displayName: '晨晨', avatarUrl: null },
      reasons: [
        { reason: 'phone', value: '138****2222', communityId: null },
        { reason: 'email', value: 'c***@example.com', communityId: null },
      ],
    });
    expect(pairs).toContainEqual({
      a: expect.objectContaining({ id: sameNameHere.id }),
      b: expect.objectContaining({ id: sameNameToo.id }),
      reasons: [{ reason: 'name_in_community', value: '周杰', communityId: club }],
    });
    // Same name in different communities is common (周杰 is not rare): no suggestion.
    expect(pairs.some((p) => p.a.id === sameNameThere.id || p.b.id === sameNameThere.id)).toBe(false);
    expect((await duplicates('?reason=email')).every((p) => p.reasons.every((r) => r.reason === 'email'))).toBe(true);
    expect((await duplicates(`?communityId=${club}`)).map((p) => [p.a.id, p.b.id])).toEqual([
      [sameNameHere.id, sameNameToo.id],
    ]);
  });

  it('pairs profiles that share only a nickname: in one community, or an uncommon one across channels', async () => {
    // Chat imports know members by nickname alone: the same person via QQ and via email.
    const viaQq = await api.create(op, {
      name: undefined,
      nickname: '阿飞',
      identities: [{ channel: 'qq', externalId: '31415926' }],
    });
    const viaMail = await api.create(op, {
      name: undefined,
      nickname: ' 阿飞 ',
      identities: [],
      email: 'afei@example.com',
    });
    // Two QQ accounts named Momo in one group.
    const momo1 = await api.create(op, {
      name: undefined,
      nickname: 'Momo',
      identities: [{ channel: 'qq', externalId: '27182818' }],
    });
    const momo2 = await api.create(op, {
      name: undefined,
      nickname: 'momo',
      identities: [{ channel: 'qq', externalId: '16180339' }],
    });
    const group = await addCommunity(kith, '猫咪同好群');
    await join(kith, group, momo1.id);
    await join(kith, group, momo2.id);
    // Same nickname, same channel, different groups: two accounts, most likely two people.
    const xia1 = await api.create(op, {
      name: undefined,
      nickname: '小夏',
      identities: [{ channel: 'qq', externalId: '14142135' }],
    });
    const xia2 = await api.create(op, {
      name: undefined,
      nickname: '小夏',
      identities: [{ channel: 'qq', externalId: '17320508' }],
    });
    // A default nickname many people keep suggests nothing, whatever their channels.
    const defaults = [];
    for (let i = 0; i < 6; i++)
      defaults.push(
        await api.create(op, {
          name: undefined,
          nickname: '微信用户',
          identities: [{ channel: i % 2 ? 'wechat' : 'qq', externalId: i % 2 ? `wx_default_${i}` : `2000000${i}` }],
        }),
      );

    const pairs = await duplicates('?limit=500');
    expect(pairs).toContainEqual({
      a: { id: viaQq.id, displayName: '阿飞', avatarUrl: null },
      b: { id: viaMail.id, displayName: expect.any(String), avatarUrl: null },
      reasons: [{ reason: 'nickname_across_channels', value: '阿飞', communityId: null }],
    });
    expect(pairs).toContainEqual({
      a: expect.objectContaining({ id: momo1.id }),
      b: expect.objectContaining({ id: momo2.id }),
      reasons: [{ reason: 'nickname_in_community', value: 'Momo', communityId: group }],
    });
    const involved = new Set(pairs.flatMap((p) => [p.a.id, p.b.id]));
    for (const m of [xia1, xia2, ...defaults]) expect(involved.has(m.id)).toBe(false);
    expect(
      (await duplicates('?reason=nickname_in_community&limit=500')).every((p) =>
        p.reasons.every((r) => r.reason === 'nickname_in_community'),
      ),
    ).toBe(true);
  });

  it('suggests nickname pairs to a community manager only among members of their communities', async () => {
    const theirs = await addCommunity(kith, '书友会');
    const elsewhere = await addCommunity(kith, '影迷群');
    const cm = (await staffSession(kith, 'community_manager', [theirs])).headers;
    const inside = await api.create(op, {
      name: undefined,
      nickname: '青衫客',
      identities: [{ channel: 'qq', externalId: '55500001' }],
    });
    const outside = await api.create(op, {
      name: undefined,
      nickname: '青衫客',
      identities: [{ channel: 'wechat', externalId: 'wx_qingshan' }],
    });
    await join(kith, theirs, inside.id);
    await join(kith, elsewhere, outside.id);
    const asManager = (
      await api.inject({ method: 'GET', url: '/api/v1/members/duplicates?limit=500', headers: cm })
    ).json().items as Pair[];
    expect(asManager.some((p) => p.a.id === outside.id || p.b.id === outside.id)).toBe(false);
    expect((await duplicates('?limit=500')).some((p) => p.a.id === inside.id && p.b.id === outside.id)).toBe(true);
  });

  it('stops suggesting a pair once it is merged', async () => {
    const a = await api.create(op, { name: '赵雷', email: 'zhaolei@example.com' });
    const b = await api.create(op, { name: '雷子', email: 'zhaolei@example.com' });
    expect((await duplicates()).some((p) => p.a.id === a.id && p.b.id === b.id)).toBe(true);
    await api.inject({
      method: 'POST',
      url: `/api/v1/members/${a.id}/merge`,
      headers: op,
      payload: { mergedId: b.id },
    });
    expect((await duplicates()).some((p) => p.a.id === a.id || p.b.id === b.id)).toBe(false);
  });

  it('returns at most the asked number of pairs', async () => {
    for (let i = 0; i < 4; i++) {
      await api.create(op, { phone: `1370000000${i}` });
      await api.create(op, { phone: `1370000000${i}` });
    }
    expect(await duplicates('?limit=3')).toHaveLength(3);
  });
});
