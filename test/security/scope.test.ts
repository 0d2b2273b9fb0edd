import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { ROLE_PERMISSIONS, isPermission } from '../../src/modules/access/domain/permissions.js';
import { injector, startTestKith, staffSession, systemCtx, type TestKith } from '../harness.js';
import { buildBodies, openApiOf, requiredQuery, scopedIdFields, type Known, type OpenApiDoc } from './route-shapes.js';
import { tableFingerprint } from './table-fingerprint.js';

/**
 * A community manager against every route they may call, with ids outside their communities.
 *
 * The rule under test: a target outside the caller's scope answers exactly like a target that does
 * not exist — same status, same body but for the id — and nothing is written. Ids come in three
 * places: the path (`/members/:id`), the querystring (`?memberId=`) and the body
 * (`items[].memberId`, `memberIds`, `owner.memberId` …). The routes, their parameters and their
 * bodies are read from the running app and its OpenAPI document, so a new route is walked the
 * moment it exists; a path parameter this file cannot place fails the test until it is taught.
 *
 * For each probe a control sends the same request with a target inside the manager's scope, so a
 * probe cannot pass just because its body was invalid: where the control is refused for another
 * reason, the probe is listed and the list must stay empty.
 */
let kith: TestKith;
let inject: ReturnType<typeof injector>;
let doc: OpenApiDoc;
let cm: Record<string, string>;
const MISSING = 987_654_321;
const MARKER = 'OUTSIDER-7f3a';
/** Field values that make a request valid apart from the id probed (filled in once the workspace exists). */
const known: Known = {
  idempotencyKey: 'security-walk-0001',
  points: 5,
  reason: '安全检查',
  note: '安全检查',
  name: '安全检查',
  channel: 'wechat',
  externalId: 'sec-walk-1',
};
/** Fields some routes need beyond their required ones, to do anything at all. */
const EXTRA_BODY: Record<string, () => Record<string, unknown>> = {
  'PATCH /api/v1/members/:id': () => ({ name: '安全检查' }),
  'PATCH /api/v1/communities/:id': () => ({ description: '安全检查' }),
  'POST /api/v1/members/tags/bulk': () => ({ add: [known.tagId] }),
};

/** Targets in the manager's scope (`in`) and outside it (`out`), by what a parameter names. */
const t = {
  community: { in: 0, out: 0 },
  member: { in: 0, out: 0 },
  identity: { in: 0, out: 0 },
  award: { in: 0, out: 0 },
  redemption: { in: 0, out: 0 },
  adjustment: { in: 0, out: 0 },
  merge: { in: 0, out: 0 },
};

