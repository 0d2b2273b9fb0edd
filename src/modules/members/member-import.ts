import type { Tx } from '../../kernel/db/database.js';
import { identityKey, type Channel } from './identity-resolution.js';
import * as repo from './member-import.repo.js';
import type { AccountType } from './domain/profile-rules.js';

/**
 * Members from spreadsheets (CRM exports, customer lists) and buyers from order files. A person is
 * recognised again by a channel account first, then the phone, then the email — so importing the
 * same file twice, or a second file about the same people, updates them instead of duplicating.
 * Non-empty cells overwrite; empty cells leave what Kith already knows.
 */
export interface MemberUpsert {
  name?: string;
  nickname?: string;
  phone?: string;
  email?: string;
  gender?: string;
  birthday?: string;
  city?: string;
  company?: string;
  source?: string;
  consentMarketing?: boolean;
  lifecycleStage?: string;
  identities: { channel: Channel; externalId: string; displayName?: string }[];
  tags: string[];
  attributes: Record<string, string>;
}

export type UpsertOutcome = { memberId: number; status: 'created' | 'updated' | 'unchanged' };

const PROFILE_FIELDS = [
  'name',
  'nickname',
  'phone',
  'email',
  'gender',
  'birthday',
  'city',
  'company',
  'source',
  'lifecycle_stage',
] as const;

async function matchExisting(tx: Tx, rows: Pick<MemberUpsert, 'phone' | 'email' | 'identities'>[]) {
  const ids = rows.flatMap((r) => r.identities);
  const phones = [...new Set(rows.flatMap((r) => (r.phone ? [r.phone] : [])))];
  const emails = [...new Set(rows.flatMap((r) => (r.email ? [r.email.toLowerCase()] : [])))];
  const byIdentity = new Map<string, number>();
  const byPhone = new Map<string, number>();
  const byEmail = new Map<string, number>();
  if (ids.length) {
    for (const x of await repo.identityOwners(tx, ids))
      byIdentity.set(identityKey(x.channel, x.external_id), x.member_id);
  }
  if (phones.length) {
    for (const x of await repo.liveMembersByPhone(tx, phones)) byPhone.set(x.phone, x.id);
  }
  if (emails.length) {
    for (const x of await repo.liveMembersByEmail(tx, emails)) byEmail.set(x.email, x.id);
  }
  return (r: Pick<MemberUpsert, 'phone' | 'email' | 'identities'>): number | undefined => {
    for (const i of r.identities) {
      const m = byIdentity.get(identityKey(i.channel, i.externalId));
      if (m) return m;
    }
    return (r.phone && byPhone.get(r.phone)) || (r.email && byEmail.get(r.email.toLowerCase())) || undefined;
  };
}

/**
 * Creates or updates the members of a chunk of import rows; one outcome per row, in order.
 * A chunk costs a fixed handful of statements: match, insert the new people, load the known ones,
 * update only those whose cells say something new, then identities and tags in one go each.
 */
