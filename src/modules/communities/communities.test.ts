import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKith, staffSession, apiKeyHeaders, injector, type TestKith } from '../../../test/harness.js';
import { auditOf, buildCommunity, buildMember, systemCtx } from './communities.test-support.js';
import { ensureCommunityByName, findCommunityByExternal } from './index.js';

let kith: TestKith;
let operator: Awaited<ReturnType<typeof staffSession>>;
beforeAll(async () => {
  kith = await startTestKith();
  operator = await staffSession(kith, 'operator');
});
afterAll(async () => {
  await kith?.dispose();
});

const inject = (o: Parameters<ReturnType<typeof injector>>[0]) => injector(kith)(o);
type Headers = Record<string, string>;
const post = (url: string, payload: unknown, headers: Headers = operator.headers) =>
  inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, headers });
const patch = (url: string, payload: unknown, headers: Headers = operator.headers) =>
  inject({ method: 'PATCH', url: `/api/v1${url}`, payload: payload as object, headers });
const get = (url: string, headers: Headers = operator.headers) =>
  inject({ method: 'GET', url: `/api/v1${url}`, headers });

const valid = { name: '小米汽车车主群 1', channel: 'wechat', positioningType: 'product', goal: 'after_sales' };

describe('creating and changing a community', () => {
  it('creates a community with its positioning, rules, capacity, owner and admins', async () => {
    const memberId = await buildMember(kith, '王小明');
    const res = await post('/communities', {
      ...valid,
      stage: 'growth',
      description: '售后答疑',
      rules: '禁止广告',
      capacity: 500,
      externalId: 'wx-group-1',
      owner: { staffId: operator.staff.id },
      admins: [{ memberId }, { staffId: operator.staff.id }],
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      name: valid.name,
      channel: 'wechat',
      positioningType: 'product',
      goal: 'after_sales',
      stage: 'growth',
      rules: '禁止广告',
      capacity: 500,
      externalId: 'wx-group-1',
      archived: false,
      owner: { staffId: operator.staff.id, role: 'owner', name: operator.staff.name },
      admins: [{ memberId, role: 'admin', name: '王小明' }],
    });
    const fetched = await get(`/communities/${c.id}`);
    expect(fetched.json()).toMatchObject({ id: c.id, membersNow: 0, capacityUsePercent: 0 });
  });

  it('names the wrong fields', async () => {
    const res = await post('/communities', { ...valid, channel: 'myspace' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toContain('channel');
    const blank = await post('/communities', { ...valid, name: '   ', capacity: 0 });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].path).toMatch(/capacity|name/);
    const viaService = kith.communities.create(systemCtx, { ...valid, name: '  ', positioningType: 'fandom' });
    await expect(viaService).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'name' }, { path: 'positioningType' }],
    });
    const ghostOwner = await post('/communities', { ...valid, owner: { memberId: 99999999 } });
    expect(ghostOwner.statusCode).toBe(400);
    expect(ghostOwner.json().errors).toEqual([{ path: 'owner/memberId', message: 'no member 99999999' }]);
    const both = await post('/communities', { ...valid, owner: { memberId: 1, staffId: 1 } });
    expect(both.json().errors[0]).toEqual({ path: 'owner', message: 'must name exactly one of staffId or memberId' });
  });

  it('keeps external ids unique per channel, and lets other channels reuse them', async () => {
    expect((await post('/communities', { ...valid, externalId: 'g-42' })).statusCode).toBe(201);
    const dup = await post('/communities', { ...valid, externalId: 'g-42' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe('externalId');
    expect((await post('/communities', { ...valid, channel: 'qq', externalId: 'g-42' })).statusCode).toBe(201);
  });

  it('updates fields, replaces admins, and records before and after in the audit log', async () => {
    const c = await buildCommunity(kith, { capacity: 100 });
    const memberId = await buildMember(kith);
    const res = await patch(`/communities/${c.id}`, { stage: 'mature', capacity: null, owner: { memberId } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'mature', capacity: null, owner: { memberId }, name: c.name });
    const [entry] = await auditOf(kith, 'community.update', c.id);
    expect(entry).toMatchObject({ actor_type: 'staff', actor_id: operator.staff.id });
    expect(entry!.before).toMatchObject({ stage: 'launch', capacity: 100, owner: null });
    expect(entry!.after).toMatchObject({ stage: 'mature', capacity: null, owner: { memberId } });
    expect(await auditOf(kith, 'community.create', c.id)).toHaveLength(1);
  });

  it('will not set a capacity below the members already in', async () => {
    const c = await buildCommunity(kith);
    const m = await buildMember(kith);
    await kith.communities.addMembers(systemCtx, c.id, [{ memberId: m }, { memberId: await buildMember(kith) }]);
    const res = await patch(`/communities/${c.id}`, { capacity: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      path: 'capacity',
      message: 'is below the 2 members in the community now',
    });
  });

  it('archives: hidden from lists by default, shown on request, back after unarchive, both audited', async () => {
    const c = await buildCommunity(kith, { name: 'Archive me' });
    const archived = await post(`/communities/${c.id}/archive`, {});
    expect(archived.json()).toMatchObject({ archived: true });
    const ids = async (qs: string) =>
      (await get(`/communities?limit=200${qs}`)).json().items.map((i: { id: number }) => i.id);
    expect(await ids('')).not.toContain(c.id);
    expect(await ids('&archived=true')).toContain(c.id);
    expect(await ids('&archived=all')).toContain(c.id);
    await post(`/communities/${c.id}/unarchive`, {});
    expect(await ids('')).toContain(c.id);
    expect(await auditOf(kith, 'community.archive', c.id)).toHaveLength(1);
    expect(await auditOf(kith, 'community.unarchive', c.id)).toHaveLength(1);
  });
});

