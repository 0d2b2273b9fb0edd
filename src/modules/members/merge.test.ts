import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKith, staffSession, type TestKith } from '../../../test/harness.js';
import { KithError } from '../../kernel/errors.js';
import type { MemberDataParticipant } from './participants.js';
import { membersClient, uniq, type Headers } from './members.test-support.js';

/** Another module's data about members, kept in memory: proves participants are moved, undone and exported. */
const notes = new Map<number, string[]>();
const calls: string[] = [];
const notesParticipant: MemberDataParticipant = {
  name: 'test-notes',
  async move(_tx, from, to) {
    calls.push(`move ${from}→${to}`);
    const moved = notes.get(from) ?? [];
    notes.set(to, [...(notes.get(to) ?? []), ...moved]);
    notes.delete(from);
    return { moved };
  },
  async undoMove(_tx, snapshot, from, to) {
    calls.push(`undo ${from}←${to}`);
    const { moved } = snapshot as { moved: string[] };
    notes.set(
      to,
      (notes.get(to) ?? []).filter((n) => !moved.includes(n)),
    );
    if (moved.length) notes.set(from, moved);
  },
  async exportData(_tx, id) {
    return { notes: notes.get(id) ?? [] };
  },
  async erase(_tx, id) {
    notes.delete(id);
  },
};
/** A module that refuses some merges (as communities may): the whole merge must then not happen. */
const refusing = new Set<number>();
const refusingParticipant: MemberDataParticipant = {
  name: 'test-refusing',
  async move(_tx, from) {
    if (refusing.has(from)) throw new KithError('MERGE_NOT_ALLOWED', `member ${from} is locked by a test`);
    return null;
  },
  async undoMove() {},
  async exportData() {
    return null;
  },
  async erase() {},
};

let kith: TestKith;
let api: ReturnType<typeof membersClient>;
let op: Headers;
beforeAll(async () => {
  kith = await startTestKith();
  kith.members.participants.register(refusingParticipant);
  kith.members.participants.register(notesParticipant);
  api = membersClient(kith);
  op = (await staffSession(kith, 'operator')).headers;
});
afterAll(async () => {
  await kith?.dispose();
});

const merge = (survivor: number, merged: number, headers = op) =>
  api.inject({ method: 'POST', url: `/api/v1/members/${survivor}/merge`, headers, payload: { mergedId: merged } });
const undo = (mergeId: number) =>
  api.inject({ method: 'POST', url: `/api/v1/members/merges/${mergeId}/undo`, headers: op });
const snapshotOf = async (id: number) => {
  const { updatedAt: _ignored, ...rest } = (await api.get(op, id)).json();
  const exact = await sql<{ created_at: string }>`select created_at::text from members where id = ${id}`.execute(
    kith.database.db,
  );
  return { ...rest, exactCreatedAt: exact.rows[0]!.created_at, notes: notes.get(id) ?? [] };
};

