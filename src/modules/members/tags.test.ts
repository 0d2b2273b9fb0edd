import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKith, staffSession, type TestKith } from '../../../test/harness.js';
import { membersClient, uniq, type Headers } from './members.test-support.js';

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

const listTags = async () =>
  (await api.inject({ method: 'GET', url: '/api/v1/members/tags', headers: op })).json().items as {
    id: number;
    name: string;
    color: string;
    memberCount: number;
  }[];
const bulk = (payload: object, headers = op) =>
  api.inject({ method: 'POST', url: '/api/v1/members/tags/bulk', headers, payload });

describe('tags', () => {
  it('creates, renames, recolours and deletes tags, with member counts, all audited', async () => {
    const t = await api.tag(op, '高意向', '#F5A');
    expect(t.color).toBe('#ff55aa');
    await api.create(op, { tagIds: [t.id] });
    await api.create(op, { tagIds: [t.id] });
    expect((await listTags()).find((x) => x.id === t.id)).toMatchObject({ name: '高意向', memberCount: 2 });

    const renamed = await api.inject({
      method: 'PATCH',
      url: `/api/v1/members/tags/${t.id}`,
      headers: op,
      payload: { name: '高购买意向', color: '#00aa00' },
    });
    expect(renamed.json()).toMatchObject({ name: '高购买意向', color: '#00aa00' });
    const badColour = await api.inject({
      method: 'PATCH',
      url: `/api/v1/members/tags/${t.id}`,
      headers: op,
      payload: { color: 'red' },
    });
    expect(badColour.json().errors[0].path).toBe('color');

    const deleted = await api.inject({ method: 'DELETE', url: `/api/v1/members/tags/${t.id}`, headers: op });
    expect(deleted.json()).toEqual({ ok: true, membersUntagged: 2 });
    expect((await listTags()).some((x) => x.id === t.id)).toBe(false);
    expect((await api.audit('tag.update', t.id))[0]!.after).toEqual({ name: '高购买意向', color: '#00aa00' });
    expect((await api.audit('tag.delete', t.id))[0]!.before).toMatchObject({ name: '高购买意向', memberCount: 2 });
  });

  it('refuses a second tag with the same name in any letter case', async () => {
    await api.tag(op, 'KOL');
    const r = await api.inject({ method: 'POST', url: '/api/v1/members/tags', headers: op, payload: { name: 'kol' } });
    expect(r.statusCode).toBe(409);
    expect(r.json().errors[0].path).toBe('name');
  });

  it('keeps tag definitions to workspace-wide staff', async () => {
    const cm = (await staffSession(kith, 'community_manager')).headers;
    const r = await api.inject({
      method: 'POST',
      url: '/api/v1/members/tags',
      headers: cm,
      payload: { name: `cm-${uniq()}` },
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('bulk tagging', () => {
  it('tags and untags everyone matching a filter in one audited action with counts', async () => {
    const city = `杭州${uniq()}`;
    const old = await api.tag(op, `老客-${uniq()}`);
    const fresh = await api.tag(op, `新客-${uniq()}`);
    const members = [];
    for (let i = 0; i < 5; i++)
      members.push(await api.create(op, { city, lifecycleStage: i < 3 ? 'retained' : 'acquired', tagIds: [fresh.id] }));
    const outsider = await api.create(op, { city: '别处', lifecycleStage: 'retained', tagIds: [fresh.id] });

    const r = await bulk({
      filter: { lifecycleStages: ['retained'], q: members[0].identities[0].externalId },
      add: [old.id],
    });
    expect(r.json()).toEqual({ matched: 1, added: 1, removed: 0 });

    // The filter reaches exactly the members the list shows for it, the outsider included.
    const list = await api.list(op, `lifecycleStages=retained&tagIds=${fresh.id}&limit=200`);
    const retainedInCity = list.items.filter((m) => m.city === city).map((m) => m.id);
    expect(retainedInCity).toHaveLength(3);
    expect(list.items).toHaveLength(4);
    const byFilter = await bulk({
      filter: { lifecycleStages: ['retained'], tagIds: [fresh.id] },
      add: [old.id],
      remove: [fresh.id],
    });
    expect(byFilter.statusCode, byFilter.body).toBe(200);
    expect(byFilter.json()).toEqual({ matched: 4, added: 3, removed: 4 });

    const tagged = await api.list(op, `tagIds=${old.id}&limit=200`);
    expect(tagged.items.map((m) => m.id).sort()).toEqual([...retainedInCity, outsider.id].sort());
    expect((await api.list(op, `tagIds=${fresh.id}&limit=200`)).items.map((m) => m.id).sort()).toEqual(
      members
        .slice(3)
        .map((m) => m.id)
        .sort(),
    );

    const [entry] = await api.audit('member.tags_bulk');
    expect(entry!.after).toMatchObject({
      filter: { lifecycleStages: ['retained'], tagIds: [fresh.id] },
      add: [old.id],
      remove: [fresh.id],
      matched: 4,
      added: 3,
      removed: 4,
    });
  });

  it('tags chosen members by id', async () => {
    const t = await api.tag(op, `活动报名-${uniq()}`);
    const a = await api.create(op);
    const b = await api.create(op);
    const r = await bulk({ memberIds: [a.id, b.id, 999999999], add: [t.id] });
    expect(r.json()).toEqual({ matched: 2, added: 2, removed: 0 });
    expect((await api.get(op, a.id)).json().tags.map((x: { id: number }) => x.id)).toEqual([t.id]);
  });

  it('refuses unclear requests naming the field', async () => {
    const t = await api.tag(op, `x-${uniq()}`);
    expect((await bulk({ add: [t.id] })).json().errors[0].path).toBe('memberIds');
    expect((await bulk({ memberIds: [1], add: [] })).json().errors[0].path).toBe('add');
    expect((await bulk({ memberIds: [1], add: [t.id], remove: [t.id] })).json().errors[0].path).toBe('remove');
    expect((await bulk({ memberIds: [1], add: [987654] })).json().errors[0]).toEqual({
      path: 'add',
      message: 'tags 987654 do not exist',
    });
    expect((await bulk({ filter: { phone: '12' }, add: [t.id] })).json().errors[0].path).toBe('filter.phone');
  });

  it('is refused to an analyst', async () => {
    const analyst = (await staffSession(kith, 'analyst')).headers;
    expect((await bulk({ memberIds: [1], add: [1] }, analyst)).statusCode).toBe(403);
  });
});
