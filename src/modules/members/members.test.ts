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

describe('member profiles', () => {
  it('creates a member with normalised phone and email, identities and tags, and audits it', async () => {
    const vip = await api.tag(op, `VIP-${uniq()}`);
    const wx = `wx_${uniq()}`;
    const m = await api.create(op, {
      name: '小林子',
      nickname: '林林',
      phone: '+86 138-0013-8000',
      email: ' Lin@Example.COM',
      gender: 'female',
      birthday: '1992-08-08',
      city: '上海',
      company: '某某科技',
      source: '线下沙龙',
      consentMarketing: true,
      lifecycleStage: 'activated',
      identities: [{ channel: 'wechat', externalId: wx, displayName: '林' }],
      tagIds: [vip.id],
    });
    expect(m).toMatchObject({
      name: '小林子',
      displayName: '小林子',
      phone: '138****8000', // masked unless revealed (docs/security.md → personal data)
      email: 'l***@example.com',
      birthday: '1992-08-08',
      consentMarketing: true,
      consentDataProcessing: false,
      lifecycleStage: 'activated',
      mergedInto: null,
      erasedAt: null,
      identities: [{ channel: 'wechat', externalId: wx, displayName: '林' }],
      tags: [{ id: vip.id, name: vip.name }],
    });
    const read = await api.get(op, m.id);
    expect(read.json()).toEqual(m);
    // Shown in full to a role that may see contacts, and that is written down.
    const shown = await api.inject({ method: 'GET', url: `/api/v1/members/${m.id}?reveal=contact`, headers: op });
    expect(shown.json()).toMatchObject({ phone: '13800138000', email: 'lin@example.com' });
    expect((await api.audit('member.contact.reveal', m.id)).length).toBe(1);
    const analyst = (await staffSession(kith, 'analyst')).headers;
    const refused = await api.inject({
      method: 'GET',
      url: `/api/v1/members/${m.id}?reveal=contact`,
      headers: analyst,
    });
    expect(refused.statusCode).toBe(403);
    const [entry] = await api.audit('member.create', m.id);
    expect(entry!.after).toMatchObject({
      name: '小林子',
      phone: '13800138000',
      identities: [{ channel: 'wechat', externalId: wx }],
    });
  });

  it('names every invalid field in one 400', async () => {
    const r = await api.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: op,
      payload: {
        name: '坏数据',
        phone: '12345',
        email: 'not-an-email',
        birthday: '2023-02-30',
        identities: [{ channel: 'wechat', externalId: `wx_${uniq()}` }],
      },
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(
      r
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['birthday', 'email', 'phone']);
  });

  it('refuses a member nobody could recognise again', async () => {
    const r = await api.inject({ method: 'POST', url: '/api/v1/members', headers: op, payload: { name: '无名氏' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].path).toBe('identities');
  });

  it('refuses unknown fields and unknown channels naming them', async () => {
    const r = await api.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: op,
      payload: { name: 'x', phone: '13800138001', vip: true },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].path).toBe('body/vip');
  });

  it('patches only the named fields, sets the lifecycle stage, and audits before/after', async () => {
    const m = await api.create(op, { name: '王芳', city: '北京' });
    const r = await api.inject({
      method: 'PATCH',
      url: `/api/v1/members/${m.id}`,
      headers: op,
      payload: { lifecycleStage: 'retained', city: null, email: 'WANG@EXAMPLE.CN' },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ name: '王芳', city: null, lifecycleStage: 'retained', email: 'w***@example.cn' });
    const [entry] = await api.audit('member.update', m.id);
    expect(entry!.before).toEqual({ city: '北京', email: null, lifecycleStage: 'acquired' });
    expect(entry!.after).toEqual({ city: null, email: 'wang@example.cn', lifecycleStage: 'retained' });
  });

  it('answers 404 for a member that does not exist', async () => {
    expect((await api.get(op, 987654321)).statusCode).toBe(404);
  });

  it('lets an analyst read but not write (403)', async () => {
    const analyst = (await staffSession(kith, 'analyst')).headers;
    const m = await api.create(op);
    expect((await api.get(analyst, m.id)).statusCode).toBe(200);
    const r = await api.inject({
      method: 'PATCH',
      url: `/api/v1/members/${m.id}`,
      headers: analyst,
      payload: { name: 'x' },
    });
    expect(r.statusCode).toBe(403);
    const c = await api.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: analyst,
      payload: { name: 'x', phone: '13800138002' },
    });
    expect(c.statusCode).toBe(403);
  });
});