export async function upsertImportedMembers(
  tx: Tx,
  rows: MemberUpsert[],
  opts: { source: string },
): Promise<UpsertOutcome[]> {
  const find = await matchExisting(tx, rows);
  // Rows about the same person within the chunk land on the same member: the first row that
  // names a key owns it; later rows with any of its keys join it.
  const keysOf = (r: MemberUpsert) => [
    ...r.identities.map((i) => `i:${identityKey(i.channel, i.externalId)}`),
    ...(r.phone ? [`p:${r.phone}`] : []),
    ...(r.email ? [`e:${r.email.toLowerCase()}`] : []),
  ];
  const target: ({ existing: number } | { fresh: number })[] = [];
  const freshOf = new Map<string, number>();
  const freshRows: number[] = [];
  rows.forEach((r, i) => {
    const existing = find(r);
    if (existing !== undefined) return void target.push({ existing });
    const keys = keysOf(r);
    let f = keys.map((k) => freshOf.get(k)).find((x) => x !== undefined);
    if (f === undefined) {
      f = freshRows.length;
      freshRows.push(i);
    }
    for (const k of keys) freshOf.set(k, f);
    target.push({ fresh: f });
  });

  const values = (r: MemberUpsert) => ({
    name: r.name ?? null,
    nickname: r.nickname ?? null,
    phone: r.phone ?? null,
    email: r.email?.toLowerCase() ?? null,
    gender: r.gender ?? null,
    birthday: r.birthday ?? null,
    city: r.city ?? null,
    company: r.company ?? null,
    source: r.source ?? opts.source,
    lifecycle_stage: r.lifecycleStage ?? null,
  });
  const freshIds: number[] = [];
  if (freshRows.length) {
    const inserted = await repo.insertMemberRows(
      tx,
      freshRows.map((i) => {
        const r = rows[i]!;
        const v = values(r);
        return {
          ...v,
          gender: v.gender ?? 'unknown',
          lifecycle_stage: v.lifecycle_stage ?? 'acquired',
          consent_marketing: r.consentMarketing ?? false,
          attributes: JSON.stringify(r.attributes),
        };
      }),
    );
    freshIds.push(...inserted.sort((a, b) => a - b));
  }
  const memberIdOf = (i: number) => {
    const t = target[i]!;
    return 'existing' in t ? t.existing : freshIds[t.fresh]!;
  };

  // Known people, and fresh ones seen again later in the chunk, take the non-empty cells as a patch.
  const outcomes: UpsertOutcome[] = rows.map((_, i) => ({
    memberId: memberIdOf(i),
    status: 'unchanged' as UpsertOutcome['status'],
  }));
  freshRows.forEach((i) => (outcomes[i]!.status = 'created'));
  const toPatch = rows.map((_, i) => i).filter((i) => !freshRows.includes(i));
  if (toPatch.length) {
    const ids = [...new Set(toPatch.map(memberIdOf))];
    const current = new Map((await repo.membersByIds(tx, ids)).map((m) => [m.id, m as Record<string, unknown>]));
    const patches = new Map<number, Record<string, unknown>>();
    for (const i of toPatch) {
      const r = rows[i]!;
      const id = memberIdOf(i);
      const before = { ...current.get(id)!, ...(patches.get(id) ?? {}) };
      const v = values(r);
      const patch: Record<string, unknown> = {};
      for (const f of PROFILE_FIELDS) if (v[f] !== null && v[f] !== before[f]) patch[f] = v[f];
      if (r.consentMarketing !== undefined && r.consentMarketing !== before.consent_marketing)
        patch.consent_marketing = r.consentMarketing;
      const attrs = {
        ...((typeof before.attributes === 'string' ? JSON.parse(before.attributes) : before.attributes) as Record<
          string,
          unknown
        >),
      };
      let attrsChanged = false;
      for (const [k, val] of Object.entries(r.attributes))
        if (attrs[k] !== val) {
          attrs[k] = val;
          attrsChanged = true;
        }
      if (attrsChanged) patch.attributes = JSON.stringify(attrs);
      if (Object.keys(patch).length) {
        patches.set(id, { ...(patches.get(id) ?? {}), ...patch });
        if (outcomes[i]!.status === 'unchanged' && !freshIds.includes(id)) outcomes[i]!.status = 'updated';
      }
    }
    for (const [id, patch] of patches) await repo.patchMember(tx, id, { ...patch, updated_at: new Date() });
  }

  const identities = rows.flatMap((r, i) =>
    r.identities.map((x) => ({ member_id: memberIdOf(i), channel: x.channel, external_id: x.externalId, row: i })),
  );
  if (identities.length) {
    const added = await repo.addIdentities(
      tx,
      identities.map(({ row: _row, ...x }) => x),
    );
    const addedKeys = new Set(added.map((a) => identityKey(a.channel, a.external_id)));
    for (const x of identities)
      if (addedKeys.has(identityKey(x.channel, x.external_id)) && outcomes[x.row]!.status === 'unchanged')
        outcomes[x.row]!.status = 'updated';
  }
  const names = [...new Set(rows.flatMap((r) => r.tags))];
  if (names.length) {
    const tagId = await repo.ensureTags(tx, names);
    const links = rows.flatMap((r, i) =>
      r.tags.map((t) => ({ member_id: memberIdOf(i), tag_id: tagId.get(t.toLowerCase())!, row: i })),
    );
    const unique = [...new Map(links.map((l) => [`${l.member_id}:${l.tag_id}`, l])).values()];
    const added = await repo.linkTags(
      tx,
      unique.map(({ row: _row, ...l }) => l),
    );
    const addedKeys = new Set(added.map((a) => `${a.member_id}:${a.tag_id}`));
    for (const l of links)
      if (addedKeys.has(`${l.member_id}:${l.tag_id}`) && outcomes[l.row]!.status === 'unchanged')
        outcomes[l.row]!.status = 'updated';
  }
  return outcomes;
}

