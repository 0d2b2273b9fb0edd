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
afterAll(async () => { await kith?.dispose(); });

type Pair = { a: { id: number; displayName: string }; b: { id: number }; reasons: { reason: string; value: string; communityId: number | null }[] };
const duplicates = async (query = '') => (await api.inject({ method: 'GET', url: `/api/v1/members/duplicates${query}`, headers: op })).json().items as Pair[];

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
      a: { id: a.id, displayName: '陈晨', avatarUrl: null }, b: { id: b.id, displayName: '晨晨', avatarUrl: null },
      reasons: [{ reason: 'phone', value: '13811112222', communityId: null }, { reason: 'email', value: 'chen@example.com', communityId: null }],
    });
    expect(pairs).toContainEqual({
      a: expect.objectContaining({ id: sameNameHere.id }), b: expect.objectContaining({ id: sameNameToo.id }),
      reasons: [{ reason: 'name_in_community', value: '周杰', communityId: club }],
    });
    // Same name in different communities is common (周杰 is not rare): no suggestion.
    expect(pairs.some((p) => p.a.id === sameNameThere.id || p.b.id === sameNameThere.id)).toBe(false);
    expect((await duplicates('?reason=email')).every((p) => p.reasons.every((r) => r.reason === 'email'))).toBe(true);
    expect((await duplicates(`?communityId=${club}`)).map((p) => [p.a.id, p.b.id])).toEqual([[sameNameHere.id, sameNameToo.id]]);
  });

  it('stops suggesting a pair once it is merged', async () => {
    const a = await api.create(op, { name: '赵雷', email: 'zhaolei@example.com' });
    const b = await api.create(op, { name: '雷子', email: 'zhaolei@example.com' });
    expect((await duplicates()).some((p) => p.a.id === a.id && p.b.id === b.id)).toBe(true);
    await api.inject({ method: 'POST', url: `/api/v1/members/${a.id}/merge`, headers: op, payload: { mergedId: b.id } });
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
