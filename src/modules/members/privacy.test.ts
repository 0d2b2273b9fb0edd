import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKith, staffSession, type TestKith } from '../../../test/harness.js';
import type { MemberDataParticipant } from './participants.js';
import { addCommunity, join, membersClient, uniq, type Headers } from './members.test-support.js';

/** Another module's personal content about members (say, message text). */
const messages = new Map<number, string[]>();
const messagesParticipant: MemberDataParticipant = {
  name: 'test-messages',
  async move() {
    return null;
  },
  async undoMove() {},
  async exportData(_tx, id) {
    return { messages: messages.get(id) ?? [] };
  },
  async erase(_tx, id) {
    messages.set(
      id,
      (messages.get(id) ?? []).map(() => '[erased]'),
    );
  },
};

let kith: TestKith;
let api: ReturnType<typeof membersClient>;
let op: Headers;
let admin: Headers;
beforeAll(async () => {
  kith = await startTestKith();
  kith.members.participants.register(messagesParticipant);
  api = membersClient(kith);
  op = (await staffSession(kith, 'operator')).headers;
  admin = (await staffSession(kith, 'admin')).headers;
});
afterAll(async () => {
  await kith?.dispose();
});

const erase = (id: number, headers = admin) =>
  api.inject({ method: 'POST', url: `/api/v1/members/${id}/erase`, headers });

describe('personal-data requests', () => {
  it('exports everything about a member, every module included, and audits the request', async () => {
    const t = await api.tag(op, `读书会-${uniq()}`);
    const m = await api.create(op, { name: '张三', phone: '13800138111', email: 'zhang@example.com', tagIds: [t.id] });
    const dup = await api.create(op, { name: '张三(旧号)', city: '深圳' });
    await api.inject({
      method: 'POST',
      url: `/api/v1/members/${m.id}/merge`,
      headers: op,
      payload: { mergedId: dup.id },
    });
    messages.set(m.id, ['你好', '想了解会员权益']);
    // Personal-data requests are the owner's and admins' (members:data_request), not daily work.
    const refused = await api.inject({ method: 'GET', url: `/api/v1/members/${m.id}/personal-data`, headers: op });
    expect(refused.statusCode).toBe(403);
    const r = await api.inject({ method: 'GET', url: `/api/v1/members/${m.id}/personal-data`, headers: admin });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.member).toMatchObject({ name: '张三', phone: '13800138111', city: '深圳' });
    expect(body.mergedProfiles).toEqual([
      expect.objectContaining({ id: dup.id, name: '张三(旧号)', mergedInto: m.id }),
    ]);
    expect(body.merges).toHaveLength(1);
    expect(body.participants['test-messages']).toEqual({ messages: ['你好', '想了解会员权益'] });
    expect(body.participants.members.tags).toEqual([expect.objectContaining({ name: t.name })]);
    expect(body.participants.members.identities).toHaveLength(2);
    expect(await api.audit('member.personal_data_export', m.id)).toHaveLength(1);
  });
});

