import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeaders, injector, startTestKith, staffSession, type TestKith } from '../../../test/harness.js';

let kith: TestKith;
let inject: ReturnType<typeof injector>;
let key: Record<string, string>;
let communityId: number;
beforeAll(async () => {
  kith = await startTestKith();
  inject = injector(kith);
  key = await apiKeyHeaders(kith, ['activities:write', 'activities:read']);
  const c = await kith.database.db
    .insertInto('communities')
    .values({ name: '产品体验官一群', channel: 'wechat', positioning_type: 'product', goal: 'product_feedback' })
    .returning('id')
    .executeTakeFirstOrThrow();
  communityId = c.id;
});
afterAll(async () => {
  await kith?.dispose();
});

const count = async (table: 'activities' | 'members' | 'orders' | 'member_identities' | 'community_memberships') =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(kith.database.db)).rows[0]!.n;

const msg = (i: number, extra: Record<string, unknown> = {}) => ({
  externalId: `m-${i}`,
  kind: 'message',
  occurredAt: '2026-03-01T09:05:12+08:00',
  member: { channel: 'wechat', externalId: `wx-${i % 3}`, displayName: `会员${i % 3}` },
  communityId,
  properties: { text: `第${i}条消息` },
  ...extra,
});

describe('POST /activities', () => {
  it('creates each activity once, resolving unknown identities to new members, and a re-sent batch creates nothing', async () => {
    const body = { source: 'wecom-sync', items: [msg(1), msg(2), msg(3), msg(4)] };
    const first = await inject({ method: 'POST', url: '/api/v1/activities', headers: key, payload: body });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ created: 4, duplicates: 0, rejected: 0 });
    expect(first.json().results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'created',
      'created',
      'created',
    ]);
    const members = await count('members');
    expect(members).toBe(3); // wx-0, wx-1, wx-2
    // Members made for new identities are in the audit log, with or in the batch's own entry.
    const audit = await sql<{ action: string; after: { members?: number; created?: number } }>`
      select action, after from audit_log where action like 'activity.ingest%' order by id`.execute(kith.database.db);
    expect(audit.rows.at(-1)).toMatchObject({ action: 'activity.ingest', after: { created: 4 } });
    if (kith.database.kind === 'postgres')
      expect(audit.rows.at(-2)).toMatchObject({ action: 'activity.ingest_members', after: { members: 3 } });
    // last-active dates follow after the batch, through the outbox
    const stale = await sql<{ n: number }>`select count(*)::int as n from members where last_active_at is null`.execute(
      kith.database.db,
    );
    expect(stale.rows[0]!.n).toBe(3);
    await kith.jobs.runOnce();
    const active = await sql<{ at: Date }>`select last_active_at as at from members order by id`.execute(
      kith.database.db,
    );
    expect(active.rows.map((r) => r.at.toISOString())).toEqual(Array(3).fill('2026-03-01T01:05:12.000Z'));
    const again = await inject({ method: 'POST', url: '/api/v1/activities', headers: key, payload: body });
    expect(again.json()).toMatchObject({ created: 0, duplicates: 4, rejected: 0 });
    expect(await count('activities')).toBe(4);
    expect(await count('members')).toBe(3);
    // observed activity made them members of the community
    const stints = await sql<{
      n: number;
    }>`select count(*)::int as n from community_memberships where community_id = ${communityId} and left_at is null`.execute(
      kith.database.db,
    );
    expect(stints.rows[0]!.n).toBe(3);
  });

  it('reports each bad item with its reason and writes the good ones', async () => {
    const before = await count('activities');
    const r = await inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: key,
      payload: {
        source: 'wecom-sync',
        items: [
          msg(10),
          { ...msg(11), kind: 'shout' },
          { ...msg(12), occurredAt: '2026-03-01 09:05' },
          { ...msg(13), communityId: 999999 },
          { ...msg(14), memberId: 5 },
          msg(10), // same key again in one batch
        ],
      },
    });
    expect(r.statusCode).toBe(200);
    const results = r.json().results;
    expect(results[0].status).toBe('created');
    expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^kind: must be one of/) });
    expect(results[2]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^occurredAt:/) });
    expect(results[3]).toMatchObject({ status: 'rejected', reason: 'communityId: community 999999 does not exist' });
    expect(results[4]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/exactly one of memberId or member/),
    });
    expect(results[5].status).toBe('duplicate');
    expect(await count('activities')).toBe(before + 1);
  });

  it('rejects by index the items holding a NUL, a lone surrogate or deep nesting, writes the others, and a retry changes nothing', async () => {
    const before = { activities: await count('activities'), members: await count('members') };
    const items = [
      msg(200),
      { ...msg(201), properties: { text: '早\u0000上好' } },
      { ...msg(202), member: { channel: 'wechat', externalId: 'wx-nul', displayName: 'A\u0000my' } },
      { ...msg(203), properties: { text: '早\ud800上好' } },
      { ...msg(204), properties: { deep: '__DEEP__' } },
      msg(205),
    ];
    // 10,000 levels cannot go through JSON.stringify (it recurses): splice them into the text.
    const body = JSON.stringify({ source: 'bad-input', items }).replace(
      '"__DEEP__"',
      '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
    );
    const send = () =>
      inject({
        method: 'POST',
        url: '/api/v1/activities',
        headers: { ...key, 'content-type': 'application/json' },
        payload: body,
      });
    const first = await send();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ created: 2, duplicates: 0, rejected: 4 });
    const results = first.json().results;
    expect(results.map((x: { status: string }) => x.status)).toEqual([
      'created',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'created',
    ]);
    expect(results[1].reason).toMatch(/^properties\.text: contains a NUL character/);
    expect(results[2].reason).toMatch(/^member\.displayName: contains a NUL character/);
    expect(results[3].reason).toMatch(/^properties\.text: contains an unpaired UTF-16 surrogate/);
    expect(results[4].reason).toMatch(/^properties\.deep(\.a)+: nests objects or arrays deeper than 32 levels/);
    expect(await count('activities')).toBe(before.activities + 2);
    expect(await count('members')).toBe(before.members); // wx-nul was not created

    const again = await send();
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, duplicates: 2, rejected: 4 });
    expect(await count('activities')).toBe(before.activities + 2);
  });

  it('refuses the whole batch, naming the field, when what all items share holds a NUL', async () => {
    const r = await inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: key,
      payload: { source: 'a\u0000b', items: [msg(210)] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([{ path: 'body/source', message: expect.stringContaining('NUL') }]);
  });

  it('answers 400 naming every item when all are rejected, and writes nothing', async () => {
    const before = await count('activities');
    const r = await inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: key,
      payload: { items: [{ kind: 'message' }, 42] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors.map((e: { path: string }) => e.path)).toEqual(['body/items/0', 'body/items/1']);
    expect(await count('activities')).toBe(before);
  });

  it('builds orders from purchases and applies refunds, refusing a refund of an unknown order', async () => {
    const buyer = { channel: 'phone', externalId: '13800138000' };
    const r = await inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: key,
      payload: {
        source: 'shop',
        items: [
          {
            externalId: 'p-1',
            kind: 'purchase',
            occurredAt: '2026-03-02T10:00:00+08:00',
            member: buyer,
            properties: { orderId: 'SY1', amount: '1299.00', currency: 'CNY', items: [{ sku: 'M1', quantity: 1 }] },
          },
          {
            externalId: 'r-1',
            kind: 'refund',
            occurredAt: '2026-03-05T10:00:00+08:00',
            member: buyer,
            properties: { orderId: 'SY1', amount: 300 },
          },
          {
            externalId: 'r-2',
            kind: 'refund',
            occurredAt: '2026-03-05T10:00:00+08:00',
            member: buyer,
            properties: { orderId: 'NOPE', amount: 1 },
          },
          {
            externalId: 'p-2',
            kind: 'purchase',
            occurredAt: '2026-03-02T10:00:00+08:00',
            member: buyer,
            properties: { orderId: 'SY2', amount: '12.345' },
          },
        ],
      },
    });
    const results = r.json().results;
    expect(results.map((x: { status: string }) => x.status)).toEqual(['created', 'created', 'rejected', 'rejected']);
    expect(results[2].reason).toContain('no order NOPE');
    expect(results[3].reason).toMatch(/^properties\.amount/);
    const order = await kith.database.db
      .selectFrom('orders')
      .selectAll()
      .where('order_id', '=', 'SY1')
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      amount: '1299.00',
      refunded_amount: '300.00',
      status: 'partially_refunded',
      currency: 'CNY',
    });
    // the refund is not applied twice when its batch is re-sent
    await inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: key,
      payload: {
        source: 'shop',
        items: [
          {
            externalId: 'r-1',
            kind: 'refund',
            occurredAt: '2026-03-05T10:00:00+08:00',
            member: buyer,
            properties: { orderId: 'SY1', amount: 300 },
          },
        ],
      },
    });
    const after = await kith.database.db
      .selectFrom('orders')
      .select('refunded_amount')
      .where('order_id', '=', 'SY1')
      .executeTakeFirstOrThrow();
    expect(after.refunded_amount).toBe('300.00');
  });

  it('refuses a batch over 10,000 items and callers without the scope', async () => {
    const big = await inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: key,
      payload: { items: Array.from({ length: 10_001 }, (_, i) => ({ i })) },
    });
    expect(big.statusCode).toBe(400);
    const reader = await apiKeyHeaders(kith, ['activities:read']);
    expect(
      (await inject({ method: 'POST', url: '/api/v1/activities', headers: reader, payload: { items: [msg(1)] } }))
        .statusCode,
    ).toBe(403);
    const analyst = await staffSession(kith, 'analyst');
    expect(
      (
        await inject({
          method: 'POST',
          url: '/api/v1/activities',
          headers: analyst.headers,
          payload: { items: [msg(1)] },
        })
      ).statusCode,
    ).toBe(403);
    expect((await inject({ method: 'POST', url: '/api/v1/activities', payload: { items: [msg(1)] } })).statusCode).toBe(
      401,
    );
  });

  it('takes concurrent batches into the same communities without deadlocking', async () => {
    const second = await kith.database.db
      .insertInto('communities')
      .values({ name: '咖啡爱好者', channel: 'qq', positioning_type: 'interest', goal: 'interaction' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const batch = (b: number) => ({
      source: 'concurrent',
      items: Array.from({ length: 200 }, (_, i) => ({
        externalId: `c-${b}-${i}`,
        kind: i % 10 === 0 ? 'join' : 'message',
        occurredAt: '2026-03-03T20:00:00+08:00',
        member: { channel: 'qq', externalId: String(100000 + ((i * 7 + b) % 150)) },
        communityId: i % 2 ? communityId : second.id,
        properties: { text: '+1' },
      })),
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, b) =>
        inject({ method: 'POST', url: '/api/v1/activities', headers: key, payload: batch(b) }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect(results.reduce((n, r) => n + r.json().created, 0)).toBe(1600);
    const open = await sql<{
      n: number;
      d: number;
    }>`select count(*)::int as n, count(distinct (community_id, member_id))::int as d from community_memberships where left_at is null`.execute(
      kith.database.db,
    );
    expect(open.rows[0]!.n).toBe(open.rows[0]!.d); // never two open stints for one member in one community
  });

  it('creates each activity, order and new member once when concurrent batches overlap', async () => {
    // Batch b holds items b*50 … b*50+99, so each item is also in the next batch, sent at the same time.
    const batch = (b: number) => ({
      source: 'overlap',
      items: Array.from({ length: 100 }, (_, k) => {
        const i = b * 50 + k;
        const base = {
          externalId: `o-${i}`,
          occurredAt: '2026-03-04T21:00:00+08:00',
          member: { channel: 'qq', externalId: `ov-${i % 40}` },
          communityId,
        };
        return i % 5 === 0
          ? { ...base, kind: 'purchase', properties: { orderId: `OV${i}`, amount: '19.90' } }
          : { ...base, kind: 'message', properties: { text: '在' } };
      }),
    });
    const members = await count('members');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, b) =>
        inject({ method: 'POST', url: '/api/v1/activities', headers: key, payload: batch(b) }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(200));
    const sum = results.reduce(
      (s, r) => ({ created: s.created + r.json().created, duplicates: s.duplicates + r.json().duplicates }),
      { created: 0, duplicates: 0 },
    );
    expect(sum).toEqual({ created: 350, duplicates: 250 });
    const rows = await sql<{ a: number; o: number }>`
      select (select count(*)::int from activities where source = 'overlap') as a, (select count(*)::int from orders where source = 'overlap') as o`.execute(
      kith.database.db,
    );
    expect(rows.rows[0]).toEqual({ a: 350, o: 70 });
    expect(await count('members')).toBe(members + 40);
  });

  it('publishes one domain event per batch in the same transaction', async () => {
    const before = await sql<{
      n: number;
    }>`select count(*)::int as n from outbox_events where topic = 'activity.ingested'`.execute(kith.database.db);
    await inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: key,
      payload: { source: 'evt', items: [msg(100), msg(101)] },
    });
    const after = await sql<{
      n: number;
      ids: number[];
    }>`select count(*)::int as n, (array_agg(payload->'ids' order by id desc))[1] as ids from outbox_events where topic = 'activity.ingested'`.execute(
      kith.database.db,
    );
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n + 1);
    expect((after.rows[0]!.ids as unknown as number[]).length).toBe(2);
  });

  it('lists a member timeline newest first with keyset paging', async () => {
    const m = await kith.database.db
      .selectFrom('member_identities')
      .select('member_id')
      .where('external_id', '=', 'wx-1')
      .executeTakeFirstOrThrow();
    const p1 = await inject({ method: 'GET', url: `/api/v1/activities?memberId=${m.member_id}&limit=1`, headers: key });
    expect(p1.statusCode).toBe(200);
    expect(p1.json().items).toHaveLength(1);
    const p2 = await inject({
      method: 'GET',
      url: `/api/v1/activities?memberId=${m.member_id}&limit=50&cursor=${p1.json().nextCursor}`,
      headers: key,
    });
    const ids = [...p1.json().items, ...p2.json().items].map((a: { id: number }) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const all = await sql<{
      n: number;
    }>`select count(*)::int as n from activities where member_id = ${m.member_id}`.execute(kith.database.db);
    expect(ids.length).toBe(all.rows[0]!.n);
  });
});