beforeAll(async () => {
  kith = await startTestKith();
  inject = injector(kith);
  doc = await openApiOf(kith);
  const owner = await staffSession(kith, 'owner');
  const as = (o: InjectOptions) => inject({ ...o, headers: { ...owner.headers, ...(o.headers as object) } });
  const ok = async (o: InjectOptions) => {
    const r = await as(o);
    if (r.statusCode >= 300) throw new Error(`${o.method} ${o.url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const community = (name: string) =>
    ok({
      method: 'POST',
      url: '/api/v1/communities',
      payload: { name, channel: 'wechat', positioningType: 'product', goal: 'after_sales' },
    });
  t.community.in = (await community('门店一群')).id;
  t.community.out = (await community(`${MARKER} 群`)).id;
  const member = async (name: string, phone: string, communityId: number) => {
    const m = await ok({
      method: 'POST',
      url: '/api/v1/members',
      payload: {
        name,
        phone,
        email: `${phone}@example.com`,
        identities: [{ channel: 'wechat', externalId: `wx_${phone}` }],
      },
    });
    await ok({
      method: 'POST',
      url: `/api/v1/communities/${communityId}/members`,
      payload: { items: [{ memberId: m.id }] },
    });
    return m;
  };
  const inside = await member('店员甲', '13800000001', t.community.in);
  const outside = await member(`${MARKER} 乙`, '13900000099', t.community.out);
  const outsideTwin = await member(`${MARKER} 丙`, '13900000098', t.community.out);
  t.member = { in: inside.id, out: outside.id };
  t.identity = { in: inside.identities[0].id, out: outside.identities[0].id };
  // a second account each, so removing one is not refused as the last one
  for (const [m, p] of [
    [inside, '1'],
    [outside, '2'],
  ] as const) {
    await ok({
      method: 'POST',
      url: `/api/v1/members/${m.id}/identities`,
      payload: { channel: 'qq', externalId: `88800${p}` },
    });
  }
  // the programme: points, a reward and its redemptions, a badge award, a pending adjustment
  for (const m of [inside, outside])
    await kith.loyalty.accounts.requestAdjustment(systemCtx, m.id, { points: 500, reason: `${MARKER} 初始积分` });
  const reward = await ok({
    method: 'POST',
    url: '/api/v1/loyalty/rewards',
    payload: { nameZh: '咖啡券', nameEn: 'Coffee', type: 'gift', cost: 10, stock: 100 },
  });
  const redeem = (m: number) =>
    ok({
      method: 'POST',
      url: `/api/v1/members/${m}/loyalty/redemptions`,
      payload: { rewardId: reward.id, idempotencyKey: `redeem-${m}-0001` },
    });
  t.redemption = { in: (await redeem(inside.id)).id, out: (await redeem(outside.id)).id };
  const badge = await ok({
    method: 'POST',
    url: '/api/v1/loyalty/badges',
    payload: { nameZh: '元老', nameEn: 'Founder', criteria: null },
  });
  const award = (m: number) =>
    ok({ method: 'POST', url: `/api/v1/members/${m}/loyalty/badges`, payload: { badgeId: badge.id, reason: 'x' } });
  t.award = { in: (await award(inside.id)).id, out: (await award(outside.id)).id };
  const pending = (m: number) =>
    kith.loyalty.accounts.requestAdjustment(systemCtx, m, { points: 5000, reason: `${MARKER} 大额` });
  t.adjustment = { in: (await pending(inside.id)).id, out: (await pending(outside.id)).id };
  // activity with messages and an order in each community
  const ingested = await kith.ingest.ingest(
    systemCtx,
    [inside, outside].flatMap((m, i) => [
      {
        source: 'test',
        channel: 'wechat',
        externalId: `msg-${i}`,
        kind: 'message',
        memberId: m.id,
        communityId: i ? t.community.out : t.community.in,
        occurredAt: '2026-11-01T02:00:00Z',
        properties: { text: `${MARKER} 你好` },
      },
      {
        source: 'test',
        channel: 'wechat',
        externalId: `ord-${i}`,
        kind: 'purchase',
        memberId: m.id,
        communityId: i ? t.community.out : t.community.in,
        occurredAt: '2026-11-02T02:00:00Z',
        properties: { orderId: `${MARKER}-${i}`, amount: '88.00' },
      },
    ]),
  );
  expect(ingested.rejected).toBe(0);
  await kith.jobs.runOnce();
  // a merge on each side (the twin merged into the outsider; a twin merged into the insider)
  const insideTwin = await member('店员丁', '13800000002', t.community.in);
  const merge = (survivor: number, merged: number) =>
    ok({ method: 'POST', url: `/api/v1/members/${survivor}/merge`, payload: { mergedId: merged } });
  t.merge = {
    in: (await merge(inside.id, insideTwin.id)).mergeId,
    out: (await merge(outside.id, outsideTwin.id)).mergeId,
  };
  const inside2 = await member('店员戊', '13800000003', t.community.in);
  const tier = await ok({
    method: 'POST',
    url: '/api/v1/loyalty/tiers',
    payload: { nameZh: '普通会员', nameEn: 'Member', threshold: 0 },
  });
  const tag = await ok({ method: 'POST', url: '/api/v1/members/tags', payload: { name: '安全检查' } });
  Object.assign(known, {
    memberId: inside.id,
    memberIds: [inside.id],
    communityId: t.community.in,
    communityIds: [t.community.in],
    invitedByMemberId: inside2.id,
    mergedId: inside2.id,
    tierId: tier.id,
    badgeId: badge.id,
    rewardId: reward.id,
    tagId: tag.id,
    tagIds: [tag.id],
  });
  cm = (await staffSession(kith, 'community_manager', [t.community.in])).headers;
}, 60_000);
afterAll(async () => {
  await kith?.dispose();
});

type Target = keyof typeof t;

/**
 * What each path parameter names, by route. A parameter not listed here makes the walk fail, so a
 * new route with an id is placed deliberately. `null`: the parameter names something every staff
 * member may see alike (a tag, a rule, an RFM layer), which has no community scope.
 */
function pathTargets(url: string): Record<string, Target | null> {
  if (url.startsWith('/api/v1/members/merges/')) return { mergeId: 'merge' };
  if (url.startsWith('/api/v1/members/tags/') || url.startsWith('/api/v1/members/attributes/'))
    return { id: null, key: null };
  if (url.startsWith('/api/v1/members/:id')) return { id: 'member', identityId: 'identity', awardId: 'award' };
  if (url.startsWith('/api/v1/communities/:id')) return { id: 'community', memberId: 'member' };
  if (url.startsWith('/api/v1/loyalty/redemptions/')) return { id: 'redemption' };
  if (url.startsWith('/api/v1/loyalty/adjustments/')) return { id: 'adjustment' };
  if (
    /^\/api\/v1\/(loyalty\/(rules|tiers|rewards|badges)|analytics\/(campaigns|rfm\/layers)|staff|api-keys|imports)\//.test(
      url,
    )
  )
    return { id: null, layer: null, kind: null };
  return {};
}

const SAMPLE_PATH: Record<string, string> = { layer: 'champions', kind: 'members', key: 'x' };

interface Probe {
  method: string;
  url: string;
  route: string;
  where: string;
  target: Target;
  inScope: number;
  build: (value: number) => InjectOptions;
}

/** Every request a manager could send with one scoped id in it, as a function of that id. */
function probes(): Probe[] {
  const cmPermissions = ROLE_PERMISSIONS.community_manager;
  const out: Probe[] = [];
  for (const r of kith.http.routes) {
    if (!isPermission(r.access) || !cmPermissions.has(r.access)) continue;
    const targets = pathTargets(r.url);
    const params = [...r.url.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1]!);
    for (const p of params) {
      if (!(p in targets)) throw new Error(`${r.method} ${r.url}: say in pathTargets what :${p} names`);
    }
    // A path with every scoped parameter set to an inside target, except the one being probed.
    const path = (probe: string | null, value: number) =>
      r.url.replace(/:([a-zA-Z]+)/g, (_, p: string) => {
        const target = targets[p];
        if (target === null || target === undefined) return SAMPLE_PATH[p] ?? '1';
        return String(p === probe ? value : t[target].in);
      });
    const bodies = buildBodies(doc, r.method, r.url, EXTRA_BODY[`${r.method} ${r.url}`]?.());
    const query = requiredQuery(doc, r.method, r.url, known);
    const base = (url: string, body: unknown, q: Record<string, string> = {}): InjectOptions => ({
      method: r.method as 'GET',
      url: Object.keys({ ...query, ...q }).length ? `${url}?${new URLSearchParams({ ...query, ...q })}` : url,
      headers: cm,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    for (const p of params) {
      const target = targets[p];
      if (!target) continue;
      out.push({
        method: r.method,
        url: r.url,
        route: `${r.method} ${r.url}`,
        where: `path :${p}`,
        target,
        inScope: t[target].in,
        build: (v) => base(path(p, v), bodies.valid(known)),
      });
    }
    for (const f of scopedIdFields(doc, r.method, r.url)) {
      out.push({
        method: r.method,
        url: r.url,
        route: `${r.method} ${r.url}`,
        where: `${f.in} ${f.path}`,
        target: f.target,
        inScope: [known[f.path.split('.').pop()!.replace('[]', '')]].flat()[0] as number,
        build: (v) =>
          f.in === 'query'
            ? base(path(null, 0), bodies.valid(known), { [f.path]: String(v) })
            : base(path(null, 0), bodies.withField(f.path, v, known)),
      });
    }
  }
  return out;
}

const normalise = (body: string, id: number) =>
  body
    .replaceAll(String(id), '<id>')
    .replace(/"requestId":"[^"]+"/g, '')
    .replace(/"(createdAt|updatedAt|computedAt|generatedAt)":"[^"]+"/g, '');

describe('community manager scope, every route', () => {
  it('answers for a target outside their communities exactly as for a missing one, and writes nothing', async () => {
    const all = probes();
    expect(all.length).toBeGreaterThan(50);
    // the holes this walk exists for are among its probes
    const where = new Set(all.map((p) => `${p.route} ${p.where}`));
    for (const w of [
      'POST /api/v1/communities/:id/members body items[].memberId',
      'GET /api/v1/members/:id/community-memberships path :id',
      'POST /api/v1/members/:id/loyalty/adjustments path :id',
      'POST /api/v1/loyalty/redemptions/:id/cancel path :id',
      'PATCH /api/v1/communities/:id body owner.memberId',
    ]) {
      expect(where, w).toContain(w);
    }
    const failures: string[] = [];
    const vacuous: string[] = [];
    // A delete succeeds once: its later controls find nothing left, which proves nothing either way.
    const deleted = new Set<string>();
    for (const p of all) {
      const before = await tableFingerprint(kith);
      const missing = await inject(p.build(MISSING));
      const outside = await inject(p.build(t[p.target].out));
      const after = await tableFingerprint(kith);
      const label = `${p.route} (${p.where} = ${p.target} outside)`;
      if (outside.statusCode >= 500) failures.push(`${label}: ${outside.statusCode} ${outside.body}`);
      if (
        outside.statusCode !== missing.statusCode ||
        normalise(outside.body, t[p.target].out) !== normalise(missing.body, MISSING)
      ) {
        failures.push(
          `${label}: outside answered ${outside.statusCode} ${outside.body.slice(0, 300)} but missing ${missing.statusCode} ${missing.body.slice(0, 300)}`,
        );
      }
      if (outside.body.includes(MARKER)) failures.push(`${label}: the answer shows the outsider's data`);
      const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
      if (changed.length) failures.push(`${label}: wrote to ${changed.join(', ')}`);
      // The control: the same request about a target of their own must get past the scope check.
      const control = await inject(p.build(p.inScope));
      if (control.statusCode < 300 && p.method === 'DELETE') deleted.add(p.route);
      else if ([400, 403, 404].includes(control.statusCode) && !(p.method === 'DELETE' && deleted.has(p.route))) {
        vacuous.push(`${label}: control answered ${control.statusCode} ${control.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(vacuous).toEqual([]);
  }, 120_000);
});
