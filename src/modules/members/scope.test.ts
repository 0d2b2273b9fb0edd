import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKith, staffSession, type TestKith } from '../../../test/harness.js';
import { addCommunity, join, membersClient, uniq, type Headers } from './members.test-support.js';

/**
 * A community manager (群主 / 社群运营 of some groups) sees and edits only the members who are or
 * were in their communities; everyone else does not exist for them.
 */
let kith: TestKith;
let api: ReturnType<typeof membersClient>;
let op: Headers;
let cm: Headers;
let mine: { id: number; identities: { externalId: string }[] };
let former: { id: number };
let theirs: { id: number; identities: { externalId: string }[] };
let mineCommunity: number;
let otherCommunity: number;

beforeAll(async () => {
  kith = await startTestKith();
  api = membersClient(kith);
  op = (await staffSession(kith, 'operator')).headers;
  mineCommunity = await addCommunity(kith, '北京跑团');
  otherCommunity = await addCommunity(kith, '上海跑团');
  cm = (await staffSession(kith, 'community_manager', [mineCommunity])).headers;
  mine = await api.create(op, { name: '跑者甲', phone: '13800000011' });
  former = await api.create(op, { name: '跑者乙', phone: '13800000011' });
  theirs = await api.create(op, { name: '跑者丙', phone: '13800000011' });
  await join(kith, mineCommunity, mine.id);
  await join(kith, mineCommunity, former.id, { left: true });
  await join(kith, otherCommunity, theirs.id);
  await join(kith, otherCommunity, mine.id);
});
afterAll(async () => {
  await kith?.dispose();
});