describe('erasure', () => {
  it('removes personal data, tokenises accounts, keeps the anonymous row, and audits without the data', async () => {
    const t = await api.tag(op, `VIP-${uniq()}`);
    const wx = `wx_${uniq()}`;
    const m = await api.create(op, {
      name: '李四',
      nickname: '小李',
      phone: '13800138222',
      email: 'li@example.com',
      birthday: '1990-01-02',
      city: '杭州',
      company: '某公司',
      avatarUrl: 'https://img.example.com/li.png',
      consentMarketing: true,
      lifecycleStage: 'monetised',
      tagIds: [t.id],
      identities: [{ channel: 'wechat', externalId: wx, displayName: '李四' }],
    });
    const old = await api.create(op, { name: '李四旧', phone: '13800138333' });
    const { mergeId } = (
      await api.inject({
        method: 'POST',
        url: `/api/v1/members/${m.id}/merge`,
        headers: op,
        payload: { mergedId: old.id },
      })
    ).json();
    const community = await addCommunity(kith, '杭州读书会');
    await join(kith, community, m.id);
    messages.set(m.id, ['我的电话是 13800138222']);

    expect((await erase(m.id, op)).statusCode).toBe(403); // operators lack members:erase
    const r = await erase(m.id);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      id: m.id,
      membersErased: [m.id, old.id].sort((a, b) => a - b),
      identitiesTokenised: 2,
      tagsRemoved: 1,
      mergeSnapshotsDropped: 1,
    });

    const after = (await api.get(op, m.id)).json();
    expect(after).toMatchObject({
      name: null,
      nickname: null,
      phone: null,
      email: null,
      birthday: null,
      city: null,
      company: null,
      avatarUrl: null,
      attributes: {},
      consentMarketing: false,
      tags: [],
      lifecycleStage: 'monetised',
      displayName: `Erased member #${m.id}`,
    });
    expect(after.erasedAt).not.toBeNull();
    expect(
      after.identities.every(
        (i: { externalId: string; displayName: string | null }) =>
          i.externalId.startsWith('erased-') && i.displayName === null,
      ),
    ).toBe(true);
    expect((await api.get(op, old.id)).json()).toMatchObject({ name: null, phone: null });
    expect(messages.get(m.id)).toEqual(['[erased]']);

    // The rows stay for anonymous counts, but nothing identifies the person any more.
    const db = kith.database.db;
    const rows = await sql<{ n: number }>`select count(*) as n from members where id in (${m.id}, ${old.id})`.execute(
      db,
    );
    expect(Number(rows.rows[0]!.n)).toBe(2);
    const stored = JSON.stringify(
      (
        await sql`select m.*, (select json_agg(i) from member_identities i where i.member_id = m.id) ids,
      (select json_agg(x.snapshot) from member_merges x where x.survivor_id = m.id) merges from members m where m.id in (${m.id}, ${old.id})`.execute(
          db,
        )
      ).rows,
    );
    for (const secret of ['李四', '13800138222', '13800138333', 'li@example.com', wx, '1990-01-02'])
      expect(stored).not.toContain(secret);
    expect((await api.list(op, `q=${wx}`)).items).toEqual([]);
    expect((await api.list(op, 'q=13800138222')).items).toEqual([]);
    expect((await api.list(op, `communityId=${community}`)).items).toEqual([]);

    // Earlier audit entries about the member keep who did what, but not the personal data.
    const history = JSON.stringify(
      (
        await sql`select before, after from audit_log where target_type = 'member' and target_id in (${String(m.id)}, ${String(old.id)}) and action <> 'member.erase'`.execute(
          db,
        )
      ).rows,
    );
    expect(history).toContain('personal data erased');
    for (const secret of ['李四', '13800138222', '13800138333', 'li@example.com'])
      expect(history).not.toContain(secret);

    const [entry] = await api.audit('member.erase', m.id);
    expect(entry!.after).toMatchObject({
      identitiesTokenised: 2,
      participants: expect.arrayContaining(['members', 'test-messages']),
    });
    for (const secret of ['李四', '13800138222', wx]) expect(JSON.stringify(entry)).not.toContain(secret);

    const undo = await api.inject({ method: 'POST', url: `/api/v1/members/merges/${mergeId}/undo`, headers: op });
    expect(undo.statusCode).toBe(409);
    expect(undo.json().detail).toMatch(/erased/);
    expect((await erase(m.id)).statusCode).toBe(409);
    const edit = await api.inject({
      method: 'PATCH',
      url: `/api/v1/members/${m.id}`,
      headers: op,
      payload: { name: '复活' },
    });
    expect(edit.statusCode).toBe(409);
  });

  it('lets a returning person start afresh: their old account id is free again', async () => {
    const wx = `wx_${uniq()}`;
    const m = await api.create(op, { identities: [{ channel: 'wechat', externalId: wx }] });
    await erase(m.id);
    const again = await api.create(op, { identities: [{ channel: 'wechat', externalId: wx }] });
    expect(again.id).not.toBe(m.id);
  });
});