describe('ingest payload fuzzing', () => {
  // Strings here are any UTF-16 code units, NUL and unpaired surrogates included. (The same bad
  // values in every field of every route: test/security/input.test.ts.)
  it('answers any malformed payload with 4xx, never 5xx, and writes nothing', async () => {
    const before = await count('activities');
    const membersBefore = await count('members');
    const text = fc.string({ unit: 'binary' });
    const anything = fc.anything({ stringUnit: 'binary', withObjectString: true });
    const junkItem = fc.oneof(
      anything,
      fc.record(
        {
          externalId: fc.oneof(text, fc.integer(), fc.constant('')),
          kind: fc.oneof(text, fc.constant('message'), fc.constant('purchase')),
          occurredAt: fc.oneof(
            text,
            fc.date({ noInvalidDate: false }).map((d) => String(d)),
          ),
          member: fc.oneof(anything, fc.record({ channel: text, externalId: anything, displayName: text })),
          properties: fc.oneof(anything, fc.record({ text })),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anything,
          fc.record(
            { source: fc.oneof(text, anything), items: fc.oneof(anything, fc.array(junkItem, { maxLength: 5 })) },
            { requiredKeys: [] },
          ),
        ),
        async (payload) => {
          const r = await inject({
            method: 'POST',
            url: '/api/v1/activities',
            headers: { ...key, 'content-type': 'application/json' },
            payload: JSON.stringify(payload) ?? 'null',
          });
          expect(r.statusCode).toBeGreaterThanOrEqual(400);
          expect(r.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
    expect(await count('activities')).toBe(before);
    expect(await count('members')).toBe(membersBefore);
  });
});
