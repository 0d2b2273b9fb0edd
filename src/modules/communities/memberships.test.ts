import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKith, staffSession, injector, onPostgres, type TestKith } from '../../../test/harness.js';
import { fixedClock } from '../../kernel/clock.js';
import { auditOf, buildCommunity, buildMember, buildMembers, systemCtx } from './communities.test-support.js';

const clock = fixedClock('2024-05-01T02:00:00Z');
let kith: TestKith;
let operator: Awaited<ReturnType<typeof staffSession>>;
beforeAll(async () => {
  kith = await startTestKith({ clock });
  operator = await staffSession(kith, 'operator');
});
afterAll(async () => {
  await kith?.dispose();
});

const inject = (o: Parameters<ReturnType<typeof injector>>[0]) => injector(kith)(o);
const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  inject({ method, url: `/api/v1${url}`, headers: operator.headers, ...(payload ? { payload } : {}) });
const HOUR = 3_600_000;

describe('joining, leaving and coming back', () => {
  it("keeps every stay: join, leave and rejoin make two stints in the member's history", async () => {
    const c = await buildCommunity(kith);
    const m = await buildMember(kith, '李雷');
    const added = await call('POST', `/communities/${c.id}/members`, { items: [{ memberId: m, source: 'qr_code' }] });
    expect(added.statusCode).toBe(200);
    expect(added.json().added[0]).toMatchObject({
      memberId: m,
      role: 'member',
      joinSource: 'qr_code',
      joinedAt: '2024-05-01T02:00:00.000Z',
      leftAt: null,
    });
    clock.advance(24 * HOUR);
    const removed = await call('DELETE', `/communities/${c.id}/members/${m}`);
    expect(removed.json()).toMatchObject({ leftAt: '2024-05-02T02:00:00.000Z' });
    expect((await call('DELETE', `/communities/${c.id}/members/${m}`)).statusCode).toBe(404);
    clock.advance(24 * HOUR);
    await call('POST', `/communities/${c.id}/members`, { items: [{ memberId: m }] });

    const history = (await call('GET', `/members/${m}/community-memberships`)).json().items;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({
      communityId: c.id,
      communityName: c.name,
      current: true,
      joinedAt: '2024-05-03T02:00:00.000Z',
      leftAt: null,
      joinSource: 'manual',
    });
    expect(history[1]).toMatchObject({
      current: false,
      joinedAt: '2024-05-01T02:00:00.000Z',
      leftAt: '2024-05-02T02:00:00.000Z',
      joinSource: 'qr_code',
    });
    const current = (await call('GET', `/communities/${c.id}/members`)).json().items;
    expect(current).toEqual([
      expect.objectContaining({ memberId: m, memberName: '李雷', joinedAt: '2024-05-03T02:00:00.000Z' }),
    ]);
    expect(await auditOf(kith, 'community.members_add', c.id)).toHaveLength(2);
    expect(await auditOf(kith, 'community.member_remove', history[1].membershipId)).toHaveLength(1);
  });

  it('reports members already in, without adding them twice', async () => {
    const c = await buildCommunity(kith);
    const [a, b] = await buildMembers(kith, 2);
    await call('POST', `/communities/${c.id}/members`, { items: [{ memberId: a! }] });
    const again = await call('POST', `/communities/${c.id}/members`, { items: [{ memberId: a! }, { memberId: b! }] });
    expect(again.json().alreadyMembers).toEqual([a]);
    expect(again.json().added.map((x: { memberId: number }) => x.memberId)).toEqual([b]);
  });

  it('records who invited whom', async () => {
    const c = await buildCommunity(kith);
    const [inviter, guest] = await buildMembers(kith, 2);
    const r = await call('POST', `/communities/${c.id}/members`, {
      items: [{ memberId: guest!, invitedByMemberId: inviter! }],
    });
    expect(r.json().added[0]).toMatchObject({ joinSource: 'invited', invitedByMemberId: inviter });
  });

  it('names what is wrong in a request', async () => {
    const c = await buildCommunity(kith);
    const m = await buildMember(kith);
    const unknown = await call('POST', `/communities/${c.id}/members`, {
      items: [{ memberId: m }, { memberId: 987654321 }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ path: 'items/1/memberId', message: 'no member 987654321' }]);
    const future = await call('POST', `/communities/${c.id}/members`, {
      items: [{ memberId: m, joinedAt: '2099-01-01T00:00:00Z' }],
    });
    expect(future.json().errors[0]).toEqual({ path: 'items/0/joinedAt', message: 'cannot be in the future' });
    const wrongSource = await call('POST', `/communities/${c.id}/members`, {
      items: [{ memberId: m, source: 'qr_code', invitedByMemberId: m }],
    });
    expect(wrongSource.json().errors.map((e: { path: string }) => e.path)).toContain('items/0/invitedByMemberId');
    const survivor = await buildMember(kith);
    const merged = await buildMember(kith);
    await kith.database.db.updateTable('members').set({ merged_into: survivor }).where('id', '=', merged).execute();
    const gone = await call('POST', `/communities/${c.id}/members`, { items: [{ memberId: merged }] });
    expect(gone.json().errors[0]).toEqual({
      path: 'items/0/memberId',
      message: `member ${merged} was merged into member ${survivor}; use that one`,
    });
    expect((await call('GET', `/communities/${c.id}/members`)).json().items).toEqual([]);
  });

  it('refuses new members in an archived community', async () => {
    const c = await buildCommunity(kith);
    await kith.communities.archive(systemCtx, c.id);
    const r = await call('POST', `/communities/${c.id}/members`, { items: [{ memberId: await buildMember(kith) }] });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('COMMUNITY_ARCHIVED');
  });
});