describe('listing communities', () => {
  it('filters by channel, positioning, goal, stage and text, and pages', async () => {
    const tag = `flt${Date.now()}`;
    const a = await buildCommunity(kith, {
      name: `${tag} 抖音 fans`,
      channel: 'douyin',
      positioningType: 'interest',
      goal: 'brand',
      stage: 'growth',
    });
    const b = await buildCommunity(kith, {
      name: `${tag} knowledge`,
      channel: 'forum',
      positioningType: 'knowledge',
      goal: 'interaction',
    });
    const names = async (qs: string) =>
      (await get(`/communities?q=${tag}&${qs}`)).json().items.map((i: { id: number }) => i.id);
    expect(await names('')).toEqual([b.id, a.id]);
    expect(await names('channel=douyin')).toEqual([a.id]);
    expect(await names('type=knowledge')).toEqual([b.id]);
    expect(await names('positioningType=interest&goal=brand&stage=growth')).toEqual([a.id]);
    expect(await names('goal=after_sales')).toEqual([]);
    const page1 = (await get(`/communities?q=${tag}&limit=1`)).json();
    expect(page1.items.map((i: { id: number }) => i.id)).toEqual([b.id]);
    const page2 = (await get(`/communities?q=${tag}&limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((i: { id: number }) => i.id)).toEqual([a.id]);
    expect(page2.nextCursor).toBeNull();
    expect((await get('/communities?channel=myspace')).statusCode).toBe(400);
  });

  it('shows member counts and capacity use on each community', async () => {
    const c = await buildCommunity(kith, { name: `counted ${Date.now()}`, capacity: 8 });
    const m = [await buildMember(kith), await buildMember(kith)];
    await kith.communities.addMembers(
      systemCtx,
      c.id,
      m.map((memberId) => ({ memberId })),
    );
    await kith.communities.removeMember(systemCtx, c.id, m[0]!);
    const item = (await get(`/communities?q=${encodeURIComponent(c.name)}`)).json().items[0];
    expect(item).toMatchObject({ id: c.id, membersNow: 1, capacityUsePercent: 12.5, joined: 2, left: 1 });
  });
});

describe('who may do what', () => {
  it('lets a community manager see and edit only their communities, and not create any', async () => {
    const mine = await buildCommunity(kith, { name: 'Mine' });
    const other = await buildCommunity(kith, { name: 'Not mine' });
    const cm = await staffSession(kith, 'community_manager', [mine.id]);
    const list = (await get('/communities?limit=200&archived=all', cm.headers)).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([mine.id]);
    expect((await get(`/communities/${other.id}`, cm.headers)).statusCode).toBe(404);
    expect((await get(`/communities/${other.id}/stats`, cm.headers)).statusCode).toBe(404);
    expect((await get(`/communities/${other.id}/members`, cm.headers)).statusCode).toBe(404);
    expect((await patch(`/communities/${other.id}`, { stage: 'growth' }, cm.headers)).statusCode).toBe(404);
    expect((await post(`/communities/${other.id}/archive`, {}, cm.headers)).statusCode).toBe(404);
    expect((await patch(`/communities/${mine.id}`, { stage: 'growth' }, cm.headers)).json()).toMatchObject({
      stage: 'growth',
    });
    expect((await post('/communities', valid, cm.headers)).statusCode).toBe(403);
    const cmCtx = {
      actor: {
        type: 'staff' as const,
        id: cm.staff.id,
        label: cm.email,
        role: 'community_manager' as const,
        communityIds: [mine.id],
      },
      requestId: null,
    };
    await expect(
      kith.database.transaction((tx) => ensureCommunityByName(tx, cmCtx, { name: 'Brand new', channel: 'wechat' })),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets an analyst read but not write', async () => {
    const c = await buildCommunity(kith);
    const analyst = await staffSession(kith, 'analyst');
    expect((await get(`/communities/${c.id}`, analyst.headers)).statusCode).toBe(200);
    expect((await post('/communities', valid, analyst.headers)).statusCode).toBe(403);
    expect((await patch(`/communities/${c.id}`, { stage: 'growth' }, analyst.headers)).statusCode).toBe(403);
    expect((await post(`/communities/${c.id}/members`, { items: [{ memberId: 1 }] }, analyst.headers)).statusCode).toBe(
      403,
    );
  });

  it('lets an API key act within its scopes', async () => {
    const readOnly = await apiKeyHeaders(kith, ['communities:read']);
    expect((await get('/communities', readOnly)).statusCode).toBe(200);
    expect((await post('/communities', valid, readOnly)).statusCode).toBe(403);
  });
});

describe('helpers for importers', () => {
  it('finds a community by its channel id, and finds or creates one by group name (once, audited)', async () => {
    const c = await buildCommunity(kith, { channel: 'qq', externalId: '123456789' });
    expect((await kith.database.transaction((tx) => findCommunityByExternal(tx, 'qq', '123456789')))?.id).toBe(c.id);
    expect(await kith.database.transaction((tx) => findCommunityByExternal(tx, 'wechat', '123456789'))).toBeNull();

    const name = `周末骑行群 ${Date.now()}`;
    const [first, second] = await Promise.all([
      kith.database.transaction((tx) => ensureCommunityByName(tx, systemCtx, { name, channel: 'wechat' })),
      kith.database.transaction((tx) =>
        ensureCommunityByName(tx, systemCtx, { name: ` ${name.toUpperCase()} `, channel: 'wechat' }),
      ),
    ]);
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ name, positioningType: 'interest', goal: 'interaction' });
    expect(await auditOf(kith, 'community.create', first.id)).toHaveLength(1);
    await expect(
      kith.database.transaction((tx) => ensureCommunityByName(tx, systemCtx, { name: 'x', channel: 'myspace' })),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'channel' }] });
  });
});