describe('identities', () => {
  it('refuses an account that belongs to another member with 409 naming that member', async () => {
    const owner = await api.create(op);
    const other = await api.create(op);
    const taken = owner.identities[0];
    const r = await api.inject({
      method: 'POST',
      url: `/api/v1/members/${other.id}/identities`,
      headers: op,
      payload: { channel: taken.channel, externalId: taken.externalId },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('IDENTITY_TAKEN');
    expect(r.json().detail).toContain(`member ${owner.id}`);
    expect(r.json().detail).toContain('merge');
    const dup = await api.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: op,
      payload: { name: 'dup', identities: [{ channel: taken.channel, externalId: taken.externalId }] },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe('identities.0.externalId');
  });

  it('adds and removes accounts; the last one stays unless a phone or email remains', async () => {
    const m = await api.create(op);
    const qq = `${Date.now() % 1e9}`;
    const added = await api.inject({
      method: 'POST',
      url: `/api/v1/members/${m.id}/identities`,
      headers: op,
      payload: { channel: 'qq', externalId: qq },
    });
    expect(added.statusCode).toBe(201);
    const again = await api.inject({
      method: 'POST',
      url: `/api/v1/members/${m.id}/identities`,
      headers: op,
      payload: { channel: 'qq', externalId: qq },
    });
    expect(again.statusCode).toBe(200);
    const del = (id: number) =>
      api.inject({ method: 'DELETE', url: `/api/v1/members/${m.id}/identities/${id}`, headers: op });
    expect((await del(added.json().id)).statusCode).toBe(200);
    const last = await del(m.identities[0].id);
    expect(last.statusCode).toBe(409);
    expect(last.json().detail).toMatch(/last channel account/);
    await api.inject({
      method: 'PATCH',
      url: `/api/v1/members/${m.id}`,
      headers: op,
      payload: { phone: '13900139000' },
    });
    expect((await del(m.identities[0].id)).statusCode).toBe(200);
    const cleared = await api.inject({
      method: 'PATCH',
      url: `/api/v1/members/${m.id}`,
      headers: op,
      payload: { phone: null },
    });
    expect(cleared.statusCode).toBe(400);
    expect(cleared.json().errors[0].path).toBe('phone');
    expect((await api.audit('member.identity_remove', m.id)).length).toBe(2);
  });

  it('normalises phone-channel accounts like profile phones', async () => {
    const m = await api.create(op, { identities: [{ channel: 'phone', externalId: '+86 137 0000 1111' }] });
    expect(m.identities[0].externalId).toBe('137****1111');
    const shown = await api.inject({ method: 'GET', url: `/api/v1/members/${m.id}?reveal=contact`, headers: op });
    expect(shown.json().identities[0].externalId).toBe('13700001111');
  });
});

describe('custom attributes', () => {
  it('validates member attributes against their definitions, naming the attribute', async () => {
    const key = `level_${uniq()}`.toLowerCase();
    const def = await api.inject({
      method: 'POST',
      url: '/api/v1/members/attributes',
      headers: op,
      payload: { key, label: '会员级别', type: 'enum', options: ['金卡', '银卡'] },
    });
    expect(def.statusCode, def.body).toBe(201);
    const bad = await api.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: op,
      payload: { name: 'a', phone: '13800138003', attributes: { [key]: '铜卡' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: `attributes.${key}`, message: 'must be one of 金卡, 银卡' }]);
    const m = await api.create(op, { attributes: { [key]: '金卡' } });
    expect(m.attributes).toEqual({ [key]: '金卡' });
    const renamed = await api.inject({
      method: 'PATCH',
      url: `/api/v1/members/attributes/${key}`,
      headers: op,
      payload: { options: ['金卡', '银卡', '铜卡'] },
    });
    expect(renamed.json().options).toEqual(['金卡', '银卡', '铜卡']);
    const removed = await api.inject({ method: 'DELETE', url: `/api/v1/members/attributes/${key}`, headers: op });
    expect(removed.json()).toEqual({ ok: true, valuesRemoved: 1 });
    expect((await api.get(op, m.id)).json().attributes).toEqual({});
    expect((await api.audit('attribute.delete', key))[0]!.before).toMatchObject({ key, valuesRemoved: 1 });
  });

  it('keeps attribute definitions to workspace-wide staff', async () => {
    const analyst = (await staffSession(kith, 'analyst')).headers;
    const cm = (await staffSession(kith, 'community_manager')).headers;
    const body = { key: 'shoe_size', label: '鞋码', type: 'number' };
    expect(
      (await api.inject({ method: 'POST', url: '/api/v1/members/attributes', headers: analyst, payload: body }))
        .statusCode,
    ).toBe(403);
    expect(
      (await api.inject({ method: 'POST', url: '/api/v1/members/attributes', headers: cm, payload: body })).statusCode,
    ).toBe(403);
    const bad = await api.inject({
      method: 'POST',
      url: '/api/v1/members/attributes',
      headers: op,
      payload: { ...body, key: 'Shoe Size' },
    });
    expect(bad.json().errors[0].path).toBe('key');
  });
});