/** The member behind each buyer of an order file, creating one from the contact when unknown. */
export async function findOrCreateBuyers(
  tx: Tx,
  buyers: { phone?: string; email?: string; name?: string; identities: { channel: Channel; externalId: string }[] }[],
  opts: { source: string },
): Promise<number[]> {
  const outcomes = await upsertImportedMembers(
    tx,
    buyers.map((b) => ({
      // A buyer row only fills gaps: an order file is not the authority on the profile.
      phone: b.phone,
      email: b.email,
      identities: b.identities,
      tags: [],
      attributes: {},
    })),
    opts,
  );
  const ids = outcomes.map((o) => o.memberId);
  const named = buyers.map((b, i) => ({ id: ids[i]!, name: b.name })).filter((x) => x.name);
  if (named.length) {
    await repo.nameUnnamed(
      tx,
      named.map((n) => ({ id: n.id, name: n.name! })),
    );
  }
  return ids;
}

/**
 * Inserts members as given, one new member per row, without looking for existing ones: for loading
 * a system of record (or the demo) where each row is known to be a distinct person, even when two
 * share a phone. Channel accounts already taken are skipped. Returns the new ids in row order.
 */
export async function insertMembersBulk(
  tx: Tx,
  rows: (MemberUpsert & { createdAt?: string; accountType?: AccountType })[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let s = 0; s < rows.length; s += 1000) {
    const chunk = rows.slice(s, s + 1000);
    const chunkIds = await repo.insertMemberRows(
      tx,
      chunk.map((r) => ({
        name: r.name ?? null,
        nickname: r.nickname ?? null,
        phone: r.phone ?? null,
        email: r.email?.toLowerCase() ?? null,
        gender: r.gender ?? 'unknown',
        birthday: r.birthday ?? null,
        city: r.city ?? null,
        company: r.company ?? null,
        source: r.source ?? null,
        consent_marketing: r.consentMarketing ?? false,
        lifecycle_stage: r.lifecycleStage ?? 'acquired',
        account_type: r.accountType ?? 'member',
        attributes: JSON.stringify(r.attributes),
        ...(r.createdAt ? { created_at: r.createdAt, updated_at: r.createdAt } : {}),
      })),
    );
    ids.push(...chunkIds);
    const identities = chunk.flatMap((r, i) =>
      r.identities.map((x) => ({
        member_id: chunkIds[i]!,
        channel: x.channel,
        external_id: x.externalId,
        display_name: x.displayName ?? null,
      })),
    );
    if (identities.length) {
      await repo.addIdentities(tx, identities);
    }
    const names = [...new Set(chunk.flatMap((r) => r.tags))];
    if (names.length) {
      const tagId = await repo.ensureTags(tx, names);
      const links = chunk.flatMap((r, i) =>
        r.tags.map((t) => ({ member_id: chunkIds[i]!, tag_id: tagId.get(t.toLowerCase())! })),
      );
      if (links.length) await repo.linkTags(tx, links);
    }
  }
  return ids;
}