describe('community-manager scope', () => {
  it('lists only members who are or were in their communities, showing only their communities', async () => {
    const page = await api.list(cm, 'limit=200');
    expect(page.items.map((m) => m.id).sort()).toEqual([mine.id, former.id].sort());
    expect(page.items.find((m) => m.id === mine.id)!.communities).toEqual([{ id: mineCommunity, name: '北京跑团' }]);
    expect((await api.list(cm, `q=${theirs.identities[0]!.externalId}`)).items).toEqual([]);
    // asking who is in another community is refused, whether it exists or not
    const other = await api.inject({
      method: 'GET',
      url: `/api/v1/members?communityId=${otherCommunity}`,
      headers: cm,
    });
    const none = await api.inject({ method: 'GET', url: '/api/v1/members?communityId=99999999', headers: cm });
    expect([other.statusCode, none.statusCode]).toEqual([403, 403]);
  });

  it("answers 404 for another community's member, to read or to edit", async () => {
    expect((await api.get(cm, theirs.id)).statusCode).toBe(404);
    const edit = await api.inject({
      method: 'PATCH',
      url: `/api/v1/members/${theirs.id}`,
      headers: cm,
      payload: { name: 'x' },
    });
    expect(edit.statusCode).toBe(404);
    const ident = await api.inject({
      method: 'POST',
      url: `/api/v1/members/${theirs.id}/identities`,
      headers: cm,
      payload: { channel: 'qq', externalId: '555' },
    });
    expect(ident.statusCode).toBe(404);
    expect(
      (await api.inject({ method: 'GET', url: `/api/v1/members/${theirs.id}?reveal=contact`, headers: cm })).statusCode,
    ).toBe(404); // personal-data requests are not a community manager's (403 whoever the member is)
  });

  it("cannot bring another community's member into scope by adding them to their own community", async () => {
    const add = (memberId: number, extra: object = {}) =>
      api.inject({
        method: 'POST',
        url: `/api/v1/communities/${mineCommunity}/members`,
        headers: cm,
        payload: { items: [{ memberId, ...extra }] },
      });
    const outside = await add(theirs.id);
    const missing = await add(99_999_999);
    // refused exactly like a member that does not exist, so existence does not leak
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors).toEqual([{ path: 'items/0/memberId', message: `no member ${theirs.id}` }]);
    expect(missing.json().errors).toEqual([{ path: 'items/0/memberId', message: 'no member 99999999' }]);
    // naming them as the inviter of one's own member is refused the same way
    const inviter = await add(former.id, { invitedByMemberId: theirs.id });
    expect(inviter.json().errors).toEqual([{ path: 'items/0/invitedByMemberId', message: `no member ${theirs.id}` }]);
    // or as an admin of the community
    const admin = await api.inject({
      method: 'PATCH',
      url: `/api/v1/communities/${mineCommunity}`,
      headers: cm,
      payload: { admins: [{ memberId: theirs.id }] },
    });
    expect(admin.statusCode).toBe(400);
    expect(admin.json().errors).toEqual([{ path: 'admins/0/memberId', message: `no member ${theirs.id}` }]);
    expect((await api.get(cm, theirs.id)).statusCode).toBe(404);
    expect(
      (await api.inject({ method: 'GET', url: `/api/v1/members/${theirs.id}?reveal=contact`, headers: cm })).statusCode,
    ).toBe(404); // personal-data requests are not a community manager's (403 whoever the member is)
    expect(
      (
        await api.inject({
          method: 'POST',
          url: `/api/v1/members/${theirs.id}/loyalty/adjustments`,
          headers: cm,
          payload: { points: 5, reason: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    // a member who was once in their community can be added back
    const back = await add(former.id);
    expect(back.statusCode, back.body).toBe(200);
    await api.inject({
      method: 'DELETE',
      url: `/api/v1/communities/${mineCommunity}/members/${former.id}`,
      headers: cm,
    });
  });

  it('gets 404 for the community history of a member outside their communities, as for a missing one', async () => {
    const outside = await api.inject({
      method: 'GET',
      url: `/api/v1/members/${theirs.id}/community-memberships`,
      headers: cm,
    });
    const missing = await api.inject({
      method: 'GET',
      url: '/api/v1/members/99999999/community-memberships',
      headers: cm,
    });
    expect([outside.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect(outside.json().detail).toBe(missing.json().detail.replace('99999999', String(theirs.id)));
    const own = await api.inject({
      method: 'GET',
      url: `/api/v1/members/${mine.id}/community-memberships`,
      headers: cm,
    });
    expect(own.json().items.map((h: { communityId: number }) => h.communityId)).toEqual([mineCommunity]);
  });

  it('edits their own members, audited', async () => {
    const r = await api.inject({
      method: 'PATCH',
      url: `/api/v1/members/${mine.id}`,
      headers: cm,
      payload: { lifecycleStage: 'retained' },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((await api.audit('member.update', mine.id))[0]!.after).toEqual({ lifecycleStage: 'retained' });
  });

  it('does not learn who holds an account outside their communities', async () => {
    const r = await api.inject({
      method: 'POST',
      url: `/api/v1/members/${mine.id}/identities`,
      headers: cm,
      payload: { channel: 'wechat', externalId: theirs.identities[0]!.externalId },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().detail).not.toContain(`member ${theirs.id}`);
    expect(r.json().detail).toContain('outside your communities');
  });

  it('tags in bulk only their own members, and counts only those', async () => {
    const tag = await api.tag(op, `跑者-${uniq()}`);
    const r = await api.inject({
      method: 'POST',
      url: '/api/v1/members/tags/bulk',
      headers: cm,
      payload: { filter: { phone: '13800000011' }, add: [tag.id] },
    });
    expect(r.json()).toEqual({ matched: 2, added: 2, removed: 0 });
    const byId = await api.inject({
      method: 'POST',
      url: '/api/v1/members/tags/bulk',
      headers: cm,
      payload: { memberIds: [theirs.id], add: [tag.id] },
    });
    expect(byId.json()).toEqual({ matched: 0, added: 0, removed: 0 });
    expect((await api.get(op, theirs.id)).json().tags).toEqual([]);
    await api.inject({
      method: 'POST',
      url: '/api/v1/members/tags/bulk',
      headers: op,
      payload: { memberIds: [theirs.id], add: [tag.id] },
    });
    const counts = async (h: Headers) =>
      (await api.inject({ method: 'GET', url: '/api/v1/members/tags', headers: h }))
        .json()
        .items.find((t: { id: number }) => t.id === tag.id).memberCount;
    expect(await counts(op)).toBe(3);
    expect(await counts(cm)).toBe(2);
  });

  it('sees duplicates and exports only within their communities', async () => {
    const dups = (
      await api.inject({ method: 'GET', url: '/api/v1/members/duplicates?reason=phone', headers: cm })
    ).json().items;
    expect(dups).toEqual([
      {
        a: expect.objectContaining({ id: mine.id }),
        b: expect.objectContaining({ id: former.id }),
        reasons: [{ reason: 'phone', value: '138****0011', communityId: null }],
      },
    ]);
    const all = (
      await api.inject({ method: 'GET', url: '/api/v1/members/duplicates?reason=phone', headers: op })
    ).json().items;
    expect(all.map((p: { b: { id: number } }) => p.b.id).sort()).toEqual([former.id, theirs.id].sort());
    const csv = (
      await api.inject({ method: 'GET', url: '/api/v1/members/export.csv', headers: cm })
    ).rawPayload.toString('utf8');
    expect(csv).toContain('跑者甲');
    expect(csv).not.toContain('跑者丙');
  });

  it('cannot create members outside any community, nor merge or erase', async () => {
    const c = await api.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: cm,
      payload: { name: 'x', phone: '13800000099' },
    });
    expect(c.statusCode).toBe(403);
    expect(
      (
        await api.inject({
          method: 'POST',
          url: `/api/v1/members/${mine.id}/merge`,
          headers: cm,
          payload: { mergedId: former.id },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await api.inject({ method: 'POST', url: `/api/v1/members/${mine.id}/erase`, headers: cm })).statusCode,
    ).toBe(403);
  });
});
