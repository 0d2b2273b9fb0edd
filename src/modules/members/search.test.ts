import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKith, staffSession, type TestKith } from '../../../test/harness.js';
import { fixedClock } from '../../kernel/clock.js';
import { addCommunity, join, membersClient, uniq, type Headers } from './members.test-support.js';

let kith: TestKith;
let api: ReturnType<typeof membersClient>;
let op: Headers;
const clock = fixedClock('2025-03-01T08:00:00Z');
const ids: Record<string, number> = {};
let vip: number;
let shanghai: number;

beforeAll(async () => {
  kith = await startTestKith({ clock });
  api = membersClient(kith);
  op = (await staffSession(kith, 'operator')).headers;
  vip = (await api.tag(op, 'VIP')).id;
  const make = async (key: string, body: Record<string, unknown>) => {
    ids[key] = (await api.create(op, body)).id;
    clock.advance(60_000);
  };
  await make('xiaolinzi', { name: '小林子', phone: '13800000001', tagIds: [vip], lifecycleStage: 'retained' });
  await make('linxiao', { name: '林小', nickname: '小林同学', email: 'lin@example.com' });
  await make('wangfang', { name: '王芳', identities: [{ channel: 'qq', externalId: '10001' }] });
  await make('percent', { name: '100%_会员', phone: '13800000004' });
  await make('plain', { name: '1000会员', phone: '13800000005', tagIds: [vip] });
  await make('alice', { name: 'Alice Chen', email: 'alice@example.com', lifecycleStage: 'monetised' });
  shanghai = await addCommunity(kith, '上海车友群');
  await join(kith, shanghai, ids.wangfang!);
  await join(kith, shanghai, ids.alice!, { left: true });
  await sql`update members set last_active_at = '2025-02-20T00:00:00Z' where id = ${ids.wangfang!}`.execute(
    kith.database.db,
  );
});
afterAll(async () => {
  await kith?.dispose();
});

const names = (page: { items: Record<string, unknown>[] }) => page.items.map((m) => String(m.name)).sort();