describe('merging duplicates', () => {
  it("previews, merges (moving identities, tags and other modules' data) and undoes back to exactly the before state", async () => {
    const t1 = await api.tag(op, `老客-${uniq()}`);
    const t2 = await api.tag(op, `车主-${uniq()}`);
    const s = await api.create(op, {
      name: '林小姐',
      email: 'lin@example.com',
      consentMarketing: true,
      lifecycleStage: 'activated',
      tagIds: [t1.id],
    });
    const m = await api.create(op, {
      name: '林子',
      phone: '13800001234',
      city: '上海',
      consentMarketing: false,
      lifecycleStage: 'monetised',
      tagIds: [t1.id, t2.id],
      identities: [
        { channel: 'wechat', externalId: `wx_${uniq()}` },
        { channel: 'qq', externalId: `${Date.now() % 1e9}` },
      ],
    });
    await sql`update members set created_at = '2023-05-05 10:00:00.123456+00' where id = ${m.id}`.execute(
      kith.database.db,
    );
    notes.set(s.id, ['s-note']);
    notes.set(m.id, ['m-note-1', 'm-note-2']);
    const before = { s: await snapshotOf(s.id), m: await snapshotOf(m.id) };

    const preview = await api.inject({
      method: 'GET',
      url: `/api/v1/members/${s.id}/merge-preview?mergedId=${m.id}`,
      headers: op,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().result).toMatchObject({
      name: '林小姐',
      phone: '138****1234',
      city: '上海',
      consentMarketing: false,
      lifecycleStage: 'monetised',
      createdAt: '2023-05-05T10:00:00.123Z',
    });
    expect(preview.json().decisions).toContainEqual({ field: 'phone', from: 'merged' });
    expect(preview.json().moves).toEqual({ identities: 2, tags: 1 });

    const merged = await merge(s.id, m.id);
    expect(merged.statusCode, merged.body).toBe(200);
    const { mergeId, survivor } = merged.json();
    expect(survivor).toMatchObject({
      name: '林小姐',
      phone: '138****1234',
      email: 'l***@example.com',
      consentMarketing: false,
      lifecycleStage: 'monetised',
    });
    expect(survivor.identities).toHaveLength(3);
    expect(survivor.tags.map((t: { id: number }) => t.id).sort()).toEqual([t1.id, t2.id].sort());
    expect(notes.get(s.id)).toEqual(['s-note', 'm-note-1', 'm-note-2']);
    expect((await api.get(op, m.id)).json()).toMatchObject({ mergedInto: s.id, identities: [], tags: [] });
    expect((await api.list(op, `q=${m.identities[0].externalId}`)).items.map((x) => x.id)).toEqual([s.id]);
    expect((await api.list(op, 'q=%E6%9E%97%E5%AD%90')).items.map((x) => x.id)).not.toContain(m.id); // 林子 is gone from lists

    const undone = await undo(mergeId);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().keptFields).toEqual([]);
    expect({ s: await snapshotOf(s.id), m: await snapshotOf(m.id) }).toEqual(before);
    expect(calls).toContain(`move ${m.id}→${s.id}`);
    expect(calls).toContain(`undo ${m.id}←${s.id}`);

    expect((await api.audit('member.merge', s.id))[0]!.after).toMatchObject({ mergeId, mergedId: m.id });
    expect((await api.audit('member.merge_undo', s.id))[0]!.after).toMatchObject({ mergeId, restoredId: m.id });
    const history = await api.inject({ method: 'GET', url: `/api/v1/members/${m.id}/merges`, headers: op });
    expect(history.json().items[0]).toMatchObject({ id: mergeId, survivorId: s.id, mergedId: m.id, undoable: false });
  });

  it('lets the operator choose, field by field, whose value the merged profile keeps', async () => {
    const s = await api.create(op, { name: '李欣怡', city: '上海', phone: '13800007001' });
    const m = await api.create(op, { name: '欣怡', city: '杭州', phone: '13800007002' });
    const bad = await api.inject({
      method: 'POST',
      url: `/api/v1/members/${s.id}/merge`,
      headers: op,
      payload: { mergedId: m.id, choices: { consentMarketing: 'merged' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('choices/consentMarketing');
    const r = await api.inject({
      method: 'POST',
      url: `/api/v1/members/${s.id}/merge`,
      headers: op,
      payload: { mergedId: m.id, choices: { city: 'merged', phone: 'merged' } },
    });
    expect(r.statusCode, r.body).toBe(200);
    // The rule keeps the survivor's values; the choices took the merged member's city and phone.
    expect(r.json().survivor).toMatchObject({ name: '李欣怡', city: '杭州', phone: '138****7002' });
    const [entry] = await api.audit('member.merge', s.id);
    expect(entry!.after.choices).toEqual({ city: 'merged', phone: 'merged' });
  });

  it('keeps a survivor field edited after the merge when undoing', async () => {
    const s = await api.create(op, { name: '甲' });
    const m = await api.create(op, { name: '乙', phone: '13800005678', city: '成都' });
    const { mergeId } = (await merge(s.id, m.id)).json();
    await api.inject({
      method: 'PATCH',
      url: `/api/v1/members/${s.id}`,
      headers: op,
      payload: { phone: '13900009999' },
    });
    const r = await undo(mergeId);
    expect(r.json().keptFields).toEqual(['phone']);
    expect(r.json().survivor).toMatchObject({ phone: '139****9999', city: null });
    expect(r.json().restored).toMatchObject({ name: '乙', phone: '138****5678', mergedInto: null });
  });

  it('refuses merging a member into itself, merged members, and erased members with a clear 409', async () => {
    const a = await api.create(op);
    const b = await api.create(op);
    const c = await api.create(op);
    expect((await merge(a.id, a.id)).json()).toMatchObject({
      status: 409,
      code: 'MERGE_NOT_ALLOWED',
      detail: 'A member cannot be merged into itself',
    });
    expect((await merge(a.id, b.id)).statusCode).toBe(200);
    const intoMerged = await merge(b.id, c.id);
    expect(intoMerged.statusCode).toBe(409);
    expect(intoMerged.json().detail).toBe(`Member ${b.id} was already merged into member ${a.id}`);
    expect((await merge(c.id, b.id)).statusCode).toBe(409);
    const admin = (await staffSession(kith, 'admin')).headers;
    await api.inject({ method: 'POST', url: `/api/v1/members/${c.id}/erase`, headers: admin });
    const erased = await merge(a.id, c.id);
    expect(erased.statusCode).toBe(409);
    expect(erased.json().detail).toMatch(/erased/);
    const edit = await api.inject({
      method: 'PATCH',
      url: `/api/v1/members/${b.id}`,
      headers: op,
      payload: { name: 'x' },
    });
    expect(edit.statusCode).toBe(409);
  });

  it('refuses undoing a merge a later merge depends on, then allows it newest first', async () => {
    const a = await api.create(op);
    const b = await api.create(op);
    const c = await api.create(op);
    const first = (await merge(a.id, b.id)).json().mergeId;
    const second = (await merge(a.id, c.id)).json().mergeId;
    const blocked = await undo(first);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'UNDO_NOT_POSSIBLE' });
    expect(blocked.json().detail).toContain(`later merges (${second})`);
    expect((await undo(second)).statusCode).toBe(200);
    expect((await undo(first)).statusCode).toBe(200);
    expect((await undo(first)).json().detail).toMatch(/already undone/);
  });

  it('changes nothing when another module refuses its part of the merge', async () => {
    const a = await api.create(op);
    const b = await api.create(op);
    refusing.add(b.id);
    const r = await merge(a.id, b.id);
    expect(r.statusCode).toBe(409);
    expect(r.json().detail).toContain('locked by a test');
    expect((await api.get(op, b.id)).json()).toMatchObject({
      mergedInto: null,
      identities: [{ id: b.identities[0].id }],
    });
    expect((await api.get(op, a.id)).json().identities).toHaveLength(1);
  });

  it('needs members:merge', async () => {
    const analyst = (await staffSession(kith, 'analyst')).headers;
    const a = await api.create(op);
    const b = await api.create(op);
    expect((await merge(a.id, b.id, analyst)).statusCode).toBe(403);
  });
});