describe('roles in the group', () => {
  it('changes a role, hands the owner role over, and audits both', async () => {
    const c = await buildCommunity(kith);
    const [a, b] = await buildMembers(kith, 2);
    await kith.communities.addMembers(systemCtx, c.id, [{ memberId: a!, role: 'owner' }, { memberId: b! }]);
    const core = await call('PATCH', `/communities/${c.id}/members/${b}`, { role: 'core' });
    expect(core.json()).toMatchObject({ memberId: b, role: 'core' });
    await call('PATCH', `/communities/${c.id}/members/${b}`, { role: 'owner' });
    const roles = Object.fromEntries(
      (await call('GET', `/communities/${c.id}/members`))
        .json()
        .items.map((i: { memberId: number; role: string }) => [i.memberId, i.role]),
    );
    expect(roles).toEqual({ [a!]: 'member', [b!]: 'owner' });
    const entries = await auditOf(kith, 'community.member_role');
    expect(entries.at(-1)).toMatchObject({
      before: { memberId: b, role: 'core' },
      after: { memberId: b, role: 'owner', demotedOwners: [a] },
    });
    expect(
      (await call('GET', `/communities/${c.id}/members?role=owner`))
        .json()
        .items.map((i: { memberId: number }) => i.memberId),
    ).toEqual([b]);
    expect((await call('PATCH', `/communities/${c.id}/members/${b}`, { role: 'boss' })).statusCode).toBe(400);
  });
});

describe('listing current members', () => {
  it('pages newest first without skipping or repeating anyone', async () => {
    const c = await buildCommunity(kith);
    const ids = await buildMembers(kith, 7);
    // Several join at the very same moment: the page key must still order them.
    await kith.communities.addMembers(
      systemCtx,
      c.id,
      ids.map((memberId, i) => ({
        memberId,
        joinedAt: new Date(Date.parse('2024-04-01T00:00:00Z') + Math.floor(i / 3) * HOUR),
      })),
    );
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { memberId: number; joinedAt: string }[]; nextCursor: string | null } = (
        await call('GET', `/communities/${c.id}/members?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((i) => i.memberId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
    const first = (await call('GET', `/communities/${c.id}/members?limit=1`)).json().items[0];
    expect(first.joinedAt).toBe('2024-04-01T02:00:00.000Z');
    expect((await call('GET', `/communities/${c.id}/members?cursor=nonsense`)).statusCode).toBe(400);
  });
});

describe('capacity', () => {
  it('refuses a batch that would not fit, naming the capacity, and adds nobody', async () => {
    const c = await buildCommunity(kith, { capacity: 2 });
    const ids = await buildMembers(kith, 3);
    const r = await call('POST', `/communities/${c.id}/members`, { items: ids.map((memberId) => ({ memberId })) });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('CAPACITY_REACHED');
    expect(r.json().detail).toContain('capacity is 2');
    expect((await call('GET', `/communities/${c.id}/stats`)).json().membersNow).toBe(0);
  });

  it(`holds under 20 concurrent adds to a community of 5${onPostgres ? ' (PostgreSQL)' : ''}`, async () => {
    const c = await buildCommunity(kith, { capacity: 5 });
    const ids = await buildMembers(kith, 20);
    const results = await Promise.allSettled(
      ids.map((memberId) => kith.communities.addMembers(systemCtx, c.id, [{ memberId }])),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(15);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'CAPACITY_REACHED' });
    const stats = (await call('GET', `/communities/${c.id}/stats`)).json();
    expect(stats).toMatchObject({ membersNow: 5, capacity: 5, capacityUsePercent: 100 });
  });
});