describe('search', () => {
  it('finds a Chinese name by a fragment of it, in name or nickname', async () => {
    expect(names(await api.list(op, `q=${encodeURIComponent('小林')}`))).toEqual(['小林子', '林小']);
    expect(names(await api.list(op, `q=${encodeURIComponent('林')}`))).toEqual(['小林子', '林小']);
    expect(names(await api.list(op, `q=${encodeURIComponent('林子')}`))).toEqual(['小林子']);
    expect(names(await api.list(op, `q=${encodeURIComponent('alice')}`))).toEqual(['Alice Chen']);
  });

  it('searches % and _ literally', async () => {
    expect(names(await api.list(op, `q=${encodeURIComponent('100%_')}`))).toEqual(['100%_会员']);
    expect(names(await api.list(op, `q=${encodeURIComponent('%')}`))).toEqual(['100%_会员']);
  });

  it('matches phone, email and channel account ids exactly', async () => {
    expect(names(await api.list(op, 'q=%2B86%20138%200000%200001'))).toEqual(['小林子']);
    expect(names(await api.list(op, 'q=LIN%40example.com'))).toEqual(['林小']);
    expect(names(await api.list(op, 'q=10001'))).toEqual(['王芳']);
    expect(names(await api.list(op, 'q=13800000000'))).toEqual([]); // a whole number matches exactly
  });

  it('finds a phone by its first or last four digits or more', async () => {
    expect(names(await api.list(op, 'q=0005'))).toEqual(['1000会员']);
    expect(names(await api.list(op, 'q=138-0000'))).toEqual(['100%_会员', '1000会员', '小林子']);
    expect(names(await api.list(op, 'q=001'))).toEqual([]); // three digits are too few to mean a phone
    // Not for a role that may not see phones: the masked list would give the digits away one by one.
    const analyst = (await staffSession(kith, 'analyst')).headers;
    expect(names(await api.list(analyst, 'q=0005'))).toEqual([]);
    expect(names(await api.list(analyst, 'q=13800000005'))).toEqual(['1000会员']); // a whole number still matches
  });

  it('finds a Chinese name by its pinyin: spelling, initials, given name or a prefix', async () => {
    for (const q of ['xiaolinzi', 'xlz', 'linzi']) expect(names(await api.list(op, `q=${q}`)), q).toEqual(['小林子']);
    expect(names(await api.list(op, 'q=XiaoLin'))).toEqual(['小林子', '林小']); // 林小 is 小林同学 by nickname
    expect(names(await api.list(op, 'q=wf'))).toEqual(['王芳']);
    // Nicknames too: 小林同学 is 林小's nickname.
    expect(names(await api.list(op, 'q=xiaolintong'))).toEqual(['林小']);
    // A renamed member is found by the new name only.
    const rename = async (name: string) =>
      expect(
        (await api.inject({ method: 'PATCH', url: `/api/v1/members/${ids.wangfang}`, headers: op, payload: { name } }))
          .statusCode,
      ).toBe(200);
    await rename('王芬');
    expect(names(await api.list(op, 'q=wangfen'))).toEqual(['王芬']);
    expect(names(await api.list(op, 'q=wangfang'))).toEqual([]);
    await rename('王芳');
  });

  it('works out the pinyin of profiles written before Kith kept it, in the background', async () => {
    const db = kith.database.db;
    await sql`insert into members (name, phone) values ('赵敏', '13900000077')`.execute(db);
    expect(names(await api.list(op, 'q=zhaomin'))).toEqual([]);
    await kith.database.transaction((tx) => kith.jobs.enqueue(tx, 'members-pinyin', {}));
    await kith.jobs.runOnce();
    expect(names(await api.list(op, 'q=zhaomin'))).toEqual(['赵敏']);
    await sql`delete from members where name = '赵敏'`.execute(db);
  });

  it('counts the members a filter matches, exactly while that is cheap', async () => {
    const count = async (q: string) => api.inject({ method: 'GET', url: `/api/v1/members/count?${q}`, headers: op });
    expect((await count('')).json()).toEqual({ count: 6, exact: true });
    expect((await count(`tagIds=${vip}`)).json()).toEqual({ count: 2, exact: true });
  });

  it('filters by phone, email, tag, stage, community, channel, and created / last-active ranges', async () => {
    expect(names(await api.list(op, 'phone=138-0000-0005'))).toEqual(['1000会员']);
    expect(names(await api.list(op, 'email=ALICE@example.com'))).toEqual(['Alice Chen']);
    expect(names(await api.list(op, `tagIds=${vip}`))).toEqual(['1000会员', '小林子']);
    expect(names(await api.list(op, 'lifecycleStages=retained&lifecycleStages=monetised'))).toEqual([
      'Alice Chen',
      '小林子',
    ]);
    expect(names(await api.list(op, `communityId=${shanghai}`))).toEqual(['王芳']); // Alice left
    expect(names(await api.list(op, 'channel=qq'))).toEqual(['王芳']);
    expect(names(await api.list(op, 'createdFrom=2025-03-01T08:01:00Z&createdTo=2025-03-01T08:03:00Z'))).toEqual([
      '林小',
      '王芳',
    ]);
    expect(names(await api.list(op, 'lastActiveFrom=2025-02-01T00:00:00Z'))).toEqual(['王芳']);
    expect(names(await api.list(op, 'lastActiveTo=2025-02-01T00:00:00Z'))).toEqual([]);
  });

  it('shows each member with identities, communities, tags, stage and last activity', async () => {
    const [w] = (await api.list(op, 'q=10001')).items;
    expect(w).toMatchObject({
      identities: [{ channel: 'qq', externalId: '10001' }],
      communities: [{ id: shanghai, name: '上海车友群' }],
      tags: [],
      lifecycleStage: 'acquired',
      lastActiveAt: '2025-02-20T00:00:00.000Z',
    });
  });

  it('refuses a bad filter naming the field', async () => {
    const r = await api.inject({ method: 'GET', url: '/api/v1/members?phone=12', headers: op });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].path).toBe('phone');
    const range = await api.inject({
      method: 'GET',
      url: '/api/v1/members?createdFrom=2025-03-02T00:00:00Z&createdTo=2025-03-01T00:00:00Z',
      headers: op,
    });
    expect(range.json().errors[0].path).toBe('createdFrom');
  });
});

describe('keyset paging', () => {
  it('walks every member exactly once in each sort, even when sort keys tie', async () => {
    // 25 members created in the same millisecond: only the id tiebreak orders them.
    const tie = uniq();
    for (let i = 0; i < 25; i++)
      await api.create(op, {
        name: i % 2 ? `同名${tie}` : null,
        nickname: `昵称${i}`,
        phone: `1390000${String(i).padStart(4, '0')}`,
      });
    for (const sort of ['created_at', 'last_active_at', 'name']) {
      for (const order of ['asc', 'desc']) {
        const seen: number[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: { items: { id: number }[]; nextCursor: string | null } = await api.list(
            op,
            `sort=${sort}&order=${order}&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
          );
          seen.push(...page.items.map((m) => m.id));
          cursor = page.nextCursor;
          pages++;
        } while (cursor);
        const all = await api.list(op, `sort=${sort}&order=${order}&limit=200`);
        expect(seen, `${sort} ${order}`).toEqual(all.items.map((m) => m.id));
        expect(new Set(seen).size).toBe(seen.length);
        expect(pages).toBeGreaterThan(5);
      }
    }
  });

  it('sorts by name, then nickname for the unnamed, and by last activity with never-active last', async () => {
    const byName = (await api.list(op, 'sort=name&order=asc&limit=200')).items.map((m) => m.name ?? m.nickname);
    expect(byName).toEqual([...byName].sort());
    const recent = (await api.list(op, 'sort=last_active_at&order=desc&limit=1')).items[0];
    expect(recent!.name).toBe('王芳');
  });

  it('refuses a cursor from another sort order', async () => {
    const page = await api.list(op, 'sort=name&limit=1');
    const r = await api.inject({
      method: 'GET',
      url: `/api/v1/members?sort=created_at&cursor=${page.nextCursor}`,
      headers: op,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].path).toBe('cursor');
  });
});
